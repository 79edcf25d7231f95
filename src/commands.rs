//! The plain commands: line-by-line text with no escape sequences, for
//! screen readers, scripts and quick looks.

use crate::journal::record::Journal;
use crate::toolkit::content::{self, Severity, Toolkit};

pub mod actions;
pub mod commitments;
pub mod json;
pub mod note;
mod practice;
pub mod records;
use crate::journal::{report, store};
use crate::theme::Theme;
use crate::toolkit::render;
pub use practice::answer;
use practice::{answers_hint, outcomes_text};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

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

/// `allyship list`: every part and section, numbered, with ids and the
/// journal's marks (read, revisited, bookmarked, with a note) when there is
/// a journal, explained in words on a legend line.
pub fn list(toolkit: &Toolkit, journal: Option<&Journal>) -> Output {
    let mut out = format!("{} (version {})\n", toolkit.title, toolkit.version);
    let mut part = usize::MAX;
    for entry in toolkit.entries() {
        if entry.part_index != part {
            part = entry.part_index;
            let _ = write!(out, "\n{}\n", entry.part.title);
            outcomes_text(&mut out, &entry.part.outcomes);
        }
        let mark = journal.map_or(String::new(), |j| marks(j, &entry.section.id));
        let _ = writeln!(
            out,
            "{:>3}. {mark}{} ({})",
            entry.index + 1,
            entry.section.title,
            entry.section.id
        );
    }
    if journal.is_some() {
        let _ = write!(out, "\n{}{LIST_LEGEND}\n", report::MARKS_LEGEND);
    }
    out.push_str("\nRead one with: allyship read NUMBER (for example: allyship read 1)\n");
    Output::ok(out)
}

/// What `list`'s legend adds to the reading marks.
const LIST_LEGEND: &str = "   ★ bookmarked   ✎ has a note";

/// A section's marks in `list`: "✓ ", then "★ " when bookmarked and "✎ "
/// with a note (the symbols the app's contents use).
fn marks(journal: &Journal, id: &str) -> String {
    use crate::reader::ui::writing::{BOOKMARK_MARK, NOTE_MARK};
    let mut out = format!("{} ", report::mark(journal.status(id)));
    if journal.bookmarks.contains_key(id) {
        out = out + BOOKMARK_MARK + " ";
    }
    if journal.notes.contains_key(id) {
        out = out + NOTE_MARK + " ";
    }
    out
}

/// The saved journal, if there is one, without creating anything.
pub fn saved_journal(data_dir: Option<PathBuf>) -> Option<Journal> {
    let dir = store::data_dir(data_dir).ok()?;
    if !store::journal_path_in(&dir).is_file() {
        return None;
    }
    // Reading only: nothing in the folder is created, moved or copied.
    store::read(&dir).ok()
}

/// The saved journal for a command that shows it, with lines for standard
/// error (notices). Empty when there is no journal yet; an error naming the
/// file when there is one that can't be read, so a backup or a list made
/// from it is never silently empty.
pub fn journal_to_show(data_dir: Option<PathBuf>) -> Result<(Journal, String), String> {
    let Ok(dir) = store::data_dir(data_dir) else {
        return Ok((Journal::new(), String::new()));
    };
    // Reading only: nothing in the folder is created, moved or copied.
    let journal = store::read(&dir).map_err(|e| match e {
        store::StoreError::Read(path, why) => format!(
            "Your journal at {} can't be read ({why}); nothing was shown.",
            path.display()
        ),
        other => other.to_string(),
    })?;
    // Nothing is kept in a folder others could change: say so here too.
    let notices = store::folder_problem(&dir)
        .map(|notice| format!("{notice}\n"))
        .unwrap_or_default();
    Ok((journal, notices))
}

/// `allyship read`: one section as wrapped plain text, or a helpful error.
/// With `answers`, a scenario's feedback follows each option.
pub fn read(toolkit: &Toolkit, query: &str, width: u16, colour: bool, answers: bool) -> Output {
    match toolkit.resolve(query) {
        Ok(index) => {
            let mut text = section_text(toolkit, index, width, (colour, answers));
            if let Some(hint) = answers_hint(toolkit, index, answers) {
                text.push('\n');
                text.push_str(&wrapped(&hint, width));
            }
            Output::ok(text)
        }
        Err(suggestions) => actions::not_found(toolkit, &[(query, suggestions)]),
    }
}

/// `allyship read --all`: the whole toolkit, section after section (with
/// `answers`, scenarios' feedback too).
pub fn read_all(toolkit: &Toolkit, width: u16, colour: bool, answers: bool) -> Output {
    let title = format!("{} (version {})", toolkit.title, toolkit.version);
    let mut out = wrapped(&title, width);
    for index in 0..toolkit.section_count() {
        out.push('\n');
        out.push_str(&section_text(toolkit, index, width, (colour, answers)));
    }
    out.push_str(&sources_text(toolkit, width));
    Output::ok(out)
}

/// A section as plain text, led by where it sits ("Top tips · section 18 of 35").
fn section_text(
    toolkit: &Toolkit,
    index: usize,
    width: u16,
    (colour, answers): (bool, bool),
) -> String {
    let part = toolkit.entry(index).map_or("", |e| e.part.title.as_str());
    let place = format!(
        "{part} · section {} of {}",
        index + 1,
        toolkit.section_count()
    );
    if colour {
        let body = render::section_lines_with(toolkit, index, width, &Theme::standard(), answers);
        return wrapped(&place, width) + &render::ansi(&body);
    }
    let body = render::section_lines_with(toolkit, index, width, &Theme::mono(), answers);
    wrapped(&place, width) + &render::plain(&body)
}

/// Plain text wrapped to `width`, one line per line.
fn wrapped(text: &str, width: u16) -> String {
    let plain_style = ratatui::style::Style::new();
    let mut lines = Vec::new();
    render::wrap_into(&mut lines, text, width, ("", ""), plain_style, plain_style);
    render::plain(&lines)
}

/// The sources, credited once, as `read --all` ends.
fn sources_text(toolkit: &Toolkit, width: u16) -> String {
    let mut out = String::from("\nSources\n");
    for source in &toolkit.sources {
        let date = source
            .date
            .as_deref()
            .map(|d| format!(", {d}"))
            .unwrap_or_default();
        out.push_str(&wrapped(
            &format!("{}: {}{date}", source.title, source.publisher),
            width,
        ));
    }
    out
}

/// `allyship journal [--json] [--path]`: progress as plain text or JSON.
pub fn journal(
    toolkit: &Toolkit,
    data_dir: Option<PathBuf>,
    json: bool,
    path_only: bool,
) -> Output {
    let dir = match store::data_dir(data_dir) {
        Ok(dir) => dir,
        Err(e) => return failure(format!("Progress can't be kept: {e}.\n")),
    };
    let path = store::journal_path_in(&dir);
    if path_only {
        return Output::ok(format!("{}\n", path.display()));
    }
    let (journal, mut stderr) = match journal_to_show(Some(dir)) {
        Ok(found) => found,
        Err(e) => return failure(format!("{e}\n")),
    };
    let report = report::report(toolkit, &journal);
    let stdout = if json {
        // Every section's state by id too, not only the counts.
        let with_sections = serde_json::to_value(&report).map(|mut value| {
            value["sections"] = json::section_states(toolkit, &journal);
            value
        });
        match with_sections {
            Ok(value) => json::text(&value),
            Err(e) => {
                stderr.push_str(&format!("Could not write JSON: {e}\n"));
                String::new()
            }
        }
    } else {
        report::plain(toolkit, &report, Some(&path.display().to_string()))
    };
    Output {
        stdout,
        stderr,
        code: 0,
    }
}

/// `allyship reset`: moves the journal aside (never deleting it).
pub fn reset(data_dir: Option<PathBuf>, confirmed: bool) -> Output {
    if !confirmed {
        return Output::ok("Nothing changed: your journal is as it was.\n".into());
    }
    let dir = match store::data_dir(data_dir) {
        Ok(dir) => dir,
        Err(e) => return failure(format!("Progress can't be kept: {e}.\n")),
    };
    let (store, journal, _) = store::Store::open(dir);
    match store.reset() {
        Ok(moved) => Output::ok(format!(
            "Your journal starts over. The old one ({}) is kept at {}\n",
            what_goes(&journal),
            moved.display()
        )),
        Err(e) => failure(format!("Nothing changed: {e}.\n")),
    }
}

/// What starting over takes away, counted: "8 sections read, 3 notes,
/// 2 bookmarks, 1 h 5 min of learning time", so `reset` never surprises.
pub fn what_goes(journal: &Journal) -> String {
    let count = |n: usize, one: &str, many: &str| match n {
        1 => format!("1 {one}"),
        n => format!("{n} {many}"),
    };
    let mut parts = vec![
        count(journal.sections.len(), "section read", "sections read"),
        count(journal.notes.len(), "note", "notes"),
        count(journal.bookmarks.len(), "bookmark", "bookmarks"),
    ];
    if !journal.commitments.is_empty() {
        let made = journal.commitments.len();
        parts.push(count(made, "commitment", "commitments"));
    }
    let secs = journal
        .days
        .values()
        .fold(0u64, |sum, day| sum.saturating_add(day.active_secs));
    if report::learning_minutes(secs) > 0 {
        let time = report::duration_text(secs);
        parts.push(format!("{time} of learning time"));
    }
    parts.join(", ")
}

/// The question `reset` asks, saying what goes; `None` when there is no
/// journal to lose (then `reset` says so without asking).
pub fn reset_question(data_dir: Option<PathBuf>) -> Option<String> {
    let dir = store::data_dir(data_dir).ok()?;
    if !store::journal_path_in(&dir).is_file() {
        return None;
    }
    // Reading only, as `saved_journal` does; one that can't be read is
    // still asked about.
    let what = store::read(&dir).map_or_else(
        |_| "everything in it (it could not be read to count what)".to_string(),
        |journal| what_goes(&journal),
    );
    Some(format!(
        "Start your journal over? This clears {what}. \
         The old journal is moved aside, not deleted. [y/N] "
    ))
}

/// A failed command's output: the message on standard error, exit code 1.
pub(crate) fn failure(stderr: String) -> Output {
    Output {
        stdout: String::new(),
        stderr,
        code: 1,
    }
}

/// Whether `read` should colour its output: `--color always`/`never`, or
/// with `auto` only for a terminal that is not `dumb` and with no `NO_COLOR`.
pub fn use_colour(
    choice: crate::cli::ColorChoice,
    terminal: bool,
    term: Option<&str>,
    no_color: bool,
) -> bool {
    use crate::cli::ColorChoice;
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => terminal && term != Some("dumb") && !no_color,
    }
}

/// `allyship check-content FILE`: every problem with its place.
pub fn check_content(path: &Path, strict: bool) -> Output {
    let text = match std::fs::read_to_string(path) {
        Ok(text) => text,
        Err(e) => {
            return Output {
                stdout: String::new(),
                stderr: format!("Could not read {}: {e}\n", path.display()),
                code: EXIT_BAD_CONTENT,
            };
        }
    };
    let loaded = content::load(&text);
    let errors = loaded
        .problems
        .iter()
        .filter(|p| p.severity == Severity::Error)
        .count();
    let warnings = loaded.problems.len() - errors;
    let mut out = String::new();
    for problem in &loaded.problems {
        let _ = writeln!(out, "{}: {problem}", path.display());
    }
    let summary = match (errors, warnings) {
        (0, 0) => {
            let sections = loaded.toolkit.as_ref().map_or(0, Toolkit::section_count);
            format!("{}: looks good ({sections} sections).", path.display())
        }
        (0, w) if strict => format!(
            "{}: fails under --strict, with {}.",
            path.display(),
            report::count(w, "warning", "warnings")
        ),
        (0, w) => format!(
            "{}: loads, with {}.",
            path.display(),
            report::count(w, "warning", "warnings")
        ),
        (e, w) => format!(
            "{}: {}, {}; the file will not load.",
            path.display(),
            report::count(e, "error", "errors"),
            report::count(w, "warning", "warnings")
        ),
    };
    let _ = writeln!(out, "{summary}");
    let failed = errors > 0 || (strict && warnings > 0);
    Output {
        stdout: out,
        stderr: String::new(),
        code: if failed { EXIT_BAD_CONTENT } else { 0 },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::toolkit::content::built_in;

    #[test]
    fn list_numbers_every_section_with_its_id() {
        let toolkit = built_in();
        let out = list(&toolkit, None);
        assert_eq!(out.code, 0);
        assert!(out.stdout.contains("  1. "));
        assert!(out.stdout.contains("(tip-speak-up)"));
        let count = toolkit.section_count();
        assert!(out.stdout.contains(&format!("{count:>3}. ")));
    }

    #[test]
    fn list_shows_marks_from_the_journal() {
        let toolkit = built_in();
        let mut journal = Journal::new();
        let mut session = crate::journal::record::Session::new("s");
        let at = jiff::Timestamp::from_second(1_700_000_000).unwrap();
        session.record_read("welcome", at, crate::journal::record::local_day(at));
        journal.apply(&session.pending, &session.id);
        let out = list(&toolkit, Some(&journal));
        assert!(
            out.stdout
                .contains("  1. ✓ Why this toolkit exists (welcome)"),
            "{}",
            out.stdout
        );
        assert!(out.stdout.contains("  2. · "));
        assert!(out.stdout.contains("Marks:"));
    }

    #[test]
    fn list_marks_bookmarks_and_notes_and_says_so_in_words() {
        let toolkit = built_in();
        let mut journal = Journal::new();
        let mut session = crate::journal::record::Session::new("s");
        let at = jiff::Timestamp::from_second(1_700_000_000).unwrap();
        session.record_read("welcome", at, crate::journal::record::local_day(at));
        session.set_bookmark("welcome", None, at);
        session.set_note("welcome", "mine", at);
        session.set_note("tip-speak-up", "mine too", at);
        journal.apply(&session.pending, &session.id);
        let out = list(&toolkit, Some(&journal)).stdout;
        assert!(
            out.contains("  1. ✓ ★ ✎ Why this toolkit exists (welcome)"),
            "{out}"
        );
        assert!(out.contains(". · ✎ Speak up"), "{out}");
        assert!(out.contains("★ bookmarked   ✎ has a note"), "{out}");
    }

    #[test]
    fn reading_an_unknown_section_suggests_and_fails() {
        let out = read(&built_in(), "tip-speek-up", 80, false, false);
        assert_eq!(out.code, EXIT_NOT_FOUND);
        assert!(
            out.stderr.contains("Did you mean: tip-speak-up"),
            "{}",
            out.stderr
        );
        assert!(out.stdout.is_empty());
    }

    #[test]
    fn reading_wraps_to_the_width_asked() {
        let out = read(&built_in(), "2", 30, false, false);
        assert_eq!(out.code, 0);
        assert!(out.stdout.lines().all(|l| l.chars().count() <= 30));
        assert!(!out.stdout.contains('\u{1b}'));
    }

    #[test]
    fn read_all_has_every_section_and_the_sources() {
        let toolkit = built_in();
        let out = read_all(&toolkit, 80, false, false);
        for entry in toolkit.entries() {
            assert!(
                out.stdout.contains(&entry.section.title),
                "{}",
                entry.section.id
            );
        }
        assert!(out.stdout.contains("ADASS"));
    }

    #[test]
    fn colour_only_when_asked_or_on_a_real_terminal() {
        use crate::cli::ColorChoice::*;
        assert!(use_colour(Always, false, Some("dumb"), true));
        assert!(!use_colour(Never, true, Some("xterm"), false));
        assert!(use_colour(Auto, true, Some("xterm"), false));
        assert!(!use_colour(Auto, false, Some("xterm"), false), "a pipe");
        assert!(!use_colour(Auto, true, Some("dumb"), false));
        assert!(!use_colour(Auto, true, Some("xterm"), true), "NO_COLOR");
        let coloured = read(&built_in(), "1", 80, true, false);
        assert!(coloured.stdout.contains("\x1b[1;36m"));
    }

    #[test]
    fn check_content_reports_and_fails_on_errors() {
        let dir = tempfile::tempdir().unwrap();
        let bad = dir.path().join("bad.json");
        std::fs::write(&bad, "{\"title\": 1}").unwrap();
        let out = check_content(&bad, false);
        assert_eq!(out.code, EXIT_BAD_CONTENT);
        assert!(out.stdout.contains("line 1, column"), "{}", out.stdout);
        let missing = check_content(&dir.path().join("missing.json"), false);
        assert_eq!(missing.code, EXIT_BAD_CONTENT);
        assert!(missing.stderr.starts_with("Could not read"));
    }

    #[test]
    fn counts_are_written_with_proper_plurals_and_strict_says_it_fails() {
        let dir = tempfile::tempdir().unwrap();
        let long = "word ".repeat(200);
        let warned =
            content::BUILT_IN.replacen("\"paragraph\": \"", &format!("\"paragraph\": \"{long}"), 1);
        let path = dir.path().join("long.json");
        std::fs::write(&path, warned).unwrap();
        let loose = check_content(&path, false);
        assert!(
            loose.stdout.contains("loads, with 1 warning."),
            "{}",
            loose.stdout
        );
        let strict = check_content(&path, true);
        assert_ne!(strict.code, 0);
        assert!(
            strict
                .stdout
                .contains("fails under --strict, with 1 warning."),
            "{}",
            strict.stdout
        );
        assert!(!strict.stdout.contains("(s)"), "{}", strict.stdout);
        assert_eq!(report::count(1, "error", "errors"), "1 error");
        assert_eq!(report::count(0, "error", "errors"), "0 errors");
        assert_eq!(report::count(3, "section", "sections"), "3 sections");
    }

    #[test]
    fn check_content_passes_the_built_in_toolkit() {
        let dir = tempfile::tempdir().unwrap();
        let good = dir.path().join("good.json");
        std::fs::write(&good, content::BUILT_IN).unwrap();
        let out = check_content(&good, true);
        assert_eq!(out.code, 0, "{}", out.stdout);
        assert!(out.stdout.contains("looks good"));
    }
}
