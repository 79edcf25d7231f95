//! The help window's keys: scrolling, and several ways to close it.

use crate::reader::action::Action;
use crate::reader::windows::rows::{Binding, QUIT_ROW, bind, ch, key};
use ratatui::crossterm::event::KeyCode;

/// The help window's keys: scrolling, and several ways to close it.
pub const HELP: &[Binding] = &[
    bind(&[key(KeyCode::Up), ch('k')], Action::Up, "scroll up"),
    bind(&[key(KeyCode::Down), ch('j')], Action::Down, "scroll down"),
    bind(&[key(KeyCode::PageUp)], Action::PageUp, "page up"),
    bind(
        &[key(KeyCode::PageDown), ch(' ')],
        Action::PageDown,
        "page down",
    ),
    bind(&[key(KeyCode::Home), ch('g')], Action::Top, "top"),
    bind(&[key(KeyCode::End), ch('G')], Action::Bottom, "end"),
    bind(
        &[key(KeyCode::Esc), ch('q'), ch('?'), key(KeyCode::Enter)],
        Action::Close,
        "close the help",
    ),
    QUIT_ROW,
];
