//! Input for the pure `update`: text typed as key presses.

use allyship::reader::action::Action;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// `text` typed one character at a time, as the search box or note editor receives it.
pub fn typed(text: &str) -> Vec<Action> {
    text.chars()
        .map(|c| Action::Type(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE)))
        .collect()
}
