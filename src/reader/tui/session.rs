//! One run of the reader's loop: the terminal, the app and its journal
//! together; events handled a batch at a time, a walkthrough on the same
//! terminal, and saving, with an honest word on how it went.

use super::input::action_for_event;
use super::typing_run::{gather, typed_char};
use super::walkthrough::{Launcher, Walkthrough};
use super::{Events, between_events, stop_flag};
use crate::journal::progress::Progress;
use crate::reader::action::{Action, Learned};
use crate::reader::app::App;
use crate::reader::ui;
use crate::reader::update::{Saved, learned, update};
use crate::toolkit::content::body_words;
use ratatui::crossterm::event::Event;
use std::io;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;
use std::time::Instant;

/// How long to wait for input before checking signals and timers.
const TICK: Duration = Duration::from_millis(250);

/// A pause in typing this long saves the note being written.
const NOTE_PAUSE: Duration = Duration::from_secs(2);

/// The terminal, the app and its journal, for one run of the loop.
pub(super) struct Session {
    pub(super) terminal: super::terminal::Screen,
    pub(super) app: App,
    pub(super) progress: Progress,
    /// A walkthrough asked for (`P`), started once the keys in hand are handled.
    pub(super) present_from: Option<Vec<usize>>,
    /// Lines to print once the terminal is restored (where rescued words went).
    pub(super) farewell: Vec<String>,
    /// Runs a walkthrough on this terminal (handed in by `cli`).
    pub(super) launch: Launcher,
}

impl Session {
    /// Runs the loop and the last save; the lines to print once the
    /// terminal is restored come back beside the loop's result.
    pub(super) fn run(mut self, events: Events) -> (anyhow::Result<()>, Vec<String>) {
        let result = self.run_loop(&events);
        (result, self.farewell)
    }

    fn run_loop(&mut self, events: &Events) -> anyhow::Result<()> {
        self.terminal.draw(|frame| ui::draw(frame, &self.app))?;
        // A hidden hook so a test can check the terminal is restored after a panic.
        if std::env::var_os("ALLYSHIP_TEST_PANIC").is_some_and(|v| !v.is_empty()) {
            panic!("a test asked allyship to panic (ALLYSHIP_TEST_PANIC)");
        }
        let stop = stop_flag();
        let result = self.event_loop(&stop, events);
        if stop.load(Ordering::Relaxed) {
            // A signal: the words typed while a save held the loop count too.
            self.keep_waiting_words(events);
        }
        // Save on every way out: q, Ctrl-C, SIGTERM, SIGHUP, or an error,
        // including a note half-typed; what can't be saved is rescued.
        let mut effects = update(&mut self.app, Action::SaveNote);
        effects.extend(update(&mut self.app, Action::Leaving));
        let kept = self.apply_effects(effects);
        let position = self.position();
        let position = position.as_ref().map(|(id, scroll)| (id.as_str(), *scroll));
        self.farewell = self.progress.save_on_exit(position, Instant::now());
        // Words no rescue file took were only printed: not a clean exit.
        let printed_only = self.progress.words_only_printed().then(|| {
            anyhow::anyhow!(
                "your unsaved words could not be kept anywhere; they are only printed above"
            )
        });
        result
            .and(kept.map(|_| ()))
            .and_then(|()| printed_only.map_or(Ok(()), Err))
    }

    fn event_loop(&mut self, stop: &AtomicBool, events: &Events) -> anyhow::Result<()> {
        let mut now = Instant::now();
        let mut last_typed: Option<Instant> = None;
        self.show_visible(now);
        loop {
            if stop.load(Ordering::Relaxed) {
                return Ok(());
            }
            // A closed terminal raises `stop` here (the next turn leaves).
            let first = events.next(TICK);
            now = Instant::now();
            // Handle everything already waiting before drawing again, so a
            // storm of resize events or a held key costs one frame; a
            // signal is still answered between two events.
            let mut event = first;
            while let Some(current) = event.take() {
                if stop.load(Ordering::Relaxed) {
                    return Ok(());
                }
                if !matches!(current, Event::Resize(..)) {
                    self.progress.activity(now);
                }
                // Characters waiting in a run go into a text box at once.
                let typed = typed_char(&self.app, &current);
                let mut after = None;
                if let Some(c) = typed {
                    let (text, next) = gather(&self.app, c, events);
                    after = next;
                    if text.len() > c.len_utf8() {
                        if crate::reader::update::paste(&mut self.app, &text) {
                            last_typed = Some(now);
                        }
                        self.show_visible(now);
                        event = after.or_else(|| events.try_next());
                        continue;
                    }
                }
                if let Event::Paste(text) = &current {
                    if crate::reader::update::paste(&mut self.app, text) {
                        last_typed = Some(now);
                    }
                } else if let Some(action) = action_for_event(&self.app, current) {
                    if matches!(action, Action::Type(_)) {
                        last_typed = Some(now);
                    }
                    let effects = update(&mut self.app, action);
                    if self.carry_out(effects, now)? {
                        return Ok(());
                    }
                }
                self.show_visible(now);
                event = after.or_else(|| events.try_next());
            }
            if let Some(sections) = self.present_from.take() {
                self.present(sections, stop, events)?;
            }
            between_events(&mut self.terminal)?;
            // The size is checked before every frame, not only on resize
            // events: a resize before the event thread listened for SIGWINCH
            // (just after the first frame), or while stopped, sends none.
            self.resized()?;
            // A pause in typing saves the note, so a crash loses seconds at most.
            if last_typed.is_some_and(|t| now.duration_since(t) >= NOTE_PAUSE) {
                last_typed = None;
                let effects = update(&mut self.app, Action::SaveNote);
                self.carry_out(effects, now)?;
            }
            if self.progress.tick(now) {
                self.save(now);
            }
            self.terminal.draw(|frame| ui::draw(frame, &self.app))?;
        }
    }

    /// Tells the app the terminal's size if it has changed.
    pub(super) fn resized(&mut self) -> anyhow::Result<()> {
        let size = self.terminal.size()?;
        let (width, height) = (size.width, size.height);
        if (width, height) != (self.app.screen.width, self.app.screen.height) {
            update(&mut self.app, Action::Resize { width, height });
        }
        Ok(())
    }

    /// Runs a walkthrough on this terminal with this loop's events, then
    /// returns to reading. The shared screen never counts as reading.
    fn present(
        &mut self,
        sections: Vec<usize>,
        stop: &AtomicBool,
        events: &Events,
    ) -> anyhow::Result<()> {
        self.progress.showing(None, Instant::now());
        let mut next_event = |timeout: Duration| -> io::Result<Option<Event>> {
            Ok(if timeout.is_zero() {
                events.try_next()
            } else {
                events.next(timeout)
            })
        };
        let toolkit = self.app.toolkit.clone();
        let ended = (self.launch)(Walkthrough {
            terminal: &mut self.terminal,
            toolkit: &toolkit,
            sections,
            theme: self.app.theme,
            log_dir: self.progress.data_dir(),
            next_event: &mut next_event,
            stop,
        })?;
        // No `terminal.clear()`: it asks the terminal where the cursor is, and
        // the answer would go to the event thread. The next draw repaints
        // whatever differs from the presenter's last frame.
        learned(&mut self.app, Learned::WalkthroughEnded(ended));
        // Reading starts afresh now that the text is on screen again.
        self.show_visible(Instant::now());
        Ok(())
    }

    /// Tells the journal which section is on screen, if nothing covers it,
    /// and its length, which sets how long reading it takes.
    fn show_visible(&mut self, now: Instant) {
        let index = self.app.reading();
        let entry = index.and_then(|index| self.app.toolkit.entry(index));
        let shown = entry.map(|e| (e.section.id.clone(), body_words(e.section)));
        let shown = shown.as_ref().map(|(id, words)| (id.as_str(), *words));
        self.progress.showing(shown, now);
    }

    /// The open section and scroll, to resume from next time.
    fn position(&self) -> Option<(String, u16)> {
        let entry = self.app.toolkit.entry(self.app.current)?;
        Some((entry.section.id.clone(), self.app.scroll))
    }

    /// Saves, then shows honestly how it went: true when everything is on disk.
    pub(super) fn save(&mut self, now: Instant) -> bool {
        let position = self.position();
        let position = position.as_ref().map(|(id, scroll)| (id.as_str(), *scroll));
        let report = self.progress.save(position, now);
        let unsaved = self.progress.unsaved();
        let problem = self.progress.problem();
        let unsaved = problem.filter(|_| !unsaved.is_empty()).map(|p| {
            let ids = unsaved.notes.keys().chain(unsaved.bookmarks.keys());
            let ids = ids.chain(unsaved.commitments.keys());
            (ids.cloned().collect(), p.reason().to_owned())
        });
        let written = report.written;
        // "Not saved" when that is news, "Saved now" once a retry works.
        let save = Saved {
            unsaved,
            messages: report.messages,
            written,
        };
        let news = Learned::Saved {
            journal: report.journal,
            read_only: self.progress.read_only(),
            save,
        };
        learned(&mut self.app, news);
        written
    }
}
