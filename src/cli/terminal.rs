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
/// (learning time, as `commands::typing` counts it; none when piped). More
/// than [`crate::input::MOST_WORDS`] is an error (`what` may be at most
/// 10 MB), read no further.
pub(super) fn read_stdin(ask: &str, what: &str) -> std::io::Result<(String, u64)> {
    let stdin = std::io::stdin();
    let at_terminal = stdin.is_terminal();
    if at_terminal {
        let ask =
            crate::commands::typing::wrap_prompt(ask, crate::commands::typing::prompt_width());
        eprint!("{ask}");
    }
    let mut lock = stdin.lock();
    let mut timed = crate::commands::typing::TimedInput::new(&mut lock);
    let bytes = crate::input::read_up_to(&mut timed, crate::input::MOST_WORDS)?
        .ok_or_else(|| std::io::Error::other(crate::input::words_too_long(what)))?;
    let secs = if at_terminal { timed.active_secs() } else { 0 };
    let text =
        String::from_utf8(bytes).map_err(|_| std::io::Error::other("it is not UTF-8 text"))?;
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
    print_out(
        &printable(&output.stdout),
        output.stderr,
        output.code,
        false,
    )
}

/// [`finish`] for a command that changes the journal: once its change is
/// saved (exit 0), output that can't be written is a warning on standard
/// error and the exit stays 0, so a script never retries (and duplicates)
/// a change that was kept.
pub(super) fn finish_saved(output: Output) -> ExitCode {
    let saved = output.code == 0;
    print_out(
        &printable(&output.stdout),
        output.stderr,
        output.code,
        saved,
    )
}

/// Prints output whose standard output is already safe (`read --color`:
/// the app's own colour codes around printable text).
pub(super) fn finish_coloured(output: Output) -> ExitCode {
    print_out(&output.stdout, output.stderr, output.code, false)
}

/// Writes standard output, then standard error (made printable); a failed
/// write is an error with a line saying so (a warning, exit 0, when a
/// change was `saved`), but a closed pipe stays quiet.
fn print_out(stdout_text: &str, mut stderr: String, code: i32, saved: bool) -> ExitCode {
    let mut code = u8::try_from(code).unwrap_or(1);
    let mut stdout = std::io::stdout().lock();
    let written = stdout
        .write_all(stdout_text.as_bytes())
        .and_then(|()| stdout.flush());
    match written {
        // A closed pipe (`allyship read --all | head`) is the reader's
        // choice, not an error: stay quiet, as `cat` does.
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => {}
        Err(e) if saved => stderr.push_str(&format!(
            "allyship: your change was saved, but what it printed could not be written: {e}\n"
        )),
        Err(e) => {
            stderr.push_str(&format!("allyship: the output could not be written: {e}\n"));
            code = 1;
        }
        Ok(()) => {}
    }
    let _ = std::io::stderr().write_all(printable(&stderr).as_bytes());
    ExitCode::from(code)
}
