//! `ESC [ ...` sequences to events: arrows and editing keys with their
//! modifiers, function keys, Shift-Tab, mouse reports (SGR, rxvt and the
//! old six-byte form) and focus. A sequence we do not know, or one broken
//! by a byte that cannot be in it, is dropped whole: its letters are never
//! typed.

use super::decode::{Step, mouse, too_long};
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

/// The first event in `bytes`, which start with `ESC [`.
pub(super) fn csi(bytes: &[u8]) -> Step {
    match bytes.get(2) {
        None => Step::NeedMore,
        // The old mouse report: three raw bytes follow.
        Some(b'M') => match bytes.get(3..6) {
            Some(&[cb, x, y]) => {
                let (cb, x, y) = (
                    cb.saturating_sub(32),
                    x.saturating_sub(32),
                    y.saturating_sub(32),
                );
                Step::Took(mouse(cb.into(), x.into(), y.into(), false), 6)
            }
            _ => Step::NeedMore,
        },
        // The Linux console's F1 to F5: `ESC [ [ A`.
        Some(b'[') => match bytes.get(3) {
            None => Step::NeedMore,
            Some(c @ b'A'..=b'E') => Step::Took(Some(plain_key(KeyCode::F(1 + c - b'A'))), 4),
            Some(0x40..=0x7e) => Step::Took(None, 4),
            Some(_) => Step::Took(None, 3),
        },
        Some(_) => sequence(bytes),
    }
}

/// A sequence in the standard form: parameter bytes, then intermediate
/// bytes, then one final byte.
fn sequence(bytes: &[u8]) -> Step {
    for (at, &byte) in bytes.iter().enumerate().skip(2) {
        match byte {
            0x20..=0x3f => {
                if too_long(at + 1) {
                    // Noise: drop all of it that has come, its end included.
                    let run = bytes[at..]
                        .iter()
                        .take_while(|b| (0x20..=0x3f).contains(*b));
                    let end = at + run.count();
                    let last = bytes.get(end).is_some_and(|b| (0x40..=0x7e).contains(b));
                    return Step::Took(None, end + usize::from(last));
                }
            }
            0x40..=0x7e => return Step::Took(meaning(&bytes[2..at], byte), at + 1),
            // A byte that cannot be in a sequence (Esc, a control, a
            // letter beyond ASCII): the sequence was cut; drop what came
            // of it and read this byte afresh.
            _ => return Step::Took(None, at),
        }
    }
    Step::NeedMore
}

/// What a whole sequence means: `params` between `ESC [` and `last`.
fn meaning(params: &[u8], last: u8) -> Option<Event> {
    let text = std::str::from_utf8(params).ok()?;
    let (prefix, text) = match text.as_bytes().first() {
        Some(c @ (b'<' | b'?' | b'>' | b'=')) => (Some(*c), &text[1..]),
        _ => (None, text),
    };
    let numbers: Vec<&str> = text.split(';').collect();
    let number = |i: usize| -> Option<u16> {
        let field = numbers.get(i)?;
        field.split(':').next()?.parse().ok()
    };
    match (prefix, last) {
        (Some(b'<'), b'M' | b'm') => mouse(number(0)?, number(1)?, number(2)?, last == b'm'),
        (Some(_), _) => None,
        (None, b'M') if numbers.len() == 3 => {
            mouse(number(0)?.checked_sub(32)?, number(1)?, number(2)?, false)
        }
        (None, b'Z') => Some(Event::Key(KeyEvent::new(
            KeyCode::BackTab,
            KeyModifiers::SHIFT,
        ))),
        (None, b'I') if text.is_empty() => Some(Event::FocusGained),
        (None, b'O') if text.is_empty() => Some(Event::FocusLost),
        (None, b'~') => {
            let code = tilde_key(number(0)?)?;
            Some(with_modifiers(code, numbers.get(1)))
        }
        (None, b'u') => {
            let code = match number(0)? {
                13 => KeyCode::Enter,
                9 => KeyCode::Tab,
                127 => KeyCode::Backspace,
                27 => KeyCode::Esc,
                n => KeyCode::Char(char::from_u32(n.into())?),
            };
            Some(with_modifiers(code, numbers.get(1)))
        }
        // `ESC [ row ; column R` answers a question about the cursor we
        // never ask; only `ESC [ 1 ; m R` is F3 with modifiers.
        (None, b'R') if !text.is_empty() && number(0) != Some(1) => None,
        (None, _) => {
            let code = letter_key(last)?;
            Some(with_modifiers(code, numbers.get(1)))
        }
    }
}

/// `ESC [ n ~`: the editing keys and F5 to F20.
fn tilde_key(n: u16) -> Option<KeyCode> {
    Some(match n {
        1 | 7 => KeyCode::Home,
        2 => KeyCode::Insert,
        3 => KeyCode::Delete,
        4 | 8 => KeyCode::End,
        5 => KeyCode::PageUp,
        6 => KeyCode::PageDown,
        11..=15 => KeyCode::F((n - 10) as u8),
        17..=21 => KeyCode::F((n - 11) as u8),
        23..=26 => KeyCode::F((n - 12) as u8),
        28..=29 => KeyCode::F((n - 15) as u8),
        31..=34 => KeyCode::F((n - 17) as u8),
        _ => return None,
    })
}

/// `ESC [ 1 ; m X`: arrows, Home, End, F1 to F4.
fn letter_key(last: u8) -> Option<KeyCode> {
    Some(match last {
        b'A' => KeyCode::Up,
        b'B' => KeyCode::Down,
        b'C' => KeyCode::Right,
        b'D' => KeyCode::Left,
        b'H' => KeyCode::Home,
        b'F' => KeyCode::End,
        b'P' => KeyCode::F(1),
        b'Q' => KeyCode::F(2),
        b'R' => KeyCode::F(3),
        b'S' => KeyCode::F(4),
        _ => return None,
    })
}

fn plain_key(code: KeyCode) -> Event {
    Event::Key(KeyEvent::new(code, KeyModifiers::NONE))
}

/// A key with the modifiers (and press, repeat or release) in `field`,
/// written `mask` or `mask:kind` (xterm's 1 + Shift 1, Alt 2, Ctrl 4...).
fn with_modifiers(code: KeyCode, field: Option<&&str>) -> Event {
    let mut parts = field.map(|f| f.split(':')).into_iter().flatten();
    let mask: u8 = parts.next().and_then(|m| m.parse().ok()).unwrap_or(1);
    let kind = match parts.next().and_then(|k| k.parse::<u8>().ok()) {
        Some(2) => KeyEventKind::Repeat,
        Some(3) => KeyEventKind::Release,
        _ => KeyEventKind::Press,
    };
    let bits = mask.saturating_sub(1);
    let mut modifiers = KeyModifiers::NONE;
    for (bit, modifier) in [
        (1, KeyModifiers::SHIFT),
        (2, KeyModifiers::ALT),
        (4, KeyModifiers::CONTROL),
        (8, KeyModifiers::SUPER),
        (16, KeyModifiers::HYPER),
        (32, KeyModifiers::META),
    ] {
        if bits & bit != 0 {
            modifiers |= modifier;
        }
    }
    Event::Key(KeyEvent::new_with_kind(code, modifiers, kind))
}
