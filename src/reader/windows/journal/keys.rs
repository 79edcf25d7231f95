//! The journal window's keys: move between rows, open one, close.

use crate::reader::action::Action;
use crate::reader::windows::rows::{Binding, HELP_ROW, QUIT_ROW, bind, ch, key};
use ratatui::crossterm::event::KeyCode;

/// The journal view's keys: move between rows, open one, close.
pub const JOURNAL: &[Binding] = &[
    bind(
        &[key(KeyCode::Up), ch('k')],
        Action::Up,
        "previous row that opens a section or a commitment",
    ),
    bind(
        &[key(KeyCode::Down), ch('j')],
        Action::Down,
        "next row that opens a section or a commitment",
    ),
    bind(&[key(KeyCode::PageUp)], Action::PageUp, "page up"),
    bind(
        &[key(KeyCode::PageDown), ch(' ')],
        Action::PageDown,
        "page down",
    ),
    bind(&[key(KeyCode::Home), ch('g')], Action::Top, "first row"),
    bind(&[key(KeyCode::End), ch('G')], Action::Bottom, "last row"),
    bind(
        &[key(KeyCode::Enter)],
        Action::Open,
        "open the highlighted section, or say how the highlighted commitment went",
    ),
    bind(
        &[ch('e')],
        Action::EditNote,
        "change the highlighted commitment's words or review day",
    ),
    bind(
        &[ch('d'), key(KeyCode::Delete)],
        Action::Remove,
        "remove the highlighted commitment, with its answers",
    ),
    bind(
        &[ch('u')],
        Action::Undo,
        "put back the commitment last removed",
    ),
    bind(
        &[key(KeyCode::Esc), ch('q'), ch('J')],
        Action::Close,
        "close the journal",
    ),
    HELP_ROW,
    QUIT_ROW,
];
