//! Commitments in the learning record: the practice section, the period,
//! and import carrying them with the never-lose rules.

use super::super::*;
use crate::journal::record::{Commitment, Session};
use crate::toolkit::content::built_in;
use jiff::civil::date;

/// Midday UTC on 2025-03-`day`: the same date in most zones.
fn at(day: i8) -> Timestamp {
    date(2025, 3, day)
        .at(12, 0, 0, 0)
        .to_zoned(jiff::tz::TimeZone::UTC)
        .map(|z| z.timestamp())
        .expect("valid date")
}

/// A journal with a note that says "I will" and three commitments: one
/// answered twice (one answer in April), one let go, one open.
fn with_commitments() -> Journal {
    let mut journal = Journal::new();
    let mut session = Session::new("s");
    session.set_note("welcome", "I will guess nothing from this note.", at(1));
    let mut listen = Commitment::new(
        "I will ask how to say a name before I use it.",
        Some("tip-listen-actively"),
        at(1),
        date(2025, 3, 15),
    );
    listen.check_in("It went well:\nNgozi thanked me.\u{1b}[2J", at(15));
    listen.check_in(
        "Still doing it.",
        at(15) + jiff::SignedDuration::from_hours(24 * 20),
    );
    let mut gone = Commitment::new(
        "I will read one blog a week.",
        None,
        at(2),
        date(2025, 3, 16),
    );
    gone.let_it_go(at(16));
    let open = Commitment::new(
        "I will speak up.",
        Some("retired"),
        at(3),
        date(2025, 3, 30),
    );
    for c in [&listen, &gone, &open] {
        session.keep_commitment(&c.id(), c);
    }
    journal.apply(&session.pending, &session.id);
    journal
}

#[test]
fn practice_is_built_from_commitments_and_their_check_ins() {
    let toolkit = built_in();
    let march = Period::parse(Some("2025-03-01"), Some("2025-03-31")).expect("parses");
    let record = learning_record(&toolkit, &with_commitments(), &march, at(20));
    let md = to_markdown(&record);
    let practice = md
        .split("## How it will change my practice")
        .nth(1)
        .and_then(|rest| rest.split("## Bookmarked").next())
        .expect("the section");
    let want = "\n\n3 commitments in my own words, each with a day I chose to look back on how \
it went:\n\n\
- I will ask how to say a name before I use it.\n  \
From Listen actively and without judgement. Made 1 March 2025; answered.\n  \
- How it went, 15 March 2025: It went well: Ngozi thanked me.\\u001b[2J\n\
- I will read one blog a week.\n  Made 2 March 2025; let go on 16 March 2025.\n\
- I will speak up.\n  \
From No longer in this toolkit (retired). Made 3 March 2025; to review on 30 March 2025.\n\n";
    assert_eq!(practice, want, "{md}");
    assert!(!practice.contains("guess nothing"), "notes are not mined");
    assert!(
        !practice.contains("Still doing it"),
        "April's answer is not March's"
    );
    let json = to_json(&record);
    assert!(json.contains("\"status\": \"answered\""), "{json}");
    // The data keeps every check-in, for a lossless import.
    let id = record.commitments[0].id.clone();
    assert_eq!(record.data.commitments[&id].check_ins.len(), 2);
}

#[test]
fn a_period_holds_the_commitments_something_happened_to_in_it() {
    let toolkit = built_in();
    let april = Period::parse(Some("2025-04-01"), None).expect("parses");
    let record = learning_record(&toolkit, &with_commitments(), &april, at(20));
    let texts: Vec<&str> = record.commitments.iter().map(|c| c.text.as_str()).collect();
    assert_eq!(texts, ["I will ask how to say a name before I use it."]);
    assert_eq!(record.commitments[0].check_ins.len(), 1);
    let february = Period::parse(None, Some("2025-02-28")).expect("parses");
    let none = learning_record(&toolkit, &with_commitments(), &february, at(20));
    assert!(none.commitments.is_empty() && none.data.commitments.is_empty());
    assert!(to_markdown(&none).contains("press C on any section"));
}

#[test]
fn import_carries_commitments_and_unites_check_ins() {
    let toolkit = built_in();
    let exported = learning_record(&toolkit, &with_commitments(), &Period::default(), at(20));
    let json = to_json(&exported);
    // Here: the same "listen" commitment with an answer of its own, and a
    // different commitment that happens to have the same id.
    let (id, theirs) = {
        let journal = with_commitments();
        let (id, c) = journal.commitments_in_order()[0];
        (id.to_owned(), c.clone())
    };
    let mut mine = theirs.clone();
    mine.check_ins.clear();
    mine.check_in("From this computer.", at(17));
    let clash_id = exported.commitments[1].id.clone();
    let clash = Commitment::new("I will keep this one too.", None, at(2), date(2025, 3, 16));
    let mut here = Journal::new();
    here.merge_commitment(&id, &mine);
    here.merge_commitment(&clash_id, &clash);
    let (import, report) = import_at(&here, &json, at(20)).expect("imports");
    assert_eq!(
        (
            report.commitments_added,
            report.commitments_merged,
            report.commitments_unchanged
        ),
        (1, 2, 0),
        "{report}"
    );
    assert!(
        report.to_string().contains("Commitments added: 1\n"),
        "{report}"
    );
    import.merge_at(&mut here, at(20));
    let answers: Vec<&str> = here.records.commitments[&id]
        .check_ins
        .iter()
        .map(|c| c.text.as_str())
        .collect();
    assert_eq!(answers.len(), 3, "{answers:?}");
    assert!(answers.contains(&"From this computer."));
    assert_eq!(
        here.records.commitments.len(),
        4,
        "the clash is kept beside"
    );
    assert_eq!(
        here.records.commitments[&clash_id].text,
        "I will keep this one too."
    );
    // Importing again changes nothing.
    let again = import.merge_at(&mut here, at(20));
    assert!(!again.changed_anything(), "{again}");
    assert_eq!(again.commitments_unchanged, 3);
}

#[test]
fn absurd_commitment_values_are_refused_naming_the_field() {
    let journal = Journal::new();
    let now = at(20);
    let export = |commitment: &str| {
        format!(
            r#"{{"format":"allyship-export","version":1,"data":{{"commitments":{{"x":{commitment}}}}}}}"#
        )
    };
    let good = r#"{"text":"I will","made_at":"2025-03-01T12:00:00Z","review_on":"2025-03-15"}"#;
    assert!(import_at(&journal, &export(good), now).is_ok());
    for (bad, field) in [
        (
            r#"{"text":"I will","made_at":"9999-03-01T12:00:00Z","review_on":"2025-03-15"}"#,
            "data.commitments.x.made_at",
        ),
        (
            r#"{"text":"I will","made_at":"2025-03-01T12:00:00Z","review_on":"1066-10-14"}"#,
            "data.commitments.x.review_on",
        ),
        (
            r#"{"text":"I will","made_at":"2025-03-01T12:00:00Z","review_on":"2025-03-15",
                "check_ins":[{"at":"2025-03-02T12:00:00Z","text":"a"},{"at":"1970-01-01T00:00:00Z","text":"b"}]}"#,
            "data.commitments.x.check_ins[1].at",
        ),
        (
            r#"{"text":"I will","made_at":"2025-03-01T12:00:00Z","review_on":"2025-03-15",
                "ask_again":[{"asked":"2025-03-15T12:00:00Z","on":"9999-01-01"}]}"#,
            "data.commitments.x.ask_again[0].on",
        ),
        (
            r#"{"text":"I will","made_at":"2025-03-01T12:00:00Z","review_on":"2025-03-15",
                "let_go":"2025-03-02T12:00:00Z","let_go_again":["9999-01-01T00:00:00Z"]}"#,
            "data.commitments.x.let_go_again[0]",
        ),
    ] {
        let err = import_at(&journal, &export(bad), now)
            .expect_err(field)
            .to_string();
        assert!(err.contains(field), "{field}: {err}");
    }
}

/// Let go, then "not yet": the record says it is open to review on the day
/// asked for (as `allyship commitments` and the journal window do), and
/// carries both decisions for an import.
#[test]
fn a_commitment_brought_back_by_not_yet_is_open_in_the_record() {
    let toolkit = built_in();
    let mut journal = Journal::new();
    let mut back = Commitment::new("I will verify.", None, at(1), date(2025, 3, 15));
    back.let_it_go(at(2));
    back.ask_again_on(date(2025, 3, 25), at(3));
    journal.merge_commitment(&back.id(), &back);
    let march = Period::parse(Some("2025-03-01"), Some("2025-03-31")).expect("parses");
    let record = learning_record(&toolkit, &journal, &march, at(20));
    let md = to_markdown(&record);
    assert!(
        md.contains("Made 1 March 2025; to review on 25 March 2025."),
        "{md}"
    );
    assert!(!md.contains("let go"), "{md}");
    let json = to_json(&record);
    let (import, _) = import_at(&Journal::new(), &json, at(20)).expect("imports");
    let mut here = Journal::new();
    import.merge_at(&mut here, at(20));
    let (_, imported) = here.commitments_in_order()[0];
    assert_eq!(imported.let_go, Some(at(2)), "both decisions travel");
    assert_eq!(imported.standing(date(2025, 3, 20)).word(), "open");
}
