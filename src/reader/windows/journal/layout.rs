//! The journal window (`J`) laid out for a width: progress overall and by
//! part, a calendar of the days read, the revisited sections, and what to
//! revisit next. Rows that name a section open it with Enter; `update`
//! moves between those with [`Page`], and `draw.rs` draws the rows.

use crate::journal::report::{self, MARKS_LEGEND, Report};
use crate::reader::app::App;
use crate::reader::layout::lines::{Pieces, Tone, fit, wrap};
use jiff::ToSpan;
use jiff::civil::Date;
use ratatui::layout::Rect;
use std::collections::BTreeSet;

pub mod commitments;

/// One line of the journal window, and what Enter opens from it, if anything.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Row {
    /// What is shown (empty for a blank line).
    pub line: Pieces,
    /// The section (reading-order index) Enter opens from this row.
    pub target: Option<usize>,
    /// The commitment (its id) Enter asks about from this row.
    pub commitment: Option<String>,
}

impl Row {
    /// Whether the row can be highlighted: it opens a section or a commitment.
    pub fn selectable(&self) -> bool {
        self.target.is_some() || self.commitment.is_some()
    }
}

/// Where the journal window goes: the whole body, between title and status.
pub fn area(screen: Rect) -> Rect {
    Rect {
        y: screen.y.saturating_add(1),
        height: screen.height.saturating_sub(2),
        ..screen
    }
}

/// Where its text goes.
pub fn inner(screen: Rect) -> Rect {
    crate::reader::layout::text_inner(area(screen))
}

/// The journal laid out for a screen: its rows and the room they have,
/// worked out once for each action or frame.
#[derive(Debug, Clone)]
pub struct Page {
    /// Every row, at the width of [`Page::inner`].
    pub rows: Vec<Row>,
    /// Where the rows go on this screen.
    pub inner: Rect,
}

impl Page {
    /// The journal of `app` laid out for its screen.
    pub fn new(app: &App) -> Self {
        let inner = inner(app.screen);
        Page {
            rows: rows(app, inner.width),
            inner,
        }
    }

    /// How many rows can be selected (those that open a section or a commitment).
    pub fn targets(&self) -> usize {
        self.rows.iter().filter(|r| r.selectable()).count()
    }

    /// The furthest the rows can scroll at this size.
    pub fn max_scroll(&self) -> u16 {
        let hidden = self
            .rows
            .len()
            .saturating_sub(usize::from(self.inner.height));
        u16::try_from(hidden).unwrap_or(u16::MAX)
    }

    /// The line index of the `selected`-th row that opens a section.
    pub fn selected_line(&self, selected: usize) -> Option<usize> {
        selected_line(&self.rows, selected)
    }

    /// The section the `selected`-th selectable row opens.
    pub fn target(&self, selected: usize) -> Option<usize> {
        self.selected_line(selected)
            .and_then(|i| self.rows.get(i))
            .and_then(|r| r.target)
    }

    /// The commitment the `selected`-th selectable row asks about.
    pub fn commitment(&self, selected: usize) -> Option<&str> {
        self.selected_line(selected)
            .and_then(|i| self.rows.get(i))
            .and_then(|r| r.commitment.as_deref())
    }

    /// Which selectable row asks about commitment `id`, so `J` can open
    /// with a due one highlighted (Enter then asks how it went).
    pub fn row_of_commitment(&self, id: &str) -> Option<usize> {
        self.rows
            .iter()
            .filter(|r| r.selectable())
            .position(|r| r.commitment.as_deref() == Some(id))
    }
}

fn plain(out: &mut Vec<Row>, text: &str, width: u16, tone: Tone) {
    let mut lines = Vec::new();
    wrap(&mut lines, text, width, ("", ""), tone, tone);
    out.extend(lines.into_iter().map(|line| Row {
        line,
        ..Row::default()
    }));
}

fn heading(out: &mut Vec<Row>, text: &str, width: u16) {
    out.push(Row::default());
    plain(out, text, width, Tone::Label);
}

/// A row naming a section, cut to the width.
fn target_row(text: String, target: usize, width: u16) -> Row {
    let text = fit(&text, usize::from(width));
    Row {
        line: vec![crate::reader::layout::lines::Piece::new(text, Tone::Text)],
        target: Some(target),
        commitment: None,
    }
}

/// Every row of the journal window at a width.
pub fn rows(app: &App, width: u16) -> Vec<Row> {
    let report = report::report_on(&app.toolkit, &app.journal, app.today);
    let s = &report.summary;
    let mut out = Vec::new();
    let headline = format!("{}.", report::headline(s));
    plain(&mut out, &headline, width, Tone::Heading);
    plain(&mut out, MARKS_LEGEND, width, Tone::Quiet);
    if !app.journal_kept {
        plain(
            &mut out,
            "Progress is not being kept on this computer this time.",
            width,
            Tone::Text,
        );
    }
    if let Some(index) = report.suggestion {
        heading(
            &mut out,
            "Revisit next (read longest ago, tips first)",
            width,
        );
        let text = format!("  {}", section_name(app, index));
        out.push(target_row(text, index, width));
    }
    commitments::rows(&mut out, app, width);
    // After the commitments, which matter more at a glance on a small screen.
    if let Some(line) = report::practice_line(&report) {
        out.push(Row::default());
        plain(&mut out, &line, width, Tone::Text);
    }
    if let Some((title, lines)) = report.discussions.split_first() {
        heading(&mut out, title, width);
        for line in lines {
            let text = fit(&format!("  {line}"), usize::from(width));
            plain(&mut out, &text, width, Tone::Text);
        }
    }
    heading(&mut out, "By part", width);
    part_rows(&mut out, app, &report, width);
    heading(&mut out, &format!("Days you read: {}", s.days.len()), width);
    let read_days: BTreeSet<Date> = s
        .days
        .iter()
        .filter(|d| d.sections > 0)
        .map(|d| d.date)
        .collect();
    for text in calendar(app.today, &read_days, width) {
        out.push(Row {
            line: vec![crate::reader::layout::lines::Piece::new(text, Tone::Plain)],
            ..Row::default()
        });
    }
    heading(&mut out, "Revisited", width);
    if s.revisits.is_empty() {
        plain(&mut out, report::REVISITED_NONE_YET, width, Tone::Text);
    }
    for r in &s.revisits {
        if let Some(index) = app.toolkit.index_of(&r.id) {
            let last = report::date_text(crate::journal::record::local_day(r.last_read));
            let text = format!(
                "  ↺ {} · {} sessions, last {last}",
                section_name(app, index),
                r.sessions
            );
            out.push(target_row(text, index, width));
        }
    }
    if !s.orphans.is_empty() {
        let kept = "No longer in this toolkit (kept in your journal)";
        heading(&mut out, kept, width);
        for id in &s.orphans {
            plain(&mut out, &format!("  {id}"), width, Tone::Quiet);
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
        let title = fit(&part.title, 24);
        let text = format!(
            "  {title:<24} {bar} {} of {}",
            progress.read, progress.total
        );
        let unread = part
            .sections
            .iter()
            .position(|s| app.journal.status(&s.id) == crate::journal::record::ReadStatus::Unread);
        out.push(target_row(text, first + unread.unwrap_or(0), width));
        first += part.sections.len();
    }
}

/// The month of `today` and the one before, Monday first; days read are
/// shown in brackets, so they stand out without colour.
pub fn calendar(today: Date, read: &BTreeSet<Date>, width: u16) -> Vec<String> {
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
                format!("  {left:<month_width$}  {right}")
            })
            .collect()
    } else {
        let cut = |s: &String| fit(&format!("  {s}"), usize::from(width));
        months.iter().flatten().map(cut).collect()
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

/// The line index of the `selected`-th row that can be selected.
pub fn selected_line(rows: &[Row], selected: usize) -> Option<usize> {
    rows.iter()
        .enumerate()
        .filter(|(_, r)| r.selectable())
        .nth(selected)
        .map(|(i, _)| i)
}

#[cfg(test)]
mod tests;
