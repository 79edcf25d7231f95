//! Running a plain command as a script or a screen reader would: the real
//! binary with its data folder given, `TERM=dumb`, standard input piped,
//! and the checks every plain-command test makes of what came back.

use std::io::Write as _;
use std::path::Path;
use std::process::{Command, Output, Stdio};

/// The real binary with its data dir in `data_dir` and `TERM=dumb`, not yet
/// started: the one way every test runs a plain command, for the tests that
/// need more than [`run_with`] (another standard output, another user, more
/// of the environment).
pub fn allyship(data_dir: &Path) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_allyship"));
    command
        .env("ALLYSHIP_DATA_DIR", data_dir)
        .env("TERM", "dumb");
    command
}

/// Runs `allyship args` with `input` (text or bytes) on stdin and its data
/// dir in `data_dir`.
pub fn run_with(data_dir: &Path, args: &[&str], input: impl AsRef<[u8]>) -> Output {
    let mut child = allyship(data_dir)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run allyship");
    let mut stdin = child.stdin.take().expect("stdin");
    // A command that refuses before reading closes the pipe: not an error here.
    let _ = stdin.write_all(input.as_ref());
    drop(stdin);
    child.wait_with_output().expect("allyship ends")
}

/// Runs `allyship args` with nothing on stdin.
pub fn run(data_dir: &Path, args: &[&str]) -> Output {
    run_with(data_dir, args, "")
}

/// Bytes as text, for messages and comparisons.
pub fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// Asserts success and returns standard output.
#[track_caller]
pub fn ok(out: &Output) -> String {
    assert_eq!(out.status.code(), Some(0), "stderr: {}", text(&out.stderr));
    text(&out.stdout)
}

/// Whether this process runs as root, whom file modes do not stop.
#[cfg(unix)]
pub fn is_root() -> bool {
    rustix::process::geteuid().is_root()
}

/// A user id that is not root's nor this process's (nobody, on most
/// systems), to run a command as someone whom file modes stop.
#[cfg(unix)]
pub const NOBODY: u32 = 65_534;
