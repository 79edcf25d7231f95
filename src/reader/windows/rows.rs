//! What the windows' key tables are written with: the binding of a key to
//! an [`Action`], the shared terminal's ways of writing a key, and the
//! rows most windows share, each written once. Here, below `keymap`, so a
//! window's `keys.rs` never reaches up to the table that dispatches to it.

use crate::reader::action::Action;
use ratatui::crossterm::event::KeyCode;

pub use crate::terminal::{CTRL_C, CTRL_Z, KeyPattern, bind, ch, key};

/// A row of a window's key table (the same type as `keymap::Binding`).
pub type Binding = crate::terminal::Binding<Action>;

/// `?` or F1: the window's own help.
pub const HELP_ROW: Binding = bind(
    &[ch('?'), key(KeyCode::F(1))],
    Action::Help,
    "help for these keys",
);

/// F1 alone: the help of a window where `?` is typed as a letter.
pub const F1_HELP_ROW: Binding = bind(&[key(KeyCode::F(1))], Action::Help, "help for these keys");

/// Ctrl-C: quit at once, from any window whose Ctrl-C says no more.
pub const QUIT_ROW: Binding = bind(&[CTRL_C], Action::QuitNow, "quit");
