//! Helpers shared by update's tests: typing text and running actions.

use super::update;
use crate::reader::action::{Action, Effect};
use crate::reader::app::App;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// The actions that typing `text` sends to a text box.
pub fn typed(text: &str) -> Vec<Action> {
    text.chars()
        .map(|c| Action::Type(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE)))
        .collect()
}

/// Applies `actions` in turn, returning every effect they asked for.
pub fn run(app: &mut App, actions: &[Action]) -> Vec<Effect> {
    actions.iter().flat_map(|a| update(app, *a)).collect()
}
