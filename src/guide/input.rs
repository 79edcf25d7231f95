//! Where the guide's lines come from: standard input, read on a thread of
//! its own so that SIGTERM, SIGHUP and Ctrl-C (SIGINT) are answered at
//! once even while nobody types, or a fixed script (tests). End of input
//! (Ctrl-D, the end of a piped file) is heard as [`Heard::End`]; at a
//! terminal, typing may go on after it (Ctrl-D only ends a note).

use std::collections::VecDeque;
use std::io::{BufRead, Read};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, RecvTimeoutError, channel};
use std::time::{Duration, Instant};

/// The longest line taken at once; more comes as the next line, so a
/// paste without line breaks can't fill the memory.
const LONGEST_LINE: u64 = 1024 * 1024;

/// What the guide heard.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Heard {
    /// A line, without its line break.
    Line(String),
    /// The end of input (Ctrl-D, or the end of a script).
    End,
    /// A signal asked the guide to stop (Ctrl-C, SIGTERM, SIGHUP).
    Stop,
}

/// A source of typed lines.
pub trait Listen {
    /// The next thing heard, waiting up to `wait`; `None` when nothing came
    /// in that time (the guide then keeps its clock for reading going).
    fn hear(&mut self, wait: Duration) -> Option<Heard>;
    /// Whether the terminal shows what is typed (a person at a terminal):
    /// otherwise the guide ends its prompt line itself.
    fn echoed(&self) -> bool;
}

/// Lines given in advance, then the end of input: a test's script.
#[derive(Debug, Default)]
pub struct Script {
    lines: VecDeque<Heard>,
}

impl Script {
    /// Each line of `text` (without its line break) heard in turn, then the end.
    pub fn new(text: &str) -> Self {
        Script {
            lines: text.lines().map(|l| Heard::Line(l.to_owned())).collect(),
        }
    }

    /// The script with `heard` added after the lines it has.
    pub fn then(mut self, heard: Heard) -> Self {
        self.lines.push_back(heard);
        self
    }
}

impl Listen for Script {
    fn hear(&mut self, _wait: Duration) -> Option<Heard> {
        Some(self.lines.pop_front().unwrap_or(Heard::End))
    }

    fn echoed(&self) -> bool {
        false
    }
}

/// Standard input, read on its own thread, and the stop flag raised by signals.
#[derive(Debug)]
pub struct Stdin {
    lines: Receiver<Heard>,
    stop: Arc<AtomicBool>,
    terminal: bool,
}

impl Stdin {
    /// Starts reading standard input; SIGTERM, SIGHUP and SIGINT now raise
    /// the stop flag instead of ending the process, so the guide can save.
    pub fn start() -> Stdin {
        use std::io::IsTerminal;
        let stop = crate::terminal::stop_flag();
        let terminal = std::io::stdin().is_terminal();
        let (send, lines) = channel();
        std::thread::spawn(move || {
            let stdin = std::io::stdin();
            loop {
                let mut bytes = Vec::new();
                let read = stdin
                    .lock()
                    .take(LONGEST_LINE)
                    .read_until(b'\n', &mut bytes);
                let heard = match read {
                    Ok(0) => Heard::End,
                    Ok(_) => Heard::Line(line_of(&bytes)),
                    Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                    // A terminal that went away (EIO): nothing more will come.
                    Err(_) => {
                        let _ = send.send(Heard::End);
                        return;
                    }
                };
                let ended = heard == Heard::End;
                if send.send(heard).is_err() || (ended && !terminal) {
                    return;
                }
            }
        });
        Stdin {
            lines,
            stop,
            terminal,
        }
    }
}

/// A line read as bytes: text (anything not UTF-8 shown as U+FFFD), its
/// line break gone.
fn line_of(bytes: &[u8]) -> String {
    let text = String::from_utf8_lossy(bytes);
    let text = text.strip_suffix('\n').unwrap_or(&text);
    text.strip_suffix('\r').unwrap_or(text).to_owned()
}

impl Listen for Stdin {
    fn hear(&mut self, wait: Duration) -> Option<Heard> {
        let until = Instant::now() + wait;
        loop {
            if self.stop.load(Ordering::Relaxed) {
                return Some(Heard::Stop);
            }
            let left = until.saturating_duration_since(Instant::now());
            if left.is_zero() {
                return None;
            }
            match self
                .lines
                .recv_timeout(left.min(Duration::from_millis(100)))
            {
                Ok(heard) => return Some(heard),
                Err(RecvTimeoutError::Timeout) => {}
                Err(RecvTimeoutError::Disconnected) => return Some(Heard::End),
            }
        }
    }

    fn echoed(&self) -> bool {
        self.terminal
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_script_gives_its_lines_then_the_end_for_ever() {
        let mut script = Script::new("n\r\n\nw").then(Heard::Stop);
        let wait = Duration::ZERO;
        assert_eq!(script.hear(wait), Some(Heard::Line("n".into())));
        assert_eq!(script.hear(wait), Some(Heard::Line(String::new())));
        assert_eq!(script.hear(wait), Some(Heard::Line("w".into())));
        assert_eq!(script.hear(wait), Some(Heard::Stop));
        assert_eq!(script.hear(wait), Some(Heard::End));
        assert_eq!(script.hear(wait), Some(Heard::End));
    }

    #[test]
    fn lines_lose_their_breaks_and_bad_bytes_become_replacement_characters() {
        assert_eq!(line_of(b"next\r\n"), "next");
        assert_eq!(line_of(b"a\n"), "a");
        assert_eq!(line_of(b"half"), "half");
        assert_eq!(line_of(b"\xffx\n"), "\u{fffd}x");
        assert_eq!(line_of(b"\x1b[31m\n"), "\x1b[31m");
    }
}
