//! All disk I/O for the journal: where it lives, loading it safely, and
//! saving it atomically and privately, merged under a lock with other copies.

use std::fs::{self, File, OpenOptions, TryLockError};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use serde::Deserialize;

use crate::journal::{CURRENT_VERSION, Journal, Session};

#[cfg(unix)]
use std::os::unix::fs::{DirBuilderExt, OpenOptionsExt, PermissionsExt};

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
/// RFC 3339 UTC; days are local dates. Fields this version doesn't know are
/// kept on save; `bookmarks` and `notes` are left out while empty.
///
/// ```json
/// {
///   "version": 1,
///   "sections": { "tip-listen-actively": {
///     "first_read": "2025-03-01T09:31:02Z", "last_read": "2025-03-08T18:02:40Z",
///     "sessions": 2, "last_session": "2025-03-08T18:00:11Z-4242" } },
///   "days": { "2025-03-01": { "sections": ["tip-listen-actively"], "active_secs": 840 } },
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
    told_no_lock: bool,
    lock_wait: Duration,
}

/// Result of reading the journal file.
struct Loaded {
    journal: Journal,
    mode: Mode,
    notices: Vec<Notice>,
}

#[derive(Deserialize)]
struct VersionOnly {
    version: u32,
}

impl Store {
    /// Opens the journal in `dir`. Never fails: problems become a [`Mode`] and notices.
    pub fn open(dir: PathBuf) -> (Store, Journal, Vec<Notice>) {
        let mut store = Store {
            dir,
            mode: Mode::Kept,
            base: Journal::new(),
            told_no_lock: false,
            lock_wait: LOCK_WAIT,
        };
        if let Err(err) = prepare_dir(&store.dir) {
            store.mode = Mode::NotKept;
            let reason = format!("the folder {} can't be used ({err})", store.dir.display());
            return (store, Journal::new(), vec![Notice::NotKept(reason)]);
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
        store.base = loaded.journal.clone();
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
    /// still shows them.
    pub fn save(&mut self, session: &mut Session) -> Result<Saved, StoreError> {
        if self.mode != Mode::Kept {
            return Ok(self.unsaved(session, Vec::new()));
        }
        let path = self.journal_path();
        create_private_dir(&self.dir).map_err(|err| StoreError::Write(path.clone(), err))?;
        let (_lock, mut notices) = self.lock();
        let loaded = load(&path).map_err(|err| StoreError::Read(path, err))?;
        notices.extend(loaded.notices);
        self.base = loaded.journal;
        if loaded.mode != Mode::Kept {
            self.mode = loaded.mode;
            return Ok(self.unsaved(session, notices));
        }
        let mut journal = self.base.clone();
        journal.apply(&session.pending, &session.id);
        write_journal(&self.dir, &journal)?;
        session.pending.mark_saved();
        self.base = journal.clone();
        Ok(Saved {
            journal,
            written: true,
            notices,
        })
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

    fn unsaved(&self, session: &Session, notices: Vec<Notice>) -> Saved {
        let mut journal = self.base.clone();
        journal.apply(&session.pending, &session.id);
        Saved {
            journal,
            written: false,
            notices,
        }
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

/// Creates the data directory if needed (again, if it was removed) and makes it 0700.
fn create_private_dir(dir: &Path) -> io::Result<()> {
    let mut builder = fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    builder.mode(DIR_MODE);
    builder.create(dir)?;
    set_mode(dir, DIR_MODE)
}

/// Creates the data directory and checks that files can be created in it.
fn prepare_dir(dir: &Path) -> io::Result<()> {
    create_private_dir(dir)?;
    let probe = dir.join(format!(".probe-{}", std::process::id()));
    private_file()
        .write(true)
        .create(true)
        .truncate(true)
        .open(&probe)?;
    fs::remove_file(&probe)
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

/// Reads and checks the journal file. Only an unreadable file is an error;
/// a broken one is moved aside and a newer one makes the store read-only.
fn load(path: &Path) -> io::Result<Loaded> {
    let fresh = |notices| Loaded {
        journal: Journal::new(),
        mode: Mode::Kept,
        notices,
    };
    let bytes = match fs::read(path) {
        Err(err) if err.kind() == io::ErrorKind::NotFound => return Ok(fresh(Vec::new())),
        other => other?,
    };
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Ok(fresh(Vec::new()));
    }
    let parsed = serde_json::from_slice::<Journal>(&bytes);
    // A newer writer may have changed the shape, so look for its version alone.
    let version = match &parsed {
        Ok(journal) => Some(journal.version),
        Err(_) => serde_json::from_slice::<VersionOnly>(&bytes)
            .ok()
            .map(|v| v.version),
    };
    match (version, parsed) {
        (Some(version), parsed) if version > CURRENT_VERSION => Ok(Loaded {
            journal: parsed.unwrap_or_default(),
            mode: Mode::ReadOnly,
            notices: vec![Notice::NewerVersion(version)],
        }),
        (Some(version), Ok(journal)) if version < CURRENT_VERSION => migrate(path, journal),
        (_, Ok(journal)) => Ok(Loaded {
            journal,
            mode: Mode::Kept,
            notices: Vec::new(),
        }),
        _ => Ok(match move_aside(path, "broken") {
            Ok(moved) => fresh(vec![Notice::MovedAside(moved)]),
            Err(_) => Loaded {
                journal: Journal::new(),
                mode: Mode::NotKept,
                notices: vec![Notice::NotKept(format!(
                    "your journal at {} could not be read nor moved aside, so it was left as it is",
                    path.display()
                ))],
            },
        }),
    }
}

/// Upgrades an older journal after copying the original aside. There is no
/// older format yet, so upgrading is only setting the version; a future
/// format change adds its steps here.
fn migrate(path: &Path, mut journal: Journal) -> io::Result<Loaded> {
    let from = journal.version;
    let backup = copy_aside(path, &format!("v{from}-backup"))?;
    journal.version = CURRENT_VERSION;
    Ok(Loaded {
        journal,
        mode: Mode::Kept,
        notices: vec![Notice::Migrated(from, backup)],
    })
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

/// Replaces `path` with `bytes` so that a crash at any moment leaves either
/// the old or the new file: private temp file in the same directory,
/// `sync_all`, rename, then sync the directory. The file ends up 0600 (Unix).
pub fn atomic_write(path: &Path, bytes: &[u8]) -> io::Result<()> {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let dir = match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    let name = path.file_name().unwrap_or_default().to_string_lossy();
    let temps = std::iter::repeat_with(|| {
        let n = COUNTER.fetch_add(1, Ordering::Relaxed);
        dir.join(format!(".{name}.tmp-{}-{n}", std::process::id()))
    });
    let (file, temp) = create_unique(temps)?;
    if let Err(err) = fill_and_rename(file, &temp, path, bytes) {
        let _ = fs::remove_file(&temp);
        return Err(err);
    }
    sync_dir(dir);
    Ok(())
}

fn fill_and_rename(mut file: File, temp: &Path, path: &Path, bytes: &[u8]) -> io::Result<()> {
    file.write_all(bytes)?;
    set_mode(temp, FILE_MODE)?;
    file.sync_all()?;
    drop(file);
    fs::rename(temp, path)
}

/// Flushes a directory entry change (a rename) to disk. Errors are ignored:
/// the rename has happened, and some systems can't sync directories.
#[cfg(unix)]
fn sync_dir(dir: &Path) {
    if let Ok(handle) = File::open(dir) {
        let _ = handle.sync_all();
    }
}

#[cfg(not(unix))]
fn sync_dir(_dir: &Path) {}

/// `{path}.{suffix}`, then `{path}.{suffix}-2`, `-3`, ...: names for copies kept aside.
fn aside_names(path: &Path, suffix: &str) -> impl Iterator<Item = PathBuf> {
    let mut base = path.as_os_str().to_owned();
    base.push(format!(".{suffix}"));
    (1..1000).map(move |n| {
        let mut name = base.clone();
        if n > 1 {
            name.push(format!("-{n}"));
        }
        PathBuf::from(name)
    })
}

/// Moves `path` aside as `{path}.{kind}-YYYYMMDD-HHMMSS[-N]`, never over an existing file.
fn move_aside(path: &Path, kind: &str) -> io::Result<PathBuf> {
    let stamp = jiff::Zoned::now().strftime("%Y%m%d-%H%M%S");
    for target in aside_names(path, &format!("{kind}-{stamp}")) {
        // A hard link never replaces an existing file; rename is the fallback
        // for file systems without hard links.
        match fs::hard_link(path, &target) {
            Ok(()) => fs::remove_file(path)?,
            Err(err) if err.kind() == io::ErrorKind::AlreadyExists => continue,
            Err(_) if !target.exists() => fs::rename(path, &target)?,
            Err(err) => return Err(err),
        }
        set_mode(&target, FILE_MODE)?;
        return Ok(target);
    }
    Err(io::Error::new(io::ErrorKind::AlreadyExists, "no free name"))
}

/// Copies `path` byte for byte to `{path}.{suffix}[-N]`, never over an existing file.
fn copy_aside(path: &Path, suffix: &str) -> io::Result<PathBuf> {
    let mut source = File::open(path)?;
    let (mut copy, target) = create_unique(aside_names(path, suffix))?;
    io::copy(&mut source, &mut copy)?;
    set_mode(&target, FILE_MODE)?;
    copy.sync_all()?;
    Ok(target)
}

/// Creates a new private file at the first of `names` that is free (tries 1000 at most).
fn create_unique(names: impl Iterator<Item = PathBuf>) -> io::Result<(File, PathBuf)> {
    for name in names.take(1000) {
        match private_file().write(true).create_new(true).open(&name) {
            Ok(file) => return Ok((file, name)),
            Err(err) if err.kind() == io::ErrorKind::AlreadyExists => continue,
            Err(err) => return Err(err),
        }
    }
    Err(io::Error::new(io::ErrorKind::AlreadyExists, "no free name"))
}

/// Tries to lock `dir/journal.lock` for up to `wait`. On failure, says why.
fn try_lock_for(dir: &Path, wait: Duration) -> Result<File, String> {
    let path = dir.join(LOCK_FILE);
    let file = private_file()
        .write(true)
        .create(true)
        .truncate(false)
        .open(&path)
        .map_err(|err| format!("the lock file can't be opened: {err}"))?;
    let start = Instant::now();
    loop {
        match file.try_lock() {
            Ok(()) => return Ok(file),
            Err(TryLockError::WouldBlock) if start.elapsed() < wait => {
                std::thread::sleep(Duration::from_millis(25));
            }
            Err(TryLockError::WouldBlock) => {
                return Err("another copy of allyship kept the journal locked".to_owned());
            }
            Err(TryLockError::Error(err)) => return Err(format!("locking failed: {err}")),
        }
    }
}

/// Options for a new file that is private (0600) from its first byte on Unix.
fn private_file() -> OpenOptions {
    let mut options = OpenOptions::new();
    #[cfg(unix)]
    options.mode(FILE_MODE);
    options
}

/// Sets Unix permissions explicitly, whatever the umask was.
#[cfg(unix)]
fn set_mode(path: &Path, mode: u32) -> io::Result<()> {
    fs::set_permissions(path, fs::Permissions::from_mode(mode))
}

#[cfg(not(unix))]
fn set_mode(_path: &Path, _mode: u32) -> io::Result<()> {
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::journal::{PartIds, ReadStatus};
    use jiff::Timestamp;
    use jiff::civil::date;

    fn session(id: &str, sections: &[&str]) -> Session {
        let mut session = Session::new(id);
        let at = Timestamp::from_second(1_700_000_000).expect("valid");
        for section in sections {
            session.record_read(section, at, date(2024, 3, 1));
        }
        session
    }

    fn open(dir: &Path) -> (Store, Journal, Vec<Notice>) {
        Store::open(dir.to_path_buf())
    }

    fn moved_aside(dir: &Path, kind: &str) -> Vec<PathBuf> {
        let prefix = format!("{JOURNAL_FILE}.{kind}-");
        let mut found: Vec<PathBuf> = fs::read_dir(dir)
            .expect("dir lists")
            .map(|entry| entry.expect("entry").path())
            .filter(|p| {
                p.file_name()
                    .is_some_and(|n| n.to_string_lossy().starts_with(&prefix))
            })
            .collect();
        found.sort();
        found
    }

    fn deeply_nested(depth: usize) -> Vec<u8> {
        let inner = "[".repeat(depth) + &"]".repeat(depth);
        format!(r#"{{"version": 1, "extra": {inner}}}"#).into_bytes()
    }

    #[cfg(unix)]
    fn mode_of(path: &Path) -> u32 {
        fs::metadata(path).expect("metadata").permissions().mode() & 0o777
    }

    #[test]
    fn missing_and_empty_files_start_fresh() {
        let tmp = tempfile::tempdir().expect("tempdir");
        let (store, journal, notices) = open(tmp.path());
        assert_eq!(
            (store.mode(), journal, notices),
            (Mode::Kept, Journal::new(), vec![])
        );
        for empty in ["", " \n\t"] {
            fs::write(store.journal_path(), empty).expect("write");
            let (store, journal, notices) = open(tmp.path());
            assert_eq!(
                (store.mode(), journal, notices),
                (Mode::Kept, Journal::new(), vec![])
            );
        }
        assert!(moved_aside(tmp.path(), "broken").is_empty());
    }

    #[test]
    fn broken_files_are_moved_aside_byte_for_byte() {
        let tmp = tempfile::tempdir().expect("tempdir");
        let path = journal_path_in(tmp.path());
        let valid = serde_json::to_vec_pretty(&Journal::new()).expect("serializes");
        let cases: Vec<Vec<u8>> = vec![
            vec![0; 4096],
            valid[..valid.len() / 2].to_vec(),
            b"{\"version\": 1, \"sections\": 7}".to_vec(),
            b"{\"sections\": {}}".to_vec(),
            b"[1, 2".to_vec(),
            vec![0xff, 0xfe, b'{'],
            deeply_nested(10_000),
        ];
        for (i, bytes) in cases.iter().enumerate() {
            fs::write(&path, bytes).expect("write");
            let (store, journal, notices) = open(tmp.path());
            let moved = moved_aside(tmp.path(), "broken");
            assert_eq!(moved.len(), i + 1, "never overwritten");
            let newest = moved
                .iter()
                .find(|p| fs::read(p).ok().as_ref() == Some(bytes));
            let newest = newest.expect("kept byte for byte").clone();
            assert_eq!(notices, vec![Notice::MovedAside(newest)]);
            assert_eq!((store.mode(), journal), (Mode::Kept, Journal::new()));
            assert!(!path.exists());
        }
    }

    #[test]
    fn newer_version_is_read_only_and_never_written() {
        let tmp = tempfile::tempdir().expect("tempdir");
        let path = journal_path_in(tmp.path());
        let text = r#"{"version": 2, "sections": {"a": "a new shape"}}"#;
        fs::write(&path, text).expect("write");
        let (mut store, _, notices) = open(tmp.path());
        assert_eq!(store.mode(), Mode::ReadOnly);
        assert_eq!(notices, vec![Notice::NewerVersion(2)]);
        assert!(
            notices[0]
                .to_string()
                .contains("opened read-only, nothing will be saved")
        );
        let mut reader = session("s1", &["b"]);
        let saved = store.save(&mut reader).expect("no-op");
        assert!(!saved.written);
        assert_eq!(
            saved.journal.status("b"),
            ReadStatus::Read,
            "shown, not saved"
        );
        assert!(reader.pending.has_unsaved());
        assert_eq!(fs::read_to_string(&path).expect("read"), text);
    }

    #[test]
    fn unknown_fields_survive_a_save() {
        let tmp = tempfile::tempdir().expect("tempdir");
        let text = r#"{"version": 1, "themes": {"x": [1, 2]},
            "days": {"2024-03-01": {"sections": [], "active_secs": 3, "mood": "ok"}}}"#;
        fs::write(journal_path_in(tmp.path()), text).expect("write");
        let (mut store, _, _) = open(tmp.path());
        store.save(&mut session("s1", &["a"])).expect("saves");
        let (_, journal, _) = open(tmp.path());
        assert_eq!(journal.extra["themes"]["x"][1], 2);
        assert_eq!(journal.days[&date(2024, 3, 1)].extra["mood"], "ok");
        assert_eq!(journal.status("a"), ReadStatus::Read);
    }

    #[test]
    fn a_saved_file_round_trips_and_is_private() {
        let tmp = tempfile::tempdir().expect("tempdir");
        let dir = tmp.path().join("deep").join("allyship");
        let (mut store, _, _) = open(&dir);
        let mut reader = session("s1", &["tip-listen-actively", "intro"]);
        reader.add_active_secs(date(2024, 3, 1), 120);
        reader.set_position("intro", 4);
        let saved = store.save(&mut reader).expect("saves");
        assert!(saved.written);
        assert!(!reader.pending.has_unsaved());
        let text = fs::read_to_string(store.journal_path()).expect("read");
        assert!(text.starts_with("{\n  \"version\": 1,") && text.ends_with("}\n"));
        let (_, journal, notices) = open(&dir);
        assert_eq!((journal, notices), (saved.journal, vec![]));
        let parts = [PartIds {
            title: "All",
            ids: vec!["intro", "tip-listen-actively"],
        }];
        let summary = store
            .save(&mut reader)
            .expect("saves")
            .journal
            .summary(&parts);
        assert_eq!(
            (summary.read, summary.active_secs),
            (2, 120),
            "saving again adds nothing"
        );
        let leftovers = fs::read_dir(&dir).expect("lists").count();
        assert_eq!(leftovers, 2, "only journal.json and journal.lock");
        #[cfg(unix)]
        {
            assert_eq!(mode_of(&dir), 0o700);
            assert_eq!(mode_of(&store.journal_path()), 0o600);
            assert_eq!(mode_of(&dir.join(LOCK_FILE)), 0o600);
        }
    }

    #[cfg(unix)]
    #[test]
    fn modes_are_restored_on_every_save() {
        let tmp = tempfile::tempdir().expect("tempdir");
        let (mut store, _, _) = open(tmp.path());
        store.save(&mut session("s1", &["a"])).expect("saves");
        set_mode(tmp.path(), 0o777).expect("chmod");
        set_mode(&store.journal_path(), 0o666).expect("chmod");
        store.save(&mut session("s2", &["b"])).expect("saves");
        assert_eq!(mode_of(tmp.path()), 0o700);
        assert_eq!(mode_of(&store.journal_path()), 0o600);
        fs::write(store.journal_path(), "oops").expect("write");
        set_mode(&store.journal_path(), 0o644).expect("chmod");
        let saved = store.save(&mut session("s3", &["c"])).expect("saves");
        let Notice::MovedAside(path) = &saved.notices[0] else {
            panic!("expected a moved-aside notice, got {:?}", saved.notices);
        };
        assert_eq!(mode_of(path), 0o600);
        assert_eq!(fs::read(path).expect("read"), b"oops");
    }

    #[test]
    fn a_removed_dir_is_made_again_on_save() {
        let tmp = tempfile::tempdir().expect("tempdir");
        let dir = tmp.path().join("data");
        let (mut store, _, _) = open(&dir);
        fs::remove_dir_all(&dir).expect("removed");
        let mut reader = session("s1", &["a"]);
        assert!(store.save(&mut reader).expect("saves").written);
        assert_eq!(open(&dir).1.status("a"), ReadStatus::Read);
    }

    #[test]
    fn two_copies_saving_in_turn_lose_nothing() {
        let tmp = tempfile::tempdir().expect("tempdir");
        let (mut first, _, _) = open(tmp.path());
        let (mut second, _, _) = open(tmp.path());
        let mut a = session("A", &["x"]);
        let mut b = session("B", &["x", "y"]);
        for round in 0..3u64 {
            a.add_active_secs(date(2024, 3, 1), 10);
            b.add_active_secs(date(2024, 3, 1), 1);
            first.save(&mut a).expect("saves");
            let saved = second.save(&mut b).expect("saves");
            assert_eq!(
                saved.journal.days[&date(2024, 3, 1)].active_secs,
                11 * (round + 1)
            );
        }
        a.set_position("x", 3);
        first.save(&mut a).expect("saves");
        let (_, journal, _) = open(tmp.path());
        assert_eq!(journal.sections["x"].sessions, 2);
        assert_eq!(journal.sections["y"].sessions, 1);
        assert_eq!(journal.status("x"), ReadStatus::Revisited);
        assert_eq!(journal.position.map(|p| p.scroll), Some(3));
    }

    #[test]
    fn a_held_lock_delays_then_says_so_once() {
        let tmp = tempfile::tempdir().expect("tempdir");
        let (mut store, _, _) = open(tmp.path());
        store.lock_wait = Duration::from_millis(50);
        let holder = try_lock_for(tmp.path(), Duration::ZERO).expect("locks");
        let saved = store
            .save(&mut session("s1", &["a"]))
            .expect("saves anyway");
        assert!(saved.written);
        assert!(matches!(saved.notices[..], [Notice::NoLock(_)]));
        let again = store
            .save(&mut session("s2", &["b"]))
            .expect("saves anyway");
        assert!(again.notices.is_empty(), "told once");
        drop(holder);
    }

    #[test]
    fn an_unusable_dir_keeps_nothing() {
        let tmp = tempfile::tempdir().expect("tempdir");
        let file = tmp.path().join("file");
        fs::write(&file, "not a folder").expect("write");
        let (mut store, journal, notices) = open(&file.join("sub"));
        assert_eq!((store.mode(), journal), (Mode::NotKept, Journal::new()));
        assert!(matches!(notices[..], [Notice::NotKept(_)]));
        let saved = store.save(&mut session("s1", &["a"])).expect("no-op");
        assert!(!saved.written);
        assert_eq!(saved.journal.status("a"), ReadStatus::Read);
        assert!(store.reset().is_err());
    }

    #[cfg(unix)]
    #[test]
    fn a_read_only_dir_keeps_nothing_unless_root_can_write() {
        let tmp = tempfile::tempdir().expect("tempdir");
        let dir = tmp.path().join("ro");
        fs::create_dir(&dir).expect("mkdir");
        set_mode(&dir, 0o500).expect("chmod");
        let root_writes = fs::write(dir.join("probe"), "x").is_ok();
        let (store, _, notices) = open(&dir);
        if root_writes {
            assert_eq!(store.mode(), Mode::Kept, "root may write anywhere");
        } else {
            assert_eq!(store.mode(), Mode::NotKept);
            assert!(matches!(notices[..], [Notice::NotKept(_)]));
        }
        set_mode(&dir, 0o700).expect("chmod back");
    }

    #[test]
    fn an_unreadable_journal_is_left_alone() {
        let tmp = tempfile::tempdir().expect("tempdir");
        fs::create_dir(journal_path_in(tmp.path())).expect("a folder where the file should be");
        let (mut store, _, notices) = open(tmp.path());
        assert_eq!(store.mode(), Mode::NotKept);
        assert!(matches!(notices[..], [Notice::NotKept(_)]));
        assert!(
            !store
                .save(&mut session("s1", &["a"]))
                .expect("no-op")
                .written
        );
        assert!(journal_path_in(tmp.path()).is_dir());
    }

    #[test]
    fn older_version_is_migrated_with_a_backup() {
        let tmp = tempfile::tempdir().expect("tempdir");
        let original = br#"{"version": 0, "sections": {}}"#;
        fs::write(journal_path_in(tmp.path()), original).expect("write");
        let (mut store, journal, notices) = open(tmp.path());
        let backup = tmp.path().join("journal.json.v0-backup");
        assert_eq!(notices, vec![Notice::Migrated(0, backup.clone())]);
        assert_eq!(journal.version, CURRENT_VERSION);
        assert_eq!(fs::read(&backup).expect("backup"), original);
        store.save(&mut session("s1", &["a"])).expect("saves");
        let (_, journal, _) = open(tmp.path());
        assert_eq!(journal.version, CURRENT_VERSION);
        assert_eq!(fs::read(&backup).expect("backup kept"), original);
    }

    #[test]
    fn reset_moves_the_journal_aside() {
        let tmp = tempfile::tempdir().expect("tempdir");
        let (mut store, _, _) = open(tmp.path());
        assert!(matches!(store.reset(), Err(StoreError::NoJournal(_))));
        store.save(&mut session("s1", &["a"])).expect("saves");
        let before = fs::read(store.journal_path()).expect("read");
        let moved = store.reset().expect("resets");
        assert_eq!(fs::read(&moved).expect("moved"), before);
        assert_eq!(moved_aside(tmp.path(), "reset"), vec![moved]);
        let (_, journal, _) = open(tmp.path());
        assert_eq!(journal, Journal::new());
        store.save(&mut session("s2", &["b"])).expect("saves");
        assert!(store.reset().expect("resets again").exists());
        assert_eq!(
            moved_aside(tmp.path(), "reset").len(),
            2,
            "same second, new name"
        );
    }

    #[test]
    fn atomic_write_replaces_whole_files_and_leaves_no_temp() {
        let tmp = tempfile::tempdir().expect("tempdir");
        let path = tmp.path().join("export.json");
        atomic_write(&path, b"first").expect("writes");
        atomic_write(&path, b"second").expect("writes");
        assert_eq!(fs::read(&path).expect("read"), b"second");
        assert_eq!(fs::read_dir(tmp.path()).expect("lists").count(), 1);
        #[cfg(unix)]
        assert_eq!(mode_of(&path), 0o600);
    }

    #[test]
    fn data_dir_prefers_flag_then_env_then_platform() {
        let some = |s: &str| Some(PathBuf::from(s));
        let platform = || some("/home/p/.local/share/allyship");
        let pick = |cli, env| choose_data_dir(cli, env, platform).expect("found");
        assert_eq!(pick(some("/flag"), some("/env")), PathBuf::from("/flag"));
        assert_eq!(pick(None, some("/env")), PathBuf::from("/env"));
        assert_eq!(
            pick(some(""), some("")),
            PathBuf::from("/home/p/.local/share/allyship")
        );
        let none = choose_data_dir(None, None, || None);
        assert!(matches!(none, Err(StoreError::NoDataDir)));
        let message = StoreError::NoDataDir.to_string();
        assert!(message.contains("progress can't be kept"));
    }

    const KILL_DIR_ENV: &str = "ALLYSHIP_TEST_SAVE_FOREVER_DIR";

    /// Child half of the kill test: saves in a loop until killed. Does nothing
    /// unless started by `sigkill_during_saves_leaves_a_whole_journal`.
    #[test]
    #[ignore = "run by sigkill_during_saves_leaves_a_whole_journal"]
    fn save_forever() {
        let Some(dir) = std::env::var_os(KILL_DIR_ENV) else {
            return;
        };
        let (mut store, _, _) = Store::open(PathBuf::from(dir));
        let mut session = Session::start(Timestamp::now());
        for n in 0..100_000u32 {
            session.record_read(
                &format!("section-{}", n % 500),
                Timestamp::now(),
                date(2024, 3, 1),
            );
            session.add_active_secs(date(2024, 3, 1), 1);
            store.save(&mut session).expect("saves");
        }
    }

    #[cfg(unix)]
    #[test]
    fn sigkill_during_saves_leaves_a_whole_journal() {
        let tmp = tempfile::tempdir().expect("tempdir");
        let exe = std::env::current_exe().expect("test binary");
        let mut last_secs = 0;
        for round in 0..12u64 {
            let mut child = std::process::Command::new(&exe)
                .args([
                    "--exact",
                    "store::tests::save_forever",
                    "--ignored",
                    "--quiet",
                ])
                .env(KILL_DIR_ENV, tmp.path())
                .stdout(std::process::Stdio::null())
                .spawn()
                .expect("spawns");
            std::thread::sleep(Duration::from_millis(40 + round * 13 % 60));
            child.kill().expect("SIGKILL");
            child.wait().expect("reaped");
            let (_, journal, notices) = open(tmp.path());
            assert!(notices.is_empty(), "round {round}: {notices:?}");
            let secs = journal
                .days
                .get(&date(2024, 3, 1))
                .map_or(0, |d| d.active_secs);
            assert!(secs >= last_secs, "round {round}: progress never goes back");
            last_secs = secs;
        }
        assert!(last_secs > 0, "the child managed to save at least once");
        let names = fs::read_dir(tmp.path()).expect("lists").count();
        assert_eq!(names, 2, "opening removed the temp files of killed saves");
    }
}
