//! The links list's keys.

use crate::reader::action::Action;
use crate::reader::windows::rows::{Binding, HELP_ROW, QUIT_ROW, bind, ch, key};
use ratatui::crossterm::event::KeyCode;

/// The links list's keys.
pub const LINKS: &[Binding] = &[
    bind(&[key(KeyCode::Up), ch('k')], Action::Up, "previous link"),
    bind(&[key(KeyCode::Down), ch('j')], Action::Down, "next link"),
    bind(
        &[key(KeyCode::Enter), ch('o')],
        Action::Open,
        "open the link",
    ),
    bind(
        &[ch('y')],
        Action::Copy,
        "copy the web address (works where the terminal allows it)",
    ),
    bind(
        &[key(KeyCode::Esc), ch('q')],
        Action::Close,
        "close the list",
    ),
    HELP_ROW,
    QUIT_ROW,
];
