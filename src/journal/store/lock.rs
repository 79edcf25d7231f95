//! The journal's lock: never skipped. A save waits for another copy of the
//! app to finish (as long as it takes for plain commands, a moment at a time
//! for the full-screen app, which tries again shortly); where the file
//! system cannot lock at all, the save falls back to a compare-and-swap
//! rather than writing blind.

use std::fs::{File, TryLockError};
use std::io::{self, Write};
use std::path::Path;
use std::time::{Duration, Instant};

use super::files::open_lock_file;

/// How long a save may wait for another copy of the app to finish saving.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Patience {
    /// As long as it takes; after a second, say so on stderr (plain commands).
    Forever,
    /// Up to this long, then give up with [`super::StoreError::Busy`] and
    /// keep the changes in memory (the full-screen app tries again shortly).
    Brief(Duration),
}

/// What trying to lock gave.
#[derive(Debug)]
pub(super) enum Lock {
    /// The lock is held until the file is dropped.
    Held(File),
    /// Another copy kept it for longer than the patience allowed.
    Busy,
    /// This file system cannot lock (network file systems): the reason.
    Unsupported(String),
}

/// The line shown while another copy holds the lock.
pub const WAITING: &str = "Waiting for another copy of allyship to finish saving…";

/// How often a waiting save tries the lock again.
const RETRY: Duration = Duration::from_millis(25);

/// Locks `dir/journal.lock`, waiting as `patience` allows. An error opening
/// the lock file is an error (the folder can't be written), never a reason
/// to go on unlocked. A lock file deleted (or replaced) while this waited
/// for it is opened again: a lock on a file no longer at that name keeps no
/// other copy out.
pub(super) fn lock(dir: &Path, patience: Patience) -> io::Result<Lock> {
    let mut file = open_lock_file(dir)?;
    let start = Instant::now();
    let mut told = false;
    loop {
        match file.try_lock() {
            Ok(()) if still_held(dir, &file) => return Ok(Lock::Held(file)),
            Ok(()) => {
                file = open_lock_file(dir)?;
                continue;
            }
            Err(TryLockError::WouldBlock) => match patience {
                Patience::Brief(wait) if start.elapsed() >= wait => return Ok(Lock::Busy),
                Patience::Forever if !told && start.elapsed() >= Duration::from_secs(1) => {
                    told = true;
                    let mut err = io::stderr();
                    let _ = writeln!(err, "{WAITING}");
                }
                _ => {}
            },
            Err(TryLockError::Error(err)) => return Ok(Lock::Unsupported(err.to_string())),
        }
        std::thread::sleep(RETRY);
    }
}

/// Whether `held` is still the file at `dir/journal.lock` (same device and
/// inode): another process may have deleted the lock file while it was
/// held, and a copy that then created a new one holds that one, so this
/// lock no longer keeps it out. Unix only; elsewhere always true.
pub(super) fn still_held(dir: &Path, held: &File) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        let at_name = std::fs::symlink_metadata(dir.join(super::LOCK_FILE));
        match (held.metadata(), at_name) {
            (Ok(ours), Ok(named)) => ours.dev() == named.dev() && ours.ino() == named.ino(),
            _ => false,
        }
    }
    #[cfg(not(unix))]
    {
        let _ = (dir, held);
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_held_lock_is_busy_for_a_brief_wait_and_waited_for_forever() {
        let tmp = tempfile::tempdir().expect("tempdir");
        let Lock::Held(holder) = lock(tmp.path(), Patience::Forever).expect("locks") else {
            panic!("a free lock is held at once");
        };
        let brief = Patience::Brief(Duration::from_millis(60));
        assert!(matches!(lock(tmp.path(), brief), Ok(Lock::Busy)));
        let dir = tmp.path().to_path_buf();
        let waiter = std::thread::spawn(move || {
            let start = Instant::now();
            let got = lock(&dir, Patience::Forever);
            (matches!(got, Ok(Lock::Held(_))), start.elapsed())
        });
        std::thread::sleep(Duration::from_millis(300));
        drop(holder);
        let (held, waited) = waiter.join().expect("joins");
        assert!(held, "waits until the holder lets go");
        assert!(waited >= Duration::from_millis(250), "{waited:?}");
    }

    #[test]
    fn a_lock_file_deleted_while_held_is_no_longer_held_and_is_locked_anew() {
        let tmp = tempfile::tempdir().expect("tempdir");
        let Lock::Held(first) = lock(tmp.path(), Patience::Forever).expect("locks") else {
            panic!("a free lock is held at once");
        };
        assert!(still_held(tmp.path(), &first));
        std::fs::remove_file(tmp.path().join(super::super::LOCK_FILE)).expect("unlink");
        assert!(
            !still_held(tmp.path(), &first),
            "deleted: no longer the lock"
        );
        let Lock::Held(second) = lock(tmp.path(), Patience::Forever).expect("locks") else {
            panic!("a new lock file is locked at once");
        };
        assert!(still_held(tmp.path(), &second));
        assert!(!still_held(tmp.path(), &first), "replaced: not the lock");
    }

    #[test]
    fn a_folder_that_cannot_hold_the_lock_file_is_an_error() {
        let tmp = tempfile::tempdir().expect("tempdir");
        let not_a_dir = tmp.path().join("file");
        std::fs::write(&not_a_dir, "x").expect("write");
        assert!(lock(&not_a_dir, Patience::Forever).is_err());
    }
}
