//! Input for the pure `update`: text typed as key presses.

use allyship::reader::action::Action;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// `text` typed one character at a time, as the search box or note editor receives it.
pub fn typed(text: &str) -> Vec<Action> {
    text.chars()
        .map(|c| Action::Type(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE)))
        .collect()
}

/// Keys that open the built-in toolkit's section `id` by its number, so a
/// test names the section it means and survives sections being added.
pub fn open_section(id: &str) -> Vec<Action> {
    let toolkit = allyship::toolkit::content::built_in();
    let number = toolkit
        .index_of(id)
        .expect("a section of the built-in toolkit")
        + 1;
    let mut keys: Vec<Action> = number
        .to_string()
        .bytes()
        .map(|b| Action::Digit(b - b'0'))
        .collect();
    keys.push(Action::Open);
    keys
}
