//! The progress summary that both the journal view (`J`) and
//! `allyship journal` show, so the two never disagree.

use crate::journal::record::{Journal, PartIds, ReadStatus, Summary};
use crate::toolkit::content::Toolkit;
use jiff::civil::Date;
use serde::Serialize;
use std::fmt::Write as _;

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
    let summary = journal.summary(&parts);
    let ordered: Vec<&str> = toolkit
        .entries()
        .map(|e| e.section.id.as_str())
        .filter(|id| {
            journal
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
    Report {
        summary,
        suggestion: next.and_then(|id| toolkit.index_of(id)),
        revisit_next: next.map(str::to_string),
    }
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
        .filter(|id| journal.bookmarks.contains_key(id))
        .collect();
    for id in journal.bookmarks.keys() {
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
    out.push_str("\nBy part\n");
    for part in &s.parts {
        let _ = writeln!(
            out,
            "  {}: {} of {} read",
            part.title, part.read, part.total
        );
    }
    let _ = write!(out, "\nDays you read: {}\n", s.days.len());
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
mod tests {
    use super::*;
    use crate::journal::record::Session;
    use crate::toolkit::content::built_in;
    use jiff::Timestamp;

    fn journal_with(reads: &[(&str, &str, i64)]) -> Journal {
        let mut journal = Journal::new();
        for (session, id, secs) in reads {
            let at = Timestamp::from_second(*secs).unwrap();
            let mut s = Session::new(*session);
            s.record_read(id, at, at.to_zoned(jiff::tz::TimeZone::UTC).date());
            s.add_active_secs(at.to_zoned(jiff::tz::TimeZone::UTC).date(), 600);
            journal.apply(&s.pending, &s.id);
        }
        journal
    }

    #[test]
    fn learning_time_is_one_figure_in_every_view() {
        // 119 seconds: `J`, `allyship journal` and the export all say 2 minutes.
        let toolkit = built_in();
        let mut journal = Journal::new();
        let mut s = Session::new("a");
        s.add_active_secs(jiff::civil::date(2025, 3, 1), 119);
        journal.apply(&s.pending, &s.id);
        let r = report(&toolkit, &journal);
        assert!(
            headline(&r.summary).contains(", 2 min spent"),
            "{}",
            headline(&r.summary)
        );
        let now = Timestamp::from_second(1_750_000_000).unwrap();
        let period = crate::records::export::Period::default();
        let record = crate::records::export::learning_record(&toolkit, &journal, &period, now);
        assert_eq!(record.learning_minutes, 2);
        let markdown = crate::records::export::to_markdown(&record);
        assert!(markdown.contains("learning: 2 minutes"), "{markdown}");
        assert_eq!(learning_minutes(29), 0);
        assert_eq!(learning_minutes(30), 1);
        assert_eq!(learning_minutes(u64::MAX), u64::MAX / 60);
    }

    #[test]
    fn revisited_is_worded_one_way_everywhere() {
        let toolkit = built_in();
        let app = crate::reader::app::App::new(toolkit.clone(), 80, 24);
        let in_app: String = crate::reader::ui::journal::rows(&app, 200)
            .iter()
            .map(|r| r.line.to_string() + "\n")
            .collect();
        let on_the_command_line = plain(&toolkit, &report(&toolkit, &app.journal), None);
        for (view, text) in [
            ("J", in_app.as_str()),
            ("allyship journal", on_the_command_line.as_str()),
            ("the legend", MARKS_LEGEND),
        ] {
            assert!(text.contains(REVISITED_MEANS), "{view}: {text}");
            assert!(!text.contains("another day"), "{view}: {text}");
        }
        assert!(on_the_command_line.contains(REVISITED_NONE_YET));
        assert!(in_app.contains(REVISITED_NONE_YET));
    }

    #[test]
    fn revisit_next_never_suggests_a_section_read_today() {
        let toolkit = built_in();
        let today = Timestamp::from_second(1_700_100_000).unwrap();
        let today_date = crate::journal::record::local_day(today);
        // A tip read minutes ago, and a section read days before.
        let journal = journal_with(&[
            ("a", "welcome", 1_700_100_000 - 5 * 86_400),
            ("b", "tip-speak-up", 1_700_100_000 - 600),
        ]);
        let r = report_on(&toolkit, &journal, today_date);
        assert_eq!(r.revisit_next.as_deref(), Some("welcome"));
        let only_today = journal_with(&[("b", "tip-speak-up", 1_700_100_000 - 600)]);
        let r = report_on(&toolkit, &only_today, today_date);
        assert_eq!(r.revisit_next, None, "nothing to revisit yet today");
        assert_eq!(r.suggestion, None);
    }

    #[test]
    fn durations_read_naturally() {
        assert_eq!(duration_text(0), "under a minute");
        assert_eq!(duration_text(25 * 60 + 29), "25 min");
        assert_eq!(
            duration_text(25 * 60 + 30),
            "26 min",
            "to the nearest minute"
        );
        assert_eq!(duration_text(29), "under a minute");
        assert_eq!(duration_text(7800), "2 h 10 min");
        assert_eq!(duration_text(3600), "1 h");
    }

    #[test]
    fn the_report_counts_and_suggests_a_tip_first() {
        let toolkit = built_in();
        let journal = journal_with(&[
            ("a", "welcome", 1_700_000_000),
            ("a", "tip-speak-up", 1_700_000_100),
            ("b", "welcome", 1_700_100_000),
        ]);
        let r = report(&toolkit, &journal);
        assert_eq!(r.summary.read, 2);
        assert_eq!(r.summary.revisited, 1);
        assert_eq!(r.revisit_next.as_deref(), Some("tip-speak-up"));
        assert_eq!(r.suggestion, toolkit.index_of("tip-speak-up"));
        assert_eq!(
            headline(&r.summary),
            format!(
                "2 of {} read, 1 revisited, 30 min spent learning",
                toolkit.section_count()
            )
        );
    }

    #[test]
    fn plain_text_names_revisits_and_orphans() {
        let toolkit = built_in();
        let journal = journal_with(&[
            ("a", "welcome", 1_700_000_000),
            ("b", "welcome", 1_700_100_000),
            ("a", "an-old-section", 1_700_000_000),
        ]);
        let text = plain(&toolkit, &report(&toolkit, &journal), Some("/tmp/j.json"));
        assert!(
            text.contains("1. Why this toolkit exists: read in 2 sessions"),
            "{text}"
        );
        assert!(text.contains("No longer in this toolkit"));
        assert!(text.contains("an-old-section"));
        assert!(text.contains("kept at /tmp/j.json"));
    }

    #[test]
    fn marks_differ_by_shape() {
        let marks = [ReadStatus::Unread, ReadStatus::Read, ReadStatus::Revisited].map(mark);
        assert_ne!(marks[0], marks[1]);
        assert_ne!(marks[1], marks[2]);
        assert!(MARKS_LEGEND.contains(marks[2]));
    }
}
