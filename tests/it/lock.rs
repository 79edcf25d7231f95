//! The journal's lock is never skipped: a plain command that must write
//! waits while another copy of allyship holds it, says so on stderr after a
//! second, and saves once it is free (the real binary, a real lock).

use std::fs::File;
use std::process::Stdio;
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
    let child = crate::common::commands::allyship(data.path())
        .arg("import")
        .arg(&export)
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
    let child = crate::common::commands::allyship(data.path())
        .args(["answer", "scenario-joke-in-a-meeting", "3"])
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

/// Issue 27, item 3: three copies commit at once while another process
/// deletes `journal.lock` every few milliseconds. Every commitment that was
/// said to be kept must be in the journal; any other must have failed
/// (non-zero, saying so). Without the check that the lock held is still the
/// file at `journal.lock`, about one in ten was lost after "Kept".
#[test]
fn commitments_made_while_the_lock_file_is_deleted_are_all_kept_or_said_lost() {
    use std::sync::Arc;
    use std::sync::atomic::{AtomicBool, Ordering};
    const EACH: usize = 40;
    let data = tempfile::tempdir().unwrap();
    let stop = Arc::new(AtomicBool::new(false));
    let unlinker = {
        let (stop, lock) = (Arc::clone(&stop), data.path().join("journal.lock"));
        std::thread::spawn(move || {
            let mut n = 0u64;
            while !stop.load(Ordering::Relaxed) {
                let _ = std::fs::remove_file(&lock);
                n += 1;
                std::thread::sleep(Duration::from_millis(1 + n * 7 % 20));
            }
        })
    };
    let writers: Vec<_> = (0..3)
        .map(|w| {
            let dir = data.path().to_path_buf();
            std::thread::spawn(move || {
                let mut kept = Vec::new();
                for i in 0..EACH {
                    let text = format!("I will keep w{w}-{i}");
                    let out = crate::common::commands::allyship(&dir)
                        .args(["commit", &text])
                        .output()
                        .expect("commit runs");
                    if out.status.success() {
                        kept.push(text);
                    } else {
                        assert!(!out.stderr.is_empty(), "a failure says so");
                    }
                }
                kept
            })
        })
        .collect();
    let kept: Vec<String> = writers
        .into_iter()
        .flat_map(|w| w.join().expect("writer"))
        .collect();
    stop.store(true, Ordering::Relaxed);
    unlinker.join().expect("unlinker");
    let journal = std::fs::read_to_string(data.path().join("journal.json")).unwrap();
    let lost: Vec<&String> = kept
        .iter()
        .filter(|text| !journal.contains(&format!("\"{text}\"")))
        .collect();
    assert!(lost.is_empty(), "said kept but lost: {lost:?}");
    assert!(
        kept.len() >= EACH,
        "most commitments are kept: {}",
        kept.len()
    );
}
