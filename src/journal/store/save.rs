//! Saving: merging a session's changes (or any change) into the journal as
//! re-read under the lock, and writing it atomically; with a compare-and-swap
//! where the file system can't lock, and nothing written in read-only and
//! not-kept modes.

use std::fs::File;
use std::io;
use std::path::Path;

use super::files::{Swapped, atomic_write_if, copy_aside, create_private_dir};
use super::load::{Loaded, load};
use super::lock::{self, Lock};
use super::{LOCK_FILE, Mode, Notice, Saved, Stamp, Store, StoreError, stamp};
use crate::journal::record::{Journal, Session};

/// How many times a save retries when another copy wrote the journal
/// between its read and its rename (no locks, or a lock file deleted while
/// held), before giving up with [`StoreError::Busy`].
const SWAP_TRIES: usize = 20;

impl Store {
    /// Merges the session's pending changes into the journal on disk and
    /// writes it atomically, under the lock. On success the session's
    /// additive changes are cleared. In read-only and not-kept modes nothing
    /// is written and the session keeps its changes; the returned journal
    /// still shows them (notes and bookmarks included).
    pub fn save(&mut self, session: &mut Session) -> Result<Saved, StoreError> {
        let (mut saved, notes) =
            self.update(|journal| journal.apply(&session.pending, &session.id))?;
        saved.notes = notes;
        if saved.written {
            session.pending.mark_saved();
        }
        Ok(saved)
    }

    /// Changes the journal on disk safely: takes the lock (never writing
    /// without it: [`StoreError::Busy`] if this store's patience ran out),
    /// re-reads the file (so another copy's saves are kept), runs `change`
    /// on it and writes the result atomically. Where the file system can't
    /// lock, the rename happens only if the file is still the one read
    /// (re-read and `change` run again otherwise). Returns what was saved and
    /// what `change` returned (for example an import's report, made against
    /// the journal as re-read). In read-only and not-kept modes `change` runs
    /// on the last journal read and nothing is written (`written` is false).
    pub fn update<T>(
        &mut self,
        mut change: impl FnMut(&mut Journal) -> T,
    ) -> Result<(Saved, T), StoreError> {
        if self.mode != Mode::Kept {
            return Ok(self.unsaved(change, Vec::new()));
        }
        let path = self.journal_path();
        self.check_folder()?;
        create_private_dir(&self.dir).map_err(|err| StoreError::Write(path.clone(), err))?;
        let mut notices = Vec::new();
        let mut backed_up = false;
        for _ in 0..SWAP_TRIES {
            // Taken again on every try: a lock file deleted while held no
            // longer keeps another copy out, so a try that lost it starts over.
            let held = self.take_lock(&mut notices)?;
            let before = stamp(&path);
            let loaded = self.reload(&path, before)?;
            notices.extend(loaded.notices);
            if loaded.mode != Mode::Kept {
                if let Some(notice) = notices.last().cloned() {
                    self.set_unwritable(loaded.mode, &loaded.journal, &notice);
                }
                self.mode = loaded.mode;
                return Ok(self.unsaved(change, notices));
            }
            let mut journal = loaded.journal;
            let out = change(&mut journal);
            if let Some(from) = loaded.migrated_from.filter(|_| !backed_up) {
                let backup = copy_aside(&path, &format!("v{from}-backup"))
                    .map_err(|err| StoreError::Write(path.clone(), err))?;
                backed_up = true;
                notices.push(Notice::Migrated(from, backup));
            }
            if loaded.repaired && !backed_up {
                let stamp = jiff::Zoned::now().strftime("%Y%m%d-%H%M%S");
                let copy = copy_aside(&path, &format!("mended-{stamp}"))
                    .map_err(|err| StoreError::Write(path.clone(), err))?;
                backed_up = true;
                notices.push(Notice::KeptAsItWas(copy));
            }
            // A compare-and-swap, lock or no lock: the lock must still be
            // the file at `journal.lock` and the journal the one read.
            let unchanged = || {
                held.as_ref()
                    .is_none_or(|file| lock::still_held(&self.dir, file))
                    && stamp(&path) == before
            };
            let swapped = write_journal(&path, &journal, unchanged)?;
            if !matches!(swapped, Swapped::Not) {
                if let Swapped::Unflushed(err) = swapped {
                    // The journal is replaced: a warning, never a failed
                    // save that a caller would make again.
                    notices.push(Notice::NotFlushed(path.clone(), err.to_string()));
                }
                self.written = stamp(&path).map(|known| (known, journal.clone()));
                let saved = Saved {
                    journal,
                    written: true,
                    notices,
                    notes: Default::default(),
                };
                return Ok((saved, out));
            }
        }
        Err(StoreError::Busy)
    }

    /// Takes the lock as this store's patience allows: the file held, or
    /// `None` where the file system can't lock (said once per store).
    fn take_lock(&mut self, notices: &mut Vec<Notice>) -> Result<Option<File>, StoreError> {
        let lock = lock::lock(&self.dir, self.patience)
            .map_err(|err| StoreError::Write(self.dir.join(LOCK_FILE), err))?;
        #[cfg(test)]
        let lock = match lock {
            Lock::Held(_) if self.pretend_no_locking => Lock::Unsupported("pretend".into()),
            other => other,
        };
        match lock {
            Lock::Held(file) => Ok(Some(file)),
            Lock::Busy => Err(StoreError::Busy),
            Lock::Unsupported(reason) => {
                if !std::mem::replace(&mut self.told_no_lock, true) {
                    notices.push(Notice::NoLocking(reason));
                }
                Ok(None)
            }
        }
    }

    /// The journal on disk: what this store wrote, while the file still has
    /// the stamp it had then (no other copy has saved), else read again.
    fn reload(&mut self, path: &Path, now: Option<Stamp>) -> Result<Loaded, StoreError> {
        let unchanged = self.written.take().filter(|(known, _)| now == Some(*known));
        match unchanged {
            Some((_, journal)) => Ok(Loaded {
                journal,
                mode: Mode::Kept,
                notices: Vec::new(),
                migrated_from: None,
                repaired: false,
            }),
            None => load(path).map_err(|err| StoreError::Read(path.to_path_buf(), err)),
        }
    }

    fn unsaved<T>(
        &self,
        mut change: impl FnMut(&mut Journal) -> T,
        notices: Vec<Notice>,
    ) -> (Saved, T) {
        let mut journal = self.base.clone();
        let out = change(&mut journal);
        let saved = Saved {
            journal,
            written: false,
            notices,
            notes: Default::default(),
        };
        (saved, out)
    }
}

/// Writes the journal as pretty JSON, atomically and privately, if
/// `unchanged()` still holds once the new file is on disk ([`Swapped::Not`]:
/// nothing was replaced).
fn write_journal(
    path: &Path,
    journal: &Journal,
    unchanged: impl FnOnce() -> bool,
) -> Result<Swapped, StoreError> {
    let write = serde_json::to_vec_pretty(journal)
        .map_err(io::Error::other)
        .and_then(|mut bytes| {
            bytes.push(b'\n');
            atomic_write_if(path, &bytes, unchanged)
        });
    write.map_err(|err| StoreError::Write(path.to_path_buf(), err))
}
