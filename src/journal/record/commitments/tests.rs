//! Commitments: standing on a day, merges that keep both versions and
//! unite check-ins, sessions saving in turn, and old journals loading.

use super::*;
use crate::journal::record::{Delta, Session};
use jiff::civil::date;

fn ts(secs: i64) -> Timestamp {
    Timestamp::from_second(1_700_000_000 + secs).expect("valid timestamp")
}

const DAY: i64 = 86_400;

fn made() -> Commitment {
    // 1_700_000_000 is 14 November 2023.
    Commitment::new(
        "  I will ask how to say a name before I use it ",
        Some("tip-listen-actively"),
        ts(0),
        date(2023, 11, 28),
    )
}

#[test]
fn the_id_is_the_same_wherever_it_is_made_and_differs_with_the_words() {
    let a = made();
    assert_eq!(a.text, "I will ask how to say a name before I use it");
    assert_eq!(a.id(), made().id());
    let mut other = made();
    other.text.push('!');
    assert_ne!(a.id(), other.id());
    assert!(a.id().starts_with("1700000000-"), "{}", a.id());
}

#[test]
fn open_then_due_then_answered_and_let_go() {
    let mut c = made();
    let review_on = date(2023, 11, 28);
    assert_eq!(c.standing(date(2023, 11, 27)), Standing::Open { review_on });
    assert_eq!(c.standing(review_on), Standing::Due { since: review_on });
    assert!(!c.check_in("   ", ts(14 * DAY)), "blank adds nothing");
    assert!(c.check_in("It went well: Ngozi thanked me.", ts(14 * DAY)));
    assert_eq!(c.standing(date(2024, 1, 1)), Standing::Answered);
    c.let_it_go(ts(20 * DAY));
    c.let_it_go(ts(30 * DAY));
    assert_eq!(c.let_go, Some(ts(20 * DAY)), "the first letting go stays");
    assert_eq!(c.standing(date(2024, 1, 1)), Standing::LetGo);
    assert_eq!(c.check_ins.len(), 1, "letting go erases nothing");
    assert_eq!(Standing::LetGo.word(), "let go");
}

#[test]
fn not_yet_puts_the_question_off_and_an_answer_after_it_counts() {
    let mut c = made();
    // Answered early, before the review day: that counts as answered.
    let mut early = c.clone();
    early.check_in("Tried it once already.", ts(DAY));
    assert_eq!(early.standing(date(2023, 12, 1)), Standing::Answered);
    // "Not yet" on the review day: open until a week later, then due.
    let in_a_week = days_after(date(2023, 11, 28), ASK_AGAIN_IN_DAYS);
    assert_eq!(in_a_week, date(2023, 12, 5));
    c.ask_again_on(in_a_week, ts(14 * DAY));
    assert_eq!(
        c.standing(date(2023, 12, 4)),
        Standing::Open {
            review_on: in_a_week
        }
    );
    assert_eq!(c.standing(in_a_week), Standing::Due { since: in_a_week });
    // An answer from before the question was put off does not count.
    let mut before = c.clone();
    before.check_ins.push(CheckIn {
        at: ts(13 * DAY),
        text: "old".into(),
        extra: Map::new(),
    });
    assert!(matches!(before.standing(in_a_week), Standing::Due { .. }));
    c.check_in("Done now.", ts(21 * DAY));
    assert_eq!(c.standing(in_a_week), Standing::Answered);
    assert_eq!(days_after(Date::MAX, 7), Date::MAX, "never overflows");
}

#[test]
fn two_versions_of_one_commitment_unite_their_check_ins() {
    let base = made();
    let id = base.id();
    let mut here = base.clone();
    here.check_in("At home: went well.", ts(14 * DAY));
    let mut there = base.clone();
    there.check_in("At work: I forgot once.", ts(15 * DAY));
    there.ask_again_on(date(2023, 12, 20), ts(15 * DAY));
    let mut journal = Journal::new();
    assert_eq!(journal.merge_commitment(&id, &here), CommitmentMerge::Added);
    assert_eq!(
        journal.merge_commitment(&id, &there),
        CommitmentMerge::Merged
    );
    assert_eq!(
        journal.merge_commitment(&id, &there),
        CommitmentMerge::Unchanged,
        "merging again adds nothing twice"
    );
    let kept = &journal.records.commitments[&id];
    let texts: Vec<&str> = kept.check_ins.iter().map(|c| c.text.as_str()).collect();
    assert_eq!(texts, ["At home: went well.", "At work: I forgot once."]);
    assert_eq!(kept.ask_again.len(), 1);
    // Either order gives the same commitment.
    let mut other_way = Journal::new();
    other_way.merge_commitment(&id, &there);
    other_way.merge_commitment(&id, &here);
    assert_eq!(other_way.records.commitments, journal.records.commitments);
}

#[test]
fn letting_go_in_one_copy_keeps_the_check_ins_of_the_other() {
    let base = made();
    let id = base.id();
    let mut gone = base.clone();
    gone.let_it_go(ts(15 * DAY));
    let mut answered = base.clone();
    answered.check_in("It went well.", ts(16 * DAY));
    let mut journal = Journal::new();
    journal.merge_commitment(&id, &answered);
    journal.merge_commitment(&id, &gone);
    let kept = &journal.records.commitments[&id];
    assert_eq!(kept.let_go, Some(ts(15 * DAY)));
    assert_eq!(kept.check_ins.len(), 1);
    assert_eq!(kept.text, base.text);
}

#[test]
fn different_words_under_one_id_are_both_kept_once() {
    let mine = made();
    let id = mine.id();
    let mut theirs = made();
    theirs.text = "I will say something next time".into();
    let mut journal = Journal::new();
    journal.merge_commitment(&id, &mine);
    assert_eq!(
        journal.merge_commitment(&id, &theirs),
        CommitmentMerge::KeptBoth
    );
    assert_eq!(
        journal.merge_commitment(&id, &theirs),
        CommitmentMerge::Unchanged,
        "importing the same file again adds it once"
    );
    let texts: Vec<&str> = journal
        .commitments_in_order()
        .iter()
        .map(|(_, c)| c.text.as_str())
        .collect();
    assert_eq!(texts.len(), 2, "{texts:?}");
    assert!(texts.contains(&mine.text.as_str()));
    assert!(texts.contains(&theirs.text.as_str()));
    assert_eq!(
        journal.records.commitments[&id].text, mine.text,
        "the one here stays"
    );
}

/// Two copies of the app, each with its own check-in, save in turn to the
/// same "disk": both answers are there, whichever saves last.
#[test]
fn two_copies_checking_in_lose_nothing() {
    let base = made();
    let id = base.id();
    let mut disk = Journal::new();
    let mut maker = Session::new("maker");
    maker.keep_commitment(&id, &base);
    disk.apply(&maker.pending, &maker.id);
    let (mut a, mut b) = (Session::new("A"), Session::new("B"));
    let mut in_a = disk.records.commitments[&id].clone();
    in_a.check_in("From A", ts(14 * DAY));
    a.keep_commitment(&id, &in_a);
    let mut in_b = disk.records.commitments[&id].clone();
    in_b.check_in("From B", ts(14 * DAY + 60));
    in_b.let_it_go(ts(14 * DAY + 61));
    b.keep_commitment(&id, &in_b);
    assert!(a.pending.has_unsaved());
    disk.apply(&b.pending, &b.id);
    b.pending.mark_saved();
    disk.apply(&a.pending, &a.id);
    disk.apply(&a.pending, &a.id);
    a.pending.mark_saved();
    assert_eq!(a.pending, Delta::default(), "a save clears them");
    let kept = &disk.records.commitments[&id];
    assert_eq!(kept.check_ins.len(), 2, "{kept:?}");
    assert!(kept.let_go.is_some());
}

#[test]
fn due_ones_come_in_the_order_they_were_made() {
    let mut journal = Journal::new();
    let first = Commitment::new("I will first", None, ts(10), date(2023, 11, 20));
    let second = Commitment::new("I will second", None, ts(5), date(2023, 11, 21));
    let later = Commitment::new("I will later", None, ts(1), date(2024, 6, 1));
    for c in [&first, &second, &later] {
        journal.merge_commitment(&c.id(), c);
    }
    let due: Vec<&str> = journal
        .due_commitments(date(2023, 12, 1))
        .iter()
        .map(|(_, c)| c.text.as_str())
        .collect();
    assert_eq!(due, ["I will second", "I will first"]);
    let all = journal.commitments_in_order();
    assert_eq!(
        all.first().map(|(_, c)| c.text.as_str()),
        Some("I will later")
    );
}

#[test]
fn a_journal_from_before_commitments_loads_and_saves_without_them() {
    let old = r#"{"version":1,"sections":{},"days":{},
        "notes":{"a":{"text":"t","created":"2026-01-01T10:00:00Z","changed":"2026-01-01T10:00:00Z"}}}"#;
    let journal: Journal = serde_json::from_str(old).unwrap();
    assert!(journal.records.commitments.is_empty());
    let saved = serde_json::to_string(&journal).unwrap();
    assert!(!saved.contains("commitments"), "{saved}");
}

#[test]
fn commitments_round_trip_with_unknown_fields_at_every_level() {
    let text = r#"{"version":1,
      "commitments":{"1700000000-0badf00d":{
        "text":"I will listen first","section":"tip-listen-actively",
        "made_at":"2023-11-14T22:13:20Z","review_on":"2023-11-28",
        "mood":12345678901234567890123,
        "check_ins":[{"at":"2023-11-28T09:00:00Z","text":"ok","place":"office"}],
        "ask_again":[{"asked":"2023-11-28T09:00:00Z","on":"2023-12-05","why":"busy"}]}}}"#;
    let journal: Journal = serde_json::from_str(text).unwrap();
    let kept = &journal.records.commitments["1700000000-0badf00d"];
    assert_eq!(kept.check_ins[0].text, "ok");
    assert_eq!(kept.ask_again[0].on, date(2023, 12, 5));
    let saved = serde_json::to_string(&journal).unwrap();
    for field in [
        "12345678901234567890123",
        r#""place":"office""#,
        r#""why":"busy""#,
    ] {
        assert!(saved.contains(field), "{field} in {saved}");
    }
    let back: Journal = serde_json::from_str(&saved).unwrap();
    assert_eq!(back, journal);
}

#[test]
fn changes_asked_for_in_the_app_are_carried_out_for_the_next_save() {
    let mut journal = Journal::new();
    let mut session = Session::new("app");
    let make = CommitmentChange::Make {
        text: "I will listen first".into(),
        section: Some("tip-listen-actively".into()),
        review_on: date(2023, 11, 28),
    };
    let blank = CommitmentChange::Make {
        text: "  ".into(),
        section: None,
        review_on: date(2023, 11, 28),
    };
    assert_eq!(session.change_commitment(&journal, &blank, ts(0)), None);
    let id = session
        .change_commitment(&journal, &make, ts(0))
        .expect("made");
    // Not saved yet: the answer is made on the session's own version.
    let answer = CommitmentChange::CheckIn {
        id: id.clone(),
        text: "It went well".into(),
    };
    assert_eq!(
        session.change_commitment(&journal, &answer, ts(DAY)),
        Some(id.clone())
    );
    let empty = CommitmentChange::CheckIn {
        id: id.clone(),
        text: "\n".into(),
    };
    assert_eq!(session.change_commitment(&journal, &empty, ts(DAY)), None);
    let unknown = CommitmentChange::LetGo { id: "nope".into() };
    assert_eq!(session.change_commitment(&journal, &unknown, ts(DAY)), None);
    journal.apply(&session.pending, &session.id);
    session.pending.mark_saved();
    let later = CommitmentChange::AskAgain {
        id: id.clone(),
        on: date(2023, 12, 5),
    };
    session.change_commitment(&journal, &later, ts(2 * DAY));
    session.change_commitment(
        &journal,
        &CommitmentChange::LetGo { id: id.clone() },
        ts(3 * DAY),
    );
    journal.apply(&session.pending, &session.id);
    let kept = &journal.records.commitments[&id];
    assert_eq!(kept.check_ins.len(), 1);
    assert_eq!(kept.ask_again.len(), 1);
    assert_eq!(kept.let_go, Some(ts(3 * DAY)));
    assert_eq!(kept.section.as_deref(), Some("tip-listen-actively"));
}
