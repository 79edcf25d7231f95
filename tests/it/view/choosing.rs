//! Snapshots of a scenario's choices: the choose window (the highlighted
//! option in reverse video) and the feedback after choosing.

use super::common::frames::text;
use super::{app_at, draw};
use allyship::reader::action::Action;
use allyship::reader::app::App;
use allyship::toolkit::content::built_in;
use ratatui::style::Modifier;

/// The "joke in a meeting" scenario open at `width` x `height`, then `actions`.
fn on_a_scenario(width: u16, height: u16, actions: &[Action]) -> App {
    let number = built_in().index_of("scenario-joke-in-a-meeting").unwrap() + 1;
    let digits = number.to_string();
    let mut go: Vec<Action> = digits.bytes().map(|b| Action::Digit(b - b'0')).collect();
    go.push(Action::Open);
    go.extend_from_slice(actions);
    app_at(width, height, &go)
}

#[test]
fn choose_window_80x24_and_40x12() {
    for (width, height) in [(80, 24), (40, 12)] {
        let app = on_a_scenario(width, height, &[Action::Choose, Action::Down]);
        let frame = draw(&app);
        let screen = text(frame.backend().buffer());
        assert!(screen.contains("Choose an option"), "{screen}");
        assert!(screen.contains("Enter choose"), "{screen}");
        // The highlighted option is reverse video, not colour alone.
        let shown = allyship::reader::windows::choose::layout::layout(&app, 1).unwrap();
        let row = shown.inner.y + (shown.options[1].start - shown.offset) as u16;
        let cell = &frame.backend().buffer()[(shown.inner.x + 4, row)];
        assert!(
            cell.modifier.contains(Modifier::REVERSED),
            "{width}x{height}"
        );
        insta::assert_snapshot!(format!("choose_window_{width}x{height}"), frame.backend());
    }
}

#[test]
fn scenario_feedback_after_choosing_80x24_and_40x12() {
    for (width, height) in [(80, 24), (40, 12)] {
        let app = on_a_scenario(width, height, &[Action::Choose, Action::Down, Action::Open]);
        let frame = draw(&app);
        let screen = text(frame.backend().buffer());
        assert!(screen.contains("Your choice and its feedback"), "{screen}");
        assert!(screen.contains("▸ 2."), "{screen}");
        assert!(screen.contains("Feedback:"), "{screen}");
        insta::assert_snapshot!(
            format!("scenario_feedback_{width}x{height}"),
            frame.backend()
        );
    }
}

#[test]
fn scenario_feedback_80x24_scrolled_to_the_other_options() {
    let app = on_a_scenario(
        80,
        24,
        &[
            Action::Choose,
            Action::Down,
            Action::Open,
            Action::Down,
            Action::Down,
            Action::Down,
            Action::Down,
            Action::Down,
            Action::Down,
        ],
    );
    let frame = draw(&app);
    let screen = text(frame.backend().buffer());
    assert!(
        screen.contains("The other options and their feedback"),
        "{screen}"
    );
    insta::assert_snapshot!(frame.backend());
}
