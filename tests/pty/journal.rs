//! The reading journal end to end: the real binary in a pseudo-terminal,
//! reading, quitting in every way, and coming back.

use crate::common;

use common::{Pty, wait_for_file};
use std::path::Path;

/// Sections count as read after 0.2 s, so tests stay quick.
const FAST: (&str, &str) = ("ALLYSHIP_MIN_READ_SECS", "0.2");

fn start_in(dir: &Path) -> Pty {
    start_with(dir, FAST)
}

fn start_with(dir: &Path, min_read: (&str, &str)) -> Pty {
    let dir = dir.to_str().expect("utf-8 temp path");
    let pty = Pty::spawn(&[], &[min_read, ("ALLYSHIP_DATA_DIR", dir)], 80, 24);
    pty.wait_for("Allyship toolkit");
    pty
}

fn journal_text(dir: &Path, what: &str, ready: impl Fn(&str) -> bool) -> String {
    wait_for_file(&dir.join("journal.json"), what, ready)
}

#[test]
fn a_section_read_in_one_run_is_revisited_in_the_next() {
    let dir = tempfile::tempdir().unwrap();
    let mut first = start_in(dir.path());
    journal_text(dir.path(), "the first section read", |t| {
        t.contains("\"welcome\"")
    });
    first.wait_until("the contents mark it read", |s| s.contains("✓ Why this"));
    first.send("q");
    assert_eq!(first.wait_exit(), 0);

    let second = start_in(dir.path());
    second.wait_for("Welcome back: continuing at 1.");
    second.wait_until("the contents mark it revisited", |s| {
        s.contains("↺ Why this")
    });
    let text = journal_text(dir.path(), "a second session", |t| {
        t.contains("\"sessions\": 2")
    });
    assert!(text.contains("\"version\": 1"), "{text}");
}

#[test]
fn the_journal_view_opens_with_j_and_enter_opens_a_section() {
    let dir = tempfile::tempdir().unwrap();
    let mut pty = start_in(dir.path());
    journal_text(dir.path(), "the first section read", |t| {
        t.contains("\"welcome\"")
    });
    pty.send("J");
    let count = common::section_count();
    pty.wait_for(&format!("1 of {count} read, 0 revisited"));
    // Section 1 was read minutes ago: it is not suggested for revisiting
    // today, so the first row that opens a section is the first part's gauge.
    assert!(!pty.screen().contains("Revisit next"), "{}", pty.screen());
    pty.send("\x1b[B"); // Down: the second part's gauge row
    pty.send("\r");
    pty.wait_for(&format!("Section 4 of {count}"));
    pty.send("q");
    assert_eq!(pty.wait_exit(), 0);
}

#[cfg(unix)]
fn signal(pty: &Pty, name: &str) {
    let status = std::process::Command::new("kill")
        .args([format!("-{name}"), pty.pid().to_string()])
        .status()
        .expect("run kill");
    assert!(status.success());
}

#[cfg(unix)]
#[test]
fn sigterm_and_sighup_save_the_place_and_restore_the_terminal() {
    for name in ["TERM", "HUP"] {
        let dir = tempfile::tempdir().unwrap();
        // Nothing counts as read in this test, so only the exit saves.
        let mut pty = start_with(dir.path(), ("ALLYSHIP_MIN_READ_SECS", "600"));
        pty.send("\x1b[C\x1b[C"); // Right, Right: section 3
        pty.wait_for(&format!("Section 3 of {}", common::section_count()));
        signal(&pty, name);
        pty.wait_exit();
        assert!(
            !pty.alternate_screen(),
            "SIG{name} left the alternate screen on"
        );
        let text = journal_text(dir.path(), "the position", |t| t.contains("\"position\""));
        assert!(
            text.contains("allyship-and-care-values"),
            "SIG{name}: {text}"
        );
    }
}

#[test]
fn a_broken_journal_is_kept_aside_and_the_app_starts_fresh() {
    let dir = tempfile::tempdir().unwrap();
    let garbage = b"{\"version\": 1, \"sections\": {\0\0\0 truncated";
    std::fs::write(dir.path().join("journal.json"), garbage).unwrap();
    let mut pty = start_in(dir.path());
    pty.wait_for("could not be read, so it was kept at");
    let moved: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .filter_map(Result::ok)
        .filter(|e| {
            e.file_name()
                .to_string_lossy()
                .starts_with("journal.json.broken-")
        })
        .collect();
    assert_eq!(moved.len(), 1);
    assert_eq!(std::fs::read(moved[0].path()).unwrap(), garbage);
    pty.send("q");
    assert_eq!(pty.wait_exit(), 0);
}

#[test]
fn an_unusable_data_directory_still_lets_the_app_run() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("a-file");
    std::fs::write(&file, "not a directory").unwrap();
    let mut pty = start_in(&file.join("data"));
    pty.wait_for("Progress can't be kept");
    pty.send("\x1b[C");
    pty.wait_for(&format!("Section 2 of {}", common::section_count()));
    pty.send("q");
    assert_eq!(pty.wait_exit(), 0);
    assert_eq!(std::fs::read_to_string(&file).unwrap(), "not a directory");
}

#[test]
fn a_note_with_q_and_unicode_survives_a_restart_and_reaches_the_export() {
    let dir = tempfile::tempdir().unwrap();
    let mut first = start_in(dir.path());
    first.send("e");
    first.wait_for("Your note");
    first.send("quietly, I will ask: “how can I help?” 😀");
    first.wait_for("quietly, I will ask");
    first.send_esc();
    first.wait_for("Note saved.");
    first.wait_until("the contents mark the note", |s| s.contains("✎"));
    first.send("q");
    assert_eq!(first.wait_exit(), 0);

    let mut second = start_in(dir.path());
    second.send("R");
    second.wait_for("My notes");
    second.wait_for("quietly, I will ask");
    second.send("\r");
    second.wait_for("“how can I help?” 😀");
    second.send_esc();
    second.send("q");
    assert_eq!(second.wait_exit(), 0);

    let export = crate::common::commands::allyship(dir.path())
        .args(["export", "--format", "markdown"])
        .output()
        .unwrap();
    let markdown = String::from_utf8(export.stdout).unwrap();
    assert!(
        markdown.contains("quietly, I will ask: “how can I help?” 😀"),
        "{markdown}"
    );
}

#[cfg(unix)]
#[test]
fn sighup_with_a_note_half_typed_keeps_it() {
    let dir = tempfile::tempdir().unwrap();
    let mut pty = start_with(dir.path(), ("ALLYSHIP_MIN_READ_SECS", "600"));
    pty.send("e");
    pty.wait_for("Your note");
    pty.send("half a thought");
    pty.wait_for("half a thought");
    signal(&pty, "HUP");
    pty.wait_exit();
    let text = journal_text(dir.path(), "the note", |t| t.contains("half a thought"));
    assert!(text.contains("\"notes\""), "{text}");
}

/// One copy's turn: open section `number`, bookmark it and write a note on it.
fn read_bookmark_and_note(pty: &mut Pty, number: usize, note: &str) {
    pty.send(&format!("{number}\r"));
    pty.wait_for(&format!("Section {number} of {}", common::section_count()));
    // Read first (0.2 s on screen here): the contents mark it, so the read
    // is this copy's to save, however slow the machine is.
    pty.wait_for(&format!("▶{number:>2} ✓"));
    pty.send("b");
    pty.wait_for("Bookmarked");
    pty.send("e");
    pty.wait_for("Your note");
    pty.send(note);
    pty.wait_for(note);
    pty.send_esc();
    pty.wait_for("Note saved.");
}

#[test]
fn two_copies_saving_in_turn_lose_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let mut one = start_in(dir.path());
    let mut two = start_in(dir.path());
    let ids: Vec<String> = allyship::toolkit::content::built_in()
        .entries()
        .map(|entry| entry.section.id.clone())
        .collect();
    // Four rounds: each copy reads, bookmarks and writes a note on its own
    // section, each step a save merged into what the other copy saved.
    let mut expected = Vec::new();
    for round in 0..4 {
        for (name, number) in [("one", 3 + 2 * round), ("two", 20 + 2 * round)] {
            let pty = if name == "one" { &mut one } else { &mut two };
            let note = format!("copy {name}, round {round}");
            read_bookmark_and_note(pty, number, &note);
            expected.push((ids[number - 1].clone(), note));
        }
    }
    one.send("q");
    two.send("q");
    assert_eq!(one.wait_exit(), 0);
    assert_eq!(two.wait_exit(), 0);
    let text = journal_text(dir.path(), "everything", |t| t.contains("\"bookmarks\""));
    let journal: allyship::journal::record::Journal = serde_json::from_str(&text).unwrap();
    for (id, note) in &expected {
        assert!(
            journal.records.sections.contains_key(id),
            "lost the read of {id}"
        );
        assert!(
            journal.records.bookmarks.contains_key(id),
            "lost the bookmark on {id}"
        );
        let kept = journal.records.notes.get(id).map(|n| n.text.as_str());
        assert_eq!(kept, Some(note.as_str()), "the note on {id}");
    }
    assert_eq!(journal.records.bookmarks.len(), 8);
    assert_eq!(journal.records.notes.len(), 8);
}

#[test]
fn a_choice_made_with_c_is_saved_shown_and_back_next_time() {
    let dir = tempfile::tempdir().unwrap();
    let mut pty = start_in(dir.path());
    pty.send(&format!(
        "{}\r",
        common::number_of("scenario-joke-in-a-meeting")
    ));
    pty.wait_for("Press c to choose");
    pty.send("c");
    pty.wait_for("Choose an option");
    pty.send("\x1b[B"); // Down
    pty.send("\r");
    pty.wait_for("Your choice and its feedback");
    let text = journal_text(dir.path(), "the choice", |t| t.contains("\"choices\""));
    assert!(text.contains("\"scenario-joke-in-a-meeting\""), "{text}");
    assert!(text.contains("\"option\": 2"), "{text}");
    pty.send("q");
    assert_eq!(pty.wait_exit(), 0);

    let mut again = start_in(dir.path());
    again.wait_for(&format!(
        "Welcome back: continuing at {}.",
        common::number_of("scenario-joke-in-a-meeting")
    ));
    again.send("g");
    again.wait_until("the choice shown again", |s| {
        s.contains("▸ 2. Speak to the colleague")
    });
    again.send("q");
    assert_eq!(again.wait_exit(), 0);
}
