//! Notes and bookmarks: how a session records edits to them and how those
//! edits merge with what another copy of the app (or an import) saved.
//!
//! Merge rules, per section id:
//!
//! - **Notes: the newer edit wins.** An edit replaces the journal's note when
//!   its `changed` time is later; the note keeps the earliest `created`. Same
//!   text: nothing but the dates moves (earliest `created`, latest `changed`).
//! - **Nothing typed is lost.** When a session's edit loses (the journal's
//!   note was changed later, or at the same instant, by another copy) and its
//!   text differs, the edit is kept in [`Journal::superseded_notes`], once.
//! - **Deleting** (emptying a note) removes it only if it was not changed
//!   after the deletion; a later edit elsewhere survives.
//! - **Bookmarks: the newer change wins.** A bookmark's `added` is the time
//!   it was last set (added or relabelled). Setting or removing applies
//!   unless the journal's bookmark was set later. Removals are not kept on
//!   disk, so a removal only affects the bookmark the journal holds when it
//!   is saved (a copy saving an older add afterwards brings it back: shown,
//!   never lost).

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
    /// The incoming note was newer and replaced the text.
    Updated,
    /// The journal's note was newer (or as new) with other text: it stayed.
    Kept,
    /// Same text: only the dates may have widened.
    Identical,
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
        let mut notes: Vec<(&str, &Note)> =
            self.notes.iter().map(|(id, n)| (id.as_str(), n)).collect();
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
        self.superseded_notes
            .iter()
            .filter(move |kept| kept.section == section)
    }

    /// Merges one note by the newer-edit-wins rule (see the module docs),
    /// without setting anything aside.
    pub(crate) fn merge_note(&mut self, id: &str, incoming: &Note) -> NoteMerge {
        let Some(current) = self.notes.get_mut(id) else {
            self.notes.insert(id.to_owned(), incoming.clone());
            return NoteMerge::Added;
        };
        if current.text == incoming.text {
            current.created = current.created.min(incoming.created);
            current.changed = current.changed.max(incoming.changed);
            NoteMerge::Identical
        } else if incoming.changed > current.changed {
            *current = Note {
                text: incoming.text.clone(),
                created: current.created.min(incoming.created),
                changed: incoming.changed,
                extra: incoming.extra.clone(),
            };
            NoteMerge::Updated
        } else {
            NoteMerge::Kept
        }
    }

    /// Keeps a losing note text, unless the same one is kept already.
    pub(crate) fn set_aside(&mut self, id: &str, note: &Note) {
        let kept = SupersededNote {
            section: id.to_owned(),
            text: note.text.clone(),
            created: note.created,
            changed: note.changed,
            extra: note.extra.clone(),
        };
        if !self.superseded_notes.contains(&kept) {
            self.superseded_notes.push(kept);
        }
    }

    pub(super) fn apply_note(&mut self, id: &str, edit: &NoteEdit) {
        match edit {
            NoteEdit::Set(note) => {
                if self.merge_note(id, note) == NoteMerge::Kept {
                    self.set_aside(id, note);
                }
            }
            NoteEdit::Deleted(at) => {
                if self.notes.get(id).is_some_and(|note| note.changed <= *at) {
                    self.notes.remove(id);
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
            .bookmarks
            .get(id)
            .is_some_and(|current| current.added > at)
        {
            return;
        }
        match edit {
            BookmarkEdit::Set(bookmark) => {
                self.bookmarks.insert(id.to_owned(), bookmark.clone());
            }
            BookmarkEdit::Removed(_) => {
                self.bookmarks.remove(id);
            }
        }
    }
}

impl Session {
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
        let note = Note {
            text,
            created,
            changed: now,
            ..Note::default()
        };
        self.pending
            .notes
            .insert(section.to_owned(), NoteEdit::Set(note));
    }

    /// Records that the person deleted (emptied) the note on `section` at `now`.
    pub fn delete_note(&mut self, section: &str, now: Timestamp) {
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
