//! Drawing: plain functions of a read-only `App`; views never change state.

pub mod reader;
mod tones;

use crate::reader::app::{App, Overlay};
use crate::reader::layout;
use crate::reader::windows::choose::draw as choosing;
use crate::reader::windows::commitments::draw as commitments;
use crate::reader::windows::help::draw as help;
use crate::reader::windows::journal::draw as journal;
use crate::reader::windows::search::draw as search;
use crate::reader::windows::{bookmarks, confirm_quit, links, note, notes};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Wrap};

/// Draws the whole screen for the app's current state.
pub fn draw(frame: &mut Frame, app: &App) {
    let screen = frame.area();
    frame.render_widget(ratatui::widgets::Block::new().style(app.theme.base), screen);
    if layout::too_small(screen) {
        draw_too_small(frame, app, screen);
        return;
    }
    if app.covered {
        return draw_cover(frame, app, screen);
    }
    reader::draw(frame, app);
    match &app.overlay {
        Some(Overlay::Help { scroll, under }) => {
            help::draw(frame, screen, *scroll, under.as_deref(), &app.theme);
        }
        Some(Overlay::Journal { selected, scroll }) => {
            journal::draw(frame, app, *selected, *scroll)
        }
        Some(Overlay::Note(input)) => note::draw::draw_note(frame, app, input),
        Some(Overlay::Label(input)) => bookmarks::draw::draw_label(frame, app, input),
        Some(Overlay::Bookmarks { selected }) => {
            bookmarks::draw::draw_bookmarks(frame, app, *selected)
        }
        Some(Overlay::Notes { selected }) => notes::draw::draw_notes(frame, app, *selected),
        Some(Overlay::Search { input, selected }) => search::draw(frame, app, input, *selected),
        Some(Overlay::Links { selected }) => links::draw::draw_links(frame, app, *selected),
        Some(Overlay::Commit(window)) => commitments::draw_commit(frame, app, window),
        Some(Overlay::CheckIn(window)) => commitments::draw_check_in(frame, app, window),
        Some(Overlay::Choose { selected }) => choosing::draw(frame, app, *selected),
        // The question is what the person must see: no older message
        // box goes over it (the box says why the words are not saved).
        Some(Overlay::ConfirmQuit) => {
            return confirm_quit::draw::draw_confirm_quit(frame, app, screen);
        }
        None => {}
    }
    draw_long_message(frame, app, screen);
}

/// What shows after a walkthrough, while the screen may still be shared:
/// how it ended and how to come back, and nothing of the person's own.
pub const COVER: &str = "Press any key to come back to your reading (your own marks and notes).";

/// The cover after a walkthrough: the message (kept in the log, or why
/// not) and [`COVER`], centred, on an otherwise empty screen.
fn draw_cover(frame: &mut Frame, app: &App, screen: Rect) {
    let mut lines = vec![Line::from("The walkthrough has ended.").style(app.theme.heading)];
    if let Some(message) = &app.message {
        lines.push(Line::default());
        lines.push(Line::from(crate::sanitise::printable(message)));
    }
    lines.push(Line::default());
    lines.push(Line::from(COVER).style(app.theme.quiet));
    let width = screen.width.saturating_sub(4).min(70);
    let area = layout::centred(screen, width, screen.height.min(9));
    let text = Paragraph::new(lines)
        .alignment(ratatui::layout::Alignment::Center)
        .wrap(Wrap { trim: true });
    frame.render_widget(text, area);
}

/// A message too long for the status line (a web address, a file path) is
/// shown whole in a box above it, so nothing needed is cut off.
fn draw_long_message(frame: &mut Frame, app: &App, screen: Rect) {
    let Some(message) = &app.message else { return };
    let width = screen.width.saturating_sub(4);
    if unicode_width::UnicodeWidthStr::width(message.as_str()) + 2 < usize::from(screen.width)
        || width == 0
    {
        return;
    }
    let mut lines = Vec::new();
    let style = app.theme.text;
    crate::toolkit::render::wrap_into(&mut lines, message, width, ("", ""), style, style);
    let height = u16::try_from(lines.len())
        .unwrap_or(u16::MAX)
        .saturating_add(2);
    let height = height.min(screen.height.saturating_sub(2));
    let area = Rect {
        x: screen.x,
        y: screen.bottom().saturating_sub(1 + height),
        width: screen.width,
        height,
    };
    let block = ratatui::widgets::Block::bordered()
        .title(" Message ")
        .border_style(app.theme.border_focused)
        .padding(ratatui::widgets::Padding::horizontal(1));
    frame.render_widget(ratatui::widgets::Clear, area);
    frame.render_widget(Paragraph::new(lines).block(block), area);
}

/// A screen too small to read on says so, as best it can at any size; if
/// "Leave anyway?" has been asked, it asks that instead (its keys work).
fn draw_too_small(frame: &mut Frame, app: &App, screen: Rect) {
    let message = if app.overlay == Some(Overlay::ConfirmQuit) {
        "Your words are not saved. Leave anyway? y leave, n stay.".to_owned()
    } else {
        format!(
            "Please make the window larger (at least {}x{}).",
            layout::MIN_WIDTH,
            layout::MIN_HEIGHT
        )
    };
    let paragraph = Paragraph::new(Line::from(message)).wrap(Wrap { trim: true });
    frame.render_widget(paragraph, screen);
}
