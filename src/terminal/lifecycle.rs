//! The terminal's life around the reader's and the presenter's loops:
//! events read on their own thread and waited for with a timeout (so the
//! loops always see signals), the terminal noticed when it goes away
//! (closed window: EOF, EIO), and Ctrl-Z, SIGTSTP and SIGCONT.

use ratatui::Terminal;
use ratatui::backend::{Backend, ClearType};
use ratatui::crossterm::event::{self, Event, KeyCode, KeyEventKind, KeyModifiers};
use std::io::{self, IsTerminal};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::sync::{Arc, OnceLock};
use std::time::Duration;

/// Terminal events from a thread of their own. crossterm never returns
/// from a read once the terminal has gone (it reads EOF or EIO in a loop),
/// so the loops wait here with a timeout and, when nothing comes, check
/// whether the terminal is still there.
pub struct Events {
    receiver: Receiver<Event>,
    /// Whether the app ran on a terminal when this started: only then does
    /// losing it mean the window was closed.
    had_terminal: bool,
}

impl Events {
    /// Starts reading events, and starts listening for SIGTSTP and SIGCONT
    /// (so an outside suspend restores the terminal first).
    pub fn spawn() -> Events {
        let _ = flags();
        let (sender, receiver) = mpsc::channel();
        // Our own reader where we can (it drains the terminal and decodes
        // Esc, arrows and pastes that never end safely); crossterm's elsewhere.
        #[cfg(unix)]
        let sender = match super::tty_input::spawn(sender.clone()) {
            Ok(()) => None,
            Err(_) => Some(sender),
        };
        #[cfg(not(unix))]
        let sender = Some(sender);
        if let Some(sender) = sender {
            std::thread::spawn(move || {
                while let Ok(event) = event::read() {
                    if sender.send(event).is_err() {
                        break;
                    }
                }
            });
        }
        Events {
            receiver,
            had_terminal: on_terminal(),
        }
    }

    /// The next event, waiting at most `timeout`; `None` when none came.
    /// When the terminal has gone (or the reading thread ended), raises
    /// the stop flag, so whichever loop is running saves and leaves as it
    /// does on SIGHUP.
    pub fn next(&self, timeout: Duration) -> Option<Event> {
        match self.receiver.recv_timeout(timeout) {
            Ok(event) => Some(event),
            Err(RecvTimeoutError::Timeout) => {
                if self.had_terminal && !on_terminal() {
                    super::stop_flag().store(true, Ordering::Relaxed);
                }
                None
            }
            Err(RecvTimeoutError::Disconnected) => {
                super::stop_flag().store(true, Ordering::Relaxed);
                None
            }
        }
    }

    /// An event already waiting, if any (no waiting at all).
    pub fn try_next(&self) -> Option<Event> {
        self.receiver.try_recv().ok()
    }
}

/// Whether standard input or output is a terminal. A terminal that has been
/// hung up (its window closed) answers no more: `isatty` fails with EIO.
fn on_terminal() -> bool {
    io::stdin().is_terminal() || io::stdout().is_terminal()
}

/// Flags raised by SIGTSTP (an outside suspend) and SIGCONT (resumed).
struct Flags {
    suspend: Arc<AtomicBool>,
    resumed: Arc<AtomicBool>,
}

fn flags() -> &'static Flags {
    static FLAGS: OnceLock<Flags> = OnceLock::new();
    FLAGS.get_or_init(|| {
        let flags = Flags {
            suspend: Arc::new(AtomicBool::new(false)),
            resumed: Arc::new(AtomicBool::new(false)),
        };
        #[cfg(unix)]
        {
            use signal_hook::consts::{SIGCONT, SIGTSTP};
            let _ = signal_hook::flag::register(SIGTSTP, Arc::clone(&flags.suspend));
            let _ = signal_hook::flag::register(SIGCONT, Arc::clone(&flags.resumed));
        }
        flags
    })
}

/// Whether Ctrl-Z was pressed (raw mode delivers it as a key, not SIGTSTP).
pub fn is_suspend_key(event: &Event) -> bool {
    matches!(
        event,
        Event::Key(key)
            if key.code == KeyCode::Char('z')
                && key.modifiers == KeyModifiers::CONTROL
                && key.kind != KeyEventKind::Release
    )
}

/// What the loops do between events about suspending: after an outside
/// SIGTSTP, suspend; after an outside SIGSTOP and SIGCONT, take the
/// terminal back and redraw. True when the screen must be drawn again.
pub fn between_events<B>(terminal: &mut Terminal<B>) -> anyhow::Result<bool>
where
    B: Backend,
    B::Error: Send + Sync + 'static,
{
    if flags().suspend.swap(false, Ordering::Relaxed) {
        suspend(terminal)?;
        return Ok(true);
    }
    if flags().resumed.swap(false, Ordering::Relaxed) {
        resume(terminal)?;
        return Ok(true);
    }
    Ok(false)
}

/// Ctrl-Z: gives the terminal back as it was (main screen, line mode, no
/// mouse or paste reporting), stops the process as SIGTSTP would, and on
/// SIGCONT (`fg`) takes it again; the caller then redraws. Elsewhere than
/// Unix there is no job control, and nothing happens.
pub fn suspend<B>(terminal: &mut Terminal<B>) -> anyhow::Result<()>
where
    B: Backend,
    B::Error: Send + Sync + 'static,
{
    #[cfg(unix)]
    {
        super::restore();
        // The shell says "Stopped"; this says how to come back.
        eprintln!("allyship is paused: type fg to come back to it.");
        // SIGSTOP cannot be caught: the process stops here until SIGCONT.
        let _ = signal_hook::low_level::raise(signal_hook::consts::SIGSTOP);
        flags().resumed.store(false, Ordering::Relaxed);
        resume(terminal)?;
    }
    #[cfg(not(unix))]
    let _ = terminal;
    Ok(())
}

/// Takes the terminal again after a stop and makes the next draw repaint
/// every cell (the screen shows whatever the shell left there).
fn resume<B>(terminal: &mut Terminal<B>) -> anyhow::Result<()>
where
    B: Backend,
    B::Error: Send + Sync + 'static,
{
    // A shell may have put the terminal back in line mode while stopped.
    let _ = ratatui::crossterm::terminal::disable_raw_mode();
    if let Err(e) = super::enter() {
        // The kernel sends SIGCONT with the SIGHUP of a closed window:
        // there is no terminal to take back, and the loop leaves on the
        // SIGHUP. Its error here would hide why the app left (words that
        // no rescue file took were reported as a clean exit).
        if super::says_terminal_closed(&e) {
            return Ok(());
        }
        return Err(e.into());
    }
    terminal.backend_mut().clear_region(ClearType::All)?;
    // Blank the buffer the next frame is compared with, so all of it is
    // sent. (`Terminal::clear` would ask the terminal where the cursor is,
    // and the answer would go to the event thread.)
    terminal.swap_buffers();
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::crossterm::event::KeyEvent;

    #[test]
    fn ctrl_z_is_the_suspend_key_and_z_is_not() {
        let ctrl_z = KeyEvent::new(KeyCode::Char('z'), KeyModifiers::CONTROL);
        assert!(is_suspend_key(&Event::Key(ctrl_z)));
        let z = KeyEvent::new(KeyCode::Char('z'), KeyModifiers::NONE);
        assert!(!is_suspend_key(&Event::Key(z)));
        assert!(!is_suspend_key(&Event::Paste("\u{1a}".into())));
    }
}
