//! Tests of the journal model: reads, sessions, notes, bookmarks and the summary.

use super::*;
use jiff::civil::date;

fn ts(secs: i64) -> Timestamp {
    Timestamp::from_second(1_700_000_000 + secs).expect("valid timestamp")
}

fn day(d: i8) -> Date {
    date(2024, 3, d)
}

fn session_reading(id: &str, sections: &[&str], at: i64) -> Session {
    let mut session = Session::new(id);
    for section in sections {
        session.record_read(section, ts(at), day(1));
    }
    session
}

#[test]
fn read_then_revisited_in_a_later_session() {
    let mut journal = Journal::new();
    assert_eq!(journal.status("tip-a"), ReadStatus::Unread);
    let mut first = session_reading("s1", &["tip-a"], 0);
    first.record_read("tip-a", ts(50), day(1));
    journal.apply(&first.pending, &first.id);
    assert_eq!(journal.status("tip-a"), ReadStatus::Read);
    let second = session_reading("s2", &["tip-a"], 100);
    journal.apply(&second.pending, &second.id);
    assert_eq!(journal.status("tip-a"), ReadStatus::Revisited);
    let record = &journal.records.sections["tip-a"];
    assert_eq!(
        (record.sessions, record.first_read, record.last_read),
        (2, ts(0), ts(100))
    );
}

#[test]
fn applying_twice_counts_once() {
    let mut session = session_reading("s1", &["a", "b"], 0);
    session.add_active_secs(day(1), 30);
    let mut journal = Journal::new();
    journal.apply(&session.pending, &session.id);
    let once = journal.clone();
    journal.apply(&session.pending, &session.id);
    assert_eq!(journal.records.sections, once.records.sections);
    assert_eq!(
        journal.records.days[&day(1)].sections,
        once.records.days[&day(1)].sections
    );
}

/// Two copies of the app save in turn, each re-reading the "disk" first.
#[test]
fn interleaved_sessions_lose_nothing_and_count_once() {
    let mut disk = Journal::new();
    let mut a = session_reading("A", &["x"], 0);
    let mut b = session_reading("B", &["x", "y"], 10);
    a.add_active_secs(day(1), 60);
    b.add_active_secs(day(1), 40);
    for _round in 0..3 {
        for session in [&mut a, &mut b] {
            disk.apply(&session.pending, &session.id);
            session.pending.mark_saved();
            assert!(!session.pending.has_unsaved());
        }
    }
    a.record_read("z", ts(20), day(2));
    a.set_position("z", 7);
    disk.apply(&a.pending, &a.id);
    assert_eq!(disk.records.sections["x"].sessions, 2);
    assert_eq!(disk.records.sections["y"].sessions, 1);
    assert_eq!(disk.records.sections["z"].sessions, 1);
    assert_eq!(disk.records.days[&day(1)].active_secs, 100);
    assert_eq!(disk.records.days[&day(1)].sections.len(), 2);
    assert_eq!(disk.records.days[&day(2)].sections.len(), 1);
    assert_eq!(
        disk.position,
        Some(Position {
            section: "z".into(),
            scroll: 7,
            extra: Map::new(),
        })
    );
}

#[test]
fn summary_counts_parts_days_revisits_and_orphans() {
    let mut journal = Journal::new();
    for (sid, at) in [("s1", 0), ("s2", 100)] {
        journal.apply(&session_reading(sid, &["a1", "gone"], at).pending, sid);
    }
    journal.apply(&session_reading("s3", &["b1"], 200).pending, "s3");
    let mut time = Session::new("s3");
    time.add_active_secs(day(2), 90);
    journal.apply(&time.pending, &time.id);
    let parts = [
        PartIds {
            title: "A",
            ids: vec!["a1", "a2"],
        },
        PartIds {
            title: "B",
            ids: vec!["b1"],
        },
    ];
    let summary = journal.summary(&parts);
    assert_eq!((summary.total, summary.read, summary.revisited), (3, 2, 1));
    assert_eq!(summary.active_secs, 90);
    assert_eq!((summary.parts[0].read, summary.parts[0].total), (1, 2));
    assert_eq!((summary.parts[1].read, summary.parts[1].total), (1, 1));
    assert_eq!(summary.days.len(), 2);
    assert_eq!(summary.days[0].sections, 3);
    assert_eq!(summary.revisits[0].id, "a1");
    assert_eq!(summary.revisits[0].sessions, 2);
    assert_eq!(summary.orphans, ["gone"]);
    assert!(
        journal.records.sections.contains_key("gone"),
        "orphans are kept"
    );
}

#[test]
fn suggests_oldest_read_preferring_tips() {
    let mut journal = Journal::new();
    for (id, at) in [
        ("intro", 0),
        ("tip-new", 300),
        ("tip-old", 200),
        ("more", 100),
    ] {
        journal.apply(&session_reading("s", &[id], at).pending, "s");
    }
    let ordered = ["intro", "unread", "tip-new", "tip-old", "more"];
    let tips = |id: &str| id.starts_with("tip-");
    assert_eq!(journal.suggest_revisit(&ordered, tips), Some("tip-old"));
    assert_eq!(journal.suggest_revisit(&ordered, |_| false), Some("intro"));
    assert_eq!(journal.suggest_revisit(&["unread"], tips), None);
}

#[test]
fn unknown_fields_survive_a_round_trip() {
    let text = r#"{
        "version": 1,
        "sections": {"a": {"first_read": "2024-03-01T10:00:00Z",
            "last_read": "2024-03-01T10:00:00Z", "sessions": 1,
            "last_session": "s", "mood": "calm"}},
        "days": {"2024-03-01": {"sections": ["a"], "active_secs": 5, "weather": 1}},
        "future": {"nested": [1, 2]}
    }"#;
    let journal: Journal = serde_json::from_str(text).expect("parses");
    assert_eq!(journal.extra["future"]["nested"][1], 2);
    let written = serde_json::to_string_pretty(&journal).expect("serializes");
    assert!(
        written.trim_start().starts_with("{\n  \"version\": 1"),
        "{written}"
    );
    let again: Journal = serde_json::from_str(&written).expect("parses again");
    assert_eq!(again, journal);
    assert_eq!(again.records.sections["a"].extra["mood"], "calm");
    assert_eq!(again.records.days[&day(1)].extra["weather"], 1);
}

#[test]
fn reserved_fields_are_left_out_when_empty() {
    let written = serde_json::to_string(&Journal::new()).expect("serializes");
    assert_eq!(written, r#"{"version":1,"sections":{},"days":{}}"#);
}

/// Saves in turn like two copies of the app: apply to the "disk", then clear.
fn save(disk: &mut Journal, session: &mut Session) {
    disk.apply(&session.pending, &session.id);
    session.pending.mark_saved();
}

/// `note` with `edits` behind it.
fn counted(note: Note, edits: u32) -> Note {
    Note { edits, ..note }
}

fn note(text: &str, created: i64, changed: i64) -> Note {
    Note {
        text: text.into(),
        created: ts(created),
        changed: ts(changed),
        ..Note::default()
    }
}

#[test]
fn two_sessions_editing_different_notes_keep_both() {
    let mut disk = Journal::new();
    let mut a = Session::new("A");
    let mut b = Session::new("B");
    a.set_note("x", "first thoughts", ts(1));
    a.set_note("x", "first thoughts, then more", ts(5));
    b.set_note("y", "ärger 😀 q\nline two", ts(3));
    assert!(a.pending.has_unsaved());
    save(&mut disk, &mut a);
    save(&mut disk, &mut b);
    assert!(!a.pending.has_unsaved() && !b.pending.has_unsaved());
    assert_eq!(
        disk.records.notes["x"],
        counted(note("first thoughts, then more", 1, 5), 1)
    );
    assert_eq!(
        disk.records.notes["y"],
        counted(note("ärger 😀 q\nline two", 3, 3), 1)
    );
    assert!(disk.records.superseded_notes.is_empty());
}

#[test]
fn same_note_newer_edit_wins_and_the_older_is_kept_aside() {
    let mut disk = Journal::new();
    let mut first = Session::new("A");
    first.set_note("x", "written first", ts(10));
    save(&mut disk, &mut first);
    // B edits at 30 and A at 20; B saves first, so A's older edit loses.
    let mut a = Session::new("A");
    let mut b = Session::new("B");
    a.saw(&disk);
    b.saw(&disk);
    a.set_note("x", "older edit", ts(20));
    b.set_note("x", "newer edit", ts(30));
    save(&mut disk, &mut b);
    save(&mut disk, &mut a);
    assert_eq!(
        disk.records.notes["x"],
        counted(note("newer edit", 10, 30), 2),
        "created kept"
    );
    let aside = &disk.records.superseded_notes;
    assert_eq!(aside.len(), 1, "nothing typed is lost");
    assert_eq!(
        (aside[0].section.as_str(), aside[0].text.as_str()),
        ("x", "older edit")
    );
    // The other order: the newer edit saved last wins, and the older one,
    // which B never saw, is kept too.
    let mut disk2 = Journal::new();
    let (mut a, mut b) = (Session::new("A"), Session::new("B"));
    a.set_note("x", "older edit", ts(20));
    b.set_note("x", "newer edit", ts(30));
    save(&mut disk2, &mut a);
    save(&mut disk2, &mut b);
    assert_eq!(disk2.records.notes["x"].text, "newer edit");
    assert_eq!(disk2.records.notes["x"].created, ts(20));
    let aside: Vec<&str> = disk2
        .records
        .superseded_notes
        .iter()
        .map(|k| k.text.as_str())
        .collect();
    assert_eq!(aside, ["older edit"], "no version is dropped");
}

#[test]
fn emptying_a_note_deletes_it_unless_changed_later_elsewhere() {
    let mut disk = Journal::new();
    let mut a = Session::new("A");
    a.set_note("x", "keep?", ts(1));
    a.set_note("y", "keep?", ts(1));
    save(&mut disk, &mut a);
    a.set_note("x", "  \n ", ts(5));
    a.delete_note("y", ts(5));
    let mut b = Session::new("B");
    b.saw(&disk);
    b.set_note("y", "changed after the deletion", ts(9));
    save(&mut disk, &mut b);
    save(&mut disk, &mut a);
    assert!(!disk.records.notes.contains_key("x"), "emptied, so deleted");
    assert_eq!(disk.records.notes["y"].text, "changed after the deletion");
    assert!(disk.records.superseded_notes.is_empty());
}

#[test]
fn bookmark_add_remove_and_relabel_races() {
    let mut disk = Journal::new();
    let (mut a, mut b) = (Session::new("A"), Session::new("B"));
    a.set_bookmark("x", Some("  for supervision ".into()), ts(1));
    save(&mut disk, &mut a);
    assert_eq!(
        disk.records.bookmarks["x"].label.as_deref(),
        Some("for supervision")
    );
    // B removes at 10; A toggles off and on again at 15 and 20, saving first.
    b.remove_bookmark("x", ts(10));
    a.remove_bookmark("x", ts(15));
    a.set_bookmark("x", Some(" ".into()), ts(20));
    save(&mut disk, &mut a);
    save(&mut disk, &mut b);
    let x = &disk.records.bookmarks["x"];
    assert_eq!(
        (x.label.as_deref(), x.added),
        (None, ts(20)),
        "newer set wins"
    );
    // A removal made after the last set removes it.
    b.remove_bookmark("x", ts(30));
    save(&mut disk, &mut b);
    assert!(disk.records.bookmarks.is_empty());
    // An older relabel saved last never replaces a newer one.
    b.set_bookmark("y", Some("newer".into()), ts(50));
    a.set_bookmark("y", Some("older".into()), ts(40));
    save(&mut disk, &mut b);
    save(&mut disk, &mut a);
    assert_eq!(disk.records.bookmarks["y"].label.as_deref(), Some("newer"));
    a.set_bookmark("y", Some("relabelled".into()), ts(60));
    save(&mut disk, &mut a);
    let y = &disk.records.bookmarks["y"];
    assert_eq!((y.label.as_deref(), y.added), (Some("relabelled"), ts(60)));
}

#[test]
fn note_and_bookmark_applies_are_idempotent() {
    let mut base = Journal::new();
    base.records
        .notes
        .insert("z".into(), note("newer on disk", 0, 100));
    let mut session = Session::new("A");
    session.set_note("x", "a", ts(1));
    session.set_note("z", "loses", ts(50));
    session.delete_note("gone", ts(2));
    session.set_bookmark("x", Some("l".into()), ts(3));
    session.remove_bookmark("w", ts(4));
    let mut once = base.clone();
    once.apply(&session.pending, &session.id);
    let mut twice = once.clone();
    twice.apply(&session.pending, &session.id);
    assert_eq!(once, twice);
    assert_eq!(once.records.superseded_notes.len(), 1);
    assert_eq!(
        base.with_pending(&session),
        once,
        "shown as it will be saved"
    );
}

#[test]
fn notes_list_newest_first_and_serialize_compactly() {
    let mut journal = Journal::new();
    journal.records.notes.insert("a".into(), note("old", 0, 10));
    journal.records.notes.insert("b".into(), note("new", 0, 20));
    let ids: Vec<&str> = journal
        .notes_newest_first()
        .iter()
        .map(|(id, _)| *id)
        .collect();
    assert_eq!(ids, ["b", "a"]);
    let written = serde_json::to_string(&journal).expect("serializes");
    assert!(
        !written.contains("superseded_notes"),
        "left out while empty"
    );
    let again: Journal = serde_json::from_str(&written).expect("parses");
    assert_eq!(again, journal);
}

mod merges;
mod places;
