//! The note editor's keys; every other key is typed into the note.

use crate::reader::action::Action;
use crate::reader::windows::rows::{Binding, CTRL_C, F1_HELP_ROW, KeyPattern, bind, key};
use ratatui::crossterm::event::{KeyCode, KeyModifiers};

/// The note editor's own keys; every other key is typed into the note.
pub const NOTE: &[Binding] = &[
    bind(
        &[key(KeyCode::Esc)],
        Action::Close,
        "close the note; it is saved, unless the journal is read-only",
    ),
    bind(
        &[KeyPattern::Key(KeyCode::Char('s'), KeyModifiers::CONTROL)],
        Action::SaveNote,
        "save now (it also saves by itself when you pause)",
    ),
    bind(
        &[KeyPattern::Key(KeyCode::Char('z'), KeyModifiers::CONTROL)],
        Action::Undo,
        "undo (Ctrl-U also undoes)",
    ),
    F1_HELP_ROW,
    bind(&[CTRL_C], Action::QuitNow, "save the note and quit"),
];
