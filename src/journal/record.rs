//! The progress journal as data: what was read, when, and where to pick up.
//!
//! No I/O here; [`crate::journal::store`] reads and writes it. A running app never edits
//! a [`Journal`] directly: it collects its changes in a [`Session`]'s [`Delta`],
//! and every save re-reads the file and [`Journal::apply`]s the delta to it,
//! so two copies of the app open at once lose nothing.
//!
//! Rules: a section is *read* once it has a record; *revisited* once it was
//! read in at least two sessions (runs of the app). Notes and bookmarks: the
//! newer edit wins, and a note edit that loses to a newer one is kept in
//! [`Journal::superseded_notes`], never dropped (see [`Journal::apply`]).
//! Choices on practice scenarios: the newer choice wins (see `journal/record/choices.rs`).

mod choices;
mod commitments;
mod discussions;
mod file;
mod notes;
mod session;
mod summary;

pub(crate) use choices::ChoiceMerge;
pub use choices::Chosen;
pub use commitments::{
    ASK_AGAIN_IN_DAYS, AskAgain, CheckIn, Commitment, CommitmentChange, CommitmentMerge,
    REVIEW_IN_DAYS, Standing, days_after,
};
pub use discussions::{Discussion, DiscussionMerge, MOST_DISCUSSION_MINUTES, discussion_id};
pub(crate) use notes::NoteMerge;
pub use notes::NoteOutcome;
pub use notes::{BookmarkEdit, NoteEdit, SUSPECT_AFTER, SupersededNote, suspect};
pub use session::{Delta, Session, SessionRead};
pub use summary::{DayCount, PartIds, PartProgress, Revisit, Summary};

use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

use jiff::Timestamp;
use jiff::civil::Date;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

/// Schema version this build writes; a file with a higher one is left untouched.
pub const CURRENT_VERSION: u32 = 1;

/// Everything the app remembers between runs, as stored in `journal.json`:
/// its [`Records`] (reached as `journal.records.notes` and so on), where
/// the person was, and fields from newer versions.
///
/// Its size grows with sections and days, never with keypresses. See
/// [`crate::journal::store::Store`] for the file format and `record/file.rs`
/// for its shape on disk (days compacted into a table of ids).
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(try_from = "file::JournalFile")]
pub struct Journal {
    /// Schema version of the file (see [`CURRENT_VERSION`]).
    pub version: u32,
    /// What was read, noted, bookmarked, chosen, committed to and discussed.
    pub records: Records,
    /// Where the person was in the built-in toolkit, to continue there next time.
    pub position: Option<Position>,
    /// Where the person was in each other toolkit (`--content`), by its
    /// name from [`crate::toolkit::content::other_toolkit_name`].
    pub places: BTreeMap<String, Position>,
    /// Fields written by a newer version of the app, kept so a save never drops them.
    pub extra: Map<String, Value>,
}

/// The journal's records of what the person did, by section, day and id:
/// declared once, held by a [`Journal`] and carried whole (for a period) by
/// a JSON export, whose `data` is this struct written as below. The journal
/// file writes the same fields its own way (`record/file.rs`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Records {
    /// Per section id: when it was read and in how many sessions.
    #[serde(default)]
    pub sections: BTreeMap<String, SectionRecord>,
    /// Per local calendar day: sections read and time spent learning.
    #[serde(default)]
    pub days: BTreeMap<Date, DayRecord>,
    /// Bookmarked sections: section id to bookmark.
    #[serde(default)]
    pub bookmarks: BTreeMap<String, Bookmark>,
    /// The person's notes: section id to note (kept when the section leaves the toolkit).
    #[serde(default)]
    pub notes: BTreeMap<String, Note>,
    /// Note edits that lost to a newer edit made in another copy of the app,
    /// kept so that nothing typed is lost (see [`Journal::apply`]).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub superseded_notes: Vec<SupersededNote>,
    /// What the person said they will do, by id, whole with every check-in
    /// (see `journal/record/commitments.rs`).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub commitments: BTreeMap<String, Commitment>,
    /// The option chosen on each practice scenario: section id to choice
    /// (the newer choice wins a merge; see `journal/record/choices.rs`).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub choices: BTreeMap<String, Chosen>,
    /// Peer discussions the person recorded, by id (see `journal/record/discussions.rs`).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub discussions: BTreeMap<String, Discussion>,
}

/// What the journal knows about one section, for marks and the journal view.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SectionRecord {
    /// When it first counted as read.
    pub first_read: Timestamp,
    /// When it last counted as read.
    pub last_read: Timestamp,
    /// Number of sessions (runs of the app) it was read in.
    pub sessions: u32,
    /// Id of the last session that counted it, so re-applying a delta is harmless.
    pub last_session: String,
    /// Fields from a newer writer, kept on save.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// One day of learning, for the calendar and a professional learning record.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DayRecord {
    /// Ids of the sections read that day, shared (`Arc`) so that years of
    /// days cost one copy of each id, and the set itself shared so that
    /// copying a journal (each save keeps one) does not copy years of days.
    #[serde(default)]
    pub sections: Arc<BTreeSet<Arc<str>>>,
    /// Seconds of active learning that day.
    #[serde(default)]
    pub active_secs: u64,
    /// Of those, the seconds spent in other toolkits than the built-in one,
    /// by toolkit name (the rest were spent in the built-in one).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub toolkits: BTreeMap<String, u64>,
    /// Fields from a newer writer, kept on save.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl DayRecord {
    /// Adds sections read that day. The set may be shared with a copy of
    /// the journal (the store keeps one), so it is copied first if it is.
    pub fn add_sections(&mut self, ids: impl IntoIterator<Item = Arc<str>>) {
        Arc::make_mut(&mut self.sections).extend(ids);
    }
}

/// The open section and how far it was scrolled, to resume there.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Position {
    /// Id of the section that was open.
    pub section: String,
    /// Scroll offset in lines.
    pub scroll: u16,
    /// Fields from a newer writer, kept on save.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// Most characters a bookmark label keeps, so it fits a list row.
pub const LABEL_LIMIT: usize = 60;

/// A bookmarked section.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Bookmark {
    /// Optional label the person gave it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    /// When it was last set: added, or relabelled (the newer change wins a race).
    pub added: Timestamp,
    /// Fields from a newer writer, kept on save.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// A person's note on a section: their answer to its reflection prompts.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Note {
    /// The note's text.
    pub text: String,
    /// When it was first written.
    pub created: Timestamp,
    /// When it was last changed.
    pub changed: Timestamp,
    /// How many edits it has behind it, counted across copies and imports
    /// (0 in files from before the count): the version with more wins a
    /// merge whatever the clocks say (see [`Journal::apply`]).
    #[serde(default, skip_serializing_if = "is_zero")]
    pub edits: u32,
    /// Fields from a newer writer, kept on save.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

fn is_zero(n: &u32) -> bool {
    *n == 0
}

/// How a section is marked in the contents: never by colour alone.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum ReadStatus {
    /// Never counted as read.
    Unread,
    /// Read in one session.
    Read,
    /// Read in two or more sessions.
    Revisited,
}

impl Journal {
    /// An empty journal of the current version, for a first run or a fresh start.
    pub fn new() -> Self {
        Self {
            version: CURRENT_VERSION,
            records: Records::default(),
            position: None,
            places: BTreeMap::new(),
            extra: Map::new(),
        }
    }

    /// Where the person was in a toolkit: the built-in one (`None`) or
    /// another by name (see [`Delta::toolkit`]).
    pub fn place(&self, toolkit: Option<&str>) -> Option<&Position> {
        match toolkit {
            None => self.position.as_ref(),
            Some(name) => self.places.get(name),
        }
    }

    /// Whether `id` is unread, read or revisited, for the contents marks.
    pub fn status(&self, id: &str) -> ReadStatus {
        match self.records.sections.get(id) {
            None => ReadStatus::Unread,
            Some(record) if record.sessions >= 2 => ReadStatus::Revisited,
            Some(_) => ReadStatus::Read,
        }
    }

    /// Adds a session's changes. Idempotent: applying the same delta twice
    /// (or again after another session's save) counts each read session once.
    ///
    /// Notes: an edit made on top of the note the journal holds replaces
    /// it; when the note changed elsewhere meanwhile, one version wins (the
    /// one written last, never at a time suspectly in the future) and the
    /// other is added to [`Journal::superseded_notes`] (once), so no
    /// version is lost. A deletion removes only the note it was made on.
    /// Returns what became of each note edit, by section id, to tell the person.
    /// Bookmarks: a set or removal applies unless the journal's bookmark was
    /// set later (but not more than a day later). See `journal/record/notes.rs`.
    /// Choices: the newer wins, as for bookmarks (`journal/record/choices.rs`).
    pub fn apply(&mut self, delta: &Delta, session_id: &str) -> BTreeMap<String, NoteOutcome> {
        for (id, read) in &delta.reads {
            self.apply_read(id, read, session_id);
        }
        for (date, ids) in &delta.day_reads {
            let day = self.records.days.entry(*date).or_default();
            day.add_sections(ids.iter().map(|id| Arc::from(id.as_str())));
        }
        for (date, secs) in &delta.active_secs {
            let day = self.records.days.entry(*date).or_default();
            day.active_secs = day.active_secs.saturating_add(*secs);
            if let Some(name) = &delta.toolkit {
                let there = day.toolkits.entry(name.clone()).or_default();
                *there = there.saturating_add(*secs);
            }
        }
        if let Some(position) = &delta.position {
            match &delta.toolkit {
                Some(name) => {
                    self.places.insert(name.clone(), position.clone());
                }
                None => self.position = Some(position.clone()),
            }
        }
        let mut notes = BTreeMap::new();
        for (id, edit) in &delta.notes {
            let base = delta.bases.get(id).and_then(Option::as_ref);
            let outcome = self.apply_note(id, edit, base.map(|(text, _)| text.as_str()));
            notes.insert(id.clone(), outcome);
        }
        for (id, edit) in &delta.bookmarks {
            self.apply_bookmark(id, edit);
        }
        for id in &delta.removed_commitments {
            self.remove_commitment(id);
        }
        for (id, commitment) in &delta.commitments {
            self.merge_commitment(id, commitment);
        }
        for (id, chosen) in &delta.choices {
            self.merge_choice(id, chosen, chosen.chosen_at);
        }
        notes
    }

    fn apply_read(&mut self, id: &str, read: &SessionRead, session_id: &str) {
        let Some(record) = self.records.sections.get_mut(id) else {
            let record = SectionRecord {
                first_read: read.first,
                last_read: read.last,
                sessions: 1,
                last_session: session_id.to_owned(),
                extra: Map::new(),
            };
            self.records.sections.insert(id.to_owned(), record);
            return;
        };
        if !read.counted && record.last_session != session_id {
            record.sessions = record.sessions.saturating_add(1);
            record.last_session = session_id.to_owned();
        }
        record.first_read = record.first_read.min(read.first);
        record.last_read = record.last_read.max(read.last);
    }
}

impl Default for Journal {
    fn default() -> Self {
        Self::new()
    }
}

/// The local calendar day of `at`, in the system time zone (UTC if unknown).
pub fn local_day(at: Timestamp) -> Date {
    at.to_zoned(jiff::tz::TimeZone::system()).date()
}

#[cfg(test)]
mod tests;
