//! All disk I/O for the journal: where it lives, loading it safely, and
//! saving it atomically and privately, merged under a lock with other copies.

use std::fs::{self, File};
use std::io;
use std::path::{Path, PathBuf};
use std::time::Duration;

use crate::journal::{Journal, Session};

mod files;
mod load;

pub use load::peek;
use load::{Loaded, load};

pub use files::atomic_write;
pub(crate) use files::create_private_dir;

/// Holds the data folder's lock while another file in it (the walkthrough
/// log) is read, changed and written, so two copies never lose each other's
/// additions. `None` when the lock can't be had within [`LOCK_WAIT`]: carry
/// on, as saves do.
pub fn lock_dir(dir: &Path) -> Option<std::fs::File> {
    files::try_lock_for(dir, LOCK_WAIT).ok()
}
use files::{move_aside, prepare_dir, try_lock_for};

/// Name of the journal file inside the data directory.
pub const JOURNAL_FILE: &str = "journal.json";
/// Name of the lock file that serialises saves of several copies of the app.
pub const LOCK_FILE: &str = "journal.lock";
/// Environment variable naming the data directory (same as `--data-dir`).
pub const DATA_DIR_ENV: &str = "ALLYSHIP_DATA_DIR";
/// How long a save waits for another copy of the app to finish saving.
pub const LOCK_WAIT: Duration = Duration::from_secs(2);

const DIR_MODE: u32 = 0o700;
const FILE_MODE: u32 = 0o600;

/// Why progress could not be found, read or kept, in words a care worker understands.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// No `--data-dir`, no `ALLYSHIP_DATA_DIR` and no home folder.
    #[error(
        "there is no home folder to keep your progress in, so progress can't be kept; \
         choose a folder with --data-dir or ALLYSHIP_DATA_DIR"
    )]
    NoDataDir,
    /// The journal file (path) exists but could not be read (system error).
    #[error("your journal at {0} could not be read ({1}); it was left as it is")]
    Read(PathBuf, #[source] io::Error),
    /// Writing or moving a file (path) failed (system error); the journal on disk is unchanged.
    #[error("your progress could not be saved to {0} ({1}); the saved journal is unchanged")]
    Write(PathBuf, #[source] io::Error),
    /// `reset` found no journal (path) to move aside.
    #[error("there is no journal at {0} to start over from")]
    NoJournal(PathBuf),
}

/// Whether saves reach the disk, so the UI can say so.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// Normal: saves are merged and written.
    Kept,
    /// The journal was made by a newer version: never written.
    ReadOnly,
    /// The data directory or journal can't be used: nothing is kept.
    NotKept,
}

/// Something to tell the person about their journal; `to_string()` gives the line to show.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Notice {
    /// A journal that did not parse was moved aside, byte for byte, to this path.
    MovedAside(PathBuf),
    /// The journal has this newer format version: opened read-only.
    NewerVersion(u32),
    /// An older journal (of this version) was upgraded after copying it to this path.
    Migrated(u32, PathBuf),
    /// The data directory or journal can't be used (reason given): progress is not kept.
    NotKept(String),
    /// Saving went ahead without the lock, for the reason given.
    NoLock(String),
}

impl std::fmt::Display for Notice {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::MovedAside(path) => write!(
                f,
                "Your journal could not be read, so it was kept at {} and a new one started.",
                path.display()
            ),
            Self::NewerVersion(version) => write!(
                f,
                "Your journal was made by a newer version of allyship (format {version}); \
                 opened read-only, nothing will be saved."
            ),
            Self::Migrated(from, backup) => write!(
                f,
                "Your journal was upgraded from format {from}; the original is kept at {}.",
                backup.display()
            ),
            Self::NotKept(reason) => write!(f, "Progress can't be kept: {reason}."),
            Self::NoLock(reason) => write!(
                f,
                "Saving without a lock ({reason}); if allyship is open twice, close one."
            ),
        }
    }
}

/// What a save did: the merged journal to show, and whether it reached the disk.
#[derive(Debug, Clone)]
pub struct Saved {
    /// The journal as it now stands (disk merged with this session).
    pub journal: Journal,
    /// False in read-only and not-kept modes (the session's changes stay pending).
    pub written: bool,
    /// Things to tell the person (the no-lock notice at most once per store).
    pub notices: Vec<Notice>,
}

/// Picks the data directory: `--data-dir`, then `ALLYSHIP_DATA_DIR`, then the
/// platform's data directory (`~/.local/share/allyship` on Linux). Never the
/// current directory: with none of these, progress can't be kept.
pub fn data_dir(cli_override: Option<PathBuf>) -> Result<PathBuf, StoreError> {
    let env = std::env::var_os(DATA_DIR_ENV).map(PathBuf::from);
    let platform =
        || directories::ProjectDirs::from("", "", "allyship").map(|d| d.data_dir().to_path_buf());
    choose_data_dir(cli_override, env, platform)
}

fn choose_data_dir(
    cli: Option<PathBuf>,
    env: Option<PathBuf>,
    platform: impl FnOnce() -> Option<PathBuf>,
) -> Result<PathBuf, StoreError> {
    let given = |p: &PathBuf| !p.as_os_str().is_empty();
    cli.filter(given)
        .or_else(|| env.filter(given))
        .or_else(platform)
        .ok_or(StoreError::NoDataDir)
}

/// Where the journal file is in `dir`, for `allyship journal --path`.
pub fn journal_path_in(dir: &Path) -> PathBuf {
    dir.join(JOURNAL_FILE)
}

/// The journal's on-disk home.
///
/// # File format
///
/// `journal.json` is pretty-printed UTF-8 JSON, `version` first. Times are
/// RFC 3339 UTC; days are local dates. A day lists the sections read as
/// positions in `ids`, so the file stays small over years. Fields this version
/// doesn't know are kept on save; `bookmarks` and `notes` are left out while empty.
///
/// ```json
/// {
///   "version": 1,
///   "sections": { "tip-listen-actively": {
///     "first_read": "2025-03-01T09:31:02Z", "last_read": "2025-03-08T18:02:40Z",
///     "sessions": 2, "last_session": "2025-03-08T18:00:11Z-4242" } },
///   "ids": ["tip-listen-actively", "welcome"],
///   "days": { "2025-03-01": { "read": "0 1", "active_secs": 840 } },
///   "position": { "section": "tip-listen-actively", "scroll": 12 },
///   "bookmarks": { "tip-listen-actively": { "label": "for team", "added": "2025-03-01T09:40:00Z" } },
///   "notes": { "tip-listen-actively": { "text": "...", "created": "...", "changed": "..." } }
/// }
/// ```
///
/// Beside it: `journal.lock` (empty, for locking), `journal.json.broken-*`,
/// `journal.json.reset-*` and `journal.json.v{N}-backup` (moved-aside copies,
/// never overwritten). All files 0600, the directory 0700 (Unix).
#[derive(Debug)]
pub struct Store {
    dir: PathBuf,
    mode: Mode,
    /// Last journal read, used as the base in read-only and not-kept modes.
    base: Journal,
    /// The journal as this store last read (under the lock) or wrote it,
    /// with the file's stamp then: while the file is unchanged, a save need
    /// not parse it again.
    written: Option<(Stamp, Journal)>,
    told_no_lock: bool,
    lock_wait: Duration,
}

/// What tells one version of the journal file from another: its length,
/// modification time and (on Unix) inode, which every atomic save renews.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Stamp {
    len: u64,
    modified: Option<std::time::SystemTime>,
    inode: u64,
}

fn stamp(path: &Path) -> Option<Stamp> {
    let meta = std::fs::metadata(path).ok()?;
    #[cfg(unix)]
    let inode = std::os::unix::fs::MetadataExt::ino(&meta);
    #[cfg(not(unix))]
    let inode = 0;
    Some(Stamp {
        len: meta.len(),
        modified: meta.modified().ok(),
        inode,
    })
}

impl Store {
    /// Opens the journal in `dir`. Never fails: problems become a [`Mode`] and notices.
    pub fn open(dir: PathBuf) -> (Store, Journal, Vec<Notice>) {
        let mut store = Store {
            dir,
            mode: Mode::Kept,
            base: Journal::new(),
            written: None,
            told_no_lock: false,
            lock_wait: LOCK_WAIT,
        };
        if let Err(err) = prepare_dir(&store.dir) {
            store.mode = Mode::NotKept;
            let reason = format!("the folder {} can't be used ({err})", store.dir.display());
            // Reading commands still show a refused folder's journal.
            let shown = files::read_only_journal(&store.journal_path());
            store.base = shown.clone();
            return (store, shown, vec![Notice::NotKept(reason)]);
        }
        let (lock, mut notices) = store.lock();
        if lock.is_some() {
            remove_stale_temps(&store.dir);
        }
        let path = store.journal_path();
        let loaded = load(&path).unwrap_or_else(|err| Loaded {
            journal: Journal::new(),
            mode: Mode::NotKept,
            notices: vec![Notice::NotKept(StoreError::Read(path, err).to_string())],
        });
        store.mode = loaded.mode;
        // `base` only serves read-only and not-kept modes; a kept journal is
        // re-read on every save.
        if store.mode != Mode::Kept {
            store.base = loaded.journal.clone();
        } else if lock.is_some() {
            // Read under the lock, so no other copy wrote in between.
            let known = stamp(&store.journal_path());
            store.written = known.map(|known| (known, loaded.journal.clone()));
        }
        notices.extend(loaded.notices);
        (store, loaded.journal, notices)
    }

    /// The data directory.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The journal file, for `allyship journal --path`.
    pub fn journal_path(&self) -> PathBuf {
        journal_path_in(&self.dir)
    }

    /// Whether saves reach the disk.
    pub fn mode(&self) -> Mode {
        self.mode
    }

    /// Merges the session's pending changes into the journal on disk and
    /// writes it atomically, under the lock. On success the session's
    /// additive changes are cleared. In read-only and not-kept modes nothing
    /// is written and the session keeps its changes; the returned journal
    /// still shows them (notes and bookmarks included).
    pub fn save(&mut self, session: &mut Session) -> Result<Saved, StoreError> {
        let (saved, ()) = self.update(|journal| journal.apply(&session.pending, &session.id))?;
        if saved.written {
            session.pending.mark_saved();
        }
        Ok(saved)
    }

    /// Changes the journal on disk safely: takes the lock, re-reads the
    /// file (so another copy's saves are kept), runs `change` on it and
    /// writes the result atomically. Returns what was saved and what
    /// `change` returned (for example an import's report, made against the
    /// journal as re-read). In read-only and not-kept modes `change` runs on
    /// the last journal read and nothing is written (`written` is false).
    pub fn update<T>(
        &mut self,
        change: impl FnOnce(&mut Journal) -> T,
    ) -> Result<(Saved, T), StoreError> {
        if self.mode != Mode::Kept {
            return Ok(self.unsaved(change, Vec::new()));
        }
        let path = self.journal_path();
        create_private_dir(&self.dir).map_err(|err| StoreError::Write(path.clone(), err))?;
        let (_lock, mut notices) = self.lock();
        // Unchanged since this store wrote it (no other copy has saved): use
        // what was written rather than parse it again.
        let unchanged = self
            .written
            .take()
            .filter(|(known, _)| stamp(&path) == Some(*known));
        let loaded = match unchanged {
            Some((_, journal)) => Loaded {
                journal,
                mode: Mode::Kept,
                notices: Vec::new(),
            },
            None => load(&path).map_err(|err| StoreError::Read(path.clone(), err))?,
        };
        notices.extend(loaded.notices);
        if loaded.mode != Mode::Kept {
            self.base = loaded.journal;
            self.mode = loaded.mode;
            return Ok(self.unsaved(change, notices));
        }
        // In kept mode `base` is only read after a later load has replaced
        // it, so the journal is not copied on every save.
        let mut journal = loaded.journal;
        let out = change(&mut journal);
        write_journal(&self.dir, &journal)?;
        self.written = stamp(&path).map(|known| (known, journal.clone()));
        let saved = Saved {
            journal,
            written: true,
            notices,
        };
        Ok((saved, out))
    }

    /// Starts over: moves the journal aside as `journal.json.reset-YYYYMMDD-HHMMSS`
    /// (never deleting it) and returns where it went.
    pub fn reset(&self) -> Result<PathBuf, StoreError> {
        let path = self.journal_path();
        if !path.exists() {
            return Err(StoreError::NoJournal(path));
        }
        let _lock = try_lock_for(&self.dir, self.lock_wait);
        move_aside(&path, "reset").map_err(|err| StoreError::Write(path, err))
    }

    fn unsaved<T>(
        &self,
        change: impl FnOnce(&mut Journal) -> T,
        notices: Vec<Notice>,
    ) -> (Saved, T) {
        let mut journal = self.base.clone();
        let out = change(&mut journal);
        let saved = Saved {
            journal,
            written: false,
            notices,
        };
        (saved, out)
    }

    /// Takes the lock, or says once why saving goes ahead without it.
    fn lock(&mut self) -> (Option<File>, Vec<Notice>) {
        match try_lock_for(&self.dir, self.lock_wait) {
            Ok(file) => (Some(file), Vec::new()),
            Err(_) if self.told_no_lock => (None, Vec::new()),
            Err(reason) => {
                self.told_no_lock = true;
                (None, vec![Notice::NoLock(reason)])
            }
        }
    }
}

/// Removes temp files left by a copy of the app killed mid-save. Only
/// called under the lock, when no other copy can be writing one.
fn remove_stale_temps(dir: &Path) {
    let prefix = format!(".{JOURNAL_FILE}.tmp-");
    for entry in fs::read_dir(dir).into_iter().flatten().flatten() {
        if entry.file_name().to_string_lossy().starts_with(&prefix) {
            let _ = fs::remove_file(entry.path());
        }
    }
}

/// Writes the journal as pretty JSON, atomically and privately.
fn write_journal(dir: &Path, journal: &Journal) -> Result<(), StoreError> {
    let path = journal_path_in(dir);
    let write = serde_json::to_vec_pretty(journal)
        .map_err(io::Error::other)
        .and_then(|mut bytes| {
            bytes.push(b'\n');
            atomic_write(&path, &bytes)
        });
    write.map_err(|err| StoreError::Write(path, err))
}

#[cfg(test)]
mod tests;
