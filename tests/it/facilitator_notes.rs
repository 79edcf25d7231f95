//! A section's facilitator notes are for whoever runs a walkthrough
//! (`present --notes` shows them): never drawn by the reader or on the
//! presenter's shared screen, never printed by `read` (plain or JSON), and
//! never in an export. Each view is checked over a toolkit whose every
//! section carries a note.

use allyship::present::{self, Options, PresentAction, Presenter, Selection};
use allyship::reader::action::Action;
use allyship::reader::app::App;
use allyship::toolkit::content::{Toolkit, built_in};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::path::Path;
use std::time::Instant;

/// The words every note holds: found nowhere a team or a reader looks.
const SECRET: &str = "FACILITATOR ONLY";

/// The built-in toolkit with a note on every section.
fn with_notes() -> Toolkit {
    let mut toolkit = built_in();
    for section in toolkit.parts.iter_mut().flat_map(|p| &mut p.sections) {
        section.facilitator_notes = vec![format!("{SECRET}: allow ten minutes for {}", section.id)];
    }
    toolkit
}

fn screen(terminal: &Terminal<TestBackend>) -> String {
    let buffer = terminal.backend().buffer();
    let mut text = String::new();
    for y in 0..buffer.area.height {
        for x in 0..buffer.area.width {
            text.push_str(buffer[(x, y)].symbol());
        }
        text.push('\n');
    }
    text
}

#[test]
fn the_reader_never_draws_them() {
    let toolkit = with_notes();
    let sections = toolkit.section_count();
    let mut app = App::new(toolkit, 80, 24);
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
    for _ in 0..sections {
        for _ in 0..6 {
            terminal
                .draw(|frame| allyship::reader::ui::draw(frame, &app))
                .unwrap();
            let shown = screen(&terminal);
            assert!(!shown.contains("FACILITATOR"), "{shown}");
            allyship::reader::update::update(&mut app, Action::PageDown);
        }
        allyship::reader::update::update(&mut app, Action::NextSection);
    }
}

#[test]
fn the_shared_screen_never_shows_them() {
    let toolkit = with_notes();
    let sections = Selection::parse(&toolkit, &[]).unwrap();
    let now = Instant::now();
    let mut p = Presenter::new(&toolkit, &sections, Options::default(), now);
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
    for _ in 0..400 {
        terminal
            .draw(|frame| present::view::draw(frame, &p, now))
            .unwrap();
        let shown = screen(&terminal);
        assert!(!shown.contains("FACILITATOR"), "{shown}");
        present::update(&mut p, PresentAction::Next, now);
    }
}

fn run(data: &Path, args: &[&str]) -> String {
    let out = crate::common::commands::allyship(data)
        .args(args)
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn read_and_export_never_print_them() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("kit.json");
    std::fs::write(&file, serde_json::to_string(&with_notes()).unwrap()).unwrap();
    let data = dir.path().join("data");
    let content = file.to_str().unwrap();
    // The file carries them, and loads.
    assert!(std::fs::read_to_string(&file).unwrap().contains(SECRET));
    run(&data, &["--content", content, "mark-read", "1", "2"]);
    for args in [
        &["read", "--all"][..],
        &["read", "--all", "--answers"],
        &["read", "--all", "--json", "--answers"],
        &["read", "scenario-joke-in-a-meeting", "--json"],
        &["read", "1"],
        &["list", "--json"],
        &["search", "listen", "--json"],
        &["export"],
        &["export", "--format", "json"],
    ] {
        let mut all = vec!["--content", content];
        all.extend_from_slice(args);
        let printed = run(&data, &all);
        assert!(!printed.is_empty(), "{args:?} printed nothing");
        assert!(!printed.contains("FACILITATOR"), "{args:?}:\n{printed}");
    }
}
