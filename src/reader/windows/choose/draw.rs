//! The choose window: a practice scenario's question and options over the
//! text, one highlighted, to choose with Enter (or a number, or a click).
//! Where it goes is `layout.rs`, shared with `update`.

use crate::reader::app::App;
use crate::reader::windows::choose::layout::layout;
use ratatui::Frame;
use ratatui::layout::{Margin, Position};
use ratatui::widgets::{
    Block, Clear, Padding, Paragraph, Scrollbar, ScrollbarOrientation, ScrollbarState,
};

/// Draws the choose window over the reading view.
pub fn draw(frame: &mut Frame, app: &App, selected: usize) {
    let Some(shown) = layout(app, selected) else {
        return;
    };
    let title = if app.chosen().is_some() {
        " ▸ Choose again "
    } else {
        " ▸ Choose an option "
    };
    let block = Block::bordered()
        .title(title)
        .title_bottom(" Enter chooses · Esc cancels ")
        .border_style(app.theme.border_focused)
        .padding(Padding::horizontal(1));
    let offset = u16::try_from(shown.offset).unwrap_or(u16::MAX);
    frame.render_widget(Clear, shown.area);
    frame.render_widget(
        Paragraph::new(shown.lines.clone())
            .block(block)
            .scroll((offset, 0)),
        shown.area,
    );
    // More options than fit: a scrollbar on the border says so, by shape.
    let max = shown
        .lines
        .len()
        .saturating_sub(usize::from(shown.inner.height));
    if max > 0 {
        let mut state = ScrollbarState::new(max).position(shown.offset);
        let bar = Scrollbar::new(ScrollbarOrientation::VerticalRight)
            .begin_symbol(Some("▲"))
            .end_symbol(Some("▼"));
        let track = shown.area.inner(Margin::new(0, 1));
        frame.render_stateful_widget(bar, track, &mut state);
    }
    let row = shown
        .options
        .get(selected)
        .map_or(0, |rows| rows.start.saturating_sub(shown.offset));
    if let Ok(row) = u16::try_from(row)
        && row < shown.inner.height
    {
        let at = Position::new(shown.inner.x, shown.inner.y + row);
        frame.set_cursor_position(at);
    }
}
