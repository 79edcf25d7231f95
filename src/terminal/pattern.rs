//! Keys as the tables write them: a key pattern, a binding (keys, what
//! they do in words, the action they send), and the trait that lets the
//! reader and the presenter share one lookup.

use ratatui::crossterm::event::{KeyCode, KeyModifiers};

/// A key (with modifiers) that a binding answers to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeyPattern {
    /// One key with exactly these modifiers (Shift is ignored for letters).
    Key(KeyCode, KeyModifiers),
    /// Any digit 0-9, for typing a section number.
    AnyDigit,
}

/// A key with no modifiers, for building tables.
pub const fn key(code: KeyCode) -> KeyPattern {
    KeyPattern::Key(code, KeyModifiers::NONE)
}

/// A character key, for building tables.
pub const fn ch(c: char) -> KeyPattern {
    key(KeyCode::Char(c))
}

/// Ctrl-C, which quits from everywhere.
pub const CTRL_C: KeyPattern = KeyPattern::Key(KeyCode::Char('c'), KeyModifiers::CONTROL);

/// Ctrl-Z, which suspends from everywhere but the note editor (Unix).
pub const CTRL_Z: KeyPattern = KeyPattern::Key(KeyCode::Char('z'), KeyModifiers::CONTROL);

/// An action a key table can send; `digit` is what a digit key sends, so
/// the reader and the presenter share one lookup.
pub trait KeyAction: Copy {
    /// The action for digit `d` typed towards a section number.
    fn digit(d: u8) -> Self;
}

/// Keys, what they do, and the action they send.
#[derive(Debug, Clone, Copy)]
pub struct Binding<A> {
    /// The keys, the first being the one hints show.
    pub keys: &'static [KeyPattern],
    /// What happens, in plain words for the help screen.
    pub does: &'static str,
    /// What `update` receives (digits send the digit typed instead).
    pub action: A,
}

/// One row of a key table.
pub const fn bind<A>(keys: &'static [KeyPattern], action: A, does: &'static str) -> Binding<A> {
    Binding { keys, does, action }
}
