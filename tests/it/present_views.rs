//! Presenter screens a team watches, at 80x24 and 40x12: the footer's
//! count, a section in reading order as its points are revealed (scrolling
//! with the reveal), the blank screen, and the question before ending.

use crate::common;

use common::presenting::{T0, TOOLKIT, draw_at, presenter};

use allyship::present::{self, Options, PresentAction, Presenter, Selection, update};
use allyship::theme::Theme;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::time::Duration;

use PresentAction::*;

/// The screen drawn at `width`x`height`, 65 seconds after the start.
fn draw(p: &Presenter, width: u16, height: u16) -> Terminal<TestBackend> {
    draw_at(p, width, height, 65)
}

fn text(terminal: &Terminal<TestBackend>) -> String {
    common::frames::text(terminal.backend().buffer())
}

fn footer(terminal: &Terminal<TestBackend>) -> String {
    text(terminal)
        .lines()
        .last()
        .unwrap_or_default()
        .to_string()
}

#[test]
fn the_part_opens_with_its_outcomes() {
    let p = presenter(&["top-tips"], &[]);
    assert_eq!(p.walkthrough().step(), present::Step::Outcomes);
    for (width, height) in [(80, 24), (40, 12)] {
        let screen = draw(&p, width, height);
        let shown = text(&screen);
        assert!(shown.contains("After this part you can:"), "{shown}");
        assert!(footer(&screen).contains("Introduction"), "{shown}");
        insta::assert_snapshot!(format!("outcomes_{width}x{height}"), screen.backend());
    }
}

#[test]
fn the_introduction_is_not_a_tip() {
    // Past the part's outcomes.
    let p = presenter(&["top-tips"], &[Next]);
    let wide = draw(&p, 80, 24);
    let why = common::number_of("why-these-tips");
    assert!(footer(&wide).contains(&format!("Introduction (section {why})")));
    insta::assert_snapshot!("introduction_80x24", wide.backend());
    let narrow = draw(&p, 40, 12);
    assert!(
        footer(&narrow).contains("Introduction"),
        "{}",
        footer(&narrow)
    );
    insta::assert_snapshot!("introduction_40x12", narrow.backend());
}

#[test]
fn presenting_from_section_23_counts_in_the_whole_part() {
    // From the fifth tip to the last.
    let (from, to) = (
        common::number_of("tip-clumsy-but-respectful"),
        common::number_of("tip-be-consistent"),
    );
    let p = presenter(&[&format!("{from}-{to}")], &[]);
    let wide = draw(&p, 80, 24);
    assert!(footer(&wide).contains(&format!("Tip 5 of 9 (section {from})")));
    insta::assert_snapshot!("from_23_80x24", wide.backend());
    let narrow = draw(&p, 40, 12);
    assert!(
        footer(&narrow).contains("Tip 5 of 9"),
        "{}",
        footer(&narrow)
    );
    insta::assert_snapshot!("from_23_40x12", narrow.backend());
}

/// Runs a walkthrough of top-tips on an 80x24 TestBackend with `keys`
/// (crossterm key codes); returns whether the keys ended it, and the last
/// screen drawn.
fn run_keys(keys: &[KeyCode]) -> (bool, String) {
    use ratatui::crossterm::event::{Event, KeyEvent, KeyModifiers};
    use std::sync::atomic::{AtomicBool, Ordering};
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
    let mut events: Vec<Event> = keys
        .iter()
        .map(|code| Event::Key(KeyEvent::new(*code, KeyModifiers::NONE)))
        .rev()
        .collect();
    let stop = AtomicBool::new(false);
    let mut idle = 0;
    let mut next = |_: Duration| {
        let event = events.pop();
        if event.is_none() {
            // Every key was read and the walkthrough goes on: let it draw
            // once more, then stop it.
            idle += 1;
            if idle > 2 {
                stop.store(true, Ordering::Relaxed);
            }
        }
        Ok(event)
    };
    let sections = Selection::parse(&TOOLKIT, &["top-tips".to_string()]).unwrap();
    let options = Options {
        theme: Theme::mono(),
        ..Options::default()
    };
    present::run_with(
        &mut terminal,
        &TOOLKIT,
        sections,
        options,
        None,
        &mut next,
        &stop,
    )
    .unwrap();
    let ended_by_keys = !stop.load(Ordering::Relaxed);
    (ended_by_keys, text(&terminal))
}

use ratatui::crossterm::event::KeyCode;

#[test]
fn any_key_brings_the_blank_screen_back_and_does_nothing_else() {
    let (ended, shown) = run_keys(&[KeyCode::Char('b')]);
    assert!(!ended && shown.trim().is_empty(), "{shown}");
    for key in [
        KeyCode::Char('x'),
        KeyCode::Char('q'),
        KeyCode::Esc,
        KeyCode::Tab,
        KeyCode::F(5),
        KeyCode::Char(' '),
    ] {
        // Past the part's outcomes, to the introduction.
        let (ended, shown) = run_keys(&[KeyCode::Char(' '), KeyCode::Char('b'), key]);
        assert!(!ended, "{key:?} ended the walkthrough");
        assert!(shown.contains("Why these tips matter"), "{key:?}:\n{shown}");
        assert!(!shown.contains("racist views"), "{key:?} also moved on");
        assert!(!shown.contains("End the walkthrough"), "{key:?} also asked");
    }
}

#[test]
fn esc_never_ends_the_walkthrough_and_q_asks_first() {
    let (ended, shown) = run_keys(&[KeyCode::Esc, KeyCode::Esc]);
    assert!(!ended, "Esc ended the walkthrough");
    assert!(shown.contains("q ends the walkthrough"), "{shown}");
    let (ended, shown) = run_keys(&[KeyCode::Char('q')]);
    assert!(!ended && shown.contains(present::view::QUESTION), "{shown}");
    let (ended, _) = run_keys(&[KeyCode::Char('q'), KeyCode::Esc]);
    assert!(!ended, "Esc ends the question, not the walkthrough");
    let (ended, shown) = run_keys(&[KeyCode::Char('q'), KeyCode::Char('n')]);
    assert!(
        !ended && !shown.contains(present::view::QUESTION),
        "{shown}"
    );
    let (ended, _) = run_keys(&[KeyCode::Char('q'), KeyCode::Char('y')]);
    assert!(ended, "y ends the walkthrough");
}

#[test]
fn the_question_before_ending() {
    let p = presenter(&["top-tips"], &[Next, Next, Quit]);
    let wide = draw(&p, 80, 24);
    assert!(text(&wide).contains(present::view::QUESTION));
    insta::assert_snapshot!("question_80x24", wide.backend());
    let narrow = draw(&p, 40, 12);
    assert!(text(&narrow).contains(present::view::QUESTION));
    insta::assert_snapshot!("question_40x12", narrow.backend());
}

/// The presenter after `actions`, each drawn at `width`x`height` before the
/// next (as the run loop does, so scrolling knows where the text ends).
fn drawn_after(width: u16, height: u16, actions: &[PresentAction]) -> Presenter<'static> {
    // From the introduction, past the part's outcomes.
    let mut p = presenter(&["top-tips"], &[Next]);
    for action in actions {
        draw(&p, width, height);
        update(&mut p, *action, *T0);
    }
    p
}

/// The screen rows that hold text, trimmed.
fn rows(screen: &str) -> Vec<String> {
    screen
        .lines()
        .map(|l| l.trim().to_string())
        .filter(|l| !l.is_empty())
        .collect()
}

/// The most empty rows in a row between the top row and the notice row.
fn longest_gap(screen: &str) -> usize {
    let lines: Vec<&str> = screen.lines().collect();
    let body = &lines[1..lines.len().saturating_sub(2)];
    let mut run = 0;
    let mut longest = 0;
    for line in body {
        run = if line.trim().is_empty() { run + 1 } else { 0 };
        longest = longest.max(run);
    }
    longest
}

#[test]
fn why_these_tips_reads_in_order_at_80x24() {
    let intro = text(&draw(&drawn_after(80, 24, &[]), 80, 24));
    assert!(intro.contains("which wrote these tips, names some"));
    assert!(!intro.contains("A microaggression is"), "{intro}");
    let first = draw(&drawn_after(80, 24, &[Next]), 80, 24);
    assert!(!text(&first).contains("A microaggression is"));
    insta::assert_snapshot!("why_first_point_80x24", first.backend());

    // Every point: the lead-in stays, what follows the list comes after it.
    let all = draw(&drawn_after(80, 24, &[Next; 4]), 80, 24);
    let shown = rows(&text(&all));
    let at = |t: &str| shown.iter().position(|r| r.contains(t));
    let lead = at("which wrote these tips, names some").expect("the lead-in stays");
    let newest = at("▸ microaggressions, inside or outside").expect("the newest point shows");
    let after = at("A microaggression is").expect("what follows shows");
    assert!(lead < newest && newest < after, "{shown:#?}");
    assert!(at("more below").is_some(), "{shown:#?}");
    assert!(longest_gap(&text(&all)) <= 1, "empty rows:\n{}", text(&all));
    insta::assert_snapshot!("why_all_points_80x24", all.backend());

    // Down shows the rest, to the links; Up goes back.
    let down = drawn_after(80, 24, &[&[Next; 4][..], &[ScrollDown; 30][..]].concat());
    let bottom = draw(&down, 80, 24);
    let online = common::number_of("learn-online");
    assert!(text(&bottom).contains(&format!("Online links and videos (section {online})")));
    assert!(text(&bottom).contains("more above"));
    insta::assert_snapshot!("why_all_points_scrolled_80x24", bottom.backend());
    let up = drawn_after(
        80,
        24,
        &[&[Next; 4][..], &[ScrollDown; 30][..], &[ScrollUp; 30][..]].concat(),
    );
    assert!(text(&draw(&up, 80, 24)).contains("When communities or staff"));
}

#[test]
fn why_these_tips_scrolls_with_the_reveal_at_40x12() {
    for n in 1..=4 {
        let p = drawn_after(40, 12, &vec![Next; n]);
        let screen = text(&draw(&p, 40, 12));
        assert!(screen.contains("▸ "), "point {n} not shown:\n{screen}");
        assert_eq!(screen.contains("below"), n == 4, "{screen}");
    }
    let first = draw(&drawn_after(40, 12, &[Next]), 40, 12);
    insta::assert_snapshot!("why_first_point_40x12", first.backend());
    let all = draw(&drawn_after(40, 12, &[Next; 4]), 40, 12);
    insta::assert_snapshot!("why_all_points_40x12", all.backend());
    let down = drawn_after(40, 12, &[&[Next; 4][..], &[ScrollDown; 3][..]].concat());
    insta::assert_snapshot!("why_all_points_down_3_40x12", draw(&down, 40, 12).backend());
}

#[test]
fn the_help_scrolls_at_40x12() {
    let help = drawn_after(40, 12, &[Help]);
    let top = draw(&help, 40, 12);
    assert!(text(&top).contains("more below"), "{}", text(&top));
    insta::assert_snapshot!("help_40x12", top.backend());
    let down = drawn_after(40, 12, &[&[Help][..], &[ScrollDown; 60][..]].concat());
    let end = text(&draw(&down, 40, 12));
    assert!(end.contains("the help."), "{end}");
    assert!(end.contains("more above"), "{end}");
}

/// A scenario as a team exercise: its options one by one, the question to
/// the room, then the feedback option by option; never a score.
#[test]
fn a_scenario_is_a_team_exercise_at_80x24_and_40x12() {
    let steps = [
        ("scenario_second_option", 2),
        ("scenario_discuss", 5),
        ("scenario_second_feedback", 7),
    ];
    for (name, nexts) in steps {
        let p = presenter(&["scenario-joke-in-a-meeting"], &vec![Next; nexts]);
        for (width, height) in [(80, 24), (40, 12)] {
            let screen = draw(&p, width, height);
            let shown = text(&screen);
            match name {
                "scenario_second_option" => {
                    assert!(shown.contains("▸ 2. "), "{shown}");
                    assert!(!shown.contains("Feedback:"), "{shown}");
                }
                "scenario_discuss" => {
                    let squeezed = shown.split_whitespace().collect::<Vec<_>>().join(" ");
                    assert!(squeezed.contains(present::DISCUSS_CHOICE), "{shown}");
                }
                _ => assert!(shown.contains("Feedback:"), "{shown}"),
            }
            assert!(!shown.to_lowercase().contains("score"), "{shown}");
            insta::assert_snapshot!(format!("{name}_{width}x{height}"), screen.backend());
        }
    }
}
