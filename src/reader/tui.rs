//! The full-screen terminal: set-up, the event loop, and restoring the
//! terminal on every way out (normal exit, error, panic, SIGTERM, SIGHUP).
//!
//! - `session`: one run of the loop, a walkthrough, saving;
//! - `effects`: carrying out what `update` asks;
//! - `input`: terminal events to actions;
//! - `walkthrough`: what a walkthrough from the reader is handed.
//!
//! Taking the terminal, events and suspend are the shared `crate::terminal`.

use crate::journal::progress::Progress;
use crate::reader::action::{Action, Learned};
use crate::reader::app::App;
use crate::reader::ui;
use crate::reader::update::{learned, update};
use crate::terminal;
use crate::terminal::setup;
use session::Session;

mod effects;
mod input;
mod session;
mod typing_run;
mod walkthrough;

pub(crate) use crate::terminal::{Events, between_events, is_suspend_key, suspend};
pub use crate::terminal::{init_quiet, restore, stop_flag};
pub use walkthrough::{Launcher, Walkthrough};

/// Runs the reader until the person quits, keeping the journal as it goes;
/// the terminal is restored whatever happens. The first frame is drawn
/// before `open_journal` runs (it may parse years of days), so start-up
/// stays quick (what it finds comes back to `update` as
/// [`Learned::JournalOpened`]); with `first_frame_only`, draws once and returns (for
/// start-up benchmarks). `launch` runs a walkthrough asked for with `P`.
pub fn run(
    mut app: App,
    open_journal: impl FnOnce(&App) -> (Progress, Learned),
    first_frame_only: bool,
    launch: Launcher,
) -> anyhow::Result<()> {
    let mut farewell = Vec::new();
    let result = setup()
        .map_err(anyhow::Error::from)
        .and_then(|mut terminal| {
            // The size ratatui has just asked the terminal for.
            let area = terminal.get_frame().area();
            let (width, height) = (area.width, area.height);
            update(&mut app, Action::Resize { width, height });
            terminal::paint_every_cell_next(&mut terminal);
            terminal.draw(|frame| ui::draw(frame, &app))?;
            if first_frame_only {
                return Ok(());
            }
            // Listen before opening the journal, so a resize (or a key)
            // that comes while it opens is not lost.
            let events = Events::spawn();
            let (progress, opened) = open_journal(&app);
            learned(&mut app, opened);
            // The local day needs the time zone database: after the frame.
            let running = Learned::Running {
                today: jiff::Zoned::now().date(),
                read_only: progress.read_only(),
            };
            learned(&mut app, running);
            // A commitment whose review day has come is announced, not
            // opened: the screen may be a projector (J asks).
            crate::reader::windows::commitments::update::announce_due(&mut app);
            let session = Session {
                terminal,
                app,
                progress,
                present_from: None,
                farewell: Vec::new(),
                launch,
            };
            let (result, lines) = session.run(events);
            farewell = lines;
            result
        });
    restore();
    // Where unsaved words went, once the terminal can show it.
    for line in farewell {
        // Never `eprintln!`: on a closed terminal it panics (exit 101).
        use std::io::Write as _;
        let _ = writeln!(std::io::stderr(), "{line}");
    }
    result
}
