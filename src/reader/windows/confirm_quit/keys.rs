//! "Leave anyway?": its keys.

use crate::reader::action::Action;
use crate::reader::windows::rows::{Binding, CTRL_C, bind, ch, key};
use ratatui::crossterm::event::KeyCode;

/// "Leave anyway?", asked when `q` is pressed with words not saved. Only
/// `y` says yes: a second `q`, pressed before the question was read, must
/// not leave the words behind (as in the presenter's "End the walkthrough?").
pub const CONFIRM_QUIT: &[Binding] = &[
    bind(
        &[ch('y'), ch('Y')],
        Action::QuitNow,
        "leave; the words go to a rescue file",
    ),
    bind(
        &[ch('n'), ch('N'), key(KeyCode::Esc)],
        Action::Close,
        "stay",
    ),
    bind(&[CTRL_C], Action::QuitNow, "leave"),
];
