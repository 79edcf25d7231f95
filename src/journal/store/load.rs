//! Reading the journal file: the quick look for the first frame, and the
//! full load that moves a broken file aside, opens a newer one read-only
//! and migrates an older one.

use super::files::{move_aside, read_no_follow, refuse_link};
use super::{Mode, Notice, StoreError, journal_path_in};
use crate::journal::record::{CURRENT_VERSION, Journal};
use serde::Deserialize;
use std::io;
use std::path::Path;

/// A quick, read-only look at the journal for the first frame: sections
/// read, the place to continue from, bookmarks and notes, skipping the
/// calendar of days (the costly part). `None` when there is no journal or
/// it does not read; [`super::Store::open`] then deals with it properly.
pub fn peek(dir: &Path) -> Option<Journal> {
    #[derive(Deserialize)]
    struct Peek {
        version: u32,
        #[serde(default)]
        sections: std::collections::BTreeMap<String, crate::journal::record::SectionRecord>,
        #[serde(default)]
        position: Option<crate::journal::record::Position>,
        #[serde(default)]
        places: std::collections::BTreeMap<String, crate::journal::record::Position>,
        #[serde(default)]
        bookmarks: std::collections::BTreeMap<String, crate::journal::record::Bookmark>,
        #[serde(default)]
        notes: std::collections::BTreeMap<String, crate::journal::record::Note>,
    }
    let bytes = read_no_follow(&journal_path_in(dir)).ok()?;
    let peek: Peek = serde_json::from_slice(&bytes).ok()?;
    let mut journal = Journal::new();
    journal.version = peek.version;
    journal.records.sections = peek.sections;
    journal.position = peek.position;
    journal.places = peek.places;
    journal.records.bookmarks = peek.bookmarks;
    journal.records.notes = peek.notes;
    Some(journal)
}

/// Result of reading the journal file.
pub(super) struct Loaded {
    pub(super) journal: Journal,
    pub(super) mode: Mode,
    pub(super) notices: Vec<Notice>,
    /// The older format version the file was in, upgraded in memory only:
    /// the original is copied aside when (and only when) the upgrade is saved.
    pub(super) migrated_from: Option<u32>,
    /// Whether out-of-range values were mended in memory: the file as it
    /// was is copied aside, byte for byte, by the save that first writes.
    pub(super) repaired: bool,
}

impl Loaded {
    fn new(journal: Journal, mode: Mode, notices: Vec<Notice>) -> Self {
        Loaded {
            journal,
            mode,
            notices,
            migrated_from: None,
            repaired: false,
        }
    }
}

/// Reads the journal in `dir` for commands that only read: never moves,
/// copies or changes a file. No journal yet is an empty one; a journal from
/// a newer version is shown as far as it can be read; one that can't be
/// read or understood is an error, never an empty record that looks fine.
pub fn read(dir: &Path) -> Result<Journal, StoreError> {
    read_noting(dir).map(|(journal, _)| journal)
}

/// [`read`], with what to tell the person about it: the values that were
/// out of range and mended in memory (the file is left as it is).
pub fn read_noting(dir: &Path) -> Result<(Journal, Vec<Notice>), StoreError> {
    let path = journal_path_in(dir);
    let bytes = match read_no_follow(&path) {
        Err(err) if err.kind() == io::ErrorKind::NotFound => {
            return Ok((Journal::new(), Vec::new()));
        }
        // A link is named as one, not as "too many levels of links".
        Err(err) => {
            return Err(StoreError::Read(
                path.clone(),
                refuse_link(&path).err().unwrap_or(err),
            ));
        }
        Ok(bytes) => bytes,
    };
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Ok((Journal::new(), Vec::new()));
    }
    let parsed = serde_json::from_slice::<Journal>(&bytes).map(|journal| (journal, Vec::new()));
    let parsed = parsed.or_else(|err| match repair(&bytes) {
        Some((journal, changes)) => Ok((journal, vec![Notice::Mended(changes)])),
        None => Err(err),
    });
    match parsed {
        Ok((journal, notices)) if journal.version < CURRENT_VERSION => {
            Ok((migrate(journal).journal, notices))
        }
        Ok(found) => Ok(found),
        Err(err) => {
            let why = format!("it is not a journal this version understands: {err}");
            let err = io::Error::new(io::ErrorKind::InvalidData, why);
            Err(StoreError::Read(path, err))
        }
    }
}

#[derive(Deserialize)]
struct VersionOnly {
    version: u32,
}

/// Reads and checks the journal file. Only an unreadable file is an error;
/// a broken one is moved aside and a newer one makes the store read-only.
pub(super) fn load(path: &Path) -> io::Result<Loaded> {
    let fresh = |notices| Loaded::new(Journal::new(), Mode::Kept, notices);
    let bytes = match read_no_follow(path) {
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
    // Whole JSON of a version this one writes, with values out of range:
    // those are mended, the rest kept (the file as it was is copied aside
    // before the first save writes over it).
    let mended = match (version, &parsed) {
        (Some(version), Err(_)) if version <= CURRENT_VERSION => repair(&bytes),
        _ => None,
    };
    if let Some((journal, changes)) = mended {
        let mut loaded = if journal.version < CURRENT_VERSION {
            migrate(journal)
        } else {
            Loaded::new(journal, Mode::Kept, Vec::new())
        };
        loaded.notices.push(Notice::Mended(changes));
        loaded.repaired = true;
        return Ok(loaded);
    }
    match (version, parsed) {
        (Some(version), parsed) if version > CURRENT_VERSION => Ok(Loaded::new(
            parsed.unwrap_or_default(),
            Mode::ReadOnly,
            vec![Notice::NewerVersion(version)],
        )),
        (Some(version), Ok(journal)) if version < CURRENT_VERSION => Ok(migrate(journal)),
        (_, Ok(journal)) => Ok(Loaded::new(journal, Mode::Kept, Vec::new())),
        _ => Ok(match move_aside(path, "broken") {
            Ok(moved) => fresh(vec![Notice::MovedAside(moved)]),
            Err(_) => Loaded::new(
                Journal::new(),
                Mode::NotKept,
                vec![Notice::NotKept(format!(
                    "your journal at {} could not be read nor moved aside, so it was left as it is",
                    path.display()
                ))],
            ),
        }),
    }
}

/// Upgrades an older journal in memory. The original is copied aside by
/// the save that first writes the upgrade (so commands that only read never
/// leave backups behind). There is no older format yet, so upgrading is only
/// setting the version; a future format change adds its steps here.
pub(super) fn migrate(mut journal: Journal) -> Loaded {
    let from = journal.version;
    journal.version = CURRENT_VERSION;
    Loaded {
        migrated_from: Some(from),
        ..Loaded::new(journal, Mode::Kept, Vec::new())
    }
}

/// [`super::repair::repair`], for the loaders here.
fn repair(bytes: &[u8]) -> Option<(Journal, Vec<String>)> {
    super::repair::repair(bytes)
}
