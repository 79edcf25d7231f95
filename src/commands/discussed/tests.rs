//! Tests of `allyship discussed`: what is kept, and every refusal's reason.

use super::*;
use crate::journal::store::Store;
use crate::toolkit::content::built_in;

fn now() -> Timestamp {
    "2026-11-20T15:00:00Z".parse().unwrap()
}

fn ask<'a>(sections: &'a [String], minutes: &'a str) -> DiscussedRequest<'a> {
    DiscussedRequest {
        sections,
        minutes,
        with: "team meeting",
        on: None,
        outcome: None,
    }
}

#[test]
fn a_discussion_is_kept_with_its_sections_minutes_and_day() {
    let toolkit = built_in();
    let dir = tempfile::tempdir().unwrap();
    let id = toolkit.entry(3).unwrap().section.id.clone();
    let sections = vec![id.clone(), "4".to_owned()];
    let request = DiscussedRequest {
        on: Some("2026-11-18"),
        outcome: Some("We agreed to ask names first"),
        ..ask(&sections, "30")
    };
    let out = discussed(&toolkit, Some(dir.path().into()), &request, now());
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(out.stdout.contains("30 minutes"), "{}", out.stdout);
    assert!(out.stdout.contains("team meeting"), "{}", out.stdout);
    let (_, journal, _) = Store::open(dir.path().to_path_buf());
    let kept: Vec<&Discussion> = journal.records.discussions.values().collect();
    assert_eq!(kept.len(), 1);
    // "4" is the same section as its id: kept once.
    assert_eq!(kept[0].sections, [id]);
    assert_eq!(kept[0].minutes, 30);
    assert_eq!(kept[0].on, Date::new(2026, 11, 18).unwrap());
    assert_eq!(
        kept[0].outcome.as_deref(),
        Some("We agreed to ask names first")
    );
}

#[test]
fn bad_minutes_are_refused_with_the_reason_and_nothing_is_written() {
    let toolkit = built_in();
    let dir = tempfile::tempdir().unwrap();
    let sections = vec!["1".to_owned()];
    for (minutes, reason) in [
        ("0", "at least a minute"),
        ("-5", "can't be negative"),
        ("1441", "over 24 hours"),
        ("half an hour", "whole number"),
        ("99999999999999999999", "whole number"),
    ] {
        let out = discussed(
            &toolkit,
            Some(dir.path().into()),
            &ask(&sections, minutes),
            now(),
        );
        assert_eq!(out.code, 1, "{minutes}");
        assert!(out.stderr.contains(reason), "{minutes}: {}", out.stderr);
        assert!(out.stderr.starts_with("Nothing was kept"), "{}", out.stderr);
    }
    assert_eq!(parse_minutes("1440"), Ok(1440));
    assert_eq!(parse_minutes(" 1 "), Ok(1));
    assert!(!dir.path().join("journal.json").exists());
}

#[test]
fn a_future_day_an_unknown_section_or_no_one_is_refused() {
    let toolkit = built_in();
    let dir = tempfile::tempdir().unwrap();
    let sections = vec!["1".to_owned()];
    let future = DiscussedRequest {
        on: Some("2026-11-21"),
        ..ask(&sections, "10")
    };
    let out = discussed(&toolkit, Some(dir.path().into()), &future, now());
    assert!(out.stderr.contains("after today"), "{}", out.stderr);
    let alone = DiscussedRequest {
        with: "  ",
        ..ask(&sections, "10")
    };
    let out = discussed(&toolkit, Some(dir.path().into()), &alone, now());
    assert!(out.stderr.contains("who it was with"), "{}", out.stderr);
    let missing = vec!["no-such-section".to_owned()];
    let out = discussed(
        &toolkit,
        Some(dir.path().into()),
        &ask(&missing, "10"),
        now(),
    );
    assert_eq!(out.code, crate::commands::EXIT_NOT_FOUND);
    assert!(!dir.path().join("journal.json").exists());
}

#[test]
fn a_walkthrough_offers_its_sections_and_minutes() {
    use crate::present::log::{Covered, Record};
    let covered = |id: &str| Covered {
        id: id.into(),
        secs: 60,
        extra: Map::new(),
    };
    let mut record = Record {
        started: "2026-11-20T15:00:00Z".parse().unwrap(),
        ended: "2026-11-20T15:24:40Z".parse().unwrap(),
        finished: true,
        sections: vec![covered("tip-speak-up"), covered("tip-check-in")],
        extra: Map::new(),
    };
    let (ids, minutes) = from_walkthrough(&record).unwrap();
    assert_eq!(
        (ids.as_slice(), minutes),
        (
            &["tip-speak-up".to_owned(), "tip-check-in".to_owned()][..],
            25
        )
    );
    assert!(walkthrough_question(2, 25).contains("(25 minutes, 2 sections)"));
    record.ended = record.started;
    assert_eq!(from_walkthrough(&record).unwrap().1, 1, "at least a minute");
    record.ended = "2026-11-23T15:00:00Z".parse().unwrap();
    assert_eq!(from_walkthrough(&record).unwrap().1, 1440, "at most a day");
    record.finished = false;
    assert_eq!(from_walkthrough(&record), None, "stopped early: not asked");
    record.finished = true;
    record.sections.clear();
    assert_eq!(from_walkthrough(&record), None);
}
