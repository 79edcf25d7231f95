//! Reading a JSON export back and merging it with the journal there.
//!
//! Merge rules (per id or day; nothing is silently dropped, and every
//! outcome is counted in the [`ImportReport`]):
//!
//! - **Notes:** none here: added. Same text: identical (only the dates may
//!   widen: earliest created, latest changed). Otherwise the newer `changed`
//!   wins; when the note here is newer (or as new) it is kept and counted as
//!   "kept"; the older imported text stays in the export file.
//! - **Bookmarks:** added when missing; a newer bookmark (set later) replaces
//!   the label; otherwise the one here is kept.
//! - **Sections read:** earliest first read, latest last read, and the larger
//!   session count (not the sum: the two journals usually share history).
//! - **Days:** sections are united; active time is the larger of the two,
//!   not the sum, so importing the same file twice (or a file made from this
//!   journal) never doubles the time. Learning done on both computers on the
//!   same day therefore counts the longer of the two: never more than was done.
//! - Unknown fields of records are kept; ones here win over imported ones.
//! - **Earlier note versions** kept aside are united.
//! - **Commitments** (see `journal/record/commitments.rs`): the same commitment
//!   unites its check-ins and dates; a different one under the same id is
//!   kept beside it; letting go never erases a word.
//! - **Choices on practice scenarios:** added when missing; otherwise the
//!   newer choice wins (it is a pick, not prose, so the older one is not
//!   kept), and a time more than a day after now never wins.
//! - **Peer discussions** (see `journal/record/discussions.rs`): each kept once;
//!   a different one under the same id is kept beside it.

mod report;

use serde::Deserialize;
use serde_json::{Map, Value};

use crate::journal::record::Records;
use crate::journal::record::{
    ChoiceMerge, CommitmentMerge, DiscussionMerge, Journal, NoteMerge, suspect,
};
use crate::journal::{EXPORT_FORMAT, EXPORT_VERSION};

pub use report::ImportReport;

/// Why a file could not be imported; `to_string()` says what to do.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ImportError {
    /// Not valid JSON (1-based line and column, and what is wrong).
    #[error("the file is not valid JSON: line {line}, column {column}: {message}")]
    Syntax {
        /// Line of the problem.
        line: usize,
        /// Column of the problem.
        column: usize,
        /// What is wrong.
        message: String,
    },
    /// JSON, but not an allyship export (the `format` found, if any).
    #[error(
        "this is not an allyship export ({}); export one with `allyship export --format json`",
        match .0 { Some(found) => format!("its \"format\" is {found:?}, not \"{EXPORT_FORMAT}\""),
                   None => format!("it has no \"format\": \"{EXPORT_FORMAT}\"") }
    )]
    NotAnExport(Option<String>),
    /// An export from a newer version of allyship (its export version).
    #[error(
        "this export was made by a newer version of allyship (export version {0}, \
         this one reads up to {EXPORT_VERSION}); update allyship to import it"
    )]
    NewerVersion(u64),
    /// A value no real journal holds (the field, and what is wrong with it).
    #[error("the export holds a value no journal could: {0}")]
    Absurd(String),
    /// An export whose data does not have the expected shape (where, and what).
    #[error("the export's data can't be read: line {line}, column {column}: {message}")]
    Shape {
        /// Line of the problem.
        line: usize,
        /// Column of the problem.
        column: usize,
        /// What is wrong.
        message: String,
    },
}

/// An export read back: the raw data to merge.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Import {
    /// The export's raw journal records.
    pub data: Records,
}

/// Only what an import needs; other fields of the record are display copies.
#[derive(Deserialize)]
struct ImportFile {
    data: Records,
}

/// Reads a JSON export and previews merging it into `journal`. Apply it
/// with `store.update(|journal| import.merge_into(journal))`, which merges
/// into the journal as re-read under the lock and returns the final report.
pub fn import(journal: &Journal, text: &str) -> Result<(Import, ImportReport), ImportError> {
    import_at(journal, text, jiff::Timestamp::now())
}

/// [`import`] with the clock given, for the checks of times (see
/// [`Import::merge_at`]); values no journal could hold are refused.
pub fn import_at(
    journal: &Journal,
    text: &str,
    now: jiff::Timestamp,
) -> Result<(Import, ImportReport), ImportError> {
    let syntax = |err: serde_json::Error| ImportError::Syntax {
        line: err.line(),
        column: err.column(),
        message: message_of(&err),
    };
    let value: Value = serde_json::from_str(text).map_err(syntax)?;
    let format = value.get("format").map(|f| match f {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    });
    if format.as_deref() != Some(EXPORT_FORMAT) {
        return Err(ImportError::NotAnExport(format));
    }
    match value.get("version").map(Value::as_u64) {
        Some(Some(version)) if version > u64::from(EXPORT_VERSION) => {
            return Err(ImportError::NewerVersion(version));
        }
        Some(Some(_)) => {}
        _ => {
            return Err(ImportError::Shape {
                line: 1,
                column: 1,
                message: "\"version\" is missing or not a whole number".to_owned(),
            });
        }
    }
    if let Some(problem) = value
        .get("data")
        .and_then(|data| super::check::absurd_value(data, now))
    {
        return Err(ImportError::Absurd(problem));
    }
    let file: ImportFile = serde_json::from_str(text).map_err(|err| ImportError::Shape {
        line: err.line(),
        column: err.column(),
        message: message_of(&err),
    })?;
    let import = Import { data: file.data };
    let mut preview = journal.clone();
    let report = import.merge_at(&mut preview, now);
    Ok((import, report))
}

/// serde_json's message without its " at line L column C" tail.
fn message_of(err: &serde_json::Error) -> String {
    let text = err.to_string();
    match text.rfind(" at line ") {
        Some(at) => text.get(..at).unwrap_or(&text).to_owned(),
        None => text,
    }
}

impl Import {
    /// Merges the export into `journal` by the module's rules and says what it did.
    pub fn merge_into(&self, journal: &mut Journal) -> ImportReport {
        self.merge_at(journal, jiff::Timestamp::now())
    }

    /// [`Import::merge_into`] with the clock given: times more than a day
    /// after `now` are suspect (counted, and never win by being late).
    pub fn merge_at(&self, journal: &mut Journal, now: jiff::Timestamp) -> ImportReport {
        let mut report = ImportReport::default();
        for (id, note) in &self.data.notes {
            let here_ahead = journal
                .records
                .notes
                .get(id)
                .is_some_and(|here| suspect(here.changed, now));
            if here_ahead || suspect(note.changed, now) || suspect(note.created, now) {
                report.future_dated += 1;
            }
            let aside = journal.records.superseded_notes.len();
            match journal.merge_note(id, note, now) {
                NoteMerge::Added => report.notes_added += 1,
                NoteMerge::Updated => report.notes_updated += 1,
                NoteMerge::Kept => {
                    report.notes_kept += 1;
                    // The imported text, new here, now kept as an earlier
                    // version: the journal changed, and the headline says so.
                    if journal.records.superseded_notes.len() > aside {
                        report.earlier_versions_added += 1;
                    }
                }
                NoteMerge::Identical => report.notes_identical += 1,
            }
        }
        for (id, bookmark) in &self.data.bookmarks {
            let ahead = suspect(bookmark.added, now);
            let here_ahead = journal
                .records
                .bookmarks
                .get(id)
                .is_some_and(|here| suspect(here.added, now));
            if ahead || here_ahead {
                report.future_dated += 1;
            }
            match journal.records.bookmarks.get_mut(id) {
                None => {
                    journal
                        .records
                        .bookmarks
                        .insert(id.clone(), bookmark.clone());
                    report.bookmarks_added += 1;
                }
                Some(here) if !ahead && (bookmark.added > here.added || here_ahead) => {
                    *here = bookmark.clone();
                    report.bookmarks_updated += 1;
                }
                Some(_) => report.bookmarks_unchanged += 1,
            }
        }
        for (id, incoming) in &self.data.sections {
            let merged = match journal.records.sections.get_mut(id) {
                None => {
                    journal
                        .records
                        .sections
                        .insert(id.clone(), incoming.clone());
                    true
                }
                Some(here) => {
                    let before = here.clone();
                    here.first_read = here.first_read.min(incoming.first_read);
                    here.last_read = here.last_read.max(incoming.last_read);
                    here.sessions = here.sessions.max(incoming.sessions);
                    keep_unknown(&mut here.extra, &incoming.extra);
                    *here != before
                }
            };
            count(
                merged,
                &mut report.sections_merged,
                &mut report.sections_unchanged,
            );
        }
        for (date, incoming) in &self.data.days {
            let merged = match journal.records.days.get_mut(date) {
                None => {
                    journal.records.days.insert(*date, incoming.clone());
                    true
                }
                Some(here) => {
                    let before = here.clone();
                    here.add_sections(incoming.sections.iter().cloned());
                    here.active_secs = here.active_secs.max(incoming.active_secs);
                    keep_unknown(&mut here.extra, &incoming.extra);
                    *here != before
                }
            };
            count(merged, &mut report.days_merged, &mut report.days_unchanged);
        }
        for kept in &self.data.superseded_notes {
            if journal.keep_superseded(kept) {
                report.earlier_versions_added += 1;
            }
        }
        for (id, commitment) in &self.data.commitments {
            match journal.merge_commitment(id, commitment) {
                CommitmentMerge::Added => report.commitments_added += 1,
                CommitmentMerge::Merged | CommitmentMerge::KeptBoth => {
                    report.commitments_merged += 1;
                }
                CommitmentMerge::Unchanged => report.commitments_unchanged += 1,
            }
        }
        for (id, chosen) in &self.data.choices {
            let here_ahead = journal
                .records
                .choices
                .get(id)
                .is_some_and(|here| suspect(here.chosen_at, now));
            if here_ahead || suspect(chosen.chosen_at, now) {
                report.future_dated += 1;
            }
            let same = journal.records.choices.get(id) == Some(chosen);
            match journal.merge_choice(id, chosen, now) {
                ChoiceMerge::Added => report.choices_added += 1,
                ChoiceMerge::Updated if !same => report.choices_updated += 1,
                ChoiceMerge::Updated | ChoiceMerge::Kept => report.choices_unchanged += 1,
            }
        }
        for (id, discussion) in &self.data.discussions {
            match journal.merge_discussion(id, discussion) {
                DiscussionMerge::Added | DiscussionMerge::KeptBoth => {
                    report.discussions_added += 1;
                }
                DiscussionMerge::Unchanged => report.discussions_unchanged += 1,
            }
        }
        report
    }
}

fn count(merged: bool, merged_count: &mut usize, unchanged: &mut usize) {
    *if merged { merged_count } else { unchanged } += 1;
}

/// Adds unknown fields the journal here lacks; its own values win.
fn keep_unknown(here: &mut Map<String, Value>, incoming: &Map<String, Value>) {
    for (key, value) in incoming {
        if !here.contains_key(key) {
            here.insert(key.clone(), value.clone());
        }
    }
}

#[cfg(test)]
mod tests;
