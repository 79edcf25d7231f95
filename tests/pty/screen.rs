//! "A message is a promise", in the real binary: once a save that failed
//! goes through (another copy let go of the journal's lock), the screen
//! says so instead of "Not saved"; and a window too small to show the app
//! lets no key act unseen (no bookmark, no note), keeping a note being
//! written as it was until the window grows.
#![cfg(target_os = "linux")]

use crate::common;

use common::Pty;
use common::commands::{ok, run};
use std::fs::File;
use std::time::Duration;

#[test]
fn not_saved_turns_to_saved_now_once_the_lock_is_released() {
    let data = tempfile::tempdir().unwrap();
    let state = tempfile::tempdir().unwrap();
    ok(&run(data.path(), &["commit", "I will init"]));
    // Another copy of allyship, as far as the app can tell, is saving.
    let lock = File::options()
        .read(true)
        .write(true)
        .create(true)
        .truncate(false)
        .open(data.path().join("journal.lock"))
        .unwrap();
    lock.lock().expect("the test holds the lock");
    let env = [
        ("ALLYSHIP_DATA_DIR", data.path().to_str().expect("utf-8")),
        ("XDG_STATE_HOME", state.path().to_str().expect("utf-8")),
        ("ALLYSHIP_MIN_READ_SECS", "600"),
    ];
    let mut pty = Pty::spawn(&[], &env, 80, 24);
    pty.wait_for("Allyship toolkit");
    pty.send("e");
    pty.wait_for("Your note");
    pty.send("second try");
    pty.wait_for("second try");
    pty.send_esc();
    let screen = pty.wait_for("Not saved: another copy of allyship kept the journal locked");
    assert!(!screen.contains("Saved now"), "{screen}");
    drop(lock);
    // Retried each second: the screen must stop saying "Not saved".
    let screen = pty.wait_until("Saved now, and no Not saved", |s| {
        s.contains("Saved now: your words are in your journal.") && !s.contains("Not saved")
    });
    let notes = ok(&run(data.path(), &["notes"]));
    assert!(notes.contains("second try"), "{notes}\n{screen}");
    // Nothing is left unsaved, so q leaves without asking.
    pty.send("q");
    assert_eq!(pty.wait_exit(), 0);
}

#[test]
fn no_key_acts_while_the_window_is_too_small() {
    let mut pty = Pty::spawn(&[], &[("ALLYSHIP_MIN_READ_SECS", "600")], 20, 5);
    pty.wait_for("Please make");
    pty.send_esc();
    pty.send("be");
    pty.send("blind words");
    pty.send_esc();
    // Give the keys time to arrive while the window is still small.
    std::thread::sleep(Duration::from_millis(300));
    pty.resize(80, 24);
    // The app as it was: no note editor, no message, the place in the footer.
    let screen = pty.wait_for("Section 1 of");
    assert!(!screen.contains("blind words"), "{screen}");
    pty.send("q");
    assert_eq!(pty.wait_exit(), 0);
    let notes = ok(&run(pty.data_dir(), &["notes"]));
    assert!(notes.starts_with("No notes yet"), "{notes}");
    let bookmarks = ok(&run(pty.data_dir(), &["bookmarks"]));
    assert!(bookmarks.starts_with("No bookmarks yet"), "{bookmarks}");
}

#[test]
fn a_note_open_when_the_window_shrinks_is_there_as_it_was_when_it_grows() {
    let mut pty = Pty::spawn(&[], &[("ALLYSHIP_MIN_READ_SECS", "600")], 80, 24);
    pty.wait_for("Section 1 of");
    pty.send("e");
    pty.wait_for("Your note");
    pty.send("kept words");
    pty.wait_for("kept words");
    pty.resize(20, 5);
    pty.wait_for("Please make");
    pty.send(" lost");
    pty.send_esc();
    std::thread::sleep(Duration::from_millis(300));
    pty.resize(80, 24);
    let screen = pty.wait_for("kept words");
    assert!(screen.contains("Your note"), "still open:\n{screen}");
    assert!(!screen.contains("lost"), "{screen}");
    pty.send_esc();
    pty.wait_for("Note saved.");
    pty.send("q");
    assert_eq!(pty.wait_exit(), 0);
    let notes = ok(&run(pty.data_dir(), &["notes"]));
    assert!(
        notes.contains("kept words") && !notes.contains("lost"),
        "{notes}"
    );
}
