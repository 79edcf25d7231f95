//! The journal's shape on disk. Days list the sections read as numbers into
//! one table of ids (`"read": "0 4 17"`), so ten years of daily reading stays
//! a few hundred kilobytes and loads in milliseconds; in memory a day keeps
//! the ids themselves.

use super::{Bookmark, DayRecord, Journal, Note, Position, SectionRecord, SupersededNote};
use jiff::civil::Date;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

/// `journal.json` as written: like [`Journal`], with days compacted.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct JournalFile {
    version: u32,
    #[serde(default)]
    sections: BTreeMap<String, SectionRecord>,
    /// Every section id any day mentions; days refer to them by position.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    ids: Vec<String>,
    #[serde(default)]
    days: BTreeMap<Date, DayFile>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    position: Option<Position>,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    bookmarks: BTreeMap<String, Bookmark>,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    notes: BTreeMap<String, Note>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    superseded_notes: Vec<SupersededNote>,
    #[serde(flatten)]
    extra: Map<String, Value>,
}

/// One day as written: positions in `ids`, separated by spaces.
#[derive(Debug, Clone, Serialize, Deserialize)]
struct DayFile {
    #[serde(default, skip_serializing_if = "String::is_empty")]
    read: String,
    #[serde(default)]
    active_secs: u64,
    #[serde(flatten)]
    extra: Map<String, Value>,
}

impl From<Journal> for JournalFile {
    fn from(journal: Journal) -> Self {
        let ids: Vec<Arc<str>> = journal
            .days
            .values()
            .flat_map(|d| d.sections.iter().cloned())
            .collect::<BTreeSet<Arc<str>>>()
            .into_iter()
            .collect();
        let position: BTreeMap<&str, usize> = ids
            .iter()
            .enumerate()
            .map(|(i, id)| (id.as_ref(), i))
            .collect();
        let days = journal
            .days
            .into_iter()
            .map(|(date, day)| {
                let read: Vec<String> = day
                    .sections
                    .iter()
                    .filter_map(|id| position.get(id.as_ref()).map(ToString::to_string))
                    .collect();
                let file = DayFile {
                    read: read.join(" "),
                    active_secs: day.active_secs,
                    extra: day.extra,
                };
                (date, file)
            })
            .collect();
        JournalFile {
            version: journal.version,
            sections: journal.sections,
            ids: ids.iter().map(|id| id.to_string()).collect(),
            days,
            position: journal.position,
            bookmarks: journal.bookmarks,
            notes: journal.notes,
            superseded_notes: journal.superseded_notes,
            extra: journal.extra,
        }
    }
}

impl TryFrom<JournalFile> for Journal {
    type Error = String;

    fn try_from(file: JournalFile) -> Result<Self, String> {
        let table: Vec<Arc<str>> = file.ids.iter().map(|id| Arc::from(id.as_str())).collect();
        let mut days = BTreeMap::new();
        for (date, day) in file.days {
            let mut sections = Vec::new();
            for number in day.read.split_ascii_whitespace() {
                let id = number
                    .parse::<usize>()
                    .ok()
                    .and_then(|n| table.get(n))
                    .ok_or_else(|| format!("day {date} refers to section {number:?}, which the journal does not list"))?;
                sections.push(id.clone());
            }
            // Collecting at once builds the set in bulk, far faster than
            // inserting ids one by one.
            let record = DayRecord {
                sections: sections.into_iter().collect(),
                active_secs: day.active_secs,
                extra: day.extra,
            };
            days.insert(date, record);
        }
        Ok(Journal {
            version: file.version,
            sections: file.sections,
            days,
            position: file.position,
            bookmarks: file.bookmarks,
            notes: file.notes,
            superseded_notes: file.superseded_notes,
            extra: file.extra,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_are_written_as_numbers_and_read_back_as_ids() {
        let mut journal = Journal::new();
        let day = Date::new(2026, 11, 23).unwrap();
        let record = DayRecord {
            sections: [Arc::from("welcome"), Arc::from("tip-speak-up")].into(),
            active_secs: 60,
            extra: Map::new(),
        };
        journal.days.insert(day, record);
        let text = serde_json::to_string(&journal).unwrap();
        assert!(
            text.contains(r#""ids":["tip-speak-up","welcome"]"#),
            "{text}"
        );
        assert!(text.contains(r#""read":"0 1""#), "{text}");
        let back: Journal = serde_json::from_str(&text).unwrap();
        assert_eq!(back, journal);
    }

    #[test]
    fn a_day_pointing_past_the_table_is_an_error_not_a_panic() {
        let text = r#"{"version":1,"ids":["a"],"days":{"2026-01-01":{"read":"0 7"}}}"#;
        let err = serde_json::from_str::<Journal>(text).unwrap_err();
        assert!(err.to_string().contains("does not list"), "{err}");
    }
}
