//! Each course-shape check passes a sound toolkit and fails on a small bad
//! example, with a message that says what to do.

use super::super::load;
use serde_json::{Value, json};

/// Prose that reads easily and is long enough to be scored (48 words).
const PLAIN_PROSE: &str = "Ask how they are. Listen to what they say. Do not rush to fix it. \
    Let them choose what help they want. Keep what they tell you to yourself. \
    Come back to them in a day or two. Ask again. Say what you will do, and do it.";

/// The same length of prose in long words and one long sentence.
const HARD_PROSE: &str = "Organisational accountability necessitates comprehensive \
    institutional prioritisation of anti-discriminatory considerations throughout \
    operational decision-making infrastructures, particularly regarding \
    psychological safety, representation, intersectionality and equitable \
    opportunities, recognising historical marginalisation, institutional \
    discrimination and organisational cultures, which consequently necessitate \
    continuous evaluation, systematic monitoring, transparent communication and \
    collaborative implementation.";

/// Two parts: a first that needs no recap, and a practise part with a
/// scenario whose feedback names and links a tip and a voice, closing with a
/// recap.
fn sound() -> Value {
    json!({
        "title": "T", "version": "1",
        "sources": [{"id": "s", "title": "S", "publisher": "P"}],
        "parts": [
            {"id": "p", "title": "P",
             "outcomes": ["ask a colleague how they prefer to be supported",
                          "explain what an ally does", "find your reporting route"],
             "sections": [
                {"id": "tip", "title": "Check in on colleagues", "source": "s",
                 "blocks": [{"paragraph": PLAIN_PROSE}], "reflect": ["What will you try?"]},
                {"id": "voice-ann", "title": "Ann Lee: asking helps", "source": "s",
                 "blocks": [{"quote": {"text": "Ask.", "by": "Ann Lee, a long job title"}}],
                 "reflect": ["What will you ask?"]}
             ]},
            {"id": "practise", "title": "Practise", "outcomes": ["try it", "think it over"],
             "sections": [
                {"id": "scenario-a", "title": "A scenario", "source": "s",
                 "blocks": [{"paragraph": "Something happens."}],
                 "choice": {"question": "What could you do?", "options": [
                    {"text": "One", "feedback": "\u{201c}Check in on colleagues\u{201d} asks this.",
                     "section": "tip"},
                    {"text": "Two", "feedback": "As \"check in on colleagues\" says.",
                     "section": "tip"},
                    {"text": "Three", "feedback": "Ann Lee says to ask.", "section": "voice-ann"}
                 ]},
                 "reflect": ["What would you say?"]},
                {"id": "practise-recap", "title": "Recap", "source": "s",
                 "blocks": [
                    {"points": ["One.", "Two.", "Three."]},
                    {"paragraph": "Press C and write one \"I will …\"."}
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

/// Asserts that `value` loads with exactly one problem, a warning, that
/// contains every needle.
fn warns(value: &Value, needles: &[&str]) {
    let loaded = load(&value.to_string());
    let text: Vec<String> = loaded.problems.iter().map(ToString::to_string).collect();
    assert_eq!(text.len(), 1, "{text:?}");
    assert!(text[0].starts_with("warning: "), "{text:?}");
    for needle in needles {
        assert!(text[0].contains(needle), "{needle:?} not in {text:?}");
    }
    assert!(loaded.toolkit.is_some(), "a warning still loads");
}

#[test]
fn a_sound_course_has_no_problems() {
    assert!(messages(&sound()).is_empty(), "{:?}", messages(&sound()));
}

#[test]
fn hard_prose_is_a_warning_that_gives_the_score() {
    let mut v = sound();
    v["parts"][0]["sections"][0]["blocks"][0]["paragraph"] = json!(HARD_PROSE);
    warns(
        &v,
        &[
            "section \"tip\", blocks: its own prose scores -",
            "for reading ease (Flesch); plain English is 50 or more",
        ],
    );
}

#[test]
fn points_count_as_prose_but_quotations_and_short_sections_do_not() {
    // The same hard words as points are scored too.
    let mut v = sound();
    let points: Vec<&str> = HARD_PROSE.split(", ").collect();
    v["parts"][0]["sections"][0]["blocks"][0] = json!({"points": points});
    warns(&v, &["section \"tip\", blocks: its own prose scores"]);
    // In a quotation they are someone else's words, not scored.
    let mut v = sound();
    v["parts"][0]["sections"][0]["blocks"]
        .as_array_mut()
        .unwrap()
        .push(json!({"quote": {"text": HARD_PROSE, "by": "Someone"}}));
    assert!(messages(&v).is_empty(), "{:?}", messages(&v));
    // Under 40 words of prose is too short to score.
    let mut v = sound();
    let short: String = HARD_PROSE
        .split_whitespace()
        .take(39)
        .collect::<Vec<_>>()
        .join(" ");
    v["parts"][0]["sections"][0]["blocks"][0]["paragraph"] = json!(short);
    assert!(messages(&v).is_empty(), "{:?}", messages(&v));
}

#[test]
fn more_than_a_third_of_outcomes_only_saying_is_a_warning() {
    let mut v = sound();
    v["parts"][0]["outcomes"] = json!([
        "say why it matters",
        "understand the tips",
        "find your reporting route"
    ]);
    warns(
        &v,
        &["part \"p\", outcomes: 2 of 3 outcomes start with say/explain/describe/know/understand"],
    );
    // The sound toolkit has one of three, a third: allowed. A second is not.
    let mut v = sound();
    v["parts"][0]["outcomes"][0] = json!("Know the tips");
    warns(&v, &["2 of 3 outcomes"]);
}

#[test]
fn a_part_after_the_first_must_end_with_a_recap() {
    let mut v = sound();
    v["parts"][1]["sections"]
        .as_array_mut()
        .unwrap()
        .pop()
        .unwrap();
    warns(
        &v,
        &[
            "part \"practise\", sections: the part should end with a recap",
            "(it ends with \"scenario-a\")",
        ],
    );
    // The first part needs none: the sound toolkit's first part has none.
    assert!(messages(&sound()).is_empty());
}

#[test]
fn a_recap_has_three_to_five_points() {
    for points in [
        json!(["One.", "Two."]),
        json!(["1", "2", "3", "4", "5", "6"]),
    ] {
        let mut v = sound();
        let count = points.as_array().unwrap().len();
        v["parts"][1]["sections"][1]["blocks"][0]["points"] = points;
        warns(
            &v,
            &[&format!(
                "the recap \"practise-recap\" has {count} key points; it should have 3 to 5"
            )],
        );
    }
}

#[test]
fn a_recap_closes_with_an_i_will_invitation_after_its_points() {
    let mut v = sound();
    v["parts"][1]["sections"][1]["blocks"][1]["paragraph"] = json!("That is all.");
    warns(
        &v,
        &["should close, after its points, with a paragraph inviting"],
    );
    // Before the points is not closing.
    let mut v = sound();
    v["parts"][1]["sections"][1]["blocks"]
        .as_array_mut()
        .unwrap()
        .reverse();
    warns(&v, &["should close, after its points"]);
}

#[test]
fn feedback_must_link_what_it_rests_on() {
    let mut v = sound();
    v["parts"][1]["sections"][0]["choice"]["options"][0]
        .as_object_mut()
        .unwrap()
        .remove("section");
    warns(
        &v,
        &["choice option 1: the feedback should link the tip or voice it rests on"],
    );
}

#[test]
fn feedback_must_name_a_tip_in_quotation_marks_and_a_voice_by_name() {
    // Named, but not in quotation marks.
    let mut v = sound();
    v["parts"][1]["sections"][0]["choice"]["options"][1]["feedback"] =
        json!("As Check in on colleagues says.");
    warns(
        &v,
        &[
            "choice option 2: the feedback links \"Check in on colleagues\" but does not name it",
            "name it in quotation marks: \u{201c}Check in on colleagues\u{201d}",
        ],
    );
    // A voice by the contributor's name.
    let mut v = sound();
    v["parts"][1]["sections"][0]["choice"]["options"][2]["feedback"] = json!("Asking helps.");
    warns(&v, &["choice option 3", "name Ann Lee"]);
}
