//! A small pseudo-terminal harness for driving the real `allyship` binary.
//!
//! Each [`Pty`] runs the binary in its own PTY with `TERM=xterm-256color`,
//! the crate root as working directory and `ALLYSHIP_DATA_DIR` pointing at a
//! fresh temporary directory. A thread reads everything the app writes into a
//! `vt100` parser; tests poll that screen with deadlines, never fixed sleeps.
//!
//! Remember: wait for the first frame before typing, Enter is `"\r"`, and Esc
//! must be sent on its own (see [`Pty::send_esc`]).

// Each test binary (tests/it, tests/pty) uses only part of this module.
#![allow(dead_code)]

pub mod commands;
pub mod presenting;

use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};
use std::io::{Read, Write};
use std::path::Path;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

/// The number (1-based) of the built-in toolkit's section `id`, so a test
/// names the section it means and survives sections being added.
pub fn number_of(id: &str) -> usize {
    let toolkit = allyship::toolkit::content::built_in();
    toolkit
        .index_of(id)
        .expect("a section of the built-in toolkit")
        + 1
}

/// How many sections the built-in toolkit has, for "Section 1 of N".
pub fn section_count() -> usize {
    allyship::toolkit::content::built_in().section_count()
}

/// How long any wait may take before the test fails.
pub const DEADLINE: Duration = Duration::from_secs(10);
/// How often the screen is checked while waiting.
const POLL: Duration = Duration::from_millis(10);

/// The app running in a pseudo-terminal, with a parsed copy of its screen.
pub struct Pty {
    /// Kept open until the child is reaped (closing it early sends SIGHUP).
    master: Box<dyn MasterPty + Send>,
    writer: Box<dyn Write + Send>,
    child: Box<dyn Child + Send + Sync>,
    parser: Arc<Mutex<vt100::Parser>>,
    /// Raised by the reader thread at end of output (EOF or EIO).
    closed: Arc<AtomicBool>,
    /// How many bytes the app has written to the terminal so far.
    written: Arc<AtomicUsize>,
    data_dir: tempfile::TempDir,
    exit_code: Option<u32>,
}

impl Pty {
    /// Starts `allyship` with `args` and extra `env` in a `cols`x`rows` terminal.
    pub fn spawn(args: &[&str], env: &[(&str, &str)], cols: u16, rows: u16) -> Pty {
        let data_dir = tempfile::tempdir().expect("create a temporary data dir");
        let pair = native_pty_system()
            .openpty(size(cols, rows))
            .expect("open a pseudo-terminal");
        let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_allyship"));
        cmd.args(args);
        cmd.cwd(env!("CARGO_MANIFEST_DIR"));
        cmd.env("TERM", "xterm-256color");
        cmd.env("ALLYSHIP_DATA_DIR", data_dir.path());
        for (key, value) in env {
            cmd.env(key, value);
        }
        let child = pair.slave.spawn_command(cmd).expect("spawn allyship");
        // Only the child may hold the slave end, so its exit ends our reads.
        drop(pair.slave);

        let parser = Arc::new(Mutex::new(vt100::Parser::new(
            rows.try_into().expect("rows > 0"),
            cols.try_into().expect("cols > 0"),
            0,
        )));
        let closed = Arc::new(AtomicBool::new(false));
        let written = Arc::new(AtomicUsize::new(0));
        let mut reader = pair.master.try_clone_reader().expect("clone reader");
        let (sink, done, count) = (
            Arc::clone(&parser),
            Arc::clone(&closed),
            Arc::clone(&written),
        );
        thread::spawn(move || {
            let mut buf = [0u8; 8192];
            // Linux reports EIO, not end-of-file, once the child has gone.
            while let Ok(n @ 1..) = reader.read(&mut buf) {
                sink.lock().unwrap().process(&buf[..n]);
                count.fetch_add(n, Ordering::SeqCst);
            }
            done.store(true, Ordering::SeqCst);
        });
        let writer = pair.master.take_writer().expect("take writer");
        Pty {
            master: pair.master,
            writer,
            child,
            parser,
            closed,
            written,
            data_dir,
            exit_code: None,
        }
    }

    /// Starts `allyship` with no arguments in an 80x24 terminal and waits for
    /// the first frame (the status line), so keys can be sent at once.
    pub fn start() -> Pty {
        let pty = Pty::spawn(&[], &[], 80, 24);
        pty.wait_for("Section 1 of");
        pty
    }

    /// The directory `ALLYSHIP_DATA_DIR` points at (removed on drop).
    pub fn data_dir(&self) -> &Path {
        self.data_dir.path()
    }

    /// The app's process id, for sending it signals.
    pub fn pid(&self) -> u32 {
        self.child.process_id().expect("the child has a process id")
    }

    /// Types `keys` as raw bytes (Enter is `"\r"`, Ctrl-C is `"\x03"`).
    pub fn send(&mut self, keys: &str) {
        self.writer
            .write_all(keys.as_bytes())
            .expect("write to pty");
        self.writer.flush().expect("flush pty");
    }

    /// Types `keys` from another thread and waits at most [`DEADLINE`] for
    /// the terminal to take them all: false when the app stopped reading
    /// (a write to a full terminal blocks; the writer is then left behind).
    pub fn send_unless_stalled(&mut self, keys: &str) -> bool {
        let mut writer = std::mem::replace(&mut self.writer, Box::new(std::io::sink()));
        let (done, finished) = std::sync::mpsc::channel();
        let keys = keys.as_bytes().to_vec();
        thread::spawn(move || {
            let ok = writer
                .write_all(&keys)
                .and_then(|()| writer.flush())
                .is_ok();
            let _ = done.send((writer, ok));
        });
        match finished.recv_timeout(DEADLINE) {
            Ok((writer, ok)) => {
                self.writer = writer;
                ok
            }
            Err(_) => false,
        }
    }

    /// Sends Esc alone, then pauses 200 ms so it is not read as Alt+next key.
    pub fn send_esc(&mut self) {
        self.send("\x1b");
        thread::sleep(Duration::from_millis(200));
    }

    /// How many bytes the app has written to the terminal so far (read
    /// and parsed: the screen already shows them).
    pub fn bytes_written(&self) -> usize {
        self.written.load(Ordering::SeqCst)
    }

    /// The visible screen as text, one line per row, trailing spaces trimmed.
    pub fn screen(&self) -> String {
        let parser = self.parser.lock().unwrap();
        let (_, cols) = parser.screen().size();
        let rows: Vec<String> = parser.screen().rows(0, cols.get()).collect();
        rows.iter()
            .map(|r| r.trim_end())
            .collect::<Vec<_>>()
            .join("\n")
    }

    /// Row `row` of the screen (0 is the top); a negative `row` counts from
    /// the bottom, so `-1` is the status line.
    pub fn row(&self, row: i32) -> String {
        let screen = self.screen();
        let lines: Vec<&str> = screen.lines().collect();
        let index = if row < 0 {
            lines.len() as i32 + row
        } else {
            row
        };
        lines.get(index as usize).unwrap_or(&"").to_string()
    }

    /// Runs `f` on the parsed terminal state (modes, cursor, cells).
    pub fn with_screen<T>(&self, f: impl FnOnce(&vt100::Screen) -> T) -> T {
        f(self.parser.lock().unwrap().screen())
    }

    /// Whether the terminal is in cooked mode (line editing and echo on),
    /// as it is before the app starts raw mode and after it leaves it.
    /// Read from the terminal's settings, not the screen.
    #[cfg(unix)]
    pub fn cooked(&self) -> bool {
        let Some(termios) = self.master.get_termios() else {
            panic!("the pseudo-terminal's settings can't be read");
        };
        let flags = format!("{:?}", termios.local_flags);
        let names: Vec<&str> = flags.split(|c: char| !c.is_ascii_alphanumeric()).collect();
        names.contains(&"ICANON") && names.contains(&"ECHO")
    }

    /// Whether the app is still on the alternate screen.
    pub fn alternate_screen(&self) -> bool {
        self.with_screen(|s| s.alternate_screen())
    }

    /// Whether the cursor is currently hidden.
    pub fn cursor_hidden(&self) -> bool {
        self.with_screen(|s| s.hide_cursor())
    }

    /// Waits until the screen contains `text`; returns the screen.
    /// Panics with the whole screen after [`DEADLINE`].
    pub fn wait_for(&self, text: &str) -> String {
        self.wait_until(&format!("{text:?}"), |screen| screen.contains(text))
    }

    /// Waits until `ready(screen)` holds; returns the screen. Panics with
    /// `what` and the whole screen after [`DEADLINE`] or if the app has gone.
    pub fn wait_until(&self, what: &str, ready: impl Fn(&str) -> bool) -> String {
        let start = Instant::now();
        loop {
            // Read the flag first: output parsed before it was raised is final.
            let gone = self.closed.load(Ordering::SeqCst);
            let screen = self.screen();
            if ready(&screen) {
                return screen;
            }
            if gone || start.elapsed() > DEADLINE {
                let why = if gone { "the app exited" } else { "timed out" };
                panic!("waiting for {what}: {why}. Screen:\n{}", framed(&screen));
            }
            thread::sleep(POLL);
        }
    }

    /// Resizes the terminal (the app gets SIGWINCH) and the parsed screen.
    pub fn resize(&mut self, cols: u16, rows: u16) {
        self.parser.lock().unwrap().set_size(
            rows.try_into().expect("rows > 0"),
            cols.try_into().expect("cols > 0"),
        );
        self.master.resize(size(cols, rows)).expect("resize pty");
    }

    /// Waits for the app to exit and for all its output to be parsed;
    /// returns the exit code. Panics with the screen after [`DEADLINE`].
    pub fn wait_exit(&mut self) -> u32 {
        let start = Instant::now();
        while self.exit_code.is_none() || !self.closed.load(Ordering::SeqCst) {
            if self.exit_code.is_none()
                && let Some(status) = self.child.try_wait().expect("try_wait")
            {
                self.exit_code = Some(status.exit_code());
            }
            if start.elapsed() > DEADLINE {
                panic!("the app did not exit. Screen:\n{}", framed(&self.screen()));
            }
            thread::sleep(POLL);
        }
        self.exit_code.unwrap()
    }
}

impl Drop for Pty {
    /// Kills and reaps the app if a test ended (or failed) while it ran.
    fn drop(&mut self) {
        if self.exit_code.is_none() && matches!(self.child.try_wait(), Ok(None)) {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}

fn size(cols: u16, rows: u16) -> PtySize {
    PtySize {
        rows,
        cols,
        ..PtySize::default()
    }
}

/// The screen between rules, with row numbers, for failure messages.
pub fn framed(screen: &str) -> String {
    let mut out = String::from("    +---\n");
    for (i, line) in screen.lines().enumerate() {
        out.push_str(&format!("{i:>3} |{line}\n"));
    }
    out + "    +---"
}

/// Polls until `ready` holds for the text of `path` (or the deadline passes,
/// failing with what was there), for files the app writes in the background.
pub fn wait_for_file(path: &Path, what: &str, ready: impl Fn(&str) -> bool) -> String {
    let start = Instant::now();
    loop {
        let text = std::fs::read_to_string(path).unwrap_or_default();
        if ready(&text) {
            return text;
        }
        if start.elapsed() > DEADLINE {
            panic!(
                "timed out waiting for {what} in {}:\n{text}",
                path.display()
            );
        }
        thread::sleep(POLL);
    }
}
pub mod frames;
pub mod input;
