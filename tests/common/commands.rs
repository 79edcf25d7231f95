//! Running a plain command as a script or a screen reader would: the real
//! binary with its data folder given, `TERM=dumb`, standard input piped,
//! and the checks every plain-command test makes of what came back.

use std::io::Write as _;
use std::path::Path;
use std::process::{Command, Output, Stdio};

/// Runs `allyship args` with `input` (text or bytes) on stdin and its data
/// dir in `data_dir`.
pub fn run_with(data_dir: &Path, args: &[&str], input: impl AsRef<[u8]>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_allyship"))
        .args(args)
        .env("ALLYSHIP_DATA_DIR", data_dir)
        .env("TERM", "dumb")
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
