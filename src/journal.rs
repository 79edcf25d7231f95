//! The progress journal as data: what was read, when, and where to pick up.
//!
//! No I/O here; [`crate::store`] reads and writes it. A running app never edits
//! a [`Journal`] directly: it collects its changes in a [`Session`]'s [`Delta`],
//! and every save re-reads the file and [`Journal::apply`]s the delta to it,
//! so two copies of the app open at once lose nothing.
//!
//! Rules: a section is *read* once it has a record; *revisited* once it was
//! read in at least two sessions (runs of the app).

use std::collections::{BTreeMap, BTreeSet};

use jiff::Timestamp;
use jiff::civil::Date;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

/// Schema version this build writes; a file with a higher one is left untouched.
pub const CURRENT_VERSION: u32 = 1;

/// Everything the app remembers between runs, as stored in `journal.json`.
///
/// Its size grows with sections and days, never with keypresses. See
/// [`crate::store::Store`] for the file format.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Journal {
    /// Schema version of the file (see [`CURRENT_VERSION`]).
    pub version: u32,
    /// Per section id: when it was read and in how many sessions.
    #[serde(default)]
    pub sections: BTreeMap<String, SectionRecord>,
    /// Per local calendar day: sections read and time spent learning.
    #[serde(default)]
    pub days: BTreeMap<Date, DayRecord>,
    /// Where the person was, to continue there next time.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub position: Option<Position>,
    /// Reserved for bookmarks (next issue): section id to bookmark.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub bookmarks: BTreeMap<String, Bookmark>,
    /// Reserved for notes (next issue): section id to the person's note.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub notes: BTreeMap<String, Note>,
    /// Fields written by a newer version of the app, kept so a save never drops them.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// What the journal knows about one section, for marks and the journal view.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SectionRecord {
    /// When it first counted as read.
    pub first_read: Timestamp,
    /// When it last counted as read.
    pub last_read: Timestamp,
    /// Number of sessions (runs of the app) it was read in.
    pub sessions: u32,
    /// Id of the last session that counted it, so re-applying a delta is harmless.
    pub last_session: String,
    /// Fields from a newer writer, kept on save.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// One day of learning, for the calendar and a professional learning record.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DayRecord {
    /// Ids of the sections read that day.
    #[serde(default)]
    pub sections: BTreeSet<String>,
    /// Seconds of active learning that day.
    #[serde(default)]
    pub active_secs: u64,
    /// Fields from a newer writer, kept on save.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// The open section and how far it was scrolled, to resume there.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Position {
    /// Id of the section that was open.
    pub section: String,
    /// Scroll offset in lines.
    pub scroll: u16,
}

/// A bookmarked section (reserved so the bookmarks issue fits the format).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Bookmark {
    /// Optional label the person gave it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    /// When it was added.
    pub added: Timestamp,
}

/// A person's note on a section (reserved so the notes issue fits the format).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Note {
    /// The note's text.
    pub text: String,
    /// When it was first written.
    pub created: Timestamp,
    /// When it was last changed.
    pub changed: Timestamp,
}

/// How a section is marked in the contents: never by colour alone.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum ReadStatus {
    /// Never counted as read.
    Unread,
    /// Read in one session.
    Read,
    /// Read in two or more sessions.
    Revisited,
}

/// One part of the toolkit as the summary needs it: a title and its section ids in order.
#[derive(Debug, Clone)]
pub struct PartIds<'a> {
    /// The part's title, echoed in [`PartProgress`].
    pub title: &'a str,
    /// Its section ids, in toolkit order.
    pub ids: Vec<&'a str>,
}

/// Progress in one part, for a gauge.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PartProgress {
    /// The part's title.
    pub title: String,
    /// Sections of this part that are read or revisited.
    pub read: usize,
    /// Sections in this part.
    pub total: usize,
}

/// One day in the calendar.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DayCount {
    /// The local date.
    pub date: Date,
    /// Number of sections read that day.
    pub sections: usize,
    /// Seconds of active learning that day.
    pub active_secs: u64,
}

/// A revisited section, for the journal view's list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Revisit {
    /// Section id.
    pub id: String,
    /// Sessions it was read in (2 or more).
    pub sessions: u32,
    /// First read.
    pub first_read: Timestamp,
    /// Last read.
    pub last_read: Timestamp,
}

/// Everything the journal view and `allyship journal [--json]` show.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Summary {
    /// Sections in the toolkit.
    pub total: usize,
    /// Toolkit sections read (including revisited ones).
    pub read: usize,
    /// Toolkit sections revisited.
    pub revisited: usize,
    /// Seconds of active learning over all days.
    pub active_secs: u64,
    /// Progress per part, in toolkit order.
    pub parts: Vec<PartProgress>,
    /// Days with reading or learning time, oldest first.
    pub days: Vec<DayCount>,
    /// Revisited toolkit sections, in toolkit order.
    pub revisits: Vec<Revisit>,
    /// Ids with records that this toolkit no longer has ("no longer in this toolkit").
    pub orphans: Vec<String>,
}

impl Journal {
    /// An empty journal of the current version, for a first run or a fresh start.
    pub fn new() -> Self {
        Self {
            version: CURRENT_VERSION,
            sections: BTreeMap::new(),
            days: BTreeMap::new(),
            position: None,
            bookmarks: BTreeMap::new(),
            notes: BTreeMap::new(),
            extra: Map::new(),
        }
    }

    /// Whether `id` is unread, read or revisited, for the contents marks.
    pub fn status(&self, id: &str) -> ReadStatus {
        match self.sections.get(id) {
            None => ReadStatus::Unread,
            Some(record) if record.sessions >= 2 => ReadStatus::Revisited,
            Some(_) => ReadStatus::Read,
        }
    }

    /// Adds a session's changes. Idempotent: applying the same delta twice
    /// (or again after another session's save) counts each read session once.
    pub fn apply(&mut self, delta: &Delta, session_id: &str) {
        for (id, read) in &delta.reads {
            self.apply_read(id, read, session_id);
        }
        for (date, ids) in &delta.day_reads {
            let day = self.days.entry(*date).or_default();
            day.sections.extend(ids.iter().cloned());
        }
        for (date, secs) in &delta.active_secs {
            let day = self.days.entry(*date).or_default();
            day.active_secs = day.active_secs.saturating_add(*secs);
        }
        if let Some(position) = &delta.position {
            self.position = Some(position.clone());
        }
    }

    fn apply_read(&mut self, id: &str, read: &SessionRead, session_id: &str) {
        let Some(record) = self.sections.get_mut(id) else {
            let record = SectionRecord {
                first_read: read.first,
                last_read: read.last,
                sessions: 1,
                last_session: session_id.to_owned(),
                extra: Map::new(),
            };
            self.sections.insert(id.to_owned(), record);
            return;
        };
        if !read.counted && record.last_session != session_id {
            record.sessions = record.sessions.saturating_add(1);
            record.last_session = session_id.to_owned();
        }
        record.first_read = record.first_read.min(read.first);
        record.last_read = record.last_read.max(read.last);
    }

    /// Progress, calendar, revisits and orphans for the journal view and CLI.
    pub fn summary(&self, parts: &[PartIds<'_>]) -> Summary {
        let known: Vec<&str> = parts.iter().flat_map(|p| p.ids.iter().copied()).collect();
        let revisits: Vec<Revisit> = known.iter().filter_map(|id| self.revisit(id)).collect();
        Summary {
            total: known.len(),
            read: self.count_read(&known),
            revisited: revisits.len(),
            active_secs: self
                .days
                .values()
                .map(|d| d.active_secs)
                .fold(0, u64::saturating_add),
            parts: parts
                .iter()
                .map(|part| PartProgress {
                    title: part.title.to_owned(),
                    read: self.count_read(&part.ids),
                    total: part.ids.len(),
                })
                .collect(),
            days: self.day_counts(),
            revisits,
            orphans: self
                .orphans(&known)
                .into_iter()
                .map(str::to_owned)
                .collect(),
        }
    }

    fn count_read(&self, ids: &[&str]) -> usize {
        let is_read = |id: &&&str| self.status(id) != ReadStatus::Unread;
        ids.iter().filter(is_read).count()
    }

    fn revisit(&self, id: &str) -> Option<Revisit> {
        let record = self.sections.get(id).filter(|r| r.sessions >= 2)?;
        Some(Revisit {
            id: id.to_owned(),
            sessions: record.sessions,
            first_read: record.first_read,
            last_read: record.last_read,
        })
    }

    fn day_counts(&self) -> Vec<DayCount> {
        self.days
            .iter()
            .filter(|(_, day)| !day.sections.is_empty() || day.active_secs > 0)
            .map(|(date, day)| DayCount {
                date: *date,
                sections: day.sections.len(),
                active_secs: day.active_secs,
            })
            .collect()
    }

    /// What to revisit next: the read section read longest ago, taking those
    /// for which `prefer` is true (the app passes "is a tip") first. Ties go
    /// to the earlier section in `ordered`.
    pub fn suggest_revisit<'a>(
        &self,
        ordered: &[&'a str],
        prefer: impl Fn(&str) -> bool,
    ) -> Option<&'a str> {
        ordered
            .iter()
            .filter_map(|id| self.sections.get(*id).map(|record| (*id, record.last_read)))
            .min_by_key(|(id, last_read)| (!prefer(id), *last_read))
            .map(|(id, _)| id)
    }

    /// Ids with records that are not in `known` (the current toolkit). They
    /// are kept in the file and shown as "no longer in this toolkit".
    pub fn orphans(&self, known: &[&str]) -> Vec<&str> {
        let known: BTreeSet<&str> = known.iter().copied().collect();
        self.sections
            .keys()
            .map(String::as_str)
            .filter(|id| !known.contains(id))
            .collect()
    }
}

impl Default for Journal {
    fn default() -> Self {
        Self::new()
    }
}

/// A section read in this session: first and last time it counted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SessionRead {
    /// First time it counted as read in this session.
    pub first: Timestamp,
    /// Latest time it counted as read in this session.
    pub last: Timestamp,
    /// True once a save has counted this session for it, so later saves
    /// never count the session again (even after another copy saved in between).
    pub counted: bool,
}

/// A running app's changes not yet merged into the file; room for bookmark
/// and note changes to be added the same way (an id-keyed map of edits).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Delta {
    /// Sections read this session.
    pub reads: BTreeMap<String, SessionRead>,
    /// Sections read per local day this session (idempotent, kept all session).
    pub day_reads: BTreeMap<Date, BTreeSet<String>>,
    /// Active seconds per day added since the last save (cleared by a save).
    pub active_secs: BTreeMap<Date, u64>,
    /// Latest position, if changed since the last save (cleared by a save, so
    /// an older copy of the app never overwrites a newer copy's position).
    pub position: Option<Position>,
}

impl Delta {
    /// Whether there is anything a save would add beyond what is on disk already.
    pub fn has_unsaved(&self) -> bool {
        self.reads.values().any(|read| !read.counted)
            || !self.active_secs.is_empty()
            || self.position.is_some()
    }

    /// Call after the delta was written to disk: keeps the idempotent parts,
    /// marks reads as counted and clears what must not be added twice.
    pub fn mark_saved(&mut self) {
        for read in self.reads.values_mut() {
            read.counted = true;
        }
        self.active_secs.clear();
        self.position = None;
    }
}

/// One run of the app: its id and the changes it has not yet saved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Session {
    /// Unique id for this run, e.g. `2025-03-01T09:30:00Z-4242` (start time and process id).
    pub id: String,
    /// Changes not yet merged into the file.
    pub pending: Delta,
}

impl Session {
    /// A session with a given id (tests use fixed ids).
    pub fn new(id: impl Into<String>) -> Self {
        Self {
            id: id.into(),
            pending: Delta::default(),
        }
    }

    /// A session for this run, named by its start time and process id.
    pub fn start(now: Timestamp) -> Self {
        Self::new(format!("{now}-{}", std::process::id()))
    }

    /// Records that `section` counted as read at `at`, on local day `day`.
    pub fn record_read(&mut self, section: &str, at: Timestamp, day: Date) {
        let read = self.pending.reads.entry(section.to_owned());
        read.and_modify(|read| {
            read.first = read.first.min(at);
            read.last = read.last.max(at);
        })
        .or_insert(SessionRead {
            first: at,
            last: at,
            counted: false,
        });
        let today = self.pending.day_reads.entry(day).or_default();
        today.insert(section.to_owned());
    }

    /// Adds active learning seconds (from [`crate::reading::ReadTracker::take_active_secs`]) to `day`.
    pub fn add_active_secs(&mut self, day: Date, secs: u64) {
        if secs > 0 {
            let total = self.pending.active_secs.entry(day).or_default();
            *total = total.saturating_add(secs);
        }
    }

    /// Remembers where the person is, saved with the next save.
    pub fn set_position(&mut self, section: &str, scroll: u16) {
        self.pending.position = Some(Position {
            section: section.to_owned(),
            scroll,
        });
    }
}

/// The local calendar day of `at`, in the system time zone (UTC if unknown).
pub fn local_day(at: Timestamp) -> Date {
    at.to_zoned(jiff::tz::TimeZone::system()).date()
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    fn ts(secs: i64) -> Timestamp {
        Timestamp::from_second(1_700_000_000 + secs).expect("valid timestamp")
    }

    fn day(d: i8) -> Date {
        date(2024, 3, d)
    }

    fn session_reading(id: &str, sections: &[&str], at: i64) -> Session {
        let mut session = Session::new(id);
        for section in sections {
            session.record_read(section, ts(at), day(1));
        }
        session
    }

    #[test]
    fn read_then_revisited_in_a_later_session() {
        let mut journal = Journal::new();
        assert_eq!(journal.status("tip-a"), ReadStatus::Unread);
        let mut first = session_reading("s1", &["tip-a"], 0);
        first.record_read("tip-a", ts(50), day(1));
        journal.apply(&first.pending, &first.id);
        assert_eq!(journal.status("tip-a"), ReadStatus::Read);
        let second = session_reading("s2", &["tip-a"], 100);
        journal.apply(&second.pending, &second.id);
        assert_eq!(journal.status("tip-a"), ReadStatus::Revisited);
        let record = &journal.sections["tip-a"];
        assert_eq!(
            (record.sessions, record.first_read, record.last_read),
            (2, ts(0), ts(100))
        );
    }

    #[test]
    fn applying_twice_counts_once() {
        let mut session = session_reading("s1", &["a", "b"], 0);
        session.add_active_secs(day(1), 30);
        let mut journal = Journal::new();
        journal.apply(&session.pending, &session.id);
        let once = journal.clone();
        journal.apply(&session.pending, &session.id);
        assert_eq!(journal.sections, once.sections);
        assert_eq!(journal.days[&day(1)].sections, once.days[&day(1)].sections);
    }

    /// Two copies of the app save in turn, each re-reading the "disk" first.
    #[test]
    fn interleaved_sessions_lose_nothing_and_count_once() {
        let mut disk = Journal::new();
        let mut a = session_reading("A", &["x"], 0);
        let mut b = session_reading("B", &["x", "y"], 10);
        a.add_active_secs(day(1), 60);
        b.add_active_secs(day(1), 40);
        for _round in 0..3 {
            for session in [&mut a, &mut b] {
                disk.apply(&session.pending, &session.id);
                session.pending.mark_saved();
                assert!(!session.pending.has_unsaved());
            }
        }
        a.record_read("z", ts(20), day(2));
        a.set_position("z", 7);
        disk.apply(&a.pending, &a.id);
        assert_eq!(disk.sections["x"].sessions, 2);
        assert_eq!(disk.sections["y"].sessions, 1);
        assert_eq!(disk.sections["z"].sessions, 1);
        assert_eq!(disk.days[&day(1)].active_secs, 100);
        assert_eq!(disk.days[&day(1)].sections.len(), 2);
        assert_eq!(disk.days[&day(2)].sections.len(), 1);
        assert_eq!(
            disk.position,
            Some(Position {
                section: "z".into(),
                scroll: 7
            })
        );
    }

    #[test]
    fn summary_counts_parts_days_revisits_and_orphans() {
        let mut journal = Journal::new();
        for (sid, at) in [("s1", 0), ("s2", 100)] {
            journal.apply(&session_reading(sid, &["a1", "gone"], at).pending, sid);
        }
        journal.apply(&session_reading("s3", &["b1"], 200).pending, "s3");
        let mut time = Session::new("s3");
        time.add_active_secs(day(2), 90);
        journal.apply(&time.pending, &time.id);
        let parts = [
            PartIds {
                title: "A",
                ids: vec!["a1", "a2"],
            },
            PartIds {
                title: "B",
                ids: vec!["b1"],
            },
        ];
        let summary = journal.summary(&parts);
        assert_eq!((summary.total, summary.read, summary.revisited), (3, 2, 1));
        assert_eq!(summary.active_secs, 90);
        assert_eq!((summary.parts[0].read, summary.parts[0].total), (1, 2));
        assert_eq!((summary.parts[1].read, summary.parts[1].total), (1, 1));
        assert_eq!(summary.days.len(), 2);
        assert_eq!(summary.days[0].sections, 3);
        assert_eq!(summary.revisits[0].id, "a1");
        assert_eq!(summary.revisits[0].sessions, 2);
        assert_eq!(summary.orphans, ["gone"]);
        assert!(journal.sections.contains_key("gone"), "orphans are kept");
    }

    #[test]
    fn suggests_oldest_read_preferring_tips() {
        let mut journal = Journal::new();
        for (id, at) in [
            ("intro", 0),
            ("tip-new", 300),
            ("tip-old", 200),
            ("more", 100),
        ] {
            journal.apply(&session_reading("s", &[id], at).pending, "s");
        }
        let ordered = ["intro", "unread", "tip-new", "tip-old", "more"];
        let tips = |id: &str| id.starts_with("tip-");
        assert_eq!(journal.suggest_revisit(&ordered, tips), Some("tip-old"));
        assert_eq!(journal.suggest_revisit(&ordered, |_| false), Some("intro"));
        assert_eq!(journal.suggest_revisit(&["unread"], tips), None);
    }

    #[test]
    fn unknown_fields_survive_a_round_trip() {
        let text = r#"{
            "version": 1,
            "sections": {"a": {"first_read": "2024-03-01T10:00:00Z",
                "last_read": "2024-03-01T10:00:00Z", "sessions": 1,
                "last_session": "s", "mood": "calm"}},
            "days": {"2024-03-01": {"sections": ["a"], "active_secs": 5, "weather": 1}},
            "future": {"nested": [1, 2]}
        }"#;
        let journal: Journal = serde_json::from_str(text).expect("parses");
        assert_eq!(journal.extra["future"]["nested"][1], 2);
        let written = serde_json::to_string_pretty(&journal).expect("serializes");
        assert!(
            written.trim_start().starts_with("{\n  \"version\": 1"),
            "{written}"
        );
        let again: Journal = serde_json::from_str(&written).expect("parses again");
        assert_eq!(again, journal);
        assert_eq!(again.sections["a"].extra["mood"], "calm");
        assert_eq!(again.days[&day(1)].extra["weather"], 1);
    }

    #[test]
    fn reserved_fields_are_left_out_when_empty() {
        let written = serde_json::to_string(&Journal::new()).expect("serializes");
        assert_eq!(written, r#"{"version":1,"sections":{},"days":{}}"#);
    }
}
