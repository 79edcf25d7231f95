//! `journal` and `reset`: progress as plain text or JSON, and starting the
//! journal over (moved aside, never deleted) after saying what goes.

use super::{Output, failure, journal_to_show, json};
use crate::journal::record::Journal;
use crate::journal::{report, store};
use crate::toolkit::content::Toolkit;
use std::path::PathBuf;

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
        let today = crate::journal::record::local_day(jiff::Timestamp::now());
        // The commitments (what is due first) before where the file is kept.
        let mut text = report::plain(toolkit, &report, None);
        text.push_str(&super::commitments::journal_lines(toolkit, &journal, today));
        text.push_str(&format!("\nYour journal is kept at {}\n", path.display()));
        text
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
        count(
            journal.records.sections.len(),
            "section read",
            "sections read",
        ),
        count(journal.records.notes.len(), "note", "notes"),
        count(journal.records.bookmarks.len(), "bookmark", "bookmarks"),
    ];
    if !journal.records.commitments.is_empty() {
        let made = journal.records.commitments.len();
        parts.push(count(made, "commitment", "commitments"));
    }
    let secs = journal
        .records
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
    // Reading only, as `journal_to_show` does; one that can't be read is
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
