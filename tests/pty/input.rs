//! Hostile input to the real binary in a pseudo-terminal (issue 27): a
//! flood of plain keystrokes (a paste without bracketed-paste markers),
//! a paste that never ends, and Esc followed at once by an arrow.

use crate::common;

use common::{Pty, wait_for_file};
use std::path::Path;
use std::time::{Duration, Instant};

/// How soon a key sent after a flood must be acted on.
const AT_ONCE: Duration = Duration::from_millis(500);

fn start(dir: &Path) -> Pty {
    let dir = dir.to_str().expect("utf-8 temp path");
    let env = [
        ("ALLYSHIP_MIN_READ_SECS", "600"),
        ("ALLYSHIP_DATA_DIR", dir),
    ];
    let pty = Pty::spawn(&[], &env, 80, 24);
    pty.wait_for("Section 1 of");
    pty
}

/// The note on `section` in the journal in `dir`, once `ready` accepts it.
fn saved_note(dir: &Path, section: &str, ready: impl Fn(&str) -> bool) -> String {
    let note = |text: &str| -> Option<String> {
        let value: serde_json::Value = serde_json::from_str(text).ok()?;
        value["notes"][section]["text"].as_str().map(str::to_string)
    };
    let text = wait_for_file(&dir.join("journal.json"), "the note", |t| {
        note(t).is_some_and(|n| ready(&n))
    });
    note(&text).unwrap_or_default()
}

/// `n` characters of words, no two neighbours alike, nothing but letters
/// and spaces (each a key that types itself in the editor).
fn words(n: usize) -> String {
    let line = "listen first and ask how to say a name before using it ";
    line.chars().cycle().take(n).collect()
}

/// Fails with where two long texts first differ (not the whole of them).
fn assert_same(have: &str, want: &str) {
    if have != want {
        let at = have
            .bytes()
            .zip(want.bytes())
            .position(|(a, b)| a != b)
            .unwrap_or(have.len().min(want.len()));
        panic!(
            "{} bytes kept of {} typed; first difference at byte {at}: {:?} against {:?}",
            have.len(),
            want.len(),
            have.get(at.saturating_sub(20)..(at + 20).min(have.len())),
            want.get(at.saturating_sub(20)..(at + 20).min(want.len())),
        );
    }
}

#[test]
fn a_flood_of_plain_keys_in_the_note_editor_arrives_whole_and_esc_acts_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let mut pty = start(dir.path());
    pty.send("e");
    pty.wait_for("Your note");
    let text = words(100_000);
    // As a terminal without bracketed paste, or tmux `paste-buffer`
    // without -p, sends it: key after key, no markers.
    assert!(
        pty.send_unless_stalled(&text),
        "the app stopped reading keys"
    );
    let flooded = Instant::now();
    pty.send("\x1b");
    pty.wait_until("the editor to close", |s| !s.contains("Your note"));
    let took = flooded.elapsed();
    eprintln!("Esc acted {took:?} after a 100,000-key flood");
    let note = saved_note(dir.path(), "welcome", |n| !n.is_empty());
    assert_same(&note, text.trim_end());
    assert!(took < AT_ONCE, "Esc took {took:?} after the flood");
    pty.send("q");
    assert_eq!(pty.wait_exit(), 0);
}

#[test]
fn after_a_flood_of_keys_in_the_reader_g_and_q_act_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let mut pty = start(dir.path());
    // A held key, a cat on the keyboard: down and up, a hundred thousand times.
    let flood = "jk".repeat(50_000);
    assert!(
        pty.send_unless_stalled(&flood),
        "the app stopped reading keys"
    );
    let flooded = Instant::now();
    pty.send("G");
    pty.wait_until("G to reach the end", |s| {
        s.lines().last().is_some_and(|l| l.contains(" end "))
    });
    let g_took = flooded.elapsed();
    let flooded = Instant::now();
    pty.send("q");
    assert_eq!(pty.wait_exit(), 0);
    let q_took = flooded.elapsed();
    eprintln!("after a 100,000-key flood: G acted in {g_took:?}, q in {q_took:?}");
    assert!(g_took < AT_ONCE, "G took {g_took:?} after the flood");
    assert!(q_took < AT_ONCE, "q took {q_took:?} after the flood");
}

#[test]
fn a_paste_that_never_ends_is_kept_as_text_and_keys_act_again() {
    let dir = tempfile::tempdir().unwrap();
    let mut pty = start(dir.path());
    pty.send("e");
    pty.wait_for("Your note");
    // The start of a paste, and never its end (crossterm #1060).
    pty.send("\x1b[200~words pasted");
    pty.wait_for("words pasted");
    pty.send(" then typed");
    pty.wait_for("words pasted then typed");
    pty.send_esc();
    pty.wait_until("the editor to close", |s| !s.contains("Your note"));
    let note = saved_note(dir.path(), "welcome", |n| !n.is_empty());
    assert_eq!(note, "words pasted then typed");
    // Ctrl-C is a key again, too.
    pty.send("\x1b[200~more");
    std::thread::sleep(Duration::from_millis(1_200));
    pty.send("\x03");
    assert_eq!(pty.wait_exit(), 0);
}

#[test]
fn esc_then_an_arrow_at_once_moves_and_opens_no_window() {
    let dir = tempfile::tempdir().unwrap();
    let mut pty = start(dir.path());
    // As `tmux send-keys Escape Right` sends it: one write. Read as Esc,
    // `[`, `C`, the C opened the commitment window.
    pty.send("\x1b\x1b[C");
    pty.wait_for("Section 2 of");
    // Esc then Down (B: the bookmarks list), Esc then F1 (`O P`: P, the
    // presenter), Esc then Left.
    pty.send("\x1b\x1b[B\x1b\x1bOP");
    pty.wait_for("Keys");
    pty.send_esc();
    pty.send("\x1b\x1b[D");
    let screen = pty.wait_for("Section 1 of");
    for window in ["I will", "Bookmarks", "Walkthrough"] {
        assert!(!screen.contains(window), "{window} opened:\n{screen}");
    }
    pty.send("q");
    assert_eq!(pty.wait_exit(), 0);
}

/// The app under `strace`, every fsync taking `delay` (a slow disk), in an
/// 80x24 terminal: the terminal's master, the screen the app has drawn so
/// far (parsed, since a frame may skip unchanged cells with a cursor move),
/// and the strace process (the app is its child).
struct SlowDisk {
    child: Box<dyn portable_pty::Child + Send + Sync>,
    writer: Box<dyn std::io::Write + Send>,
    seen: std::sync::Arc<std::sync::Mutex<vt100::Parser>>,
    _master: Box<dyn portable_pty::MasterPty + Send>,
}

impl SlowDisk {
    /// None when strace is not installed (or cannot trace here).
    fn start(dir: &Path, delay: Duration) -> Option<SlowDisk> {
        use portable_pty::{CommandBuilder, PtySize, native_pty_system};
        let works = std::process::Command::new("strace")
            .args(["-f", "-o", "/dev/null", "true"])
            .status()
            .is_ok_and(|s| s.success());
        if !works {
            return None;
        }
        let pair = native_pty_system()
            .openpty(PtySize {
                rows: 24,
                cols: 80,
                ..PtySize::default()
            })
            .expect("open a pseudo-terminal");
        let mut cmd = CommandBuilder::new("strace");
        let inject = format!("inject=fsync:delay_enter={}", delay.as_micros());
        cmd.args(["-f", "-o", "/dev/null", "-e", "trace=fsync", "-e", &inject]);
        cmd.arg(env!("CARGO_BIN_EXE_allyship"));
        cmd.cwd(env!("CARGO_MANIFEST_DIR"));
        cmd.env("TERM", "xterm-256color");
        cmd.env("ALLYSHIP_DATA_DIR", dir);
        cmd.env("ALLYSHIP_MIN_READ_SECS", "600");
        let child = pair.slave.spawn_command(cmd).expect("spawn strace");
        drop(pair.slave);
        let seen = std::sync::Arc::new(std::sync::Mutex::new(vt100::Parser::new(
            24.try_into().expect("rows > 0"),
            80.try_into().expect("cols > 0"),
            0,
        )));
        let mut reader = pair.master.try_clone_reader().expect("clone reader");
        let sink = std::sync::Arc::clone(&seen);
        std::thread::spawn(move || {
            let mut buf = [0u8; 8192];
            while let Ok(n @ 1..) = std::io::Read::read(&mut reader, &mut buf) {
                sink.lock().unwrap().process(&buf[..n]);
            }
        });
        let writer = pair.master.take_writer().expect("take writer");
        Some(SlowDisk {
            child,
            writer,
            seen,
            _master: pair.master,
        })
    }

    fn wait_for(&self, text: &str) {
        let start = Instant::now();
        while !self.seen.lock().unwrap().screen().contents().contains(text) {
            assert!(start.elapsed() < common::DEADLINE, "no {text:?} on screen");
            std::thread::sleep(Duration::from_millis(10));
        }
    }

    fn send(&mut self, keys: &str) {
        self.writer.write_all(keys.as_bytes()).expect("write");
        self.writer.flush().expect("flush");
    }

    /// The app's own process id (strace's child).
    fn app_pid(&self) -> String {
        let strace = self.child.process_id().expect("a pid");
        let children = format!("/proc/{strace}/task/{strace}/children");
        let start = Instant::now();
        loop {
            let text = std::fs::read_to_string(&children).unwrap_or_default();
            if let Some(pid) = text.split_whitespace().next() {
                return pid.to_string();
            }
            assert!(start.elapsed() < common::DEADLINE, "no app under strace");
            std::thread::sleep(Duration::from_millis(10));
        }
    }
}

impl Drop for SlowDisk {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

use std::io::Write as _;

#[test]
fn sigterm_while_a_save_waits_on_a_slow_disk_keeps_the_words_typed_meanwhile() {
    let dir = tempfile::tempdir().unwrap();
    let Some(mut app) = SlowDisk::start(dir.path(), Duration::from_millis(1_000)) else {
        eprintln!("strace is not available: skipped");
        return;
    };
    app.wait_for("Section 1 of");
    app.send("e");
    app.wait_for("Your note");
    app.send("first words");
    app.wait_for("first words");
    // A pause in typing saves the note (after two seconds); the save then
    // waits on the disk. Words typed meanwhile wait in the terminal.
    std::thread::sleep(Duration::from_millis(2_700));
    app.send(" and more");
    std::thread::sleep(Duration::from_millis(300));
    let pid = app.app_pid();
    let status = std::process::Command::new("kill")
        .args(["-TERM", &pid])
        .status()
        .expect("run kill");
    assert!(status.success());
    let note = saved_note(dir.path(), "welcome", |n| {
        n.starts_with("first words") && {
            // The app has gone: this is the last save.
            !std::path::Path::new(&format!("/proc/{pid}")).exists()
        }
    });
    assert_eq!(note, "first words and more");
}
