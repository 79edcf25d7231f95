//! Tests of loading, saving, locking and moving aside, on real temp folders.
//! Here: the helpers they share; the tests themselves are in `saving`
//! (one copy), `locking` (several copies) and `folders` (the data folder).

use super::files::set_mode;
use super::*;
use crate::journal::record::{CURRENT_VERSION, PartIds, ReadStatus, Session};
use jiff::Timestamp;
use jiff::civil::date;
#[cfg(unix)]
use std::os::unix::fs::PermissionsExt;

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

mod folders;
mod locking;
mod saving;
