//! The presenter's loop: keys in, frames out at about 4 Hz (for the
//! clocks), and the walkthrough added to the facilitator's log on every way
//! out. The terminal is set up and restored by the caller.

use super::beacon::Beacon;
use super::keys::{self, PresentAction};
use super::log;
use super::state::{Options, PresentEffect, Presenter, update};
use super::view;
use crate::toolkit::content::Toolkit;
use jiff::Timestamp;
use ratatui::Terminal;
use ratatui::backend::Backend;
use ratatui::crossterm::event::Event;
use std::io;
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

/// How long to wait for a key before redrawing the clocks.
pub const TICK: Duration = Duration::from_millis(250);
/// The most events handled before drawing again (a held key, a resize storm).
const BATCH: usize = 64;

/// How a walkthrough ended.
#[derive(Debug, Clone, PartialEq)]
pub struct Ended {
    /// What was recorded in the log (`None` when nothing was shown).
    pub record: Option<log::Record>,
    /// Why it could not be kept, to tell the person; `None` when it was
    /// added to the log (or there was no log to keep it in).
    pub problem: Option<String>,
}

/// Runs a walkthrough of `sections` on `terminal` until the facilitator
/// leaves, reading keys on a thread of their own and leaving on SIGTERM,
/// SIGHUP or the terminal closing; then adds it to the log in `log_dir`
/// (if given).
///
/// Use [`run_with`] instead when another thread already reads terminal
/// events (the reader's loop does).
pub fn run<B>(
    terminal: &mut Terminal<B>,
    toolkit: &Toolkit,
    sections: Vec<usize>,
    options: Options,
    log_dir: Option<PathBuf>,
) -> anyhow::Result<Ended>
where
    B: Backend,
    B::Error: Send + Sync + 'static,
{
    // Events come from a thread of their own: crossterm never returns from
    // a read once the terminal has closed, and this loop must still see
    // the stop flag (raised by SIGHUP, SIGTERM or the terminal going away).
    let events = crate::terminal::Events::spawn();
    let mut next_event = |timeout: Duration| -> io::Result<Option<Event>> {
        Ok(if timeout.is_zero() {
            events.try_next()
        } else {
            events.next(timeout)
        })
    };
    let stop = crate::terminal::stop_flag();
    run_with(
        terminal,
        toolkit,
        sections,
        options,
        log_dir,
        &mut next_event,
        &stop,
    )
}

/// [`run`] with the events from `next_event` (which waits at most the
/// duration given; `Ok(None)` when nothing came) and leaving as soon as
/// `stop` is raised. An error from `next_event` ends the walkthrough (it
/// is still logged) and is returned.
pub fn run_with<B>(
    terminal: &mut Terminal<B>,
    toolkit: &Toolkit,
    sections: Vec<usize>,
    options: Options,
    log_dir: Option<PathBuf>,
    next_event: &mut dyn FnMut(Duration) -> io::Result<Option<Event>>,
    stop: &AtomicBool,
) -> anyhow::Result<Ended>
where
    B: Backend,
    B::Error: Send + Sync + 'static,
{
    let started = Timestamp::now();
    let mut presenter = Presenter::new(toolkit, &sections, options, Instant::now());
    // Where the walkthrough is, for `present --notes`; removed at the end.
    let mut beacon = Beacon::new(log_dir.as_deref());
    let result = event_loop(terminal, &mut presenter, next_event, stop, &mut beacon);
    drop(beacon);
    let now = Instant::now();
    let covered = presenter.covered(now);
    let ended = if covered.is_empty() {
        Ended {
            record: None,
            problem: None,
        }
    } else {
        let record = log::record(
            toolkit,
            &covered,
            (started, Timestamp::now()),
            presenter.finished(),
        );
        let problem = log_dir
            .and_then(|dir| log::append(&dir, record.clone()).err())
            .map(|err| format!("This walkthrough was not recorded: {err}."));
        Ended {
            record: Some(record),
            problem,
        }
    };
    result.map(|()| ended)
}

fn event_loop<B>(
    terminal: &mut Terminal<B>,
    presenter: &mut Presenter,
    next_event: &mut dyn FnMut(Duration) -> io::Result<Option<Event>>,
    stop: &AtomicBool,
    beacon: &mut Beacon,
) -> anyhow::Result<()>
where
    B: Backend,
    B::Error: Send + Sync + 'static,
{
    terminal.draw(|frame| view::draw(frame, presenter, Instant::now()))?;
    beacon.show(presenter, Instant::now());
    loop {
        let mut event = next_event(TICK)?;
        let mut handled = 0;
        while let Some(current) = event.take() {
            if stop.load(Ordering::Relaxed) {
                return Ok(());
            }
            if crate::terminal::is_suspend_key(&current) {
                crate::terminal::suspend(terminal)?;
            } else if let Some(action) = action_for_event(presenter, current) {
                let effects = update(presenter, action, Instant::now());
                if effects.contains(&PresentEffect::Leave) {
                    return Ok(());
                }
            }
            handled += 1;
            if handled < BATCH {
                event = next_event(Duration::ZERO)?;
            }
        }
        if stop.load(Ordering::Relaxed) {
            return Ok(());
        }
        // An outside SIGTSTP suspends; SIGCONT takes the terminal back.
        crate::terminal::between_events(terminal)?;
        terminal.draw(|frame| view::draw(frame, presenter, Instant::now()))?;
        beacon.show(presenter, Instant::now());
    }
}

/// The action a terminal event stands for (`keys` decides, for the screen shown).
fn action_for_event(presenter: &Presenter, event: Event) -> Option<PresentAction> {
    keys::action_for_event(presenter, event)
}
