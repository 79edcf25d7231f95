//! "A message is a promise": the real binary in a pseudo-terminal, with a
//! journal it may not write. The app must never say a note was saved when
//! it wasn't, must ask before `q` leaves unsaved words behind, and on every
//! way out must put them in a rescue file and say where.
#![cfg(target_os = "linux")]

use crate::common;

use common::Pty;
use std::path::{Path, PathBuf};

/// A journal from a newer version of allyship: opened read-only, with a note.
const NEWER: &str = r#"{"version": 99, "sections": {}, "days": {}, "ids": [],
  "notes": {"welcome": {"text": "words from before",
    "created": "2026-01-01T10:00:00Z", "changed": "2026-01-01T10:00:00Z"}}}"#;

fn start_read_only(data: &Path, state: &Path) -> Pty {
    std::fs::write(data.join("journal.json"), NEWER).expect("write journal");
    let env = [
        ("ALLYSHIP_DATA_DIR", data.to_str().expect("utf-8")),
        ("XDG_STATE_HOME", state.to_str().expect("utf-8")),
        ("ALLYSHIP_MIN_READ_SECS", "600"),
    ];
    let pty = Pty::spawn(&[], &env, 80, 24);
    pty.wait_for("Allyship toolkit");
    pty
}

fn rescue_files(state: &Path) -> Vec<PathBuf> {
    let dir = state.join("allyship").join("rescued");
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|d| d.flatten().map(|e| e.path()).collect())
        .unwrap_or_default();
    files.sort();
    files
}

fn type_a_note(pty: &mut Pty) {
    pty.send("e");
    pty.wait_for("Your note");
    pty.wait_for("words from before");
    pty.send(" and new ones");
    pty.wait_for("and new ones");
}

#[test]
fn a_read_only_journal_is_shown_and_a_note_is_never_called_saved() {
    let (data, state) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let mut pty = start_read_only(data.path(), state.path());
    pty.wait_for("read-only");
    type_a_note(&mut pty);
    pty.send_esc();
    let screen = pty.wait_for("Not saved");
    assert!(!screen.contains("Note saved"), "{screen}");
    // q asks first; n stays.
    pty.send("q");
    pty.wait_for("Leave anyway?");
    pty.send("n");
    pty.wait_until("the question closes", |s| !s.contains("Leave anyway?"));
    pty.send("q");
    pty.wait_for("Leave anyway?");
    pty.send("y");
    assert_eq!(pty.wait_exit(), 0);
    let screen = pty.wait_for("They are kept in");
    assert!(screen.contains("allyship import"), "{screen}");
    let files = rescue_files(state.path());
    assert_eq!(files.len(), 1, "{files:?}");
    let rescued = std::fs::read_to_string(&files[0]).expect("read rescue");
    assert!(
        rescued.contains("words from before and new ones"),
        "{rescued}"
    );
    let journal = std::fs::read_to_string(data.path().join("journal.json")).unwrap();
    assert_eq!(journal, NEWER, "the newer journal is never written");
}

#[test]
fn a_second_q_does_not_leave_unsaved_words_behind_and_y_does() {
    let (data, state) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let mut pty = start_read_only(data.path(), state.path());
    type_a_note(&mut pty);
    pty.send_esc();
    pty.wait_for("Not saved");
    // q twice, as someone would who did not see the question.
    pty.send("q");
    pty.wait_for("Leave anyway?");
    pty.send("q");
    std::thread::sleep(std::time::Duration::from_millis(500));
    let screen = pty.wait_for("Leave anyway?");
    assert!(screen.contains("y leave"), "{screen}");
    assert!(rescue_files(state.path()).is_empty(), "still running");
    pty.send("y");
    assert_eq!(pty.wait_exit(), 0);
    assert_eq!(rescue_files(state.path()).len(), 1);
}

#[test]
fn sigterm_and_ctrl_c_rescue_unsaved_words_without_asking() {
    for way in ["ctrl-c", "TERM", "HUP"] {
        let (data, state) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
        let mut pty = start_read_only(data.path(), state.path());
        type_a_note(&mut pty);
        if way == "ctrl-c" {
            pty.send("\x03");
        } else {
            let status = std::process::Command::new("kill")
                .args([format!("-{way}"), pty.pid().to_string()])
                .status()
                .expect("run kill");
            assert!(status.success());
        }
        pty.wait_exit();
        let files = rescue_files(state.path());
        assert_eq!(files.len(), 1, "{way}: {files:?}");
        let rescued = std::fs::read_to_string(&files[0]).expect("read rescue");
        assert!(rescued.contains("and new ones"), "{way}: {rescued}");
        if way == "ctrl-c" {
            pty.wait_for("They are kept in");
        }
    }
}

#[test]
fn a_rescue_file_imports_back_once_the_journal_can_be_written() {
    let (data, state) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let mut pty = start_read_only(data.path(), state.path());
    type_a_note(&mut pty);
    pty.send("\x03");
    pty.wait_exit();
    let rescue = rescue_files(state.path()).pop().expect("a rescue file");
    let fresh = tempfile::tempdir().unwrap();
    let out = crate::common::commands::allyship(fresh.path())
        .args(["import".as_ref(), rescue.as_os_str()])
        .output()
        .expect("run import");
    assert!(out.status.success(), "{out:?}");
    let notes = crate::common::commands::allyship(fresh.path())
        .arg("notes")
        .output()
        .expect("run notes");
    let text = String::from_utf8_lossy(&notes.stdout);
    assert!(text.contains("words from before and new ones"), "{text}");
}
