//! The full-screen terminal: set-up, the event loop, and restoring the
//! terminal on every way out (normal exit, error, panic, SIGTERM, SIGHUP).

use crate::journal::progress::Progress;
use crate::reader::action::{Action, Effect};
use crate::reader::app::{App, Overlay};
use crate::reader::keymap::{self, Binding};
use crate::reader::ui;
use crate::reader::update::update;
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use ratatui::crossterm::event::{
    DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture, Event,
    MouseButton, MouseEvent, MouseEventKind,
};
use ratatui::crossterm::execute;
use ratatui::crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use std::io::{self, Stdout};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;
use std::time::Instant;

mod lifecycle;

pub(crate) use lifecycle::{Events, between_events, is_suspend_key, suspend};

/// How long to wait for input before checking signals and timers.
const TICK: Duration = Duration::from_millis(250);

/// A pause in typing this long saves the note being written.
const NOTE_PAUSE: Duration = Duration::from_secs(2);

/// Puts the terminal back as it was: raw mode off, main screen, cursor shown.
/// Safe to call more than once.
pub fn restore() {
    let _ = disable_raw_mode();
    let _ = execute!(
        io::stdout(),
        DisableMouseCapture,
        DisableBracketedPaste,
        LeaveAlternateScreen,
        ratatui::crossterm::cursor::Show
    );
}

/// Restores the terminal before a panic message prints, so it stays readable.
fn install_panic_hook() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        restore();
        previous(info);
    }));
}

/// Takes the terminal: raw mode, the alternate screen, mouse reporting and
/// bracketed paste (a paste arrives as one piece of text). [`restore`]
/// undoes each.
pub(crate) fn enter() -> io::Result<()> {
    enable_raw_mode()?;
    execute!(
        io::stdout(),
        EnterAlternateScreen,
        EnableMouseCapture,
        EnableBracketedPaste
    )
}

fn setup() -> io::Result<Terminal<CrosstermBackend<Stdout>>> {
    install_panic_hook();
    enter()?;
    Terminal::new(CrosstermBackend::new(io::stdout()))
}

/// A flag raised by SIGTERM, SIGHUP (the window closing) or SIGINT, so a
/// loop can save and leave cleanly; registered once per process.
pub fn stop_flag() -> Arc<AtomicBool> {
    static FLAG: std::sync::OnceLock<Arc<AtomicBool>> = std::sync::OnceLock::new();
    Arc::clone(FLAG.get_or_init(|| {
        let flag = Arc::new(AtomicBool::new(false));
        #[cfg(unix)]
        for signal in [
            signal_hook::consts::SIGTERM,
            signal_hook::consts::SIGHUP,
            signal_hook::consts::SIGINT,
        ] {
            let _ = signal_hook::flag::register(signal, Arc::clone(&flag));
        }
        flag
    }))
}

/// Runs the reader until the person quits, keeping the journal as it goes;
/// the terminal is restored whatever happens. The first frame is drawn
/// before `open_journal` runs (it may parse years of days), so start-up
/// stays quick; with `first_frame_only`, draws once and returns (for
/// start-up benchmarks).
pub fn run(
    mut app: App,
    open_journal: impl FnOnce(&mut App) -> Progress,
    first_frame_only: bool,
) -> anyhow::Result<()> {
    let mut farewell = Vec::new();
    let result = setup()
        .map_err(anyhow::Error::from)
        .and_then(|mut terminal| {
            let size = terminal.size()?;
            let (width, height) = (size.width, size.height);
            update(&mut app, Action::Resize { width, height });
            terminal.draw(|frame| ui::draw(frame, &app))?;
            if first_frame_only {
                return Ok(());
            }
            // Listen before opening the journal, so a resize (or a key)
            // that comes while it opens is not lost.
            let events = Events::spawn();
            // The local day needs the time zone database: after the frame.
            app.today = jiff::Zoned::now().date();
            let progress = open_journal(&mut app);
            // A commitment whose review day has come is asked about first.
            crate::reader::update::commitments::ask_if_due(&mut app);
            let mut session = Session {
                terminal,
                app,
                progress,
                present_from: None,
                farewell: Vec::new(),
            };
            session.app.read_only = session.progress.read_only();
            let (result, lines) = session.run(events);
            farewell = lines;
            result
        });
    restore();
    // Where unsaved words went, once the terminal can show it.
    for line in farewell {
        eprintln!("{line}");
    }
    result
}

/// The terminal, the app and its journal, for one run of the loop.
struct Session {
    terminal: Terminal<CrosstermBackend<Stdout>>,
    app: App,
    progress: Progress,
    /// A walkthrough asked for (`P`), started once the keys in hand are handled.
    present_from: Option<Vec<usize>>,
    /// Lines to print once the terminal is restored (where rescued words went).
    farewell: Vec<String>,
}

impl Session {
    /// Runs the loop and the last save; the lines to print once the
    /// terminal is restored come back beside the loop's result.
    fn run(mut self, events: Events) -> (anyhow::Result<()>, Vec<String>) {
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
        // Save on every way out: q, Ctrl-C, SIGTERM, SIGHUP, or an error,
        // including a note half-typed; what can't be saved is rescued.
        let mut effects = update(&mut self.app, Action::SaveNote);
        effects.extend(update(&mut self.app, Action::Leaving));
        let kept = self.apply_effects(effects);
        let position = self.position();
        let position = position.as_ref().map(|(id, scroll)| (id.as_str(), *scroll));
        self.farewell = self.progress.save_on_exit(position, Instant::now());
        result.and(kept.map(|_| ()))
    }

    fn event_loop(&mut self, stop: &AtomicBool, events: &Events) -> anyhow::Result<()> {
        let mut now = Instant::now();
        let mut last_typed: Option<Instant> = None;
        self.progress.showing(self.visible_id().as_deref(), now);
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
                self.progress.showing(self.visible_id().as_deref(), now);
                event = events.try_next();
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
    fn resized(&mut self) -> anyhow::Result<()> {
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
        let options = crate::present::Options {
            theme: self.app.theme,
            ..crate::present::Options::default()
        };
        let mut next_event = |timeout: Duration| -> io::Result<Option<Event>> {
            Ok(if timeout.is_zero() {
                events.try_next()
            } else {
                events.next(timeout)
            })
        };
        let toolkit = self.app.toolkit.clone();
        let ended = crate::present::run_with(
            &mut self.terminal,
            &toolkit,
            sections,
            options,
            self.progress.data_dir(),
            &mut next_event,
            stop,
        )?;
        // No `terminal.clear()`: it asks the terminal where the cursor is, and
        // the answer would go to the event thread. The next draw repaints
        // whatever differs from the presenter's last frame.
        self.app.message = Some(match (ended.problem, ended.record) {
            (Some(problem), _) => problem,
            (None, Some(_)) => {
                "Walkthrough kept in the facilitator's log (allyship walkthroughs).".into()
            }
            (None, None) => "Back to reading.".into(),
        });
        // Reading starts afresh now that the text is on screen again.
        self.progress
            .showing(self.visible_id().as_deref(), Instant::now());
        Ok(())
    }

    /// Does what `update` asked, saving what changed; true when the app
    /// should leave.
    fn carry_out(&mut self, effects: Vec<Effect>, now: Instant) -> anyhow::Result<bool> {
        let note_kept = effects.iter().any(|e| matches!(e, Effect::KeepNote { .. }));
        let commitment = effects.iter().rev().find_map(|e| match e {
            Effect::Commitment(change) => Some(change.clone()),
            _ => None,
        });
        let (quit, changed) = self.apply_effects(effects)?;
        if changed {
            let written = self.save(now);
            let editing = matches!(self.app.overlay, Some(Overlay::Note(_)));
            if note_kept && written && !editing {
                self.app.message = Some("Note saved.".into());
            }
            // Said only once the change is on disk.
            if let Some(change) = commitment.filter(|_| written) {
                self.app.message = Some(crate::reader::update::commitments::saved_message(&change));
            }
        }
        Ok(quit)
    }

    /// Does what `update` asked but save: (leave?, journal changed?).
    fn apply_effects(&mut self, effects: Vec<Effect>) -> anyhow::Result<(bool, bool)> {
        let mut quit = false;
        let mut changed = false;
        for effect in effects {
            match effect {
                Effect::Quit => quit = true,
                Effect::KeepNote { section, text } => {
                    self.progress.set_note(&section, &text);
                    changed = true;
                }
                Effect::Bookmark { section, label } => {
                    self.progress.set_bookmark(&section, label);
                    changed = true;
                }
                Effect::Unbookmark { section } => {
                    self.progress.remove_bookmark(&section);
                    changed = true;
                }
                Effect::OpenUrl(url) => {
                    self.app.message = Some(crate::toolkit::links::open_in_browser(&url));
                }
                Effect::Present(sections) => self.present_from = Some(sections),
                Effect::Commitment(change) => {
                    let journal = &self.app.journal;
                    changed |= self.progress.change_commitment(journal, &change).is_some();
                }
                Effect::Choose { section, option } => {
                    self.progress.choose(&section, option);
                    changed = true;
                }
                Effect::Suspend => {
                    suspend(&mut self.terminal)?;
                    self.resized()?;
                }
                Effect::RememberTheme(name) => {
                    if let Some(dir) = &self.app.settings_dir {
                        let mut settings = crate::journal::settings::load(dir);
                        settings.theme = name;
                        if let Err(e) = crate::journal::settings::save(dir, &settings) {
                            self.app.message =
                                Some(format!("The theme could not be remembered: {e}."));
                        }
                    }
                }
                Effect::Copy(text) => {
                    use std::io::Write as _;
                    let mut out = io::stdout();
                    let _ = write!(out, "{}", crate::toolkit::links::osc52(&text))
                        .and_then(|()| out.flush());
                }
            }
        }
        Ok((quit, changed))
    }

    /// The id of the section on screen, if nothing covers it.
    fn visible_id(&self) -> Option<String> {
        let index = self.app.reading()?;
        self.app.toolkit.entry(index).map(|e| e.section.id.clone())
    }

    /// The open section and scroll, to resume from next time.
    fn position(&self) -> Option<(String, u16)> {
        let entry = self.app.toolkit.entry(self.app.current)?;
        Some((entry.section.id.clone(), self.app.scroll))
    }

    /// Saves, then shows honestly how it went: true when everything is on disk.
    fn save(&mut self, now: Instant) -> bool {
        let position = self.position();
        let position = position.as_ref().map(|(id, scroll)| (id.as_str(), *scroll));
        let report = self.progress.save(position, now);
        if let Some(journal) = report.journal {
            self.app.journal = journal;
        }
        self.app.read_only = self.progress.read_only();
        let unsaved = self.progress.unsaved();
        let problem = self.progress.problem().cloned();
        self.app.unsaved = problem.as_ref().filter(|_| !unsaved.is_empty()).map(|p| {
            let ids = unsaved.notes.keys().chain(unsaved.bookmarks.keys());
            let ids = ids.chain(unsaved.commitments.keys());
            (ids.cloned().collect(), p.reason().to_owned())
        });
        if let Some((_, why)) = &self.app.unsaved {
            self.app.message = Some(format!(
                "Not saved: {why}. Your words are kept while allyship is open; \
                 if you leave, they go to a rescue file."
            ));
        } else if let Some(message) = report.messages.into_iter().next() {
            self.app.message = Some(message);
        }
        report.written
    }
}

/// Whether keys go into a text box (so `q` is a letter).
fn typing(app: &App) -> bool {
    matches!(
        app.overlay,
        Some(
            Overlay::Note(_)
                | Overlay::Label(_)
                | Overlay::Search { .. }
                | Overlay::Commit(_)
                | Overlay::CheckIn(_)
        )
    )
}

/// The key table for whatever is on top.
fn bindings(app: &App) -> &'static [Binding] {
    keymap::table(app.overlay.as_ref())
}

/// The action one terminal event stands for. Ctrl-Z suspends from every
/// window but the note editor, where it undoes.
fn action_for_event(app: &App, event: Event) -> Option<Action> {
    // In the note editor and the commitment windows Ctrl-Z undoes.
    let in_note = matches!(
        app.overlay,
        Some(Overlay::Note(_) | Overlay::Commit(_) | Overlay::CheckIn(_))
    );
    match event {
        Event::Key(_) if is_suspend_key(&event) && !in_note => Some(Action::Suspend),
        Event::Key(key) if typing(app) => keymap::typing_action(bindings(app), key),
        Event::Key(key) => keymap::action_for(bindings(app), key),
        Event::Mouse(MouseEvent {
            kind, column, row, ..
        }) => match kind {
            MouseEventKind::ScrollDown => Some(Action::Wheel {
                column,
                row,
                down: true,
            }),
            MouseEventKind::ScrollUp => Some(Action::Wheel {
                column,
                row,
                down: false,
            }),
            MouseEventKind::Down(MouseButton::Left) => Some(Action::Click { column, row }),
            _ => None,
        },
        Event::Resize(width, height) => Some(Action::Resize { width, height }),
        _ => None,
    }
}
