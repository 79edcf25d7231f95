//! Where the plain commands meet the terminal: their output printed through
//! the one sanitiser, the question `reset` asks, standard input read, and
//! the width to wrap to.

use crate::commands::{self, Output};
use crate::sanitise::printable;
use std::io::{IsTerminal, Write};
use std::process::ExitCode;

/// Asks on the terminal before starting over, saying what goes; anything
/// but "y" keeps the journal. With no journal there is nothing to ask.
pub(super) fn confirm_reset(data_dir: Option<std::path::PathBuf>) -> bool {
    let Some(question) = commands::reset_question(data_dir) else {
        return true;
    };
    eprint!("{question}");
    let mut answer = String::new();
    std::io::stdin().read_line(&mut answer).is_ok() && answer.trim().eq_ignore_ascii_case("y")
}

/// All of standard input as text, asking for it first (on standard error)
/// when it is a terminal, with the seconds a person spent typing it there
/// (learning time, as `commands::typing` counts it; none when piped).
pub(super) fn read_stdin(ask: &str) -> std::io::Result<(String, u64)> {
    use std::io::Read as _;
    let stdin = std::io::stdin();
    let at_terminal = stdin.is_terminal();
    if at_terminal {
        eprintln!("{ask}");
    }
    let mut text = String::new();
    let mut lock = stdin.lock();
    let mut timed = crate::commands::typing::TimedInput::new(&mut lock);
    timed.read_to_string(&mut text)?;
    let secs = if at_terminal { timed.active_secs() } else { 0 };
    Ok((text, secs))
}

/// The terminal's width for plain text, or 80 when output is not a terminal.
pub(super) fn terminal_width() -> u16 {
    if std::io::stdout().is_terminal() {
        ratatui::crossterm::terminal::size().map_or(80, |(w, _)| w.clamp(20, 1000))
    } else {
        80
    }
}

/// Prints a plain command's output, every byte through the one sanitiser:
/// no control sequence from a journal, a toolkit or a file name reaches the
/// terminal (JSON stays valid: the escapes are JSON's own).
pub(super) fn finish(output: Output) -> ExitCode {
    print_out(&printable(&output.stdout), output.stderr, output.code)
}

/// Prints output whose standard output is already safe (`read --color`:
/// the app's own colour codes around printable text).
pub(super) fn finish_coloured(output: Output) -> ExitCode {
    print_out(&output.stdout, output.stderr, output.code)
}

/// Writes standard output, then standard error (made printable); a failed
/// write is an error with a line saying so, but a closed pipe stays quiet.
fn print_out(stdout_text: &str, mut stderr: String, code: i32) -> ExitCode {
    let mut code = u8::try_from(code).unwrap_or(1);
    let mut stdout = std::io::stdout().lock();
    let written = stdout
        .write_all(stdout_text.as_bytes())
        .and_then(|()| stdout.flush());
    match written {
        // A closed pipe (`allyship read --all | head`) is the reader's
        // choice, not an error: stay quiet, as `cat` does.
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => {}
        Err(e) => {
            stderr.push_str(&format!("allyship: the output could not be written: {e}\n"));
            code = 1;
        }
        Ok(()) => {}
    }
    let _ = std::io::stderr().write_all(printable(&stderr).as_bytes());
    ExitCode::from(code)
}
