//! The plain route for commitments, run as the real binary: `commit`,
//! `commitments` (plain and JSON) and `check-in` (text or standard input),
//! what they say in words, and their failures (non-zero, one clear line,
//! nothing kept).

use crate::common;

use common::commands::{ok, run, run_with, text};
use std::path::Path;
use std::process::Output;

/// Asserts a failure with `code`, one line containing `words`, no output.
#[track_caller]
fn assert_fails_with(out: &Output, code: i32, words: &str) {
    let err = text(&out.stderr);
    assert_eq!(out.status.code(), Some(code), "stderr: {err}");
    assert!(err.contains(words), "{words:?} not in: {err}");
    assert_eq!(err.trim_end().lines().count(), 1, "one line: {err}");
    assert!(out.stdout.is_empty(), "stdout: {}", text(&out.stdout));
}

fn journal_text(dir: &Path) -> String {
    std::fs::read_to_string(dir.join("journal.json")).unwrap_or_default()
}

#[test]
fn commit_list_and_check_in_by_text_and_standard_input() {
    let dir = tempfile::tempdir().unwrap();
    let none = ok(&run(dir.path(), &["commitments"]));
    assert!(none.starts_with("No commitments yet"), "{none}");
    assert_eq!(ok(&run(dir.path(), &["commitments", "--json"])), "[]\n");

    let made = ok(&run(
        dir.path(),
        &[
            "commit",
            "I will ask how to say",
            "a name",
            "--section",
            "tip-listen-actively",
        ],
    ));
    assert!(
        made.starts_with("Kept, as number 1: I will ask how to say a name\n"),
        "{made}"
    );
    let from = format!(
        "From {}. Listen actively",
        common::number_of("tip-listen-actively")
    );
    assert!(made.contains(&from), "{made}");
    assert!(
        made.contains("(in 14 days) the app will ask how it went"),
        "{made}"
    );
    let soon = ok(&run(
        dir.path(),
        &["commit", "I will speak up", "--review-in", "1"],
    ));
    assert!(soon.contains("(tomorrow)"), "{soon}");
    assert!(soon.contains("allyship check-in 2 "), "{soon}");

    let listed = ok(&run(dir.path(), &["commitments"]));
    assert!(
        listed.starts_with("Your commitments (2): 2 open\n"),
        "{listed}"
    );
    assert!(
        listed.contains("\n1. I will ask how to say a name\n"),
        "{listed}"
    );
    assert!(listed.contains(" · open: review on "), "{listed}");

    let answered = ok(&run(dir.path(), &["check-in", "1", "It went well"]));
    assert!(answered.contains("(1 check-in so far)"), "{answered}");
    let again = ok(&run_with(
        dir.path(),
        &["check-in", "1"],
        "Asked Ngozi first.\nShe was glad.\n",
    ));
    assert!(again.contains("(2 check-ins so far)"), "{again}");

    let listed = ok(&run(dir.path(), &["commitments"]));
    assert!(
        listed.starts_with("Your commitments (2): 1 answered, 1 open\n"),
        "{listed}"
    );
    assert!(
        listed.contains("     Asked Ngozi first.\n     She was glad.\n"),
        "each line of an answer is kept: {listed}"
    );
    let json: serde_json::Value =
        serde_json::from_str(&ok(&run(dir.path(), &["commitments", "--json"]))).unwrap();
    assert_eq!(json[0]["number"], 1);
    assert_eq!(json[0]["status"], "answered");
    assert_eq!(json[0]["section"], "tip-listen-actively");
    assert_eq!(
        json[0]["check_ins"][1]["text"],
        "Asked Ngozi first.\nShe was glad."
    );
    assert_eq!(json[1]["status"], "open");
    assert!(json[1]["section"].is_null());

    let record = ok(&run(dir.path(), &["export"]));
    assert!(
        record.contains("- I will ask how to say a name\n  From Listen actively"),
        "{record}"
    );
    assert!(
        record.contains(": Asked Ngozi first. She was glad.\n"),
        "{record}"
    );
}

/// A journal as an older copy of the app left it, with commitments made
/// long ago: one due, one let go.
fn journal_with_old_commitments(dir: &Path) {
    std::fs::create_dir_all(dir).unwrap();
    let journal = r#"{"version": 1,
      "commitments": {
        "1": {"text": "I will listen first", "made_at": "2025-01-01T12:00:00Z",
              "review_on": "2025-01-15"},
        "2": {"text": "I will read a blog", "made_at": "2025-01-02T12:00:00Z",
              "review_on": "2025-01-16", "let_go": "2025-01-20T12:00:00Z"}}}"#;
    std::fs::write(dir.join("journal.json"), journal).unwrap();
}

#[test]
fn due_and_let_go_are_said_in_words() {
    let dir = tempfile::tempdir().unwrap();
    journal_with_old_commitments(dir.path());
    let listed = ok(&run(dir.path(), &["commitments"]));
    assert!(
        listed.starts_with("Your commitments (2): 1 due, 1 let go\n"),
        "{listed}"
    );
    assert!(
        listed.contains(" · due: its review day, Wed 15 Jan 2025, has come; say how it went\n"),
        "{listed}"
    );
    assert!(
        listed.contains(" · let go on Mon 20 Jan 2025\n"),
        "{listed}"
    );
    // A let-go commitment still takes an answer; its words stay.
    ok(&run(dir.path(), &["check-in", "2", "Read two in the end"]));
    let json: serde_json::Value =
        serde_json::from_str(&ok(&run(dir.path(), &["commitments", "--json"]))).unwrap();
    assert_eq!(json[0]["status"], "due");
    assert_eq!(json[1]["status"], "let go");
    assert_eq!(json[1]["text"], "I will read a blog");
    assert_eq!(json[1]["check_ins"][0]["text"], "Read two in the end");
}

#[test]
fn the_journal_says_what_is_due_and_lists_the_commitments() {
    let dir = tempfile::tempdir().unwrap();
    journal_with_old_commitments(dir.path());
    let journal = ok(&run(dir.path(), &["journal"]));
    assert!(
        journal.contains("\nCommitments (2)\n  1 commitment is due: say how it went with allyship check-in NUMBER"),
        "{journal}"
    );
    assert!(
        journal.contains("\n  Due: 1. I will listen first\n"),
        "{journal}"
    );
    assert!(
        journal.contains("\n  2. I will read a blog: let go on Mon 20 Jan 2025\n"),
        "{journal}"
    );
    assert!(
        journal
            .trim_end()
            .lines()
            .last()
            .unwrap()
            .starts_with("Your journal is kept at "),
        "{journal}"
    );
}

#[test]
fn a_plain_commitment_starts_i_will_and_one_can_be_removed() {
    let dir = tempfile::tempdir().unwrap();
    let made = ok(&run(dir.path(), &["commit", "Ask how to say a name"]));
    assert!(
        made.starts_with("Kept, as number 1: I will ask how to say a name\n"),
        "{made}"
    );
    ok(&run(dir.path(), &["commit", "I will read a blog"]));
    ok(&run(dir.path(), &["check-in", "1", "Asked Ngozi"]));
    let removed = ok(&run(dir.path(), &["commitments", "--remove", "1"]));
    assert!(
        removed.starts_with("Removed commitment 1. It said: I will ask how to say a name\n"),
        "{removed}"
    );
    assert!(
        removed.contains("    Asked Ngozi\n"),
        "its check-ins are printed: {removed}"
    );
    let listed = ok(&run(dir.path(), &["commitments"]));
    assert!(
        listed.starts_with("Your commitments (1): 1 open\n"),
        "{listed}"
    );
    assert!(listed.contains("1. I will read a blog\n"), "{listed}");
    assert!(!journal_text(dir.path()).contains("how to say a name"));
    let missing = run(dir.path(), &["commitments", "--remove", "5"]);
    assert_eq!(missing.status.code(), Some(2));
}

#[test]
fn failures_say_why_and_keep_nothing() {
    let dir = tempfile::tempdir().unwrap();
    assert_fails_with(
        &run(dir.path(), &["commit", "  "]),
        1,
        "write what you will do",
    );
    assert_fails_with(
        &run(
            dir.path(),
            &["commit", "I will", "--section", "tip-speek-up"],
        ),
        2,
        "there is no section \"tip-speek-up\". Did you mean: tip-speak-up",
    );
    assert!(!dir.path().join("journal.json").exists(), "nothing written");
    for days in ["0", "366", "soon"] {
        let out = run(dir.path(), &["commit", "I will", "--review-in", days]);
        assert_eq!(out.status.code(), Some(2), "{days}: {}", text(&out.stderr));
    }
    assert_fails_with(
        &run(dir.path(), &["check-in", "1", "hi"]),
        2,
        "there is no commitment 1; you have none yet",
    );
    ok(&run(dir.path(), &["commit", "I will listen"]));
    assert_fails_with(
        &run(dir.path(), &["check-in", "2", "hi"]),
        2,
        "there is no commitment 2; you have 1 commitment (",
    );
    assert_fails_with(
        &run(dir.path(), &["check-in", "0", "hi"]),
        2,
        "there is no commitment 0",
    );
    let before = journal_text(dir.path());
    assert_fails_with(
        &run(dir.path(), &["check-in", "1"]),
        1,
        "the check-in is empty",
    );
    assert_fails_with(
        &run_with(dir.path(), &["check-in", "1"], " \n\t\n"),
        1,
        "the check-in is empty",
    );
    assert_eq!(journal_text(dir.path()), before, "nothing kept");
}

#[test]
fn a_journal_that_cannot_be_written_keeps_nothing_and_says_so() {
    let dir = tempfile::tempdir().unwrap();
    // A journal from a newer version opens read-only.
    let newer = r#"{"version": 99, "sections": {}}"#;
    std::fs::write(dir.path().join("journal.json"), newer).unwrap();
    let elsewhere = tempfile::tempdir().unwrap();
    let export = elsewhere.path().join("export.json");
    let made = run(elsewhere.path(), &["export", "--format", "json"]);
    std::fs::write(&export, &made.stdout).unwrap();
    let export = export.to_str().unwrap();
    let mut reasons = Vec::new();
    for (args, input, nothing) in [
        (&["import", export][..], "", "Nothing was imported: "),
        (&["commit", "I will listen"], "", "Nothing was kept: "),
        (&["check-in", "1", "fine"], "", "Nothing was kept: "),
        (&["mark-read", "1"], "", "Nothing was changed: "),
        (&["bookmark", "2"], "", "Nothing was changed: "),
        (&["note", "3"], "My words", "Nothing was changed: "),
    ] {
        let out = run_with(dir.path(), args, input);
        let err = text(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{args:?}: {err}");
        assert!(out.stdout.is_empty(), "{args:?}");
        let reason = err.strip_prefix(nothing);
        assert!(reason.is_some(), "{args:?} begins {nothing:?}: {err}");
        reasons.push(reason.unwrap_or_default().to_owned());
    }
    // Every command that writes opens the journal the same way, so each
    // gives the same reason, once.
    assert!(reasons[0].contains("newer version"), "{}", reasons[0]);
    assert_eq!(reasons[0].matches("newer version").count(), 1);
    for reason in &reasons {
        assert_eq!(reason, &reasons[0]);
    }
    assert_eq!(journal_text(dir.path()), newer, "left as it was");
}

#[cfg(unix)]
#[test]
fn a_folder_others_can_write_to_keeps_nothing_and_says_it_once() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o777)).unwrap();
    let out = run(dir.path(), &["commit", "I will listen"]);
    let err = text(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("Nothing was kept"), "{err}");
    assert!(err.contains("chmod 700"), "the way out is named: {err}");
    assert!(
        !err.contains("Progress can't be kept"),
        "the same news twice: {err}"
    );
    assert!(!dir.path().join("journal.json").exists());
}

#[test]
fn reset_says_commitments_go_too() {
    let dir = tempfile::tempdir().unwrap();
    ok(&run(dir.path(), &["commit", "I will listen"]));
    ok(&run(dir.path(), &["commit", "I will speak up"]));
    let out = ok(&run(dir.path(), &["reset", "--yes"]));
    assert!(out.contains("2 commitments"), "{out}");
    assert_eq!(ok(&run(dir.path(), &["commitments", "--json"])), "[]\n");
}

#[test]
fn a_journal_that_is_a_folder_is_an_error_never_an_empty_list() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("journal.json")).unwrap();
    for args in [&["commitments"][..], &["commitments", "--json"]] {
        assert_fails_with(&run(dir.path(), args), 1, "journal.json");
    }
    for args in [&["commit", "I will listen"][..], &["check-in", "1", "fine"]] {
        let out = run(dir.path(), args);
        let err = text(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{args:?}: {err}");
        assert!(err.contains("Nothing was kept"), "{args:?}: {err}");
    }
    assert!(dir.path().join("journal.json").is_dir(), "left as it was");
}

#[test]
fn not_yet_and_let_go_need_no_full_screen() {
    // The app's "How did it go?" window offers "not yet" and "let it go";
    // the plain route offers the same, with or without an answer.
    let dir = tempfile::tempdir().unwrap();
    journal_with_old_commitments(dir.path());
    // Not yet, with no answer: standard input is not read, and the
    // commitment is no longer due (it will be asked about in a week).
    let said = ok(&run_with(
        dir.path(),
        &["check-in", "1", "--not-yet"],
        "this must not be kept",
    ));
    assert!(
        said.starts_with("1. I will listen first\nNot yet: the app will ask how it went on "),
        "{said}"
    );
    assert!(!journal_text(dir.path()).contains("this must not be kept"));
    let json: serde_json::Value =
        serde_json::from_str(&ok(&run(dir.path(), &["commitments", "--json"]))).unwrap();
    assert_eq!(json[0]["status"], "open", "{json}");
    assert!(json[0]["check_ins"].as_array().unwrap().is_empty());
    // Let go, with an answer: both are kept, and the words stay.
    let said = ok(&run(
        dir.path(),
        &["check-in", "1", "It did not fit my role", "--let-go"],
    ));
    assert!(said.starts_with("Kept your check-in on 1."), "{said}");
    assert!(
        said.contains("Let go: it will not be asked about again."),
        "{said}"
    );
    let json: serde_json::Value =
        serde_json::from_str(&ok(&run(dir.path(), &["commitments", "--json"]))).unwrap();
    assert_eq!(json[0]["status"], "let go", "{json}");
    assert_eq!(json[0]["text"], "I will listen first");
    assert_eq!(json[0]["check_ins"][0]["text"], "It did not fit my role");
    // Both at once is refused by the command line, and nothing changes.
    let before = journal_text(dir.path());
    let both = run(dir.path(), &["check-in", "1", "--not-yet", "--let-go"]);
    assert_eq!(both.status.code(), Some(2));
    assert_eq!(journal_text(dir.path()), before);
}

/// The day a "Not yet: the app will ask how it went on DAY." line promises.
fn promised_day(said: &str) -> String {
    let (_, after) = said
        .split_once("Not yet: the app will ask how it went on ")
        .unwrap_or_else(|| panic!("no promise in: {said}"));
    after
        .split_once(".\n")
        .map_or(after, |(day, _)| day)
        .to_owned()
}

#[test]
fn not_yet_after_letting_go_brings_it_back_as_it_says() {
    // The person's latest decision stands: a "not yet" after letting go
    // brings the commitment back on the day it promises, and letting go
    // again lets it go; the list and the JSON agree with what was said.
    let dir = tempfile::tempdir().unwrap();
    ok(&run(dir.path(), &["commit", "I will verify"]));
    let gone = ok(&run(dir.path(), &["check-in", "1", "--let-go"]));
    assert!(
        gone.contains("Let go: it will not be asked about again."),
        "{gone}"
    );
    let said = ok(&run(dir.path(), &["check-in", "1", "--not-yet"]));
    let day = promised_day(&said);
    let listed = ok(&run(dir.path(), &["commitments"]));
    assert!(listed.contains("1 open\n"), "{listed}");
    assert!(
        listed.contains(&format!("· open: review on {day}\n")),
        "{listed}"
    );
    assert!(!listed.contains("let go"), "{listed}");
    let json: serde_json::Value =
        serde_json::from_str(&ok(&run(dir.path(), &["commitments", "--json"]))).unwrap();
    assert_eq!(json[0]["status"], "open", "{json}");
    assert!(json[0]["let_go"].is_null(), "{json}");
    // Both decisions stay on disk.
    let disk = journal_text(dir.path());
    assert!(
        disk.contains("\"let_go\"") && disk.contains("\"ask_again\""),
        "{disk}"
    );
    // Letting go again lets it go again.
    let gone = ok(&run(dir.path(), &["check-in", "1", "--let-go"]));
    assert!(
        gone.contains("Let go: it will not be asked about again."),
        "{gone}"
    );
    let json: serde_json::Value =
        serde_json::from_str(&ok(&run(dir.path(), &["commitments", "--json"]))).unwrap();
    assert_eq!(json[0]["status"], "let go", "{json}");
    assert!(journal_text(dir.path()).contains("\"let_go_again\""));
}

#[test]
fn an_answer_with_not_yet_is_still_asked_about_on_the_day_promised() {
    // `check-in 1 "So-so" --not-yet` keeps the answer and promises to ask
    // again: it must not count as answered, or the app would never ask.
    let dir = tempfile::tempdir().unwrap();
    ok(&run(dir.path(), &["commit", "I will verify"]));
    let said = ok(&run(dir.path(), &["check-in", "1", "So-so", "--not-yet"]));
    assert!(said.starts_with("Kept your check-in on 1."), "{said}");
    let day = promised_day(&said);
    let listed = ok(&run(dir.path(), &["commitments"]));
    assert!(
        listed.contains(&format!("· open: review on {day}\n")),
        "{listed}"
    );
    assert!(listed.contains("     So-so\n"), "{listed}");
}

/// Issue 26: `commit "speak up"` twice kept two identical open
/// commitments. The second says it is already kept (its number) and the
/// journal holds one; once let go, the same words make a new one.
#[test]
fn the_same_commitment_made_twice_is_kept_once_and_says_its_number() {
    let dir = tempfile::tempdir().unwrap();
    ok(&run(dir.path(), &["commit", "read the policy"]));
    let first = ok(&run(dir.path(), &["commit", "speak up"]));
    assert!(
        first.starts_with("Kept, as number 2: I will speak up"),
        "{first}"
    );
    let again = ok(&run(dir.path(), &["commit", "I will  Speak up "]));
    assert!(again.starts_with("Already kept, as number 2: "), "{again}");
    let listed = ok(&run(dir.path(), &["commitments", "--json"]));
    assert_eq!(listed.matches("speak up").count(), 1, "{listed}");
    assert_eq!(
        journal_text(dir.path())
            .to_lowercase()
            .matches("speak up")
            .count(),
        1
    );
}
