//! Every view at every width from 0 to 300 and every height from 0 to 100,
//! with the built-in toolkit and with one full of hard text: no panic, and
//! no cell printing past the right edge or holding a control character.

use crate::common;

use allyship::journal::record::{Bookmark, Journal, Note, Session};
use allyship::reader::action::Action;
use allyship::reader::app::App;
use allyship::reader::ui;
use allyship::reader::update::update;
use allyship::toolkit::content::{Toolkit, built_in};
use common::frames::{assert_sound, hostile_toolkit};
use common::input::typed;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

/// Reads, a note and a bookmark in hard text, on the first section and two others.
fn journal(toolkit: &Toolkit) -> Journal {
    let at: jiff::Timestamp = "2026-11-20T10:00:00Z".parse().expect("time");
    let hard = "多样性 👩‍👩‍👧‍👦 e\u{301} שלום ".repeat(30);
    let mut journal = Journal::new();
    for (n, entry) in toolkit.entries().take(3).enumerate() {
        let id = &entry.section.id;
        let mut session = Session::new(format!("s{n}"));
        session.record_read(id, at, jiff::civil::date(2026, 11, 20));
        journal.apply(&session.pending, &session.id);
        let note = Note {
            text: format!("{hard}{}", "x".repeat(5_000)),
            created: at,
            changed: at,
            ..Note::default()
        };
        journal.records.notes.insert(id.clone(), note);
        let label = Some(hard.clone());
        journal.records.bookmarks.insert(
            id.clone(),
            Bookmark {
                label,
                added: at,
                ..Bookmark::default()
            },
        );
    }
    // Commitments in hard text: one due, one answered.
    for (n, review) in [
        (0, jiff::civil::date(2026, 11, 1)),
        (1, jiff::civil::date(2027, 1, 1)),
    ] {
        let text = format!("I will {n} {hard}{}", "y".repeat(3_000));
        let mut commitment =
            allyship::journal::record::Commitment::new(&text, Some("welcome"), at, review);
        if n == 1 {
            commitment.check_in(&hard, at);
        }
        journal.merge_commitment(&commitment.id(), &commitment);
    }
    journal
}

/// One app per view, each reached the way a person would reach it.
fn views(toolkit: &Toolkit) -> Vec<(&'static str, App)> {
    let last = toolkit.section_count() as u8;
    let last_section = [
        Action::Digit(last / 10),
        Action::Digit(last % 10),
        Action::Open,
    ];
    // The first practice scenario, if the toolkit has one (else `c` on
    // the first section, which says where scenarios would be).
    let scenario: Vec<Action> = toolkit
        .entries()
        .find(|e| e.section.choice.is_some())
        .map(|e| {
            let digits = (e.index + 1).to_string();
            let digits = digits.bytes().map(|b| Action::Digit(b - b'0'));
            digits.chain([Action::Open]).collect()
        })
        .unwrap_or_default();
    let scripts: Vec<(&str, Vec<Action>)> = vec![
        ("reader", vec![]),
        (
            "choose",
            [scenario.clone(), vec![Action::Choose, Action::Bottom]].concat(),
        ),
        (
            "scenario chosen",
            [scenario, vec![Action::Choose, Action::Down, Action::Open]].concat(),
        ),
        ("reader at the end", vec![Action::Bottom]),
        (
            "contents",
            vec![Action::ToggleContents, Action::SwitchFocus, Action::Down],
        ),
        ("help", vec![Action::Help, Action::PageDown]),
        ("journal", vec![Action::Journal, Action::Down]),
        (
            "note editor",
            [vec![Action::EditNote], typed(" 你好 🏳️‍🌈 وداعا")].concat(),
        ),
        ("bookmarks", vec![Action::Bookmarks, Action::Down]),
        ("label", vec![Action::Bookmarks, Action::Relabel]),
        ("notes", vec![Action::Notes, Action::Down]),
        (
            "links",
            [last_section.to_vec(), vec![Action::Links, Action::Down]].concat(),
        ),
        (
            "search",
            [vec![Action::Search], typed("listen 你")].concat(),
        ),
        ("leave anyway", vec![Action::Quit]),
        (
            "commit window",
            [vec![Action::Commit], typed(" 你好 🏳️‍🌈 وداعا")].concat(),
        ),
        (
            "commit date",
            vec![Action::Commit, Action::SwitchFocus, Action::Up],
        ),
        ("check-in", typed(" 你好 🏳️‍🌈 وداعا")),
        ("check-in choices", vec![Action::SwitchFocus, Action::Down]),
    ];
    scripts
        .into_iter()
        .map(|(name, actions)| {
            let mut app = App::new(toolkit.clone(), 80, 24);
            app.journal = journal(toolkit);
            app.journal_kept = true;
            app.today = jiff::civil::date(2026, 11, 20);
            if name.starts_with("check-in") {
                allyship::reader::windows::commitments::update::ask_if_due(&mut app);
                assert!(app.overlay.is_some(), "the check-in opens");
            }
            if name == "leave anyway" {
                let ids = vec!["welcome".to_owned(), "gone-\u{1b}[2J-你好🏳️‍🌈".to_owned()];
                app.unsaved = Some((ids, "the disk is full".to_owned()));
            }
            for action in actions {
                update(&mut app, action);
            }
            (name, app)
        })
        .collect()
}

/// Every width at a few heights, every height at a few widths and a grid of
/// large screens, within 0..=300 by 0..=100 (the property tests in
/// `properties.rs` pick sizes anywhere in it); `step` thins the sweep for
/// costly content.
fn sizes(step: usize) -> Vec<(u16, u16)> {
    let heights = [0, 1, 3, 8, 24];
    let widths = [0, 1, 10, 24, 70, 80, 300];
    let across = (0..=300)
        .step_by(step)
        .flat_map(|w| heights.map(|h| (w, h)));
    let down = (0..=100).step_by(step).flat_map(|h| widths.map(|w| (w, h)));
    let large = (100..=300)
        .step_by(25)
        .flat_map(|w| [25, 50, 75, 100].map(|h| (w, h)));
    across.chain(down).chain(large).collect()
}

fn sweep(toolkit: &Toolkit, step: usize) {
    let mut views = views(toolkit);
    for (width, height) in sizes(step) {
        let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("backend");
        for (name, app) in &mut views {
            update(app, Action::Resize { width, height });
            terminal.draw(|frame| ui::draw(frame, app)).expect("draws");
            assert_sound(
                terminal.backend().buffer(),
                &format!("{name} at {width}x{height}"),
            );
        }
    }
}

#[test]
fn every_view_at_every_size_with_the_built_in_toolkit() {
    sweep(&built_in(), 1);
}

#[test]
fn every_view_at_many_sizes_with_hard_text() {
    sweep(&hostile_toolkit(), 10);
}

#[test]
#[should_panic(expected = "past 4")]
fn the_check_catches_a_wide_character_in_the_last_column() {
    let mut buffer = ratatui::buffer::Buffer::empty(ratatui::layout::Rect::new(0, 0, 4, 1));
    buffer[(3, 0)].set_symbol("你");
    assert_sound(&buffer, "made up");
}

#[test]
#[should_panic(expected = "control character")]
fn the_check_catches_a_control_character() {
    let mut buffer = ratatui::buffer::Buffer::empty(ratatui::layout::Rect::new(0, 0, 4, 1));
    buffer[(1, 0)].set_symbol("\u{1b}");
    assert_sound(&buffer, "made up");
}
