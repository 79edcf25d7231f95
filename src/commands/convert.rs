//! `allyship convert` (a toolkit from JSON to a Markdown folder and back)
//! and `allyship new-toolkit` (a small example folder to start from). Both
//! refuse to write over a file or folder that exists, unless `--force`
//! says to; each file is written atomically.

use super::{EXIT_BAD_CONTENT, Output};
use crate::journal::store::atomic_write;
use crate::toolkit::content::{self, Severity, Toolkit};
use crate::toolkit::markdown::{self, File};
use std::fmt::Write as _;
use std::path::Path;

/// What `convert` writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    /// A folder of Markdown files.
    Markdown,
    /// One JSON file, as `data/toolkit.json`.
    Json,
}

/// `allyship convert [FILE|DIR] --to markdown|json --output PATH [--force]`:
/// the toolkit at `input` (the built-in one when none is given) written in
/// the other format. A toolkit with errors is not converted.
pub fn convert(input: Option<&Path>, to: Target, output: &Path, force: bool) -> Output {
    if let Some(refused) = refuse_existing(output, to, force) {
        return refused;
    }
    let (toolkit, mut report) = match input {
        None => match serde_json::from_str::<Toolkit>(content::BUILT_IN) {
            Ok(toolkit) => (toolkit, String::new()),
            Err(e) => return failed(format!("The built-in toolkit could not be read: {e}\n")),
        },
        Some(path) => match as_written(path) {
            Ok(read) => read,
            Err(output) => return output,
        },
    };
    let written = match to {
        Target::Json => atomic_write(output, json_text(&toolkit).as_bytes()).map(|()| 1),
        Target::Markdown => write_folder(output, &markdown::to_files(&toolkit), force),
    };
    match written {
        Ok(files) => {
            let _ = writeln!(
                report,
                "Wrote {} ({}, {}) to {}. Check it with: allyship check-content {}",
                crate::journal::report::count(files, "file", "files"),
                crate::journal::report::count(toolkit.parts.len(), "part", "parts"),
                crate::journal::report::count(toolkit.section_count(), "section", "sections"),
                output.display(),
                output.display()
            );
            Output::ok(report)
        }
        Err(e) => failed(format!(
            "{report}Could not write {}: {e}\n",
            output.display()
        )),
    }
}

/// `allyship new-toolkit DIR`: a small, commented example toolkit to
/// start from, in a folder that does not exist yet (or is empty).
pub fn new_toolkit(dir: &Path) -> Output {
    let empty = std::fs::read_dir(dir).is_ok_and(|mut entries| entries.next().is_none());
    if dir.exists() && !empty {
        return failed(format!(
            "{} already exists and is not empty: choose a new folder name\n",
            dir.display()
        ));
    }
    match write_folder(dir, &markdown::example::files(), false) {
        Ok(files) => Output::ok(format!(
            "Wrote an example toolkit ({}) to {d}.\n\
             Check it:  allyship check-content {d}\n\
             Open it:   allyship --content {d}\n\
             Each file says in its first lines (after #) what its parts are for; \
             the README's \"Your own toolkit in Markdown\" walks through adding a section.\n",
            crate::journal::report::count(files, "file", "files"),
            d = dir.display()
        )),
        Err(e) => failed(format!("Could not write {}: {e}\n", dir.display())),
    }
}

/// A refusal when `output` exists and `--force` was not given, or when it
/// is a file where a folder is to go (or the other way round).
fn refuse_existing(output: &Path, to: Target, force: bool) -> Option<Output> {
    let meta = std::fs::symlink_metadata(output).ok()?;
    let message = match (to, meta.is_dir()) {
        (Target::Markdown, false) => "is a file, and a Markdown toolkit is a folder",
        (Target::Json, true) => "is a folder, and a JSON toolkit is one file",
        _ if !force => "already exists: choose another --output, or add --force to write over it",
        _ => return None,
    };
    Some(failed(format!("{} {message}\n", output.display())))
}

/// The toolkit at `path` as written (a cross-reference without a title
/// stays without one), after checking it has no errors; the problems
/// found (warnings only) are in the report.
fn as_written(path: &Path) -> Result<(Toolkit, String), Output> {
    let could_not = |e: std::io::Error| failed(format!("Could not read {}: {e}\n", path.display()));
    let loaded = crate::input::folder::load_toolkit(path).map_err(could_not)?;
    let mut report = String::new();
    for problem in &loaded.problems {
        let _ = writeln!(report, "{}", problem.located(path));
    }
    let errors = loaded
        .problems
        .iter()
        .filter(|p| p.severity == Severity::Error)
        .count();
    if loaded.toolkit.is_none() {
        let _ = writeln!(
            report,
            "{} has {}, so it was not converted.",
            path.display(),
            crate::journal::report::count(errors, "error", "errors")
        );
        return Err(failed(report));
    }
    let written = if path.is_dir() {
        let folder = crate::input::folder::read(path).map_err(could_not)?;
        markdown::as_written(&folder.files)
    } else {
        let text = crate::input::read_toolkit_text(path).map_err(could_not)?;
        serde_json::from_str(&text).ok()
    };
    match written {
        Some(toolkit) => Ok((toolkit, report)),
        None => Err(failed(format!(
            "{report}{} changed while it was read\n",
            path.display()
        ))),
    }
}

/// The toolkit as JSON in the project's formatting (two-space indents,
/// fields in the order of the types, a final line end): a
/// cross-reference's empty title is left out, as the file leaves it out.
pub fn json_text(toolkit: &Toolkit) -> String {
    let mut text = serde_json::to_string_pretty(toolkit).unwrap_or_default();
    text.push('\n');
    text
}

/// Writes `files` into the folder `dir` (made if missing). With `force`,
/// the Markdown files a toolkit folder is read from are removed first, so
/// none of an older toolkit is left among the new one; nothing else is.
fn write_folder(dir: &Path, files: &[File], force: bool) -> std::io::Result<usize> {
    if force && dir.is_dir() {
        for old in crate::input::folder::read(dir)?.files {
            std::fs::remove_file(dir.join(&old.path))?;
        }
    }
    for file in files {
        let path = dir.join(&file.path);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)?;
        }
        atomic_write(&path, file.text.as_bytes())?;
    }
    Ok(files.len())
}

fn failed(stderr: String) -> Output {
    Output {
        stdout: String::new(),
        stderr,
        code: EXIT_BAD_CONTENT,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_built_in_toolkit_goes_to_markdown_and_back_to_the_same_json() {
        let dir = tempfile::tempdir().unwrap();
        let folder = dir.path().join("kit");
        let json = dir.path().join("again.json");
        let out = convert(None, Target::Markdown, &folder, false);
        assert_eq!(out.code, 0, "{}", out.stderr);
        let out = convert(Some(&folder), Target::Json, &json, false);
        assert_eq!(out.code, 0, "{}{}", out.stdout, out.stderr);
        let again = std::fs::read_to_string(&json).unwrap();
        let parsed = |text: &str| serde_json::from_str::<serde_json::Value>(text).unwrap();
        assert_eq!(parsed(&again), parsed(content::BUILT_IN));
        // Byte for byte, it is the built-in file in the project's
        // formatting (data/toolkit.json itself puts a scenario's choice
        // before its prompts, the types after them).
        let formatted = json_text(&serde_json::from_str(content::BUILT_IN).unwrap());
        assert!(again == formatted, "the same values, written differently");
    }

    #[test]
    fn nothing_is_written_over_without_force() {
        let dir = tempfile::tempdir().unwrap();
        let json = dir.path().join("kit.json");
        std::fs::write(&json, "mine").unwrap();
        let out = convert(None, Target::Json, &json, false);
        assert_ne!(out.code, 0);
        assert!(out.stderr.contains("--force"), "{}", out.stderr);
        assert_eq!(std::fs::read_to_string(&json).unwrap(), "mine");
        assert_eq!(convert(None, Target::Json, &json, true).code, 0);
        let written = std::fs::read_to_string(&json).unwrap();
        assert_ne!(written, "mine");
        assert!(serde_json::from_str::<Toolkit>(&written).is_ok());
        // A folder: refused, then replaced (an old section does not linger).
        let folder = dir.path().join("kit");
        std::fs::create_dir_all(folder.join("09-old")).unwrap();
        std::fs::write(folder.join("09-old/01-gone.md"), "old").unwrap();
        std::fs::write(folder.join("keep.txt"), "kept").unwrap();
        assert_ne!(convert(None, Target::Markdown, &folder, false).code, 0);
        assert!(folder.join("09-old/01-gone.md").exists());
        assert_eq!(convert(None, Target::Markdown, &folder, true).code, 0);
        assert!(!folder.join("09-old/01-gone.md").exists());
        assert!(folder.join("keep.txt").exists());
        let check = super::super::check_content(&folder, false);
        assert_eq!(check.code, 0, "{}", check.stdout);
    }

    #[test]
    fn a_toolkit_with_errors_is_not_converted() {
        let dir = tempfile::tempdir().unwrap();
        let bad = dir.path().join("bad.json");
        std::fs::write(&bad, "{\"title\": 1}").unwrap();
        let out = convert(Some(&bad), Target::Markdown, &dir.path().join("kit"), false);
        assert_ne!(out.code, 0);
        assert!(out.stderr.contains("not converted"), "{}", out.stderr);
        assert!(!dir.path().join("kit").exists());
    }

    #[test]
    fn the_new_toolkit_passes_the_strict_check_and_is_never_written_over() {
        let dir = tempfile::tempdir().unwrap();
        let kit = dir.path().join("ours");
        let out = new_toolkit(&kit);
        assert_eq!(out.code, 0, "{}", out.stderr);
        let check = super::super::check_content(&kit, true);
        assert_eq!(check.code, 0, "{}", check.stdout);
        assert!(
            check.stdout.contains("looks good (4 sections)"),
            "{}",
            check.stdout
        );
        let again = new_toolkit(&kit);
        assert_ne!(again.code, 0);
        assert!(again.stderr.contains("not empty"), "{}", again.stderr);
    }
}
