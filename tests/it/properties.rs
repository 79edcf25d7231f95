//! Property tests: any sequence of actions and resizes never panics, keeps
//! every index and scroll in bounds, and every frame drawn stays inside the
//! screen, with the built-in toolkit and with one full of hard text; and text
//! printed by the plain commands never holds a control character.
//! `PROPTEST_CASES=20000 cargo test --release --test properties` runs longer.

use crate::common;

use allyship::reader::action::Action;
use allyship::reader::app::{App, Overlay};
use allyship::reader::ui;
use allyship::reader::update::update;
use allyship::toolkit::content::{Toolkit, built_in};
use common::frames::{assert_sound, hostile_toolkit};
use proptest::prelude::*;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::sync::LazyLock;

static TOOLKIT: LazyLock<Toolkit> = LazyLock::new(built_in);
static HARD: LazyLock<Toolkit> = LazyLock::new(hostile_toolkit);

fn action() -> impl Strategy<Value = Action> {
    prop_oneof![
        Just(Action::Up),
        Just(Action::Down),
        Just(Action::PageUp),
        Just(Action::PageDown),
        Just(Action::Top),
        Just(Action::Bottom),
        Just(Action::NextSection),
        Just(Action::PreviousSection),
        Just(Action::Open),
        Just(Action::SwitchFocus),
        Just(Action::ToggleContents),
        (0u8..10).prop_map(Action::Digit),
        Just(Action::Back),
        Just(Action::Forward),
        Just(Action::Help),
        Just(Action::Journal),
        Just(Action::Close),
        Just(Action::ToggleBookmark),
        Just(Action::Bookmarks),
        Just(Action::EditNote),
        Just(Action::Notes),
        Just(Action::Commit),
        Just(Action::Leaving),
        Just(Action::SaveNote),
        Just(Action::Remove),
        Just(Action::Relabel),
        Just(Action::Undo),
        Just(Action::Copy),
        Just(Action::SwitchTheme),
        Just(Action::Search),
        Just(Action::Links),
        Just(Action::Choose),
        Just(Action::NextMatch),
        Just(Action::PreviousMatch),
        any::<char>().prop_map(|c| Action::Type(ratatui::crossterm::event::KeyEvent::new(
            ratatui::crossterm::event::KeyCode::Char(c),
            ratatui::crossterm::event::KeyModifiers::NONE
        ))),
        (0u16..=300, 0u16..=100, any::<bool>()).prop_map(|(column, row, down)| Action::Wheel {
            column,
            row,
            down
        }),
        (0u16..=300, 0u16..=100).prop_map(|(column, row)| Action::Click { column, row }),
        (0u16..=300, 0u16..=100).prop_map(|(width, height)| Action::Resize { width, height }),
    ]
}

fn assert_in_bounds(app: &App) {
    let count = app.toolkit.section_count();
    assert!(app.current < count);
    assert!(app.selected < count);
    assert!(app.scroll <= app.max_scroll());
    assert!(app.contents_offset <= app.contents_rows().len());
    // Every digit counts up to twelve, then one `…`: a flood stays small.
    assert!(app.number.chars().count() <= 13);
    match app.overlay {
        Some(Overlay::Help { scroll, ref under }) => {
            assert!(
                scroll
                    <= allyship::reader::windows::help::draw::max_scroll(
                        app.screen,
                        under.as_deref()
                    )
            );
        }
        Some(Overlay::Journal { selected, scroll }) => {
            let inner = allyship::reader::windows::journal::draw::inner(app.screen);
            let rows = allyship::reader::windows::journal::draw::rows(app, inner.width);
            assert!(selected < rows.iter().filter(|r| r.selectable).count());
            assert!(usize::from(scroll) <= rows.len());
        }
        Some(Overlay::Bookmarks { selected }) => {
            assert!(selected < app.journal.records.bookmarks.len().max(1));
        }
        Some(Overlay::Notes { selected }) => {
            assert!(selected < app.journal.records.notes.len().max(1))
        }
        Some(Overlay::Links { selected }) => assert!(selected < app.links().len().max(1)),
        Some(Overlay::Commit(ref window)) => assert!((1..=365).contains(&window.days)),
        Some(Overlay::CheckIn(ref window)) => {
            assert!(app.journal.records.commitments.contains_key(&window.id));
            assert!(window.number() >= 1 && window.number() <= window.of);
        }
        Some(Overlay::Choose { selected }) => {
            let choice = allyship::reader::windows::choose::layout::choice(app);
            let options = choice.map_or(0, |c| c.options.len());
            assert!(
                selected < options,
                "only a scenario opens the choose window"
            );
        }
        Some(
            Overlay::Note(_) | Overlay::Label(_) | Overlay::Search { .. } | Overlay::ConfirmQuit,
        )
        | None => {}
    }
}

/// An app on `toolkit`: by `kind`, with an empty journal (0), one holding
/// commitments (one due, one answered, one open: the journal window lists
/// them and Enter on one opens the check-in), or that and opened on the
/// check-in, as at start-up.
fn app_with_commitments(toolkit: &Toolkit, width: u16, height: u16, kind: u16) -> App {
    use allyship::journal::record::Commitment;
    let mut app = App::new(toolkit.clone(), width, height);
    if kind.is_multiple_of(3) {
        return app;
    }
    app.today = jiff::civil::date(2026, 11, 17);
    let at = jiff::Timestamp::from_second(1_790_000_000).expect("a time");
    let long = "I will ".to_owned() + &"listen, then speak. ".repeat(20);
    for (text, review) in [
        (long.as_str(), jiff::civil::date(2026, 11, 1)),
        ("I will ask 👩🏽‍⚕️ first", jiff::civil::date(2026, 11, 2)),
        ("I will read", jiff::civil::date(2027, 1, 1)),
    ] {
        let mut commitment = Commitment::new(text, Some("welcome"), at, review);
        if text.contains("ask") {
            commitment.check_in("it went well", at);
        }
        app.journal.merge_commitment(&commitment.id(), &commitment);
    }
    if kind % 3 == 2 {
        allyship::reader::windows::commitments::update::ask_if_due(&mut app);
    }
    app
}

/// Mostly the built-in toolkit; one case in eight the one full of hard text
/// (its 100,000-character word makes each resize slow in a debug build).
fn toolkit() -> impl Strategy<Value = &'static Toolkit> {
    prop_oneof![7 => Just(&*TOOLKIT), 1 => Just(&*HARD)]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    #[test]
    fn any_actions_keep_the_app_in_bounds(
        toolkit in toolkit(),
        start in (0u16..=300, 0u16..=100),
        actions in prop::collection::vec(action(), 0..60),
    ) {
        let mut app = app_with_commitments(toolkit, start.0, start.1, start.0);
        for action in actions {
            update(&mut app, action);
            assert_in_bounds(&app);
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 1000, ..ProptestConfig::default() })]

    #[test]
    fn any_state_draws_inside_the_screen(
        toolkit in toolkit(),
        actions in prop::collection::vec(action(), 0..20),
        size in (0u16..=300, 0u16..=100),
    ) {
        let mut app = app_with_commitments(toolkit, size.0, size.1, size.1);
        for action in actions {
            update(&mut app, action);
        }
        update(&mut app, Action::Resize { width: size.0, height: size.1 });
        let mut terminal = Terminal::new(TestBackend::new(size.0, size.1)).unwrap();
        terminal.draw(|frame| ui::draw(frame, &app)).unwrap();
        let buffer = terminal.backend().buffer();
        prop_assert_eq!(buffer.area.width, size.0);
        prop_assert_eq!(buffer.area.height, size.1);
        assert_sound(buffer, &format!("{:?} at {}x{}", app.overlay, size.0, size.1));
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    /// RELIABILITY 28: whatever text comes in, what is printed holds no
    /// control character but line breaks and tabs, text with none comes out
    /// as it went in, and cleaning twice changes nothing more.
    #[test]
    fn printed_text_never_holds_a_control_character(
        text in prop_oneof![
            any::<String>(),
            "[\\x00-\\x20\\x7f-\\u{a0}a-z\u{1b}\\[\\]\\\\;]{0,40}",
        ],
    ) {
        use allyship::sanitise::{is_unsafe, printable};
        let shown = printable(&text);
        prop_assert!(!shown.chars().any(is_unsafe), "{:?}", shown);
        if !text.chars().any(is_unsafe) {
            prop_assert_eq!(shown.as_ref(), text.as_str());
        }
        let again = printable(&shown).into_owned();
        prop_assert_eq!(again.as_str(), shown.as_ref());
    }
}
