//! The keys of the bookmarks list and of the label box over it.

use crate::reader::action::Action;
use crate::reader::windows::rows::{Binding, F1_HELP_ROW, HELP_ROW, QUIT_ROW, bind, ch, key};
use ratatui::crossterm::event::KeyCode;

/// The bookmarks list's keys.
pub const BOOKMARKS: &[Binding] = &[
    bind(
        &[key(KeyCode::Up), ch('k')],
        Action::Up,
        "previous bookmark",
    ),
    bind(
        &[key(KeyCode::Down), ch('j')],
        Action::Down,
        "next bookmark",
    ),
    bind(
        &[key(KeyCode::Home), ch('g')],
        Action::Top,
        "first bookmark",
    ),
    bind(
        &[key(KeyCode::End), ch('G')],
        Action::Bottom,
        "last bookmark",
    ),
    bind(&[key(KeyCode::Enter)], Action::Open, "open the section"),
    bind(&[ch('r')], Action::Relabel, "give it a label"),
    bind(
        &[ch('d'), key(KeyCode::Delete)],
        Action::Remove,
        "remove the bookmark",
    ),
    bind(
        &[ch('u')],
        Action::Undo,
        "put back the bookmark last removed",
    ),
    bind(
        &[key(KeyCode::Esc), ch('q'), ch('B')],
        Action::Close,
        "close the list",
    ),
    HELP_ROW,
    QUIT_ROW,
];

/// The label box's keys; every other key is typed into the label.
pub const LABEL: &[Binding] = &[
    bind(&[key(KeyCode::Enter)], Action::Open, "keep the label"),
    bind(&[key(KeyCode::Esc)], Action::Close, "cancel"),
    F1_HELP_ROW,
    QUIT_ROW,
];
