//! The search box's keys; every other key is typed into the search.

use crate::reader::action::Action;
use crate::reader::windows::rows::{Binding, F1_HELP_ROW, QUIT_ROW, bind, key};
use ratatui::crossterm::event::KeyCode;

/// The search box's keys; every other key is typed into the search.
pub const SEARCH: &[Binding] = &[
    bind(&[key(KeyCode::Up)], Action::Up, "previous result"),
    bind(&[key(KeyCode::Down)], Action::Down, "next result"),
    bind(&[key(KeyCode::PageUp)], Action::PageUp, "page up"),
    bind(&[key(KeyCode::PageDown)], Action::PageDown, "page down"),
    bind(
        &[key(KeyCode::Enter)],
        Action::Open,
        "open the result, matches highlighted",
    ),
    bind(&[key(KeyCode::Esc)], Action::Close, "close the search"),
    F1_HELP_ROW,
    QUIT_ROW,
];
