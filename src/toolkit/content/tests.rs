//! Tests of loading and checking a toolkit file: problems reported with
//! their place, warnings apart from errors, word counts and control
//! characters. The shipped toolkit's own tests are in `shipped_tests.rs`.

use super::*;

fn minimal() -> serde_json::Value {
    serde_json::json!({
        "title": "T", "version": "1",
        "sources": [{"id": "s", "title": "S", "publisher": "P"}],
        "parts": [{"id": "p", "title": "P", "outcomes": ["do this", "do that"], "sections": [
            {"id": "a", "title": "A", "source": "s",
             "blocks": [{"paragraph": "Hello there."}], "reflect": ["Why?"]}
        ]}]
    })
}

fn problems_of(value: &serde_json::Value) -> Vec<Problem> {
    load(&value.to_string()).problems
}

#[test]
fn a_minimal_toolkit_loads_cleanly() {
    let loaded = load(&minimal().to_string());
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
    assert!(loaded.toolkit.is_some());
}

#[test]
fn bad_json_names_line_and_column() {
    let loaded = load("{\n  \"title\": \"x\",\n  oops\n}");
    assert!(loaded.toolkit.is_none());
    assert_eq!(loaded.problems.len(), 1);
    assert_eq!(loaded.problems[0].place, Place::Text { line: 3, column: 3 });
    assert!(
        loaded.problems[0]
            .to_string()
            .starts_with("error: line 3, column 3:")
    );
}

#[test]
fn every_meaning_problem_is_reported_at_once() {
    let mut v = minimal();
    let sections = v["parts"][0]["sections"].as_array_mut().unwrap();
    sections.push(serde_json::json!({
        "id": "a", "title": " ", "source": "nowhere",
        "blocks": [{"links": [
            {"title": "L", "url": "ftp://x"},
            {"title": "R", "section": "missing"}
        ]}],
        "reflect": []
    }));
    let problems = problems_of(&v);
    let text: Vec<String> = problems.iter().map(ToString::to_string).collect();
    let joined = text.join("\n");
    for needle in [
        "used more than once",
        "title: the title is empty",
        "\"nowhere\" is not one of the toolkit's sources",
        "\"ftp://x\" is not a web address",
        "no section has the id \"missing\"",
        "reflect: add at least one reflection prompt",
    ] {
        assert!(joined.contains(needle), "missing {needle:?} in\n{joined}");
    }
    assert!(load(&v.to_string()).toolkit.is_none());
}

#[test]
fn an_over_long_section_is_a_warning_not_an_error() {
    let mut v = minimal();
    // Short sentences of short words: too long, but plain English.
    let long = "A word. ".repeat(WORD_BUDGET / 2) + "End.";
    v["parts"][0]["sections"][0]["blocks"][0]["paragraph"] = long.into();
    let loaded = load(&v.to_string());
    assert_eq!(loaded.problems.len(), 1);
    assert_eq!(loaded.problems[0].severity, Severity::Warning);
    assert!(loaded.problems[0].message.starts_with("151 words"));
    assert!(loaded.toolkit.is_some());
}

#[test]
fn opening_to_read_checks_errors_only_and_check_content_checks_everything() {
    let mut v = minimal();
    let long = "A word. ".repeat(WORD_BUDGET / 2) + "End.";
    v["parts"][0]["sections"][0]["blocks"][0]["paragraph"] = long.into();
    // A second problem, an error: both routes must still refuse it.
    let mut broken = v.clone();
    broken["parts"][0]["sections"][0]["source"] = "nowhere".into();

    let to_read = load_checking(&v.to_string(), Checks::Errors);
    assert!(to_read.problems.is_empty(), "{:?}", to_read.problems);
    assert!(to_read.toolkit.is_some());
    assert_eq!(
        load_checking(&v.to_string(), Checks::Every).problems.len(),
        1
    );

    for checks in [Checks::Errors, Checks::Every] {
        let loaded = load_checking(&broken.to_string(), checks);
        assert!(loaded.toolkit.is_none(), "{checks:?}");
        assert!(
            loaded
                .problems
                .iter()
                .any(|p| p.severity == Severity::Error),
            "{checks:?}"
        );
    }
}

#[test]
fn unknown_fields_and_wrong_types_are_errors_with_a_place() {
    let mut v = minimal();
    v["parts"][0]["sections"][0]["blokcs"] = serde_json::json!([]);
    let loaded = load(&serde_json::to_string_pretty(&v).unwrap());
    assert!(loaded.toolkit.is_none());
    assert!(matches!(loaded.problems[0].place, Place::Text { .. }));
    assert!(loaded.problems[0].message.contains("blokcs"));
}

#[test]
fn body_words_count_every_block_but_not_prompts() {
    let section = Section {
        id: "x".into(),
        title: "Title words here".into(),
        source: "s".into(),
        blocks: vec![
            Block::Paragraph("one two".into()),
            Block::Points(vec!["three".into(), "four five".into()]),
            Block::Quote(Quote {
                text: "six".into(),
                by: "Seven Eight".into(),
            }),
            Block::Links(vec![Link {
                title: "nine".into(),
                url: None,
                section: None,
                by: Some("not counted".into()),
                kind: None,
            }]),
        ],
        reflect: vec!["not counted either".into()],
        discuss: vec![],
        choice: None,
        facilitator_notes: Vec::new(),
    };
    assert_eq!(body_words(&section), 9);
}

#[test]
fn words_are_counted_as_split_whitespace_counts_them() {
    for text in [
        "",
        "   ",
        "one",
        " two  words ",
        "tab\tnew\nline\x0bvertical\x0cfeed\rreturn",
        "no\u{a0}break thin\u{2009}space ideographic\u{3000}space",
        "你好 世界 👩\u{200d}👩\u{200d}👧 e\u{301}",
    ] {
        assert_eq!(
            count_words(text),
            text.split_whitespace().count(),
            "{text:?}"
        );
    }
}

#[test]
fn control_characters_and_bad_addresses_are_each_reported_with_their_place() {
    let mut v = minimal();
    v["title"] = "T\u{1b}]0;pwned\u{7}".into();
    v["sources"][0]["publisher"] = "P\u{9b}2J".into();
    let section = &mut v["parts"][0]["sections"][0];
    section["blocks"] = serde_json::json!([
        {"paragraph": "Fine."},
        {"points": ["ok", "bad\u{7}", "see \u{202e}reversed"]},
        {"links": [
            {"title": "Spaces", "url": "https://example.org/a b"},
            {"title": "Escape", "url": "https://example.org/\u{1b}]8;;x"},
            {"title": "Disguised", "url": "https://www.nhs.uk@evil.example/"}
        ]}
    ]);
    section["reflect"] = serde_json::json!(["Why?\r"]);
    let loaded = load(&v.to_string());
    assert!(
        loaded.toolkit.is_none(),
        "a toolkit with controls does not load"
    );
    let joined: Vec<String> = loaded.problems.iter().map(ToString::to_string).collect();
    let joined = joined.join("\n");
    for needle in [
        "toolkit, title: a control character (U+001B) at character 2",
        "source \"s\", publisher: a control character (U+009B)",
        "section \"a\", block 2, point 2: a control character (U+0007) at character 4",
        "section \"a\", block 2, point 3: a control character (U+202E) at character 5",
        "link \"Spaces\": \"https://example.org/a b\" is not a web address (it holds a space",
        "link \"Escape\": \"https://example.org/\u{1b}]8;;x\" is not a web address",
        "block 3, link 2, url: a control character (U+001B)",
        "link \"Disguised\": \"https://www.nhs.uk@evil.example/\" is not a web address (it holds a user name",
        "section \"a\", reflect 1: a control character (U+000D)",
    ] {
        assert!(joined.contains(needle), "missing {needle:?} in\n{joined}");
    }
}
