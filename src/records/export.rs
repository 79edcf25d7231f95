//! Exports a learning record (Markdown for a professional learning record,
//! JSON holding everything) and imports a JSON export back.
//!
//! A [`Record`] is built from the toolkit and the journal for a [`Period`]:
//! what was read and when, the time spent learning, bookmarks, and every note
//! with the prompts it answers. Its JSON also carries the raw journal data
//! ([`Records`], the journal's own struct) so that [`import`] can merge it back without loss. Files are
//! written privately with [`write_private`].

mod check;
mod commitments;
pub mod cpd;
pub mod identifying;
mod import;
mod markdown;
mod period;
mod practised;

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use jiff::Timestamp;
use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use crate::journal::record::{DayRecord, Journal, Records, local_day};
use crate::journal::{EXPORT_FORMAT, EXPORT_VERSION};
use crate::toolkit::content::{Source, Toolkit};

pub use commitments::{CheckInEntry, CommitmentEntry};
pub use import::{Import, ImportError, ImportReport, import, import_at};
pub use markdown::to_markdown;
pub use period::{Period, PeriodError, parse_date};
pub use practised::PractisedEntry;

/// A learning record: what the Markdown shows, plus the raw data for import.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Record {
    /// Always [`EXPORT_FORMAT`], so an import can tell an export from other JSON.
    pub format: String,
    /// The export format version ([`EXPORT_VERSION`]).
    pub version: u32,
    /// When the record was made.
    pub generated_at: Timestamp,
    /// Which toolkit, and which edition of it, was read.
    pub toolkit: ToolkitInfo,
    /// The days covered: as asked, or the first and last day with activity.
    pub period: Period,
    /// Minutes of active learning in the period (rounded to the nearest minute).
    pub learning_minutes: u64,
    /// Of those, the minutes spent in toolkits other than the built-in one,
    /// by toolkit name; left out when only the built-in one was read.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub learning_minutes_by_toolkit: BTreeMap<String, u64>,
    /// Days in the period with reading or learning time.
    pub learning_days: usize,
    /// Sections read in the period, in toolkit order (then ones it no longer has).
    pub sections_read: Vec<ReadEntry>,
    /// Bookmarked sections, in toolkit order.
    pub bookmarks: Vec<BookmarkEntry>,
    /// Notes written or changed in the period, in toolkit order.
    pub notes: Vec<NoteEntry>,
    /// Commitments made, answered or let go in the period, in the order made.
    #[serde(default)]
    pub commitments: Vec<CommitmentEntry>,
    /// Scenarios practised in the period, with the option chosen on each,
    /// in toolkit order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub practised: Vec<PractisedEntry>,
    /// The journal's raw records for the period, for a lossless import.
    pub data: Records,
    /// The record shaped for a regulator's form (`export --for`), when asked.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cpd: Option<cpd::CpdRecord>,
}

/// The toolkit a record was made from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ToolkitInfo {
    /// The toolkit's title.
    pub title: String,
    /// Its version (edition).
    pub version: String,
    /// The documents it draws on, credited in the footer.
    pub sources: Vec<Source>,
}

/// One section read, with its dates.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReadEntry {
    /// Section id.
    pub id: String,
    /// Its title, or "No longer in this toolkit (id)".
    pub title: String,
    /// Title of its part, if the toolkit still has it.
    pub part: Option<String>,
    /// When it was first read.
    pub first_read: Timestamp,
    /// When it was last read.
    pub last_read: Timestamp,
    /// Sessions (runs of the app) it was read in.
    pub sessions: u32,
    /// Read in two or more sessions.
    pub revisited: bool,
}

/// One bookmark, with its section's title.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BookmarkEntry {
    /// Section id.
    pub id: String,
    /// Its title, or "No longer in this toolkit (id)".
    pub title: String,
    /// The person's label, if any.
    pub label: Option<String>,
    /// When it was bookmarked (or relabelled).
    pub added: Timestamp,
}

/// One note under its section's title, with the prompts it answers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NoteEntry {
    /// Section id.
    pub id: String,
    /// Its title, or "No longer in this toolkit (id)".
    pub title: String,
    /// Whether the toolkit still has the section.
    pub in_toolkit: bool,
    /// The section's reflection prompts the note answers.
    pub prompts: Vec<String>,
    /// The note, as written.
    pub text: String,
    /// When it was first written.
    pub created: Timestamp,
    /// When it was last changed.
    pub changed: Timestamp,
}

/// The title shown for a section id the toolkit no longer has.
pub fn missing_title(id: &str) -> String {
    format!("No longer in this toolkit ({id})")
}

/// Builds the learning record for `period` (see [`Record`] for what is in it).
/// Bookmarks are all included (they are for later, not tied to a period).
pub fn learning_record(
    toolkit: &Toolkit,
    journal: &Journal,
    period: &Period,
    now: Timestamp,
) -> Record {
    let data = select(journal, period);
    let order: BTreeMap<&str, usize> = toolkit
        .entries()
        .map(|e| (e.section.id.as_str(), e.index))
        .collect();
    let sort_key = |id: &str| (order.get(id).copied().unwrap_or(usize::MAX), id.to_owned());
    let find = |id: &str| toolkit.entries().find(|e| e.section.id == id);
    let title = |id: &str| find(id).map_or_else(|| missing_title(id), |e| e.section.title.clone());

    let mut sections_read: Vec<ReadEntry> = data
        .sections
        .iter()
        .map(|(id, record)| ReadEntry {
            id: id.clone(),
            title: title(id),
            part: find(id).map(|e| e.part.title.clone()),
            first_read: record.first_read,
            last_read: record.last_read,
            sessions: record.sessions,
            revisited: record.sessions >= 2,
        })
        .collect();
    sections_read.sort_by_key(|e| sort_key(&e.id));
    let mut bookmarks: Vec<BookmarkEntry> = data
        .bookmarks
        .iter()
        .map(|(id, b)| BookmarkEntry {
            id: id.clone(),
            title: title(id),
            label: b.label.clone(),
            added: b.added,
        })
        .collect();
    bookmarks.sort_by_key(|e| sort_key(&e.id));
    let mut notes: Vec<NoteEntry> = data
        .notes
        .iter()
        .map(|(id, note)| NoteEntry {
            id: id.clone(),
            title: title(id),
            in_toolkit: find(id).is_some(),
            prompts: find(id)
                .map(|e| e.section.reflect.clone())
                .unwrap_or_default(),
            text: note.text.clone(),
            created: note.created,
            changed: note.changed,
        })
        .collect();
    notes.sort_by_key(|e| sort_key(&e.id));

    let active_days = data
        .days
        .iter()
        .filter(|(_, d)| !d.sections.is_empty() || d.active_secs > 0);
    let secs = active_days
        .clone()
        .map(|(_, d)| d.active_secs)
        .fold(0, u64::saturating_add);
    let mut activity: BTreeSet<Date> = active_days.clone().map(|(date, _)| *date).collect();
    let note_days = data.notes.values().flat_map(|n| [n.created, n.changed]);
    let read_days = data
        .sections
        .values()
        .flat_map(|r| [r.first_read, r.last_read]);
    let made_days = data.commitments.values().map(|c| c.made_at);
    activity.extend(data.discussions.values().map(|d| d.on));
    activity.extend(
        note_days
            .chain(read_days)
            .chain(made_days)
            .map(local_day)
            .filter(|d| period.contains(*d)),
    );
    Record {
        format: EXPORT_FORMAT.to_owned(),
        version: EXPORT_VERSION,
        generated_at: now,
        toolkit: ToolkitInfo {
            title: toolkit.title.clone(),
            version: toolkit.version.clone(),
            sources: toolkit.sources.clone(),
        },
        period: Period {
            from: period.from.or_else(|| activity.first().copied()),
            to: period.to.or_else(|| activity.last().copied()),
        },
        learning_minutes: crate::journal::report::learning_minutes(secs),
        learning_minutes_by_toolkit: active_days
            .clone()
            .flat_map(|(_, d)| &d.toolkits)
            .fold(BTreeMap::new(), |mut by, (name, secs)| {
                let total: &mut u64 = by.entry(name.clone()).or_default();
                *total = total.saturating_add(*secs);
                by
            })
            .into_iter()
            .map(|(name, secs)| (name, crate::journal::report::learning_minutes(secs)))
            .collect(),
        learning_days: active_days.count(),
        sections_read,
        bookmarks,
        notes,
        commitments: commitments::entries(toolkit, &data.commitments, period, now),
        practised: practised::entries(toolkit, &data.choices),
        data,
        cpd: None,
    }
}

/// The journal's records that belong in a record for `period`: days in it,
/// sections read on those days or first or last read in it, notes written
/// or last changed in it, choices made in it, and all bookmarks.
fn select(journal: &Journal, period: &Period) -> Records {
    let spans = |first: Timestamp, last: Timestamp| {
        period.contains(local_day(first)) || period.contains(local_day(last))
    };
    let days: BTreeMap<Date, DayRecord> = journal
        .records
        .days
        .iter()
        .filter(|(date, _)| period.contains(**date))
        .map(|(date, day)| (*date, day.clone()))
        .collect();
    let read_on_days: BTreeSet<&str> = days
        .values()
        .flat_map(|d| d.sections.iter().map(AsRef::as_ref))
        .collect();
    Records {
        sections: journal
            .records
            .sections
            .iter()
            .filter(|(id, r)| {
                read_on_days.contains(id.as_str()) || spans(r.first_read, r.last_read)
            })
            .map(|(id, r)| (id.clone(), r.clone()))
            .collect(),
        bookmarks: journal.records.bookmarks.clone(),
        notes: journal
            .records
            .notes
            .iter()
            .filter(|(_, n)| spans(n.created, n.changed))
            .map(|(id, n)| (id.clone(), n.clone()))
            .collect(),
        superseded_notes: journal
            .records
            .superseded_notes
            .iter()
            .filter(|n| spans(n.created, n.changed))
            .cloned()
            .collect(),
        commitments: commitments::select(journal, period),
        choices: journal
            .records
            .choices
            .iter()
            .filter(|(_, c)| period.contains(local_day(c.chosen_at)))
            .map(|(id, c)| (id.clone(), c.clone()))
            .collect(),
        discussions: journal
            .records
            .discussions
            .iter()
            .filter(|(_, d)| period.contains(d.on))
            .map(|(id, d)| (id.clone(), d.clone()))
            .collect(),
        days,
    }
}

/// The record as pretty JSON, ending in a newline.
pub fn to_json(record: &Record) -> String {
    match serde_json::to_string_pretty(record) {
        Ok(text) => text + "\n",
        // Not reachable with these types; still no panic.
        Err(err) => serde_json::json!({ "error": err.to_string() }).to_string() + "\n",
    }
}

/// Writes an export file atomically and privately (0600 on Unix), through
/// [`crate::journal::store::atomic_write`].
pub fn write_private(path: &Path, text: &str) -> std::io::Result<()> {
    crate::journal::store::atomic_write(path, text.as_bytes())
}

#[cfg(test)]
mod tests;
