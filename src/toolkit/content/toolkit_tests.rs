//! Tests of the shipped toolkit's second round: outcomes, the voices'
//! introduction, the practise part's scenarios, cross-references, open
//! prompts and the corrections made against the seeds.

use super::*;

mod checks;
mod checks_tests;
mod third_round;
use checks::{
    WELL_KNOWN, closed_prompts, gendered_contributors, not_linked_from, production_notes,
    unconnected, unexplained_initialisms,
};

fn section<'a>(toolkit: &'a Toolkit, id: &str) -> &'a Section {
    let index = toolkit
        .index_of(id)
        .unwrap_or_else(|| panic!("no section {id}"));
    toolkit.entry(index).unwrap().section
}

/// Body text a person reads, quotations left out (they are the
/// contributors' own words).
fn own_words(section: &Section) -> String {
    let mut text = Vec::new();
    for block in &section.blocks {
        match block {
            Block::Paragraph(p) => text.push(p.clone()),
            Block::Points(points) => text.extend(points.iter().cloned()),
            Block::Quote(_) | Block::Links(_) => {}
        }
    }
    text.join("\n")
}

/// A section's quotations, in order.
fn quotes(section: &Section) -> Vec<&Quote> {
    section
        .blocks
        .iter()
        .filter_map(|b| match b {
            Block::Quote(q) => Some(q),
            _ => None,
        })
        .collect()
}

fn everything(section: &Section) -> String {
    serde_json::to_string(section).unwrap()
}

#[test]
fn every_part_has_two_to_four_outcomes() {
    for part in &built_in().parts {
        assert!(
            (2..=4).contains(&part.outcomes.len()),
            "{}: {} outcomes",
            part.id,
            part.outcomes.len()
        );
        for outcome in &part.outcomes {
            let first = outcome.chars().next().unwrap();
            assert!(
                first.is_lowercase() && !outcome.ends_with('.'),
                "{}: an outcome completes \"After this part you can …\": {outcome:?}",
                part.id
            );
        }
    }
}

#[test]
fn every_section_links_to_or_is_linked_from_another() {
    let alone = unconnected(&built_in());
    assert!(
        alone.is_empty(),
        "linked to nothing and from nothing: {alone:?}"
    );
}

#[test]
fn every_voice_and_tip_is_linked_from_another_section() {
    let toolkit = built_in();
    for part in ["voices", "top-tips"] {
        let unreached: Vec<String> = not_linked_from(&toolkit, part)
            .into_iter()
            // The voices' introduction and a part's recap are reached by
            // reading on into the part.
            .filter(|id| id != "voices-introduction" && !id.ends_with("-recap"))
            .collect();
        assert!(unreached.is_empty(), "nothing links to {unreached:?}");
    }
}

#[test]
fn no_prompt_can_be_answered_yes_or_no() {
    let closed = closed_prompts(&built_in());
    assert!(closed.is_empty(), "yes/no prompts:\n{}", closed.join("\n"));
}

#[test]
fn initialisms_are_spelt_out_at_first_use_in_each_part() {
    let unexplained = unexplained_initialisms(&built_in(), &WELL_KNOWN);
    assert!(unexplained.is_empty(), "{}", unexplained.join("\n"));
}

#[test]
fn the_voices_begin_with_an_introduction() {
    let toolkit = built_in();
    let voices = toolkit.parts.iter().find(|p| p.id == "voices").unwrap();
    assert_eq!(voices.sections[0].id, "voices-introduction");
    // The introduction, ten voices and the recap.
    assert_eq!(voices.sections.len(), 12);
    let text = own_words(&voices.sections[0]);
    for needle in ["diversity blogs", "role models", "ten", "listen for"] {
        assert!(text.contains(needle), "the introduction lost {needle:?}");
    }
}

#[test]
fn the_practise_part_has_nine_scenarios_resting_on_tips_and_voices() {
    let toolkit = built_in();
    let parts: Vec<&str> = toolkit.parts.iter().map(|p| p.id.as_str()).collect();
    let at = parts
        .iter()
        .position(|p| *p == "practise")
        .expect("no practise part");
    // Practice comes straight after the tips it applies.
    assert_eq!(parts[at - 1], "top-tips");
    assert_eq!(parts[at + 1], "keep-learning");
    let scenarios: Vec<&Section> = toolkit.parts[at]
        .sections
        .iter()
        .filter(|s| s.id.starts_with("scenario-"))
        .collect();
    assert!(scenarios.len() >= 9, "{} scenarios", scenarios.len());
    for id in [
        "scenario-visiting-during-unrest",
        "scenario-refused-because-of-race",
        "scenario-concern-in-supervision",
    ] {
        assert!(scenarios.iter().any(|s| s.id == id), "no {id}");
    }
    for s in scenarios {
        let choice = s
            .choice
            .as_ref()
            .unwrap_or_else(|| panic!("{}: no choice", s.id));
        assert!((3..=4).contains(&choice.options.len()), "{}", s.id);
        assert!(!own_words(s).is_empty(), "{}: no situation", s.id);
        for (n, option) in choice.options.iter().enumerate() {
            let target = option
                .section
                .as_deref()
                .unwrap_or_else(|| panic!("{} option {}: no cross-reference", s.id, n + 1));
            let target = section(&toolkit, target);
            assert!(
                target.id.starts_with("tip-")
                    || target.id.starts_with("voice-")
                    || target.id == "allyship-in-organisations",
                "{} option {} rests on {}",
                s.id,
                n + 1,
                target.id
            );
            // The feedback names what it rests on: a tip's title or a
            // contributor's name.
            let name = target
                .title
                .split(':')
                .next()
                .unwrap()
                .trim_start_matches("Dr ");
            let named = option.feedback.contains(name) || option.feedback.contains(&target.title);
            assert!(
                named,
                "{} option {}: the feedback does not name {:?}",
                s.id,
                n + 1,
                target.title
            );
            assert!(!option.feedback.contains("Correct") && !option.feedback.contains("Wrong"));
        }
    }
}

#[test]
fn contributors_are_named_not_given_a_gender() {
    let gendered = gendered_contributors(&built_in());
    assert!(gendered.is_empty(), "{}", gendered.join("\n"));
}

#[test]
fn corrections_against_the_seeds_stay_made() {
    let toolkit = built_in();
    let priscilla = everything(section(&toolkit, "voice-priscilla-chipo-marongwe"));
    // The words are hers in the hub's text: a quotation attributed to her.
    let quote = quotes(section(&toolkit, "voice-priscilla-chipo-marongwe"))[0];
    assert!(
        quote
            .text
            .contains("I want you to be there beside me and doing")
    );
    assert!(quote.by.starts_with("Priscilla Chipo Marongwe"));
    assert!(!priscilla.contains("a saying") && !priscilla.contains("good intentions"));
    let tips = everything(section(&toolkit, "tip-inclusive-behaviour"));
    assert!(tips.contains("Challenge stereotypes"));
    let laic = everything(section(&toolkit, "voice-laic-khalique"));
    assert!(laic.contains("you can't be what you can't see"));
    for (id, spelt) in [
        (
            "welcome",
            "ADASS (the Association of Directors of Adult Social Services)",
        ),
        (
            "voice-toyin-adenugba-okpaje",
            "SASW (the Scottish Association of Social Work)",
        ),
        ("voice-toyin-adenugba-okpaje", "ME (minority ethnic)"),
        ("learn-online", "PCH stands for Partners in Care and Health"),
    ] {
        assert!(
            everything(section(&toolkit, id)).contains(spelt),
            "{id}: {spelt}"
        );
    }
    // ADASS is spelt out where a reader first meets it.
    let first = toolkit
        .entries()
        .find(|e| everything(e.section).contains("ADASS"))
        .unwrap();
    assert_eq!(first.section.id, "welcome");
    assert!(
        everything(section(&toolkit, "tip-practical-support")).contains("National Wellbeing Hub")
    );
}

#[test]
fn learner_text_carries_no_production_notes() {
    let notes = production_notes(&built_in());
    assert!(notes.is_empty(), "{}", notes.join("\n"));
}

#[test]
fn learning_about_organisations_gives_something_to_do() {
    let toolkit = built_in();
    let s = section(&toolkit, "learn-organisations");
    let points = s
        .blocks
        .iter()
        .any(|b| matches!(b, Block::Points(p) if p.len() >= 2));
    assert!(points, "learn-organisations has no actions");
}
