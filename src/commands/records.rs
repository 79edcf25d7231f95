//! Plain commands over a person's own records: bookmarks, notes, the
//! learning-record export and import, and search.

use super::actions::{Writable, open_for_writing};
use super::{Output, failure, journal_to_show};
use crate::journal::record::local_day;
use crate::journal::report::date_text;
use crate::journal::store;
use crate::records::export::cpd::{self, Regulator};
use crate::records::export::{self, Period, identifying};
use crate::toolkit::content::Toolkit;
use crate::toolkit::search;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

fn title_of(toolkit: &Toolkit, id: &str) -> String {
    toolkit
        .numbered_title(id)
        .unwrap_or_else(|| export::missing_title(id))
}

/// `allyship bookmarks [--json]`.
pub fn bookmarks(toolkit: &Toolkit, data_dir: Option<PathBuf>, json: bool) -> Output {
    let (journal, stderr) = match journal_to_show(data_dir) {
        Ok(found) => found,
        Err(e) => return failure(format!("{e}\n")),
    };
    // Section order, as the app lists them.
    let ordered: Vec<(String, &crate::journal::record::Bookmark)> =
        crate::journal::report::bookmark_order(toolkit, &journal)
            .into_iter()
            .filter_map(|id| journal.records.bookmarks.get(&id).map(|b| (id, b)))
            .collect();
    if json {
        let list: Vec<super::shapes::BookmarkOf> = ordered
            .iter()
            .map(|(id, b)| super::shapes::BookmarkOf {
                added: b.added,
                id,
                label: b.label.as_deref(),
                number: toolkit.index_of(id).map(|i| i + 1),
                // The title alone: the number has its own key.
                title: toolkit
                    .index_of(id)
                    .and_then(|i| toolkit.entry(i))
                    .map_or_else(|| export::missing_title(id), |e| e.section.title.clone()),
            })
            .collect();
        let text = serde_json::to_string_pretty(&list).unwrap_or_else(|_| "[]".into());
        return Output::ok(text + "\n").noting(&stderr);
    }
    if journal.records.bookmarks.is_empty() {
        return Output::ok(
            "No bookmarks yet. In the app, press b on a section to bookmark it, or run: \
             allyship bookmark SECTION\n"
                .into(),
        )
        .noting(&stderr);
    }
    let mut out = String::from("Your bookmarks\n");
    for (id, bookmark) in &ordered {
        let label = bookmark
            .label
            .as_deref()
            .map(|l| format!(" · {l}"))
            .unwrap_or_default();
        let _ = writeln!(out, "  {}{label} ({id})", title_of(toolkit, id));
    }
    Output::ok(out).noting(&stderr)
}

/// `allyship notes`: every note, newest first, as plain text.
pub fn notes(toolkit: &Toolkit, data_dir: Option<PathBuf>) -> Output {
    let (journal, stderr) = match journal_to_show(data_dir) {
        Ok(found) => found,
        Err(e) => return failure(format!("{e}\n")),
    };
    let notes = journal.notes_newest_first();
    if notes.is_empty() && journal.records.superseded_notes.is_empty() {
        let none = "No notes yet. In the app, press e on a section to write one, or run: \
                    allyship note SECTION\n";
        return Output::ok(none.into()).noting(&stderr);
    }
    let mut out = format!("Your notes ({})\n", notes.len());
    for (id, note) in notes {
        let _ = write!(
            out,
            "\n{}\nWritten {}, last changed {}\n",
            title_of(toolkit, id),
            date_text(local_day(note.created)),
            date_text(local_day(note.changed))
        );
        for line in note.text.lines() {
            let _ = writeln!(out, "  {line}");
        }
    }
    if !journal.records.superseded_notes.is_empty() {
        let _ = write!(
            out,
            "\nAlso kept ({}): earlier versions of notes, kept when a note was \
             replaced (by another copy of the app, an import or `allyship note --replace`).\n",
            journal.records.superseded_notes.len()
        );
    }
    for kept in &journal.records.superseded_notes {
        let _ = write!(
            out,
            "\n{}\nAn earlier version, last changed {}\n",
            title_of(toolkit, &kept.section),
            date_text(local_day(kept.changed))
        );
        for line in kept.text.lines() {
            let _ = writeln!(out, "  {line}");
        }
    }
    Output::ok(out).noting(&stderr)
}

/// The formats `allyship export` writes.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum ExportFormat {
    /// Reads well, pastes into a record.
    #[default]
    Markdown,
    /// Everything, for scripts and `allyship import`.
    Json,
    /// One row per activity.
    Csv,
    /// One self-contained page to print.
    Html,
}

/// What `allyship export` was asked for.
#[derive(Debug, Default)]
pub struct ExportRequest<'a> {
    /// Markdown, JSON, CSV or HTML.
    pub format: ExportFormat,
    /// Where to write it; standard output when `None`.
    pub output: Option<&'a Path>,
    /// First day to include.
    pub from: Option<&'a str>,
    /// Last day to include.
    pub to: Option<&'a str>,
    /// The regulator whose form to shape it for (`--for`).
    pub regulator: Option<Regulator>,
    /// Leave out the warning about identifying details (`--quiet`).
    pub quiet: bool,
}

/// Why `export --output` will not write to `path`, if it should not: only
/// a new or plain file, never a link, a device, a folder, the journal or
/// anything else in the data folder `data_dir` (its lock, the copies kept
/// aside: replacing the lock would let two copies save at once).
fn refuse_output(path: &Path, data_dir: Option<&Path>) -> Option<String> {
    let shown = path.display();
    match std::fs::symlink_metadata(path) {
        Ok(meta) if meta.is_symlink() => {
            return Some(format!(
                "{shown} is a link; name the file itself, so nothing it points to is replaced"
            ));
        }
        Ok(meta) if meta.is_dir() => {
            return Some(format!("{shown} is a folder; name a file inside it"));
        }
        Ok(meta) if !meta.is_file() => {
            return Some(format!("{shown} is not a plain file (a device or pipe)"));
        }
        _ => {}
    }
    let dir = data_dir?;
    let journal = store::journal_path_in(dir);
    // The same file by its real place, whether or not it exists yet.
    let real = |p: &Path| -> Option<PathBuf> {
        let parent = p.parent().filter(|p| !p.as_os_str().is_empty());
        let parent = parent.unwrap_or(Path::new("."));
        Some(parent.canonicalize().ok()?.join(p.file_name()?))
    };
    let target = real(path);
    let same = match (&target, real(&journal)) {
        (Some(a), Some(b)) => *a == b || same_file(a, &b),
        _ => false,
    };
    if same {
        return Some(format!(
            "{shown} is your journal; choose another file for the record"
        ));
    }
    let inside = target
        .zip(dir.canonicalize().ok())
        .is_some_and(|(target, dir)| target.starts_with(dir));
    inside.then(|| {
        format!(
            "{shown} is in allyship's data folder ({}), where only its own files belong \
             (your journal, its lock, the copies it keeps aside); choose a file outside it",
            dir.display()
        )
    })
}

/// Whether two names are one file (a hard link, or a link to the journal).
#[cfg(unix)]
fn same_file(a: &Path, b: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    match (std::fs::metadata(a), std::fs::metadata(b)) {
        (Ok(a), Ok(b)) => (a.dev(), a.ino()) == (b.dev(), b.ino()),
        _ => false,
    }
}

/// Without inodes, only the names are compared.
#[cfg(not(unix))]
fn same_file(_: &Path, _: &Path) -> bool {
    false
}

/// `allyship export`: the learning record, to standard output or a private file.
pub fn export(toolkit: &Toolkit, data_dir: Option<PathBuf>, request: &ExportRequest) -> Output {
    export_at(toolkit, data_dir, request, jiff::Timestamp::now())
}

/// [`export`] with the clock given (tests fix it): Social Work England's
/// default period is the registration year holding today.
pub fn export_at(
    toolkit: &Toolkit,
    data_dir: Option<PathBuf>,
    request: &ExportRequest,
    now: jiff::Timestamp,
) -> Output {
    let period = match Period::parse(request.from, request.to) {
        Ok(period) => period,
        Err(e) => return failure(format!("{e}\n")),
    };
    let period = match (request.regulator, period) {
        (
            Some(Regulator::Swe),
            Period {
                from: None,
                to: None,
            },
        ) => {
            let (from, to) = cpd::registration_year(local_day(now));
            Period {
                from: Some(from),
                to: Some(to),
            }
        }
        _ => period,
    };
    if let Some(path) = request.output {
        let dir = store::data_dir(data_dir.clone()).ok();
        if let Some(why) = refuse_output(path, dir.as_deref()) {
            return failure(format!("Nothing was written: {why}.\n"));
        }
    }
    let (journal, mut stderr) = match journal_to_show(data_dir) {
        Ok(found) => found,
        Err(e) => return failure(format!("{e}\n")),
    };
    let mut record = export::learning_record(toolkit, &journal, &period, now);
    let shaped = request.regulator.is_some()
        || matches!(request.format, ExportFormat::Csv | ExportFormat::Html);
    if shaped {
        record.cpd = Some(cpd::cpd_record(toolkit, &record, request.regulator));
    }
    if !request.quiet {
        for line in identifying::warnings(toolkit, &journal, &record.data) {
            let _ = writeln!(stderr, "{line}");
        }
    }
    let text = match (request.format, &record.cpd) {
        (ExportFormat::Json, _) => export::to_json(&record),
        (ExportFormat::Markdown, None) => export::to_markdown(&record),
        (ExportFormat::Markdown, Some(shaped)) => cpd::to_markdown(shaped),
        (ExportFormat::Csv, Some(shaped)) => cpd::to_csv(shaped),
        (ExportFormat::Html, Some(shaped)) => cpd::to_html(shaped),
        (ExportFormat::Csv | ExportFormat::Html, None) => {
            let shaped = cpd::cpd_record(toolkit, &record, None);
            if request.format == ExportFormat::Csv {
                cpd::to_csv(&shaped)
            } else {
                cpd::to_html(&shaped)
            }
        }
    };
    if let Some(why) = (request.format == ExportFormat::Json)
        .then(|| not_importable(text.len(), crate::input::MOST_BYTES))
        .flatten()
    {
        return failure(format!("{stderr}Nothing was written: {why}.\n"));
    }
    match request.output {
        // On the screen or a pipe, lines end as every plain command's do:
        // a carriage return is a control character no output lets through.
        None if request.format == ExportFormat::Csv => {
            Output::ok(text.replace("\r\n", "\n")).noting(&stderr)
        }
        None => Output::ok(text).noting(&stderr),
        Some(path) => match export::write_private(path, &text) {
            Ok(()) => Output::ok(format!(
                "Your learning record is in {} (readable only by you).\n",
                path.display()
            ))
            .noting(&stderr),
            Err(e) => failure(format!("{stderr}Could not write {}: {e}\n", path.display())),
        },
    }
}

/// Why a JSON export of `len` bytes must not be written: `import` reads at
/// most `most` bytes, and an export that can't be brought back is not one.
fn not_importable(len: usize, most: u64) -> Option<String> {
    let mb = |n: u64| n.div_ceil(1024 * 1024);
    (len as u64 > most).then(|| {
        format!(
            "the export would be {} MB, more than `allyship import` reads back ({} MB); \
             export a shorter period with --from and --to",
            mb(len as u64),
            mb(most)
        )
    })
}

/// `allyship import FILE`: merges a JSON export into the journal.
pub fn import(data_dir: Option<PathBuf>, file: &Path) -> Output {
    let text = match crate::input::read_text(file) {
        Ok(text) => text,
        Err(e) => return failure(format!("Could not read {}: {e}\n", file.display())),
    };
    let Writable {
        mut store,
        journal,
        notices: stderr,
    } = match open_for_writing(data_dir, "Nothing was imported") {
        Ok(writable) => writable,
        Err(output) => return output,
    };
    let (import, _) = match export::import(&journal, &text) {
        Ok(found) => found,
        Err(e) => {
            // A learning record in Markdown is the likeliest wrong file.
            let hint = match e {
                export::ImportError::Syntax { .. } => {
                    "\nImports take the JSON export, made with: allyship export --format json \
                     --output FILE (the Markdown record is for reading, not importing).\n"
                }
                _ => "\n",
            };
            return failure(format!(
                "{stderr}Nothing was imported from {}: {e}{hint}",
                file.display()
            ));
        }
    };
    match store.update(|journal| import.merge_into(journal)) {
        Ok((_, report)) => {
            let head = if report.changed_anything() {
                format!("Imported {} into your journal:", file.display())
            } else {
                format!(
                    "Nothing new in {}: everything in it was already here.",
                    file.display()
                )
            };
            Output {
                stdout: format!("{head}\n{report}"),
                stderr,
                code: 0,
            }
        }
        Err(e) => failure(format!("{stderr}Nothing was imported: {e}\n")),
    }
}

/// `allyship search WORDS [--json]`: matching sections, best first; exits
/// non-zero when nothing matches.
pub fn search(toolkit: &Toolkit, words: &[String], json: bool) -> Output {
    let query = words.join(" ");
    let hits = search::Index::new(toolkit).search(&query, 50);
    let stdout = if json {
        search::json_results(toolkit, &hits)
    } else {
        search::plain_results(toolkit, &hits)
    };
    if hits.is_empty() {
        let message = format!("Nothing matches \"{query}\". Try fewer or shorter words.\n");
        return Output {
            stdout: if json { stdout } else { String::new() },
            stderr: message,
            code: 1,
        };
    }
    Output::ok(stdout)
}

#[cfg(test)]
mod tests;

#[cfg(test)]
mod cpd_tests;
