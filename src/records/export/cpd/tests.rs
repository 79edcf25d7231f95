//! Tests of CPD records: each regulator in each format against snapshots
//! (a fixed clock and a small toolkit of our own, so edits to the shipped
//! toolkit never move them), the HTML parsed back, the CSV read back, an
//! empty journal saying so per field, and hostile text escaped everywhere.

use super::*;
use crate::journal::record::{CheckIn, Commitment, Discussion, Journal, Session};
use crate::records::export::{Period, learning_record, to_json};
use crate::toolkit::content::{Toolkit, load};
use jiff::Timestamp;
use jiff::civil::date;
use serde_json::Map;

/// A toolkit of three sections, whose titles the snapshots show.
pub(super) fn toolkit() -> Toolkit {
    let json = serde_json::json!({
        "title": "Test toolkit", "version": "2",
        "sources": [{"id": "s", "title": "S", "publisher": "P"}],
        "parts": [{"id": "p", "title": "Tips", "outcomes": ["listen", "speak"], "sections": [
            {"id": "listen", "title": "Listen actively", "source": "s",
             "blocks": [{"paragraph": "Listen."}],
             "reflect": ["When did you last listen without judging?"]},
            {"id": "speak-up", "title": "Speak up", "source": "s",
             "blocks": [{"paragraph": "Speak."}], "reflect": ["What stops you?"]},
            {"id": "check-in", "title": "Check in", "source": "s",
             "blocks": [{"paragraph": "Ask."}], "reflect": ["Who could you ask?"]}
        ]}]
    });
    load(&json.to_string())
        .toolkit
        .expect("the test toolkit loads")
}

/// Midday UTC on a December 2026 day: the same date in most zones.
pub(super) fn noon(day: i8) -> Timestamp {
    date(2026, 12, day)
        .at(12, 0, 0, 0)
        .to_zoned(jiff::tz::TimeZone::UTC)
        .expect("valid")
        .timestamp()
}

/// A note full of things every format must escape.
pub(super) const HOSTILE: &str = "I will *pause* <script>alert(1)</script> & listen.\n\
    = SUM(A1)\n# not a heading\u{1b}[31m red";

/// Two weeks of December 2026: a day of reading with a note, a
/// commitment answered later, and a team discussion.
pub(super) fn journal() -> Journal {
    let mut journal = Journal::new();
    let mut s = Session::new("s1");
    s.record_read("listen", noon(3), date(2026, 12, 3));
    s.record_read("speak-up", noon(3), date(2026, 12, 3));
    s.add_active_secs(date(2026, 12, 3), 45 * 60);
    s.set_note("listen", HOSTILE, noon(3));
    journal.apply(&s.pending, &s.id);
    let mut c = Commitment::new(
        "I will ask \"How can I help?\"",
        Some("listen"),
        noon(3),
        date(2026, 12, 17),
    );
    c.check_ins.push(CheckIn {
        at: noon(18),
        text: "-It went well; <b>they</b> said thanks".into(),
        extra: Map::new(),
    });
    journal.merge_commitment("c1", &c);
    journal.merge_discussion(
        "d1",
        &Discussion {
            sections: vec!["speak-up".into(), "listen".into()],
            minutes: 30,
            with: "team meeting".into(),
            on: date(2026, 12, 10),
            recorded_at: noon(10),
            outcome: Some("We agreed, \"together\", to speak up".into()),
            extra: Map::new(),
        },
    );
    journal
}

fn december() -> Period {
    Period {
        from: Some(date(2026, 12, 1)),
        to: Some(date(2027, 11, 30)),
    }
}

fn cpd(journal: &Journal, regulator: Option<Regulator>) -> CpdRecord {
    let toolkit = toolkit();
    let record = learning_record(&toolkit, journal, &december(), noon(20));
    cpd_record(&toolkit, &record, regulator)
}

const ALL: [(Option<Regulator>, &str); 5] = [
    (Some(Regulator::Swe), "swe"),
    (Some(Regulator::Nmc), "nmc"),
    (Some(Regulator::Hcpc), "hcpc"),
    (Some(Regulator::Care), "care"),
    (None, "general"),
];

#[test]
fn each_regulator_in_each_format_matches_its_snapshot() {
    let journal = journal();
    for (regulator, name) in ALL {
        let record = cpd(&journal, regulator);
        insta::assert_snapshot!(format!("{name}_markdown"), to_markdown(&record));
        insta::assert_snapshot!(format!("{name}_csv"), to_csv(&record));
        insta::assert_snapshot!(format!("{name}_html"), to_html(&record));
        let json = serde_json::to_string_pretty(&record).unwrap();
        insta::assert_snapshot!(format!("{name}_json"), json);
    }
}

#[test]
fn activities_put_each_piece_of_the_journal_in_one_place() {
    let record = cpd(&journal(), Some(Regulator::Nmc));
    let days: Vec<_> = record
        .activities
        .iter()
        .map(|a| (a.date, a.minutes))
        .collect();
    assert_eq!(
        days,
        [
            (date(2026, 12, 3), 45),
            (date(2026, 12, 10), 30),
            (date(2026, 12, 18), 0)
        ]
    );
    assert_eq!((record.minutes, record.participatory_minutes), (75, 30));
    let notes: usize = record.activities.iter().map(|a| a.learned.len()).sum();
    let practice: usize = record.activities.iter().map(|a| a.practice.len()).sum();
    assert_eq!((notes, practice), (1, 2));
    assert_eq!(record.activities[1].topics, ["Listen actively", "Speak up"]);
}

#[test]
fn an_empty_journal_says_so_in_every_field_of_every_form() {
    for (regulator, name) in ALL {
        let record = cpd(&Journal::new(), regulator);
        assert!(!record.entries.is_empty(), "{name}");
        for entry in &record.entries {
            for field in &entry.fields {
                let said = field.paragraphs().collect::<Vec<_>>().join(" ");
                let counted = field.name.contains("hours") || field.name == "Towards revalidation";
                assert!(
                    said.starts_with("Nothing written yet: ") || counted,
                    "{name}: {}: {said}",
                    field.name
                );
            }
        }
        let csv = to_csv(&record);
        assert_eq!(csv.lines().count(), 2, "{name}: {csv}");
        assert!(csv.contains("Nothing written yet"), "{name}");
    }
}

#[test]
fn the_html_is_one_well_formed_page_with_every_text_escaped() {
    for (regulator, name) in ALL {
        let html = to_html(&cpd(&journal(), regulator));
        let doc = roxmltree::Document::parse_with_options(
            &html,
            roxmltree::ParsingOptions {
                allow_dtd: true,
                ..roxmltree::ParsingOptions::default()
            },
        )
        .unwrap_or_else(|e| panic!("{name}: {e}\n{html}"));
        let tags: Vec<&str> = doc
            .descendants()
            .filter(|n| n.is_element())
            .map(|n| n.tag_name().name())
            .collect();
        for tag in &tags {
            assert!(
                [
                    "html", "head", "meta", "title", "style", "body", "h1", "h2", "h3", "p",
                    "section"
                ]
                .contains(tag),
                "{name}: an element <{tag}> came from the text"
            );
        }
        assert!(
            doc.descendants().all(|n| n
                .attributes()
                .all(|a| { !matches!(a.name(), "src" | "href") && !a.name().starts_with("on") })),
            "{name}: nothing external, no handlers"
        );
        let text: String = doc
            .descendants()
            .filter(|n| n.is_text())
            .filter_map(|n| n.text())
            .collect();
        if regulator != Some(Regulator::Nmc) {
            assert!(
                text.contains("<script>alert(1)</script> & listen."),
                "{name}"
            );
        }
        assert!(text.contains("<b>they</b> said thanks"), "{name}");
        assert!(
            !text.contains('\u{1b}') && text.contains("\\u001b"),
            "{name}"
        );
        assert!(html.contains("@page { size: A4"), "{name}");
    }
}

#[test]
fn the_csv_reads_back_one_row_per_activity_with_the_words_kept() {
    let record = cpd(&journal(), Some(Regulator::Hcpc));
    let text = to_csv(&record);
    assert!(text.ends_with("\r\n"));
    let mut reader = ::csv::Reader::from_reader(text.as_bytes());
    let header: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
    assert_eq!(
        header,
        [
            "Date",
            "Activity",
            "Minutes",
            "Participatory minutes",
            "What I learned",
            "Benefit"
        ]
    );
    let rows: Vec<::csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), record.activities.len());
    assert_eq!(&rows[0][0], "2026-12-03");
    assert_eq!((&rows[0][2], &rows[0][3]), ("45", "0"));
    assert_eq!((&rows[1][2], &rows[1][3]), ("30", "30"));
    assert!(rows[0][4].contains("<script>alert(1)</script> & listen.\r\n= SUM(A1)"));
    assert!(rows[1][4].contains("We agreed, \"together\", to speak up"));
    assert!(rows[2][5].contains("-It went well"));
}

#[test]
fn a_cell_that_a_spreadsheet_would_run_is_neutralised() {
    for hostile in ["=1+1", "+1", "-2", "@SUM(A1)", "\tx"] {
        let mut text = String::new();
        csv::row(&mut text, &[hostile.to_owned(), "plain".to_owned()]);
        let mut reader = ::csv::ReaderBuilder::new()
            .has_headers(false)
            .from_reader(text.as_bytes());
        let row = reader.records().next().unwrap().unwrap();
        assert_eq!(&row[0], format!("'{hostile}"), "{text:?}");
        assert_eq!(&row[1], "plain");
    }
}

#[test]
fn the_markdown_escapes_what_the_person_wrote() {
    let md = to_markdown(&cpd(&journal(), Some(Regulator::Swe)));
    assert!(md.contains("I will \\*pause\\* \\<script\\>alert(1)\\</script\\> \\& listen."));
    assert!(
        md.contains("\n\\= SUM(A1)\n\\# not a heading\\\\u001b\\[31m red"),
        "{md}"
    );
    assert!(
        md.contains("I will ask \"How can I help?\" How it went: -It went well"),
        "{md}"
    );
    assert!(!md.contains('\u{1b}'));
}

#[test]
fn the_json_carries_the_cpd_record_and_imports_back() {
    let toolkit = toolkit();
    let journal = journal();
    let mut record = learning_record(&toolkit, &journal, &december(), noon(20));
    record.cpd = Some(cpd_record(&toolkit, &record, Some(Regulator::Swe)));
    let text = to_json(&record);
    let back: crate::records::export::Record = serde_json::from_str(&text).unwrap();
    assert_eq!(back, record);
    let (import, _) = crate::records::export::import_at(&Journal::new(), &text, noon(20)).unwrap();
    let mut fresh = Journal::new();
    let report = import.merge_at(&mut fresh, noon(20));
    assert_eq!(report.discussions_added, 1);
    assert_eq!(fresh.records.discussions, journal.records.discussions);
    assert_eq!(fresh.records.notes, journal.records.notes);
    assert_eq!(fresh.records.commitments, journal.records.commitments);
    let again = learning_record(&toolkit, &fresh, &december(), noon(20));
    assert_eq!(again.data, record.data, "nothing lost on the way");
}

#[test]
fn the_registration_year_runs_from_1_december_to_30_november() {
    let year = |y, m, d| registration_year(date(y, m, d));
    assert_eq!(year(2026, 12, 5), (date(2026, 12, 1), date(2027, 11, 30)));
    assert_eq!(year(2026, 12, 1), (date(2026, 12, 1), date(2027, 11, 30)));
    assert_eq!(year(2026, 11, 30), (date(2025, 12, 1), date(2026, 11, 30)));
    assert_eq!(year(2027, 1, 1), (date(2026, 12, 1), date(2027, 11, 30)));
}
