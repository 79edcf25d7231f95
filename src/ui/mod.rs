//! Drawing: plain functions of a read-only `App`; views never change state.

pub mod help;
pub mod journal;
pub mod reader;
pub mod search;
pub mod theme;
pub mod writing;

use crate::app::{App, Overlay};
use crate::layout;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Wrap};

/// Draws the whole screen for the app's current state.
pub fn draw(frame: &mut Frame, app: &App) {
    let screen = frame.area();
    if layout::too_small(screen) {
        draw_too_small(frame, screen);
        return;
    }
    reader::draw(frame, app);
    match &app.overlay {
        Some(Overlay::Help { scroll }) => help::draw(frame, screen, *scroll, &app.theme),
        Some(Overlay::Journal { selected, scroll }) => {
            journal::draw(frame, app, *selected, *scroll)
        }
        Some(Overlay::Note(input)) => writing::draw_note(frame, app, input),
        Some(Overlay::Label(input)) => writing::draw_label(frame, app, input),
        Some(Overlay::Bookmarks { selected }) => writing::draw_bookmarks(frame, app, *selected),
        Some(Overlay::Notes { selected }) => writing::draw_notes(frame, app, *selected),
        Some(Overlay::Search { input, selected }) => search::draw(frame, app, input, *selected),
        None => {}
    }
}

/// A screen too small to read on says so, as best it can at any size.
fn draw_too_small(frame: &mut Frame, screen: Rect) {
    let message = format!(
        "Please make the window larger (at least {}x{}).",
        layout::MIN_WIDTH,
        layout::MIN_HEIGHT
    );
    let paragraph = Paragraph::new(Line::from(message)).wrap(Wrap { trim: true });
    frame.render_widget(paragraph, screen);
}
