//! Taking the terminal and giving it back: raw mode, the alternate screen,
//! mouse reporting and bracketed paste on the way in; each undone on every
//! way out (a panic included); and the flag raised by SIGTERM, SIGHUP and
//! SIGINT so the loops can save and leave.

use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use ratatui::crossterm::event::{
    DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
};
use ratatui::crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use ratatui::crossterm::{execute, queue};
use std::io::{self, Stdout, Write};
use std::sync::Arc;
use std::sync::atomic::AtomicBool;

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
    let mut out = io::stdout();
    take(&mut out)?;
    out.flush()
}

/// Raw mode, then the sequences that take the screen, queued on `out`.
fn take(out: &mut impl Write) -> io::Result<()> {
    enable_raw_mode()?;
    queue!(
        out,
        EnterAlternateScreen,
        EnableMouseCapture,
        EnableBracketedPaste
    )
}

/// ratatui on standard output through a buffer of its own: a frame is a few
/// thousand small writes (a cursor move, a colour, a word), which standard
/// output would each lock and scan for a newline. The buffer goes out in
/// the same 1 KB pieces standard output used, so the top of the first frame
/// is on the screen as soon as before; ratatui flushes after every frame.
/// `Quiet` writes nothing for a frame where nothing changed (issue 27).
pub type Screen = Terminal<super::quiet::Quiet<CrosstermBackend<io::BufWriter<Stdout>>>>;

/// The panic hook, then the terminal taken, then ratatui on standard output.
/// The sequences that take the screen wait in ratatui's buffer and go out
/// with the first frame: one write to the terminal fewer before it.
pub(crate) fn setup() -> io::Result<Screen> {
    install_panic_hook();
    let mut out = io::BufWriter::with_capacity(1024, io::stdout());
    take(&mut out)?;
    Terminal::new(super::quiet::Quiet::new(CrosstermBackend::new(out)))
}

/// Makes the next frame paint every cell, not only those that differ from
/// a blank screen: nothing a terminal left on its alternate screen shows
/// through, and the frame goes out row by row instead of with a cursor move
/// before every word (fewer bytes, and less to format).
pub(crate) fn paint_every_cell_next<B: ratatui::backend::Backend>(terminal: &mut Terminal<B>) {
    // What ratatui compares the next frame with: cells no frame ever draws.
    let never = ratatui::buffer::Cell::new(NEVER_DRAWN);
    terminal.current_buffer_mut().content.fill(never);
    terminal.swap_buffers();
}

/// A symbol no frame draws (a Unicode noncharacter).
const NEVER_DRAWN: &str = "\u{FFFF}";

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

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::backend::{Backend, TestBackend};
    use ratatui::buffer::Cell;
    use ratatui::widgets::Paragraph;

    /// A terminal whose alternate screen still shows an earlier program's
    /// text (some keep it), then one frame drawn over it.
    fn frame_over_old_text(paint_all: bool) -> String {
        let mut backend = TestBackend::new(12, 2);
        let old = Cell::new("X");
        let cells: Vec<_> = (0..2)
            .flat_map(|y| (0..12).map(move |x| (x, y)))
            .map(|(x, y)| (x, y, &old))
            .collect();
        backend.draw(cells.into_iter()).unwrap();
        let mut terminal = Terminal::new(backend).unwrap();
        if paint_all {
            paint_every_cell_next(&mut terminal);
        }
        terminal
            .draw(|frame| frame.render_widget(Paragraph::new("a b"), frame.area()))
            .unwrap();
        let buffer = terminal.backend().buffer();
        buffer.content.iter().map(Cell::symbol).collect()
    }

    #[test]
    fn the_first_frame_leaves_nothing_of_an_old_screen() {
        assert_eq!(frame_over_old_text(true), format!("a b{}", " ".repeat(21)));
        // ratatui alone writes only what differs from a blank screen.
        assert!(frame_over_old_text(false).contains('X'));
    }
}
