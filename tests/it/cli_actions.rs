//! Everything without the app (issue 13): `mark-read`, `note` and
//! `bookmark` change the journal as the app would, and `list`, `read`,
//! `notes` and `journal` give it back as JSON, run as the real binary with
//! standard input piped as a script's or a screen reader's would be.

use crate::common;

use common::commands::{ok, run, run_with, text};

use std::process::Output;
use std::time::{Duration, Instant};

/// Asserts a failure with `code`, nothing on stdout and `words` on stderr.
#[track_caller]
fn fails(out: &Output, code: i32, words: &str) {
    let err = text(&out.stderr);
    assert_eq!(out.status.code(), Some(code), "stderr: {err}");
    assert!(err.contains(words), "{words:?} not in: {err}");
    assert!(out.stdout.is_empty(), "stdout: {}", text(&out.stdout));
}

fn json(out: &Output) -> serde_json::Value {
    serde_json::from_str(&ok(out)).expect("JSON")
}

#[test]
fn mark_read_counts_reads_and_revisits_as_the_app_does() {
    let dir = tempfile::tempdir().unwrap();
    let first = ok(&run(dir.path(), &["mark-read", "1", "tip-speak-up"]));
    assert!(first.starts_with("Marked 2 sections as read:\n"), "{first}");
    assert!(
        first.contains("(welcome): read for the first time"),
        "{first}"
    );
    // Run again at once: the same sitting, not a revisit.
    let soon = ok(&run(dir.path(), &["mark-read", "welcome"]));
    assert!(
        soon.contains("(welcome): read again within the hour"),
        "{soon}"
    );
    // As if the first run were two hours ago.
    let path = dir.path().join("journal.json");
    let mut file: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    let earlier = (jiff::Timestamp::now() - jiff::SignedDuration::from_hours(2)).to_string();
    for record in file["sections"].as_object_mut().unwrap().values_mut() {
        record["first_read"] = earlier.clone().into();
        record["last_read"] = earlier.clone().into();
    }
    std::fs::write(&path, file.to_string()).unwrap();
    let again = ok(&run(dir.path(), &["mark-read", "welcome"]));
    assert!(
        again.contains("Marked 1 section as read:\n  1. Why this toolkit exists (welcome): revisited (read in 2 sessions)"),
        "{again}"
    );
    let journal = json(&run(dir.path(), &["journal", "--json"]));
    assert_eq!(journal["read"], 2);
    assert_eq!(journal["revisited"], 1);
    let welcome = &journal["sections"]["welcome"];
    assert_eq!(welcome["revisited"], true);
    assert_eq!(welcome["sessions"], 2);
    assert!(welcome["first_read"].is_string() && welcome["last_read"].is_string());
    assert_eq!(journal["sections"]["tip-speak-up"]["status"], "read");
    assert_eq!(journal["sections"]["tip-check-in"]["read"], false);
    let list = ok(&run(dir.path(), &["list"]));
    assert!(list.contains("  1. ↺ Why this toolkit exists"), "{list}");
}

#[test]
fn an_unknown_section_changes_nothing_for_any_command() {
    let dir = tempfile::tempdir().unwrap();
    let past_the_end = (common::section_count() + 1).to_string();
    for args in [
        &["mark-read", "welcome", "no-such-section"][..],
        &["note", "no-such-section"],
        &["note", "0", "--remove"],
        &["bookmark", "tip-speek-up"],
        &["read", &past_the_end, "--json"],
    ] {
        let out = run_with(dir.path(), args, "words");
        fails(&out, 2, "There is no section");
        assert!(text(&out.stderr).contains("allyship list"), "{args:?}");
    }
    let out = run(dir.path(), &["bookmark", "tip-speek-up"]);
    assert!(text(&out.stderr).contains("Did you mean: tip-speak-up"));
    assert!(!dir.path().join("journal.json").exists(), "nothing written");
}

#[test]
fn a_note_goes_in_from_stdin_and_comes_back_from_notes_json() {
    let dir = tempfile::tempdir().unwrap();
    let written = "I will ask before I help.\nAnd listen first.\n";
    let out = run_with(dir.path(), &["note", "tip-check-in"], written);
    let said = ok(&out);
    assert!(said.starts_with("Saved your note on "), "{said}");
    assert!(said.contains("(tip-check-in) (2 lines)"), "{said}");
    assert!(
        out.stderr.is_empty(),
        "no prompts into a pipe: {}",
        text(&out.stderr)
    );
    let notes = json(&run(dir.path(), &["notes", "--json"]));
    let note = &notes["notes"]["tip-check-in"];
    assert_eq!(note["text"], "I will ask before I help.\nAnd listen first.");
    assert_eq!(note["edits"], 1);
    assert!(note["number"].is_u64() && note["created"].is_string());
    assert_eq!(notes["also_kept"], serde_json::json!([]));
    let list = json(&run(dir.path(), &["list", "--json"]));
    let entry = list["sections"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["id"] == "tip-check-in")
        .unwrap();
    assert_eq!(entry["note"], true);
    assert_eq!(entry["status"], "unread", "writing a note is not reading");
    let plain = ok(&run(dir.path(), &["list"]));
    assert!(plain.contains(". · ✎ "), "{plain}");
    assert!(plain.contains("✎ has a note"), "{plain}");
}

#[test]
fn empty_stdin_never_erases_a_note() {
    let dir = tempfile::tempdir().unwrap();
    ok(&run_with(dir.path(), &["note", "1"], "keep me"));
    for args in [&["note", "1", "--replace"][..], &["note", "1", "--append"]] {
        fails(&run_with(dir.path(), args, "\n\n"), 1, "the note was empty");
    }
    let out = run_with(dir.path(), &["note", "2"], "");
    fails(&out, 1, "Nothing was saved: the note was empty");
    let notes = json(&run(dir.path(), &["notes", "--json"]));
    assert_eq!(notes["notes"]["welcome"]["text"], "keep me");
    assert!(notes["notes"].get("using-this-toolkit").is_none());
}

#[test]
fn an_existing_note_needs_append_or_replace_and_replace_keeps_the_old() {
    let dir = tempfile::tempdir().unwrap();
    ok(&run_with(dir.path(), &["note", "1"], "first"));
    let out = run_with(dir.path(), &["note", "1"], "second");
    fails(&out, 1, "already has a note");
    assert!(text(&out.stderr).contains("--append"));
    ok(&run_with(dir.path(), &["note", "1", "--append"], "second"));
    let said = ok(&run_with(dir.path(), &["note", "1", "--replace"], "third"));
    assert!(said.contains("The old text is kept"), "{said}");
    let notes = json(&run(dir.path(), &["notes", "--json"]));
    assert_eq!(notes["notes"]["welcome"]["text"], "third");
    assert_eq!(notes["also_kept"][0]["section"], "welcome");
    assert_eq!(notes["also_kept"][0]["text"], "first\n\nsecond");
    let plain = ok(&run(dir.path(), &["notes"]));
    assert!(plain.contains("Also kept (1)"), "{plain}");
    let conflicting = run(dir.path(), &["note", "1", "--append", "--remove"]);
    assert_eq!(conflicting.status.code(), Some(2), "clap refuses both");
}

#[test]
fn note_remove_prints_what_it_removed() {
    let dir = tempfile::tempdir().unwrap();
    ok(&run_with(
        dir.path(),
        &["note", "3"],
        "gone soon\nsecond line",
    ));
    let said = ok(&run(dir.path(), &["note", "3", "--remove"]));
    assert!(said.starts_with("Removed your note on 3. "), "{said}");
    assert!(
        said.ends_with("It said:\n  gone soon\n  second line\n"),
        "{said}"
    );
    let notes = json(&run(dir.path(), &["notes", "--json"]));
    assert_eq!(notes["notes"], serde_json::json!({}));
    let again = ok(&run(dir.path(), &["note", "3", "--remove"]));
    assert!(
        again.contains("has no note; nothing was removed"),
        "{again}"
    );
}

#[test]
fn bookmarks_are_added_labelled_and_removed() {
    let dir = tempfile::tempdir().unwrap();
    let n = crate::common::number_of("tip-listen-actively");
    let id = n.to_string();
    let said = ok(&run(
        dir.path(),
        &["bookmark", &id, "--label", "for supervision"],
    ));
    assert!(said.starts_with(&format!("Bookmarked {n}. ")), "{said}");
    let marks = json(&run(dir.path(), &["bookmarks", "--json"]));
    assert_eq!(marks[0]["number"], n);
    assert_eq!(marks[0]["label"], "for supervision");
    assert_eq!(
        marks[0]["title"], "Listen actively and without judgement",
        "the title alone: the number has its own key"
    );
    let list = ok(&run(dir.path(), &["list"]));
    assert!(list.contains(&format!(" {n}. · ★ ")), "{list}");
    assert!(list.contains("★ bookmarked"), "{list}");
    let listed = json(&run(dir.path(), &["list", "--json"]));
    assert_eq!(listed["sections"][n - 1]["bookmarked"], true);
    assert_eq!(listed["sections"][n - 1]["label"], "for supervision");
    ok(&run(dir.path(), &["bookmark", &id, "--label", ""]));
    let marks = json(&run(dir.path(), &["bookmarks", "--json"]));
    assert!(marks[0]["label"].is_null(), "{marks}");
    let long = "x".repeat(61);
    fails(
        &run(dir.path(), &["bookmark", &id, "--label", &long]),
        1,
        "at most 60",
    );
    let said = ok(&run(dir.path(), &["bookmark", &id, "--remove"]));
    assert!(
        said.starts_with(&format!("Removed the bookmark on {n}. ")),
        "{said}"
    );
    assert_eq!(
        json(&run(dir.path(), &["bookmarks", "--json"])),
        serde_json::json!([])
    );
}

#[test]
fn a_journal_from_a_newer_version_is_never_written() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("journal.json");
    let newer = r#"{"version": 99, "notes": {"welcome": {"text": "from the future",
        "created": "2026-01-01T10:00:00Z", "changed": "2026-01-01T10:00:00Z"}}}"#;
    std::fs::write(&path, newer).unwrap();
    for args in [
        &["mark-read", "1"][..],
        &["note", "2"],
        &["note", "1", "--replace"],
        &["note", "1", "--remove"],
        &["bookmark", "1"],
        &["bookmark", "1", "--remove"],
    ] {
        let out = run_with(dir.path(), args, "words");
        fails(
            &out,
            1,
            "Nothing was changed: your journal was made by a newer version",
        );
        assert_eq!(text(&out.stderr).lines().count(), 1, "{args:?}");
    }
    assert_eq!(std::fs::read_to_string(&path).unwrap(), newer);
    let notes = json(&run(dir.path(), &["notes", "--json"]));
    assert_eq!(notes["notes"]["welcome"]["text"], "from the future");
}

#[test]
fn a_folder_that_cannot_be_written_is_an_error() {
    let root = tempfile::tempdir().unwrap();
    // Under a plain file: no folder can be made there, even by root.
    let file = root.path().join("a-file");
    std::fs::write(&file, "x").unwrap();
    let dir = file.join("data");
    for args in [&["mark-read", "1"][..], &["note", "1"], &["bookmark", "1"]] {
        let out = run_with(&dir, args, "words");
        fails(&out, 1, "Nothing was changed:");
        assert!(
            text(&out.stderr).contains("can't be used"),
            "{}",
            text(&out.stderr)
        );
    }
    assert_eq!(std::fs::read_to_string(&file).unwrap(), "x");
}

#[test]
fn list_and_notes_json_fail_on_a_journal_that_cannot_be_read() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("journal.json")).unwrap();
    for args in [&["list", "--json"][..], &["notes", "--json"]] {
        fails(&run(dir.path(), args), 1, "journal.json");
    }
}

#[test]
fn read_json_is_the_section_as_the_toolkit_file_holds_it() {
    let dir = tempfile::tempdir().unwrap();
    let section = json(&run(dir.path(), &["read", "tip-speak-up", "--json"]));
    assert_eq!(section["id"], "tip-speak-up");
    assert_eq!(section["part"]["id"], "top-tips");
    assert!(section["blocks"].as_array().is_some_and(|b| !b.is_empty()));
    assert!(section["reflect"].as_array().is_some_and(|r| !r.is_empty()));
    let all = json(&run(dir.path(), &["read", "--all", "--json"]));
    let sections = all["sections"].as_array().unwrap();
    assert_eq!(
        sections[section["number"].as_u64().unwrap() as usize - 1],
        section
    );
    let scenario = json(&run(
        dir.path(),
        &["read", "scenario-joke-in-a-meeting", "--json"],
    ));
    assert!(scenario["choice"]["options"][0].get("feedback").is_none());
    let answered = run(
        dir.path(),
        &["read", "scenario-joke-in-a-meeting", "--json", "--answers"],
    );
    assert!(json(&answered)["choice"]["options"][0]["feedback"].is_string());
}

#[test]
fn writes_wait_for_the_lock_and_then_save() {
    let dir = tempfile::tempdir().unwrap();
    let lock = std::fs::File::create(dir.path().join("journal.lock")).unwrap();
    lock.lock().expect("the test holds the lock");
    let start = |args: &[&str], input: &'static str| {
        let data = dir.path().to_path_buf();
        let args: Vec<String> = args.iter().map(|a| a.to_string()).collect();
        std::thread::spawn(move || {
            let args: Vec<&str> = args.iter().map(String::as_str).collect();
            run_with(&data, &args, input)
        })
    };
    let runs = [
        start(&["mark-read", "1"], ""),
        start(&["note", "2"], "waited"),
        start(&["bookmark", "3"], ""),
    ];
    std::thread::sleep(Duration::from_millis(2000));
    assert!(
        !dir.path().join("journal.json").exists(),
        "nothing may be written while another copy holds the lock"
    );
    let released = Instant::now();
    drop(lock);
    for run in runs {
        let out = run.join().unwrap();
        ok(&out);
        assert!(text(&out.stderr).contains("Waiting for another copy"));
    }
    assert!(released.elapsed() < Duration::from_secs(5));
    let journal = json(&run(dir.path(), &["journal", "--json"]));
    assert_eq!(journal["sections"]["welcome"]["read"], true);
    let notes = json(&run(dir.path(), &["notes", "--json"]));
    assert_eq!(notes["notes"]["using-this-toolkit"]["text"], "waited");
    let marks = json(&run(dir.path(), &["bookmarks", "--json"]));
    assert_eq!(marks[0]["id"], "allyship-and-care-values");
}

#[cfg(unix)]
#[test]
fn a_person_typing_at_the_terminal_sees_the_prompts_and_ctrl_d_saves() {
    let mut pty = common::Pty::spawn(&["note", "tip-check-in"], &[], 100, 30);
    let screen = pty.wait_for("Ctrl-D");
    assert!(screen.contains("Your note on "), "{screen}");
    assert!(screen.contains("Reflect:"), "{screen}");
    assert!(screen.contains("  ? "), "the prompts are shown: {screen}");
    pty.send("I will ask first.\rThen listen.\r");
    pty.send("\x04");
    assert_eq!(pty.wait_exit(), 0, "{}", pty.screen());
    let screen = pty.screen();
    assert!(screen.contains("Saved your note on "), "{screen}");
    let notes = json(&run(pty.data_dir(), &["notes", "--json"]));
    assert_eq!(
        notes["notes"]["tip-check-in"]["text"],
        "I will ask first.\nThen listen."
    );
}
