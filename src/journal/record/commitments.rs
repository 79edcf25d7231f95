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
//!   "ask again" dates are united (never dropped, never doubled), and so
//!   are the times it was let go; the earliest `made_at` and review date
//!   stay. Letting go never erases a word.
//! - **Same id, different words** (a damaged or hand-made file): both are
//!   kept, the incoming one under an id of its own.
//!
//! Where it stands follows the person's **latest decision**, by its time:
//! a "not yet" said after letting go brings it back, to be asked on the day
//! asked for; letting go after a "not yet" lets it go again. Both decisions
//! stay on disk; only the standing is derived. As for notes and choices, a
//! time dated after tomorrow (a clock that ran ahead, see
//! [`super::suspect`]) never wins by being late, so it cannot freeze a
//! commitment: it counts as earlier than any decision dated sensibly.
//!
//! A session records the commitments it made or changed whole, in its
//! [`super::Delta`]; applying them is a merge, so re-applying one is harmless
//! and one made in another copy meanwhile is never lost.

use std::collections::BTreeMap;

use jiff::Timestamp;
use jiff::civil::Date;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use super::{Journal, local_day};

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
    /// When the person first let it go (`None`: never). Letting go keeps
    /// every word; it only stops the asking, until a later "not yet".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub let_go: Option<Timestamp>,
    /// Each later letting go (after a "not yet" brought it back), oldest
    /// first: kept so that the latest decision can stand.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub let_go_again: Vec<Timestamp>,
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

/// How late a decision counts as, on `today`: one dated after tomorrow (a
/// clock that ran ahead) counts as earlier than any dated sensibly, so it
/// never stands by being late.
fn lateness(at: Timestamp, today: Date) -> (bool, Timestamp) {
    (local_day(at) <= days_after(today, 1), at)
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
            let_go_again: Vec::new(),
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

    /// When its review was last set and the day it is for, as judged on
    /// `today`: at making, or the latest "ask me again" (see [`lateness`]).
    pub fn scheduled(&self, today: Date) -> (Timestamp, Date) {
        self.ask_again
            .iter()
            .map(|again| (again.asked, again.on))
            .fold((self.made_at, self.review_on), |latest, next| {
                let late = |(at, on): (Timestamp, Date)| (lateness(at, today), on);
                if late(next) > late(latest) {
                    next
                } else {
                    latest
                }
            })
    }

    /// Every time it was let go, oldest first.
    pub fn let_go_times(&self) -> impl Iterator<Item = Timestamp> + '_ {
        self.let_go
            .into_iter()
            .chain(self.let_go_again.iter().copied())
    }

    /// When it was let go, if letting go is the latest decision on it as
    /// judged on `today` (no "not yet" since): the time lists show.
    pub fn let_go_on(&self, today: Date) -> Option<Timestamp> {
        let latest = self.let_go_times().max_by_key(|at| lateness(*at, today))?;
        let brought_back = self
            .ask_again
            .iter()
            .any(|again| lateness(again.asked, today) > lateness(latest, today));
        (!brought_back).then_some(latest)
    }

    /// Where it stands on `today` (see [`Standing`]): let go, unless a "not
    /// yet" came later; answered once an answer came after its review was
    /// last set (an answer given with that "not yet" does not count).
    pub fn standing(&self, today: Date) -> Standing {
        if self.let_go_on(today).is_some() {
            return Standing::LetGo;
        }
        let (set_at, on) = self.scheduled(today);
        let set = lateness(set_at, today);
        if self
            .check_ins
            .iter()
            .any(|check| lateness(check.at, today) > set)
        {
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

    /// Lets it go at `at`, unless it already stands let go (at a time not
    /// ahead of `at`); its words stay.
    pub fn let_it_go(&mut self, at: Timestamp) {
        let today = local_day(at);
        let standing = self.let_go_on(today);
        if standing.is_some_and(|since| lateness(since, today).0) {
            return;
        }
        let times: Vec<Timestamp> = self.let_go_times().chain([at]).collect();
        self.set_let_go_times(times);
    }

    /// Keeps `times` as the times it was let go: the first in `let_go`,
    /// the rest, sorted and each once, in `let_go_again`.
    fn set_let_go_times(&mut self, mut times: Vec<Timestamp>) {
        times.sort_unstable();
        times.dedup();
        let mut times = times.into_iter();
        self.let_go = times.next();
        self.let_go_again = times.collect();
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
        let times: Vec<Timestamp> = self.let_go_times().chain(other.let_go_times()).collect();
        self.set_let_go_times(times);
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
            .records
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

    /// The number (from 1, as `allyship commitments` lists them) of a
    /// commitment still open or due on `today` with the same words as
    /// `text` (case and spacing aside): making it again keeps one, not two.
    pub fn open_commitment_like(&self, text: &str, today: Date) -> Option<usize> {
        let words = |t: &str| {
            t.split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
                .to_lowercase()
        };
        let wanted = words(text);
        self.commitments_in_order()
            .iter()
            .position(|(_, c)| {
                matches!(
                    c.standing(today),
                    Standing::Open { .. } | Standing::Due { .. }
                ) && words(&c.text) == wanted
            })
            .map(|n| n + 1)
    }

    /// Takes commitment `id` out, with its check-ins, and gives it back
    /// (so its words can be shown or put back): `commitments --remove N`
    /// and the journal window's `d` both remove through here.
    pub fn remove_commitment(&mut self, id: &str) -> Option<Commitment> {
        self.records.commitments.remove(id)
    }

    /// Merges one commitment by the module's rules (an import, or a
    /// session's new or changed commitment) and says what happened.
    pub fn merge_commitment(&mut self, id: &str, incoming: &Commitment) -> CommitmentMerge {
        merge_into(&mut self.records.commitments, id, incoming, 0)
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
mod latest_tests;
#[cfg(test)]
mod tests;
