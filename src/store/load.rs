//! Reading the journal file: the quick look for the first frame, and the
//! full load that moves a broken file aside, opens a newer one read-only
//! and migrates an older one.

use super::files::{copy_aside, move_aside};
use super::{Mode, Notice, journal_path_in};
use crate::journal::{CURRENT_VERSION, Journal};
use serde::Deserialize;
use std::fs;
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
        sections: std::collections::BTreeMap<String, crate::journal::SectionRecord>,
        #[serde(default)]
        position: Option<crate::journal::Position>,
        #[serde(default)]
        places: std::collections::BTreeMap<String, crate::journal::Position>,
        #[serde(default)]
        bookmarks: std::collections::BTreeMap<String, crate::journal::Bookmark>,
        #[serde(default)]
        notes: std::collections::BTreeMap<String, crate::journal::Note>,
    }
    let bytes = std::fs::read(journal_path_in(dir)).ok()?;
    let peek: Peek = serde_json::from_slice(&bytes).ok()?;
    let mut journal = Journal::new();
    journal.version = peek.version;
    journal.sections = peek.sections;
    journal.position = peek.position;
    journal.places = peek.places;
    journal.bookmarks = peek.bookmarks;
    journal.notes = peek.notes;
    Some(journal)
}

/// Result of reading the journal file.
pub(super) struct Loaded {
    pub(super) journal: Journal,
    pub(super) mode: Mode,
    pub(super) notices: Vec<Notice>,
}

#[derive(Deserialize)]
struct VersionOnly {
    version: u32,
}

/// Reads and checks the journal file. Only an unreadable file is an error;
/// a broken one is moved aside and a newer one makes the store read-only.
pub(super) fn load(path: &Path) -> io::Result<Loaded> {
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
pub(super) fn migrate(path: &Path, mut journal: Journal) -> io::Result<Loaded> {
    let from = journal.version;
    let backup = copy_aside(path, &format!("v{from}-backup"))?;
    journal.version = CURRENT_VERSION;
    Ok(Loaded {
        journal,
        mode: Mode::Kept,
        notices: vec![Notice::Migrated(from, backup)],
    })
}
