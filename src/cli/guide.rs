//! `allyship guide`, and `allyship` where a full screen can't be drawn:
//! with `TERM=dumb`, with no `TERM`, or when standard input or output is
//! not a terminal, the guide starts instead of escape codes nobody sees.

use super::terminal::finish;
use crate::commands::{self, Output};
use crate::guide::Guide;
use crate::guide::input::Stdin;
use crate::sanitise::printable;
use crate::toolkit::content::Toolkit;
use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

/// Whether bare `allyship` should start the guide rather than the full
/// screen: a terminal that says it can't draw one (`TERM=dumb`, or no
/// `TERM` at all), or no terminal on standard input or output.
pub(super) fn guide_instead(
    term: Option<&str>,
    stdin_terminal: bool,
    stdout_terminal: bool,
) -> bool {
    let dumb = term.is_none_or(|t| t.trim().is_empty() || t == "dumb");
    dumb || !stdin_terminal || !stdout_terminal
}

/// [`guide_instead`] for this process.
pub(super) fn guide_instead_here() -> bool {
    let term = std::env::var("TERM").ok();
    guide_instead(
        term.as_deref(),
        std::io::stdin().is_terminal(),
        std::io::stdout().is_terminal(),
    )
}

/// Runs the guide from `section` (a number or id; `None`: where the person
/// left off) on standard input and output. An unknown section is refused
/// before anything starts.
pub(super) fn run_guide(
    toolkit: &Toolkit,
    data_dir: Option<PathBuf>,
    section: Option<&str>,
) -> ExitCode {
    let start = match section.map(|query| toolkit.resolve(query)) {
        None => None,
        Some(Ok(index)) => Some(index),
        Some(Err(near)) => return finish(no_such_section(toolkit, section.unwrap_or(""), &near)),
    };
    let mut input = Stdin::start();
    let guide = Guide::new(
        toolkit,
        data_dir,
        std::io::stdout().lock(),
        Box::new(std::time::Instant::now),
    )
    .wrap_to(Box::new(terminal_width));
    let ending = guide.run(&mut input, start);
    if let Some(problem) = ending.problem {
        // Standard output is gone: the last lines must still reach the person.
        let mut stderr = std::io::stderr().lock();
        if problem.kind() != std::io::ErrorKind::BrokenPipe {
            let _ = writeln!(
                stderr,
                "allyship guide: the output could not be written: {problem}"
            );
        }
        for line in &ending.farewell {
            let _ = writeln!(stderr, "{}", printable(line));
        }
    }
    ExitCode::SUCCESS
}

/// The width of the terminal standard output goes to, or `None` when it
/// is not a terminal (a script reads whole lines).
fn terminal_width() -> Option<u16> {
    if !std::io::stdout().is_terminal() {
        return None;
    }
    ratatui::crossterm::terminal::size()
        .ok()
        .map(|(w, _)| w)
        .filter(|w| *w > 0)
}

/// "There is no section …" with the nearest ids and the range; exit code
/// [`commands::EXIT_NOT_FOUND`].
fn no_such_section(toolkit: &Toolkit, query: &str, near: &[String]) -> Output {
    let mut stderr = format!("There is no section \"{query}\".");
    if !near.is_empty() {
        stderr.push_str(&format!(" Did you mean: {}?", near.join(", ")));
    }
    stderr.push_str(&format!(
        "\nSections are numbered 1 to {}; run `allyship list` to see them all.\n",
        toolkit.section_count()
    ));
    Output {
        stdout: String::new(),
        stderr,
        code: commands::EXIT_NOT_FOUND,
    }
}

#[cfg(test)]
mod tests {
    use super::guide_instead;

    #[test]
    fn the_guide_starts_where_a_full_screen_cant_be_drawn() {
        assert!(guide_instead(Some("dumb"), true, true));
        assert!(guide_instead(None, true, true));
        assert!(guide_instead(Some(""), true, true));
        assert!(guide_instead(Some("xterm-256color"), false, true));
        assert!(guide_instead(Some("xterm-256color"), true, false));
        assert!(!guide_instead(Some("xterm-256color"), true, true));
        assert!(!guide_instead(Some("linux"), true, true));
    }
}
