//! The progress summary that both the journal view (`J`) and
//! `allyship journal` show, so the two never disagree.

use crate::journal::record::{DayCount, Journal, PartIds, ReadStatus, Summary};
use crate::toolkit::content::Toolkit;
use jiff::civil::Date;
use serde::Serialize;
use std::fmt::Write as _;

mod discussions;
pub use discussions::{discussion_lines, discussions_heading};

/// The symbol for each reading status, shown in the contents and explained
/// in the help and the journal view (never colour alone).
pub fn mark(status: ReadStatus) -> &'static str {
    match status {
        ReadStatus::Unread => "·",
        ReadStatus::Read => "✓",
        ReadStatus::Revisited => "↺",
    }
}

/// What "revisited" means, in the words every view uses: what the journal
/// counts is a section read in two or more sessions (runs of the app).
pub const REVISITED_MEANS: &str = "read again in a later session";

/// Said where no section is revisited yet, in the app and on the command line.
pub const REVISITED_NONE_YET: &str = "None yet: a section read again in a later session (each \
     time you open allyship is a new session) is marked revisited.";

/// The legend for the marks, in one line (it says [`REVISITED_MEANS`]).
pub const MARKS_LEGEND: &str =
    "Marks: · not read yet   ✓ read   ↺ revisited (read again in a later session)";

/// The symbol for a bookmarked section (shape, not colour).
pub const BOOKMARK_MARK: &str = "★";
/// The symbol for a section with a note.
pub const NOTE_MARK: &str = "✎";

/// Everything the journal shows, worked out once.
#[derive(Debug, Clone, Serialize)]
pub struct Report {
    /// Counts, parts, days, revisits and orphans.
    #[serde(flatten)]
    pub summary: Summary,
    /// The section to revisit next (reading-order index), tips first.
    #[serde(skip)]
    pub suggestion: Option<usize>,
    /// The suggestion's id, for `--json`.
    pub revisit_next: Option<String>,
    /// How many practice scenarios the toolkit has.
    pub scenarios: usize,
    /// How many of them have an option chosen.
    pub scenarios_practised: usize,
    /// How many days in the journal are dated after today (a session
    /// stamped by a clock that ran ahead, or in a time zone ahead of this
    /// one): never listed as days to come, they are counted with today.
    #[serde(skip)]
    pub days_ahead: usize,
    /// The heading and lines of the peer discussions, newest first (see
    /// [`discussion_lines`]); empty when there are none.
    #[serde(skip)]
    pub discussions: Vec<String>,
}

/// Builds the report for a toolkit and journal, as of today.
pub fn report(toolkit: &Toolkit, journal: &Journal) -> Report {
    report_on(toolkit, journal, jiff::Zoned::now().date())
}

/// Builds the report as of `today` (the app's view fixes it in tests): the
/// section to revisit next is never one already read today.
pub fn report_on(toolkit: &Toolkit, journal: &Journal, today: jiff::civil::Date) -> Report {
    let parts: Vec<PartIds> = toolkit
        .parts
        .iter()
        .map(|p| PartIds {
            title: &p.title,
            ids: p.sections.iter().map(|s| s.id.as_str()).collect(),
        })
        .collect();
    let mut summary = journal.summary(&parts);
    let days_ahead = fold_days_ahead(&mut summary.days, today);
    let ordered: Vec<&str> = toolkit
        .entries()
        .map(|e| e.section.id.as_str())
        .filter(|id| {
            journal
                .records
                .sections
                .get(*id)
                .is_none_or(|r| crate::journal::record::local_day(r.last_read) != today)
        })
        .collect();
    let is_tip = |id: &str| {
        toolkit
            .index_of(id)
            .and_then(|i| toolkit.entry(i))
            .is_some_and(|e| e.part.id == "top-tips")
    };
    let next = journal.suggest_revisit(&ordered, is_tip);
    let scenarios: Vec<_> = toolkit.scenarios().map(|e| e.section).collect();
    Report {
        summary,
        suggestion: next.and_then(|id| toolkit.index_of(id)),
        revisit_next: next.map(str::to_string),
        scenarios: scenarios.len(),
        days_ahead,
        scenarios_practised: scenarios
            .iter()
            .filter(|section| journal.chosen_option(section).is_some())
            .count(),
        discussions: if journal.records.discussions.is_empty() {
            Vec::new()
        } else {
            std::iter::once(discussions_heading(journal))
                .chain(discussion_lines(toolkit, journal))
                .collect()
        },
    }
}

/// Counts the days after `today` in `days` (oldest first) with today, so
/// no view lists a day still to come; returns how many there were.
fn fold_days_ahead(days: &mut Vec<DayCount>, today: Date) -> usize {
    let ahead: Vec<DayCount> = days.iter().filter(|d| d.date > today).cloned().collect();
    if ahead.is_empty() {
        return 0;
    }
    days.retain(|d| d.date <= today);
    if days.last().is_none_or(|d| d.date < today) {
        days.push(DayCount {
            date: today,
            sections: 0,
            active_secs: 0,
        });
    }
    if let Some(shown) = days.last_mut() {
        for day in &ahead {
            shown.sections = shown.sections.saturating_add(day.sections);
            shown.active_secs = shown.active_secs.saturating_add(day.active_secs);
        }
    }
    ahead.len()
}

/// "Practice scenarios worked through: 2 of 6.", or nothing for a toolkit
/// with no scenarios: in the journal view and `allyship journal` alike.
pub fn practice_line(report: &Report) -> Option<String> {
    (report.scenarios > 0).then(|| {
        format!(
            "Practice scenarios worked through: {} of {}.",
            report.scenarios_practised, report.scenarios
        )
    })
}

/// Seconds of learning as whole minutes, to the nearest minute (119 s is 2):
/// the one rounding behind every view of learning time (`J`, `allyship
/// journal`, the export), so they never disagree.
pub fn learning_minutes(secs: u64) -> u64 {
    secs.saturating_add(30) / 60
}

/// Bookmarked section ids in section (reading) order, then any no longer in
/// the toolkit: the one order of the app's list and `allyship bookmarks`.
pub fn bookmark_order(toolkit: &Toolkit, journal: &Journal) -> Vec<String> {
    let mut ids: Vec<String> = toolkit
        .entries()
        .map(|e| e.section.id.clone())
        .filter(|id| journal.records.bookmarks.contains_key(id))
        .collect();
    for id in journal.records.bookmarks.keys() {
        if toolkit.index_of(id).is_none() {
            ids.push(id.clone());
        }
    }
    ids
}

/// A count with its noun in the right number: "1 error", "3 errors",
/// "0 warnings", so no output says "error(s)".
pub fn count(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
}

/// Learning time as people say it: "2 h 10 min", "25 min", "under a minute".
pub fn duration_text(secs: u64) -> String {
    let minutes = learning_minutes(secs);
    match (minutes / 60, minutes % 60) {
        (0, 0) => "under a minute".into(),
        (0, m) => format!("{m} min"),
        (h, 0) => format!("{h} h"),
        (h, m) => format!("{h} h {m} min"),
    }
}

/// The headline: "14 of 35 read, 5 revisited, 2 h 10 min spent learning",
/// saying which toolkits the time was spent in when there was more than one.
pub fn headline(summary: &Summary) -> String {
    format!(
        "{} of {} read, {} revisited, {} spent learning{}",
        summary.read,
        summary.total,
        summary.revisited,
        duration_text(summary.active_secs),
        where_spent(summary.active_secs, &summary.other_toolkits)
    )
}

/// ", of which 30 min in Our toolkit (version 2) and 1 h in the built-in
/// toolkit", or nothing when all the time was spent in the built-in one.
pub fn where_spent(total: u64, others: &[(String, u64)]) -> String {
    if others.is_empty() {
        return String::new();
    }
    let elsewhere = others.iter().map(|(_, s)| *s).fold(0, u64::saturating_add);
    let mut parts: Vec<String> = others
        .iter()
        .map(|(name, secs)| format!("{} in {name}", duration_text(*secs)))
        .collect();
    let built_in = total.saturating_sub(elsewhere);
    if built_in > 0 {
        parts.push(format!(
            "{} in the built-in toolkit",
            duration_text(built_in)
        ));
    }
    let last = parts.pop().unwrap_or_default();
    match parts.is_empty() {
        true => format!(", of which {last}"),
        false => format!(", of which {} and {last}", parts.join(", ")),
    }
}

/// A date as people read it: "Mon 3 Nov 2026".
pub fn date_text(date: Date) -> String {
    date.strftime("%a %-d %b %Y").to_string()
}

fn title_of(toolkit: &Toolkit, id: &str) -> String {
    toolkit
        .numbered_title(id)
        .unwrap_or_else(|| format!("{id} (no longer in this toolkit)"))
}

/// `allyship journal`: the summary as plain lines.
pub fn plain(toolkit: &Toolkit, report: &Report, journal_path: Option<&str>) -> String {
    let s = &report.summary;
    let mut out = format!("Your allyship journal\n{}.\n", headline(s));
    if let Some(line) = practice_line(report) {
        out.push_str(&line);
        out.push('\n');
    }
    if let Some((heading, lines)) = report.discussions.split_first() {
        let _ = writeln!(out, "\n{heading}");
        for line in lines {
            let _ = writeln!(out, "  {line}");
        }
    }
    out.push_str("\nBy part\n");
    for part in &s.parts {
        let _ = writeln!(
            out,
            "  {}: {} of {} read",
            part.title, part.read, part.total
        );
    }
    let _ = write!(out, "\nDays you read: {}\n", s.days.len());
    if report.days_ahead > 0 {
        let _ = writeln!(
            out,
            "  ({} dated after today, by a clock that ran ahead or another time zone, \
             counted with today)",
            count(report.days_ahead, "day", "days")
        );
    }
    for day in s.days.iter().rev().take(14) {
        let _ = writeln!(
            out,
            "  {}: {}, {}",
            date_text(day.date),
            count(day.sections, "section", "sections"),
            duration_text(day.active_secs)
        );
    }
    if s.days.len() > 14 {
        let _ = writeln!(out, "  (and {} earlier days)", s.days.len() - 14);
    }
    out.push_str("\nRevisited\n");
    if s.revisits.is_empty() {
        let _ = writeln!(out, "  {REVISITED_NONE_YET}");
    }
    for r in &s.revisits {
        let _ = writeln!(
            out,
            "  {}: read in {} sessions, first {}, last {}",
            title_of(toolkit, &r.id),
            r.sessions,
            date_text(crate::journal::record::local_day(r.first_read)),
            date_text(crate::journal::record::local_day(r.last_read)),
        );
    }
    if let Some(id) = &report.revisit_next {
        let _ = write!(out, "\nRevisit next: {}\n", title_of(toolkit, id));
    }
    if !s.orphans.is_empty() {
        out.push_str("\nNo longer in this toolkit (kept in your journal)\n");
        for id in &s.orphans {
            let _ = writeln!(out, "  {id}");
        }
    }
    if let Some(path) = journal_path {
        let _ = write!(out, "\nYour journal is kept at {path}\n");
    }
    out
}

#[cfg(test)]
mod tests;
