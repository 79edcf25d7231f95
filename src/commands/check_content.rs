//! `check-content FILE|DIR`: every problem in a toolkit file (or a folder
//! of Markdown files) with its place, and a summary that says whether it
//! will load.

use super::{EXIT_BAD_CONTENT, Output};
use crate::journal::report;
use crate::sanitise::one_line;
use crate::toolkit::content::{Severity, Toolkit};
use std::fmt::Write as _;
use std::path::Path;

/// `allyship check-content FILE|DIR`: every problem with its place.
pub fn check_content(path: &Path, strict: bool) -> Output {
    let loaded = match crate::input::folder::load_toolkit(path) {
        Ok(loaded) => loaded,
        Err(e) => {
            return Output {
                stdout: String::new(),
                stderr: format!("Could not read {}: {e}\n", path.display()),
                code: EXIT_BAD_CONTENT,
            };
        }
    };
    let errors = loaded
        .problems
        .iter()
        .filter(|p| p.severity == Severity::Error)
        .count();
    let warnings = loaded.problems.len() - errors;
    let mut out = String::new();
    // One line each, whatever the file's name or text holds: a line break
    // in a web address must never print a line such as "looks good".
    let name = path.display().to_string();
    let name = one_line(&name);
    for problem in &loaded.problems {
        let _ = writeln!(out, "{}", one_line(&problem.located(path)));
    }
    let summary = match (errors, warnings) {
        (0, 0) => {
            let sections = loaded.toolkit.as_ref().map_or(0, Toolkit::section_count);
            format!("{name}: looks good ({sections} sections).")
        }
        (0, w) if strict => format!(
            "{}: fails under --strict, with {}.",
            name,
            report::count(w, "warning", "warnings")
        ),
        (0, w) => format!(
            "{}: loads, with {}.",
            name,
            report::count(w, "warning", "warnings")
        ),
        (e, w) => format!(
            "{}: {}, {}; the {} will not load.",
            name,
            report::count(e, "error", "errors"),
            report::count(w, "warning", "warnings"),
            if path.is_dir() { "toolkit" } else { "file" }
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
    use crate::toolkit::content;

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
