//! The loaders and the drawing under hostile input: arbitrary bytes, deep
//! nesting, and text full of CJK, emoji, combining marks, right-to-left
//! script and a 100,000-character word.

use allyship::action::Action;
use allyship::app::App;
use allyship::content::{self, Block, Toolkit};
use allyship::journal::Journal;
use allyship::render;
use allyship::ui;
use allyship::ui::theme::Theme;
use allyship::update::update;
use proptest::prelude::*;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn the_content_loader_never_panics(text in ".{0,400}") {
        let _ = content::load(&text);
    }

    #[test]
    fn the_journal_loader_never_panics(text in ".{0,400}") {
        let _ = serde_json::from_str::<Journal>(&text);
    }

    #[test]
    fn json_shaped_noise_never_panics_either(
        keys in prop::collection::vec("[a-z_]{1,12}", 0..8),
        values in prop::collection::vec(prop_oneof![
            Just("1".to_string()), Just("\"x\"".to_string()), Just("[]".to_string()),
            Just("{}".to_string()), Just("null".to_string()), Just("\"2026-01-01\"".to_string()),
        ], 0..8),
    ) {
        let body: Vec<String> = keys.iter().zip(&values).map(|(k, v)| format!("\"{k}\": {v}")).collect();
        let text = format!("{{\"version\": 1, {}}}", body.join(", "));
        let _ = content::load(&text);
        if let Ok(journal) = serde_json::from_str::<Journal>(&text) {
            let again: Journal = serde_json::from_str(&serde_json::to_string(&journal).unwrap()).unwrap();
            prop_assert_eq!(again, journal);
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

/// The built-in toolkit with its first section full of hard text.
fn hostile_toolkit() -> Toolkit {
    let mut toolkit = content::built_in();
    let section = &mut toolkit.parts[0].sections[0];
    section.title = "多样性与包容 👩‍👩‍👧‍👦 e\u{301}\u{302} שלום עולם".into();
    section.blocks = vec![
        Block::Paragraph(format!("{} 你好世界 🏳️‍🌈 مرحبا بالعالم", "w".repeat(100_000))),
        Block::Points(vec![
            "ａｂｃ全角".repeat(40),
            "x\u{200d}y\u{0301}".repeat(50),
        ]),
    ];
    toolkit
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
        }
    }
}
