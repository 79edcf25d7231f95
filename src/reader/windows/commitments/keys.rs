//! The commitment windows' keys: `C` ("I will …" and its review date) and
//! the check-in ("How did it go?"). In the words and the answer every other
//! key is typed (so `q` is a letter); on the date and the choices, other
//! keys do nothing, or go back to the answer and type there.

use crate::reader::action::Action;
use crate::reader::windows::rows::{Binding, CTRL_C, CTRL_Z, F1_HELP_ROW, HELP_ROW, bind, ch, key};
use ratatui::crossterm::event::KeyCode;

/// Enter in the `C` window, on the words or the date alike.
const KEEP_IT: Binding = bind(
    &[key(KeyCode::Enter)],
    Action::Open,
    "keep it, unless the journal is read-only",
);

/// The `C` window while the words have the cursor.
pub const COMMIT: &[Binding] = &[
    KEEP_IT,
    bind(
        &[key(KeyCode::Esc)],
        Action::Close,
        "cancel: nothing is kept (Enter keeps it)",
    ),
    bind(
        &[key(KeyCode::Tab), key(KeyCode::BackTab)],
        Action::SwitchFocus,
        "move to the review date",
    ),
    bind(&[CTRL_Z], Action::Undo, "undo"),
    F1_HELP_ROW,
    bind(&[CTRL_C], Action::QuitNow, "keep it and quit"),
];

/// The `C` window while the review date has the cursor.
pub const COMMIT_DATE: &[Binding] = &[
    bind(
        &[key(KeyCode::Up), ch('+'), ch('=')],
        Action::Up,
        "a day later",
    ),
    bind(&[key(KeyCode::Down), ch('-')], Action::Down, "a day sooner"),
    bind(&[key(KeyCode::PageUp)], Action::PageUp, "a week later"),
    bind(&[key(KeyCode::PageDown)], Action::PageDown, "a week sooner"),
    bind(
        &[key(KeyCode::Tab), key(KeyCode::BackTab)],
        Action::SwitchFocus,
        "back to the words",
    ),
    KEEP_IT,
    bind(
        &[key(KeyCode::Esc)],
        Action::Close,
        "cancel: nothing is kept (Enter keeps it)",
    ),
    HELP_ROW,
    bind(&[CTRL_C], Action::QuitNow, "keep it and quit"),
];

/// The check-in window while the answer has the cursor.
pub const CHECK_IN: &[Binding] = &[
    bind(
        &[key(KeyCode::Esc)],
        Action::Close,
        "save your answer and close, unless the journal is read-only (an empty one is asked again next time)",
    ),
    bind(
        &[key(KeyCode::Tab), key(KeyCode::BackTab)],
        Action::SwitchFocus,
        "to the choices: not yet, ask me in a week; let it go",
    ),
    bind(&[CTRL_Z], Action::Undo, "undo"),
    F1_HELP_ROW,
    bind(&[CTRL_C], Action::QuitNow, "save your answer and quit"),
];

/// The check-in window while a choice has the cursor.
pub const CHECK_IN_CHOICES: &[Binding] = &[
    bind(
        &[key(KeyCode::Enter), ch(' ')],
        Action::Open,
        "do the highlighted choice (an answer written is kept too), unless the journal is read-only",
    ),
    bind(
        &[key(KeyCode::Down), key(KeyCode::Right), key(KeyCode::Tab)],
        Action::Down,
        "next choice",
    ),
    bind(
        &[key(KeyCode::Up), key(KeyCode::Left), key(KeyCode::BackTab)],
        Action::Up,
        "previous choice, then back to your answer",
    ),
    bind(
        &[key(KeyCode::Esc)],
        Action::Close,
        "save your answer and close, unless the journal is read-only",
    ),
    HELP_ROW,
    bind(&[CTRL_C], Action::QuitNow, "save your answer and quit"),
];
