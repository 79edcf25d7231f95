//! All disk I/O for the journal: where it lives, loading it safely, and
//! saving it atomically and privately, merged under a lock with other copies.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::time::Duration;

use crate::journal::record::Journal;

mod files;
mod load;
mod lock;
mod notice;
mod repair;
mod save;

use load::{Loaded, load};
pub use load::{peek, read, read_noting};
pub use lock::{Patience, WAITING};
pub use notice::{Mode, Notice, StoreError};

pub use files::atomic_write;
pub(crate) use files::create_private_dir;
pub(crate) use files::create_unique as create_new_private;
pub(crate) use files::read_no_follow;
use files::{move_aside, prepare_dir};
use lock::Lock;

/// Holds the data folder's lock while another file in it (the walkthrough
/// log) is read, changed and written, so two copies never lose each other's
/// additions. Waits as long as another copy is saving; `None` only where the
/// folder's file system can't lock at all. An error when the lock file
/// can't be opened (write nothing then).
pub fn lock_dir(dir: &Path) -> io::Result<Option<std::fs::File>> {
    Ok(match lock::lock(dir, Patience::Forever)? {
        Lock::Held(file) => Some(file),
        Lock::Busy | Lock::Unsupported(_) => None,
    })
}

/// Name of the journal file inside the data directory.
pub const JOURNAL_FILE: &str = "journal.json";
/// Name of the lock file that serialises saves of several copies of the app.
pub const LOCK_FILE: &str = "journal.lock";
/// Environment variable naming the data directory (same as `--data-dir`).
pub const DATA_DIR_ENV: &str = "ALLYSHIP_DATA_DIR";
/// How long opening the journal waits for the lock (only to tidy up temp
/// files and read a settled file; the read itself is safe without it).
const OPEN_WAIT: Duration = Duration::from_millis(100);

const DIR_MODE: u32 = 0o700;
const FILE_MODE: u32 = 0o600;

/// What a save did: the merged journal to show, and whether it reached the disk.
#[derive(Debug, Clone)]
pub struct Saved {
    /// The journal as it now stands (disk merged with this session).
    pub journal: Journal,
    /// False in read-only and not-kept modes (the session's changes stay pending).
    pub written: bool,
    /// Things to tell the person (the no-lock notice at most once per store).
    pub notices: Vec<Notice>,
    /// What became of each note edit a [`Store::save`] carried, by section
    /// id (kept as the note, or beside a newer one written elsewhere), so
    /// the app says what happened rather than a plain "saved". Empty for
    /// [`Store::update`].
    pub notes: std::collections::BTreeMap<String, crate::journal::record::NoteOutcome>,
}

/// Why `dir` can't keep a private journal (someone else's, or others can
/// write to it), for commands that only read to say so; `None` when it can,
/// or does not exist yet.
pub fn folder_problem(dir: &Path) -> Option<Notice> {
    match files::check_private_dir(dir) {
        Err(err) if err.kind() != io::ErrorKind::NotFound => Some(unusable_folder(dir, &err)),
        _ => None,
    }
}

fn unusable_folder(dir: &Path, err: &io::Error) -> Notice {
    Notice::NotKept(format!(
        "the folder {} can't be used ({err})",
        dir.display()
    ))
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
    // A folder named on the command line is the person's own choice, from
    // where they are; one from the environment must not follow them about.
    if let Some(dir) = cli.filter(given) {
        return Ok(dir);
    }
    if let Some(dir) = env.filter(given) {
        return absolute(dir, DATA_DIR_ENV);
    }
    match platform() {
        Some(dir) => absolute(dir, "HOME"),
        None => Err(StoreError::NoDataDir),
    }
}

/// `dir` if it is a full path; a relative one (from the variable `from`)
/// is refused, since it would mean another folder wherever one stands.
fn absolute(dir: PathBuf, from: &'static str) -> Result<PathBuf, StoreError> {
    if dir.is_absolute() {
        Ok(dir)
    } else {
        Err(StoreError::RelativeDir(from, dir))
    }
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
    patience: Patience,
    /// Tests: behave as on a file system that can't lock.
    #[cfg(test)]
    pretend_no_locking: bool,
    /// Why nothing can be written (read-only and not-kept modes), for errors.
    not_writable: Option<String>,
    /// The data folder opened (device and inode): a save into a folder
    /// that has gone (moved or deleted, or made anew by someone else) is
    /// refused, never made again holding only this session's changes.
    folder: Option<FolderId>,
}

/// What tells the data folder opened from another folder at the same name:
/// its device and inode (Unix; elsewhere only that it exists).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct FolderId {
    dev: u64,
    ino: u64,
}

fn folder_id(dir: &Path) -> Option<FolderId> {
    let meta = fs::metadata(dir).ok()?;
    #[cfg(unix)]
    let (dev, ino) = {
        use std::os::unix::fs::MetadataExt;
        (meta.dev(), meta.ino())
    };
    #[cfg(not(unix))]
    let (dev, ino) = {
        let _ = meta;
        (0, 0)
    };
    Some(FolderId { dev, ino })
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
    /// Opens the journal in `dir`. Never fails: problems become a [`Mode`] and
    /// notices. A folder that can't be written still shows the journal it
    /// holds, read-only.
    pub fn open(dir: PathBuf) -> (Store, Journal, Vec<Notice>) {
        let mut store = Store {
            dir,
            mode: Mode::Kept,
            base: Journal::new(),
            written: None,
            told_no_lock: false,
            patience: Patience::Forever,
            not_writable: None,
            folder: None,
            #[cfg(test)]
            pretend_no_locking: false,
        };
        if let Err(err) = prepare_dir(&store.dir) {
            let notice = unusable_folder(&store.dir, &err);
            // Show what is there, read-only: progress, bookmarks and notes
            // the person can still read even where nothing can be written.
            let journal = read(&store.dir).unwrap_or_default();
            store.set_unwritable(Mode::NotKept, &journal, &notice);
            return (store, journal, vec![notice]);
        }
        store.folder = folder_id(&store.dir);
        let lock = lock::lock(&store.dir, Patience::Brief(OPEN_WAIT));
        let held = matches!(lock, Ok(Lock::Held(_)));
        if held {
            remove_stale_temps(&store.dir);
        }
        let path = store.journal_path();
        let loaded = load(&path).unwrap_or_else(|err| Loaded {
            journal: Journal::new(),
            mode: Mode::NotKept,
            notices: vec![Notice::NotKept(StoreError::Read(path, err).to_string())],
            migrated_from: None,
            repaired: false,
        });
        store.mode = loaded.mode;
        if let Some(notice) = loaded.notices.first().filter(|_| store.mode != Mode::Kept) {
            store.set_unwritable(loaded.mode, &loaded.journal, notice);
        } else if held && loaded.migrated_from.is_none() && !loaded.repaired {
            // Read under the lock, so no other copy wrote in between. (An
            // upgraded journal is read again at the first save, which keeps
            // the original aside before writing over it.)
            let known = stamp(&store.journal_path());
            store.written = known.map(|known| (known, loaded.journal.clone()));
        }
        (store, loaded.journal, loaded.notices)
    }

    /// Says how long saves wait for another copy of the app: plain commands
    /// wait as long as it takes (the default); the full-screen app waits
    /// briefly and tries again later, so the screen never freezes.
    pub fn set_patience(&mut self, patience: Patience) {
        self.patience = patience;
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

    /// Why saves can't reach the disk (read-only or not-kept modes), in
    /// words to show the person.
    pub fn why_not_written(&self) -> Option<&str> {
        self.not_writable.as_deref()
    }

    /// Starts over: moves the journal aside as `journal.json.reset-YYYYMMDD-HHMMSS`
    /// (never deleting it) and returns where it went. Waits for the lock.
    pub fn reset(&self) -> Result<PathBuf, StoreError> {
        let path = self.journal_path();
        if !path.exists() {
            return Err(StoreError::NoJournal(path));
        }
        let _lock = lock::lock(&self.dir, Patience::Forever)
            .map_err(|err| StoreError::Write(path.clone(), err))?;
        move_aside(&path, "reset").map_err(|err| StoreError::Write(path, err))
    }

    /// An error if the data folder opened has gone from its place (moved,
    /// deleted, or replaced by another folder of that name) since.
    fn check_folder(&self) -> Result<(), StoreError> {
        match self.folder {
            Some(opened) if folder_id(&self.dir) != Some(opened) => {
                Err(StoreError::FolderGone(self.dir.clone()))
            }
            _ => Ok(()),
        }
    }

    /// Remembers why nothing can be written, and what was read, to show.
    fn set_unwritable(&mut self, mode: Mode, journal: &Journal, notice: &Notice) {
        self.mode = mode;
        self.base = journal.clone();
        self.not_writable = Some(notice.reason());
    }
}

/// Removes temp files and folder probes left by a copy of the app killed
/// mid-save or mid-open. Only called under the lock, when no other copy can
/// be writing one; a temp file of a copy still running is left all the
/// same (it may hold a lock file that was deleted and made anew, and its
/// save must not lose its temp file before the rename).
fn remove_stale_temps(dir: &Path) {
    let prefix = format!(".{JOURNAL_FILE}.tmp-");
    for entry in fs::read_dir(dir).into_iter().flatten().flatten() {
        let name = entry.file_name();
        let name = name.to_string_lossy();
        // A probe of a copy open now lasts microseconds, and that copy takes
        // its probe's going as done (`prepare_dir`).
        let stale_temp = name
            .strip_prefix(&prefix)
            .is_some_and(|rest| !writer_running(rest));
        if stale_temp || name.starts_with(files::PROBE_PREFIX) {
            let _ = fs::remove_file(entry.path());
        }
    }
}

/// Whether the process whose id begins `rest` (`{pid}-{n}`, a temp file's
/// name after its prefix) is still running. Unix only; elsewhere false.
fn writer_running(rest: &str) -> bool {
    let pid = rest
        .split('-')
        .next()
        .and_then(|pid| pid.parse::<i32>().ok());
    #[cfg(unix)]
    {
        let pid = pid.and_then(rustix::process::Pid::from_raw);
        pid.is_some_and(|pid| {
            !matches!(
                rustix::process::test_kill_process(pid),
                Err(rustix::io::Errno::SRCH)
            )
        })
    }
    #[cfg(not(unix))]
    {
        let _ = pid;
        false
    }
}

#[cfg(test)]
mod tests;
