use super::*;
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use ratatui::widgets::Paragraph;
use std::cell::RefCell;
use std::io::Write;
use std::rc::Rc;

/// Everything written to the terminal, kept to look at.
#[derive(Clone, Default)]
struct Written(Rc<RefCell<Vec<u8>>>);

impl Write for Written {
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        self.0.borrow_mut().extend_from_slice(bytes);
        Ok(bytes.len())
    }
    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

/// Bytes written by each of three frames of `text`, the cursor at `cursor`.
fn three_frames<B: Backend>(
    terminal: &mut Terminal<B>,
    written: &Written,
    text: [&str; 3],
    cursor: Option<(u16, u16)>,
) -> [usize; 3] {
    text.map(|text| {
        written.0.borrow_mut().clear();
        terminal
            .draw(|frame| {
                frame.render_widget(Paragraph::new(text), frame.area());
                if let Some(at) = cursor {
                    frame.set_cursor_position(at);
                }
            })
            .unwrap();
        written.0.borrow().len()
    })
}

#[test]
fn a_frame_with_nothing_changed_writes_nothing() {
    for cursor in [None, Some((3, 1))] {
        let written = Written::default();
        let backend = Quiet::new(CrosstermBackend::new(written.clone()));
        let mut terminal = Terminal::new(backend).unwrap();
        let [first, same, changed] = three_frames(&mut terminal, &written, ["a", "a", "b"], cursor);
        assert!(first > 0);
        assert_eq!(same, 0, "cursor {cursor:?}");
        assert!(changed > 0);
        // ratatui alone writes the resets and the cursor every frame.
        let written = Written::default();
        let mut terminal = Terminal::new(CrosstermBackend::new(written.clone())).unwrap();
        let [_, same, _] = three_frames(&mut terminal, &written, ["a", "a", "b"], cursor);
        assert!(same > 0);
    }
}

#[test]
fn the_cursor_goes_back_after_a_frame_moved_it() {
    let written = Written::default();
    let backend = Quiet::new(CrosstermBackend::new(written.clone()));
    let mut terminal = Terminal::new(backend).unwrap();
    three_frames(&mut terminal, &written, ["a", "a", "a"], Some((2, 0)));
    written.0.borrow_mut().clear();
    terminal
        .draw(|frame| {
            frame.render_widget(Paragraph::new("b"), frame.area());
            frame.set_cursor_position((2, 0));
        })
        .unwrap();
    let bytes = String::from_utf8_lossy(&written.0.borrow()).into_owned();
    // The cell was written (the cursor moved with it), then the cursor put back.
    assert!(bytes.ends_with("\x1b[1;3H"), "{bytes:?}");
    // After a clear (a resume from Ctrl-Z), the cursor is shown again.
    terminal.backend_mut().clear_region(ClearType::All).unwrap();
    written.0.borrow_mut().clear();
    terminal
        .draw(|frame| frame.set_cursor_position((2, 0)))
        .unwrap();
    let bytes = String::from_utf8_lossy(&written.0.borrow()).into_owned();
    assert!(
        bytes.contains("\x1b[?25h") && bytes.contains("\x1b[1;3H"),
        "{bytes:?}"
    );
}

/// A terminal whose window has closed: every write fails with EIO.
struct Closed;

impl Write for Closed {
    fn write(&mut self, _: &[u8]) -> io::Result<usize> {
        Err(io::Error::from_raw_os_error(5))
    }
    fn flush(&mut self) -> io::Result<()> {
        Err(io::Error::from_raw_os_error(5))
    }
}

/// The first write to a closed terminal is let go like the rest: its EIO
/// would otherwise end the loop as an error and hide the loop's own (words
/// that no rescue file took, reported as a clean exit).
#[test]
fn a_closed_terminal_takes_even_the_first_write_quietly() {
    let mut backend = Quiet::new(CrosstermBackend::new(Closed));
    let cell = Cell::new("x");
    assert!(backend.draw([(0, 0, &cell)].into_iter()).is_ok());
    assert!(backend.gone, "noted as gone");
    assert!(backend.clear().is_ok());
    assert!(backend.flush().is_ok());
}
