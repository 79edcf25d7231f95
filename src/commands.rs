//! The plain commands: line-by-line text with no escape sequences, for
//! screen readers, scripts and quick looks.
//!
//! May use the toolkit, the journal, the records and the presenter's
//! walkthrough log; never `cli`, which calls them (`ColorChoice` lives
//! here, in `read`).

use crate::journal::record::Journal;
use crate::journal::store;
use crate::toolkit::content::Toolkit;
use std::path::PathBuf;

pub mod actions;
mod check_content;
pub mod commitments;
pub mod convert;
pub mod discussed;
pub mod json;
pub mod note;
mod practice;
mod progress;
mod read;
pub mod records;
pub mod shapes;
pub mod typing;
mod walkthroughs;
pub use check_content::check_content;
pub use practice::answer;
pub use progress::{journal, reset, reset_question, what_goes};
pub use read::{ColorChoice, list, read, read_all, use_colour};
pub use walkthroughs::walkthroughs;

/// Exit code for "you asked for something that is not there".
pub const EXIT_NOT_FOUND: i32 = 2;
/// Exit code for a toolkit file with errors.
pub const EXIT_BAD_CONTENT: i32 = 1;

/// What a plain command prints, and how the process should exit.
#[derive(Debug, PartialEq, Eq)]
pub struct Output {
    /// Text for standard output.
    pub stdout: String,
    /// Text for standard error.
    pub stderr: String,
    /// The process exit code.
    pub code: i32,
}

impl Output {
    fn ok(stdout: String) -> Self {
        Output {
            stdout,
            stderr: String::new(),
            code: 0,
        }
    }

    /// The same output with `notices` (lines about the journal) first on standard error.
    fn noting(mut self, notices: &str) -> Self {
        self.stderr.insert_str(0, notices);
        self
    }
}

/// `allyship list`: the sections, with the journal's marks when there is
/// one. A journal that can't be read still lets the sections be listed,
/// without marks, and standard error says why they are missing.
pub fn list_output(toolkit: &Toolkit, data_dir: Option<PathBuf>) -> Output {
    let journal_there = store::data_dir(data_dir.clone())
        .is_ok_and(|dir| std::fs::symlink_metadata(store::journal_path_in(&dir)).is_ok());
    if !journal_there {
        return list(toolkit, None);
    }
    match journal_to_show_or(data_dir, "the sections are listed without your marks") {
        Ok((journal, notices)) => list(toolkit, Some(&journal)).noting(&notices),
        Err(why) => list(toolkit, None).noting(&format!("{why}\n")),
    }
}

/// The saved journal for a command that shows it, with lines for standard
/// error (notices). Empty when there is no journal yet; an error naming the
/// file when there is one that can't be read, so a backup or a list made
/// from it is never silently empty.
pub fn journal_to_show(data_dir: Option<PathBuf>) -> Result<(Journal, String), String> {
    journal_to_show_or(data_dir, "nothing was shown")
}

/// [`journal_to_show`], with what the command does instead when the
/// journal can't be read ("nothing was shown") ending the error.
fn journal_to_show_or(
    data_dir: Option<PathBuf>,
    instead: &str,
) -> Result<(Journal, String), String> {
    let dir = match store::data_dir(data_dir) {
        Ok(dir) => dir,
        // A folder that would follow the current one is never read either.
        Err(e @ store::StoreError::RelativeDir(..)) => return Err(format!("{e}.")),
        Err(_) => return Ok((Journal::new(), String::new())),
    };
    // Reading only: nothing in the folder is created, moved or copied.
    let (journal, mended) = store::read_noting(&dir).map_err(|e| match e {
        store::StoreError::Read(path, why) => format!(
            "Your journal at {} can't be read ({why}); {instead}.",
            path.display()
        ),
        other => other.to_string(),
    })?;
    // Nothing is kept in a folder others could change: say so here too.
    let notices = mended
        .iter()
        .chain(&store::folder_problem(&dir))
        .map(|notice| format!("{notice}\n"))
        .collect();
    Ok((journal, notices))
}

/// A failed command's output: the message on standard error, exit code 1.
pub(crate) fn failure(stderr: String) -> Output {
    Output {
        stdout: String::new(),
        stderr,
        code: 1,
    }
}
