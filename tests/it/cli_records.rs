//! The plain commands over a person's records, run as the real binary:
//! write errors are errors, an unreadable journal is never an empty record,
//! and `export --output` never replaces what it should not.

use crate::common::commands::{allyship, text};
use std::path::Path;
use std::process::{Output, Stdio};

/// Runs `allyship args` with stdin closed and its data dir in `data_dir`,
/// standard output going to `stdout`.
fn run_to(data_dir: &Path, args: &[&str], stdout: Stdio) -> Output {
    allyship(data_dir)
        .args(args)
        .stdin(Stdio::null())
        .stdout(stdout)
        .stderr(Stdio::piped())
        .output()
        .expect("run allyship")
}

fn run_in(data_dir: &Path, args: &[&str]) -> Output {
    run_to(data_dir, args, Stdio::piped())
}

/// Asserts a failure with a one-line reason containing `words` and no output.
#[track_caller]
fn assert_fails_with(out: &Output, words: &str) {
    let err = text(&out.stderr);
    assert_ne!(out.status.code(), Some(0), "stderr: {err}");
    assert!(err.contains(words), "{words:?} not in: {err}");
    assert_eq!(err.trim_end().lines().count(), 1, "one line: {err}");
    assert!(out.stdout.is_empty(), "stdout: {}", text(&out.stdout));
}

/// Runs `allyship args` with its data dir in the given folder.
#[cfg(unix)]
type RunCommand = dyn Fn(&Path, &[&str]) -> Output;

/// Ways to run a command whose standard output takes no bytes: into
/// `/dev/full` (every write fails as on a full disk) where the system has
/// it, and always into a file past the size a shell's `ulimit -f` allows
/// (every write fails with "file too large"), so these tests never rest
/// on `/dev/full` alone. Each is named, for failure messages.
#[cfg(unix)]
fn unwritable_outputs() -> Vec<(&'static str, Box<RunCommand>)> {
    let mut outputs: Vec<(&'static str, Box<RunCommand>)> = Vec::new();
    match std::fs::OpenOptions::new().write(true).open("/dev/full") {
        Ok(full) => outputs.push((
            "/dev/full",
            Box::new(move |dir, args| run_to(dir, args, full.try_clone().unwrap().into())),
        )),
        Err(e) => eprintln!("/dev/full can't be opened ({e}): only the size limit is tried"),
    }
    outputs.push(("a file past its size limit", Box::new(run_past_size_limit)));
    outputs
}

/// Runs `allyship args` with standard output appending to a file already
/// past the size limit the command runs under (64 blocks; the file holds
/// 128 KB, past it whether a block is 512 bytes or 1 KB). SIGXFSZ is
/// ignored, so a write fails with EFBIG instead of ending the process;
/// the journal, far smaller, is still saved.
#[cfg(unix)]
fn run_past_size_limit(data_dir: &Path, args: &[&str]) -> Output {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("out.txt");
    std::fs::write(&path, vec![b'.'; 128 * 1024]).unwrap();
    let file = std::fs::OpenOptions::new()
        .append(true)
        .open(&path)
        .unwrap();
    let mut command = std::process::Command::new("sh");
    command
        .arg("-c")
        .arg("trap '' XFSZ; ulimit -f 64 && exec \"$0\" \"$@\"")
        .arg(env!("CARGO_BIN_EXE_allyship"))
        .args(args)
        .env("ALLYSHIP_DATA_DIR", data_dir)
        .env("TERM", "dumb")
        .stdin(Stdio::null())
        .stdout(file)
        .stderr(Stdio::piped());
    let out = command.output().expect("run allyship under sh");
    assert_eq!(
        std::fs::metadata(&path).unwrap().len(),
        128 * 1024,
        "the output grew past its limit: the limit did not hold"
    );
    out
}

#[cfg(unix)]
#[test]
fn a_full_disk_is_an_error_not_an_empty_file() {
    let dir = tempfile::tempdir().unwrap();
    for (output, run) in unwritable_outputs() {
        for args in [
            &["read", "--all"][..],
            &["export"],
            &["export", "--format", "json"],
            &["list"],
            &["notes"],
        ] {
            let out = run(dir.path(), args);
            let err = text(&out.stderr);
            assert_eq!(out.status.code(), Some(1), "{output}, {args:?}: {err}");
            assert!(
                err.contains("could not be written"),
                "{output}, {args:?}: {err}"
            );
            assert_eq!(err.lines().count(), 1, "{output}, {args:?}: {err}");
        }
    }
}

/// Issue 27, item 9: a command whose change was saved exits 0 even when
/// what it prints can't be written, with a warning on standard error, so a
/// script that retries on failure never keeps the change twice.
#[cfg(unix)]
#[test]
fn a_saved_change_is_exit_0_with_a_warning_when_its_output_cannot_be_written() {
    for (output, run) in unwritable_outputs() {
        let dir = tempfile::tempdir().unwrap();
        let commit = &["commit", "I will keep this once"][..];
        for args in [
            commit,
            &["bookmark", "1"],
            &["mark-read", "2"],
            &["answer", "scenario-joke-in-a-meeting", "2"],
        ] {
            let out = run(dir.path(), args);
            let err = text(&out.stderr);
            assert_eq!(out.status.code(), Some(0), "{output}, {args:?}: {err}");
            assert!(
                err.contains("your change was saved, but what it printed could not be written"),
                "{output}, {args:?}: {err}"
            );
        }
        let journal = std::fs::read_to_string(dir.path().join("journal.json")).unwrap();
        assert_eq!(
            journal.matches("I will keep this once").count(),
            1,
            "{output}: {journal}"
        );
        // A change that was not kept still fails.
        let out = run(dir.path(), &["check-in", "9", "done"]);
        assert_ne!(out.status.code(), Some(0), "{output}");
    }
}

#[cfg(unix)]
#[test]
fn a_closed_pipe_stays_quiet() {
    let dir = tempfile::tempdir().unwrap();
    let mut child = allyship(dir.path())
        .args(["read", "--all"])
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(out.stderr.is_empty(), "{}", text(&out.stderr));
}

#[test]
fn a_journal_that_is_a_folder_is_an_error_for_every_command_reading_it() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("journal.json")).unwrap();
    for args in [
        &["notes"][..],
        &["bookmarks"],
        &["bookmarks", "--json"],
        &["export"],
        &["export", "--format", "json"],
        &["journal"],
        &["journal", "--json"],
        &["list", "--json"],
    ] {
        let out = run_in(dir.path(), args);
        assert_fails_with(&out, "journal.json");
    }
    // The plain list still lists the sections, but never as if nothing had
    // been read: it says the marks are missing, and why.
    let out = run_in(dir.path(), &["list"]);
    assert_eq!(out.status.code(), Some(0));
    assert!(text(&out.stdout).contains("1. "), "{}", text(&out.stdout));
    let err = text(&out.stderr);
    assert!(
        err.contains("journal.json") && err.contains("without your marks"),
        "{err}"
    );
}

/// A journal this user may not read (mode 000). Modes do not stop root, so
/// as root (as CI runs) the commands run as another user, whom they do
/// stop, with the folder and the journal given to that user: the test
/// checks the same refusal either way, never nothing.
#[cfg(unix)]
#[test]
fn a_journal_that_cannot_be_read_is_an_error_for_every_command_reading_it() {
    use crate::common::commands::{NOBODY, is_root};
    use std::os::unix::fs::{PermissionsExt, chown};
    use std::os::unix::process::CommandExt;
    let as_root = is_root();
    let dir = tempfile::tempdir().unwrap();
    let journal = dir.path().join("journal.json");
    std::fs::write(&journal, r#"{"version":1,"notes":{}}"#).unwrap();
    std::fs::set_permissions(&journal, std::fs::Permissions::from_mode(0o000)).unwrap();
    if as_root {
        for path in [dir.path(), &journal] {
            chown(path, Some(NOBODY), Some(NOBODY)).expect("give the folder away");
        }
    }
    assert!(
        as_root || std::fs::read(&journal).is_err(),
        "this user can read a file of mode 000"
    );
    for args in [
        &["notes"][..],
        &["bookmarks"],
        &["export", "--format", "json"],
        &["journal"],
    ] {
        let mut command = allyship(dir.path());
        command.args(args).stdin(Stdio::null());
        if as_root {
            command.uid(NOBODY).gid(NOBODY);
        }
        let out = command.output().unwrap_or_else(|e| {
            panic!("run allyship as user {NOBODY}, who must be able to reach the binary: {e}")
        });
        assert_fails_with(&out, "journal.json");
        assert!(
            text(&out.stderr).contains("ermission denied"),
            "{args:?} refused for another reason: {}",
            text(&out.stderr)
        );
    }
}

/// Exports to `target`, returning the output; the journal has one note.
fn export_to(dir: &Path, target: &Path) -> Output {
    let journal = r#"{"version":1,"notes":{"welcome":{"text":"mine",
        "created":"2026-11-20T10:00:00Z","changed":"2026-11-20T10:00:00Z"}}}"#;
    let path = dir.join("journal.json");
    if !path.exists() {
        std::fs::write(&path, journal).unwrap();
    }
    let target = target.to_str().unwrap();
    run_in(dir, &["export", "--format", "json", "--output", target])
}

#[test]
fn export_output_refuses_the_journal_itself() {
    let dir = tempfile::tempdir().unwrap();
    let journal = dir.path().join("journal.json");
    for target in [journal.clone(), dir.path().join(".").join("journal.json")] {
        let out = export_to(dir.path(), &target);
        assert_fails_with(&out, "journal");
        let kept = std::fs::read_to_string(&journal).unwrap();
        assert!(kept.starts_with(r#"{"version":1,"notes""#), "{kept}");
    }
}

#[test]
fn export_output_refuses_folders() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("records");
    std::fs::create_dir(&folder).unwrap();
    assert_fails_with(&export_to(dir.path(), &folder), "folder");
    assert!(folder.is_dir());
}

#[cfg(unix)]
#[test]
fn export_output_refuses_symlinks_and_devices() {
    let dir = tempfile::tempdir().unwrap();
    let elsewhere = dir.path().join("precious.txt");
    std::fs::write(&elsewhere, "keep me").unwrap();
    let link = dir.path().join("record.json");
    std::os::unix::fs::symlink(&elsewhere, &link).unwrap();
    assert_fails_with(&export_to(dir.path(), &link), "link");
    assert_eq!(std::fs::read_to_string(&elsewhere).unwrap(), "keep me");
    assert!(link.is_symlink());
    let out = export_to(dir.path(), Path::new("/dev/null"));
    assert_fails_with(&out, "not a plain file");
}

#[test]
fn export_output_replaces_a_plain_file_whole() {
    let dir = tempfile::tempdir().unwrap();
    let records = tempfile::tempdir().unwrap();
    let target = records.path().join("record.json");
    std::fs::write(&target, "x".repeat(100_000)).unwrap();
    let out = export_to(dir.path(), &target);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let written = std::fs::read_to_string(&target).unwrap();
    assert!(written.starts_with('{') && written.contains("\"mine\""));
    assert!(!written.contains("xxx"), "no tail of the old file");
}

#[cfg(unix)]
#[test]
fn export_output_refuses_another_name_for_the_journal() {
    let dir = tempfile::tempdir().unwrap();
    let records = tempfile::tempdir().unwrap();
    export_to(dir.path(), &records.path().join("first.json"));
    let other = records.path().join("hard-link.json");
    std::fs::hard_link(dir.path().join("journal.json"), &other).unwrap();
    assert_fails_with(&export_to(dir.path(), &other), "your journal");
}

#[test]
fn export_output_refuses_every_file_in_the_data_folder() {
    let dir = tempfile::tempdir().unwrap();
    let records = tempfile::tempdir().unwrap();
    export_to(dir.path(), &records.path().join("first.json"));
    // The lock (replacing it would let two copies save at once), a copy
    // kept aside, and a new name there.
    let lock = dir.path().join("journal.lock");
    std::fs::write(&lock, "").unwrap();
    let aside = dir.path().join("journal.json.broken-20261129-120000");
    std::fs::write(&aside, "kept aside").unwrap();
    for target in [lock.clone(), aside.clone(), dir.path().join("record.json")] {
        assert_fails_with(&export_to(dir.path(), &target), "data folder");
    }
    assert_eq!(std::fs::read_to_string(&lock).unwrap(), "");
    assert_eq!(std::fs::read_to_string(&aside).unwrap(), "kept aside");
    assert!(!dir.path().join("record.json").exists());
}

#[test]
fn answer_shows_the_feedback_keeps_the_choice_and_refuses_what_is_not_there() {
    let dir = tempfile::tempdir().unwrap();
    let out = run_in(dir.path(), &["answer", "scenario-told-in-confidence", "1"]);
    let stdout = text(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(stdout.contains("You chose option 1: "), "{stdout}");
    assert!(stdout.contains("\nFeedback: "), "{stdout}");
    assert!(stdout.contains("Kept in your journal"), "{stdout}");
    assert!(!stdout.contains('\u{1b}'), "plain text only: {stdout:?}");
    let journal = std::fs::read_to_string(dir.path().join("journal.json")).unwrap();
    assert!(
        journal.contains("\"scenario-told-in-confidence\""),
        "{journal}"
    );
    // The choice travels in the JSON export.
    let export = text(&run_in(dir.path(), &["export", "--format", "json"]).stdout);
    assert!(export.contains("\"choices\""), "{export}");
    let before = std::fs::read_to_string(dir.path().join("journal.json")).unwrap();
    assert_fails_with(
        &run_in(dir.path(), &["answer", "scenario-told-in-confidence", "9"]),
        "choose a number from 1 to",
    );
    assert_fails_with(
        &run_in(dir.path(), &["answer", "tip-speak-up", "1"]),
        "is not a practice scenario",
    );
    let after = std::fs::read_to_string(dir.path().join("journal.json")).unwrap();
    assert_eq!(before, after, "a refused answer writes nothing");
}

/// Issue 27, item 6: every piece of a person's words has the same cap (10
/// MB: a note and a check-in's answer from standard input alike), and a
/// journal of the largest words allowed exports into a file that `import`
/// reads back whole.
#[test]
fn words_are_capped_alike_and_a_maximal_journal_exports_and_imports_back() {
    const MOST: usize = 10 * 1024 * 1024;
    let data = tempfile::tempdir().unwrap();
    let out = run_in(data.path(), &["commit", "I will keep it short"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let over = vec![b'a'; MOST + 1];
    let out = crate::common::commands::run_with(data.path(), &["check-in", "1"], &over);
    assert_fails_with(&out, "at most 10 MB");
    let out = crate::common::commands::run_with(data.path(), &["note", "1"], &over);
    assert_ne!(out.status.code(), Some(0));
    assert!(text(&out.stderr).contains("at most 10 MB"));
    let mut answer = vec![b'b'; MOST];
    answer[0] = b'A';
    let out = crate::common::commands::run_with(data.path(), &["check-in", "1"], &answer);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let mut note = vec![b'n'; MOST];
    note[0] = b'N';
    let out = crate::common::commands::run_with(data.path(), &["note", "1"], &note);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let out_dir = tempfile::tempdir().unwrap();
    let export = out_dir.path().join("all.json");
    let export_arg = export.to_str().unwrap();
    let out = run_in(
        data.path(),
        &["export", "--format", "json", "--output", export_arg],
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    let elsewhere = tempfile::tempdir().unwrap();
    let out = run_in(elsewhere.path(), &["import", export_arg]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let journal = std::fs::read_to_string(elsewhere.path().join("journal.json")).unwrap();
    let answer = String::from_utf8(answer).unwrap();
    let note = String::from_utf8(note).unwrap();
    assert!(
        journal.contains(&format!("\"{answer}\"")),
        "the answer back whole"
    );
    assert!(
        journal.contains(&format!("\"{note}\"")),
        "the note back whole"
    );
}
