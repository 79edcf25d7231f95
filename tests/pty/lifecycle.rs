//! The terminal's life end to end, with the real binary in a pseudo-
//! terminal: a large bracketed paste taken in one piece, signals answered
//! within a second, and Ctrl-Z / SIGTSTP / SIGCONT (closing the terminal
//! is in `closing.rs`).
#![cfg(unix)]

use crate::common;

use common::{Pty, wait_for_file};
use std::path::Path;
use std::time::{Duration, Instant};

/// Nothing counts as read in these tests, so only what they do is saved.
const SLOW_READ: (&str, &str) = ("ALLYSHIP_MIN_READ_SECS", "600");

/// How soon a signal or a closed terminal must end the app.
const PROMPTLY: Duration = Duration::from_secs(1);

fn start(dir: &Path, args: &[&str], ready: &str) -> Pty {
    let dir = dir.to_str().expect("utf-8 temp path");
    let pty = Pty::spawn(args, &[SLOW_READ, ("ALLYSHIP_DATA_DIR", dir)], 80, 24);
    pty.wait_for(ready);
    pty
}

fn signal(pid: u32, name: &str) {
    let status = std::process::Command::new("kill")
        .args([format!("-{name}"), pid.to_string()])
        .status()
        .expect("run kill");
    assert!(status.success());
}

/// The note kept for `section` in the journal in `dir`, once there is one
/// that `ready` accepts.
fn saved_note(dir: &Path, section: &str, ready: impl Fn(&str) -> bool) -> String {
    let path = dir.join("journal.json");
    let text = wait_for_file(&path, "the note", |t| {
        note_in(t, section).is_some_and(|n| ready(&n))
    });
    note_in(&text, section).unwrap_or_default()
}

fn note_in(journal: &str, section: &str) -> Option<String> {
    let value: serde_json::Value = serde_json::from_str(journal).ok()?;
    value["notes"][section]["text"].as_str().map(str::to_string)
}

/// Text of about `bytes` bytes, in lines of prose with some Unicode.
fn prose(bytes: usize) -> String {
    let line = "Listening first, I noticed how the family's words changed the plan — café, naïve, 多样性. ";
    let mut text = String::new();
    let mut n = 0;
    while text.len() < bytes {
        text.push_str(line);
        n += 1;
        if n % 5 == 0 {
            text.push('\n');
        }
    }
    text
}

/// Fails with where two long texts first differ (not the whole of them).
fn assert_same(have: &str, want: &str) {
    let (have, want) = (have.trim_end(), want.trim_end());
    if have != want {
        let at = have
            .char_indices()
            .zip(want.chars())
            .find(|((_, a), b)| a != b)
            .map_or(have.len().min(want.len()), |((i, _), _)| i);
        let around = |s: &str| {
            s.get(at.saturating_sub(40)..(at + 40).min(s.len()))
                .map(str::to_string)
        };
        panic!(
            "{} bytes kept, {} pasted; first difference at byte {at}: {:?} against {:?}",
            have.len(),
            want.len(),
            around(have),
            around(want)
        );
    }
}

fn bracketed(text: &str) -> String {
    format!("\x1b[200~{text}\x1b[201~")
}

#[test]
fn a_large_paste_goes_into_the_note_in_one_piece_and_is_saved() {
    let dir = tempfile::tempdir().unwrap();
    let mut pty = start(dir.path(), &[], "Section 1 of");
    pty.send("e");
    pty.wait_for("Your note");
    pty.send("Before: ");
    pty.wait_for("Before:");
    let text = prose(200_000);
    let started = Instant::now();
    pty.send(&bracketed(&text));
    pty.wait_for("not saved yet");
    pty.send_esc();
    let saved = saved_note(dir.path(), "welcome", |n| n.len() > 100_000);
    let took = started.elapsed();
    assert_same(&saved, &format!("Before: {text}"));
    assert!(took < Duration::from_secs(5), "200 KB paste took {took:?}");
    pty.send("q");
    assert_eq!(pty.wait_exit(), 0);
}

#[test]
fn sigterm_during_a_large_paste_ends_the_app_within_a_second_saving() {
    let dir = tempfile::tempdir().unwrap();
    let mut pty = start(dir.path(), &[], "Section 1 of");
    pty.send("e");
    pty.wait_for("Your note");
    pty.send("typed before the paste");
    pty.wait_for("typed before the paste");
    // One paste arriving, and another begun and not ended: the app is busy
    // with the first (a character at a time, that took minutes) and in the
    // middle of receiving the second.
    pty.send(&bracketed(&prose(100_000)));
    pty.send(&format!("\x1b[200~{}", prose(50_000)));
    std::thread::sleep(Duration::from_millis(100));
    let sent = Instant::now();
    signal(pty.pid(), "TERM");
    pty.wait_exit();
    let took = sent.elapsed();
    assert!(
        took < PROMPTLY,
        "SIGTERM mid-paste took {took:?} to end the app"
    );
    let note = saved_note(dir.path(), "welcome", |n| !n.is_empty());
    assert!(
        note.starts_with("typed before the paste"),
        "{:?}",
        note.get(..100)
    );
}

#[test]
fn sighup_ends_the_presenter_within_a_second() {
    let dir = tempfile::tempdir().unwrap();
    let mut pty = start(dir.path(), &["present"], "? keys");
    let sent = Instant::now();
    signal(pty.pid(), "HUP");
    pty.wait_exit();
    let took = sent.elapsed();
    assert!(took < PROMPTLY, "SIGHUP took {took:?} to end the presenter");
}

/// Whether the process is stopped (Linux shows it in /proc; elsewhere
/// this is not checked).
fn stopped(pid: u32) -> Option<bool> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    let state = stat.rsplit(')').next()?.split_whitespace().next()?;
    Some(state == "T" || state == "t")
}

fn wait_until(what: &str, ready: impl Fn() -> bool) {
    let start = Instant::now();
    while !ready() {
        assert!(start.elapsed() < common::DEADLINE, "timed out: {what}");
        std::thread::sleep(Duration::from_millis(10));
    }
}

/// Suspends with `how` (sends it), checks the terminal was given back and
/// the app stopped, then resumes it and checks it took the terminal again
/// and drew its screen anew.
fn suspend_and_resume(pty: &mut Pty, how: impl FnOnce(&mut Pty), ready: &str) {
    how(pty);
    wait_until("the main screen, in line mode", || {
        !pty.alternate_screen() && pty.cooked()
    });
    assert!(!pty.screen().contains(ready), "{}", pty.screen());
    // The shell only says "Stopped": the app says how to come back.
    pty.wait_for("type fg to come back");
    if stopped(pty.pid()).is_some() {
        wait_until("the app to stop", || stopped(pty.pid()) == Some(true));
    }
    signal(pty.pid(), "CONT");
    pty.wait_for(ready);
    wait_until("raw mode and the alternate screen again", || {
        pty.alternate_screen() && !pty.cooked()
    });
}

#[test]
fn ctrl_z_gives_the_terminal_back_and_fg_redraws() {
    let dir = tempfile::tempdir().unwrap();
    let mut pty = start(dir.path(), &[], "Section 1 of");
    suspend_and_resume(&mut pty, |p| p.send("\x1a"), "Section 1 of");
    // Still answering keys after coming back.
    pty.send("\x1b[C");
    pty.wait_for("Section 2 of");
    // An outside SIGTSTP does the same.
    let pid = pty.pid();
    suspend_and_resume(&mut pty, |_| signal(pid, "TSTP"), "Section 2 of");
    pty.send("q");
    assert_eq!(pty.wait_exit(), 0);
}

#[test]
fn ctrl_z_suspends_the_presenter_too() {
    let dir = tempfile::tempdir().unwrap();
    let mut pty = start(dir.path(), &["present"], "? keys");
    suspend_and_resume(&mut pty, |p| p.send("\x1a"), "? keys");
    pty.send("q");
    pty.wait_for("End the walkthrough? (y/n)");
    pty.send("y");
    assert_eq!(pty.wait_exit(), 0);
}
