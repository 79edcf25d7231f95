//! The journal's lock is never skipped: a plain command that must write
//! waits while another copy of allyship holds it, says so on stderr after a
//! second, and saves once it is free (the real binary, a real lock).

use std::fs::File;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

#[test]
fn import_waits_for_the_lock_says_so_and_then_saves() {
    let data = tempfile::tempdir().unwrap();
    let export = data.path().join("export.json");
    std::fs::write(
        &export,
        r#"{"format": "allyship-export", "version": 1, "data": {
            "notes": {"welcome": {"text": "brought over",
              "created": "2026-01-01T10:00:00Z", "changed": "2026-01-01T10:00:00Z"}}}}"#,
    )
    .unwrap();
    let lock = File::create(data.path().join("journal.lock")).unwrap();
    lock.lock().expect("the test holds the lock");
    let child = Command::new(env!("CARGO_BIN_EXE_allyship"))
        .arg("import")
        .arg(&export)
        .env("ALLYSHIP_DATA_DIR", data.path())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start import");
    // Longer than any "give up after a while" would wait.
    std::thread::sleep(Duration::from_millis(3000));
    assert!(
        !data.path().join("journal.json").exists(),
        "nothing may be written while another copy holds the lock"
    );
    let released = Instant::now();
    drop(lock);
    let out = child.wait_with_output().expect("import ends");
    assert!(released.elapsed() < Duration::from_secs(5));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert!(
        stderr.contains("Waiting for another copy of allyship to finish saving"),
        "{stderr}"
    );
    let journal = std::fs::read_to_string(data.path().join("journal.json")).unwrap();
    assert!(journal.contains("brought over"), "{journal}");
}

#[test]
fn answer_waits_for_the_lock_too_and_then_keeps_the_choice() {
    let data = tempfile::tempdir().unwrap();
    let lock = File::create(data.path().join("journal.lock")).unwrap();
    lock.lock().expect("the test holds the lock");
    let child = Command::new(env!("CARGO_BIN_EXE_allyship"))
        .args(["answer", "scenario-joke-in-a-meeting", "3"])
        .env("ALLYSHIP_DATA_DIR", data.path())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start answer");
    std::thread::sleep(Duration::from_millis(1500));
    assert!(
        !data.path().join("journal.json").exists(),
        "nothing may be written while another copy holds the lock"
    );
    drop(lock);
    let out = child.wait_with_output().expect("answer ends");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert!(stderr.contains("Waiting for another copy"), "{stderr}");
    let journal = std::fs::read_to_string(data.path().join("journal.json")).unwrap();
    assert!(journal.contains(r#""option": 3"#), "{journal}");
}
