//! Tests of the progress summary shared by `J` and `allyship journal`.

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
    let in_app: String = crate::reader::windows::journal::draw::rows(&app, 200)
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

#[test]
fn practice_scenarios_worked_through_are_counted_in_both_views() {
    let toolkit = built_in();
    let mut journal = journal_with(&[]);
    let mut s = Session::new("s1");
    let at = Timestamp::from_second(0).unwrap();
    s.choose("scenario-joke-in-a-meeting", 2, at);
    s.choose("scenario-joke-in-a-meeting", 3, at);
    s.choose("retired-scenario", 1, at);
    // An option the scenario does not have (edited by hand, or kept from
    // another version of the toolkit) is not a scenario worked through,
    // as the reader shows nothing chosen there.
    let other = toolkit
        .entries()
        .map(|e| e.section)
        .filter(|s| s.choice.is_some())
        .nth(1)
        .expect("a second scenario");
    let beyond = other.choice.as_ref().map_or(0, |c| c.options.len()) + 1;
    s.choose(&other.id, u32::try_from(beyond).unwrap(), at);
    journal.apply(&s.pending, &s.id);
    assert_eq!(journal.chosen_option(other), None);
    let r = report(&toolkit, &journal);
    let total = toolkit
        .entries()
        .filter(|e| e.section.choice.is_some())
        .count();
    assert!(total > 1);
    let line = format!("Practice scenarios worked through: 1 of {total}.");
    assert_eq!(practice_line(&r).as_deref(), Some(line.as_str()));
    assert!(plain(&toolkit, &r, None).contains(&line));
    // A toolkit with no scenarios says nothing of them.
    let mut bare = toolkit.clone();
    for part in &mut bare.parts {
        for section in &mut part.sections {
            section.choice = None;
        }
    }
    let r = report(&bare, &journal);
    assert_eq!(practice_line(&r), None);
    assert!(!plain(&bare, &r, None).contains("Practice scenarios"));
}

/// Issue 27, item 17: a session stamped after today (a clock that ran
/// ahead, a time zone ahead) is never listed as a day to come: it is
/// counted with today, and the plain text says so.
#[test]
fn a_day_after_today_is_counted_with_today_never_listed() {
    let toolkit = built_in();
    // 14 and 15 November 2023 (UTC), and a day read "tomorrow", the 16th.
    let journal = journal_with(&[
        ("a", "welcome", 1_700_000_000),
        ("b", "using-this-toolkit", 1_700_086_400),
        ("c", "tip-listen-actively", 1_700_172_800),
    ]);
    let today = jiff::civil::date(2023, 11, 15);
    let r = report_on(&toolkit, &journal, today);
    let dates: Vec<Date> = r.summary.days.iter().map(|d| d.date).collect();
    assert_eq!(dates, [jiff::civil::date(2023, 11, 14), today]);
    let shown = &r.summary.days[1];
    assert_eq!(
        (shown.sections, shown.active_secs),
        (2, 1_200),
        "counted with today"
    );
    assert_eq!(r.days_ahead, 1);
    let text = plain(&toolkit, &r, None);
    assert!(!text.contains("16 Nov 2023"), "{text}");
    assert!(text.contains("Wed 15 Nov 2023: 2 sections"), "{text}");
    assert!(text.contains("1 day dated after today"), "{text}");
    // Only days to come: today appears, holding them.
    let r = report_on(&toolkit, &journal, jiff::civil::date(2023, 11, 1));
    let dates: Vec<Date> = r.summary.days.iter().map(|d| d.date).collect();
    assert_eq!(dates, [jiff::civil::date(2023, 11, 1)]);
    assert_eq!(r.days_ahead, 3);
}
