//! Notes and bookmarks: how a session records edits to them and how those
//! edits merge with what another copy of the app (or an import) saved.
//!
//! Merge rules, per section id:
//!
//! - **An edit of what is on disk replaces it.** A session remembers the
//!   text it last saw on disk for each note (its *base*); an edit made on
//!   top of the note the journal still holds replaces it, whatever the
//!   clocks say, and counts one more edit ([`Note::edits`]).
//! - **Otherwise both are kept.** When the journal's note changed elsewhere
//!   meanwhile (another copy of the app, an import), one version stays the
//!   note and the other goes to [`Journal::superseded_notes`] (once per
//!   text): the one written last (`changed`) wins, wherever it was
//!   written, so what is kept aside is always labelled truthfully as an
//!   earlier version; the edit count only breaks a tie. A time more than a
//!   day after the other edit (or after now, on import) is [`suspect`]: a
//!   clock that ran ahead must not freeze a note, so that version loses,
//!   and when an edit replaces a note dated like that, the old text is
//!   kept aside too. The note keeps the earliest `created`; same text: only
//!   the dates and counts widen. What became of a session's edit is
//!   returned ([`NoteOutcome`]), so the person is told.
//! - **Deleting** (emptying a note) removes the note it was based on; a
//!   note changed elsewhere since survives.
//! - **Bookmarks: the newer change wins.** A bookmark's `added` is the time
//!   it was last set (added or relabelled). Setting or removing applies
//!   unless the journal's bookmark was set later, but not suspectly later:
//!   a bookmark dated more than a day after the change can still be
//!   removed. Removals are not kept on disk, so a removal only affects the
//!   bookmark the journal holds when it is saved (a copy saving an older add
//!   afterwards brings it back: shown, never lost).

use jiff::Timestamp;
use serde::{Deserialize, Serialize};

use super::{Bookmark, Journal, Note, Session};

/// A session's latest change to one section's note.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NoteEdit {
    /// The note's text as the person left it, with its dates.
    Set(Note),
    /// The person emptied the note at this time (a tombstone).
    Deleted(Timestamp),
}

/// A session's latest change to one section's bookmark.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BookmarkEdit {
    /// Bookmarked (or relabelled): `added` is the time of this change.
    Set(Bookmark),
    /// The bookmark was removed at this time.
    Removed(Timestamp),
}

/// A note edit that lost to a newer edit of the same note made elsewhere,
/// kept so the person can still find what they typed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SupersededNote {
    /// Id of the section the note was on.
    pub section: String,
    /// The text that lost.
    pub text: String,
    /// When that note was first written.
    pub created: Timestamp,
    /// When that text was written.
    pub changed: Timestamp,
    /// Fields from a newer writer, kept on save.
    #[serde(flatten)]
    pub extra: serde_json::Map<String, serde_json::Value>,
}

/// How one incoming note merged with the journal's note for the same section.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum NoteMerge {
    /// There was no note: the incoming one was added.
    Added,
    /// The incoming note won and replaced the text; the old one was kept aside.
    Updated,
    /// The journal's note won and stayed; the incoming one was kept aside.
    Kept,
    /// Same text: only the dates may have widened.
    Identical,
}

/// What became of a session's edit of a note when it was merged into the
/// journal, so the app can say so rather than a plain "saved".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoteOutcome {
    /// The edit is the note (added, made on top of the note on disk, or
    /// the same text): nothing more to tell.
    Saved,
    /// The edit is the note, and a different version written elsewhere
    /// meanwhile, earlier, is kept beside it as an earlier version.
    SavedOverOlder,
    /// A newer version was written elsewhere meanwhile: that stays the note
    /// and this edit is kept beside it, as an earlier version.
    BesideNewer,
    /// The note was emptied and is removed.
    Removed,
    /// The note was emptied here, but changed elsewhere since: that version
    /// stays (never deleted unseen).
    NotRemoved,
}

impl NoteOutcome {
    /// What to tell the person instead of a plain "Note saved." (or "Note
    /// removed"), when there is more to say; `None` when the plain words are true.
    pub fn words(self) -> Option<&'static str> {
        match self {
            Self::Saved | Self::Removed => None,
            Self::SavedOverOlder => Some(
                "Note saved; the version written elsewhere meanwhile is kept as an earlier one.",
            ),
            Self::BesideNewer => Some(
                "Saved beside a newer version written elsewhere; yours is kept as an earlier one.",
            ),
            Self::NotRemoved => {
                Some("Not removed: the note was changed elsewhere since, and that version stays.")
            }
        }
    }

    /// Which of several outcomes to tell, when one save carried several
    /// notes: the one that most changes what the person thinks happened.
    fn weight(self) -> u8 {
        match self {
            Self::Saved | Self::Removed => 0,
            Self::SavedOverOlder => 1,
            Self::NotRemoved => 2,
            Self::BesideNewer => 3,
        }
    }

    /// The words for a save that carried `outcomes`, or `plain` ("Note
    /// saved.") when nothing more happened.
    pub fn said(
        outcomes: impl IntoIterator<Item = NoteOutcome>,
        plain: &'static str,
    ) -> &'static str {
        outcomes
            .into_iter()
            .max_by_key(|outcome| outcome.weight())
            .and_then(NoteOutcome::words)
            .unwrap_or(plain)
    }
}

/// How long after `now` a time must be to count as suspect: a clock that
/// ran ahead, or a file made up. Such times never win a merge by being late.
pub const SUSPECT_AFTER: jiff::SignedDuration = jiff::SignedDuration::from_hours(24);

/// Whether `at` is more than a day after `now` (see [`SUSPECT_AFTER`]).
pub fn suspect(at: Timestamp, now: Timestamp) -> bool {
    now.checked_add(SUSPECT_AFTER).is_ok_and(|limit| at > limit)
}

/// Which of two different versions of a note stays the note: the one not
/// dated suspectly late, then the one written last, then (same time) the
/// one with more edits behind it.
fn incoming_wins(incoming: &Note, current: &Note, now: Timestamp) -> bool {
    let rank = |note: &Note| (!suspect(note.changed, now), note.changed, note.edits);
    rank(incoming) > rank(current)
}

impl Journal {
    /// The journal with a session's unsaved changes applied, as the person
    /// sees it between saves (for lists and the editor).
    pub fn with_pending(&self, session: &Session) -> Journal {
        let mut shown = self.clone();
        shown.apply(&session.pending, &session.id);
        shown
    }

    /// Notes newest first (by `changed`), for "My notes" and `allyship notes`.
    pub fn notes_newest_first(&self) -> Vec<(&str, &Note)> {
        let mut notes: Vec<(&str, &Note)> = self
            .records
            .notes
            .iter()
            .map(|(id, n)| (id.as_str(), n))
            .collect();
        notes.sort_by(|a, b| b.1.changed.cmp(&a.1.changed).then(a.0.cmp(b.0)));
        notes
    }

    /// The versions of the note on `section` that lost to a newer edit made
    /// in another copy of the app, oldest first: shown under the note's
    /// prompts and by `allyship notes`, so nothing typed is out of reach.
    pub fn earlier_versions<'a>(
        &'a self,
        section: &'a str,
    ) -> impl Iterator<Item = &'a SupersededNote> {
        self.records
            .superseded_notes
            .iter()
            .filter(move |kept| kept.section == section)
    }

    /// Merges one note made without knowing the journal's (an import, or an
    /// edit whose base changed meanwhile): the winner (see the module docs)
    /// is the note, the other version is kept aside. `now` judges which
    /// times are suspect.
    pub(crate) fn merge_note(&mut self, id: &str, incoming: &Note, now: Timestamp) -> NoteMerge {
        let Some(current) = self.records.notes.get_mut(id) else {
            self.records.notes.insert(id.to_owned(), incoming.clone());
            return NoteMerge::Added;
        };
        if current.text == incoming.text {
            current.created = current.created.min(incoming.created);
            current.changed = current.changed.max(incoming.changed);
            current.edits = current.edits.max(incoming.edits);
            return NoteMerge::Identical;
        }
        if incoming_wins(incoming, current, now) {
            let old = std::mem::replace(current, incoming.clone());
            current.created = old.created.min(incoming.created);
            self.set_aside(id, &old);
            NoteMerge::Updated
        } else {
            self.set_aside(id, incoming);
            NoteMerge::Kept
        }
    }

    /// Keeps a losing note text, unless the same text is kept already for
    /// that section or is the note itself.
    pub(crate) fn set_aside(&mut self, id: &str, note: &Note) {
        if self
            .records
            .notes
            .get(id)
            .is_some_and(|n| n.text == note.text)
        {
            return;
        }
        let known = |kept: &SupersededNote| kept.section == id && kept.text == note.text;
        if let Some(kept) = self.records.superseded_notes.iter_mut().find(|k| known(k)) {
            kept.changed = kept.changed.max(note.changed);
            return;
        }
        self.records.superseded_notes.push(SupersededNote {
            section: id.to_owned(),
            text: note.text.clone(),
            created: note.created,
            changed: note.changed,
            extra: note.extra.clone(),
        });
    }

    /// Adds a version kept aside elsewhere (an import), unless its text is
    /// kept already for that section; true when it was new here.
    pub(crate) fn keep_superseded(&mut self, kept: &SupersededNote) -> bool {
        let before = self.records.superseded_notes.len();
        let note = Note {
            text: kept.text.clone(),
            created: kept.created,
            changed: kept.changed,
            extra: kept.extra.clone(),
            ..Note::default()
        };
        self.set_aside(&kept.section, &note);
        self.records.superseded_notes.len() > before
    }

    pub(super) fn apply_note(
        &mut self,
        id: &str,
        edit: &NoteEdit,
        base: Option<&str>,
    ) -> NoteOutcome {
        match edit {
            NoteEdit::Set(note) => {
                let Some(current) = self.records.notes.get_mut(id) else {
                    self.records.notes.insert(id.to_owned(), note.clone());
                    return NoteOutcome::Saved;
                };
                let on_top = base == Some(current.text.as_str());
                if !on_top || current.text == note.text {
                    return match self.merge_note(id, note, note.changed) {
                        NoteMerge::Added | NoteMerge::Identical => NoteOutcome::Saved,
                        NoteMerge::Updated => NoteOutcome::SavedOverOlder,
                        NoteMerge::Kept => NoteOutcome::BesideNewer,
                    };
                }
                // The person edited what is on disk: theirs replaces it.
                let old = std::mem::replace(current, note.clone());
                current.created = old.created.min(note.created);
                current.edits = note.edits.max(old.edits.saturating_add(1));
                if suspect(old.changed, note.changed) {
                    self.set_aside(id, &old);
                }
                NoteOutcome::Saved
            }
            NoteEdit::Deleted(at) => {
                let Some(current) = self.records.notes.get(id) else {
                    return NoteOutcome::Removed;
                };
                let on_top = match base {
                    Some(base) => base == current.text,
                    None => current.changed <= *at || suspect(current.changed, *at),
                };
                if on_top {
                    self.records.notes.remove(id);
                    NoteOutcome::Removed
                } else {
                    NoteOutcome::NotRemoved
                }
            }
        }
    }

    pub(super) fn apply_bookmark(&mut self, id: &str, edit: &BookmarkEdit) {
        let at = match edit {
            BookmarkEdit::Set(bookmark) => bookmark.added,
            BookmarkEdit::Removed(at) => *at,
        };
        if self
            .records
            .bookmarks
            .get(id)
            .is_some_and(|current| current.added > at && !suspect(current.added, at))
        {
            return;
        }
        match edit {
            BookmarkEdit::Set(bookmark) => {
                self.records
                    .bookmarks
                    .insert(id.to_owned(), bookmark.clone());
            }
            BookmarkEdit::Removed(_) => {
                self.records.bookmarks.remove(id);
            }
        }
    }
}

impl Session {
    /// Remembers the notes in `journal` as the ones this session has seen
    /// on disk: its edits are made on top of them (see the module docs).
    /// Call with the journal as opened.
    pub fn saw(&mut self, journal: &Journal) {
        self.pending.seen = journal
            .records
            .notes
            .iter()
            .map(|(id, note)| (id.clone(), (note.text.clone(), note.edits)))
            .collect();
    }

    /// The text this session's edits of `section` are based on: what it
    /// last saw on disk, kept from the first unsaved edit.
    fn base_of(&mut self, section: &str) -> Option<(String, u32)> {
        let seen = self.pending.seen.get(section).cloned();
        let base = self.pending.bases.entry(section.to_owned()).or_insert(seen);
        base.clone()
    }

    /// Records the note on `section` as the person left it at `now`. Text
    /// that is empty or only white space deletes the note instead. The note
    /// keeps its `created` time (from the journal when saved, or from an
    /// earlier edit this session).
    pub fn set_note(&mut self, section: &str, text: impl Into<String>, now: Timestamp) {
        let text = text.into();
        if text.trim().is_empty() {
            self.delete_note(section, now);
            return;
        }
        let created = match self.pending.notes.get(section) {
            Some(NoteEdit::Set(note)) => note.created.min(now),
            _ => now,
        };
        let edits = self
            .base_of(section)
            .map_or(0, |(_, edits)| edits)
            .saturating_add(1);
        let note = Note {
            text,
            created,
            changed: now,
            edits,
            ..Note::default()
        };
        self.pending
            .notes
            .insert(section.to_owned(), NoteEdit::Set(note));
    }

    /// Records that the person deleted (emptied) the note on `section` at `now`.
    pub fn delete_note(&mut self, section: &str, now: Timestamp) {
        self.base_of(section);
        self.pending
            .notes
            .insert(section.to_owned(), NoteEdit::Deleted(now));
    }

    /// Bookmarks `section` (or relabels its bookmark) at `now`; a blank label is none.
    pub fn set_bookmark(&mut self, section: &str, label: Option<String>, now: Timestamp) {
        let label = label.map(|l| l.trim().to_owned()).filter(|l| !l.is_empty());
        let bookmark = Bookmark {
            label,
            added: now,
            ..Bookmark::default()
        };
        self.pending
            .bookmarks
            .insert(section.to_owned(), BookmarkEdit::Set(bookmark));
    }

    /// Removes the bookmark on `section` at `now`.
    pub fn remove_bookmark(&mut self, section: &str, now: Timestamp) {
        self.pending
            .bookmarks
            .insert(section.to_owned(), BookmarkEdit::Removed(now));
    }
}
