//! The full-screen terminal: set-up, the event loop, and restoring the
//! terminal on every way out (normal exit, error, panic, SIGTERM, SIGHUP).

use crate::action::{Action, Effect};
use crate::app::{App, Overlay};
use crate::keymap::{self, Binding};
use crate::progress::Progress;
use crate::ui;
use crate::update::update;
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use ratatui::crossterm::event::{
    self, DisableMouseCapture, EnableMouseCapture, Event, MouseButton, MouseEvent, MouseEventKind,
};
use ratatui::crossterm::execute;
use ratatui::crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use std::io::{self, Stdout};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::time::Duration;
use std::time::Instant;

/// How long to wait for input before checking signals and timers.
const TICK: Duration = Duration::from_millis(250);

/// Puts the terminal back as it was: raw mode off, main screen, cursor shown.
/// Safe to call more than once.
pub fn restore() {
    let _ = disable_raw_mode();
    let _ = execute!(
        io::stdout(),
        DisableMouseCapture,
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

fn setup() -> io::Result<Terminal<CrosstermBackend<Stdout>>> {
    install_panic_hook();
    enable_raw_mode()?;
    execute!(io::stdout(), EnterAlternateScreen, EnableMouseCapture)?;
    Terminal::new(CrosstermBackend::new(io::stdout()))
}

/// A flag raised by SIGTERM or SIGHUP (the window closing), so the loop can
/// save and leave cleanly.
fn stop_flag() -> Arc<AtomicBool> {
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
}

/// Runs the reader until the person quits, keeping the journal as it goes;
/// the terminal is restored whatever happens. With `first_frame_only`, draws
/// once and returns (for start-up benchmarks).
pub fn run(app: App, progress: Progress, first_frame_only: bool) -> anyhow::Result<()> {
    let result = setup().map_err(anyhow::Error::from).and_then(|terminal| {
        Session {
            terminal,
            app,
            progress,
        }
        .run(first_frame_only)
    });
    restore();
    result
}

/// The terminal, the app and its journal, for one run of the loop.
struct Session {
    terminal: Terminal<CrosstermBackend<Stdout>>,
    app: App,
    progress: Progress,
}

impl Session {
    fn run(mut self, first_frame_only: bool) -> anyhow::Result<()> {
        let size = self.terminal.size()?;
        update(
            &mut self.app,
            Action::Resize {
                width: size.width,
                height: size.height,
            },
        );
        self.terminal.draw(|frame| ui::draw(frame, &self.app))?;
        if first_frame_only {
            return Ok(());
        }
        let stop = stop_flag();
        let events = spawn_event_reader();
        let result = self.event_loop(&stop, &events);
        // Save on every way out: q, Ctrl-C, SIGTERM, SIGHUP, or an error.
        self.save(Instant::now());
        result
    }

    fn event_loop(&mut self, stop: &AtomicBool, events: &Receiver<Event>) -> anyhow::Result<()> {
        let mut now = Instant::now();
        self.progress.showing(self.visible_id().as_deref(), now);
        loop {
            if stop.load(Ordering::Relaxed) {
                return Ok(());
            }
            let first = match events.recv_timeout(TICK) {
                Ok(event) => Some(event),
                Err(RecvTimeoutError::Timeout) => None,
                // The terminal has gone: leave (saving) rather than spin.
                Err(RecvTimeoutError::Disconnected) => return Ok(()),
            };
            now = Instant::now();
            // Handle everything already waiting before drawing again, so a
            // storm of resize events or a held key costs one frame.
            for event in first.into_iter().chain(events.try_iter()) {
                if !matches!(event, Event::Resize(..)) {
                    self.progress.activity(now);
                }
                let Some(action) = action_for_event(&self.app, event) else {
                    continue;
                };
                if update(&mut self.app, action).contains(&Effect::Quit) {
                    return Ok(());
                }
                self.progress.showing(self.visible_id().as_deref(), now);
            }
            if self.progress.tick(now) {
                self.save(now);
            }
            self.terminal.draw(|frame| ui::draw(frame, &self.app))?;
        }
    }

    /// The id of the section on screen, if nothing covers it.
    fn visible_id(&self) -> Option<String> {
        let index = self.app.reading()?;
        self.app.toolkit.entry(index).map(|e| e.section.id.clone())
    }

    fn save(&mut self, now: Instant) {
        let id = self
            .app
            .toolkit
            .entry(self.app.current)
            .map(|e| e.section.id.clone());
        let position = id.as_deref().map(|id| (id, self.app.scroll));
        let report = self.progress.save(position, now);
        if let Some(journal) = report.journal {
            self.app.journal = journal;
        }
        if let Some(message) = report.messages.into_iter().next() {
            self.app.message = Some(message);
        }
    }
}

/// Reads terminal events on their own thread. If the terminal goes away,
/// crossterm may never return from a read; the main loop then still sees
/// signals and timers, and the thread ends with the process.
fn spawn_event_reader() -> Receiver<Event> {
    let (sender, receiver) = mpsc::channel();
    std::thread::spawn(move || {
        while let Ok(event) = event::read() {
            if sender.send(event).is_err() {
                break;
            }
        }
    });
    receiver
}

/// The key table for whatever is on top.
fn bindings(app: &App) -> &'static [Binding] {
    match app.overlay {
        Some(Overlay::Help { .. }) => keymap::HELP,
        Some(Overlay::Journal { .. }) => keymap::JOURNAL,
        None => keymap::READER,
    }
}

fn action_for_event(app: &App, event: Event) -> Option<Action> {
    match event {
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
