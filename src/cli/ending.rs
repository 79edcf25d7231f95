//! The last words of a full-screen run, when the terminal may have gone.
//! Closing the window under the app made `eprintln!` and `println!` panic
//! on the dead terminal, so the app exited 101, a panic's status (issue
//! 27, item 12): here a line that can't be written is let go, and errors
//! that only say the terminal went away end the app as SIGHUP does, 0.

use std::io::{self, IsTerminal, Write};

/// Writes `line` to standard error if it can (never panics).
pub(super) fn tell(line: &str) {
    let _ = writeln!(io::stderr(), "{line}");
}

/// Writes `line` to standard output if it can (never panics).
pub(super) fn say(line: &str) {
    let _ = writeln!(io::stdout(), "{line}");
}

/// Whether the terminal the app ran on has gone (its window closed):
/// neither standard input nor output answers as one any more.
pub(super) fn terminal_gone() -> bool {
    !io::stdin().is_terminal() && !io::stdout().is_terminal()
}

/// The exit status for a full-screen run's `result`: 0 when it went well,
/// or when what failed was only the closed terminal; 1, said, otherwise.
pub(super) fn status(result: anyhow::Result<()>) -> std::process::ExitCode {
    match result {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(_) if terminal_gone() => std::process::ExitCode::SUCCESS,
        Err(e) => {
            let why = format!("{e:#}");
            let why = crate::sanitise::printable(&why);
            tell(&format!("allyship stopped: {why}"));
            std::process::ExitCode::FAILURE
        }
    }
}
