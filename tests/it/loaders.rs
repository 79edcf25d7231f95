//! The loaders and the drawing under hostile input: arbitrary bytes, deep
//! nesting, and text full of CJK, emoji, combining marks, right-to-left
//! script and a 100,000-character word.

use crate::common;

use allyship::journal::record::{Journal, Session};
use allyship::journal::store::{Notice, Store};
use allyship::reader::action::Action;
use allyship::reader::app::App;
use allyship::reader::ui;
use allyship::reader::update::update;
use allyship::theme::Theme;
use allyship::toolkit::content::{self, Block};
use allyship::toolkit::render;
use common::frames::{assert_sound, hostile_toolkit};
use proptest::prelude::*;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

/// A journal with reads, time, a position, notes, bookmarks and unknown
/// fields, all from generated text (any Unicode, control characters too).
fn journal() -> impl Strategy<Value = Journal> {
    let text = "\\PC{0,30}|[\\x00-\\x1f\"\\\\]{0,5}|.{0,10}";
    let reads = prop::collection::vec((text, 0i64..100_000_000, 0u64..4000), 0..12);
    let notes = prop::collection::vec((text, text), 0..6);
    let extra = prop::collection::vec(("x-[a-z]{1,8}", text, any::<i64>()), 0..3);
    (reads, notes, extra, any::<u16>()).prop_map(|(reads, notes, extra, scroll)| {
        let mut journal = Journal::new();
        for (n, (id, secs, active)) in reads.iter().enumerate() {
            let at = jiff::Timestamp::from_second(1_600_000_000 + secs).expect("in range");
            let mut session = Session::new(format!("session {}", n % 3));
            session.record_read(id, at, allyship::journal::record::local_day(at));
            session.add_active_secs(allyship::journal::record::local_day(at), *active);
            session.set_position(id, scroll);
            for (section, note) in &notes {
                session.set_note(section, note.clone(), at);
                session.set_bookmark(section, Some(note.clone()), at);
            }
            journal.apply(&session.pending, &session.id);
        }
        for (key, text, number) in extra {
            journal
                .extra
                .insert(key, serde_json::json!({ "text": text, "n": number }));
        }
        journal
    })
}

/// `bytes` cut short, with bytes changed and inserted: mostly broken JSON,
/// now and then a different valid file.
fn damaged(bytes: Vec<u8>) -> impl Strategy<Value = Vec<u8>> {
    let len = bytes.len().max(1);
    let edits = prop::collection::vec((0..len, any::<u8>(), any::<bool>()), 0..3);
    let cut = prop::option::weighted(0.3, 0..=len);
    (Just(bytes), cut, edits).prop_map(|(mut bytes, cut, edits)| {
        for (at, byte, insert) in edits {
            let at = at.min(bytes.len());
            if insert || at == bytes.len() {
                bytes.insert(at, byte);
            } else {
                bytes[at] = byte;
            }
        }
        if let Some(cut) = cut {
            bytes.truncate(cut);
        }
        bytes
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn the_loaders_never_panic_on_any_bytes(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        if let Ok(text) = std::str::from_utf8(&bytes) {
            let _ = content::load(text);
        }
        let _ = serde_json::from_slice::<Journal>(&bytes);
    }

    #[test]
    fn any_journal_round_trips_unchanged(journal in journal()) {
        let text = serde_json::to_vec_pretty(&journal).unwrap();
        let again: Journal = serde_json::from_slice(&text).unwrap();
        prop_assert_eq!(again, journal);
    }

    #[test]
    fn a_damaged_journal_file_opens_safely_and_what_opens_round_trips(
        bytes in journal().prop_flat_map(|j| damaged(serde_json::to_vec_pretty(&j).unwrap())),
    ) {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("journal.json"), &bytes).unwrap();
        let (mut store, journal, notices) = Store::open(dir.path().to_path_buf());
        if notices.iter().any(|n| matches!(n, Notice::Mended(_))) {
            // Values out of range mended, the rest kept (issue 27): what
            // opened round-trips, and the first save keeps the file as it
            // was aside byte for byte.
            let text = serde_json::to_vec_pretty(&journal).unwrap();
            prop_assert_eq!(serde_json::from_slice::<Journal>(&text).unwrap(), journal);
            let mut session = allyship::journal::record::Session::new("s");
            prop_assert!(store.save(&mut session).unwrap().written);
            let kept = std::fs::read_dir(dir.path()).unwrap().filter_map(Result::ok)
                .filter(|e| e.file_name().to_string_lossy().starts_with("journal.json.mended-"))
                .map(|e| std::fs::read(e.path()).unwrap())
                .collect::<Vec<_>>();
            prop_assert_eq!(kept, vec![bytes.clone()]);
        } else if notices.is_empty() {
            let text = serde_json::to_vec_pretty(&journal).unwrap();
            prop_assert_eq!(serde_json::from_slice::<Journal>(&text).unwrap(), journal);
        } else if notices.iter().any(|n| matches!(n, Notice::NewerVersion(_))) {
            // A version number damaged upwards ("1" into "11") reads as a
            // journal from a newer allyship: left exactly where it is,
            // read-only, never written or moved.
            let left = std::fs::read(dir.path().join("journal.json")).unwrap();
            prop_assert_eq!(left, bytes);
        } else {
            // Whatever could not be read is kept aside byte for byte.
            let kept = std::fs::read_dir(dir.path()).unwrap().filter_map(Result::ok)
                .filter(|e| e.file_name().to_string_lossy().starts_with("journal.json."))
                .map(|e| std::fs::read(e.path()).unwrap())
                .collect::<Vec<_>>();
            prop_assert!(kept.contains(&bytes), "{:?}", notices);
        }
    }

    #[test]
    fn a_damaged_toolkit_never_panics_and_what_loads_round_trips(
        bytes in damaged(content::BUILT_IN.as_bytes().to_vec()),
    ) {
        if let Ok(text) = std::str::from_utf8(&bytes)
            && let Some(toolkit) = content::load(text).toolkit
        {
            let again = serde_json::to_string(&toolkit).unwrap();
            prop_assert_eq!(content::load(&again).toolkit, Some(toolkit));
        }
    }

    #[test]
    fn any_section_text_round_trips_through_the_toolkit_loader(
        title in "\\PC{1,40}", paragraph in "\\PC{1,200}", section in 0usize..35,
    ) {
        let mut toolkit = content::built_in();
        let target = toolkit.parts.iter_mut().flat_map(|p| p.sections.iter_mut()).nth(section).unwrap();
        target.title = title;
        target.blocks.push(Block::Paragraph(paragraph));
        let text = serde_json::to_string(&toolkit).unwrap();
        if let Some(loaded) = content::load(&text).toolkit {
            prop_assert_eq!(loaded, toolkit);
        }
    }
}

#[test]
fn deep_nesting_is_an_error_not_a_crash() {
    let deep = format!("{}{}", "[".repeat(10_000), "]".repeat(10_000));
    assert!(content::load(&deep).toolkit.is_none());
    assert!(serde_json::from_str::<Journal>(&deep).is_err());
    let deep_object = format!(
        "{{\"version\":1,\"x\":{}{}}}",
        "{\"a\":".repeat(10_000),
        "}".repeat(10_001)
    );
    assert!(serde_json::from_str::<Journal>(&deep_object).is_err());
}

#[test]
fn what_the_content_loader_accepts_round_trips() {
    let toolkit = content::built_in();
    let text = serde_json::to_string_pretty(&toolkit).unwrap();
    assert_eq!(content::load(&text).toolkit, Some(toolkit));
}

#[test]
fn hard_text_wraps_inside_every_width() {
    let toolkit = hostile_toolkit();
    for width in [1u16, 2, 3, 7, 20, 41, 80, 200] {
        for line in render::section_lines(&toolkit, 0, width, &Theme::mono()) {
            assert!(
                line.width() <= usize::from(width),
                "width {width}: {} {:?}",
                line.width(),
                line.to_string()
            );
        }
    }
}

#[test]
fn hard_text_draws_at_every_size_without_panicking() {
    let toolkit = hostile_toolkit();
    for (width, height) in [(1, 1), (10, 3), (24, 8), (40, 12), (80, 24), (300, 100)] {
        let mut app = App::new(toolkit.clone(), width, height);
        for action in [
            Action::Down,
            Action::Bottom,
            Action::ToggleContents,
            Action::Help,
            Action::Close,
        ] {
            update(&mut app, action);
            let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
            terminal.draw(|frame| ui::draw(frame, &app)).unwrap();
            let context = format!("{action:?} at {width}x{height}");
            assert_sound(terminal.backend().buffer(), &context);
        }
    }
}
