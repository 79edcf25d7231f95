//! Keys that arrive faster than a person types (issue 27): a paste from a
//! terminal without bracketed paste, a slow link catching up. Two things
//! keep every word:
//! - a run of plain characters already waiting goes into a text box in
//!   one insertion, as a paste does: the editor rewraps its text once,
//!   not once a character (a 100,000-key flood took minutes, and Esc
//!   waited behind it);
//! - on a signal (SIGTERM, SIGHUP) the words already typed and waiting
//!   are put in before the last save, as keys before Ctrl-C are.

use super::Events;
use super::input::action_for_event;
use super::session::Session;
use crate::reader::action::Action;
use crate::reader::app::{App, Overlay};
use crate::reader::update::update;
use ratatui::crossterm::event::{Event, KeyCode, KeyModifiers};
use std::time::{Duration, Instant};

/// How long a leaving app waits for words the input thread is still
/// decoding (it reads the terminal all the time, so they are near).
const LAST_WORDS: Duration = Duration::from_millis(50);

/// The character `event` types into the open text box, if it only types
/// one (a plain or shifted character key in the note, label or search box).
pub(super) fn typed_char(app: &App, event: &Event) -> Option<char> {
    if !matches!(
        app.overlay,
        Some(Overlay::Note(_) | Overlay::Label(_) | Overlay::Search { .. })
    ) {
        return None;
    }
    let Event::Key(key) = event else { return None };
    let KeyCode::Char(c) = key.code else {
        return None;
    };
    if !(key.modifiers - KeyModifiers::SHIFT).is_empty() {
        return None;
    }
    match action_for_event(app, event.clone()) {
        Some(Action::Type(_)) => Some(c),
        _ => None,
    }
}

/// After `first` (a character typed), the characters already waiting that
/// type too, as one text; and the first waiting event that does not.
pub(super) fn gather(app: &App, first: char, events: &Events) -> (String, Option<Event>) {
    let mut text = String::from(first);
    loop {
        let Some(next) = events.try_next() else {
            return (text, None);
        };
        match typed_char(app, &next) {
            Some(c) => text.push(c),
            None => return (text, Some(next)),
        }
    }
}

impl Session {
    /// Puts the words typed (or pasted) and already waiting into the open
    /// text box, before a signal's last save; other keys are let go (a
    /// leaving app opens no window, and never suspends).
    pub(super) fn keep_waiting_words(&mut self, events: &Events) {
        let until = Instant::now() + LAST_WORDS;
        loop {
            let event = match events.try_next() {
                Some(event) => event,
                None => {
                    let left = until.saturating_duration_since(Instant::now());
                    if left.is_zero() {
                        return;
                    }
                    match events.next(left) {
                        Some(event) => event,
                        None => return,
                    }
                }
            };
            if !super::input::typing(&self.app) {
                continue;
            }
            match event {
                Event::Paste(text) => {
                    crate::reader::update::paste(&mut self.app, &text);
                }
                Event::Key(_) => {
                    if let Some(action @ Action::Type(_)) = action_for_event(&self.app, event) {
                        update(&mut self.app, action);
                    }
                }
                _ => {}
            }
        }
    }
}
