//! The commitment windows driven by actions: what is kept, when, and where
//! the window goes next.

use super::*;
use crate::journal::record::Commitment;
use crate::reader::update::test_support::{run, typed};
use crate::toolkit::content::built_in;
use jiff::civil::date;

fn app() -> App {
    let mut app = App::new(built_in(), 80, 24);
    app.today = date(2026, 11, 17);
    app
}

fn made(text: &str, day: i8, review_on: jiff::civil::Date) -> Commitment {
    let at = date(2026, 11, day)
        .at(12, 0, 0, 0)
        .to_zoned(jiff::tz::TimeZone::UTC)
        .expect("a time")
        .timestamp();
    Commitment::new(text, Some("tip-speak-up"), at, review_on)
}

/// An app whose journal holds two due commitments and one not yet due.
fn with_due() -> (App, [String; 3]) {
    let mut app = app();
    let first = made("I will listen first", 1, date(2026, 11, 15));
    let second = made("I will speak up", 2, date(2026, 11, 17));
    let later = made("I will read a blog", 3, date(2026, 12, 1));
    let ids = [first.id(), second.id(), later.id()];
    for c in [&first, &second, &later] {
        app.journal.merge_commitment(&c.id(), c);
    }
    (app, ids)
}

fn made_change(effects: &[Effect]) -> Option<&CommitmentChange> {
    effects.iter().find_map(|e| match e {
        Effect::Commitment(change) => Some(change),
        _ => None,
    })
}

#[test]
fn c_opens_i_will_and_enter_keeps_it_with_a_review_in_two_weeks() {
    let mut a = app();
    run(&mut a, &[Action::Commit]);
    let Some(Overlay::Commit(window)) = &a.overlay else {
        panic!("{:?}", a.overlay)
    };
    assert_eq!(window.input.text(), "I will ");
    assert_eq!(window.input.section, "welcome");
    assert!(
        run(&mut a, &typed("ask quietly")).is_empty(),
        "q is a letter"
    );
    let effects = run(&mut a, &[Action::Open]);
    assert_eq!(
        made_change(&effects),
        Some(&CommitmentChange::Make {
            text: "I will ask quietly".into(),
            section: Some("welcome".into()),
            review_on: date(2026, 12, 1),
        })
    );
    assert!(a.overlay.is_none());
    assert_eq!(a.message, None, "the run loop says so once it is saved");
}

#[test]
fn the_review_date_moves_by_days_and_weeks_within_a_year() {
    let mut a = app();
    run(&mut a, &[Action::Commit]);
    run(&mut a, &typed("x"));
    run(
        &mut a,
        &[Action::SwitchFocus, Action::Up, Action::Up, Action::Up],
    );
    run(&mut a, &typed("zz"));
    let days = |a: &App| match &a.overlay {
        Some(Overlay::Commit(w)) => (w.days, w.input.text()),
        other => panic!("{other:?}"),
    };
    assert_eq!(
        days(&a),
        (17, "I will x".into()),
        "letters do nothing on the date"
    );
    run(
        &mut a,
        &[Action::PageDown, Action::PageDown, Action::PageDown],
    );
    assert_eq!(days(&a).0, 1, "never before tomorrow");
    for _ in 0..60 {
        run(&mut a, &[Action::PageUp]);
    }
    assert_eq!(days(&a).0, MOST_DAYS);
    run(&mut a, &[Action::Down, Action::SwitchFocus]);
    run(&mut a, &typed("!"));
    let effects = run(&mut a, &[Action::Open]);
    let Some(CommitmentChange::Make {
        text, review_on, ..
    }) = made_change(&effects)
    else {
        panic!("{effects:?}")
    };
    assert_eq!(text, "I will x!");
    assert_eq!(*review_on, days_after(date(2026, 11, 17), 364));
}

#[test]
fn esc_cancels_a_commitment_not_yet_kept_and_says_what_it_said() {
    let mut a = app();
    run(&mut a, &[Action::Commit]);
    run(&mut a, &typed("x"));
    assert!(run(&mut a, &[Action::Close]).is_empty(), "nothing kept");
    assert!(a.overlay.is_none());
    let said = a.message.as_deref().unwrap_or("");
    assert!(
        said.contains("Not kept") && said.contains("I will x"),
        "{said}"
    );
    // Every other way out keeps the words.
    run(&mut a, &[Action::Commit]);
    run(&mut a, &typed("y"));
    assert!(made_change(&run(&mut a, &[Action::Leaving])).is_some());
}

#[test]
fn nothing_after_i_will_keeps_nothing_and_says_so() {
    let mut a = app();
    run(&mut a, &[Action::Commit]);
    assert!(run(&mut a, &[Action::Close]).is_empty());
    assert!(a.message.as_deref().unwrap_or("").contains("Nothing kept"));
    assert!(a.overlay.is_none());
}

#[test]
fn due_commitments_are_asked_in_turn_and_an_answer_is_kept_on_esc() {
    let (mut a, [first, second, _]) = with_due();
    ask_if_due(&mut a);
    let Some(Overlay::CheckIn(window)) = &a.overlay else {
        panic!("{:?}", a.overlay)
    };
    assert_eq!(
        (window.id.as_str(), window.number(), window.of),
        (first.as_str(), 1, 2)
    );
    run(&mut a, &typed("It went well, quietly."));
    let effects = run(&mut a, &[Action::Close]);
    assert_eq!(
        effects,
        vec![Effect::Commitment(CommitmentChange::CheckIn {
            id: first.clone(),
            text: "It went well, quietly.".into(),
        })]
    );
    let Some(Overlay::CheckIn(window)) = &a.overlay else {
        panic!("{:?}", a.overlay)
    };
    assert_eq!((window.id.as_str(), window.number()), (second.as_str(), 2));
    // Esc with no answer keeps nothing; it is asked again next time.
    assert!(run(&mut a, &[Action::Close]).is_empty());
    assert!(a.overlay.is_none());
    assert!(a.message.as_deref().unwrap_or("").contains("asks again"));
    // Nothing is asked while another window is open.
    a.overlay = Some(Overlay::Notes { selected: 0 });
    ask_if_due(&mut a);
    assert!(matches!(a.overlay, Some(Overlay::Notes { .. })));
}

#[test]
fn not_yet_asks_again_in_a_week_and_keeps_an_answer_written() {
    let (mut a, [first, ..]) = with_due();
    ask_if_due(&mut a);
    run(&mut a, &typed("Half done"));
    let effects = run(&mut a, &[Action::SwitchFocus, Action::Open]);
    assert_eq!(
        effects,
        vec![
            Effect::Commitment(CommitmentChange::CheckIn {
                id: first.clone(),
                text: "Half done".into(),
            }),
            Effect::Commitment(CommitmentChange::AskAgain {
                id: first,
                on: date(2026, 11, 24),
            }),
        ]
    );
}

#[test]
fn let_it_go_is_the_second_choice_and_typing_goes_back_to_the_answer() {
    let (mut a, [first, ..]) = with_due();
    ask_if_due(&mut a);
    run(&mut a, &[Action::SwitchFocus, Action::Down]);
    let focus = |a: &App| match &a.overlay {
        Some(Overlay::CheckIn(w)) => w.focus,
        other => panic!("{other:?}"),
    };
    assert_eq!(focus(&a), CheckInFocus::LetGo);
    run(&mut a, &[Action::Down]);
    assert_eq!(focus(&a), CheckInFocus::Answer, "round again to the answer");
    run(&mut a, &[Action::SwitchFocus, Action::Up]);
    assert_eq!(focus(&a), CheckInFocus::Answer);
    run(&mut a, &[Action::SwitchFocus]);
    run(&mut a, &typed("q"));
    assert_eq!(focus(&a), CheckInFocus::Answer, "typed on a choice: back");
    run(&mut a, &[Action::Undo, Action::SwitchFocus, Action::Down]);
    let effects = run(&mut a, &[Action::Open]);
    assert_eq!(
        effects,
        vec![Effect::Commitment(CommitmentChange::LetGo { id: first })]
    );
}

#[test]
fn words_are_kept_on_every_way_out_but_not_on_a_pause_in_typing() {
    let (mut a, [first, ..]) = with_due();
    ask_if_due(&mut a);
    run(&mut a, &typed("half an ans"));
    assert!(
        run(&mut a, &[Action::SaveNote]).is_empty(),
        "a pause keeps nothing yet"
    );
    assert_eq!(run(&mut a, &[Action::QuitNow]), vec![Effect::Quit]);
    let effects = run(&mut a, &[Action::Leaving]);
    assert_eq!(
        effects,
        vec![Effect::Commitment(CommitmentChange::CheckIn {
            id: first,
            text: "half an ans".into(),
        })]
    );
    let mut b = app();
    run(&mut b, &[Action::Commit]);
    run(&mut b, &typed("speak"));
    run(&mut b, &[Action::Help]);
    assert!(matches!(
        made_change(&run(&mut b, &[Action::Leaving])),
        Some(CommitmentChange::Make { .. })
    ));
}

#[test]
fn a_check_in_from_the_journal_goes_back_there() {
    let (mut a, [_, _, later]) = with_due();
    open_check_in(&mut a, &later, 4);
    run(&mut a, &typed("Started already"));
    let effects = run(&mut a, &[Action::Close]);
    assert_eq!(effects.len(), 1);
    assert!(matches!(
        a.overlay,
        Some(Overlay::Journal { selected: 4, .. })
    ));
    assert_eq!(a.message, None);
}

#[test]
fn saved_messages_say_what_happened_in_words() {
    let make = CommitmentChange::Make {
        text: "I will".into(),
        section: None,
        review_on: date(2026, 12, 1),
    };
    assert!(saved_message(&make).contains("On Tue 1 Dec 2026 allyship will ask how it went"));
    let again = CommitmentChange::AskAgain {
        id: "x".into(),
        on: date(2026, 11, 24),
    };
    assert_eq!(
        saved_message(&again),
        "Saved: allyship will ask again on Tue 24 Nov 2026."
    );
}

/// Once saved, the message says what the journal on disk holds: a "not
/// yet" on a commitment let go earlier brings it back (and says the day),
/// but one outweighed by a later decision from another copy says so.
#[test]
fn saved_messages_say_where_the_saved_commitment_stands() {
    let (mut app, [id, ..]) = with_due();
    let at = |day: i8| {
        date(2026, 11, day)
            .at(12, 0, 0, 0)
            .to_zoned(jiff::tz::TimeZone::UTC)
            .expect("a time")
            .timestamp()
    };
    let on = date(2026, 11, 24);
    let again = CommitmentChange::AskAgain { id: id.clone(), on };
    let go = CommitmentChange::LetGo { id: id.clone() };
    let mut c = app.journal.records.commitments[&id].clone();
    c.let_it_go(at(15));
    c.ask_again_on(on, at(16));
    app.journal
        .records
        .commitments
        .insert(id.clone(), c.clone());
    let said = saved_message_in(&again, &app.journal, app.today);
    assert_eq!(said, "Saved: allyship will ask again on Tue 24 Nov 2026.");
    let said = saved_message_in(&go, &app.journal, app.today);
    assert!(said.starts_with("Saved, but a later change"), "{said}");
    assert!(said.contains("it is open"), "{said}");
    c.let_it_go(at(17));
    app.journal.records.commitments.insert(id.clone(), c);
    let said = saved_message_in(&again, &app.journal, app.today);
    assert!(said.contains("it is let go"), "{said}");
    assert_eq!(
        saved_message_in(&go, &app.journal, app.today),
        saved_message(&go)
    );
}

/// Issue 26: on a projector, a due check-in never opens by itself. The
/// launch says how many are due (never the words) and opens nothing; `J`
/// opens on the first due one, and Enter asks how it went.
#[test]
fn a_due_check_in_is_announced_at_launch_and_opens_only_when_asked() {
    let (mut a, [first, ..]) = with_due();
    announce_due(&mut a);
    assert!(
        a.overlay.is_none(),
        "nothing opens uninvited: {:?}",
        a.overlay
    );
    let said = a.message.clone().unwrap_or_default();
    assert_eq!(said, "2 check-ins are due: press J, then Enter on each.");
    assert!(
        !said.contains("listen") && !said.contains("speak"),
        "{said}"
    );
    run(&mut a, &[Action::Journal]);
    assert!(
        matches!(a.overlay, Some(Overlay::Journal { .. })),
        "{:?}",
        a.overlay
    );
    run(&mut a, &[Action::Open]);
    let Some(Overlay::CheckIn(window)) = &a.overlay else {
        panic!("Enter on the journal's first row asks: {:?}", a.overlay)
    };
    assert_eq!(window.id, first);
    // Nothing due: nothing said.
    let mut quiet = app();
    announce_due(&mut quiet);
    assert_eq!(quiet.message, None);
}

/// Issue 26: the same words as an open commitment are not kept twice; the
/// message says which number already holds them.
#[test]
fn the_same_words_as_an_open_commitment_keep_nothing_new_and_say_so() {
    let (mut a, _) = with_due();
    run(&mut a, &[Action::Commit]);
    run(&mut a, &typed("read a  BLOG"));
    let effects = run(&mut a, &[Action::Open]);
    assert_eq!(made_change(&effects), None, "{effects:?}");
    let said = a.message.clone().unwrap_or_default();
    assert!(said.starts_with("Already kept, as commitment 3"), "{said}");
    run(&mut a, &[Action::Commit]);
    run(&mut a, &typed("read a book"));
    assert!(made_change(&run(&mut a, &[Action::Open])).is_some());
}
