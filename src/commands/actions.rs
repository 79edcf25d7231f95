//! The plain commands that change the journal, so that everything the app
//! does can be done without it (by screen-reader users and scripts):
//! `mark-read` and `bookmark` here, `note` in `note.rs`.
//!
//! Each is one session of the journal, as one run of the app is: changes go
//! into a [`Session`] and are saved by [`Store::update`], under the lock
//! (waiting as long as another copy of allyship is saving), merged with
//! whatever is on disk by the journal's own rules. Nothing is written when
//! a section is unknown, the journal is from a newer version or the folder
//! can't be written: the command says why and exits non-zero.

use super::{EXIT_NOT_FOUND, Output, failure};
use crate::journal::record::LABEL_LIMIT;
use crate::journal::record::{Journal, Session, local_day};
use crate::journal::report::count;
use crate::journal::store::{self, Mode, Store};
use crate::toolkit::content::Toolkit;
use jiff::Timestamp;
use std::fmt::Write as _;
use std::path::PathBuf;

/// The journal opened to be changed: the store, the journal as read, and
/// lines about it for standard error (a broken journal moved aside...).
pub(super) struct Writable {
    pub(super) store: Store,
    pub(super) journal: Journal,
    pub(super) notices: String,
}

/// How the commands that change something begin the line saying why they
/// did not.
pub(super) const NOTHING_CHANGED: &str = "Nothing was changed";

/// Opens the journal to change it, or the output saying why it can't be
/// (no data folder, a folder that can't be written or is not private, a
/// journal from a newer version): then nothing is written. Every command
/// that writes opens the journal here, so each says the same. `nothing`
/// begins the last line ("Nothing was changed"), which says why; every
/// other notice (a broken journal moved aside...) comes before it.
pub(super) fn open_for_writing(
    data_dir: Option<PathBuf>,
    nothing: &str,
) -> Result<Writable, Output> {
    let dir = store::data_dir(data_dir).map_err(|e| failure(format!("{nothing}: {e}.\n")))?;
    let (store, journal, notices) = Store::open(dir);
    let why = (store.mode() != Mode::Kept).then(|| {
        store
            .why_not_written()
            .unwrap_or("your journal can't be written here")
            .trim_end_matches('.')
    });
    let mut stderr: String = notices
        .iter()
        // The notice that made the journal unwritable is the last line's news.
        .filter(|n| why.is_none_or(|why| n.reason().trim_end_matches('.') != why))
        .map(|n| format!("{n}\n"))
        .collect();
    if let Some(why) = why {
        let _ = writeln!(stderr, "{nothing}: {why}.");
        return Err(failure(stderr));
    }
    Ok(Writable {
        store,
        journal,
        notices: stderr,
    })
}

/// Finds each section asked for (number or id, as `read` takes them), in
/// the order asked and once each; or the output naming every one not found.
pub(super) fn resolve_all(toolkit: &Toolkit, queries: &[String]) -> Result<Vec<usize>, Output> {
    let mut found = Vec::new();
    let mut missing = Vec::new();
    for query in queries {
        match toolkit.resolve(query) {
            Ok(index) if !found.contains(&index) => found.push(index),
            Ok(_) => {}
            Err(suggestions) => missing.push((query.as_str(), suggestions)),
        }
    }
    if missing.is_empty() {
        Ok(found)
    } else {
        Err(not_found(toolkit, &missing))
    }
}

/// "There is no section …", with the nearest ids, for each query not found,
/// and where to see them all; exit code [`EXIT_NOT_FOUND`].
pub(super) fn not_found(toolkit: &Toolkit, missing: &[(&str, Vec<String>)]) -> Output {
    let mut stderr = String::new();
    for (query, suggestions) in missing {
        let _ = write!(stderr, "There is no section \"{query}\".");
        if !suggestions.is_empty() {
            let _ = write!(stderr, " Did you mean: {}?", suggestions.join(", "));
        }
        stderr.push('\n');
    }
    let _ = writeln!(
        stderr,
        "Sections are numbered 1 to {}; run `allyship list` to see them all.",
        toolkit.section_count()
    );
    Output {
        stdout: String::new(),
        stderr,
        code: EXIT_NOT_FOUND,
    }
}

/// "19. Speak up (tip-speak-up)": how these commands name a section.
pub(super) fn named(toolkit: &Toolkit, index: usize) -> String {
    toolkit.entry(index).map_or_else(String::new, |e| {
        format!("{}. {} ({})", index + 1, e.section.title, e.section.id)
    })
}

/// What saving did not manage, as the failure to print (the reason in the
/// store's words; nothing of this command's is on disk).
pub(super) fn not_saved(notices: &str, why: &str) -> Output {
    let why = why.trim_end_matches('.');
    failure(format!("{notices}Nothing was changed: {why}.\n"))
}

/// How soon after a section's last reading `mark-read` counts it as read
/// again in the same sitting rather than revisited: a revisit is reading
/// it in a later session, not the command run twice.
pub const SAME_SITTING: jiff::SignedDuration = jiff::SignedDuration::from_hours(1);

/// `allyship mark-read SECTION... [--minutes N]`: counts each section as
/// read now, in one new session, exactly as a run of the app that showed it
/// would: a section already read in an earlier session is revisited. The
/// minutes (read with a screen reader, or on paper) are added to today's
/// learning time, as the app adds the time spent reading in it.
pub fn mark_read(
    toolkit: &Toolkit,
    data_dir: Option<PathBuf>,
    queries: &[String],
    minutes: u16,
) -> Output {
    let indexes = match resolve_all(toolkit, queries) {
        Ok(found) => found,
        Err(output) => return output,
    };
    let Writable {
        mut store, notices, ..
    } = match open_for_writing(data_dir, NOTHING_CHANGED) {
        Ok(writable) => writable,
        Err(output) => return output,
    };
    let now = Timestamp::now();
    let mut session = Session::start(now);
    let ids: Vec<&str> = indexes
        .iter()
        .filter_map(|&i| toolkit.entry(i).map(|e| e.section.id.as_str()))
        .collect();
    session.add_active_secs(local_day(now), u64::from(minutes) * 60);
    let counted = store.update(|journal| {
        // A section read within the hour is read again in the same sitting:
        // it joins the session that read it, so a revisit is a real one.
        let mut again = Vec::new();
        let mut new = session.clone();
        for id in &ids {
            match journal.records.sections.get(*id) {
                Some(record) if now.duration_since(record.last_read) < SAME_SITTING => {
                    let mut sitting = Session::new(record.last_session.clone());
                    sitting.record_read(id, now, local_day(now));
                    again.push((*id, sitting));
                }
                _ => new.record_read(id, now, local_day(now)),
            }
        }
        journal.apply(&new.pending, &new.id);
        for (_, sitting) in &again {
            journal.apply(&sitting.pending, &sitting.id);
        }
        ids.iter()
            .map(|id| {
                let sessions = journal.records.sections.get(*id).map_or(0, |r| r.sessions);
                (sessions, again.iter().any(|(at, _)| at == id))
            })
            .collect::<Vec<(u32, bool)>>()
    });
    let sessions = match counted {
        Ok((saved, sessions)) if saved.written => sessions,
        Ok(_) => return not_saved(&notices, store.why_not_written().unwrap_or("")),
        Err(e) => return not_saved(&notices, &e.to_string()),
    };
    let mut out = format!(
        "Marked {} as read:\n",
        count(indexes.len(), "section", "sections")
    );
    for (&index, sessions) in indexes.iter().zip(sessions) {
        let how = match sessions {
            (n, true) => format!(
                "read again within the hour, in the same sitting (read in {})",
                count(n as usize, "session", "sessions")
            ),
            (0 | 1, false) => "read for the first time".to_string(),
            (n, false) => format!("revisited (read in {n} sessions)"),
        };
        let _ = writeln!(out, "  {}: {how}", named(toolkit, index));
    }
    if minutes > 0 {
        let _ = writeln!(
            out,
            "Added {} of learning time to today.",
            count(usize::from(minutes), "minute", "minutes")
        );
    }
    Output {
        stdout: out,
        stderr: notices,
        code: 0,
    }
}

/// What `allyship bookmark` was asked to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BookmarkChange {
    /// Bookmark the section; `Some` label sets it (empty: no label), `None`
    /// keeps the label a bookmark already has.
    Set(Option<String>),
    /// Remove the bookmark.
    Remove,
}

impl BookmarkChange {
    /// The change `--label` and `--remove` ask for (never both).
    pub fn from_flags(label: Option<String>, remove: bool) -> Self {
        if remove {
            BookmarkChange::Remove
        } else {
            BookmarkChange::Set(label)
        }
    }
}

/// A label as the app's one-line label box would keep it: line breaks and
/// runs of spaces as one space, at most [`LABEL_LIMIT`] characters; or why not.
fn clean_label(label: &str) -> Result<String, String> {
    let label = label.split_whitespace().collect::<Vec<_>>().join(" ");
    let length = label.chars().count();
    if length > LABEL_LIMIT {
        return Err(format!(
            "a label keeps at most {LABEL_LIMIT} characters, and this one has {length}"
        ));
    }
    if label.chars().any(crate::sanitise::is_unsafe) {
        return Err("a label can't hold control characters".into());
    }
    Ok(label)
}

/// `allyship bookmark SECTION [--label TEXT] [--remove]`.
pub fn bookmark(
    toolkit: &Toolkit,
    data_dir: Option<PathBuf>,
    query: &str,
    change: BookmarkChange,
) -> Output {
    let index = match resolve_all(toolkit, &[query.to_owned()]) {
        Ok(found) => found[0],
        Err(output) => return output,
    };
    let change = match change {
        BookmarkChange::Set(Some(label)) => match clean_label(&label) {
            Ok(label) => BookmarkChange::Set(Some(label)),
            Err(why) => return failure(format!("Nothing was changed: {why}.\n")),
        },
        other => other,
    };
    let Writable {
        mut store,
        journal,
        notices,
    } = match open_for_writing(data_dir, NOTHING_CHANGED) {
        Ok(writable) => writable,
        Err(output) => return output,
    };
    let id = toolkit
        .entry(index)
        .map_or(String::new(), |e| e.section.id.clone());
    let name = named(toolkit, index);
    let before = journal.records.bookmarks.get(&id).map(|b| b.label.clone());
    let label_text = |label: &Option<String>| match label {
        Some(label) => format!("labelled \"{label}\""),
        None => "with no label".into(),
    };
    let mut session = Session::start(Timestamp::now());
    let now = Timestamp::now();
    let said = match (&change, &before) {
        (BookmarkChange::Remove, None) => {
            return Output::ok(format!("{name} is not bookmarked; nothing changed.\n"))
                .noting(&notices);
        }
        (BookmarkChange::Set(_), Some(label)) if change_keeps(&change, label) => {
            let line = format!(
                "{name} is already bookmarked, {}; nothing changed.\n",
                label_text(label)
            );
            return Output::ok(line).noting(&notices);
        }
        (BookmarkChange::Remove, Some(label)) => {
            session.remove_bookmark(&id, now);
            format!("Removed the bookmark on {name} ({}).", label_text(label))
        }
        (BookmarkChange::Set(label), Some(_)) => {
            session.set_bookmark(&id, label.clone(), now);
            let label = label.clone().filter(|l| !l.is_empty());
            match label {
                Some(label) => format!("The bookmark on {name} is now labelled \"{label}\"."),
                None => format!("The bookmark on {name} now has no label."),
            }
        }
        (BookmarkChange::Set(label), None) => {
            session.set_bookmark(&id, label.clone(), now);
            let label = label.clone().filter(|l| !l.is_empty());
            format!("Bookmarked {name}, {}.", label_text(&label))
        }
    };
    let wanted = !matches!(change, BookmarkChange::Remove);
    let result = store.update(|journal| {
        journal.apply(&session.pending, &session.id);
        journal.records.bookmarks.contains_key(&id)
    });
    match result {
        Ok((saved, now_there)) if saved.written && now_there == wanted => {
            Output::ok(format!("{said}\n")).noting(&notices)
        }
        Ok((saved, _)) if saved.written => failure(format!(
            "{notices}Nothing was changed: another copy of allyship changed this bookmark \
             later than now (check the computer's clock); `allyship bookmarks` shows it.\n"
        )),
        Ok(_) => not_saved(&notices, store.why_not_written().unwrap_or("")),
        Err(e) => not_saved(&notices, &e.to_string()),
    }
}

/// Whether setting a bookmark that has `label` already would change nothing.
fn change_keeps(change: &BookmarkChange, label: &Option<String>) -> bool {
    match change {
        BookmarkChange::Set(None) => true,
        BookmarkChange::Set(Some(new)) => {
            let new = (!new.is_empty()).then_some(new);
            new == label.as_ref()
        }
        BookmarkChange::Remove => false,
    }
}

#[cfg(test)]
mod tests;
