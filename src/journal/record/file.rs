//! The journal's shape on disk. Days list the sections read as numbers into
//! one table of ids (`"read": "0 4 17"`), so ten years of daily reading stays
//! a few hundred kilobytes and loads in milliseconds; in memory a day keeps
//! the ids themselves.

use super::{
    Bookmark, Chosen, Commitment, DayRecord, Discussion, Journal, Note, Position, Records,
    SectionRecord, SupersededNote,
};
use jiff::civil::Date;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use std::collections::{BTreeMap, HashMap};
use std::fmt::Write as _;
use std::sync::Arc;

/// `journal.json` as read: like [`Journal`], with days compacted.
#[derive(Debug, Clone, Deserialize)]
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
    places: BTreeMap<String, Position>,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    bookmarks: BTreeMap<String, Bookmark>,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    notes: BTreeMap<String, Note>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    superseded_notes: Vec<SupersededNote>,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    commitments: BTreeMap<String, Commitment>,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    choices: BTreeMap<String, Chosen>,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    discussions: BTreeMap<String, Discussion>,
    #[serde(flatten)]
    extra: Map<String, Value>,
}

/// One day as read: positions in `ids`, separated by spaces.
#[derive(Debug, Clone, Deserialize)]
struct DayFile {
    #[serde(default, skip_serializing_if = "String::is_empty")]
    read: String,
    #[serde(default)]
    active_secs: u64,
    #[serde(default)]
    toolkits: BTreeMap<String, u64>,
    #[serde(flatten)]
    extra: Map<String, Value>,
}

/// The same shape, borrowed from a [`Journal`], so saving never copies it.
#[derive(Serialize)]
struct JournalFileRef<'a> {
    version: u32,
    sections: &'a BTreeMap<String, SectionRecord>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    ids: Vec<&'a str>,
    days: DaysRef<'a>,
    #[serde(skip_serializing_if = "Option::is_none")]
    position: &'a Option<Position>,
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    places: &'a BTreeMap<String, Position>,
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    bookmarks: &'a BTreeMap<String, Bookmark>,
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    notes: &'a BTreeMap<String, Note>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    superseded_notes: &'a Vec<SupersededNote>,
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    commitments: &'a BTreeMap<String, Commitment>,
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    choices: &'a BTreeMap<String, Chosen>,
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    discussions: &'a BTreeMap<String, Discussion>,
    #[serde(flatten)]
    extra: &'a Map<String, Value>,
}

#[derive(Serialize)]
struct DayFileRef<'a> {
    #[serde(skip_serializing_if = "String::is_empty")]
    read: String,
    active_secs: u64,
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    toolkits: &'a BTreeMap<String, u64>,
    #[serde(flatten)]
    extra: &'a Map<String, Value>,
}

/// The days, written straight from the journal's map (no copy), each
/// day's sections as their numbers in the id table.
struct DaysRef<'a> {
    days: &'a BTreeMap<Date, DayRecord>,
    number: &'a ByAddress<usize>,
}

impl Serialize for DaysRef<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_map(self.days.iter().map(|(date, day)| {
            let mut read = String::with_capacity(day.sections.len() * 3);
            for n in day
                .sections
                .iter()
                .filter_map(|id| self.number.get(&address(id)))
            {
                if !read.is_empty() {
                    read.push(' ');
                }
                let _ = write!(read, "{n}");
            }
            let file = DayFileRef {
                read,
                active_secs: day.active_secs,
                toolkits: &day.toolkits,
                extra: &day.extra,
            };
            (date, file)
        }))
    }
}

/// Hashes a pointer with one multiplication: ids are looked up by the
/// address of their shared `Arc`, tens of thousands of times per save.
#[derive(Default)]
struct AddressHasher(u64);

impl std::hash::Hasher for AddressHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for byte in bytes {
            self.0 =
                (self.0.rotate_left(5) ^ u64::from(*byte)).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
        }
    }

    fn write_usize(&mut self, n: usize) {
        self.0 = (n as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15);
    }
}

type ByAddress<V> = HashMap<usize, V, std::hash::BuildHasherDefault<AddressHasher>>;

/// The address of a shared id, the same for every day that shares it.
fn address(id: &Arc<str>) -> usize {
    Arc::as_ptr(id).cast::<u8>() as usize
}

impl Serialize for Journal {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        // Days share a few dozen `Arc`s many times over: find the distinct
        // ids by address, sort them into the table, then number each day's.
        let mut by_address: ByAddress<&str> = ByAddress::default();
        for day in self.records.days.values() {
            for id in day.sections.iter() {
                by_address.entry(address(id)).or_insert(id.as_ref());
            }
        }
        let mut ids: Vec<&str> = by_address.values().copied().collect();
        ids.sort_unstable();
        ids.dedup();
        let number: ByAddress<usize> = by_address
            .iter()
            .filter_map(|(at, id)| ids.binary_search(id).ok().map(|n| (*at, n)))
            .collect();
        let days = DaysRef {
            days: &self.records.days,
            number: &number,
        };
        JournalFileRef {
            version: self.version,
            sections: &self.records.sections,
            ids,
            days,
            position: &self.position,
            places: &self.places,
            bookmarks: &self.records.bookmarks,
            notes: &self.records.notes,
            superseded_notes: &self.records.superseded_notes,
            commitments: &self.records.commitments,
            choices: &self.records.choices,
            discussions: &self.records.discussions,
            extra: &self.extra,
        }
        .serialize(serializer)
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
                sections: Arc::new(sections.into_iter().collect()),
                active_secs: day.active_secs,
                toolkits: day.toolkits,
                extra: day.extra,
            };
            days.insert(date, record);
        }
        Ok(Journal {
            version: file.version,
            records: Records {
                sections: file.sections,
                days,
                bookmarks: file.bookmarks,
                notes: file.notes,
                superseded_notes: file.superseded_notes,
                commitments: file.commitments,
                choices: file.choices,
                discussions: file.discussions,
            },
            position: file.position,
            places: file.places,
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
            sections: Arc::new([Arc::from("welcome"), Arc::from("tip-speak-up")].into()),
            active_secs: 60,
            ..DayRecord::default()
        };
        journal.records.days.insert(day, record);
        let text = serde_json::to_string(&journal).unwrap();
        assert!(
            text.contains(r#""ids":["tip-speak-up","welcome"]"#),
            "{text}"
        );
        assert!(text.contains(r#""read":"0 1""#), "{text}");
        let back: Journal = serde_json::from_str(&text).unwrap();
        assert_eq!(back, journal);
    }

    /// Every level of the file with a field this version does not know,
    /// numbers too large or too precise for a float among them.
    const UNKNOWN_EVERYWHERE: &str = r#"{
      "version": 1,
      "big": 12345678901234567890123,
      "precise": 0.1000000000000000000001,
      "sections": { "a": { "first_read": "2026-01-01T10:00:00Z",
        "last_read": "2026-01-01T10:00:00Z", "sessions": 1, "last_session": "s",
        "mood": 98765432109876543210 } },
      "ids": ["a"],
      "days": { "2026-01-01": { "read": "0", "active_secs": 60, "place": "office" } },
      "position": { "section": "a", "scroll": 3, "column": 18446744073709551616 },
      "bookmarks": { "a": { "added": "2026-01-01T10:00:00Z", "colour": "green" } },
      "notes": { "a": { "text": "t", "created": "2026-01-01T10:00:00Z",
        "changed": "2026-01-01T10:00:00Z", "tags": ["x", 1e400] } },
      "superseded_notes": [ { "section": "a", "text": "old",
        "created": "2026-01-01T09:00:00Z", "changed": "2026-01-01T09:00:00Z",
        "device": { "name": "laptop", "n": -99999999999999999999 } } ]
    }"#;

    #[test]
    fn unknown_fields_at_every_level_survive_exactly() {
        let journal: Journal = serde_json::from_str(UNKNOWN_EVERYWHERE).unwrap();
        let saved = serde_json::to_string_pretty(&journal).unwrap();
        let kept: Value = serde_json::from_str(&saved).unwrap();
        let given: Value = serde_json::from_str(UNKNOWN_EVERYWHERE).unwrap();
        for path in [
            "/big",
            "/precise",
            "/sections/a/mood",
            "/days/2026-01-01/place",
            "/position/column",
            "/bookmarks/a/colour",
            "/notes/a/tags",
            "/superseded_notes/0/device",
        ] {
            let want = given.pointer(path).expect(path);
            assert_eq!(kept.pointer(path), Some(want), "{path} in {saved}");
        }
        assert!(saved.contains("12345678901234567890123"), "{saved}");
        assert!(saved.contains("0.1000000000000000000001"), "{saved}");
        assert!(saved.contains("-99999999999999999999"), "{saved}");
    }

    #[test]
    fn unknown_fields_survive_a_save_by_the_store() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("journal.json");
        std::fs::write(&path, UNKNOWN_EVERYWHERE).unwrap();
        let (mut store, _, _) = crate::journal::store::Store::open(dir.path().to_path_buf());
        let mut session = super::super::Session::new("s2");
        let at = jiff::Timestamp::from_second(1_800_000_000).unwrap();
        session.record_read("b", at, Date::new(2027, 1, 15).unwrap());
        assert!(store.save(&mut session).unwrap().written);
        let saved = std::fs::read_to_string(&path).unwrap();
        for number in [
            "12345678901234567890123",
            "98765432109876543210",
            "18446744073709551616",
        ] {
            assert!(saved.contains(number), "{number} in {saved}");
        }
        assert!(saved.contains(r#""colour": "green""#), "{saved}");
        assert!(saved.contains(r#""place": "office""#), "{saved}");
    }

    #[test]
    fn a_day_pointing_past_the_table_is_an_error_not_a_panic() {
        let text = r#"{"version":1,"ids":["a"],"days":{"2026-01-01":{"read":"0 7"}}}"#;
        let err = serde_json::from_str::<Journal>(text).unwrap_err();
        assert!(err.to_string().contains("does not list"), "{err}");
    }
}
