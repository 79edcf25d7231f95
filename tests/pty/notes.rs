//! `allyship present --notes` in a second pseudo-terminal follows the
//! walkthrough running in the first (same data folder): the section's
//! facilitator notes appear in the second, never in the first, and keep up
//! with each step within half a second; with no walkthrough it says so.

use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};
use std::io::{Read, Write};
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

const DEADLINE: Duration = Duration::from_secs(10);

/// The real binary in an 80x24 pseudo-terminal, its screen parsed by vt100.
struct Pty {
    _master: Box<dyn MasterPty + Send>,
    writer: Box<dyn Write + Send>,
    child: Box<dyn Child + Send + Sync>,
    parser: Arc<Mutex<vt100::Parser>>,
}

impl Pty {
    fn spawn(args: &[&str], data: &Path) -> Pty {
        let pair = native_pty_system()
            .openpty(PtySize {
                rows: 24,
                cols: 80,
                ..PtySize::default()
            })
            .unwrap();
        let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_allyship"));
        cmd.args(args);
        cmd.cwd(env!("CARGO_MANIFEST_DIR"));
        cmd.env("TERM", "xterm-256color");
        cmd.env("ALLYSHIP_DATA_DIR", data);
        let child = pair.slave.spawn_command(cmd).unwrap();
        drop(pair.slave);
        let parser = Arc::new(Mutex::new(vt100::Parser::new(
            24.try_into().unwrap(),
            80.try_into().unwrap(),
            0,
        )));
        let mut reader = pair.master.try_clone_reader().unwrap();
        let sink = Arc::clone(&parser);
        thread::spawn(move || {
            let mut buf = [0u8; 8192];
            while let Ok(n @ 1..) = reader.read(&mut buf) {
                sink.lock().unwrap().process(&buf[..n]);
            }
        });
        let writer = pair.master.take_writer().unwrap();
        Pty {
            _master: pair.master,
            writer,
            child,
            parser,
        }
    }

    fn send(&mut self, keys: &str) {
        self.writer.write_all(keys.as_bytes()).unwrap();
        self.writer.flush().unwrap();
    }

    fn screen(&self) -> String {
        self.parser.lock().unwrap().screen().contents()
    }

    /// Waits until `ready` holds for the screen; how long it took.
    fn wait(&self, what: &str, ready: impl Fn(&str) -> bool) -> Duration {
        let start = Instant::now();
        loop {
            let screen = self.screen();
            if ready(&screen) {
                return start.elapsed();
            }
            assert!(
                start.elapsed() < DEADLINE,
                "waiting for {what}; the screen:\n{screen}"
            );
            thread::sleep(Duration::from_millis(10));
        }
    }

    fn wait_exit(&mut self) {
        let start = Instant::now();
        while matches!(self.child.try_wait(), Ok(None)) {
            assert!(
                start.elapsed() < DEADLINE,
                "did not exit:\n{}",
                self.screen()
            );
            thread::sleep(Duration::from_millis(10));
        }
    }
}

impl Drop for Pty {
    fn drop(&mut self) {
        if matches!(self.child.try_wait(), Ok(None)) {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}

#[test]
fn the_notes_follow_the_walkthrough_on_the_second_screen_only() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    // The built-in toolkit, with a note on each section naming it.
    let mut toolkit = allyship::toolkit::content::built_in();
    for section in toolkit.parts.iter_mut().flat_map(|p| &mut p.sections) {
        section.facilitator_notes = vec![format!("NOTE for {}", section.id)];
    }
    let file = dir.path().join("kit.json");
    std::fs::write(&file, serde_json::to_string(&toolkit).unwrap()).unwrap();
    let content = file.to_str().unwrap();

    let follower = Pty::spawn(&["--content", content, "present", "--notes"], &data);
    follower.wait("no walkthrough yet", |s| {
        s.contains("No walkthrough running")
    });

    let mut room = Pty::spawn(&["--content", content, "present", "top-tips"], &data);
    room.wait("the part's outcomes", |s| {
        s.contains("After this part you can")
    });
    follower.wait("the first section's notes", |s| {
        s.contains("NOTE for why-these-tips") && s.contains("Next: The section's text")
    });
    assert!(!room.screen().contains("NOTE for"), "{}", room.screen());

    // Each step shows on the second screen within half a second.
    let mut slowest = Duration::ZERO;
    room.send(" ");
    room.wait("the introduction", |s| {
        !s.contains("After this part you can")
    });
    slowest = slowest.max(follower.wait("the introduction's step", |s| {
        s.contains("On screen: The section's text")
    }));
    // On to the next section (the introduction's steps, then the first tip).
    for _ in 0..12 {
        room.send(" ");
        thread::sleep(Duration::from_millis(30));
        if follower.screen().contains("NOTE for tip-listen-actively") {
            break;
        }
    }
    slowest = slowest.max(follower.wait("the first tip's notes", |s| {
        s.contains("NOTE for tip-listen-actively")
    }));
    assert!(!room.screen().contains("NOTE for"), "{}", room.screen());
    room.send("t");
    slowest = slowest.max(follower.wait("the timer", |s| s.contains("left")));
    eprintln!("the second screen followed within {slowest:?}");
    assert!(
        slowest < Duration::from_millis(500),
        "the second screen took {slowest:?} to follow"
    );

    // The walkthrough ends: the second screen says so.
    room.send("q");
    room.wait("the question before leaving, or the end", |s| {
        s.contains("(y/n)") || s.is_empty()
    });
    room.send("y");
    room.wait_exit();
    follower.wait("the end of the walkthrough", |s| {
        s.contains("No walkthrough running")
    });
}
