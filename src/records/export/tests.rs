//! Tests of the learning record, its Markdown and JSON, and import round trips.

use super::*;
use crate::journal::record::Session;
use crate::journal::store::Store;
use crate::toolkit::content::built_in;
use jiff::civil::date;

/// Midday UTC on 2025-03-`day`, plus `mins` minutes: the same date in most zones.
fn at(day: i8, mins: i64) -> Timestamp {
    let noon = date(2025, 3, day)
        .at(12, 0, 0, 0)
        .to_zoned(jiff::tz::TimeZone::UTC);
    let noon = noon.map(|z| z.timestamp()).expect("valid date");
    noon.checked_add(jiff::SignedDuration::from_mins(mins))
        .expect("in range")
}

const UNICODE_NOTE: &str = "Ich höre zu 👩🏽‍⚕️ — q for quiet.\nسطر بالعربية\n\nI will ask \"How can I help?\" and wait. Then listen.";

/// A journal with reads over two sessions, days, bookmarks, notes (Unicode,
/// a `q`, new lines, a note for a section that left the toolkit).
fn sample() -> Journal {
    let mut journal = Journal::new();
    let mut first = Session::new("s1");
    first.record_read("tip-listen-actively", at(1, 0), date(2025, 3, 1));
    first.record_read("welcome", at(1, 5), date(2025, 3, 1));
    first.record_read("retired-section", at(1, 6), date(2025, 3, 1));
    first.add_active_secs(date(2025, 3, 1), 1_510);
    first.set_note("tip-listen-actively", UNICODE_NOTE, at(1, 10));
    first.set_note("retired-section", "Still mine: q\r\nand kept.", at(1, 11));
    first.set_bookmark("tip-speak-up", Some("for supervision".into()), at(1, 12));
    first.set_bookmark("retired-section", None, at(1, 13));
    journal.apply(&first.pending, &first.id);
    let mut second = Session::new("s2");
    second.record_read("tip-listen-actively", at(8, 0), date(2025, 3, 8));
    second.add_active_secs(date(2025, 3, 8), 6_000);
    second.set_note("welcome", "Why I came.\u{1b}[31m no escapes", at(8, 1));
    journal.apply(&second.pending, &second.id);
    journal
        .records
        .days
        .entry(date(2025, 3, 8))
        .or_default()
        .extra
        .insert("mood".into(), "calm".into());
    journal
}

fn everything() -> Period {
    Period::default()
}

fn without_time(mut record: Record) -> Record {
    record.generated_at = Timestamp::UNIX_EPOCH;
    record
}

#[test]
fn dates_parse_strictly_with_helpful_messages() {
    assert_eq!(parse_date(" 2025-03-01 "), Ok(date(2025, 3, 1)));
    for bad in [
        "2025-3-1",
        "01/03/2025",
        "",
        "2025-03-01T10:00",
        "２０２５-03-01",
    ] {
        let err = parse_date(bad).expect_err(bad);
        assert!(err.to_string().contains("YYYY-MM-DD"), "{err}");
    }
    let feb = parse_date("2025-02-30").expect_err("no such day");
    assert_eq!(
        feb.to_string(),
        "2025-02-30 is not a day in the calendar (that month has 28 days)"
    );
    let month = parse_date("2025-13-01").expect_err("no such month");
    assert!(
        month.to_string().contains("months go from 01 to 12"),
        "{month}"
    );
    let reversed = Period::parse(Some("2025-03-08"), Some("2025-03-01")).expect_err("reversed");
    assert!(reversed.to_string().contains("swap --from and --to"));
    let period = Period::parse(Some("2025-03-01"), None).expect("parses");
    assert!(period.contains(date(2025, 3, 1)) && !period.contains(date(2025, 2, 28)));
}

#[test]
fn record_holds_what_a_learning_record_asks() {
    let toolkit = built_in();
    let record = learning_record(&toolkit, &sample(), &everything(), at(9, 0));
    assert_eq!(
        (record.format.as_str(), record.version),
        (EXPORT_FORMAT, EXPORT_VERSION)
    );
    assert_eq!(record.toolkit.title, toolkit.title);
    assert_eq!(record.period.from, Some(date(2025, 3, 1)));
    assert_eq!(record.period.to, Some(date(2025, 3, 8)));
    assert_eq!((record.learning_minutes, record.learning_days), (125, 2));
    let ids: Vec<&str> = record.sections_read.iter().map(|e| e.id.as_str()).collect();
    assert_eq!(
        ids,
        ["welcome", "tip-listen-actively", "retired-section"],
        "toolkit order"
    );
    assert!(record.sections_read[1].revisited);
    assert_eq!(
        record.sections_read[2].title,
        "No longer in this toolkit (retired-section)"
    );
    let listen = &record.notes[1];
    assert_eq!(
        listen.prompts,
        toolkit
            .entries()
            .find(|e| e.section.id == "tip-listen-actively")
            .map(|e| e.section.reflect.clone())
            .expect("in toolkit")
    );
    assert!(!record.notes[2].in_toolkit && record.notes[2].prompts.is_empty());
    assert_eq!(record.bookmarks.len(), 2);
    // A period narrows days, reads and notes, and keeps the asked dates.
    let march_8 = Period::parse(Some("2025-03-08"), Some("2025-03-31")).expect("parses");
    let narrow = learning_record(&toolkit, &sample(), &march_8, at(9, 0));
    assert_eq!(narrow.period, march_8);
    assert_eq!(narrow.learning_minutes, 100);
    let ids: Vec<&str> = narrow.sections_read.iter().map(|e| e.id.as_str()).collect();
    assert_eq!(ids, ["tip-listen-actively"]);
    let notes: Vec<&str> = narrow.notes.iter().map(|e| e.id.as_str()).collect();
    assert_eq!(notes, ["welcome"]);
    let empty = learning_record(&toolkit, &Journal::new(), &everything(), at(9, 0));
    assert_eq!(
        (empty.period, empty.learning_minutes),
        (Period::default(), 0)
    );
}

#[test]
fn markdown_reads_as_a_cpd_record() {
    let toolkit = built_in();
    let record = learning_record(&toolkit, &sample(), &everything(), at(9, 0));
    let md = to_markdown(&record);
    for heading in [
        "# Learning record: Allyship toolkit",
        "\n## What I did\n",
        "\n## When and for how long\n",
        "\n## What I learned: reflections\n",
        "\n## How it will change my practice\n",
        "\n## Bookmarked for later\n",
        "\n### Listen actively and without judgement\n",
        "\n### No longer in this toolkit (retired-section)\n",
    ] {
        assert!(md.contains(heading), "missing {heading:?} in\n{md}");
    }
    assert!(
        md.contains("- Period: 1 March 2025 to 8 March 2025"),
        "{md}"
    );
    assert!(
        md.contains("- Time spent learning: 2 hours 5 minutes, on 2 days"),
        "{md}"
    );
    assert!(
        md.contains("> Ich höre zu 👩🏽‍⚕️ — q for quiet.\n> سطر بالعربية\n>\n> I will"),
        "{md}"
    );
    assert!(md.contains("> Still mine: q\n> and kept."), "{md}");
    assert!(
        md.contains("- Think of a time a colleague told you something difficult."),
        "{md}"
    );
    // Practice is built from commitments (issue 14), no longer guessed
    // from note sentences that start "I will".
    assert!(
        !md.contains("- I will ask \"How can I help?\" and wait. (Listen actively"),
        "{md}"
    );
    assert!(
        !md.contains("Then listen. ("),
        "only commitments are quoted"
    );
    assert!(
        md.contains(
            "- Speak up when you witness discrimination: for supervision (bookmarked 1 March 2025)"
        ),
        "{md}"
    );
    assert!(md.contains("revisited, in 2 sessions"), "{md}");
    assert!(
        md.contains("Allyship Hub Programme, Leading to Change"),
        "sources named"
    );
    assert!(
        !md.chars().any(|c| c.is_control() && c != '\n'),
        "no escapes"
    );
    assert!(
        md.contains("Why I came.\\u001b[31m no escapes"),
        "shown, not sent: {md}"
    );
    let empty = to_markdown(&learning_record(
        &toolkit,
        &Journal::new(),
        &everything(),
        at(9, 0),
    ));
    assert!(
        empty.contains("Not written yet: add a sentence or two"),
        "{empty}"
    );
    assert!(empty.contains("no learning recorded yet") && empty.contains("Nothing bookmarked."));
}

#[test]
fn export_import_export_round_trips_through_a_store() {
    let toolkit = built_in();
    let exported = learning_record(&toolkit, &sample(), &everything(), at(9, 0));
    let json = to_json(&exported);
    let tmp = tempfile::tempdir().expect("tempdir");
    let (mut store, journal, _) = Store::open(tmp.path().to_path_buf());
    let (imported, preview) = import(&journal, &json).expect("imports");
    let (saved, report) = store.update(|j| imported.merge_into(j)).expect("saves");
    assert!(saved.written);
    assert_eq!(report, preview);
    assert_eq!((report.notes_added, report.bookmarks_added), (3, 2));
    assert_eq!((report.sections_merged, report.days_merged), (3, 2));
    let (_, reopened, _) = Store::open(tmp.path().to_path_buf());
    let again = learning_record(&toolkit, &reopened, &everything(), at(10, 0));
    assert_eq!(without_time(again), without_time(exported.clone()));
    assert_eq!(
        reopened.records.days[&date(2025, 3, 8)].extra["mood"],
        "calm"
    );
    // Importing the same file again changes nothing.
    let (imported, _) = import(&reopened, &json).expect("imports");
    let (_, second) = store.update(|j| imported.merge_into(j)).expect("saves");
    assert!(!second.changed_anything(), "{second}");
    assert_eq!((second.notes_identical, second.bookmarks_unchanged), (3, 2));
    assert_eq!((second.sections_unchanged, second.days_unchanged), (3, 2));
    let (_, after, _) = Store::open(tmp.path().to_path_buf());
    assert_eq!(after, reopened);
    // The report says what it met, and leaves out what would read 0.
    assert_eq!(
        second.to_string(),
        "Notes already here, identical: 3\nBookmarks already here: 2\n\
         Sections read, already here: 3\nDays of learning, already here: 2\n"
    );
}

#[test]
fn import_merges_without_duplicates_and_newer_edits_win() {
    let toolkit = built_in();
    let json = to_json(&learning_record(
        &toolkit,
        &sample(),
        &everything(),
        at(9, 0),
    ));
    let mut here = Journal::new();
    let mut s = Session::new("here");
    s.set_note("tip-listen-actively", "newer here", at(20, 0));
    s.set_note("welcome", "older here", at(2, 0));
    s.record_read("welcome", at(3, 0), date(2025, 3, 3));
    s.add_active_secs(date(2025, 3, 8), 9_000);
    s.set_bookmark("tip-speak-up", None, at(1, 0));
    here.apply(&s.pending, &s.id);
    let (imported, report) = import(&here, &json).expect("imports");
    assert_eq!(
        (report.notes_added, report.notes_updated, report.notes_kept),
        (1, 1, 1)
    );
    assert_eq!((report.bookmarks_added, report.bookmarks_updated), (1, 1));
    imported.merge_into(&mut here);
    assert_eq!(here.records.notes["tip-listen-actively"].text, "newer here");
    assert_eq!(
        here.records.notes["welcome"].text, "Why I came.\u{1b}[31m no escapes",
        "kept raw"
    );
    assert_eq!(
        here.records.notes["welcome"].created,
        at(2, 0),
        "earliest created"
    );
    let welcome = &here.records.sections["welcome"];
    assert_eq!(
        (welcome.first_read, welcome.last_read, welcome.sessions),
        (at(1, 5), at(3, 0), 1)
    );
    assert_eq!(
        here.records.days[&date(2025, 3, 8)].active_secs,
        9_000,
        "max, not sum"
    );
    assert_eq!(
        here.records.bookmarks["tip-speak-up"].label.as_deref(),
        Some("for supervision")
    );
}

#[test]
fn import_rejects_other_files_clearly_and_never_panics() {
    let journal = Journal::new();
    let err = |text: &str| import(&journal, text).expect_err(text).to_string();
    let bad = err("{\n  \"format\": \"allyship-export\",\n  oops\n}");
    assert!(
        bad.starts_with("the file is not valid JSON: line 3, column 3:"),
        "{bad}"
    );
    assert!(err("{\"version\": 1}").contains("has no \"format\""));
    assert!(err(r#"{"version": 1, "sections": {}}"#).contains("not an allyship export"));
    assert!(err(r#"{"format": "other"}"#).contains("its \"format\" is \"other\""));
    assert!(err(r#"{"format": "allyship-export", "version": 2}"#).contains("newer version"));
    let shape = err(
        "{\"format\": \"allyship-export\", \"version\": 1,\n \"data\": {\"notes\": {\"a\": 3}}}",
    );
    assert!(shape.contains("line 2, column"), "{shape}");
    let deep = format!("{}{}", "[".repeat(10_000), "]".repeat(10_000));
    for text in [
        deep.as_str(),
        "",
        "\u{0}",
        "nul",
        "[]",
        "\"allyship-export\"",
        "{\"format\": 7}",
    ] {
        assert!(import(&journal, text).is_err(), "{text:?}");
    }
    let minimal = r#"{"format": "allyship-export", "version": 1, "data": {}}"#;
    let (_, report) = import(&journal, minimal).expect("an empty export imports");
    assert!(!report.changed_anything());
}

#[cfg(unix)]
#[test]
fn export_files_are_private() {
    use std::os::unix::fs::PermissionsExt;
    let tmp = tempfile::tempdir().expect("tempdir");
    let path = tmp.path().join("record.md");
    std::fs::write(&path, "old, world-readable").expect("write");
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o644)).expect("chmod");
    write_private(&path, "# Learning record\n").expect("writes");
    let mode = std::fs::metadata(&path)
        .expect("metadata")
        .permissions()
        .mode();
    assert_eq!(mode & 0o777, 0o600);
    assert_eq!(
        std::fs::read_to_string(&path).expect("read"),
        "# Learning record\n"
    );
}

#[test]
fn choices_travel_in_the_json_export_within_its_period() {
    let toolkit = built_in();
    let mut journal = sample();
    let mut s = Session::new("s3");
    s.choose("scenario-joke-in-a-meeting", 2, at(8, 30));
    s.choose("scenario-told-in-confidence", 1, at(1, 30));
    journal.apply(&s.pending, &s.id);
    let record = learning_record(&toolkit, &journal, &everything(), at(9, 0));
    assert_eq!(record.data.choices.len(), 2);
    let mut fresh = Journal::new();
    let (imported, report) = import(&fresh, &to_json(&record)).expect("imports");
    assert_eq!(report.choices_added, 2);
    imported.merge_into(&mut fresh);
    assert_eq!(fresh.records.choices, journal.records.choices);
    let march_8 = Period::parse(Some("2025-03-05"), None).unwrap();
    let later = learning_record(&toolkit, &journal, &march_8, at(9, 0));
    let ids: Vec<&String> = later.data.choices.keys().collect();
    assert_eq!(ids, ["scenario-joke-in-a-meeting"]);
}

#[test]
fn scenarios_practised_are_listed_with_the_option_in_its_own_words() {
    let toolkit = built_in();
    let mut journal = sample();
    let plain = to_markdown(&learning_record(
        &toolkit,
        &journal,
        &everything(),
        at(9, 0),
    ));
    assert!(
        !plain.contains("Scenarios I practised"),
        "none yet: {plain}"
    );
    let mut s = Session::new("s3");
    s.choose("scenario-joke-in-a-meeting", 2, at(8, 30));
    s.choose("scenario-told-in-confidence", 1, at(1, 30));
    s.choose("retired-scenario", 3, at(1, 31));
    journal.apply(&s.pending, &s.id);
    let record = learning_record(&toolkit, &journal, &everything(), at(9, 0));
    let ids: Vec<&str> = record.practised.iter().map(|e| e.id.as_str()).collect();
    // Toolkit order (confidence comes before the joke), then what it no longer has.
    assert_eq!(
        ids,
        [
            "scenario-told-in-confidence",
            "scenario-joke-in-a-meeting",
            "retired-scenario"
        ]
    );
    let joke = toolkit.index_of("scenario-joke-in-a-meeting").unwrap();
    let options = &toolkit
        .entry(joke)
        .unwrap()
        .section
        .choice
        .as_ref()
        .unwrap()
        .options;
    assert_eq!(
        record.practised[1].option_text.as_ref(),
        Some(&options[1].text)
    );
    assert_eq!(record.practised[2].option_text, None);
    let markdown = to_markdown(&record);
    let heading = markdown
        .find("## Scenarios I practised")
        .expect("a heading");
    let practice = markdown.find("## How it will change my practice").unwrap();
    assert!(heading < practice, "before the commitments");
    let title = &toolkit.entry(joke).unwrap().section.title;
    let line = format!(
        "- {title}: I chose option 2, \"{}\" (8 March 2025)",
        options[1].text
    );
    assert!(markdown.contains(&line), "{line}\n{markdown}");
    assert!(markdown.contains(
        "No longer in this toolkit (retired-scenario): I chose option 3, a choice this scenario no longer has ("
    ));
    // Never a score: the record says what was chosen, not how it did.
    for word in ["correct", "right answer", "score", "wrong"] {
        assert!(!markdown[heading..practice].contains(word), "{word}");
    }
    // The JSON carries the same list, and an export without choices leaves it out.
    assert!(to_json(&record).contains("\"practised\""));
    let before = learning_record(&toolkit, &sample(), &everything(), at(9, 0));
    assert!(!to_json(&before).contains("\"practised\""));
}

#[test]
fn peer_discussions_are_listed_in_the_learning_record() {
    let toolkit = built_in();
    let mut journal = sample();
    let plain = to_markdown(&learning_record(
        &toolkit,
        &journal,
        &everything(),
        at(9, 0),
    ));
    assert!(!plain.contains("## Peer discussions"), "left out when none");
    journal.merge_discussion(
        "d",
        &crate::journal::record::Discussion {
            sections: vec!["tip-listen-actively".into()],
            minutes: 25,
            with: "team\nmeeting".into(),
            on: date(2025, 3, 8),
            recorded_at: at(8, 30),
            outcome: Some("We will pause first".into()),
            extra: serde_json::Map::new(),
        },
    );
    let record = learning_record(&toolkit, &journal, &everything(), at(9, 0));
    let text = to_markdown(&record);
    let title = &record
        .sections_read
        .iter()
        .find(|e| e.id == "tip-listen-actively")
        .unwrap()
        .title;
    let said = format!(
        "## Peer discussions\n\n- 8 March 2025: 25 minutes with team meeting, on {title}. What came of it: We will pause first\n"
    );
    assert!(text.contains(&said), "{text}");
}

/// The export's `data` is the journal's own [`Records`], written as the
/// export always wrote it: sections, days, bookmarks and notes even when
/// empty (an import and other tools look for them), the rest only when
/// there are some, and every field in this order.
#[test]
fn export_data_keeps_its_shape_now_that_the_journal_declares_it() {
    let empty = serde_json::to_string(&Records::default()).unwrap();
    assert_eq!(
        empty,
        r#"{"sections":{},"days":{},"bookmarks":{},"notes":{}}"#
    );
    let record = learning_record(&built_in(), &sample(), &everything(), at(9, 0));
    let data = serde_json::to_string(&record.data).unwrap();
    assert!(data.starts_with(r#"{"sections":{""#), "{data}");
    let order: Vec<usize> = [r#""days":{"#, r#""bookmarks":{"#, r#""notes":{"#]
        .iter()
        .map(|key| data.find(key).unwrap_or_else(|| panic!("{key} in {data}")))
        .collect();
    assert!(order.is_sorted(), "{data}");
}

/// Issue 27, item 17: a choice out of range of a scenario's four options
/// (option 99) is said to be one the scenario no longer has, in the record
/// and in every CPD format, never "I chose option 99" as if it were real.
#[test]
fn a_choice_out_of_range_is_said_to_be_one_the_scenario_no_longer_has() {
    let toolkit = built_in();
    let mut journal = sample();
    let mut s = Session::new("s3");
    s.choose("scenario-told-in-confidence", 99, at(8, 30));
    journal.apply(&s.pending, &s.id);
    let record = learning_record(&toolkit, &journal, &everything(), at(9, 0));
    let honest = "I chose option 99, a choice this scenario no longer has";
    let markdown = to_markdown(&record);
    assert!(markdown.contains(honest), "{markdown}");
    let cpd = cpd::cpd_record(&toolkit, &record, None);
    for (format, text) in [
        ("cpd markdown", cpd::to_markdown(&cpd)),
        ("html", cpd::to_html(&cpd)),
        ("csv", cpd::to_csv(&cpd)),
    ] {
        assert!(
            text.contains("option 99, a choice this scenario no longer has"),
            "{format}: {text}"
        );
        assert!(!text.contains("I chose option 99\""), "{format}");
    }
}
