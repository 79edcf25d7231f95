//! Practice scenarios: which option a person chose on each, and how a
//! choice merges with one saved by another copy of the app or imported.
//!
//! Merge rule, per scenario (section id): **the newer choice wins.** A
//! choice is a pick from the scenario's options, not words the person
//! wrote, so an older pick is replaced rather than kept aside: choosing
//! again is how a person changes their mind, and the latest pick is the
//! one they meant. As for bookmarks, a time more than a day after the
//! other choice (or after now, on import) is [`suspect`]: a clock that ran
//! ahead never keeps a choice by being late. The same option chosen twice
//! keeps the later time. Old journals without choices load with none.

use jiff::Timestamp;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use super::{Journal, Session, suspect};
use crate::toolkit::content::Section;

/// The option a person chose on a practice scenario, and when.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Chosen {
    /// The option's number as shown, from 1.
    pub option: u32,
    /// When it was chosen.
    pub chosen_at: Timestamp,
    /// Fields from a newer writer, kept on save.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl Chosen {
    /// Option `option` (from 1) chosen at `at`.
    pub fn new(option: u32, at: Timestamp) -> Self {
        Chosen {
            option,
            chosen_at: at,
            extra: Map::new(),
        }
    }
}

/// How one incoming choice merged with the journal's for the same scenario.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum ChoiceMerge {
    /// There was none: the incoming one was added.
    Added,
    /// The incoming choice was newer and replaced the one here.
    Updated,
    /// The choice here was newer (or the same) and stayed.
    Kept,
}

impl Journal {
    /// Merges a choice on scenario `id` by the module's rule: the newer
    /// wins, a time suspectly far after `now` never wins by being late.
    pub(crate) fn merge_choice(
        &mut self,
        id: &str,
        incoming: &Chosen,
        now: Timestamp,
    ) -> ChoiceMerge {
        let Some(current) = self.records.choices.get_mut(id) else {
            self.records.choices.insert(id.to_owned(), incoming.clone());
            return ChoiceMerge::Added;
        };
        let rank = |c: &Chosen| (!suspect(c.chosen_at, now), c.chosen_at);
        if rank(incoming) > rank(current) {
            let extra = std::mem::take(&mut current.extra);
            *current = incoming.clone();
            for (key, value) in extra {
                current.extra.entry(key).or_insert(value);
            }
            ChoiceMerge::Updated
        } else {
            ChoiceMerge::Kept
        }
    }

    /// The option chosen on scenario `id`, from 1, if any.
    pub fn chosen(&self, id: &str) -> Option<usize> {
        let option = self.records.choices.get(id)?.option;
        usize::try_from(option).ok().filter(|n| *n > 0)
    }

    /// The option chosen on `section` (from 1), if it is a practice scenario
    /// that still has that option: the one rule the reader's highlight and
    /// the count of scenarios worked through share. A choice kept from
    /// another version of the toolkit, or edited by hand, is not one.
    pub fn chosen_option(&self, section: &Section) -> Option<usize> {
        let count = section.choice.as_ref()?.options.len();
        self.chosen(&section.id).filter(|n| *n <= count)
    }
}

impl Session {
    /// Records that the person chose option `option` (from 1) on scenario
    /// `section` at `now`; written by the next save.
    pub fn choose(&mut self, section: &str, option: u32, now: Timestamp) {
        self.pending
            .choices
            .insert(section.to_owned(), Chosen::new(option, now));
    }
}

#[cfg(test)]
mod tests {
    use super::super::Delta;
    use super::*;

    fn ts(secs: i64) -> Timestamp {
        Timestamp::from_second(1_700_000_000 + secs).unwrap()
    }

    fn saved(disk: &mut Journal, session: &mut Session) {
        disk.apply(&session.pending, &session.id);
        session.pending.mark_saved();
    }

    #[test]
    fn a_choice_is_saved_once_and_comes_back() {
        let mut disk = Journal::new();
        let mut s = Session::new("s");
        s.choose("scenario-a", 2, ts(10));
        assert!(s.pending.has_unsaved());
        saved(&mut disk, &mut s);
        assert!(!s.pending.has_unsaved());
        assert_eq!(disk.chosen("scenario-a"), Some(2));
        assert_eq!(disk.records.choices["scenario-a"].chosen_at, ts(10));
        assert_eq!(disk.chosen("scenario-b"), None);
        let text = serde_json::to_string(&disk).unwrap();
        assert!(
            text.contains(r#""choices":{"scenario-a":{"option":2,"chosen_at":"#),
            "{text}"
        );
        let back: Journal = serde_json::from_str(&text).unwrap();
        assert_eq!(back, disk);
    }

    #[test]
    fn the_newer_choice_wins_whichever_copy_saves_last() {
        let mut disk = Journal::new();
        let (mut a, mut b) = (Session::new("A"), Session::new("B"));
        b.choose("x", 3, ts(20));
        a.choose("x", 1, ts(10));
        saved(&mut disk, &mut b);
        saved(&mut disk, &mut a);
        assert_eq!(
            disk.chosen("x"),
            Some(3),
            "the older pick saved later loses"
        );
        a.choose("x", 4, ts(30));
        saved(&mut disk, &mut a);
        assert_eq!(disk.chosen("x"), Some(4));
        // The same option again keeps the later time.
        b.choose("x", 4, ts(40));
        saved(&mut disk, &mut b);
        assert_eq!(disk.records.choices["x"].chosen_at, ts(40));
    }

    #[test]
    fn a_choice_dated_far_in_the_future_does_not_stick() {
        let mut disk = Journal::new();
        let mut ahead = Session::new("ahead");
        ahead.choose("x", 1, ts(10 * 24 * 3600));
        saved(&mut disk, &mut ahead);
        let mut now = Session::new("now");
        now.choose("x", 2, ts(60));
        saved(&mut disk, &mut now);
        assert_eq!(disk.chosen("x"), Some(2));
    }

    #[test]
    fn old_journals_load_without_choices_and_unknown_fields_survive() {
        let old = r#"{"version":1,"sections":{},"days":{}}"#;
        let journal: Journal = serde_json::from_str(old).unwrap();
        assert!(journal.records.choices.is_empty());
        assert!(!serde_json::to_string(&journal).unwrap().contains("choices"));
        let newer = r#"{"version":1,"choices":{"x":{"option":2,
            "chosen_at":"2026-01-01T10:00:00Z","confidence":"unsure"}}}"#;
        let mut journal: Journal = serde_json::from_str(newer).unwrap();
        assert_eq!(journal.chosen("x"), Some(2));
        let later = Chosen::new(3, "2026-01-02T10:00:00Z".parse().unwrap());
        journal.merge_choice("x", &later, later.chosen_at);
        let text = serde_json::to_string(&journal).unwrap();
        assert!(text.contains(r#""confidence":"unsure""#), "{text}");
        assert_eq!(journal.chosen("x"), Some(3));
    }

    #[test]
    fn two_copies_saving_through_the_store_keep_the_newer_choice_and_the_rest() {
        let dir = tempfile::tempdir().unwrap();
        let (mut a, _, _) = crate::journal::store::Store::open(dir.path().to_path_buf());
        let (mut b, _, _) = crate::journal::store::Store::open(dir.path().to_path_buf());
        let (mut first, mut second) = (Session::new("A"), Session::new("B"));
        first.choose("x", 1, ts(10));
        first.choose("y", 3, ts(10));
        second.choose("x", 2, ts(20));
        second.set_note("x", "why I chose 2", ts(20));
        assert!(b.save(&mut second).unwrap().written);
        let saved = a.save(&mut first).unwrap();
        assert!(saved.written);
        let (_, disk, _) = crate::journal::store::Store::open(dir.path().to_path_buf());
        assert_eq!((disk.chosen("x"), disk.chosen("y")), (Some(2), Some(3)));
        assert_eq!(disk.records.notes["x"].text, "why I chose 2");
        assert_eq!(saved.journal, disk);
    }

    #[test]
    fn an_option_of_zero_counts_as_no_choice() {
        let mut journal = Journal::new();
        journal
            .records
            .choices
            .insert("x".into(), Chosen::new(0, ts(0)));
        assert_eq!(journal.chosen("x"), None);
        assert_eq!(Delta::default().choices.len(), 0);
    }
}
