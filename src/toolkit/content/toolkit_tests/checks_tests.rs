//! Each writing check catches a small bad example and passes its mended
//! version, so a check that quietly stopped working would fail here rather
//! than pass over the built-in toolkit unnoticed.

use super::checks::*;
use crate::toolkit::content::{Toolkit, load};
use serde_json::{Value, json};

/// A small toolkit: a voice, a tip linking to it, and a scenario whose
/// option rests on the tip. Sound as it stands.
fn sound() -> Value {
    json!({
        "title": "T", "version": "1",
        "sources": [{"id": "s", "title": "S", "publisher": "P"}],
        "parts": [
            {"id": "voices", "title": "Voices", "sections": [
                {"id": "voice-ada-okafor", "title": "Dr Ada Okafor: listening first", "source": "s",
                 "blocks": [
                    {"paragraph": "Ada Okafor leads a team. For Ada, listening comes first."},
                    {"quote": {"text": "I listen before I act.", "by": "Ada Okafor"}},
                    {"links": [{"section": "tip-listen"}]}
                 ],
                 "reflect": ["What do you listen for?"]}
            ]},
            {"id": "tips", "title": "Tips", "sections": [
                {"id": "tip-listen", "title": "Listen", "source": "s",
                 "blocks": [
                    {"paragraph": "The ABC (the Association of Busy Carers) suggests listening."},
                    {"points": ["Listen without interrupting.", "Ask the ABC for advice."]},
                    {"links": [{"section": "voice-ada-okafor"}]}
                 ],
                 "reflect": ["When did you last listen well?"],
                 "discuss": ["How could we listen better? What gets in the way?"]},
                {"id": "scenario-a", "title": "A scenario", "source": "s",
                 "blocks": [{"paragraph": "Something happens."}],
                 "choice": {"question": "What could you do?", "options": [
                    {"text": "Listen.", "feedback": "Listen rests on Ada Okafor's advice.", "section": "tip-listen"},
                    {"text": "Talk.", "feedback": "Misses the listening."},
                    {"text": "Wait.", "feedback": "Helps, and also misses."}
                 ]},
                 "reflect": ["What would you say?"]}
            ]}
        ]
    })
}

fn toolkit(value: &Value) -> Toolkit {
    let loaded = load(&value.to_string());
    loaded
        .toolkit
        .unwrap_or_else(|| panic!("{:?}", loaded.problems))
}

#[test]
fn the_sound_example_passes_every_check() {
    let t = toolkit(&sound());
    assert_eq!(unconnected(&t), Vec::<String>::new());
    assert_eq!(not_linked_from(&t, "voices"), Vec::<String>::new());
    assert_eq!(closed_prompts(&t), Vec::<String>::new());
    assert_eq!(gendered_contributors(&t), Vec::<String>::new());
    assert_eq!(
        unexplained_initialisms(&t, &WELL_KNOWN),
        Vec::<String>::new()
    );
    assert_eq!(production_notes(&t), Vec::<String>::new());
}

#[test]
fn a_section_linked_to_nothing_and_from_nothing_is_found() {
    let mut v = sound();
    v["parts"][0]["sections"][0]["blocks"][2]["links"] = json!([]);
    let t = toolkit(&v);
    // The tip still links to the voice: connected, but the tip is no
    // longer linked from it.
    assert_eq!(unconnected(&t), Vec::<String>::new());
    v["parts"][1]["sections"][0]["blocks"][2]["links"] = json!([]);
    assert_eq!(unconnected(&toolkit(&v)), ["voice-ada-okafor"]);
    assert_eq!(
        not_linked_from(&toolkit(&v), "voices"),
        ["voice-ada-okafor"]
    );
}

#[test]
fn a_section_linking_only_to_itself_counts_as_unconnected() {
    let mut v = sound();
    v["parts"][0]["sections"][0]["blocks"][2]["links"] = json!([{"section": "voice-ada-okafor"}]);
    v["parts"][1]["sections"][0]["blocks"][2]["links"] = json!([]);
    assert_eq!(unconnected(&toolkit(&v)), ["voice-ada-okafor"]);
}

#[test]
fn a_prompt_answerable_yes_or_no_is_found_in_any_sentence() {
    for prompt in [
        "Do you know who to ask?",
        "Could we do better?",
        "Have you ever spoken up?",
        "Is this fair?",
        "Are we listening?",
        "Can you name one?",
        "Would you report it?",
        "Will you try?",
        "Don't you think so?",
        "Think of a meeting. Did anyone speak up?",
        "What happened? Was it fair?",
    ] {
        let mut v = sound();
        v["parts"][1]["sections"][0]["reflect"] = json!([prompt]);
        let found = closed_prompts(&toolkit(&v));
        assert_eq!(found.len(), 1, "{prompt:?} passed");
    }
    let mut v = sound();
    v["parts"][1]["sections"][1]["choice"]["question"] = json!("Would you step in?");
    assert_eq!(closed_prompts(&toolkit(&v)).len(), 1);
    // Open questions, and words that merely start like an auxiliary, pass.
    let mut v = sound();
    v["parts"][1]["sections"][0]["reflect"] = json!([
        "Island life: what changes?",
        "Doing what, and when?",
        "Who could help?"
    ]);
    assert_eq!(closed_prompts(&toolkit(&v)), Vec::<String>::new());
}

#[test]
fn a_gendered_pronoun_for_a_contributor_is_found() {
    for (part, section, block, text) in [
        (0, 0, 0, "Ada Okafor leads a team. She listens first."),
        (0, 0, 0, "Ada Okafor leads his team."),
        (0, 0, 0, "In this role, listening comes first for her."),
    ] {
        let mut v = sound();
        v["parts"][part]["sections"][section]["blocks"][block]["paragraph"] = json!(text);
        assert_eq!(
            gendered_contributors(&toolkit(&v)).len(),
            1,
            "{text:?} passed"
        );
    }
    // Feedback outside the voices that names a contributor.
    let mut v = sound();
    v["parts"][1]["sections"][1]["choice"]["options"][0]["feedback"] =
        json!("Ada Okafor says listen. Her advice is simple.");
    assert_eq!(gendered_contributors(&toolkit(&v)).len(), 1);
    // A person in a scenario who is not a contributor may have one.
    let mut v = sound();
    v["parts"][1]["sections"][1]["blocks"][0]["paragraph"] = json!("A man says his piece.");
    assert_eq!(gendered_contributors(&toolkit(&v)), Vec::<String>::new());
}

#[test]
fn an_initialism_not_spelt_out_at_its_first_use_in_a_part_is_found() {
    let mut v = sound();
    v["parts"][1]["sections"][0]["blocks"][0]["paragraph"] = json!("The ABC suggests listening.");
    let found = unexplained_initialisms(&toolkit(&v), &WELL_KNOWN);
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(found[0].starts_with("tip-listen: ABC"), "{found:?}");
    // Spelt out later in the part is too late.
    let mut v = sound();
    v["parts"][1]["sections"][0]["blocks"][0]["paragraph"] = json!("The ABC suggests listening.");
    v["parts"][1]["sections"][0]["blocks"][1]["points"][1] =
        json!("Ask the ABC (the Association of Busy Carers).");
    assert_eq!(unexplained_initialisms(&toolkit(&v), &WELL_KNOWN).len(), 1);
    // Each part spells it out again.
    let mut v = sound();
    v["parts"][0]["sections"][0]["reflect"] = json!(["What does the ABC ask of you?"]);
    assert_eq!(unexplained_initialisms(&toolkit(&v), &WELL_KNOWN).len(), 1);
    // The other accepted forms, and the well-known exceptions.
    for text in [
        "The Association of Busy Carers (ABC) suggests it.",
        "ABC stands for the Association of Busy Carers.",
        "The NHS, the UK and the ABC (the Association of Busy Carers) suggest it.",
    ] {
        let mut v = sound();
        v["parts"][1]["sections"][0]["blocks"][0]["paragraph"] = json!(text);
        let found = unexplained_initialisms(&toolkit(&v), &WELL_KNOWN);
        assert_eq!(found, Vec::<String>::new(), "{text:?}");
    }
}

#[test]
fn a_production_note_in_learner_text_is_found_wherever_it_is() {
    for (pointer, text) in [
        (
            "/parts/1/sections/0/blocks/0/paragraph",
            "The source gives no web address.",
        ),
        (
            "/parts/1/sections/0/blocks/1/points/0",
            "That email is not part of the source.",
        ),
        (
            "/parts/1/sections/1/choice/options/1/feedback",
            "TODO: write this.",
        ),
        (
            "/parts/1/sections/0/reflect/0",
            "What will you do (placeholder)?",
        ),
    ] {
        let mut v = sound();
        *v.pointer_mut(pointer).unwrap() = json!(text);
        assert_eq!(production_notes(&toolkit(&v)).len(), 1, "{text:?} passed");
    }
}
