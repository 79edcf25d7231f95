//! The journal view (`J`): progress overall and by part, a calendar of the
//! days read, the revisited sections, and what to revisit next. Every row
//! that names a section opens it with Enter. The rows are laid out in
//! `layout.rs` beside it; this styles and draws them.

use crate::reader::app::App;
use crate::reader::windows::journal::layout as laid_out;
use jiff::civil::Date;
use ratatui::Frame;
use ratatui::layout::Position;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Padding, Paragraph};
use std::collections::BTreeSet;

pub use crate::reader::windows::journal::layout::{area, inner};

/// One line of the journal view, and the section it opens, if any.
#[derive(Debug, Clone)]
pub struct Row {
    /// What is drawn.
    pub line: Line<'static>,
    /// The section (reading-order index) Enter opens from this row.
    pub target: Option<usize>,
    /// Whether the row can be highlighted (it opens a section or a commitment).
    pub selectable: bool,
}

/// Every row of the journal view at a width, in the app's theme.
pub fn rows(app: &App, width: u16) -> Vec<Row> {
    laid_out::rows(app, width)
        .into_iter()
        .map(|row| Row {
            selectable: row.selectable(),
            line: app.theme.line(&row.line),
            target: row.target,
        })
        .collect()
}

/// The month of `today` and the one before, Monday first; days read are
/// shown in brackets, so they stand out without colour.
pub fn calendar(today: Date, read: &BTreeSet<Date>, width: u16) -> Vec<Line<'static>> {
    laid_out::calendar(today, read, width)
        .into_iter()
        .map(Line::from)
        .collect()
}

/// The line index of the `selected`-th row that can be selected.
pub fn selected_line(rows: &[Row], selected: usize) -> Option<usize> {
    rows.iter()
        .enumerate()
        .filter(|(_, r)| r.selectable)
        .nth(selected)
        .map(|(i, _)| i)
}

/// Draws the journal view over the body of the screen.
pub fn draw(frame: &mut Frame, app: &App, selected: usize, scroll: u16) {
    let screen = frame.area();
    let outer = area(screen);
    let inner = inner(screen);
    let mut rows = rows(app, inner.width);
    let chosen = selected_line(&rows, selected);
    if let Some(row) = chosen.and_then(|i| rows.get_mut(i)) {
        row.line = Line::from(Span::styled(row.line.to_string(), app.theme.selected));
    }
    let block = Block::bordered()
        .title(" ▸ Your journal (private, on this computer) ")
        .title_bottom(" Enter opens or asks how it went · e edit · d remove · Esc closes ")
        .border_style(app.theme.border_focused)
        .padding(Padding::horizontal(1));
    frame.render_widget(Clear, outer);
    let lines: Vec<Line> = rows.into_iter().map(|r| r.line).collect();
    frame.render_widget(
        Paragraph::new(lines).block(block).scroll((scroll, 0)),
        outer,
    );
    if let Some(line) = chosen.and_then(|i| u16::try_from(i).ok())
        && line >= scroll
        && line - scroll < inner.height
    {
        frame.set_cursor_position(Position::new(inner.x, inner.y + line - scroll));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_calendar_brackets_days_read_and_starts_on_monday() {
        let today = Date::new(2026, 11, 23).unwrap();
        let read: BTreeSet<Date> = [
            Date::new(2026, 11, 2).unwrap(),
            Date::new(2026, 10, 31).unwrap(),
        ]
        .into();
        let text: Vec<String> = calendar(today, &read, 80)
            .iter()
            .map(ToString::to_string)
            .collect();
        let joined = text.join("\n");
        assert!(joined.contains("October 2026"), "{joined}");
        assert!(joined.contains("November 2026"));
        assert!(joined.contains("[ 2]"));
        assert!(joined.contains("[31]"));
        // 1 November 2026 is a Sunday: the last column of the first week.
        let november_first_week = text.iter().find(|l| l.trim_end().ends_with(" 1")).unwrap();
        assert!(november_first_week.len() > 50, "{november_first_week}");
    }

    #[test]
    fn a_narrow_calendar_stacks_the_months() {
        let today = Date::new(2026, 11, 23).unwrap();
        let lines = calendar(today, &BTreeSet::new(), 40);
        assert!(lines.iter().all(|l| l.width() <= 40));
        assert!(lines.len() > 12);
    }
}
