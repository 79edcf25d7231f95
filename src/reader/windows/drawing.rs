//! What several windows draw with: the body area between title and
//! status, a section's numbered title, a list with one row highlighted.

use crate::reader::app::App;
use crate::reader::layout;
use crate::reader::layout::lines::fit;

use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Block, Clear, Padding, Paragraph};

/// Where the writing windows go: the whole body, between title and status.
pub(crate) fn body(screen: Rect) -> Rect {
    Rect {
        y: screen.y.saturating_add(1),
        height: screen.height.saturating_sub(2),
        ..screen
    }
}

/// A section's numbered title, or its id if it has left the toolkit.
pub(crate) fn title_of(app: &App, id: &str) -> String {
    app.toolkit
        .numbered_title(id)
        .unwrap_or_else(|| format!("{id} (no longer in this toolkit)"))
}

/// A list window (used by the other lists too): rows with one highlighted, scrolled to keep it visible.
pub(crate) fn draw_list(
    frame: &mut Frame,
    app: &App,
    title: &str,
    footer: &str,
    rows: Vec<String>,
    selected: usize,
    empty: &str,
) {
    let area = body(frame.area());
    frame.render_widget(Clear, area);
    let inner = layout::text_inner(area);
    let height = usize::from(inner.height.max(1));
    let offset = selected.saturating_sub(height - 1);
    let width = usize::from(inner.width);
    let lines: Vec<Line> = if rows.is_empty() {
        vec![Line::styled(empty.to_string(), app.theme.text)]
    } else {
        rows.iter()
            .enumerate()
            .skip(offset)
            .take(height)
            .map(|(i, row)| {
                let style = if i == selected {
                    app.theme.selected
                } else {
                    app.theme.text
                };
                Line::styled(fit(row, width), style)
            })
            .collect()
    };
    let block = Block::bordered()
        .title(format!(" ▸ {title} "))
        .title_bottom(format!(" {footer} "))
        .border_style(app.theme.border_focused)
        .padding(Padding::horizontal(1));
    frame.render_widget(Paragraph::new(lines).block(block), area);
    if !rows.is_empty() {
        let y = u16::try_from(selected - offset).unwrap_or(0);
        frame.set_cursor_position(Position::new(inner.x, inner.y + y));
    }
}
