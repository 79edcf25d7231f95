//! The journal's read side: progress per part, the calendar, revisits,
//! what to revisit next and records for sections the toolkit no longer has.

use std::collections::BTreeSet;

use jiff::Timestamp;
use jiff::civil::Date;
use serde::Serialize;

use super::{Journal, ReadStatus};

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
    /// Of those, the seconds spent in toolkits other than the built-in
    /// one, by toolkit name (empty when only the built-in one was read).
    pub other_toolkits: Vec<(String, u64)>,
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
    /// Progress, calendar, revisits and orphans for the journal view and CLI.
    pub fn summary(&self, parts: &[PartIds<'_>]) -> Summary {
        let known: Vec<&str> = parts.iter().flat_map(|p| p.ids.iter().copied()).collect();
        let revisits: Vec<Revisit> = known.iter().filter_map(|id| self.revisit(id)).collect();
        Summary {
            total: known.len(),
            read: self.count_read(&known),
            revisited: revisits.len(),
            active_secs: self
                .records
                .days
                .values()
                .map(|d| d.active_secs)
                .fold(0, u64::saturating_add),
            other_toolkits: self.time_in_other_toolkits(),
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

    /// Seconds spent in each toolkit other than the built-in one, over all days.
    pub fn time_in_other_toolkits(&self) -> Vec<(String, u64)> {
        let mut secs: std::collections::BTreeMap<&str, u64> = std::collections::BTreeMap::new();
        for (name, spent) in self.records.days.values().flat_map(|d| &d.toolkits) {
            let total = secs.entry(name.as_str()).or_default();
            *total = total.saturating_add(*spent);
        }
        secs.into_iter()
            .map(|(name, s)| (name.to_owned(), s))
            .collect()
    }

    fn count_read(&self, ids: &[&str]) -> usize {
        let is_read = |id: &&&str| self.status(id) != ReadStatus::Unread;
        ids.iter().filter(is_read).count()
    }

    fn revisit(&self, id: &str) -> Option<Revisit> {
        let record = self.records.sections.get(id).filter(|r| r.sessions >= 2)?;
        Some(Revisit {
            id: id.to_owned(),
            sessions: record.sessions,
            first_read: record.first_read,
            last_read: record.last_read,
        })
    }

    fn day_counts(&self) -> Vec<DayCount> {
        self.records
            .days
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
            .filter_map(|id| {
                self.records
                    .sections
                    .get(*id)
                    .map(|record| (*id, record.last_read))
            })
            .min_by_key(|(id, last_read)| (!prefer(id), *last_read))
            .map(|(id, _)| id)
    }

    /// Ids with records that are not in `known` (the current toolkit). They
    /// are kept in the file and shown as "no longer in this toolkit".
    pub fn orphans(&self, known: &[&str]) -> Vec<&str> {
        let known: BTreeSet<&str> = known.iter().copied().collect();
        self.records
            .sections
            .keys()
            .map(String::as_str)
            .filter(|id| !known.contains(id))
            .collect()
    }
}
