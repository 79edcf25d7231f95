//! The last words of a full-screen run, when the terminal may have gone.
//! Closing the window under the app made `eprintln!` and `println!` panic
//! on the dead terminal, so the app exited 101, a panic's status (issue
//! 27, item 12): here a line that can't be written is let go, and an error
//! that only says the terminal went away ends the app as SIGHUP does, 0.
//! Any other error (words that no rescue file took, say) is a failure even
//! then: a script watching the status must not read it as a clean exit.

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
        Err(e) if only_the_terminal_went(&e, terminal_gone()) => std::process::ExitCode::SUCCESS,
        Err(e) => {
            let why = format!("{e:#}");
            let why = crate::sanitise::printable(&why);
            tell(&format!("allyship stopped: {why}"));
            std::process::ExitCode::FAILURE
        }
    }
}

/// Whether `e` is nothing but the terminal having gone: it has (`gone`),
/// and the error, or what caused it, is the one a closed terminal gives.
fn only_the_terminal_went(e: &anyhow::Error, gone: bool) -> bool {
    gone && e
        .chain()
        .filter_map(|cause| cause.downcast_ref::<io::Error>())
        .any(crate::terminal::says_terminal_closed)
}

#[cfg(test)]
mod tests {
    use super::only_the_terminal_went;
    use std::io;

    #[test]
    fn a_closed_terminal_is_a_quiet_end_but_nothing_else_is() {
        let eio = || anyhow::Error::from(io::Error::from_raw_os_error(5));
        let broken = || anyhow::Error::from(io::Error::from(io::ErrorKind::BrokenPipe));
        assert!(only_the_terminal_went(&eio(), true));
        assert!(only_the_terminal_went(&broken(), true));
        assert!(only_the_terminal_went(
            &eio().context("drawing the screen"),
            true
        ));
        // The same error while the terminal is still there is a failure.
        assert!(!only_the_terminal_went(&eio(), false));
        // A failed rescue at window close is not the terminal's going.
        let rescue = anyhow::anyhow!(
            "your unsaved words could not be kept anywhere; they are only printed above"
        );
        assert!(!only_the_terminal_went(&rescue, true));
        let full = anyhow::Error::from(io::Error::from_raw_os_error(28)).context("saving");
        assert!(!only_the_terminal_went(&full, true));
    }
}
