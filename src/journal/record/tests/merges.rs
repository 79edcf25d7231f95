//! Merges that keep every version of a note, and times far in the future
//! that must not freeze a note or a bookmark.

use super::*;

#[test]
fn editing_the_note_on_disk_replaces_it_and_counts_the_edits() {
    let mut disk = Journal::new();
    let mut a = Session::new("A");
    a.set_note("x", "one", ts(1));
    save(&mut disk, &mut a);
    a.set_note("x", "two", ts(2));
    a.set_note("x", "two and a bit", ts(3));
    save(&mut disk, &mut a);
    let mut later = Session::new("later");
    later.saw(&disk);
    later.set_note("x", "three", ts(4));
    save(&mut disk, &mut later);
    assert_eq!(disk.records.notes["x"].text, "three");
    assert_eq!(disk.records.notes["x"].edits, 3);
    assert!(
        disk.records.superseded_notes.is_empty(),
        "{:?}",
        disk.records.superseded_notes
    );
}

#[test]
fn the_version_written_last_wins_whatever_the_edit_counts_and_both_are_kept() {
    // The office saved a first version; the laptop saw it and edited it
    // (so its note counts as many edits or more), before the office's own
    // later edit.
    let mut disk = Journal::new();
    let mut office = Session::new("office");
    office.set_note("x", "office first", ts(10));
    save(&mut disk, &mut office);
    let mut laptop_disk = disk.clone();
    let mut laptop = Session::new("laptop");
    laptop.saw(&laptop_disk);
    laptop.set_note("x", "laptop text", ts(20));
    save(&mut laptop_disk, &mut laptop);
    office.set_note("x", "office text, written last", ts(3_600));
    save(&mut disk, &mut office);
    // The laptop's journal (more edits, written earlier) is imported at the
    // office: the text written last stays the note, the other is kept.
    let laptop_note = laptop_disk.records.notes["x"].clone();
    assert!(laptop_note.edits >= disk.records.notes["x"].edits);
    assert_eq!(
        disk.merge_note("x", &laptop_note, ts(4_000)),
        NoteMerge::Kept
    );
    assert_eq!(disk.records.notes["x"].text, "office text, written last");
    let aside: Vec<&str> = disk
        .records
        .superseded_notes
        .iter()
        .map(|k| k.text.as_str())
        .collect();
    assert_eq!(aside, ["laptop text"], "kept, as the earlier version it is");
}

/// The journal on disk after the app opened it at "first" (one edit) and
/// the command line then edited the note three times, the last at `ts(12)`;
/// and the app's session, which saw only "first".
fn edited_on_the_command_line_meanwhile() -> (Journal, Session) {
    let mut disk = Journal::new();
    let mut first = Session::new("first");
    first.set_note("x", "first", ts(1));
    save(&mut disk, &mut first);
    let mut app = Session::new("app");
    app.saw(&disk);
    for (n, text) in ["cli one", "cli two", "cli three"].iter().enumerate() {
        let mut cli = Session::new("cli");
        cli.saw(&disk);
        cli.set_note("x", *text, ts(10 + n as i64));
        save(&mut disk, &mut cli);
    }
    assert_eq!(disk.records.notes["x"].edits, 4);
    (disk, app)
}

#[test]
fn an_app_edit_written_after_command_line_edits_is_the_note_and_says_so() {
    let (mut disk, mut app) = edited_on_the_command_line_meanwhile();
    app.set_note("x", "typed in the app, last", ts(20));
    let outcomes = disk.apply(&app.pending, &app.id);
    assert_eq!(outcomes["x"], NoteOutcome::SavedOverOlder);
    assert_eq!(
        disk.records.notes["x"].text, "typed in the app, last",
        "the newest is the note"
    );
    let aside: Vec<&str> = disk
        .earlier_versions("x")
        .map(|k| k.text.as_str())
        .collect();
    assert_eq!(
        aside,
        ["cli three"],
        "the older text is the earlier version"
    );
}

#[test]
fn an_app_edit_written_before_the_last_command_line_edit_is_kept_beside_it() {
    let (mut disk, mut app) = edited_on_the_command_line_meanwhile();
    app.set_note("x", "typed in the app, earlier", ts(11));
    let outcomes = disk.apply(&app.pending, &app.id);
    assert_eq!(outcomes["x"], NoteOutcome::BesideNewer);
    assert_eq!(
        disk.records.notes["x"].text, "cli three",
        "the newest is the note"
    );
    let aside: Vec<&str> = disk
        .earlier_versions("x")
        .map(|k| k.text.as_str())
        .collect();
    assert_eq!(aside, ["typed in the app, earlier"]);
}

#[test]
fn an_edit_on_top_of_the_note_on_disk_is_just_saved_and_an_emptied_one_removed() {
    let (mut disk, mut cli) = edited_on_the_command_line_meanwhile();
    cli.saw(&disk);
    cli.set_note("x", "on top", ts(30));
    assert_eq!(disk.apply(&cli.pending, &cli.id)["x"], NoteOutcome::Saved);
    cli.pending.mark_saved();
    cli.saw(&disk);
    cli.delete_note("x", ts(40));
    assert_eq!(disk.apply(&cli.pending, &cli.id)["x"], NoteOutcome::Removed);
    // Emptied in a copy that saw an older text: the newer note stays.
    let (mut disk, mut app) = edited_on_the_command_line_meanwhile();
    app.delete_note("x", ts(50));
    assert_eq!(
        disk.apply(&app.pending, &app.id)["x"],
        NoteOutcome::NotRemoved
    );
    assert_eq!(disk.records.notes["x"].text, "cli three");
}

#[test]
fn each_outcome_has_its_words_and_the_most_telling_is_said() {
    let plain = "Note saved.";
    assert_eq!(NoteOutcome::said([], plain), plain);
    assert_eq!(NoteOutcome::said([NoteOutcome::Saved], plain), plain);
    assert_eq!(
        NoteOutcome::said([NoteOutcome::Removed], "Note removed: it was empty."),
        "Note removed: it was empty."
    );
    let beside = NoteOutcome::said([NoteOutcome::Saved, NoteOutcome::BesideNewer], plain);
    assert!(
        beside.starts_with("Saved beside a newer version written elsewhere"),
        "{beside}"
    );
    assert!(!beside.contains("Note saved"), "{beside}");
    let over = NoteOutcome::said([NoteOutcome::SavedOverOlder], plain);
    assert!(over.contains("kept as an earlier one"), "{over}");
    let kept = NoteOutcome::said([NoteOutcome::NotRemoved], "Note removed: it was empty.");
    assert!(kept.starts_with("Not removed"), "{kept}");
    for outcome in [
        NoteOutcome::SavedOverOlder,
        NoteOutcome::BesideNewer,
        NoteOutcome::NotRemoved,
    ] {
        let words = outcome.words().expect("words");
        assert!(words.chars().count() <= 80, "fits a footer: {words}");
    }
}

/// A journal holding a note and a bookmark dated in the year 9999.
fn from_the_future() -> Journal {
    let far: Timestamp = "9999-01-01T00:00:00Z".parse().expect("a date");
    let mut disk = Journal::new();
    let future = Note {
        text: "dated 9999".into(),
        created: far,
        changed: far,
        ..Note::default()
    };
    disk.records.notes.insert("x".into(), future);
    let bookmark = Bookmark {
        added: far,
        ..Bookmark::default()
    };
    disk.records.bookmarks.insert("x".into(), bookmark);
    disk
}

#[test]
fn a_note_dated_in_the_future_never_freezes() {
    let mut disk = from_the_future();
    let mut a = Session::new("A");
    a.saw(&disk);
    a.set_note("x", "my latest edit", ts(10));
    assert_eq!(
        disk.with_pending(&a).records.notes["x"].text,
        "my latest edit",
        "shown"
    );
    save(&mut disk, &mut a);
    assert_eq!(disk.records.notes["x"].text, "my latest edit", "on disk");
    let aside: Vec<&str> = disk
        .records
        .superseded_notes
        .iter()
        .map(|k| k.text.as_str())
        .collect();
    assert_eq!(
        aside,
        ["dated 9999"],
        "the old text is kept, not brought back"
    );
    a.set_note("x", "and again", ts(20));
    save(&mut disk, &mut a);
    assert_eq!(disk.records.notes["x"].text, "and again");
    assert_eq!(disk.records.superseded_notes.len(), 1);
    // A copy that never saw the dated note still wins over it, keeping both.
    let mut disk = from_the_future();
    let mut b = Session::new("B");
    b.set_note("x", "unaware", ts(30));
    save(&mut disk, &mut b);
    assert_eq!(disk.records.notes["x"].text, "unaware");
    assert_eq!(disk.records.superseded_notes[0].text, "dated 9999");
}

#[test]
fn a_bookmark_dated_in_the_future_can_be_removed_and_relabelled() {
    let mut disk = from_the_future();
    let mut a = Session::new("A");
    a.remove_bookmark("x", ts(10));
    assert!(
        disk.with_pending(&a).records.bookmarks.is_empty(),
        "shown removed"
    );
    save(&mut disk, &mut a);
    assert!(disk.records.bookmarks.is_empty(), "and removed on disk");
    let mut disk = from_the_future();
    a.set_bookmark("x", Some("mine".into()), ts(20));
    save(&mut disk, &mut a);
    assert_eq!(disk.records.bookmarks["x"].label.as_deref(), Some("mine"));
    // A bookmark set only a little later (a clock a few minutes apart) still wins.
    a.set_bookmark("y", Some("later".into()), ts(600));
    save(&mut disk, &mut a);
    a.remove_bookmark("y", ts(300));
    save(&mut disk, &mut a);
    assert!(disk.records.bookmarks.contains_key("y"));
}
