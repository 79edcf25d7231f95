//! Bytes from the terminal to events (keys, mouse, paste, focus), in our
//! own hands rather than crossterm's reader, because three things went
//! wrong there (issue 27):
//! - `ESC ESC [ C` (Esc then an arrow at once, as `tmux send-keys Escape
//!   Right` or a laggy link sends it) was read as Esc, `[`, `C`: letters
//!   that open windows. Here an Esc never swallows the byte after it, and
//!   a sequence cut short is dropped, never typed;
//! - a bracketed paste that never ends (`ESC [200~` alone) made the app
//!   deaf for ever. Here, after [`PASTE_PAUSE`] with nothing more, what
//!   came is given as pasted text and keys act again;
//! - an escape sequence split across two reads was misread. Here the bytes
//!   wait, and only [`ESC_PAUSE`] without more decides.
//!
//! Pure: bytes and the time in, events out, so every case is a unit test.

use ratatui::crossterm::event::{
    Event, KeyCode, KeyEvent, KeyModifiers, MouseButton, MouseEvent, MouseEventKind,
};
use std::time::{Duration, Instant};

/// How long a lone Esc (or a sequence begun and not finished) waits for
/// the rest before it counts as the Esc key (or is dropped).
pub const ESC_PAUSE: Duration = Duration::from_millis(40);

/// How long a paste may pause before it counts as ended (its end marker
/// lost); what came is kept as pasted text.
pub const PASTE_PAUSE: Duration = Duration::from_secs(1);

/// After an Esc decided by the pause, how long the tail of the sequence it
/// began (`[ C`) is still known as that and not read as letters.
const LATE_TAIL: Duration = Duration::from_millis(500);

/// The longest control sequence kept; a longer one is noise, dropped.
const LONGEST_SEQUENCE: usize = 64;

const ESC: u8 = 0x1b;
const PASTE_START: &[u8] = b"\x1b[200~";
const PASTE_END: &[u8] = b"\x1b[201~";

/// Turns the terminal's bytes into events, keeping an unfinished sequence
/// (or paste) until more comes or its pause runs out.
#[derive(Debug, Default)]
pub struct Decoder {
    /// Bytes not yet making a whole event.
    pending: Vec<u8>,
    /// Inside a bracketed paste: what has come of it so far.
    paste: Option<Vec<u8>>,
    /// When the last bytes came.
    last_input: Option<Instant>,
    /// Until when bytes may still be the tail of an Esc decided by the pause.
    late_tail_until: Option<Instant>,
}

/// One step of reading `pending`: an event (or nothing) and how many bytes
/// it took, or a wait for more bytes.
pub(super) enum Step {
    /// An event (or none: bytes dropped), and how many bytes it took.
    Took(Option<Event>, usize),
    /// The bytes so far begin something not yet whole.
    NeedMore,
}

impl Decoder {
    /// Takes `bytes` that came at `now`; the whole events in them go to `out`.
    pub fn feed(&mut self, bytes: &[u8], now: Instant, out: &mut Vec<Event>) {
        if bytes.is_empty() {
            return;
        }
        self.last_input = Some(now);
        let late_tail = self
            .late_tail_until
            .take()
            .is_some_and(|until| now <= until);
        if late_tail
            && self.pending.is_empty()
            && self.paste.is_none()
            && matches!(bytes[0], b'[' | b'O')
        {
            // The rest of a sequence whose Esc came alone: read it as such.
            self.pending.push(ESC);
        }
        self.pending.extend_from_slice(bytes);
        self.decode(out);
    }

    /// How long to wait for more input before [`Decoder::timed_out`] must
    /// be called, or `None` to wait as long as it takes.
    pub fn wait(&self, now: Instant) -> Option<Duration> {
        let pause = if self.paste.is_some() {
            PASTE_PAUSE
        } else if !self.pending.is_empty() {
            ESC_PAUSE
        } else {
            return None;
        };
        let since = self.last_input.map_or(Duration::ZERO, |t| now - t);
        Some(pause.saturating_sub(since))
    }

    /// Nothing more came in time: a paste without its end is given as
    /// pasted text; a lone Esc is the Esc key; a sequence cut short is
    /// dropped (never typed as letters).
    pub fn timed_out(&mut self, now: Instant, out: &mut Vec<Event>) {
        if let Some(paste) = self.paste.take() {
            out.push(Event::Paste(String::from_utf8_lossy(&paste).into_owned()));
            // Whatever came after is read as keys again.
            self.decode(out);
            return;
        }
        match self.pending.as_slice() {
            [] => {}
            [ESC] => {
                out.push(key(KeyCode::Esc, KeyModifiers::NONE));
                self.late_tail_until = Some(now + LATE_TAIL);
            }
            // Esc and one more byte waiting: a UTF-8 character cut short
            // after it; nothing whole to give.
            _ => {}
        }
        self.pending.clear();
    }

    /// Reads as many whole events from `pending` as there are.
    fn decode(&mut self, out: &mut Vec<Event>) {
        let mut at = 0;
        loop {
            if self.paste.is_some() {
                at = self.take_paste(at, out);
                if self.paste.is_some() {
                    break;
                }
                continue;
            }
            if at >= self.pending.len() {
                break;
            }
            let rest = &self.pending[at..];
            if rest.starts_with(PASTE_START) {
                self.paste = Some(Vec::new());
                at += PASTE_START.len();
                continue;
            }
            match step(rest) {
                Step::Took(event, used) => {
                    out.extend(event);
                    at += used;
                }
                Step::NeedMore => break,
            }
        }
        self.pending.drain(..at.min(self.pending.len()));
    }

    /// Moves paste bytes from `pending[at..]` into the paste, up to its end
    /// marker if that has come (ending the paste); returns where reading
    /// goes on.
    fn take_paste(&mut self, at: usize, out: &mut Vec<Event>) -> usize {
        let Some(paste) = self.paste.as_mut() else {
            return at;
        };
        let rest = &self.pending[at..];
        // Look from a little before what is new, in case the end marker
        // came split across two reads.
        let from = paste.len().saturating_sub(PASTE_END.len() - 1);
        paste.extend_from_slice(rest);
        match find(&paste[from..], PASTE_END) {
            Some(found) => {
                let end = from + found;
                let after = paste.len() - (end + PASTE_END.len());
                paste.truncate(end);
                let text = String::from_utf8_lossy(paste).into_owned();
                self.paste = None;
                out.push(Event::Paste(text));
                self.pending.len() - after
            }
            None => self.pending.len(),
        }
    }
}

/// Where `needle` first starts in `haystack`.
fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

fn key(code: KeyCode, modifiers: KeyModifiers) -> Event {
    Event::Key(KeyEvent::new(code, modifiers))
}

/// A character typed: upper case carries Shift, as crossterm gives it.
fn char_key(c: char, modifiers: KeyModifiers) -> Event {
    let shift = if c.is_uppercase() {
        KeyModifiers::SHIFT
    } else {
        KeyModifiers::NONE
    };
    key(KeyCode::Char(c), modifiers | shift)
}

/// The first event in `bytes` (which is not empty).
fn step(bytes: &[u8]) -> Step {
    match bytes[0] {
        ESC => escape(bytes),
        _ => plain(bytes, KeyModifiers::NONE),
    }
}

/// A key that is not an escape sequence: a control byte or a character.
fn plain(bytes: &[u8], modifiers: KeyModifiers) -> Step {
    let event = match bytes[0] {
        b'\r' => key(KeyCode::Enter, modifiers),
        b'\t' => key(KeyCode::Tab, modifiers),
        0x7f => key(KeyCode::Backspace, modifiers),
        0 => key(KeyCode::Char(' '), modifiers | KeyModifiers::CONTROL),
        c @ 0x01..=0x1a => key(
            KeyCode::Char(char::from(c - 1 + b'a')),
            modifiers | KeyModifiers::CONTROL,
        ),
        c @ 0x1c..=0x1f => key(
            KeyCode::Char(char::from(c - 0x1c + b'4')),
            modifiers | KeyModifiers::CONTROL,
        ),
        _ => return utf8(bytes, modifiers),
    };
    Step::Took(Some(event), 1)
}

/// One UTF-8 character; a byte that cannot start one is dropped.
fn utf8(bytes: &[u8], modifiers: KeyModifiers) -> Step {
    let needed = match bytes[0] {
        0x00..=0x7f => 1,
        0xc2..=0xdf => 2,
        0xe0..=0xef => 3,
        0xf0..=0xf4 => 4,
        _ => return Step::Took(None, 1),
    };
    if bytes.len() < needed {
        // Wait for the rest, unless what came already cannot be it.
        if bytes[1..].iter().any(|b| b & 0xc0 != 0x80) {
            return Step::Took(None, 1);
        }
        return Step::NeedMore;
    }
    match std::str::from_utf8(&bytes[..needed]) {
        Ok(s) => {
            let c = s.chars().next().unwrap_or(char::REPLACEMENT_CHARACTER);
            Step::Took(Some(char_key(c, modifiers)), needed)
        }
        Err(_) => Step::Took(None, 1),
    }
}

/// Bytes starting with Esc: Esc itself, Alt with a key, or a sequence.
fn escape(bytes: &[u8]) -> Step {
    let Some(&second) = bytes.get(1) else {
        return Step::NeedMore;
    };
    match second {
        // Esc, then another Esc beginning whatever comes next: the first
        // is the Esc key, and the second is read afresh (never swallowed).
        ESC => Step::Took(Some(key(KeyCode::Esc, KeyModifiers::NONE)), 1),
        b'[' => super::decode_csi::csi(bytes),
        b'O' => ss3(bytes),
        _ => match plain(&bytes[1..], KeyModifiers::ALT) {
            Step::Took(event, used) => Step::Took(event, used + 1),
            Step::NeedMore => Step::NeedMore,
        },
    }
}

/// `ESC O x`: arrows, Home, End and F1 to F4 as some terminals send them.
fn ss3(bytes: &[u8]) -> Step {
    let Some(&last) = bytes.get(2) else {
        return Step::NeedMore;
    };
    let code = match last {
        b'A' => KeyCode::Up,
        b'B' => KeyCode::Down,
        b'C' => KeyCode::Right,
        b'D' => KeyCode::Left,
        b'H' => KeyCode::Home,
        b'F' => KeyCode::End,
        b'M' => KeyCode::Enter,
        c @ b'P'..=b'S' => KeyCode::F(1 + c - b'P'),
        // Not a sequence we know: drop it whole, a letter included.
        0x40..=0x7e => return Step::Took(None, 3),
        // Cut by a byte that cannot end it: drop `ESC O`, read it afresh.
        _ => return Step::Took(None, 2),
    };
    Step::Took(Some(key(code, KeyModifiers::NONE)), 3)
}

/// A mouse report's button byte: what happened, with which modifiers.
pub(super) fn mouse(cb: u16, column: u16, row: u16, released: bool) -> Option<Event> {
    let button = (cb & 0b11) | ((cb & 0b1100_0000) >> 4);
    let dragging = cb & 0b10_0000 != 0;
    let kind = match (button, dragging) {
        (0, false) => MouseEventKind::Down(MouseButton::Left),
        (1, false) => MouseEventKind::Down(MouseButton::Middle),
        (2, false) => MouseEventKind::Down(MouseButton::Right),
        (0, true) => MouseEventKind::Drag(MouseButton::Left),
        (1, true) => MouseEventKind::Drag(MouseButton::Middle),
        (2, true) => MouseEventKind::Drag(MouseButton::Right),
        (3, false) => MouseEventKind::Up(MouseButton::Left),
        (3..=5, true) => MouseEventKind::Moved,
        (4, false) => MouseEventKind::ScrollUp,
        (5, false) => MouseEventKind::ScrollDown,
        (6, false) => MouseEventKind::ScrollLeft,
        (7, false) => MouseEventKind::ScrollRight,
        _ => return None,
    };
    let kind = match kind {
        MouseEventKind::Down(b) if released => MouseEventKind::Up(b),
        other => other,
    };
    let mut modifiers = KeyModifiers::NONE;
    for (bit, modifier) in [
        (0b100, KeyModifiers::SHIFT),
        (0b1000, KeyModifiers::ALT),
        (0b1_0000, KeyModifiers::CONTROL),
    ] {
        if cb & bit != 0 {
            modifiers |= modifier;
        }
    }
    Some(Event::Mouse(MouseEvent {
        kind,
        column: column.saturating_sub(1),
        row: row.saturating_sub(1),
        modifiers,
    }))
}

/// Keeps a sequence no longer than [`LONGEST_SEQUENCE`].
pub(super) fn too_long(len: usize) -> bool {
    len > LONGEST_SEQUENCE
}

#[cfg(test)]
#[path = "decode_tests.rs"]
mod tests;
