//! Commitments in the learning record: which belong to a period, and how
//! they are shown under "How it will change my practice" (in the person's
//! own words, with what they said when asked how it went).

use std::collections::BTreeMap;

use jiff::Timestamp;
use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use super::Period;
use crate::journal::record::{Commitment, Journal, local_day};
use crate::toolkit::content::Toolkit;

/// One commitment as the record shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CommitmentEntry {
    /// Its id in the journal.
    pub id: String,
    /// The words, as written ("I will …").
    pub text: String,
    /// The section it came from: its title (or "No longer in this toolkit
    /// (id)"), if it came from one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub section_title: Option<String>,
    /// When it was made.
    pub made_at: Timestamp,
    /// The day it is (or was) to be reviewed, after any "ask me again".
    pub review_on: Date,
    /// Where it stood when the record was made: open, due, answered or let go.
    pub status: String,
    /// When it was let go, if that was the latest decision on it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub let_go: Option<Timestamp>,
    /// The answers to "How did it go?" written in the period, oldest first.
    #[serde(default)]
    pub check_ins: Vec<CheckInEntry>,
}

/// One answer, as the record shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CheckInEntry {
    /// When it was written.
    pub at: Timestamp,
    /// The answer, as written.
    pub text: String,
}

/// Whether anything about a commitment happened in `period`: made, answered,
/// put off or let go.
fn in_period(commitment: &Commitment, period: &Period) -> bool {
    let times = std::iter::once(commitment.made_at)
        .chain(commitment.let_go_times())
        .chain(commitment.check_ins.iter().map(|c| c.at))
        .chain(commitment.ask_again.iter().map(|a| a.asked));
    times.map(local_day).any(|day| period.contains(day))
}

/// The journal's commitments that belong in a record for `period`, whole
/// (every check-in, for a lossless import).
pub(super) fn select(journal: &Journal, period: &Period) -> BTreeMap<String, Commitment> {
    journal
        .records
        .commitments
        .iter()
        .filter(|(_, c)| in_period(c, period))
        .map(|(id, c)| (id.clone(), c.clone()))
        .collect()
}

/// The entries for the record, in the order they were made, with the
/// check-ins written in `period`; `now` says where each stands.
pub(super) fn entries(
    toolkit: &Toolkit,
    selected: &BTreeMap<String, Commitment>,
    period: &Period,
    now: Timestamp,
) -> Vec<CommitmentEntry> {
    let today = local_day(now);
    let mut entries: Vec<CommitmentEntry> = selected
        .iter()
        .map(|(id, c)| CommitmentEntry {
            id: id.clone(),
            text: c.text.clone(),
            section_title: c.section.as_deref().map(|section| {
                toolkit
                    .entries()
                    .find(|e| e.section.id == section)
                    .map_or_else(
                        || super::missing_title(section),
                        |e| e.section.title.clone(),
                    )
            }),
            made_at: c.made_at,
            review_on: c.scheduled(today).1,
            status: c.standing(today).word().to_owned(),
            let_go: c.let_go_on(today),
            check_ins: c
                .check_ins
                .iter()
                .filter(|check| period.contains(local_day(check.at)))
                .map(|check| CheckInEntry {
                    at: check.at,
                    text: check.text.clone(),
                })
                .collect(),
        })
        .collect();
    entries.sort_by(|a, b| a.made_at.cmp(&b.made_at).then(a.id.cmp(&b.id)));
    entries
}

/// Where a commitment stood, in words for the record ("answered", "due for
/// review since 3 November 2026").
pub(super) fn standing_words(entry: &CommitmentEntry, date: impl Fn(Date) -> String) -> String {
    match entry.status.as_str() {
        "due" => format!("due for review since {}", date(entry.review_on)),
        "open" => format!("to review on {}", date(entry.review_on)),
        "let go" => match entry.let_go {
            Some(at) => format!("let go on {}", date(local_day(at))),
            None => "let go".to_owned(),
        },
        other => other.to_owned(),
    }
}

#[cfg(test)]
mod tests;
