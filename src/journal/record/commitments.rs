//! Commitments: what a person said they will do ("I will …"), when to ask
//! how it went, and their answers (check-ins) over time.
//!
//! Each commitment has a stable id (its key in [`Journal::commitments`]),
//! made from when it was made and its words, so two copies of the app and an
//! import can tell one commitment from another.
//!
//! Merge rules (the never-lose rules notes follow):
//!
//! - **Same id, same words: one commitment, everything kept.** Check-ins and
//!   "ask again" dates are united (never dropped, never doubled); the
//!   earliest `made_at` and review date stay; letting go holds once either
//!   version let go, and never erases a word.
//! - **Same id, different words** (a damaged or hand-made file): both are
//!   kept, the incoming one under an id of its own.
//!
//! A session records the commitments it made or changed whole, in its
//! [`super::Delta`]; applying them is a merge, so re-applying one is harmless
//! and one made in another copy meanwhile is never lost.

use std::collections::BTreeMap;

use jiff::Timestamp;
use jiff::civil::Date;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use super::Journal;

/// How many days after it is made a commitment is reviewed, unless the
/// person says otherwise.
pub const REVIEW_IN_DAYS: u16 = 14;
/// How many days "not yet, ask me in a week" puts the question off.
pub const ASK_AGAIN_IN_DAYS: u16 = 7;

/// Something the person said they will do, with their answers since.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Commitment {
    /// The words, as written ("I will …").
    pub text: String,
    /// The id of the section it came from, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub section: Option<String>,
    /// When it was made.
    pub made_at: Timestamp,
    /// The local day to ask how it went.
    pub review_on: Date,
    /// When the person let it go (`None`: it is open). Letting go keeps
    /// every word; it only stops the asking.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub let_go: Option<Timestamp>,
    /// The answers to "How did it go?", oldest first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub check_ins: Vec<CheckIn>,
    /// Each "not yet, ask me again" and the day it asked for, oldest first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub ask_again: Vec<AskAgain>,
    /// Fields from a newer writer, kept on save.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// One answer to "How did it go?".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CheckIn {
    /// When it was written.
    pub at: Timestamp,
    /// The answer, as written.
    pub text: String,
    /// Fields from a newer writer, kept on save.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// "Not yet, ask me again": when that was said and the day to ask.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AskAgain {
    /// When the person put the question off.
    pub asked: Timestamp,
    /// The local day to ask again.
    pub on: Date,
    /// Fields from a newer writer, kept on save.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// Where a commitment stands on a given day, for lists and the question at
/// start-up.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Standing {
    /// Waiting for its review day.
    Open {
        /// The day it will be asked about.
        review_on: Date,
    },
    /// Its review day has come and there is no answer since it was set.
    Due {
        /// The day it became due.
        since: Date,
    },
    /// Answered since its review was last set.
    Answered,
    /// Let go by the person.
    LetGo,
}

impl Standing {
    /// The standing in a word or two, for plain lists and JSON.
    pub fn word(self) -> &'static str {
        match self {
            Standing::Open { .. } => "open",
            Standing::Due { .. } => "due",
            Standing::Answered => "answered",
            Standing::LetGo => "let go",
        }
    }
}

/// How an incoming commitment merged with the journal's.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CommitmentMerge {
    /// It was not here: added.
    Added,
    /// The same commitment, with check-ins or dates new here.
    Merged,
    /// The same commitment with nothing new.
    Unchanged,
    /// A different commitment under the same id: both kept.
    KeptBoth,
}

/// The same words give the same number on every computer (FNV-1a), for ids.
fn fingerprint(text: &str) -> u32 {
    text.bytes().fold(0x811c_9dc5, |hash: u32, byte| {
        (hash ^ u32::from(byte)).wrapping_mul(0x0100_0193)
    })
}

/// `day` moved on by `days`, or the last day there is.
pub fn days_after(day: Date, days: u16) -> Date {
    day.checked_add(jiff::Span::new().days(i64::from(days)))
        .unwrap_or(Date::MAX)
}

impl Commitment {
    /// A new open commitment made at `made_at`, to review on `review_on`.
    /// The words are kept as given, trimmed.
    pub fn new(text: &str, section: Option<&str>, made_at: Timestamp, review_on: Date) -> Self {
        Commitment {
            text: text.trim().to_owned(),
            section: section.map(str::to_owned),
            made_at,
            review_on,
            let_go: None,
            check_ins: Vec::new(),
            ask_again: Vec::new(),
            extra: Map::new(),
        }
    }

    /// Its id: when it was made and a fingerprint of its words, the same
    /// wherever it is computed.
    pub fn id(&self) -> String {
        format!(
            "{}-{:08x}",
            self.made_at.as_second(),
            fingerprint(&self.text)
        )
    }

    /// When its review was last set and the day it is for: at making, or
    /// the latest "ask me again".
    pub fn scheduled(&self) -> (Timestamp, Date) {
        self.ask_again
            .iter()
            .map(|again| (again.asked, again.on))
            .fold((self.made_at, self.review_on), |latest, next| {
                if (next.1, next.0) > (latest.1, latest.0) {
                    next
                } else {
                    latest
                }
            })
    }

    /// Where it stands on `today` (see [`Standing`]).
    pub fn standing(&self, today: Date) -> Standing {
        if self.let_go.is_some() {
            return Standing::LetGo;
        }
        let (set_at, on) = self.scheduled();
        if self.check_ins.iter().any(|check| check.at >= set_at) {
            Standing::Answered
        } else if today >= on {
            Standing::Due { since: on }
        } else {
            Standing::Open { review_on: on }
        }
    }

    /// Adds an answer written at `at`; blank text adds nothing (false).
    pub fn check_in(&mut self, text: &str, at: Timestamp) -> bool {
        let text = text.trim();
        if text.is_empty() {
            return false;
        }
        self.add_check_in(CheckIn {
            at,
            text: text.to_owned(),
            extra: Map::new(),
        });
        true
    }

    /// Puts the question off until `on`, as asked at `at`.
    pub fn ask_again_on(&mut self, on: Date, at: Timestamp) {
        self.add_ask_again(AskAgain {
            asked: at,
            on,
            extra: Map::new(),
        });
    }

    /// Lets it go at `at` (if it was not already); its words stay.
    pub fn let_it_go(&mut self, at: Timestamp) {
        self.let_go.get_or_insert(at);
    }

    fn add_check_in(&mut self, check: CheckIn) {
        let same = |c: &CheckIn| c.at == check.at && c.text == check.text;
        if !self.check_ins.iter().any(same) {
            self.check_ins.push(check);
            self.check_ins
                .sort_by(|a, b| a.at.cmp(&b.at).then(a.text.cmp(&b.text)));
        }
    }

    fn add_ask_again(&mut self, again: AskAgain) {
        let same = |a: &AskAgain| a.asked == again.asked && a.on == again.on;
        if !self.ask_again.iter().any(same) {
            self.ask_again.push(again);
            self.ask_again.sort_by_key(|a| (a.asked, a.on));
        }
    }

    /// Takes in another version of the same commitment: everything either
    /// holds is kept (see the module docs).
    fn absorb(&mut self, other: &Commitment) {
        self.made_at = self.made_at.min(other.made_at);
        self.review_on = self.review_on.min(other.review_on);
        if self.section.is_none() {
            self.section.clone_from(&other.section);
        }
        self.let_go = match (self.let_go, other.let_go) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        };
        for check in &other.check_ins {
            self.add_check_in(check.clone());
        }
        for again in &other.ask_again {
            self.add_ask_again(again.clone());
        }
        for (key, value) in &other.extra {
            if !self.extra.contains_key(key) {
                self.extra.insert(key.clone(), value.clone());
            }
        }
    }
}

impl Journal {
    /// Commitments in the order they were made (then by id), numbered from
    /// 1 in that order by `allyship commitments` and `check-in N`.
    pub fn commitments_in_order(&self) -> Vec<(&str, &Commitment)> {
        let mut all: Vec<(&str, &Commitment)> = self
            .commitments
            .iter()
            .map(|(id, c)| (id.as_str(), c))
            .collect();
        all.sort_by(|a, b| a.1.made_at.cmp(&b.1.made_at).then(a.0.cmp(b.0)));
        all
    }

    /// Commitments whose review day has come by `today` with no answer
    /// since, in the order they were made: asked about when the app opens.
    pub fn due_commitments(&self, today: Date) -> Vec<(&str, &Commitment)> {
        let mut due = self.commitments_in_order();
        due.retain(|(_, c)| matches!(c.standing(today), Standing::Due { .. }));
        due
    }

    /// Merges one commitment by the module's rules (an import, or a
    /// session's new or changed commitment) and says what happened.
    pub fn merge_commitment(&mut self, id: &str, incoming: &Commitment) -> CommitmentMerge {
        merge_into(&mut self.commitments, id, incoming, 0)
    }
}

fn merge_into(
    all: &mut BTreeMap<String, Commitment>,
    id: &str,
    incoming: &Commitment,
    depth: u8,
) -> CommitmentMerge {
    match all.get_mut(id) {
        None => {
            all.insert(id.to_owned(), incoming.clone());
            if depth == 0 {
                CommitmentMerge::Added
            } else {
                CommitmentMerge::KeptBoth
            }
        }
        Some(here) if here.text == incoming.text => {
            let before = here.clone();
            here.absorb(incoming);
            if *here == before {
                CommitmentMerge::Unchanged
            } else {
                CommitmentMerge::Merged
            }
        }
        // Two different commitments under one id: the incoming one gets an
        // id of its own (the same each time, so importing twice adds it once).
        Some(_) if depth < 4 => {
            let other = format!("{id}-{:08x}", fingerprint(&incoming.text));
            merge_into(all, &other, incoming, depth + 1)
        }
        Some(_) => {
            let mut n = 2u32;
            while all.contains_key(&format!("{id}-{n}")) {
                n = n.saturating_add(1);
            }
            all.insert(format!("{id}-{n}"), incoming.clone());
            CommitmentMerge::KeptBoth
        }
    }
}

mod changes;
pub use changes::CommitmentChange;

#[cfg(test)]
mod tests;
