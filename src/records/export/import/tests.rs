//! Import keeps every version of a note, distrusts times far in the future
//! and refuses values no journal could hold, naming the field.

use super::*;
use crate::journal::record::Note;
use jiff::Timestamp;

fn ts(secs: i64) -> Timestamp {
    Timestamp::from_second(1_700_000_000 + secs).expect("valid")
}

/// An export holding `data` (the inside of its `data` object).
fn export_of(data: &str) -> String {
    format!(r#"{{"format": "allyship-export", "version": 1, "data": {{ {data} }}}}"#)
}

fn note_json(text: &str, at: &str) -> String {
    format!(r#""notes": {{"x": {{"text": "{text}", "created": "{at}", "changed": "{at}"}}}}"#)
}

fn journal_with_note(text: &str, at: Timestamp) -> Journal {
    let mut journal = Journal::new();
    let note = Note {
        text: text.into(),
        created: at,
        changed: at,
        ..Note::default()
    };
    journal.records.notes.insert("x".into(), note);
    journal
}

fn kept_texts(journal: &Journal) -> Vec<&str> {
    journal
        .records
        .superseded_notes
        .iter()
        .map(|k| k.text.as_str())
        .collect()
}

#[test]
fn a_note_one_second_newer_keeps_the_local_text() {
    let mut here = journal_with_note("written here", ts(0));
    let file = export_of(&note_json("written there", &ts(1).to_string()));
    let (import, report) = import_at(&here, &file, ts(10)).expect("imports");
    assert_eq!(report.notes_updated, 1);
    import.merge_at(&mut here, ts(10));
    assert_eq!(here.records.notes["x"].text, "written there");
    assert_eq!(kept_texts(&here), ["written here"], "not erased");
    // Importing again changes nothing and keeps one copy of each.
    import.merge_at(&mut here, ts(10));
    assert_eq!(kept_texts(&here), ["written here"]);
}

#[test]
fn a_note_one_second_older_is_kept_too() {
    let mut here = journal_with_note("written here", ts(1));
    let file = export_of(&note_json("written there", &ts(0).to_string()));
    let (import, report) = import_at(&here, &file, ts(10)).expect("imports");
    assert_eq!(report.notes_kept, 1);
    // The imported words are new here, kept as an earlier version: the
    // import changed the journal, so its headline must not say "Nothing new".
    assert_eq!(report.earlier_versions_added, 1);
    assert!(report.changed_anything());
    import.merge_at(&mut here, ts(10));
    assert_eq!(here.records.notes["x"].text, "written here");
    assert_eq!(kept_texts(&here), ["written there"]);
    // Again: the words are kept already, and nothing changes.
    let again = import.merge_at(&mut here, ts(10));
    assert_eq!((again.notes_kept, again.earlier_versions_added), (1, 0));
    assert!(!again.changed_anything());
}

#[test]
fn a_note_dated_ahead_never_wins_by_its_date_and_is_said() {
    let mut here = journal_with_note("written here", ts(0));
    let ahead = ts(0)
        .checked_add(jiff::SignedDuration::from_hours(24 * 30))
        .unwrap();
    let file = export_of(&note_json("from a clock a month ahead", &ahead.to_string()));
    let (import, report) = import_at(&here, &file, ts(10)).expect("imports");
    assert_eq!((report.notes_kept, report.future_dated), (1, 1));
    assert!(report.to_string().contains("in the future"), "{report}");
    import.merge_at(&mut here, ts(10));
    assert_eq!(here.records.notes["x"].text, "written here");
    assert_eq!(kept_texts(&here), ["from a clock a month ahead"]);
}

#[test]
fn earlier_versions_are_united_without_duplicates() {
    let mut here = journal_with_note("now", ts(5));
    here.set_aside("x", &journal_with_note("before", ts(1)).records.notes["x"]);
    let kept = r#""superseded_notes": [
        {"section": "x", "text": "before", "created": "2023-11-14T22:13:21Z", "changed": "2023-11-14T22:13:29Z"},
        {"section": "x", "text": "other", "created": "2023-11-14T22:13:21Z", "changed": "2023-11-14T22:13:21Z"}]"#;
    let (import, report) = import_at(&here, &export_of(kept), ts(10)).expect("imports");
    assert_eq!(report.earlier_versions_added, 1);
    import.merge_at(&mut here, ts(10));
    assert_eq!(kept_texts(&here), ["before", "other"]);
}

#[test]
fn absurd_values_are_refused_naming_the_field() {
    let journal = Journal::new();
    let refused = |data: &str| {
        let err = import_at(&journal, &export_of(data), ts(0)).expect_err(data);
        err.to_string()
    };
    let minutes = refused(r#""days": {"2023-11-14": {"active_secs": 120000000000}}"#);
    assert!(
        minutes.contains("data.days.2023-11-14.active_secs"),
        "{minutes}"
    );
    let year = refused(r#""days": {"9999-01-01": {"active_secs": 60}}"#);
    assert!(year.contains("data.days.9999-01-01"), "{year}");
    let past = refused(&note_json("t", "-009999-01-01T00:00:00Z"));
    assert!(past.contains("data.notes.x.created"), "{past}");
    let future = refused(r#""bookmarks": {"x": {"added": "9999-01-01T00:00:00Z"}}"#);
    assert!(future.contains("data.bookmarks.x.added"), "{future}");
    let negative = refused(
        r#""sections": {"x": {"first_read": "2023-11-14T22:13:20Z",
        "last_read": "2023-11-14T22:13:20Z", "sessions": -3, "last_session": "s"}}"#,
    );
    assert!(
        negative.contains("data.sections.x.sessions is -3"),
        "{negative}"
    );
    let huge = refused(
        r#""sections": {"x": {"first_read": "2023-11-14T22:13:20Z",
        "last_read": "2023-11-14T22:13:20Z", "sessions": 99999999999, "last_session": "s"}}"#,
    );
    assert!(huge.contains("sessions"), "{huge}");
    let edits = refused(
        r#""notes": {"x": {"text": "t", "created": "2023-11-14T22:13:20Z",
        "changed": "2023-11-14T22:13:20Z", "edits": 4000000000}}"#,
    );
    assert!(edits.contains("data.notes.x.edits"), "{edits}");
    // A real day's learning still imports.
    let day = export_of(r#""days": {"2023-11-14": {"active_secs": 5400}}"#);
    assert!(import_at(&journal, &day, ts(0)).is_ok());
}

fn choice_json(option: u32, at: Timestamp) -> String {
    format!(r#""choices": {{"x": {{"option": {option}, "chosen_at": "{at}"}}}}"#)
}

#[test]
fn choices_import_the_newer_winning_and_say_so() {
    use crate::journal::record::Chosen;
    let mut here = Journal::new();
    let file = export_of(&choice_json(2, ts(5)));
    let (import, report) = import_at(&here, &file, ts(10)).expect("imports");
    assert_eq!(report.choices_added, 1);
    assert!(report.changed_anything());
    assert!(
        report
            .to_string()
            .contains("Choices on practice scenarios added: 1")
    );
    import.merge_at(&mut here, ts(10));
    assert_eq!(here.chosen("x"), Some(2));
    // Again: nothing new.
    let report = import.merge_at(&mut here, ts(10));
    assert_eq!(
        (report.choices_unchanged, report.changed_anything()),
        (1, false)
    );
    // A newer choice here stays; an older one here is replaced.
    here.records
        .choices
        .insert("x".into(), Chosen::new(3, ts(8)));
    let report = import.merge_at(&mut here, ts(10));
    assert_eq!((report.choices_unchanged, here.chosen("x")), (1, Some(3)));
    here.records
        .choices
        .insert("x".into(), Chosen::new(1, ts(1)));
    let report = import.merge_at(&mut here, ts(10));
    assert_eq!((report.choices_updated, here.chosen("x")), (1, Some(2)));
    // One dated days ahead is counted as such and does not win.
    let ahead = export_of(&choice_json(4, ts(5 * 24 * 3600)));
    let (import, report) = import_at(&here, &ahead, ts(10)).expect("imports");
    assert_eq!(report.future_dated, 1);
    import.merge_at(&mut here, ts(10));
    assert_eq!(here.chosen("x"), Some(2));
}

#[test]
fn absurd_choices_are_refused_naming_the_field() {
    let journal = Journal::new();
    let err = import_at(&journal, &export_of(&choice_json(9999, ts(0))), ts(0)).unwrap_err();
    assert!(err.to_string().contains("data.choices.x.option"), "{err}");
    let when = r#""choices": {"x": {"option": 1, "chosen_at": "9999-01-01T00:00:00Z"}}"#;
    let err = import_at(&journal, &export_of(when), ts(0)).unwrap_err();
    assert!(
        err.to_string().contains("data.choices.x.chosen_at"),
        "{err}"
    );
}
