//! A walkthrough started from the reader (`P`): what the reader hands over
//! (its terminal, events and stop flag) and the launcher `cli` hands in, so
//! the reader never names the presenter.

use crate::terminal::Screen;
use crate::theme::Theme;
use crate::toolkit::content::Toolkit;
use ratatui::crossterm::event::Event;
use std::io;
use std::path::PathBuf;
use std::sync::atomic::AtomicBool;
use std::time::Duration;

/// Everything a walkthrough from the reader is given.
pub struct Walkthrough<'a> {
    /// The reader's terminal, the walkthrough's until it ends.
    pub terminal: &'a mut Screen,
    /// The toolkit being read.
    pub toolkit: &'a Toolkit,
    /// The sections asked for, as reading-order indexes.
    pub sections: Vec<usize>,
    /// The reader's palette, so the screen keeps its colours.
    pub theme: Theme,
    /// The journal's folder, where the facilitator's log is kept.
    pub log_dir: Option<PathBuf>,
    /// The reader's events, waiting at most the duration given
    /// (`Ok(None)` when nothing came).
    pub next_event: &'a mut dyn FnMut(Duration) -> io::Result<Option<Event>>,
    /// Raised by SIGTERM, SIGHUP or SIGINT: leave at once.
    pub stop: &'a AtomicBool,
}

/// Runs a walkthrough and says in one line how it ended, for the status
/// line on return. `cli` hands it in (the presenter's `run_with`).
pub type Launcher = fn(Walkthrough<'_>) -> anyhow::Result<String>;
