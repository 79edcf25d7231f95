//! The presenter's keys, in one table per screen: lookups and the help
//! overlay both read them, so the help never goes stale. The keys follow
//! the Presenter table of `KEYS.md`.

use crate::keymap::{KeyPattern, describe};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

/// One thing the facilitator asked for, decoded from a key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PresentAction {
    /// Reveal the next point, the prompts, or the next section.
    Next,
    /// One step back (across sections).
    Back,
    /// A digit of a section number to jump to.
    Digit(u8),
    /// Go to the section number typed; with none typed, the same as `Next`.
    Enter,
    /// Remove the last digit typed; with none typed, the same as `Back`.
    Erase,
    /// Blank the screen, or bring it back.
    Blank,
    /// Start or stop the discussion timer.
    Timer,
    /// Show or hide the help.
    Help,
    /// Close the help, or cancel a number being typed; otherwise leave.
    Cancel,
    /// Leave presenter mode (Ctrl-C, and `q` outside the help).
    Leave,
}

/// Keys, what they do, and the action they send.
#[derive(Debug, Clone, Copy)]
pub struct PresentBinding {
    /// The keys, the first being the one hints show.
    pub keys: &'static [KeyPattern],
    /// What happens, in plain words for the help.
    pub does: &'static str,
    /// What `update` receives (digits send `Digit(n)` for the key pressed).
    pub action: PresentAction,
}

const fn key(code: KeyCode) -> KeyPattern {
    KeyPattern::Key(code, KeyModifiers::NONE)
}

const fn ch(c: char) -> KeyPattern {
    key(KeyCode::Char(c))
}

const CTRL_C: KeyPattern = KeyPattern::Key(KeyCode::Char('c'), KeyModifiers::CONTROL);

const fn bind(
    keys: &'static [KeyPattern],
    action: PresentAction,
    does: &'static str,
) -> PresentBinding {
    PresentBinding { keys, does, action }
}

/// The presenter's keys while a slide (or the blank screen) shows.
pub const PRESENTER: &[PresentBinding] = &[
    bind(
        &[ch(' '), key(KeyCode::Right), key(KeyCode::PageDown)],
        PresentAction::Next,
        "reveal the next point, then the prompts, then the next section",
    ),
    bind(
        &[key(KeyCode::Enter)],
        PresentAction::Enter,
        "the same, or go to the section number typed",
    ),
    bind(
        &[key(KeyCode::Left), key(KeyCode::PageUp)],
        PresentAction::Back,
        "step back",
    ),
    bind(
        &[key(KeyCode::Backspace)],
        PresentAction::Erase,
        "step back (or rub out a digit typed)",
    ),
    bind(
        &[KeyPattern::AnyDigit],
        PresentAction::Digit(0),
        "type a section number, then Enter to go there",
    ),
    bind(
        &[ch('t')],
        PresentAction::Timer,
        "start or stop the discussion timer",
    ),
    bind(
        &[ch('b')],
        PresentAction::Blank,
        "blank the screen (any key brings it back)",
    ),
    bind(
        &[ch('?'), key(KeyCode::F(1))],
        PresentAction::Help,
        "this help",
    ),
    bind(
        &[key(KeyCode::Esc)],
        PresentAction::Cancel,
        "cancel a number typed, or leave presenter mode",
    ),
    bind(
        &[ch('q'), CTRL_C],
        PresentAction::Leave,
        "leave presenter mode",
    ),
];

/// The keys while the help shows.
pub const HELP: &[PresentBinding] = &[
    bind(
        &[
            key(KeyCode::Esc),
            ch('q'),
            ch('?'),
            key(KeyCode::F(1)),
            key(KeyCode::Enter),
            ch(' '),
        ],
        PresentAction::Cancel,
        "close the help",
    ),
    bind(&[CTRL_C], PresentAction::Leave, "leave presenter mode"),
];

/// Turns a key press into an action, or `None` for keys the presenter
/// ignores (including key releases, which Windows sends).
pub fn action_for(bindings: &[PresentBinding], event: KeyEvent) -> Option<PresentAction> {
    if event.kind == KeyEventKind::Release {
        return None;
    }
    bindings.iter().find_map(|binding| {
        binding
            .keys
            .iter()
            .find_map(|pattern| matches(*pattern, event))
            .map(|digit| digit.map_or(binding.action, PresentAction::Digit))
    })
}

/// `Some(None)` for a plain match, `Some(Some(d))` for digit `d`.
fn matches(pattern: KeyPattern, event: KeyEvent) -> Option<Option<u8>> {
    // Shift is part of the character itself for letters and symbols.
    let modifiers = if matches!(event.code, KeyCode::Char(_)) {
        event.modifiers - KeyModifiers::SHIFT
    } else {
        event.modifiers
    };
    match pattern {
        KeyPattern::AnyDigit => match event.code {
            KeyCode::Char(c) if modifiers.is_empty() => {
                c.to_digit(10).and_then(|d| u8::try_from(d).ok()).map(Some)
            }
            _ => None,
        },
        KeyPattern::Key(code, mods) => (code == event.code && mods == modifiers).then_some(None),
    }
}

/// A binding's keys as the help lists them ("Space, Right, PgDn").
pub fn describe_keys(binding: &PresentBinding) -> String {
    binding
        .keys
        .iter()
        .map(|k| describe(*k))
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn press(code: KeyCode) -> Option<PresentAction> {
        action_for(PRESENTER, KeyEvent::new(code, KeyModifiers::NONE))
    }

    #[test]
    fn the_presenter_keys_of_keys_md() {
        use PresentAction::*;
        for code in [KeyCode::Char(' '), KeyCode::Right, KeyCode::PageDown] {
            assert_eq!(press(code), Some(Next), "{code:?}");
        }
        assert_eq!(press(KeyCode::Enter), Some(Enter));
        assert_eq!(press(KeyCode::Left), Some(Back));
        assert_eq!(press(KeyCode::PageUp), Some(Back));
        assert_eq!(press(KeyCode::Backspace), Some(Erase));
        assert_eq!(press(KeyCode::Char('7')), Some(Digit(7)));
        assert_eq!(press(KeyCode::Char('t')), Some(Timer));
        assert_eq!(press(KeyCode::Char('b')), Some(Blank));
        assert_eq!(press(KeyCode::Char('?')), Some(Help));
        assert_eq!(press(KeyCode::Esc), Some(Cancel));
        assert_eq!(press(KeyCode::Char('q')), Some(Leave));
        assert_eq!(press(KeyCode::Char('x')), None);
        let ctrl_c = KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL);
        assert_eq!(action_for(PRESENTER, ctrl_c), Some(Leave));
        assert_eq!(action_for(HELP, ctrl_c), Some(Leave));
    }

    #[test]
    fn no_key_is_bound_twice_and_releases_are_ignored() {
        for table in [PRESENTER, HELP] {
            let mut seen = Vec::new();
            for pattern in table.iter().flat_map(|b| b.keys) {
                assert!(!seen.contains(pattern), "{pattern:?} is bound twice");
                seen.push(*pattern);
            }
        }
        let mut release = KeyEvent::new(KeyCode::Char('q'), KeyModifiers::NONE);
        release.kind = KeyEventKind::Release;
        assert_eq!(action_for(PRESENTER, release), None);
    }
}
