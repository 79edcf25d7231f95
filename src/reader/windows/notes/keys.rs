//! The "My notes" list's keys.

use crate::reader::action::Action;
use crate::reader::windows::rows::{Binding, HELP_ROW, QUIT_ROW, bind, ch, key};
use ratatui::crossterm::event::KeyCode;

/// The "My notes" list's keys.
pub const NOTES: &[Binding] = &[
    bind(&[key(KeyCode::Up), ch('k')], Action::Up, "previous note"),
    bind(&[key(KeyCode::Down), ch('j')], Action::Down, "next note"),
    bind(&[key(KeyCode::Home), ch('g')], Action::Top, "newest note"),
    bind(&[key(KeyCode::End), ch('G')], Action::Bottom, "oldest note"),
    bind(
        &[key(KeyCode::Enter), ch('e')],
        Action::Open,
        "edit the note",
    ),
    bind(
        &[key(KeyCode::Esc), ch('q'), ch('R')],
        Action::Close,
        "close the list",
    ),
    HELP_ROW,
    QUIT_ROW,
];
