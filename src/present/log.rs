//! The facilitator's log: each walkthrough, when and for how long, and the
//! sections covered, kept apart from anyone's personal journal so a team
//! leader can see what the team has covered and pick up next time.
//!
//! # File format
//!
//! `walkthroughs.json` in the data directory, beside the journal: pretty
//! UTF-8 JSON, `version` first, times RFC 3339 UTC, oldest walkthrough
//! first; `secs` is how long a section was on screen, sections in the order
//! first shown. Fields this version does not know are kept on save.
//!
//! ```json
//! {
//!   "version": 1,
//!   "walkthroughs": [
//!     { "started": "2026-11-23T14:02:00Z", "ended": "2026-11-23T14:37:10Z",
//!       "finished": true,
//!       "sections": [ { "id": "tip-listen-actively", "secs": 240 } ] }
//!   ]
//! }
//! ```
//!
//! Saved with [`crate::journal::store::atomic_write`] (0600; the folder 0700). A file
//! that cannot be read, or is from a newer version, is never written over:
//! adding to it is refused with a message saying where it is.

use crate::toolkit::content::Toolkit;
use jiff::Timestamp;
use jiff::tz::TimeZone;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use std::collections::BTreeMap;
use std::io;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// Name of the log file inside the data directory.
pub const LOG_FILE: &str = "walkthroughs.json";
/// The format version this program writes.
pub const CURRENT_VERSION: u32 = 1;

/// One walkthrough, as the log keeps it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Record {
    /// When the walkthrough began.
    pub started: Timestamp,
    /// When presenter mode was left.
    pub ended: Timestamp,
    /// Whether the room saw the last step of the last section.
    pub finished: bool,
    /// The sections shown, in the order first shown.
    pub sections: Vec<Covered>,
    /// Fields from a newer version, kept as they were.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// A section shown in a walkthrough, and for how long.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Covered {
    /// The section's id.
    pub id: String,
    /// Seconds it was on screen in all.
    pub secs: u64,
    /// Fields from a newer version, kept as they were.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

#[derive(Debug, Serialize, Deserialize)]
struct LogFile {
    version: u32,
    #[serde(default)]
    walkthroughs: Vec<Record>,
    #[serde(flatten)]
    extra: Map<String, Value>,
}

/// Why the log could not be read or added to, in plain words.
#[derive(Debug, thiserror::Error)]
pub enum LogError {
    /// The file (path) exists but could not be read (system error).
    #[error("the facilitator's log at {0} could not be read ({1}); it was left as it is")]
    Read(PathBuf, #[source] io::Error),
    /// The file (path) is not a log this program understands (why).
    #[error(
        "the facilitator's log at {0} is damaged ({1}); it was left as it is \
         (move it aside to start a new log)"
    )]
    Broken(PathBuf, String),
    /// The file (path) was written by a newer version (format number).
    #[error(
        "the facilitator's log at {0} was made by a newer version of allyship \
         (format {1}), so nothing is added to it"
    )]
    Newer(PathBuf, u32),
    /// Writing failed (path, system error); the log on disk is unchanged.
    #[error("the walkthrough could not be added to the log at {0} ({1})")]
    Write(PathBuf, #[source] io::Error),
}

/// Where the log is in data directory `dir`.
pub fn path_in(dir: &Path) -> PathBuf {
    dir.join(LOG_FILE)
}

/// Reads the log; `None` when there is none yet (or it is empty). A link,
/// a pipe or a device in its place is an error, never read through.
fn read(path: &Path) -> Result<Option<LogFile>, LogError> {
    let bytes = match crate::journal::store::read_no_follow(path) {
        Err(err) if err.kind() == io::ErrorKind::NotFound => return Ok(None),
        Err(err) => return Err(LogError::Read(path.to_path_buf(), err)),
        Ok(bytes) => bytes,
    };
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Ok(None);
    }
    serde_json::from_slice(&bytes)
        .map(Some)
        .map_err(|err| LogError::Broken(path.to_path_buf(), err.to_string()))
}

/// Every walkthrough in the log in `dir`, oldest first (none if no log).
pub fn list(dir: &Path) -> Result<Vec<Record>, LogError> {
    Ok(read(&path_in(dir))?.map_or_else(Vec::new, |file| file.walkthroughs))
}

/// Adds `record` to the log in `dir` (creating the folder 0700 and the
/// file 0600), atomically and under the data folder's lock (so two copies
/// never lose each other's walkthroughs); returns the log's path. Refuses, changing
/// nothing, when the log is damaged or from a newer version.
pub fn append(dir: &Path, record: Record) -> Result<PathBuf, LogError> {
    let path = path_in(dir);
    let write_error = |err| LogError::Write(path.clone(), err);
    crate::journal::store::create_private_dir(dir).map_err(write_error)?;
    let _lock = crate::journal::store::lock_dir(dir).map_err(write_error)?;
    let mut file = read(&path)?.unwrap_or(LogFile {
        version: CURRENT_VERSION,
        walkthroughs: Vec::new(),
        extra: Map::new(),
    });
    if file.version > CURRENT_VERSION {
        return Err(LogError::Newer(path, file.version));
    }
    file.version = CURRENT_VERSION;
    file.walkthroughs.push(record);
    let mut bytes = serde_json::to_vec_pretty(&file)
        .map_err(io::Error::other)
        .map_err(write_error)?;
    bytes.push(b'\n');
    crate::journal::store::atomic_write(&path, &bytes).map_err(write_error)?;
    Ok(path)
}

/// A record of a walkthrough from what the presenter covered (toolkit
/// reading-order index and time on screen, in the order first shown).
pub fn record(
    toolkit: &Toolkit,
    covered: &[(usize, Duration)],
    (started, ended): (Timestamp, Timestamp),
    finished: bool,
) -> Record {
    let sections = covered
        .iter()
        .filter_map(|&(index, spent)| {
            let id = toolkit.entry(index)?.section.id.clone();
            let secs = spent.as_secs() + u64::from(spent.subsec_millis() >= 500);
            Some(Covered {
                id,
                secs,
                extra: Map::new(),
            })
        })
        .collect();
    let seconds = |t: Timestamp| t.round(jiff::Unit::Second).unwrap_or(t);
    let (started, ended) = (seconds(started), seconds(ended));
    Record {
        started,
        ended: ended.max(started),
        finished,
        sections,
        extra: Map::new(),
    }
}

/// The section after the furthest (in reading order) that the most recent
/// walkthrough covered: where `present --continue` starts. `None` without
/// walkthroughs, or when that one reached the toolkit's last section.
pub fn next_after(records: &[Record], toolkit: &Toolkit) -> Option<usize> {
    let last = records.iter().max_by_key(|r| r.started)?;
    let furthest = last
        .sections
        .iter()
        .filter_map(|c| toolkit.index_of(&c.id))
        .max()?;
    let next = furthest + 1;
    (next < toolkit.section_count()).then_some(next)
}

/// [`next_after`] for the log in `dir`; `None` also when it can't be read.
pub fn next_after_last(dir: &Path, toolkit: &Toolkit) -> Option<usize> {
    next_after(&list(dir).ok()?, toolkit)
}

/// One walkthrough as a line: "Mon 23 Nov 2026 14:02, 35 min: Top tips
/// for allyship 17-26 (10 sections), finished". Times in `tz`.
pub fn describe(record: &Record, toolkit: &Toolkit, tz: &TimeZone) -> String {
    let when = record
        .started
        .to_zoned(tz.clone())
        .strftime("%a %-d %b %Y %H:%M");
    let secs = record.ended.duration_since(record.started).as_secs().max(0);
    let length = match secs / 60 {
        0 => "under a minute".to_string(),
        m if m < 60 => format!("{m} min"),
        m => format!("{} h {} min", m / 60, m % 60),
    };
    let mut by_part: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    let mut unknown = 0;
    for covered in &record.sections {
        match toolkit.index_of(&covered.id).and_then(|i| toolkit.entry(i)) {
            Some(entry) => by_part
                .entry(entry.part_index)
                .or_default()
                .push(entry.index),
            None => unknown += 1,
        }
    }
    let mut parts: Vec<String> = by_part
        .iter()
        .map(|(&part, indexes)| {
            let title = toolkit.parts.get(part).map_or("", |p| p.title.as_str());
            format!("{title} {}", super::numbers(indexes))
        })
        .collect();
    if unknown > 0 {
        parts.push(format!("{unknown} no longer in this toolkit"));
    }
    let count = record.sections.len();
    let plural = if count == 1 { "section" } else { "sections" };
    let what = if parts.is_empty() {
        "nothing shown".to_string()
    } else {
        format!("{} ({count} {plural})", parts.join("; "))
    };
    let end = if record.finished {
        "finished"
    } else {
        "stopped early"
    };
    format!("{when}, {length}: {what}, {end}")
}

/// The log as plain lines, oldest first, for `allyship walkthroughs`.
pub fn plain(records: &[Record], toolkit: &Toolkit, tz: &TimeZone) -> String {
    if records.is_empty() {
        return "No walkthroughs yet. Start one with: allyship present\n".into();
    }
    let mut out = String::new();
    for record in records {
        out.push_str(&describe(record, toolkit, tz));
        out.push('\n');
    }
    out
}

/// The log as JSON for `allyship walkthroughs --json`: the file's format.
pub fn json(records: &[Record]) -> String {
    let file = LogFile {
        version: CURRENT_VERSION,
        walkthroughs: records.to_vec(),
        extra: Map::new(),
    };
    let mut text = serde_json::to_string_pretty(&file).unwrap_or_default();
    text.push('\n');
    text
}

#[cfg(test)]
mod tests;
