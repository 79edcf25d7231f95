//! What the store tells the person: why something could not be read or
//! kept ([`StoreError`]), whether saves reach the disk ([`Mode`]), and
//! notices about the journal ([`Notice`]), each in words a care worker
//! understands.

use std::io;
use std::path::PathBuf;

/// Why progress could not be found, read or kept, in words a care worker understands.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// No `--data-dir`, no `ALLYSHIP_DATA_DIR` and no home folder.
    #[error(
        "there is no home folder to keep your progress in, so progress can't be kept; \
         choose a folder with --data-dir or ALLYSHIP_DATA_DIR"
    )]
    NoDataDir,
    /// `ALLYSHIP_DATA_DIR` or `HOME` (the variable) is not a full path, so
    /// the data folder (path) would be another one in every folder the
    /// person stands in: refused, never used.
    #[error(
        "{0} is not a full path, so your journal would be kept at {1} inside whichever \
         folder you are in; set {0} to a full path (starting with /), or choose a folder \
         with --data-dir"
    )]
    RelativeDir(&'static str, PathBuf),
    /// The journal file (path) exists but could not be read (system error).
    #[error("your journal at {0} could not be read ({1}); it was left as it is")]
    Read(PathBuf, #[source] io::Error),
    /// Writing or moving a file (path) failed (system error); the journal on disk is unchanged.
    #[error("your progress could not be saved to {0} ({1}); the saved journal is unchanged")]
    Write(PathBuf, #[source] io::Error),
    /// `reset` found no journal (path) to move aside.
    #[error("there is no journal at {0} to start over from")]
    NoJournal(PathBuf),
    /// Another copy of the app held the lock for longer than this save could
    /// wait; nothing was written and the changes are still to be saved.
    #[error("another copy of allyship is saving; your changes are kept and will be saved shortly")]
    Busy,
    /// The data folder (path) opened has gone since (moved or deleted, or
    /// replaced by another folder of that name): nothing is written, so a
    /// journal holding only this session's changes never takes its place.
    #[error(
        "your data folder {0} has gone since allyship opened it (moved or deleted), \
         so nothing was saved there"
    )]
    FolderGone(PathBuf),
    /// The journal is read-only (a newer version's) or can't be kept here:
    /// the reason, as a notice says it.
    #[error("{0}")]
    NotWritable(String),
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
    /// Values out of range were mended or left out (where and what, one
    /// each); everything else in the journal is kept.
    Mended(Vec<String>),
    /// The journal file as it was before values were mended, copied here
    /// byte for byte before the first save wrote over it.
    KeptAsItWas(PathBuf),
    /// This folder can't lock files (reason): saves check, before they
    /// rename, that no other copy wrote meanwhile, and retry if one did.
    NoLocking(String),
    /// The journal (path) was saved, but its folder could not be flushed
    /// to disk afterwards (the system's error): the change is made, and a
    /// power cut soon could still undo it.
    NotFlushed(PathBuf, String),
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
            Self::Mended(changes) => write!(
                f,
                "Your journal held {} no date or choice can have, so {} mended and everything \
                 else kept: {}. The file as it was is copied aside before the next save.",
                if changes.len() == 1 {
                    "a value"
                } else {
                    "values"
                },
                if changes.len() == 1 {
                    "it was"
                } else {
                    "they were"
                },
                changes.join("; ")
            ),
            Self::KeptAsItWas(path) => write!(
                f,
                "Your journal as it was, before those values were mended, is kept at {}.",
                path.display()
            ),
            Self::NoLocking(reason) => write!(
                f,
                "This folder can't lock files ({reason}), so each save checks that no other \
                 copy of allyship saved meanwhile before it replaces the journal."
            ),
            Self::NotFlushed(path, err) => write!(
                f,
                "Saved to {}, but the system could not confirm it reached the disk ({err}); \
                 a power cut soon could undo this save. Check the disk.",
                path.display()
            ),
        }
    }
}

impl Notice {
    /// Why nothing can be written, as a phrase to follow "not saved:"
    /// (read-only and not-kept notices); the whole notice otherwise.
    pub fn reason(&self) -> String {
        match self {
            Self::NewerVersion(version) => format!(
                "your journal was made by a newer version of allyship (format {version}), \
                 which this version can read but not write"
            ),
            Self::NotKept(reason) => reason.clone(),
            other => other.to_string(),
        }
    }
}
