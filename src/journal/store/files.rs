//! The store's file primitives: private directories and files, atomic
//! replacement, copies kept aside, and the lock.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

#[cfg(unix)]
use std::os::unix::fs::{OpenOptionsExt, PermissionsExt};

#[cfg(unix)]
use super::FILE_MODE;
use super::{JOURNAL_FILE, LOCK_FILE};

mod folders;
pub(crate) use folders::create_private_dir;
pub(crate) use folders::read_no_follow;
pub(crate) use folders::{check_private_dir, refuse_link};
use folders::{no_follow, not_plain, open_no_follow, plain_file};

/// How the names of the files that test the folder can be written begin;
/// one left by a copy killed while testing is removed under the lock.
pub(super) const PROBE_PREFIX: &str = ".probe-";

/// Creates the data directory if needed (never changing one that exists),
/// refuses one others can write to or a journal that is a link, and checks
/// that files can be created in it (a probe made with `O_EXCL`, so it never
/// writes through anything planted there).
pub(super) fn prepare_dir(dir: &Path) -> io::Result<()> {
    create_private_dir(dir)?;
    refuse_link(&dir.join(JOURNAL_FILE))?;
    let pid = std::process::id();
    let probes = (0..).map(|n| dir.join(format!("{PROBE_PREFIX}{pid}-{n}")));
    let (_, probe) = create_unique(probes)?;
    match fs::remove_file(&probe) {
        // Another copy, tidying under the lock, took it first: it did its job.
        Err(err) if err.kind() == io::ErrorKind::NotFound => Ok(()),
        done => done,
    }
}

/// Replaces `path` with `bytes` so that a crash at any moment leaves either
/// the old or the new file: private temp file in the same directory,
/// `sync_all`, rename, then sync the directory. The file ends up 0600 (Unix).
/// A failed sync of the directory after the rename is not an error here
/// (the file is replaced; a caller must not write it again); the journal's
/// saves, which can tell the person, use [`atomic_write_if`].
pub fn atomic_write(path: &Path, bytes: &[u8]) -> io::Result<()> {
    atomic_write_if(path, bytes, || true).map(|_| ())
}

/// What [`atomic_write_if`] did.
#[derive(Debug)]
pub(super) enum Swapped {
    /// `still_ok()` did not hold: the old file is as it was.
    Not,
    /// Replaced, and the directory entry flushed to disk.
    Flushed,
    /// Replaced (the change is made), but the directory could not be
    /// flushed (the error): a power cut soon could undo the rename.
    Unflushed(io::Error),
}

/// [`atomic_write`], but the rename happens only if `still_ok()` holds once
/// the new file is on disk (a compare-and-swap where locks are not to be
/// had); [`Swapped::Not`] when it did not, leaving the old file as it was.
/// An error only when nothing was replaced.
pub(super) fn atomic_write_if(
    path: &Path,
    bytes: &[u8],
    still_ok: impl FnOnce() -> bool,
) -> io::Result<Swapped> {
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
    let renamed = fill(file, bytes).and_then(|()| {
        if still_ok() {
            fs::rename(&temp, path).map(|()| true)
        } else {
            Ok(false)
        }
    });
    if !matches!(renamed, Ok(true)) {
        let _ = fs::remove_file(&temp);
    }
    if !renamed? {
        return Ok(Swapped::Not);
    }
    Ok(match sync_dir(dir) {
        Ok(()) => Swapped::Flushed,
        Err(err) => Swapped::Unflushed(err),
    })
}

/// Writes `bytes` to a new temp file and flushes them to disk, private.
fn fill(mut file: File, bytes: &[u8]) -> io::Result<()> {
    file.write_all(bytes)?;
    set_file_mode(&file)?;
    file.sync_all()
}

/// Flushes a directory entry change (a rename) to disk. A file system that
/// can't sync directories at all (EINVAL, unsupported) is not an error;
/// any other failure (EIO, say) is, for the caller to tell.
#[cfg(unix)]
pub(super) fn sync_dir(dir: &Path) -> io::Result<()> {
    #[cfg(test)]
    if FAIL_DIR_SYNC.with(std::cell::Cell::get) {
        return Err(io::Error::from_raw_os_error(5));
    }
    let synced = File::open(dir).and_then(|handle| handle.sync_all());
    match synced {
        Err(err)
            if err.kind() == io::ErrorKind::InvalidInput
                || err.kind() == io::ErrorKind::Unsupported =>
        {
            Ok(())
        }
        other => other,
    }
}

#[cfg(not(unix))]
pub(super) fn sync_dir(_dir: &Path) -> io::Result<()> {
    Ok(())
}

#[cfg(test)]
thread_local! {
    /// Tests: make this thread's directory syncs fail with EIO, as a
    /// failing disk does (`strace -e inject=fsync:error=EIO`).
    pub(super) static FAIL_DIR_SYNC: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// `{path}.{suffix}`, then `{path}.{suffix}-2`, `-3`, ...: names for copies kept aside.
pub(super) fn aside_names(path: &Path, suffix: &str) -> impl Iterator<Item = PathBuf> {
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

/// Moves `path` aside as `{path}.{kind}-YYYYMMDD-HHMMSS[-N]`, never over an
/// existing file and never through a link (a journal that is a link is
/// refused; the moved file's mode is set on the file, not on what a link names).
pub(super) fn move_aside(path: &Path, kind: &str) -> io::Result<PathBuf> {
    refuse_link(path)?;
    let stamp = jiff::Zoned::now().strftime("%Y%m%d-%H%M%S");
    for target in aside_names(path, &format!("{kind}-{stamp}")) {
        // A hard link never replaces an existing file (nor follows a link);
        // rename is the fallback for file systems without hard links.
        match fs::hard_link(path, &target) {
            Ok(()) => fs::remove_file(path)?,
            Err(err) if err.kind() == io::ErrorKind::AlreadyExists => continue,
            Err(_) if fs::symlink_metadata(&target).is_err() => fs::rename(path, &target)?,
            Err(err) => return Err(err),
        }
        match open_no_follow(&target) {
            Ok(file) => set_file_mode(&file)?,
            // Unreadable to its owner (a journal made 0200, say): no one
            // else can read it either, and it stays as it was.
            Err(err) if err.kind() == io::ErrorKind::PermissionDenied => {}
            Err(err) => return Err(err),
        }
        return Ok(target);
    }
    Err(io::Error::new(io::ErrorKind::AlreadyExists, "no free name"))
}

/// Copies `path` byte for byte to `{path}.{suffix}[-N]`, never over an
/// existing file; a `path` that is a link is refused, not copied through.
pub(super) fn copy_aside(path: &Path, suffix: &str) -> io::Result<PathBuf> {
    let mut source = open_no_follow(path)?;
    let (mut copy, target) = create_unique(aside_names(path, suffix))?;
    io::copy(&mut source, &mut copy)?;
    set_file_mode(&copy)?;
    copy.sync_all()?;
    Ok(target)
}

/// Creates a new private file at the first of `names` that is free (tries 1000 at most).
pub(crate) fn create_unique(names: impl Iterator<Item = PathBuf>) -> io::Result<(File, PathBuf)> {
    for name in names.take(1000) {
        match private_file().write(true).create_new(true).open(&name) {
            Ok(file) => return Ok((file, name)),
            Err(err) if err.kind() == io::ErrorKind::AlreadyExists => continue,
            Err(err) => return Err(err),
        }
    }
    Err(io::Error::new(io::ErrorKind::AlreadyExists, "no free name"))
}

/// Opens (creating if needed) `dir/journal.lock`, the file saves lock,
/// without following a link.
pub(super) fn open_lock_file(dir: &Path) -> io::Result<File> {
    let path = dir.join(LOCK_FILE);
    let file = private_file()
        .write(true)
        .create(true)
        .truncate(false)
        .open(&path)
        .map_err(|err| match refuse_link(&path) {
            Err(link) => link,
            // A FIFO refuses a writer that would wait (ENXIO): say what it is.
            Ok(()) => fs::symlink_metadata(&path)
                .ok()
                .and_then(|meta| not_plain(meta.file_type()))
                .unwrap_or(err),
        })?;
    plain_file(file)
}

/// Options for a file that is private (0600) from its first byte on Unix,
/// opened without following a link.
pub(super) fn private_file() -> OpenOptions {
    let mut options = no_follow();
    #[cfg(unix)]
    options.mode(FILE_MODE);
    options
}

/// Makes an open file 0600 whatever the umask was: set on the file itself,
/// so never on what a link names.
#[cfg(unix)]
fn set_file_mode(file: &File) -> io::Result<()> {
    file.set_permissions(fs::Permissions::from_mode(FILE_MODE))
}

#[cfg(not(unix))]
fn set_file_mode(_file: &File) -> io::Result<()> {
    Ok(())
}

/// Sets Unix permissions on a path (tests make folders loose with it).
#[cfg(all(test, unix))]
pub(super) fn set_mode(path: &Path, mode: u32) -> io::Result<()> {
    fs::set_permissions(path, fs::Permissions::from_mode(mode))
}

#[cfg(all(test, not(unix)))]
pub(super) fn set_mode(_path: &Path, _mode: u32) -> io::Result<()> {
    Ok(())
}

#[cfg(all(test, unix))]
mod tests;
