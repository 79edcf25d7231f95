//! The facilitator's log on disk: round trip, privacy, damaged and newer
//! files left alone, and where `--continue` picks up.

use super::*;
use crate::toolkit::content::built_in;
use std::time::Duration;

fn at(text: &str) -> Timestamp {
    text.parse().unwrap()
}

fn tips_record(toolkit: &Toolkit, upto: &str, finished: bool) -> Record {
    let from = toolkit.index_of("why-these-tips").unwrap();
    let to = toolkit.index_of(upto).unwrap();
    let covered: Vec<(usize, Duration)> = (from..=to)
        .map(|i| (i, Duration::from_millis(200_700)))
        .collect();
    let times = (at("2026-11-23T14:02:00Z"), at("2026-11-23T14:37:10Z"));
    record(toolkit, &covered, times, finished)
}

#[test]
fn two_copies_appending_at_once_lose_no_walkthrough() {
    let toolkit = built_in();
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let each = 15;
    std::thread::scope(|scope| {
        for _ in 0..2 {
            scope.spawn(|| {
                for _ in 0..each {
                    append(&data, tips_record(&toolkit, "tip-check-in", true)).unwrap();
                }
            });
        }
    });
    assert_eq!(list(&data).unwrap().len(), 2 * each);
}

#[test]
fn walkthroughs_round_trip_and_list_as_plain_lines() {
    let toolkit = built_in();
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    assert_eq!(list(&data).unwrap(), Vec::new());
    assert!(plain(&[], &toolkit, &TimeZone::UTC).starts_with("No walkthroughs yet"));

    let first = tips_record(&toolkit, "tip-be-consistent", true);
    assert_eq!(first.sections[0].secs, 201);
    let path = append(&data, first.clone()).unwrap();
    assert_eq!(path, data.join(LOG_FILE));
    let mut second = tips_record(&toolkit, "tip-check-in", false);
    second.started = at("2026-11-30T09:00:00Z");
    second.ended = at("2026-11-30T09:00:20Z");
    append(&data, second.clone()).unwrap();
    assert_eq!(list(&data).unwrap(), vec![first.clone(), second]);

    let text = plain(&list(&data).unwrap(), &toolkit, &TimeZone::UTC);
    assert_eq!(
        text,
        "Mon 23 Nov 2026 14:02, 35 min: Top tips for allyship 20-29 (10 sections), finished\n\
         Mon 30 Nov 2026 09:00, under a minute: Top tips for allyship 20-23 (4 sections), \
         stopped early\n"
    );
    let json: serde_json::Value = serde_json::from_str(&json(&[first])).unwrap();
    assert_eq!(json["version"], 1);
    assert_eq!(
        json["walkthroughs"][0]["sections"][0]["id"],
        "why-these-tips"
    );

    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode(&path), 0o600);
        assert_eq!(mode(&data), 0o700);
    }
}

#[test]
fn a_damaged_log_is_never_written_over() {
    let toolkit = built_in();
    let dir = tempfile::tempdir().unwrap();
    let path = path_in(dir.path());
    for broken in [&b"{\"version\": 1, \"walkth"[..], b"\0\0\0\0", b"[1, 2]"] {
        std::fs::write(&path, broken).unwrap();
        let err = append(dir.path(), tips_record(&toolkit, "tip-speak-up", false)).unwrap_err();
        assert!(matches!(err, LogError::Broken(..)), "{err}");
        assert!(err.to_string().contains("left as it is"), "{err}");
        assert!(list(dir.path()).is_err());
        assert_eq!(std::fs::read(&path).unwrap(), broken);
        assert_eq!(next_after_last(dir.path(), &toolkit), None);
    }
}

#[test]
fn a_newer_log_is_listed_but_not_added_to_and_unknown_fields_survive() {
    let toolkit = built_in();
    let dir = tempfile::tempdir().unwrap();
    let path = path_in(dir.path());
    let newer = r#"{"version": 9, "walkthroughs": [], "team": "north"}"#;
    std::fs::write(&path, newer).unwrap();
    let err = append(dir.path(), tips_record(&toolkit, "tip-speak-up", false)).unwrap_err();
    assert!(matches!(err, LogError::Newer(_, 9)), "{err}");
    assert_eq!(std::fs::read_to_string(&path).unwrap(), newer);
    assert_eq!(list(dir.path()).unwrap(), Vec::new());

    let same = r#"{"version": 1, "team": "north", "walkthroughs": [{"started":
        "2026-11-23T14:02:00Z", "ended": "2026-11-23T14:03:00Z", "finished": false,
        "room": "B2", "sections": [{"id": "welcome", "secs": 60, "by": "x"}]}]}"#;
    std::fs::write(&path, same).unwrap();
    append(dir.path(), tips_record(&toolkit, "tip-speak-up", false)).unwrap();
    let text = std::fs::read_to_string(&path).unwrap();
    for kept in ["\"team\": \"north\"", "\"room\": \"B2\"", "\"by\": \"x\""] {
        assert!(text.contains(kept), "{kept} lost:\n{text}");
    }
}

#[test]
fn continue_starts_after_the_furthest_section_of_the_latest_walkthrough() {
    let toolkit = built_in();
    let dir = tempfile::tempdir().unwrap();
    assert_eq!(next_after_last(dir.path(), &toolkit), None);
    append(dir.path(), tips_record(&toolkit, "tip-check-in", false)).unwrap();
    let check_in = toolkit.index_of("tip-check-in").unwrap();
    assert_eq!(next_after_last(dir.path(), &toolkit), Some(check_in + 1));

    let mut later = tips_record(&toolkit, "tip-speak-up", false);
    later.started = at("2027-01-01T10:00:00Z");
    let mut older = tips_record(&toolkit, "tip-be-consistent", true);
    older.started = at("2020-01-01T10:00:00Z");
    let records = [later, older];
    let speak_up = toolkit.index_of("tip-speak-up").unwrap();
    assert_eq!(next_after(&records, &toolkit), Some(speak_up + 1));

    let last = toolkit.section_count() - 1;
    let end = record(
        &toolkit,
        &[(last, Duration::from_secs(5))],
        (at("2028-01-01T10:00:00Z"), at("2028-01-01T10:01:00Z")),
        true,
    );
    assert_eq!(next_after(&[end], &toolkit), None);
}

#[test]
fn sections_no_longer_in_the_toolkit_are_counted_not_lost() {
    let toolkit = built_in();
    let mut r = tips_record(&toolkit, "tip-speak-up", true);
    r.sections.push(Covered {
        id: "gone".into(),
        secs: 3,
        extra: Map::new(),
    });
    r.ended = at("2026-11-23T16:10:00Z");
    let line = describe(&r, &toolkit, &TimeZone::UTC);
    assert!(
        line.ends_with("2 h 8 min: Top tips for allyship 20-22; 1 no longer in this toolkit (4 sections), finished"),
        "{line}"
    );
}
