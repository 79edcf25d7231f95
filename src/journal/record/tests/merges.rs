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
    assert_eq!(disk.notes["x"].text, "three");
    assert_eq!(disk.notes["x"].edits, 3);
    assert!(
        disk.superseded_notes.is_empty(),
        "{:?}",
        disk.superseded_notes
    );
}

#[test]
fn more_edits_win_over_a_clock_that_ran_ahead_and_both_are_kept() {
    // The office computer's clock is an hour ahead: its older version says 3600.
    let mut disk = Journal::new();
    let mut office = Session::new("office");
    office.set_note("x", "office text", ts(3_600));
    save(&mut disk, &mut office);
    // The laptop saw that version and edited it, at a true (earlier-looking) time.
    let mut laptop_disk = disk.clone();
    let mut laptop = Session::new("laptop");
    laptop.saw(&laptop_disk);
    laptop.set_note("x", "laptop text, after reading the office one", ts(60));
    save(&mut laptop_disk, &mut laptop);
    // The laptop's journal is imported at the office: the later-looking
    // office text is the older version, and the count says so.
    let laptop_note = laptop_disk.notes["x"].clone();
    assert_eq!(
        disk.merge_note("x", &laptop_note, ts(4_000)),
        NoteMerge::Updated
    );
    assert_eq!(disk.notes["x"].text, laptop_note.text, "two edits beat one");
    let aside: Vec<&str> = disk
        .superseded_notes
        .iter()
        .map(|k| k.text.as_str())
        .collect();
    assert_eq!(aside, ["office text"], "and the other is kept");
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
    disk.notes.insert("x".into(), future);
    let bookmark = Bookmark {
        added: far,
        ..Bookmark::default()
    };
    disk.bookmarks.insert("x".into(), bookmark);
    disk
}

#[test]
fn a_note_dated_in_the_future_never_freezes() {
    let mut disk = from_the_future();
    let mut a = Session::new("A");
    a.saw(&disk);
    a.set_note("x", "my latest edit", ts(10));
    assert_eq!(
        disk.with_pending(&a).notes["x"].text,
        "my latest edit",
        "shown"
    );
    save(&mut disk, &mut a);
    assert_eq!(disk.notes["x"].text, "my latest edit", "on disk");
    let aside: Vec<&str> = disk
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
    assert_eq!(disk.notes["x"].text, "and again");
    assert_eq!(disk.superseded_notes.len(), 1);
    // A copy that never saw the dated note still wins over it, keeping both.
    let mut disk = from_the_future();
    let mut b = Session::new("B");
    b.set_note("x", "unaware", ts(30));
    save(&mut disk, &mut b);
    assert_eq!(disk.notes["x"].text, "unaware");
    assert_eq!(disk.superseded_notes[0].text, "dated 9999");
}

#[test]
fn a_bookmark_dated_in_the_future_can_be_removed_and_relabelled() {
    let mut disk = from_the_future();
    let mut a = Session::new("A");
    a.remove_bookmark("x", ts(10));
    assert!(disk.with_pending(&a).bookmarks.is_empty(), "shown removed");
    save(&mut disk, &mut a);
    assert!(disk.bookmarks.is_empty(), "and removed on disk");
    let mut disk = from_the_future();
    a.set_bookmark("x", Some("mine".into()), ts(20));
    save(&mut disk, &mut a);
    assert_eq!(disk.bookmarks["x"].label.as_deref(), Some("mine"));
    // A bookmark set only a little later (a clock a few minutes apart) still wins.
    a.set_bookmark("y", Some("later".into()), ts(600));
    save(&mut disk, &mut a);
    a.remove_bookmark("y", ts(300));
    save(&mut disk, &mut a);
    assert!(disk.bookmarks.contains_key("y"));
}
