//! Peer discussions: a person's own record that they talked sections over
//! with others ("team meeting", "supervision"), for how long and on which
//! day. They count as participatory time in a CPD record and as peer
//! reflection for Social Work England.
//!
//! Each discussion has a stable id (its key in [`Journal::discussions`]),
//! made when it was recorded, so two copies of the app and an import can
//! tell one from another. Merge rule: **every discussion is kept once.**
//! The same id with the same content is one discussion (unknown fields
//! united, the ones here winning); the same id with different content (a
//! damaged or hand-made file) keeps both, the incoming one under an id of
//! its own, the same each time so importing twice adds it once. Old
//! journals without discussions load with none.

use jiff::Timestamp;
use jiff::civil::Date;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use super::Journal;

/// The longest discussion that can be recorded for one day, in minutes.
pub const MOST_DISCUSSION_MINUTES: u32 = 24 * 60;

/// One peer discussion, as the person recorded it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Discussion {
    /// The ids of the sections talked over, in the order given.
    pub sections: Vec<String>,
    /// How long it took, in minutes (1 to [`MOST_DISCUSSION_MINUTES`]).
    pub minutes: u32,
    /// Who it was with, in the person's words ("team meeting").
    pub with: String,
    /// The local day it took place.
    pub on: Date,
    /// When it was recorded.
    pub recorded_at: Timestamp,
    /// What came of it, in the person's words, if they said.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outcome: Option<String>,
    /// Fields from a newer writer, kept on save.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// How one incoming discussion merged with the journal's.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DiscussionMerge {
    /// It was new here.
    Added,
    /// It was here already (its unknown fields may have been added).
    Unchanged,
    /// Another discussion had its id: both are kept.
    KeptBoth,
}

impl Discussion {
    /// Everything but the unknown fields, to tell two discussions apart.
    fn same_as(&self, other: &Discussion) -> bool {
        (
            &self.sections,
            self.minutes,
            &self.with,
            self.on,
            self.recorded_at,
            &self.outcome,
        ) == (
            &other.sections,
            other.minutes,
            &other.with,
            other.on,
            other.recorded_at,
            &other.outcome,
        )
    }
}

/// A new discussion's id: when it was recorded and by which process, so
/// two copies recording at the same second still differ.
pub fn discussion_id(recorded_at: Timestamp) -> String {
    format!("{recorded_at}-{}", std::process::id())
}

impl Journal {
    /// Merges one discussion by the module's rule: every discussion kept once.
    pub fn merge_discussion(&mut self, id: &str, incoming: &Discussion) -> DiscussionMerge {
        let mut key = id.to_owned();
        for n in 0u32.. {
            match self.records.discussions.get_mut(&key) {
                None => {
                    self.records.discussions.insert(key, incoming.clone());
                    return if n == 0 {
                        DiscussionMerge::Added
                    } else {
                        DiscussionMerge::KeptBoth
                    };
                }
                Some(here) if here.same_as(incoming) => {
                    for (name, value) in &incoming.extra {
                        here.extra
                            .entry(name.clone())
                            .or_insert_with(|| value.clone());
                    }
                    return DiscussionMerge::Unchanged;
                }
                Some(_) => key = format!("{id}-{}", n + 2),
            }
        }
        DiscussionMerge::Unchanged
    }

    /// The discussions, oldest day first (then by when they were recorded).
    pub fn discussions_by_day(&self) -> Vec<(&String, &Discussion)> {
        let mut all: Vec<(&String, &Discussion)> = self.records.discussions.iter().collect();
        all.sort_by(|(a_id, a), (b_id, b)| {
            (a.on, a.recorded_at, a_id).cmp(&(b.on, b.recorded_at, b_id))
        });
        all
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn talk(minutes: u32, with: &str) -> Discussion {
        Discussion {
            sections: vec!["tip-speak-up".into()],
            minutes,
            with: with.into(),
            on: Date::new(2026, 11, 20).unwrap(),
            recorded_at: "2026-11-20T15:00:00Z".parse().unwrap(),
            outcome: None,
            extra: Map::new(),
        }
    }

    #[test]
    fn old_journals_load_without_discussions_and_write_none() {
        let old = r#"{"version":1,"sections":{},"days":{}}"#;
        let journal: Journal = serde_json::from_str(old).unwrap();
        assert!(journal.records.discussions.is_empty());
        let text = serde_json::to_string(&journal).unwrap();
        assert!(!text.contains("discussions"), "{text}");
    }

    #[test]
    fn a_discussion_survives_a_save_with_its_unknown_fields() {
        let text = r#"{"version":1,"discussions":{"d1":{"sections":["a","b"],
            "minutes":30,"with":"team meeting","on":"2026-11-20",
            "recorded_at":"2026-11-20T15:00:00Z","room":"blue"}}}"#;
        let journal: Journal = serde_json::from_str(text).unwrap();
        assert_eq!(journal.records.discussions["d1"].minutes, 30);
        assert_eq!(journal.records.discussions["d1"].sections, ["a", "b"]);
        let saved = serde_json::to_string(&journal).unwrap();
        assert!(saved.contains(r#""room":"blue""#), "{saved}");
        let back: Journal = serde_json::from_str(&saved).unwrap();
        assert_eq!(back, journal);
    }

    #[test]
    fn merging_two_copies_keeps_every_discussion_once() {
        let mut here = Journal::new();
        here.merge_discussion("a", &talk(30, "team meeting"));
        let mut there = here.clone();
        there.merge_discussion("b", &talk(20, "supervision"));
        here.merge_discussion("c", &talk(10, "a colleague"));
        for (id, d) in &there.records.discussions {
            here.merge_discussion(id, d);
        }
        for (id, d) in &there.records.discussions {
            assert_eq!(here.merge_discussion(id, d), DiscussionMerge::Unchanged);
        }
        let mut withs: Vec<&str> = here
            .records
            .discussions
            .values()
            .map(|d| d.with.as_str())
            .collect();
        withs.sort_unstable();
        assert_eq!(withs, ["a colleague", "supervision", "team meeting"]);
    }

    #[test]
    fn a_different_discussion_under_the_same_id_is_kept_beside_it_once() {
        let mut journal = Journal::new();
        journal.merge_discussion("a", &talk(30, "team meeting"));
        let other = talk(45, "supervision");
        assert_eq!(
            journal.merge_discussion("a", &other),
            DiscussionMerge::KeptBoth
        );
        assert_eq!(
            journal.merge_discussion("a", &other),
            DiscussionMerge::Unchanged
        );
        assert_eq!(journal.records.discussions.len(), 2);
        assert_eq!(journal.records.discussions["a"].minutes, 30);
    }
}
