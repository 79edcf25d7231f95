//! The journal's rows, their height at a width and which of them can be
//! selected, without drawing anything.

use super::*;
use crate::journal::record::{Journal, Session};
use crate::reader::layout::lines::text_of;
use jiff::civil::date;

fn app(width: u16, height: u16) -> App {
    let mut app = App::new(crate::toolkit::content::built_in(), width, height);
    app.today = date(2026, 11, 23);
    app.journal_kept = true;
    app
}

/// Two sessions on different days: "welcome" is read twice (a revisit).
fn with_reading(width: u16, height: u16) -> App {
    let mut app = app(width, height);
    let mut journal = Journal::new();
    for (session, id, day) in [
        ("one", "welcome", date(2026, 11, 2)),
        ("two", "welcome", date(2026, 11, 20)),
    ] {
        let at = day
            .at(10, 0, 0, 0)
            .to_zoned(jiff::tz::TimeZone::UTC)
            .unwrap()
            .timestamp();
        let mut s = Session::new(session);
        s.record_read(id, at, day);
        journal.apply(&s.pending, &s.id);
    }
    app.journal = journal;
    app
}

fn texts(rows: &[Row]) -> Vec<String> {
    rows.iter().map(|r| text_of(&r.line)).collect()
}

#[test]
fn with_nothing_read_the_selectable_rows_are_the_parts() {
    let app = app(80, 24);
    let page = Page::new(&app);
    assert_eq!(page.targets(), app.toolkit.parts.len());
    // Each part's gauge opens its first (unread) section.
    let mut first = 0;
    for (n, part) in app.toolkit.parts.iter().enumerate() {
        assert_eq!(page.target(n), Some(first), "part {n}");
        let line = page.selected_line(n).unwrap();
        assert!(text_of(&page.rows[line].line).contains(part.title.as_str()));
        first += part.sections.len();
    }
    assert_eq!(page.target(app.toolkit.parts.len()), None);
}

#[test]
fn a_revisit_adds_a_row_that_opens_it_and_a_suggestion() {
    let app = with_reading(80, 24);
    let page = Page::new(&app);
    let welcome = app.toolkit.index_of("welcome").unwrap();
    // The suggestion, one row per part, and the revisited section.
    assert_eq!(page.targets(), 1 + app.toolkit.parts.len() + 1);
    let last = page.targets() - 1;
    assert_eq!(page.target(last), Some(welcome));
    let line = page.selected_line(last).unwrap();
    assert!(text_of(&page.rows[line].line).contains('↺'));
    // Headings and the calendar cannot be selected.
    let heading = texts(&page.rows)
        .iter()
        .position(|t| t == "Revisited")
        .unwrap();
    assert_eq!(page.rows[heading].target, None);
    assert_eq!(page.rows[heading].line[0].tone, Tone::Label);
    assert!(page.rows[heading - 1].line.is_empty(), "a blank line above");
}

#[test]
fn the_height_at_a_width_grows_when_narrow_and_every_row_fits() {
    let app = app(80, 24);
    let wide = rows(&app, 76);
    let narrow = rows(&app, 30);
    // Narrow: the two months stack and the legend wraps.
    assert!(
        narrow.len() > wide.len(),
        "{} vs {}",
        narrow.len(),
        wide.len()
    );
    for (width, rows) in [(76, &wide), (30, &narrow)] {
        for text in texts(rows) {
            let columns = unicode_width::UnicodeWidthStr::width(text.as_str());
            assert!(columns <= width, "{columns} > {width}: {text}");
        }
    }
    // The same rows can be selected at any width.
    let count = |rows: &[Row]| rows.iter().filter(|r| r.target.is_some()).count();
    assert_eq!(count(&wide), count(&narrow));
}

#[test]
fn max_scroll_is_the_rows_below_the_window() {
    let app = app(80, 24);
    let page = Page::new(&app);
    // 80x24: the body is 22 rows; inside its border and padding, 76 by 20.
    assert_eq!(page.inner, Rect::new(2, 2, 76, 20));
    assert_eq!(usize::from(page.max_scroll()), page.rows.len() - 20);
    let tall = Page::new(&self::app(80, 200));
    assert_eq!(tall.max_scroll(), 0);
}

#[test]
fn progress_not_kept_says_so() {
    let mut app = app(80, 24);
    let kept = rows(&app, 76).len();
    app.journal_kept = false;
    let rows = rows(&app, 76);
    assert_eq!(rows.len(), kept + 1);
    assert!(texts(&rows).iter().any(|t| t.contains("not being kept")));
}

#[test]
fn peer_discussions_are_listed_newest_first_under_their_heading() {
    let mut app = with_reading(80, 24);
    let talk = |day: i8, minutes: u32, with: &str| crate::journal::record::Discussion {
        sections: vec!["welcome".into()],
        minutes,
        with: with.into(),
        on: date(2026, 11, day),
        recorded_at: "2026-11-21T10:00:00Z".parse().unwrap(),
        outcome: None,
        extra: serde_json::Map::new(),
    };
    app.journal
        .merge_discussion("a", &talk(10, 30, "team meeting"));
    app.journal
        .merge_discussion("b", &talk(20, 45, "supervision"));
    let shown = texts(&Page::new(&app).rows);
    let at = |needle: &str| {
        shown
            .iter()
            .position(|t| t.contains(needle))
            .unwrap_or_else(|| panic!("{needle} in {shown:#?}"))
    };
    assert!(shown[at("Peer discussions: 2 (1 h 15 min)")].starts_with("Peer"));
    assert!(at("45 minutes with supervision") < at("30 minutes with team meeting"));
    assert!(at("30 minutes with team meeting") < at("By part"));
    let plain = crate::journal::report::plain(
        &app.toolkit,
        &crate::journal::report::report_on(&app.toolkit, &app.journal, app.today),
        None,
    );
    assert!(plain.contains("\nPeer discussions: 2 (1 h 15 min)\n  Fri 20 Nov 2026 · 45 minutes with supervision · 1. "), "{plain}");
}
