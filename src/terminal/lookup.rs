//! Reading a key table: which action a key press sends (digits included,
//! key releases ignored), and how keys are written in the help and hints.

use super::{Binding, KeyAction, KeyPattern};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

/// Turns a key press into an action, or `None` for keys the app ignores
/// (including key releases, which Windows sends).
pub fn action_for<A: KeyAction>(bindings: &[Binding<A>], event: KeyEvent) -> Option<A> {
    if event.kind == KeyEventKind::Release {
        return None;
    }
    bindings.iter().find_map(|binding| {
        binding
            .keys
            .iter()
            .find_map(|pattern| matches(*pattern, event))
            .map(|digit| digit.map_or(binding.action, A::digit))
    })
}

/// `Some(None)` for a plain match, `Some(Some(d))` for digit `d`.
fn matches(pattern: KeyPattern, event: KeyEvent) -> Option<Option<u8>> {
    // Shift is part of the character itself for letters and symbols.
    let modifiers = if matches!(event.code, KeyCode::Char(_) | KeyCode::BackTab) {
        event.modifiers - KeyModifiers::SHIFT
    } else {
        event.modifiers
    };
    match pattern {
        KeyPattern::AnyDigit => match event.code {
            KeyCode::Char(c) if modifiers.is_empty() => c.to_digit(10).map(|d| Some(d as u8)),
            _ => None,
        },
        KeyPattern::Key(code, mods) => (code == event.code && mods == modifiers).then_some(None),
    }
}

/// How a key is written in the help and hints ("Ctrl-C", "Alt+Right", "0-9").
pub fn describe(pattern: KeyPattern) -> String {
    let KeyPattern::Key(code, mods) = pattern else {
        return "0-9".into();
    };
    let name = match code {
        KeyCode::Char(' ') => "Space".to_string(),
        KeyCode::Char(c) => c.to_string(),
        KeyCode::Up => "Up".into(),
        KeyCode::Down => "Down".into(),
        KeyCode::Left => "Left".into(),
        KeyCode::Right => "Right".into(),
        KeyCode::PageUp => "PgUp".into(),
        KeyCode::PageDown => "PgDn".into(),
        KeyCode::BackTab => "Shift+Tab".into(),
        KeyCode::F(n) => format!("F{n}"),
        other => other.to_string(),
    };
    if mods.contains(KeyModifiers::CONTROL) {
        format!("Ctrl-{}", name.to_uppercase())
    } else if mods.contains(KeyModifiers::ALT) {
        format!("Alt+{name}")
    } else {
        name
    }
}

/// A shorter name for the status line: arrows as symbols.
pub fn short(name: &str) -> String {
    match name {
        "Left" => "←".into(),
        "Right" => "→".into(),
        "Up" => "↑".into(),
        "Down" => "↓".into(),
        other => other.into(),
    }
}

/// All the keys of a binding, as the help screen lists them.
pub fn describe_keys<A>(binding: &Binding<A>) -> String {
    binding
        .keys
        .iter()
        .map(|k| describe(*k))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The first key bound to an action, for short hints in the status line.
pub fn hint_for<A: PartialEq>(bindings: &[Binding<A>], action: A) -> Option<String> {
    bindings
        .iter()
        .find(|b| b.action == action)
        .and_then(|b| b.keys.first())
        .map(|k| describe(*k))
}
