use super::words::width;
use super::*;
use crate::toolkit::content::{Part, Quote, Section, built_in};

/// A one-part toolkit of (id, title, paragraphs) sections.
fn small(sections: &[(&str, &str, &[&str])]) -> Toolkit {
    let sections = sections
        .iter()
        .map(|(id, title, paragraphs)| Section {
            id: id.to_string(),
            title: title.to_string(),
            source: "s".into(),
            blocks: paragraphs
                .iter()
                .map(|p| Block::Paragraph(p.to_string()))
                .collect(),
            reflect: vec!["What will you do?".into()],
            discuss: Vec::new(),
            choice: None,
            facilitator_notes: Vec::new(),
        })
        .collect();
    Toolkit {
        title: "Test".into(),
        version: "1".into(),
        sources: Vec::new(),
        parts: vec![Part {
            id: "p".into(),
            title: "Part".into(),
            outcomes: Vec::new(),
            sections,
        }],
    }
}

/// The ids of the hits for `query`, best first.
fn ids(toolkit: &Toolkit, query: &str) -> Vec<String> {
    let index = Index::new(toolkit);
    let entries: Vec<_> = toolkit.entries().collect();
    index
        .search(query, 100)
        .iter()
        .map(|h| entries[h.section].section.id.clone())
        .collect()
}

/// Every hit's matches lie on character boundaries of its context.
fn check_hits(hits: &[Hit]) {
    for hit in hits {
        let mut last = 0;
        for r in &hit.matches {
            assert!(
                r.start >= last && r.start < r.end,
                "{:?} in {:?}",
                hit.matches,
                hit.context
            );
            assert!(hit.context.is_char_boundary(r.start) && hit.context.is_char_boundary(r.end));
            last = r.end;
        }
        assert!(
            hit.context.chars().map(width).sum::<usize>() <= CONTEXT_WIDTH,
            "{}",
            hit.context
        );
        assert!(!hit.context.contains('\n'));
    }
}

#[test]
fn a_title_hit_beats_a_body_hit() {
    let t = small(&[
        (
            "body",
            "Something else",
            &["Here we talk about listening to people."],
        ),
        ("title", "Listening well", &["Some words."]),
    ]);
    assert_eq!(ids(&t, "listening"), ["title", "body"]);
    let hits = Index::new(&t).search("listening", 10);
    assert_eq!(hits[0].field, FieldKind::Title);
    assert_eq!(hits[1].field, FieldKind::Body);
    assert!(hits[0].score > hits[1].score);
    check_hits(&hits);
}

#[test]
fn substring_beats_typo_and_ties_keep_reading_order() {
    let t = small(&[
        ("typo", "Lisetn", &["x"]),
        ("a", "x", &["We listen."]),
        ("b", "x", &["We listen too."]),
    ]);
    assert_eq!(ids(&t, "listen"), ["a", "b", "typo"]);
}

#[test]
fn speak_up_ranks_its_tip_first() {
    let toolkit = built_in();
    assert_eq!(ids(&toolkit, "speak up")[0], "tip-speak-up");
    assert_eq!(ids(&toolkit, "listen")[0], "tip-listen-actively");
    let hits = Index::new(&toolkit).search("speak up", 10);
    assert_eq!(&hits[0].context[hits[0].matches[0].clone()], "Speak");
    check_hits(&hits);
}

#[test]
fn case_and_accents_are_ignored() {
    let toolkit = built_in();
    for query in [
        "PSYCHOLOGICAL",
        "psychologicál",
        "Psychological Safety",
        "psychological SAFETY",
    ] {
        assert_eq!(
            ids(&toolkit, query)[0],
            "allyship-in-organisations",
            "{query}"
        );
    }
    let t = toolkit_with_accents();
    assert_eq!(ids(&t, "cafe"), ["accents"]);
    assert_eq!(ids(&t, "CAFÉ NAÏVE"), ["accents"]);
    assert_eq!(ids(&t, "zurich"), ["accents"]);
}

fn toolkit_with_accents() -> Toolkit {
    small(&[
        ("plain", "Plain", &["Nothing to see."]),
        (
            "accents",
            "Un café naïve",
            &["In Zürich, a cafe\u{301} too."],
        ),
    ])
}

#[test]
fn small_typos_are_forgiven() {
    let toolkit = built_in();
    assert_eq!(ids(&toolkit, "listne")[0], "tip-listen-actively");
    assert_eq!(ids(&toolkit, "judgment")[0], "tip-listen-actively");
    let micro = ids(&toolkit, "microagression");
    assert!(micro.contains(&"why-these-tips".to_string()), "{micro:?}");
    assert!(
        ids(&toolkit, "speek up")
            .first()
            .is_some_and(|id| id == "tip-speak-up")
    );
    // Fuzzy noise is kept out: nonsense and short scrambles find nothing.
    assert!(ids(&toolkit, "zqxw").is_empty());
    assert!(ids(&toolkit, "xq").is_empty());
    assert!(ids(&toolkit, "qwertyuiop").is_empty());
}

#[test]
fn every_word_must_match() {
    let toolkit = built_in();
    let index = Index::new(&toolkit);
    assert!(index.search("listen zzzzzz", 10).is_empty());
    let both = index.search("listen discrimination", 100);
    assert!(!both.is_empty());
    assert!(both.len() < index.search("listen", 100).len());
    for hit in &both {
        let text = serde_json::to_string(toolkit.entry(hit.section).unwrap().section).unwrap();
        assert!(!match_ranges(&text, "listen").is_empty());
        assert!(!match_ranges(&text, "discrimination").is_empty());
    }
    // Word scores add up: a section with both words beats one with either.
    let t = small(&[
        ("one", "Safety", &["x"]),
        ("both", "Team", &["Safety first."]),
    ]);
    assert_eq!(ids(&t, "team safety"), ["both"]);
}

#[test]
fn one_letter_matches_word_starts_only() {
    let t = small(&[("inside", "Allyship", &["x"]), ("start", "Listen", &["y"])]);
    assert_eq!(ids(&t, "l"), ["start"]);
    let hits = Index::new(&t).search("L", 10);
    assert_eq!(hits[0].matches, vec![0..1]);
    assert_eq!(match_ranges("all lions", "l"), vec![4..5]);
}

#[test]
fn context_is_cut_at_character_boundaries() {
    let long = "海".repeat(60) + " 🙂🙂 needle 🙂 " + &"語".repeat(60);
    let words = "word ".repeat(40) + "needle " + &"more ".repeat(40);
    let t = small(&[("cjk", "CJK", &[&long]), ("words", "Words", &[&words])]);
    let hits = Index::new(&t).search("needle", 10);
    assert_eq!(hits.len(), 2);
    check_hits(&hits);
    for hit in &hits {
        assert!(
            hit.context.starts_with('…') && hit.context.ends_with('…'),
            "{}",
            hit.context
        );
        assert_eq!(hit.matches.len(), 1);
        assert_eq!(&hit.context[hit.matches[0].clone()], "needle");
    }
    // Cut between words, not inside them.
    assert!(hits[1].context.starts_with("…word ") && hits[1].context.ends_with(" more…"));
    // A match at the very start or end of a long text.
    for text in [format!("needle {words}"), format!("{words}needle")] {
        let t = small(&[("x", "X", &[&text])]);
        let hits = Index::new(&t).search("needle", 1);
        check_hits(&hits);
        assert_eq!(&hits[0].context[hits[0].matches[0].clone()], "needle");
    }
    // A match wider than the context itself.
    let huge = "a".repeat(200);
    let t = small(&[("x", "X", &[&format!("{huge} b")])]);
    check_hits(&Index::new(&t).search(&huge, 1));
}

#[test]
fn ranges_highlight_the_right_bytes() {
    let text = "Listen — ÉCOUTE, listening; Zürich!";
    let ranges = match_ranges(text, "listen écoute zurich");
    let found: Vec<&str> = ranges.iter().map(|r| &text[r.clone()]).collect();
    assert_eq!(found, ["Listen", "ÉCOUTE", "listen", "Zürich"]);
    // Overlapping words give one range; a decomposed accent stays whole.
    assert_eq!(match_ranges("listening", "list listen"), vec![0..6]);
    assert_eq!(match_ranges("cafe\u{301}!", "café"), vec![0..6]);
    assert!(match_ranges("nothing here", "zebra").is_empty());
}

#[test]
fn odd_input_does_not_panic() {
    let toolkit = built_in();
    let index = Index::new(&toolkit);
    let long_word = "a".repeat(10_000);
    let long_words = "ab ".repeat(3_400);
    let odd = [
        "",
        "   ",
        "\t\n",
        "!!!,,,;",
        "🙂",
        "🙂 listen",
        "\u{301}",
        "İ",
        "ß",
        "海",
        &long_word,
        &long_words,
        "\u{0}",
        "listen\u{200d}🙂",
    ];
    for query in odd {
        check_hits(&index.search(query, 50));
        let _ = match_ranges(&toolkit.title, query);
        let _ = match_ranges(query, query);
    }
    for query in ["", "   ", "!!!"] {
        assert!(index.search(query, 10).is_empty());
        assert!(match_ranges("text", query).is_empty());
    }
    assert!(index.search("listen", 0).is_empty());
    let empty = Toolkit {
        parts: Vec::new(),
        ..toolkit.clone()
    };
    assert!(Index::new(&empty).search("listen", 10).is_empty());
}

#[test]
fn quotes_links_and_prompts_are_searched() {
    let mut t = small(&[("x", "X", &["y"])]);
    let section = &mut t.parts[0].sections[0];
    section.blocks.push(Block::Quote(Quote {
        text: "Kindness matters".into(),
        by: "Ada".into(),
    }));
    section.reflect = vec!["Think about fairness".into()];
    let index = Index::new(&t);
    assert_eq!(index.search("kindness", 1)[0].field, FieldKind::Quote);
    assert_eq!(index.search("fairness", 1)[0].field, FieldKind::Prompt);
    let toolkit = built_in();
    let hits = Index::new(&toolkit).search("books", 100);
    assert!(
        hits.iter()
            .any(|h| h.field == FieldKind::Link || h.field == FieldKind::Title)
    );
}

#[test]
fn plain_and_json_results() {
    let toolkit = built_in();
    let hits = Index::new(&toolkit).search("listen", 2);
    let plain = plain_results(&toolkit, &hits);
    let number = toolkit.index_of("tip-listen-actively").unwrap() + 1;
    assert!(
        plain.starts_with(&format!(
            "{number}. Listen actively and without judgement (tip-listen-actively)\n    "
        )),
        "{plain}"
    );
    assert_eq!(plain.lines().count(), 4);
    let json: serde_json::Value = serde_json::from_str(&json_results(&toolkit, &hits)).unwrap();
    assert_eq!(json[0]["number"], number);
    assert_eq!(json[0]["id"], "tip-listen-actively");
    assert_eq!(json[0]["field"], "title");
    assert_eq!(json[0]["context"], hits[0].context.as_str());
    assert_eq!(json[0]["score"], hits[0].score);
    assert_eq!(json_results(&toolkit, &[]), "[]");
}

#[test]
fn a_scenarios_question_options_and_feedback_are_searched() {
    use crate::toolkit::content::{Choice, ChoiceOption};
    let mut t = small(&[("x", "X", &["y"]), ("z", "Z", &["w"])]);
    let option = |text: &str, feedback: &str| ChoiceOption {
        text: text.into(),
        feedback: feedback.into(),
        section: None,
    };
    t.parts[0].sections[1].choice = Some(Choice {
        question: "Whatever would you pick?".into(),
        options: vec![
            option("Telephone the manager", "Escalation helps here"),
            option("Wait quietly", "Silence can hurt"),
            option("Ask gently", "Curiosity opens doors"),
        ],
    });
    let index = Index::new(&t);
    for (query, field) in [
        ("whatever", FieldKind::Choice),
        ("telephone", FieldKind::Choice),
        ("escalation", FieldKind::Feedback),
        ("curiosity doors", FieldKind::Feedback),
    ] {
        let hits = index.search(query, 5);
        assert_eq!(hits.len(), 1, "{query}");
        assert_eq!((hits[0].section, hits[0].field), (1, field), "{query}");
    }
    let toolkit = built_in();
    let joke = toolkit.index_of("scenario-joke-in-a-meeting").unwrap();
    let hits = Index::new(&toolkit).search("room saw no response", 5);
    assert_eq!(hits[0].section, joke, "{hits:?}");
    assert_eq!(hits[0].field, FieldKind::Feedback);
    assert!(json_results(&toolkit, &hits).contains("\"field\": \"feedback\""));
}
