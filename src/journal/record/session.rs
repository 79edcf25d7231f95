//! A running app's side of the journal: the [`Session`] (one run of the
//! app) and its [`Delta`], the changes not yet merged into the file, which
//! every save applies to the journal as re-read (see [`super::Journal::apply`]).

use std::collections::{BTreeMap, BTreeSet};

use jiff::Timestamp;
use jiff::civil::Date;
use serde_json::Map;

use super::{BookmarkEdit, Chosen, Commitment, NoteEdit, Position};

/// A section read in this session: first and last time it counted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SessionRead {
    /// First time it counted as read in this session.
    pub first: Timestamp,
    /// Latest time it counted as read in this session.
    pub last: Timestamp,
    /// True once a save has counted this session for it, so later saves
    /// never count the session again (even after another copy saved in between).
    pub counted: bool,
}

/// A running app's changes not yet merged into the file: reads, time,
/// position, and note and bookmark edits (id-keyed maps of the latest edit).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Delta {
    /// Sections read this session.
    pub reads: BTreeMap<String, SessionRead>,
    /// Sections read per local day this session (idempotent, kept all session).
    pub day_reads: BTreeMap<Date, BTreeSet<String>>,
    /// Active seconds per day added since the last save (cleared by a save).
    pub active_secs: BTreeMap<Date, u64>,
    /// Latest position, if changed since the last save (cleared by a save, so
    /// an older copy of the app never overwrites a newer copy's position).
    pub position: Option<Position>,
    /// Latest note edit per section since the last save (cleared by a save).
    pub notes: BTreeMap<String, NoteEdit>,
    /// The toolkit being read when it is not the built-in one (its name),
    /// so its place and time are kept apart from the built-in one's.
    pub toolkit: Option<String>,
    /// Latest bookmark change per section since the last save (cleared by a save).
    pub bookmarks: BTreeMap<String, BookmarkEdit>,
    /// Per section, the note text (and edit count) this session last knew
    /// to be on disk: at the start, then what its own saves wrote.
    pub seen: BTreeMap<String, (String, u32)>,
    /// Per section edited since the last save, the note the edit was made
    /// on top of (`None`: there was none), so an edit of what is on disk
    /// replaces it and an edit of something older keeps both.
    pub bases: BTreeMap<String, Option<(String, u32)>>,
    /// Commitments made or changed since the last save, whole (merged on
    /// save, so applying one twice is harmless; cleared by a save).
    pub commitments: BTreeMap<String, Commitment>,
    /// Commitments removed (or reworded away from this id) since the last
    /// save, taken out of the journal on save before `commitments` merge.
    pub removed_commitments: BTreeSet<String>,
    /// Latest choice per practice scenario since the last save (cleared by a save).
    pub choices: BTreeMap<String, Chosen>,
}

impl Delta {
    /// Whether there is anything a save would add beyond what is on disk already.
    pub fn has_unsaved(&self) -> bool {
        self.reads.values().any(|read| !read.counted)
            || !self.active_secs.is_empty()
            || self.position.is_some()
            || !self.notes.is_empty()
            || !self.bookmarks.is_empty()
            || !self.commitments.is_empty()
            || !self.removed_commitments.is_empty()
            || !self.choices.is_empty()
    }

    /// Call after the delta was written to disk: keeps the idempotent parts,
    /// marks reads as counted and clears what must not be added twice.
    pub fn mark_saved(&mut self) {
        for read in self.reads.values_mut() {
            read.counted = true;
        }
        self.active_secs.clear();
        self.position = None;
        for (id, edit) in std::mem::take(&mut self.notes) {
            match edit {
                NoteEdit::Set(note) => self.seen.insert(id, (note.text, note.edits)),
                NoteEdit::Deleted(_) => self.seen.remove(&id),
            };
        }
        self.bases.clear();
        self.bookmarks.clear();
        self.commitments.clear();
        self.removed_commitments.clear();
        self.choices.clear();
    }
}

/// One run of the app: its id and the changes it has not yet saved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Session {
    /// Unique id for this run, e.g. `2025-03-01T09:30:00Z-4242` (start time and process id).
    pub id: String,
    /// Changes not yet merged into the file.
    pub pending: Delta,
}

impl Session {
    /// A session with a given id (tests use fixed ids).
    pub fn new(id: impl Into<String>) -> Self {
        Self {
            id: id.into(),
            pending: Delta::default(),
        }
    }

    /// A session for this run, named by its start time and process id.
    pub fn start(now: Timestamp) -> Self {
        Self::new(format!("{now}-{}", std::process::id()))
    }

    /// Records that `section` counted as read at `at`, on local day `day`.
    pub fn record_read(&mut self, section: &str, at: Timestamp, day: Date) {
        let read = self.pending.reads.entry(section.to_owned());
        read.and_modify(|read| {
            read.first = read.first.min(at);
            read.last = read.last.max(at);
        })
        .or_insert(SessionRead {
            first: at,
            last: at,
            counted: false,
        });
        let today = self.pending.day_reads.entry(day).or_default();
        today.insert(section.to_owned());
    }

    /// Adds active learning seconds (from [`crate::journal::reading::ReadTracker::take_active_secs`]) to `day`.
    pub fn add_active_secs(&mut self, day: Date, secs: u64) {
        if secs > 0 {
            let total = self.pending.active_secs.entry(day).or_default();
            *total = total.saturating_add(secs);
        }
    }

    /// Remembers where the person is, saved with the next save.
    pub fn set_position(&mut self, section: &str, scroll: u16) {
        self.pending.position = Some(Position {
            section: section.to_owned(),
            scroll,
            extra: Map::new(),
        });
    }
}
