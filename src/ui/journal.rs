//! The journal view (`J`): progress overall and by part, a calendar of the
//! days read, the revisited sections, and what to revisit next. Every row
//! that names a section opens it with Enter.

use crate::app::App;
use crate::layout;
use crate::render::wrap_into;
use crate::report::{self, MARKS_LEGEND, Report};
use crate::ui::theme::Theme;
use jiff::ToSpan;
use jiff::civil::Date;
use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Padding, Paragraph};
use std::collections::BTreeSet;

/// One line of the journal view, and the section it opens, if any.
#[derive(Debug, Clone)]
pub struct Row {
    /// What is drawn.
    pub line: Line<'static>,
    /// The section (reading-order index) Enter opens from this row.
    pub target: Option<usize>,
}

/// Where the journal view goes: the whole body, between title and status.
pub fn area(screen: Rect) -> Rect {
    Rect {
        y: screen.y.saturating_add(1),
        height: screen.height.saturating_sub(2),
        ..screen
    }
}

/// Where its text goes.
pub fn inner(screen: Rect) -> Rect {
    layout::text_inner(area(screen))
}

fn plain(out: &mut Vec<Row>, text: &str, width: u16, style: ratatui::style::Style) {
    let mut lines = Vec::new();
    wrap_into(&mut lines, text, width, ("", ""), style, style);
    out.extend(lines.into_iter().map(|line| Row { line, target: None }));
}

fn heading(out: &mut Vec<Row>, text: &str, width: u16, theme: &Theme) {
    out.push(Row {
        line: Line::default(),
        target: None,
    });
    plain(out, text, width, theme.label);
}

/// A row naming a section, cut to the width.
fn target_row(text: String, target: usize, width: u16, theme: &Theme) -> Row {
    let text = crate::ui::reader::fit(&text, usize::from(width));
    Row {
        line: Line::styled(text, theme.text),
        target: Some(target),
    }
}

/// Every row of the journal view at a width.
pub fn rows(app: &App, width: u16) -> Vec<Row> {
    let theme = &app.theme;
    let report = report::report_on(&app.toolkit, &app.journal, app.today);
    let s = &report.summary;
    let mut out = Vec::new();
    plain(
        &mut out,
        &format!("{}.", report::headline(s)),
        width,
        theme.heading,
    );
    plain(&mut out, MARKS_LEGEND, width, theme.quiet);
    if !app.journal_kept {
        plain(
            &mut out,
            "Progress is not being kept on this computer this time.",
            width,
            theme.text,
        );
    }
    if let Some(index) = report.suggestion {
        heading(
            &mut out,
            "Revisit next (read longest ago, tips first)",
            width,
            theme,
        );
        out.push(target_row(
            format!("  {}", section_name(app, index)),
            index,
            width,
            theme,
        ));
    }
    heading(&mut out, "By part", width, theme);
    part_rows(&mut out, app, &report, width);
    heading(
        &mut out,
        &format!("Days you read: {}", s.days.len()),
        width,
        theme,
    );
    let read_days: BTreeSet<Date> = s
        .days
        .iter()
        .filter(|d| d.sections > 0)
        .map(|d| d.date)
        .collect();
    for line in calendar(app.today, &read_days, width) {
        out.push(Row { line, target: None });
    }
    heading(&mut out, "Revisited", width, theme);
    if s.revisits.is_empty() {
        plain(&mut out, report::REVISITED_NONE_YET, width, theme.text);
    }
    for r in &s.revisits {
        if let Some(index) = app.toolkit.index_of(&r.id) {
            let last = report::date_text(crate::journal::local_day(r.last_read));
            let text = format!(
                "  ↺ {} · {} sessions, last {last}",
                section_name(app, index),
                r.sessions
            );
            out.push(target_row(text, index, width, theme));
        }
    }
    if !s.orphans.is_empty() {
        heading(
            &mut out,
            "No longer in this toolkit (kept in your journal)",
            width,
            theme,
        );
        for id in &s.orphans {
            plain(&mut out, &format!("  {id}"), width, theme.quiet);
        }
    }
    out
}

fn section_name(app: &App, index: usize) -> String {
    let id = app
        .toolkit
        .entry(index)
        .map_or("", |e| e.section.id.as_str());
    app.toolkit.numbered_title(id).unwrap_or_default()
}

/// A text gauge per part: filled and empty blocks plus the count, so it
/// reads without colour. Enter opens the part's first unread section.
fn part_rows(out: &mut Vec<Row>, app: &App, report: &Report, width: u16) {
    let mut first = 0;
    for (part, progress) in app.toolkit.parts.iter().zip(&report.summary.parts) {
        let bar_width = 10;
        let filled = (progress.read * bar_width)
            .checked_div(progress.total)
            .unwrap_or(0);
        let bar = format!("{}{}", "█".repeat(filled), "░".repeat(bar_width - filled));
        let title = crate::ui::reader::fit(&part.title, 24);
        let text = format!(
            "  {title:<24} {bar} {} of {}",
            progress.read, progress.total
        );
        let unread = part
            .sections
            .iter()
            .position(|s| app.journal.status(&s.id) == crate::journal::ReadStatus::Unread);
        out.push(target_row(
            text,
            first + unread.unwrap_or(0),
            width,
            &app.theme,
        ));
        first += part.sections.len();
    }
}

/// The month of `today` and the one before, Monday first; days read are
/// shown in brackets, so they stand out without colour.
pub fn calendar(today: Date, read: &BTreeSet<Date>, width: u16) -> Vec<Line<'static>> {
    let this_month = today.first_of_month();
    let last_month = this_month.checked_sub(1.month()).unwrap_or(this_month);
    let months = [month(last_month, read), month(this_month, read)];
    let month_width = 29;
    if usize::from(width) >= 2 * month_width + 4 {
        let height = months.iter().map(Vec::len).max().unwrap_or(0);
        (0..height)
            .map(|i| {
                let left = months[0].get(i).map_or("", String::as_str);
                let right = months[1].get(i).map_or("", String::as_str);
                Line::from(format!("  {left:<month_width$}  {right}"))
            })
            .collect()
    } else {
        let cut = |s: &String| crate::ui::reader::fit(&format!("  {s}"), usize::from(width));
        months
            .iter()
            .flatten()
            .map(|s| Line::from(cut(s)))
            .collect()
    }
}

fn month(first: Date, read: &BTreeSet<Date>) -> Vec<String> {
    let mut lines = vec![
        first.strftime("%B %Y").to_string(),
        " Mo  Tu  We  Th  Fr  Sa  Su".into(),
    ];
    let offset = usize::try_from(first.weekday().to_monday_zero_offset()).unwrap_or(0);
    let mut week = "    ".repeat(offset);
    let mut day = first;
    for n in 1..=first.days_in_month() {
        let cell = if read.contains(&day) {
            format!("[{n:>2}]")
        } else {
            format!(" {n:>2} ")
        };
        week.push_str(&cell);
        if week.len() >= 28 {
            lines.push(std::mem::take(&mut week).trim_end().to_string());
        }
        day = day.tomorrow().unwrap_or(day);
    }
    if !week.is_empty() {
        lines.push(week.trim_end().to_string());
    }
    lines
}

/// The line index of the `selected`-th row with a target.
pub fn selected_line(rows: &[Row], selected: usize) -> Option<usize> {
    rows.iter()
        .enumerate()
        .filter(|(_, r)| r.target.is_some())
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
        .title_bottom(" Enter opens · Esc closes ")
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
