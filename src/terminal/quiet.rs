//! A backend that writes to the terminal only what changes (issue 27):
//! - ratatui sends, after every frame, the colour resets and the cursor's
//!   state and place, changed or not; the idle reader (a frame four times
//!   a second) wrote ~127 bytes a second, which kept tmux's activity flag
//!   lit. Here a frame with no changed cell writes nothing, and the
//!   cursor is shown, hidden or moved only when that changes;
//! - a terminal that has gone (its window closed) takes no more writes:
//!   after the first error there, every write is let go quietly, so
//!   ratatui's own goodbye (showing the cursor as it is dropped, and
//!   `eprintln!` when that fails) cannot panic on it (exit 101). The
//!   first write that finds it gone is let go too, and its size stays the
//!   last one known: the loop then leaves on the stop flag the closed
//!   terminal raises, and its own failures (words no rescue file took)
//!   are not hidden behind the terminal's EIO.

use ratatui::backend::{Backend, ClearType, WindowSize};
use ratatui::buffer::Cell;
use ratatui::layout::{Position, Size};
use std::cell::Cell as Remembered;
use std::io::{self, IsTerminal};

/// `inner`, writing only what changes, and nothing once its terminal has gone.
#[derive(Debug)]
pub struct Quiet<B> {
    inner: B,
    /// Whether the cursor shows, when known.
    cursor_shown: Option<bool>,
    /// Where the cursor is, when known (a frame's writes move it).
    cursor_at: Option<Position>,
    /// The terminal has gone: write nothing more.
    gone: bool,
    /// The last size the terminal gave, kept for when it has gone.
    last_size: Remembered<Option<Size>>,
}

impl<B> Quiet<B> {
    /// Wraps `inner`, knowing nothing yet of the cursor.
    pub fn new(inner: B) -> Self {
        Quiet {
            inner,
            cursor_shown: None,
            cursor_at: None,
            gone: false,
            last_size: Remembered::new(None),
        }
    }

    /// Forgets what the cursor was: something wrote to the terminal
    /// behind this backend's back (a suspend, a clear).
    fn forget_cursor(&mut self) {
        self.cursor_shown = None;
        self.cursor_at = None;
    }
}

impl<B: Backend<Error = io::Error>> Backend for Quiet<B> {
    type Error = io::Error;

    fn draw<'a, I>(&mut self, content: I) -> Result<(), Self::Error>
    where
        I: Iterator<Item = (u16, u16, &'a Cell)>,
    {
        let mut content = content.peekable();
        if self.gone || content.peek().is_none() {
            return Ok(());
        }
        self.cursor_at = None;
        let result = self.inner.draw(content);
        self.noting_err(result)
    }

    fn append_lines(&mut self, n: u16) -> Result<(), Self::Error> {
        if self.gone {
            return Ok(());
        }
        self.cursor_at = None;
        let result = self.inner.append_lines(n);
        self.noting_err(result)
    }

    fn hide_cursor(&mut self) -> Result<(), Self::Error> {
        if self.gone || self.cursor_shown == Some(false) {
            return Ok(());
        }
        let result = self.inner.hide_cursor();
        self.cursor_shown = result.is_ok().then_some(false);
        self.noting_err(result)
    }

    fn show_cursor(&mut self) -> Result<(), Self::Error> {
        if self.gone || self.cursor_shown == Some(true) {
            return Ok(());
        }
        let result = self.inner.show_cursor();
        self.cursor_shown = result.is_ok().then_some(true);
        // ratatui shows the cursor as its terminal is dropped, and prints
        // (panicking on a dead terminal) if that fails: a terminal that
        // has gone has no cursor to show, and that is no error.
        let result = self.noting_err(result);
        if self.gone { Ok(()) } else { result }
    }

    fn get_cursor_position(&mut self) -> Result<Position, Self::Error> {
        self.inner.get_cursor_position()
    }

    fn set_cursor_position<P: Into<Position>>(&mut self, position: P) -> Result<(), Self::Error> {
        let position = position.into();
        if self.gone || self.cursor_at == Some(position) {
            return Ok(());
        }
        let result = self.inner.set_cursor_position(position);
        self.cursor_at = result.is_ok().then_some(position);
        self.noting_err(result)
    }

    fn clear(&mut self) -> Result<(), Self::Error> {
        if self.gone {
            return Ok(());
        }
        self.forget_cursor();
        let result = self.inner.clear();
        self.noting_err(result)
    }

    fn clear_region(&mut self, clear_type: ClearType) -> Result<(), Self::Error> {
        if self.gone {
            return Ok(());
        }
        self.forget_cursor();
        let result = self.inner.clear_region(clear_type);
        self.noting_err(result)
    }

    fn size(&self) -> Result<Size, Self::Error> {
        match self.inner.size() {
            Ok(size) => {
                self.last_size.set(Some(size));
                Ok(size)
            }
            Err(e) => match self.last_size.get() {
                Some(size) if self.gone || closed(&e) => Ok(size),
                _ => Err(e),
            },
        }
    }

    fn window_size(&mut self) -> Result<WindowSize, Self::Error> {
        self.inner.window_size()
    }

    fn flush(&mut self) -> Result<(), Self::Error> {
        if self.gone {
            return Ok(());
        }
        let result = self.inner.flush();
        self.noting_err(result)
    }
}

impl<B> Quiet<B> {
    /// Passes on `result`, noting when its error says the terminal has
    /// gone: EIO or ENXIO (a closed window), a broken pipe, or no terminal
    /// left on standard input and output.
    fn noting_err(&mut self, result: io::Result<()>) -> io::Result<()> {
        match result {
            Err(e) if closed(&e) => {
                self.gone = true;
                Ok(())
            }
            other => other,
        }
    }
}

/// Whether `e`, or standard input and output no longer being terminals,
/// says the terminal has gone.
fn closed(e: &io::Error) -> bool {
    says_terminal_closed(e) || (!io::stdin().is_terminal() && !io::stdout().is_terminal())
}

/// Whether `e` is what writing to or reading from a terminal that has gone
/// (its window closed) gives: EIO or ENXIO, or a broken pipe.
pub fn says_terminal_closed(e: &io::Error) -> bool {
    matches!(e.raw_os_error(), Some(5 | 6)) || e.kind() == io::ErrorKind::BrokenPipe
}

/// The presenter's terminal, as `ratatui::init` takes it (raw mode, the
/// alternate screen, a panic hook that gives the terminal back), writing
/// through [`Quiet`]; [`super::restore`] gives it back.
pub fn init() -> io::Result<ratatui::Terminal<Quiet<ratatui::backend::CrosstermBackend<io::Stdout>>>>
{
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        super::restore();
        previous(info);
    }));
    ratatui::crossterm::terminal::enable_raw_mode()?;
    ratatui::crossterm::execute!(
        io::stdout(),
        ratatui::crossterm::terminal::EnterAlternateScreen
    )?;
    let backend = ratatui::backend::CrosstermBackend::new(io::stdout());
    ratatui::Terminal::new(Quiet::new(backend))
}

#[cfg(test)]
#[path = "quiet_tests.rs"]
mod tests;
