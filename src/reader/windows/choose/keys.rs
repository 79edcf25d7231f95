//! The choose window's keys: move between a scenario's options, choose
//! one (Enter, or its number), or cancel without choosing.

use crate::reader::action::Action;
use crate::reader::windows::rows::{Binding, HELP_ROW, KeyPattern, QUIT_ROW, bind, ch, key};
use ratatui::crossterm::event::KeyCode;

/// The choose window's keys.
pub const CHOOSE: &[Binding] = &[
    bind(&[key(KeyCode::Up), ch('k')], Action::Up, "previous option"),
    bind(&[key(KeyCode::Down), ch('j')], Action::Down, "next option"),
    bind(&[key(KeyCode::Home), ch('g')], Action::Top, "first option"),
    bind(&[key(KeyCode::End), ch('G')], Action::Bottom, "last option"),
    bind(
        &[key(KeyCode::Enter)],
        Action::Open,
        "choose the highlighted option and read its feedback",
    ),
    bind(
        &[KeyPattern::AnyDigit],
        Action::Digit(0),
        "choose that option by its number",
    ),
    bind(
        &[key(KeyCode::Esc), ch('q'), ch('c')],
        Action::Close,
        "cancel: close without choosing",
    ),
    HELP_ROW,
    QUIT_ROW,
];
