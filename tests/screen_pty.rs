//! "A message is a promise", in the real binary: once a save that failed
//! goes through (another copy let go of the journal's lock), the screen
//! says so instead of "Not saved".
#![cfg(target_os = "linux")]

mod common;

use common::Pty;
use common::commands::{ok, run};
use std::fs::File;

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
