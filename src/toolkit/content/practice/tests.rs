use super::super::{BUILT_IN, load};
use super::*;
use serde_json::{Value, json};

/// A toolkit with two parts, outcomes, and a scenario whose choice is
/// sound, the second part closing with a recap.
fn sound() -> Value {
    json!({
        "title": "T", "version": "1",
        "sources": [{"id": "s", "title": "S", "publisher": "P"}],
        "parts": [
            {"id": "p", "title": "P", "outcomes": ["do one thing", "do another"],
             "sections": [
                {"id": "tip", "title": "A tip", "source": "s",
                 "blocks": [{"paragraph": "Listen first."}], "reflect": ["What will you try?"]}
             ]},
            {"id": "practise", "title": "Practise", "outcomes": ["try it", "think it over"],
             "sections": [
                {"id": "scenario-a", "title": "A scenario", "source": "s",
                 "blocks": [
                    {"paragraph": "Something happens."},
                    {"links": [{"section": "tip"}]}
                 ],
                 "choice": {"question": "What could you do?", "options": [
                    {"text": "One", "feedback": "Good because of \"A tip\".", "section": "tip"},
                    {"text": "Two", "feedback": "Misses \"A tip\".", "section": "tip"},
                    {"text": "Three", "feedback": "Helps, as in \"A tip\".", "section": "tip"}
                 ]},
                 "reflect": ["What would you say?"]},
                {"id": "practise-recap", "title": "Recap", "source": "s",
                 "blocks": [
                    {"points": ["One.", "Two.", "Three."]},
                    {"paragraph": "Write one \"I will …\" to close."}
                 ],
                 "reflect": ["What will you do?"]}
             ]}
        ]
    })
}

fn messages(value: &Value) -> Vec<String> {
    load(&value.to_string())
        .problems
        .iter()
        .map(ToString::to_string)
        .collect()
}

/// Asserts that `value` has exactly one problem, containing `needle`, of
/// the given severity.
fn fails_with(value: &Value, severity: Severity, needle: &str) {
    let loaded = load(&value.to_string());
    let text: Vec<String> = loaded.problems.iter().map(ToString::to_string).collect();
    assert_eq!(loaded.problems.len(), 1, "{text:?}");
    assert_eq!(loaded.problems[0].severity, severity, "{text:?}");
    assert!(text[0].contains(needle), "{needle:?} not in {text:?}");
    assert_eq!(loaded.toolkit.is_some(), severity == Severity::Warning);
}

#[test]
fn a_sound_scenario_and_outcomes_load_cleanly() {
    assert!(messages(&sound()).is_empty(), "{:?}", messages(&sound()));
}

#[test]
fn a_part_with_too_few_or_too_many_outcomes_is_a_warning() {
    for outcomes in [json!([]), json!(["one"]), json!(["a", "b", "c", "d", "e"])] {
        let mut v = sound();
        v["parts"][0]["outcomes"] = outcomes;
        fails_with(&v, Severity::Warning, "part \"p\", outcomes:");
    }
    let mut v = sound();
    v["parts"][0].as_object_mut().unwrap().remove("outcomes");
    fails_with(&v, Severity::Warning, "0 outcomes");
}

#[test]
fn a_blank_outcome_is_an_error() {
    let mut v = sound();
    v["parts"][1]["outcomes"][1] = json!("  ");
    fails_with(
        &v,
        Severity::Error,
        "part \"practise\", outcome 2: the outcome is empty",
    );
}

#[test]
fn a_choice_needs_a_question() {
    let mut v = sound();
    v["parts"][1]["sections"][0]["choice"]["question"] = json!("");
    fails_with(&v, Severity::Error, "choice: the question is empty");
}

#[test]
fn a_choice_has_three_or_four_options() {
    for count in [0, 1, 2, 5] {
        let mut v = sound();
        let option = json!({"text": "T", "feedback": "As \"A tip\" says.", "section": "tip"});
        v["parts"][1]["sections"][0]["choice"]["options"] = json!(vec![option; count]);
        fails_with(
            &v,
            Severity::Error,
            &format!("{count} options; a choice has 3 or 4"),
        );
    }
    let mut v = sound();
    v["parts"][1]["sections"][0]["choice"]["options"]
        .as_array_mut()
        .unwrap()
        .push(json!({"text": "Four", "feedback": "Fine: \"A tip\".", "section": "tip"}));
    assert!(messages(&v).is_empty(), "{:?}", messages(&v));
}

#[test]
fn every_option_needs_text_and_feedback() {
    let mut v = sound();
    v["parts"][1]["sections"][0]["choice"]["options"][1]["text"] = json!(" ");
    fails_with(
        &v,
        Severity::Error,
        "choice option 2: the option's text is empty",
    );
    let mut v = sound();
    v["parts"][1]["sections"][0]["choice"]["options"][2]["feedback"] = json!("");
    fails_with(
        &v,
        Severity::Error,
        "choice option 3: the option has no feedback",
    );
    let mut v = sound();
    v["parts"][1]["sections"][0]["choice"]["options"][0]
        .as_object_mut()
        .unwrap()
        .remove("feedback");
    let text = messages(&v).join("\n");
    assert!(text.contains("feedback"), "{text}");
}

#[test]
fn an_option_may_only_cross_reference_a_section_that_exists() {
    let mut v = sound();
    v["parts"][1]["sections"][0]["choice"]["options"][0]["section"] = json!("tip-missing");
    fails_with(
        &v,
        Severity::Error,
        "section \"scenario-a\", choice option 1: no section has the id \"tip-missing\"",
    );
}

#[test]
fn unknown_fields_in_a_choice_are_errors() {
    let mut v = sound();
    v["parts"][1]["sections"][0]["choice"]["options"][0]["correct"] = json!(true);
    let loaded = load(&serde_json::to_string_pretty(&v).unwrap());
    assert!(loaded.toolkit.is_none());
    assert!(loaded.problems[0].message.contains("correct"));
}

#[test]
fn long_feedback_is_a_warning() {
    let mut v = sound();
    v["parts"][1]["sections"][0]["choice"]["options"][2]["feedback"] =
        json!(format!("\"A tip\" {}", "word ".repeat(FEEDBACK_BUDGET - 1)));
    fails_with(
        &v,
        Severity::Warning,
        "section \"scenario-a\", choice option 3: 61 words of feedback",
    );
}

#[test]
fn every_choice_problem_is_reported_at_once_with_its_place() {
    let mut v = sound();
    v["parts"][0]["outcomes"] = json!([""]);
    v["parts"][1]["sections"][0]["choice"] = json!({"question": "", "options": [
        {"text": "", "feedback": "", "section": "nowhere"}
    ]});
    let text = messages(&v).join("\n");
    for needle in [
        "part \"p\", outcome 1: the outcome is empty",
        "part \"p\", outcomes: 1 outcomes",
        "choice: the question is empty",
        "choice: 1 options",
        "choice option 1: the option's text is empty",
        "choice option 1: the option has no feedback",
        "choice option 1: no section has the id \"nowhere\"",
    ] {
        assert!(text.contains(needle), "missing {needle:?} in\n{text}");
    }
}

#[test]
fn the_question_and_options_count_towards_the_word_budget_but_feedback_does_not() {
    let toolkit = load(&sound().to_string()).toolkit.unwrap();
    let scenario = &toolkit.parts[1].sections[0];
    // "Something happens." + "What could you do?" + One Two Three + link title "A tip"
    assert_eq!(super::super::body_words(scenario), 2 + 4 + 3 + 2);
}

#[test]
fn a_cross_reference_without_a_title_takes_its_targets_title() {
    let toolkit = load(&sound().to_string()).toolkit.unwrap();
    let super::super::Block::Links(links) = &toolkit.parts[1].sections[0].blocks[1] else {
        panic!("not links");
    };
    assert_eq!(links[0].title, "A tip");
    // Titles given in the file are kept as they are.
    let mut v = sound();
    v["parts"][1]["sections"][0]["blocks"][1]["links"][0]["title"] = json!("Own label");
    let toolkit = load(&v.to_string()).toolkit.unwrap();
    let super::super::Block::Links(links) = &toolkit.parts[1].sections[0].blocks[1] else {
        panic!("not links");
    };
    assert_eq!(links[0].title, "Own label");
}

#[test]
fn only_a_cross_reference_may_leave_its_title_out() {
    let mut v = sound();
    v["parts"][1]["sections"][0]["blocks"][1]["links"] = json!([{"url": "https://example.org/"}]);
    fails_with(&v, Severity::Error, "link: a link has an empty title");
    let mut v = sound();
    v["parts"][1]["sections"][0]["blocks"][1]["links"] = json!([{"section": "gone"}]);
    fails_with(
        &v,
        Severity::Error,
        "link to \"gone\": no section has the id \"gone\"",
    );
}

#[test]
fn cross_references_come_from_links_and_options() {
    let toolkit = load(&sound().to_string()).toolkit.unwrap();
    let refs: Vec<&str> = cross_references(&toolkit.parts[1].sections[0]).collect();
    assert_eq!(refs, ["tip", "tip", "tip", "tip"]);
}

#[test]
fn the_built_in_toolkit_gives_no_section_link_a_title_of_its_own() {
    let raw: Value = serde_json::from_str(BUILT_IN).unwrap();
    let mut titled = Vec::new();
    for section in raw["parts"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|p| p["sections"].as_array().unwrap())
    {
        for block in section["blocks"].as_array().unwrap() {
            for link in block["links"].as_array().into_iter().flatten() {
                if link.get("section").is_some() && link.get("title").is_some() {
                    titled.push(format!("{} -> {}", section["id"], link["section"]));
                }
            }
        }
    }
    assert!(
        titled.is_empty(),
        "section links with their own title: {titled:?}"
    );
}

#[test]
fn a_section_link_titled_differently_from_its_target_is_a_warning() {
    let mut v = sound();
    v["parts"][1]["sections"][0]["blocks"][1]["links"][0]["title"] = json!("Own label");
    fails_with(
        &v,
        Severity::Warning,
        "section \"scenario-a\", link \"Own label\": the section it points to is called \"A tip\"",
    );
    // The target's own title, or none at all, is no problem.
    for title in [json!("A tip"), json!("")] {
        let mut v = sound();
        v["parts"][1]["sections"][0]["blocks"][1]["links"][0]["title"] = title;
        assert!(messages(&v).is_empty(), "{:?}", messages(&v));
    }
}
