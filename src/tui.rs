//! The full-screen terminal: set-up, the event loop, and restoring the
//! terminal on every way out (normal exit, error, panic, SIGTERM, SIGHUP).

use crate::action::{Action, Effect};
use crate::app::{App, Overlay};
use crate::keymap::{self, Binding};
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
use std::time::Duration;

/// How long to wait for input before checking signals and timers.
const POLL: Duration = Duration::from_millis(250);

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

/// Runs the reader until the person quits; the terminal is restored whatever
/// happens. With `first_frame_only`, draws once and returns (for benchmarks).
pub fn run(app: App, first_frame_only: bool) -> anyhow::Result<()> {
    let result = setup()
        .map_err(anyhow::Error::from)
        .and_then(|terminal| event_loop(terminal, app, first_frame_only));
    restore();
    result
}

fn event_loop(
    mut terminal: Terminal<CrosstermBackend<Stdout>>,
    mut app: App,
    first_frame_only: bool,
) -> anyhow::Result<()> {
    let size = terminal.size()?;
    update(
        &mut app,
        Action::Resize {
            width: size.width,
            height: size.height,
        },
    );
    let stop = stop_flag();
    loop {
        terminal.draw(|frame| ui::draw(frame, &app))?;
        if first_frame_only || stop.load(Ordering::Relaxed) {
            return Ok(());
        }
        if !event::poll(POLL)? {
            continue;
        }
        // Handle everything already waiting before drawing again, so a storm
        // of resize events or a held key costs one frame.
        loop {
            let Some(action) = action_for_event(&app, event::read()?) else {
                if event::poll(Duration::ZERO)? {
                    continue;
                } else {
                    break;
                }
            };
            for effect in update(&mut app, action) {
                match effect {
                    Effect::Quit => return Ok(()),
                    Effect::Opened(_) => {}
                }
            }
            if !event::poll(Duration::ZERO)? {
                break;
            }
        }
    }
}

/// The key table for whatever is on top.
fn bindings(app: &App) -> &'static [Binding] {
    match app.overlay {
        Some(Overlay::Help { .. }) => keymap::HELP,
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
