//! Commitments: the person's latest decision stands ("not yet" after
//! letting go brings it back; letting go after "not yet" lets it go), in
//! both orders, across two copies merged either way, and a clock that ran
//! ahead never freezes where one stands.

use super::*;
use crate::journal::record::Session;
use jiff::civil::date;

fn ts(secs: i64) -> Timestamp {
    Timestamp::from_second(1_700_000_000 + secs).expect("valid timestamp")
}

const DAY: i64 = 86_400;

/// Made on 14 November 2023, to review on 28 November.
fn made() -> Commitment {
    Commitment::new("I will verify", None, ts(0), date(2023, 11, 28))
}

/// A day long after everything below, with no clock running ahead of it.
fn later() -> Date {
    date(2024, 6, 1)
}

#[test]
fn not_yet_after_letting_go_brings_it_back_to_be_asked_that_day() {
    let mut c = made();
    c.let_it_go(ts(15 * DAY));
    assert_eq!(c.standing(date(2023, 12, 1)), Standing::LetGo);
    let on = date(2023, 12, 20);
    c.ask_again_on(on, ts(20 * DAY));
    assert_eq!(
        c.standing(date(2023, 12, 19)),
        Standing::Open { review_on: on }
    );
    assert_eq!(c.standing(on), Standing::Due { since: on });
    assert_eq!(c.let_go_on(on), None, "no longer let go");
    assert_eq!(c.scheduled(on), (ts(20 * DAY), on));
    // Both decisions stay on disk; only the standing changed.
    assert_eq!(c.let_go, Some(ts(15 * DAY)));
    assert_eq!(c.ask_again.len(), 1);
    // Letting go again lets it go, and that second time is the one shown.
    c.let_it_go(ts(30 * DAY));
    assert_eq!(c.standing(later()), Standing::LetGo);
    assert_eq!(c.let_go_on(later()), Some(ts(30 * DAY)));
    assert_eq!(
        c.let_go_times().collect::<Vec<_>>(),
        [ts(15 * DAY), ts(30 * DAY)]
    );
    // And a let-go that stands is not recorded twice.
    c.let_it_go(ts(31 * DAY));
    assert_eq!(c.let_go_again, [ts(30 * DAY)]);
}

#[test]
fn letting_go_after_not_yet_lets_it_go() {
    let mut c = made();
    c.ask_again_on(date(2023, 12, 5), ts(14 * DAY));
    c.let_it_go(ts(16 * DAY));
    assert_eq!(c.standing(date(2023, 12, 5)), Standing::LetGo);
    assert_eq!(c.standing(later()), Standing::LetGo);
    assert_eq!(c.let_go_on(later()), Some(ts(16 * DAY)));
}

#[test]
fn an_answer_given_with_a_not_yet_does_not_count_as_answered() {
    // `check-in 1 "So-so" --not-yet`: the answer and the "not yet" share
    // one time; the app must still ask on the day it said.
    let mut c = made();
    let on = date(2023, 12, 5);
    c.check_in("So-so", ts(14 * DAY));
    c.ask_again_on(on, ts(14 * DAY));
    assert_eq!(c.standing(on), Standing::Due { since: on });
    c.check_in("Done", ts(22 * DAY));
    assert_eq!(c.standing(on), Standing::Answered);
}

#[test]
fn a_not_yet_for_a_day_before_the_review_day_stands() {
    // Answered early from the journal window: "ask me in a week" asks in a
    // week, even though the first review day was later.
    let mut c = Commitment::new("I will verify", None, ts(0), date(2023, 12, 28));
    let on = date(2023, 12, 1);
    c.ask_again_on(on, ts(DAY));
    assert_eq!(c.standing(on), Standing::Due { since: on });
}

/// Two copies from one base: one lets go at `let_go`, the other says "not
/// yet" (for 20 December) at `not_yet`; merged in both orders.
fn merged_both_ways(let_go: Timestamp, not_yet: Timestamp) -> [Commitment; 2] {
    let base = made();
    let id = base.id();
    let mut gone = base.clone();
    gone.let_it_go(let_go);
    let mut again = base.clone();
    again.ask_again_on(date(2023, 12, 20), not_yet);
    let mut one = Journal::new();
    one.merge_commitment(&id, &gone);
    one.merge_commitment(&id, &again);
    let mut other = Journal::new();
    other.merge_commitment(&id, &again);
    other.merge_commitment(&id, &gone);
    assert_eq!(
        one.records.commitments, other.records.commitments,
        "order does not matter"
    );
    [
        one.records.commitments[&id].clone(),
        other.records.commitments[&id].clone(),
    ]
}

#[test]
fn merging_two_copies_keeps_both_decisions_and_the_later_stands() {
    for kept in merged_both_ways(ts(15 * DAY), ts(16 * DAY)) {
        assert_eq!(kept.let_go, Some(ts(15 * DAY)), "the let-go is kept");
        assert_eq!(kept.ask_again.len(), 1, "the not-yet is kept");
        let on = date(2023, 12, 20);
        assert_eq!(
            kept.standing(date(2023, 12, 1)),
            Standing::Open { review_on: on }
        );
    }
    for kept in merged_both_ways(ts(16 * DAY), ts(15 * DAY)) {
        assert_eq!(kept.let_go, Some(ts(16 * DAY)));
        assert_eq!(kept.ask_again.len(), 1);
        assert_eq!(kept.standing(later()), Standing::LetGo);
    }
    // Letting go in both copies, then merged: every time is kept, once.
    let (mut a, mut b) = (made(), made());
    a.let_it_go(ts(15 * DAY));
    a.ask_again_on(date(2023, 12, 20), ts(16 * DAY));
    a.let_it_go(ts(17 * DAY));
    b.let_it_go(ts(18 * DAY));
    let mut journal = Journal::new();
    journal.merge_commitment(&a.id(), &a);
    journal.merge_commitment(&b.id(), &b);
    assert_eq!(
        journal.merge_commitment(&b.id(), &b),
        CommitmentMerge::Unchanged
    );
    let kept = &journal.records.commitments[&a.id()];
    let times: Vec<Timestamp> = kept.let_go_times().collect();
    assert_eq!(times, [ts(15 * DAY), ts(17 * DAY), ts(18 * DAY)]);
}

/// The app open with the commitment due; `check-in 1 --let-go` saves from
/// the command line; then "Not yet" in the app saves: the later choice
/// stands, whichever copy saved last.
#[test]
fn the_app_saying_not_yet_after_the_command_line_let_go_wins() {
    let base = made();
    let id = base.id();
    let mut disk = Journal::new();
    disk.merge_commitment(&id, &base);
    let shown = disk.clone();
    let mut cli = disk.records.commitments[&id].clone();
    cli.let_it_go(ts(15 * DAY));
    disk.merge_commitment(&id, &cli);
    let mut app = Session::new("app");
    let on = date(2023, 12, 6);
    let change = CommitmentChange::AskAgain { id: id.clone(), on };
    app.change_commitment(&shown, &change, ts(15 * DAY + 60));
    disk.apply(&app.pending, &app.id);
    let kept = &disk.records.commitments[&id];
    assert_eq!(
        kept.standing(date(2023, 12, 1)),
        Standing::Open { review_on: on }
    );
    assert!(kept.let_go.is_some(), "the let-go is kept beside it");
}

#[test]
fn a_clock_that_ran_ahead_never_freezes_where_one_stands() {
    let far = Timestamp::from_second(4_000_000_000).expect("2096");
    // Let go with a clock in 2096; back to the right time, "not yet" stands.
    let mut c = made();
    c.let_it_go(far);
    let on = date(2023, 12, 20);
    c.ask_again_on(on, ts(16 * DAY));
    assert_eq!(
        c.standing(date(2023, 12, 1)),
        Standing::Open { review_on: on }
    );
    // ... and letting go now is recorded and shown, not the 2096 one.
    c.let_it_go(ts(17 * DAY));
    assert_eq!(c.standing(later()), Standing::LetGo);
    assert_eq!(c.let_go_on(later()), Some(ts(17 * DAY)));
    // "Not yet" with a clock in 2096: letting go now still lets it go.
    let mut c = made();
    c.ask_again_on(date(2096, 10, 10), far);
    c.let_it_go(ts(16 * DAY));
    assert_eq!(c.standing(later()), Standing::LetGo);
    // That "not yet" alone does not put the question off to 2096 either,
    // and an answer now counts.
    let mut c = made();
    c.ask_again_on(date(2096, 10, 10), far);
    let review_on = date(2023, 11, 28);
    assert_eq!(c.standing(later()), Standing::Due { since: review_on });
    c.check_in("Done", ts(20 * DAY));
    assert_eq!(c.standing(later()), Standing::Answered);
    // A day still counts as sensible while the clock says it is that day.
    assert_eq!(
        c.standing(date(2096, 10, 1)),
        Standing::Open {
            review_on: date(2096, 10, 10)
        }
    );
}

#[test]
fn every_let_go_round_trips_and_old_journals_still_load() {
    let mut c = made();
    c.let_it_go(ts(15 * DAY));
    c.ask_again_on(date(2023, 12, 20), ts(16 * DAY));
    c.let_it_go(ts(17 * DAY));
    let saved = serde_json::to_string(&c).expect("saves");
    assert!(saved.contains(r#""let_go_again":["#), "{saved}");
    let back: Commitment = serde_json::from_str(&saved).expect("loads");
    assert_eq!(back, c);
    let once = serde_json::to_string(&made()).expect("saves");
    assert!(!once.contains("let_go"), "{once}");
}
