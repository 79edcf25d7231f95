//! Connects the reading view to the journal on disk: which section is on
//! screen, when it counts as read, the time spent, and when to save.
//!
//! The rules live in `reading` (read threshold, active time), `journal`
//! (read, revisited, merging) and `store` (safe files); this module only
//! decides when to call them, so the run loop stays short.

use crate::journal::reading::{ReadEvent, ReadTracker, min_read_from_env};
use crate::journal::record::{BookmarkEdit, Journal, NoteEdit, NoteOutcome, Session, local_day};
use crate::journal::rescue::Unsaved;
use crate::journal::store::{self, Mode, Patience, Store, StoreError};
use jiff::Timestamp;
use std::path::PathBuf;
use std::time::{Duration, Instant};

/// Unsaved learning time is written at least this often.
pub const SAVE_EVERY: Duration = Duration::from_secs(30);

/// How long a save in the full-screen app waits for another copy to finish
/// saving before it tries again later (so the screen never freezes).
const LOCK_PATIENCE: Duration = Duration::from_millis(100);

/// How soon a save that could not be written (lock busy, disk full) is tried again.
const RETRY_EVERY: Duration = Duration::from_secs(1);

/// How long the last save on the way out waits for another copy of the app
/// to finish saving, before the words go to a rescue file instead.
const LAST_SAVE_PATIENCE: Duration = Duration::from_secs(10);

/// The running app's link to its journal.
#[derive(Debug)]
pub struct Progress {
    /// `None` when there is nowhere to keep progress.
    store: Option<Store>,
    session: Session,
    tracker: ReadTracker,
    last_save: Instant,
    read_since_save: bool,
    /// Why the last save did not reach the disk (`None`: it did, or there
    /// was nothing to save).
    problem: Option<Problem>,
    /// Whether the last save's unsaved words went to no rescue file and
    /// were only printed (the app then exits non-zero).
    only_printed: bool,
    /// What became of the note edits the last written save carried (kept
    /// as the note, or beside a newer one written elsewhere).
    noted: Vec<NoteOutcome>,
}

/// Why a save did not reach the disk.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    /// Another copy of the app is saving: tried again shortly.
    Waiting,
    /// Nothing can be written here (read-only journal, unusable folder,
    /// full disk...): the reason, in words to show.
    NotWritten(String),
}

impl Problem {
    /// The reason in words, for the footer and the rescue message.
    pub fn reason(&self) -> &str {
        match self {
            Problem::Waiting => "another copy of allyship kept the journal locked",
            Problem::NotWritten(reason) => reason,
        }
    }
}

/// What a save produced, for the app to show.
#[derive(Debug, Default)]
pub struct SaveReport {
    /// The journal as it now stands on disk (merged with other copies).
    pub journal: Option<Journal>,
    /// Lines to tell the person, such as a save that failed.
    pub messages: Vec<String>,
    /// Whether this session's changes are all on disk now.
    pub written: bool,
}

impl Progress {
    /// Opens the journal in the data directory (`--data-dir`, then
    /// `ALLYSHIP_DATA_DIR`, then the platform's). Never fails: problems become
    /// messages and the app runs without keeping progress.
    pub fn start(data_dir: Option<PathBuf>, now: Instant) -> (Progress, Journal, Vec<String>) {
        let (store, journal, messages) = match store::data_dir(data_dir) {
            Ok(dir) => {
                let (mut store, journal, notices) = Store::open(dir);
                store.set_patience(Patience::Brief(LOCK_PATIENCE));
                let messages = notices.iter().map(ToString::to_string).collect();
                (Some(store), journal, messages)
            }
            Err(e) => (
                None,
                Journal::new(),
                vec![format!("Progress can't be kept: {e}.")],
            ),
        };
        let mut session = Session::start(Timestamp::now());
        // Edits are made on top of the notes as opened (see journal::notes).
        session.saw(&journal);
        let progress = Progress {
            store,
            session,
            tracker: ReadTracker::new(min_read_from_env()),
            last_save: now,
            read_since_save: false,
            problem: None,
            only_printed: false,
            noted: Vec::new(),
        };
        (progress, journal, messages)
    }

    /// Keeps this run's place and time under another toolkit's name (from
    /// [`crate::toolkit::content::other_toolkit_name`]); `None` is the built-in one.
    pub fn set_toolkit(&mut self, name: Option<String>) {
        self.session.pending.toolkit = name;
    }

    /// How long each save waits for another copy of allyship to finish
    /// saving: the guide, which says "saved" after every change, waits
    /// longer than the full-screen app's brief try.
    pub fn set_patience(&mut self, patience: Patience) {
        if let Some(store) = self.store.as_mut() {
            store.set_patience(patience);
        }
    }

    /// `journal` with this session's unsaved changes applied: what the
    /// person has done, saved yet or not (for lists and toggles).
    pub fn shown(&self, journal: &Journal) -> Journal {
        journal.with_pending(&self.session)
    }

    /// The data folder, where the facilitator's log of walkthroughs is kept too.
    pub fn data_dir(&self) -> Option<PathBuf> {
        self.store.as_ref().map(|s| s.dir().to_path_buf())
    }

    /// Whether saves reach the disk.
    pub fn kept(&self) -> bool {
        self.store.as_ref().is_some_and(|s| s.mode() == Mode::Kept)
    }

    /// Call whenever what is on screen may have changed: `Some((id, words))`
    /// while a section's text (of that many words) is visible, `None` while
    /// something covers it.
    pub fn showing(&mut self, section: Option<(&str, usize)>, now: Instant) {
        let events = match section {
            Some((id, _)) if self.tracker.open_section() == Some(id) => Vec::new(),
            Some((id, words)) => self.tracker.open(id, words, now),
            None => self.tracker.close(now).into_iter().collect(),
        };
        self.record(events);
    }

    /// Call on every key or mouse event, for the time spent learning.
    pub fn activity(&mut self, now: Instant) {
        let event = self.tracker.activity(now);
        self.record(event.into_iter().collect());
    }

    /// Call a few times a second; true when a save is due (a section has just
    /// counted as read, or unsaved time has waited long enough).
    pub fn tick(&mut self, now: Instant) -> bool {
        let event = self.tracker.tick(now);
        self.record(event.into_iter().collect());
        let waited = now.duration_since(self.last_save) >= SAVE_EVERY;
        if waited {
            self.collect_time();
        }
        // A save that failed while the journal can still be written (lock
        // busy, disk full) is tried again; a read-only journal is not.
        let retry = self.problem.is_some()
            && self.kept()
            && now.duration_since(self.last_save) >= RETRY_EVERY;
        self.read_since_save || ((waited || retry) && self.session.pending.has_unsaved())
    }

    /// Why nothing this session does can be saved (a read-only journal or
    /// folder, or no folder at all), to show from the first frame on.
    pub fn read_only(&self) -> Option<String> {
        match &self.store {
            None => Some("there is no folder to keep your journal in".into()),
            Some(store) if store.mode() != Mode::Kept => Some(
                store
                    .why_not_written()
                    .unwrap_or("nothing can be saved here")
                    .trim_end_matches('.')
                    .to_owned(),
            ),
            Some(_) => None,
        }
    }

    /// Why the last save did not reach the disk, if it did not.
    pub fn problem(&self) -> Option<&Problem> {
        self.problem.as_ref()
    }

    /// Notes and bookmarks set in this session that are not on disk.
    pub fn unsaved(&self) -> Unsaved {
        let pending = &self.session.pending;
        Unsaved {
            notes: pending
                .notes
                .iter()
                .filter_map(|(id, edit)| match edit {
                    NoteEdit::Set(note) => Some((id.clone(), note.clone())),
                    NoteEdit::Deleted(_) => None,
                })
                .collect(),
            bookmarks: pending
                .bookmarks
                .iter()
                .filter_map(|(id, edit)| match edit {
                    BookmarkEdit::Set(bookmark) => Some((id.clone(), bookmark.clone())),
                    BookmarkEdit::Removed(_) => None,
                })
                .collect(),
            commitments: pending.commitments.clone(),
        }
    }

    /// Makes, answers, puts off or lets go a commitment, as `journal` (the
    /// one on screen) holds it; written by the next save. The id, or `None`
    /// when there was nothing to keep.
    pub fn change_commitment(
        &mut self,
        journal: &Journal,
        change: &crate::journal::record::CommitmentChange,
    ) -> Option<String> {
        self.session
            .change_commitment(journal, change, Timestamp::now())
    }

    /// The last save, on the way out: waits longer for another copy to
    /// finish saving, and whatever still could not be written goes to a
    /// rescue file. Returns the lines to print once the terminal is back.
    pub fn save_on_exit(&mut self, position: Option<(&str, u16)>, now: Instant) -> Vec<String> {
        if let Some(store) = self.store.as_mut() {
            store.set_patience(Patience::Brief(LAST_SAVE_PATIENCE));
        }
        let report = self.save(position, now);
        let unsaved = self.unsaved();
        if report.written || unsaved.is_empty() {
            return Vec::new();
        }
        let why = self.problem.as_ref().map_or_else(
            || "progress can't be kept on this computer".to_owned(),
            |p| p.reason().to_owned(),
        );
        let written = crate::journal::rescue::write(&unsaved, &crate::journal::rescue::places());
        self.only_printed = crate::journal::rescue::only_printed(&written);
        crate::journal::rescue::farewell(&unsaved, &why, &written)
    }

    /// Whether words that could not be saved went to no rescue file on the
    /// way out and were only printed: nothing kept them, so the app's exit
    /// must not say all went well.
    pub fn words_only_printed(&self) -> bool {
        self.only_printed
    }

    /// Moves the time gathered by the tracker into the session, for saving.
    fn collect_time(&mut self) {
        let secs = self.tracker.take_active_secs();
        self.session
            .add_active_secs(local_day(Timestamp::now()), secs);
    }

    fn record(&mut self, events: Vec<ReadEvent>) {
        for event in events {
            let at = Timestamp::now();
            self.session.record_read(&event.section, at, local_day(at));
            self.read_since_save = true;
        }
    }

    /// Keeps `text` as the note on `section` (empty text removes the note);
    /// written by the next save.
    pub fn set_note(&mut self, section: &str, text: &str) {
        if text.trim().is_empty() {
            self.session.delete_note(section, Timestamp::now());
        } else {
            self.session.set_note(section, text, Timestamp::now());
        }
    }

    /// Bookmarks `section`; written by the next save.
    pub fn set_bookmark(&mut self, section: &str, label: Option<String>) {
        self.session.set_bookmark(section, label, Timestamp::now());
    }

    /// Keeps option `option` (from 1) as the choice on scenario `section`;
    /// written by the next save.
    pub fn choose(&mut self, section: &str, option: u32) {
        self.session.choose(section, option, Timestamp::now());
    }

    /// Removes the bookmark on `section`; written by the next save.
    pub fn remove_bookmark(&mut self, section: &str) {
        self.session.remove_bookmark(section, Timestamp::now());
    }

    /// What to say about the note the last save wrote: `plain` ("Note
    /// saved.") unless it merged with a version written elsewhere, which
    /// the words then tell (see [`NoteOutcome::words`]).
    pub fn note_said(&self, plain: &'static str) -> &'static str {
        NoteOutcome::said(self.noted.iter().copied(), plain)
    }

    /// Saves this session's reads, time and position, merged with whatever
    /// another copy of the app saved meanwhile.
    pub fn save(&mut self, position: Option<(&str, u16)>, now: Instant) -> SaveReport {
        self.collect_time();
        if let Some((section, scroll)) = position {
            self.session.set_position(section, scroll);
        }
        self.last_save = now;
        self.read_since_save = false;
        let Some(store) = self.store.as_mut() else {
            self.problem = Some(Problem::NotWritten(
                "there is no folder to keep your journal in".into(),
            ));
            return SaveReport::default();
        };
        self.noted.clear();
        match store.save(&mut self.session) {
            Ok(saved) => {
                if saved.written {
                    self.noted = saved.notes.values().copied().collect();
                }
                self.problem = (!saved.written).then(|| {
                    let why = store
                        .why_not_written()
                        .unwrap_or("nothing can be saved here");
                    Problem::NotWritten(why.trim_end_matches('.').to_owned())
                });
                SaveReport {
                    journal: Some(saved.journal),
                    messages: saved.notices.iter().map(ToString::to_string).collect(),
                    written: saved.written,
                }
            }
            Err(StoreError::Busy) => {
                self.problem = Some(Problem::Waiting);
                SaveReport {
                    journal: None,
                    messages: vec![store::WAITING.to_owned()],
                    written: false,
                }
            }
            Err(e) => {
                let why = e.to_string();
                self.problem = Some(Problem::NotWritten(why.clone()));
                SaveReport {
                    journal: None,
                    messages: vec![format!("Not saved: {why}. Trying again shortly.")],
                    written: false,
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::journal::record::ReadStatus;

    #[test]
    fn a_section_read_long_enough_is_saved_and_comes_back() {
        let dir = tempfile::tempdir().unwrap();
        let start = Instant::now();
        let (mut progress, journal, messages) = Progress::start(Some(dir.path().into()), start);
        assert!(messages.is_empty(), "{messages:?}");
        assert_eq!(journal.status("welcome"), ReadStatus::Unread);
        progress.showing(Some(("welcome", 0)), start);
        assert!(
            !progress.tick(start + Duration::from_secs(1)),
            "not read after 1 s"
        );
        assert!(
            progress.tick(start + Duration::from_secs(4)),
            "read after 4 s"
        );
        let report = progress.save(Some(("welcome", 2)), start + Duration::from_secs(4));
        let saved = report.journal.unwrap();
        assert_eq!(saved.status("welcome"), ReadStatus::Read);
        let (_, reopened, _) = Progress::start(Some(dir.path().into()), start);
        assert_eq!(reopened.status("welcome"), ReadStatus::Read);
        assert_eq!(reopened.position.unwrap().scroll, 2);
    }

    #[test]
    fn covering_the_text_stops_the_clock_for_reading() {
        let dir = tempfile::tempdir().unwrap();
        let start = Instant::now();
        let (mut progress, _, _) = Progress::start(Some(dir.path().into()), start);
        progress.showing(Some(("welcome", 0)), start);
        progress.showing(None, start + Duration::from_secs(1));
        assert!(!progress.tick(start + Duration::from_secs(10)));
    }

    #[test]
    fn unsaved_time_is_saved_every_so_often() {
        let dir = tempfile::tempdir().unwrap();
        let start = Instant::now();
        let (mut progress, _, _) = Progress::start(Some(dir.path().into()), start);
        progress.activity(start + Duration::from_secs(10));
        progress.activity(start + Duration::from_secs(20));
        assert!(!progress.tick(start + Duration::from_secs(21)));
        progress.save(None, start + Duration::from_secs(21));
        progress.activity(start + Duration::from_secs(40));
        assert!(!progress.tick(start + Duration::from_secs(45)));
        assert!(progress.tick(start + Duration::from_secs(52)));
    }

    /// Issue 27, item 4: the data folder moved away while the app runs:
    /// the note is not said saved, the journal shown is left as it was
    /// (nothing vanishes from view), and the folder is not made again.
    #[test]
    fn a_data_folder_moved_away_is_said_and_never_made_again() {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path().join("data");
        let start = Instant::now();
        let (mut progress, _, _) = Progress::start(Some(dir.clone()), start);
        progress.set_note("welcome", "words to keep");
        std::fs::rename(&dir, tmp.path().join("elsewhere")).unwrap();
        let report = progress.save(None, start);
        assert!(!report.written && report.journal.is_none());
        let said = report.messages.join(" ");
        assert!(said.starts_with("Not saved: your data folder"), "{said}");
        assert!(said.contains("has gone"), "{said}");
        assert!(!dir.exists(), "never made again");
    }
}
