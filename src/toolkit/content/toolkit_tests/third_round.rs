//! The third round against the seeds (issue 21): corrections that stay
//! made, terms explained where a reader first meets them, roles in bylines,
//! and a recap closing every part after the first.

use super::*;

/// The first section, in reading order, whose text has `needle`.
fn first_use<'a>(toolkit: &'a Toolkit, needle: &str) -> &'a Section {
    toolkit
        .entries()
        .map(|e| e.section)
        .find(|s| {
            everything(s)
                .to_lowercase()
                .contains(&needle.to_lowercase())
        })
        .unwrap_or_else(|| panic!("nothing says {needle:?}"))
}

#[test]
fn the_corrections_of_the_third_round_stay_made() {
    let toolkit = built_in();
    let has = |id: &str, needles: &[&str]| {
        let text = everything(section(&toolkit, id));
        for needle in needles {
            assert!(text.contains(needle), "{id} lost {needle:?}");
        }
    };
    let lacks = |id: &str, needles: &[&str]| {
        let text = everything(section(&toolkit, id));
        for needle in needles {
            assert!(!text.contains(needle), "{id} still says {needle:?}");
        }
    };
    // 2: two definitions, presented fairly.
    has(
        "defining-allyship",
        &[
            "separate definition",
            "help drive change",
            "a commitment to fairness",
            "to positively influence situations",
            "speak up for groups",
            "with people",
        ],
    );
    lacks("defining-allyship", &["shorter version"]);
    // 3, 4, 11: the voices' own points.
    has(
        "voice-gregory-ekatah",
        &["someone like Gregory", "would be a start"],
    );
    has("voice-toyin-adenugba-okpaje", &["recognise and accept"]);
    lacks("voice-toyin-adenugba-okpaje", &["admit"]);
    has(
        "voice-calum-gallacher",
        &["a key part of this mission", "including but not limited to"],
    );
    // 8: the aim is Leading to Change's Equalities work's, as the hub quotes it.
    let aim = quotes(section(&toolkit, "faq-leading-to-change"))[0];
    assert!(aim.by.starts_with("Leading to Change Equalities work"));
    // 9: ADASS's words, and John Wilkes's.
    has(
        "allyship-in-organisations",
        &["without fear of repercussions", "fear of raising concerns"],
    );
    lacks("allyship-in-organisations", &["stay hidden"]);
    // 10: part of the Equalities work, not set up by it.
    has(
        "welcome",
        &[
            "part of the Equalities work of Leading to Change",
            "leaders at all levels",
            "amplify voices from across the sectors",
        ],
    );
    lacks("welcome", &["set up"]);
    // 12: nothing added that the seeds do not say.
    lacks("tip-zero-tolerance", &["however small"]);
    lacks(
        "tip-clumsy-but-respectful",
        &["Fear of saying the wrong thing"],
    );
    lacks("learn-online", &["short introductory"]);
    lacks("learn-organisations", &["recommend"]);
    lacks("learn-books", &["recommend"]);
    // 14: contributors, not all of them leaders.
    has(
        "voices-introduction",
        &["contributors", "Not all of them lead by position"],
    );
    let voices = toolkit.parts.iter().find(|p| p.id == "voices").unwrap();
    assert!(voices.outcomes.iter().all(|o| !o.contains("leaders")));
}

#[test]
fn the_scenario_corrections_stay_made() {
    let toolkit = built_in();
    let feedback = |id: &str, n: usize| {
        section(&toolkit, id).choice.as_ref().unwrap().options[n]
            .feedback
            .clone()
    };
    // 1: a private word rests on "challenge … when safe", not on clumsy
    // conversations, which say nothing of losing face.
    let joke = feedback("scenario-joke-in-a-meeting", 1);
    assert!(
        joke.contains("Speak up") && !joke.contains("losing face"),
        "{joke}"
    );
    // 5: reporting follows the organisation's guidance; silence is not
    // said to look like acceptance; one point of four is not "the heart".
    let report = feedback("scenario-remark-on-a-visit", 2);
    assert!(report.contains("guidance"), "{report}");
    let silent = feedback("scenario-remark-on-a-visit", 1);
    assert!(silent.contains("when it is safe") && silent.contains("under the carpet"));
    for id in ["scenario-remark-on-a-visit", "scenario-left-out-on-nights"] {
        assert!(
            !everything(section(&toolkit, id)).contains("heart of"),
            "{id}"
        );
    }
    // 6: neutral, resting on respectful and inclusive language.
    let term = feedback("scenario-corrected-on-a-term", 1);
    assert!(term.contains("respectful and inclusive language") && !term.contains("long"));
    // 7: an equality angle, no union aim stretched into personal advice.
    let nights = everything(section(&toolkit, "scenario-left-out-on-nights"));
    assert!(nights.contains("not from here") && !nights.contains("Calum"));
}

#[test]
fn quotations_cut_mid_sentence_say_so_and_are_not_repeated() {
    let toolkit = built_in();
    for entry in toolkit.entries().filter(|e| e.part.id == "voices") {
        for q in quotes(entry.section) {
            let starts = q.text.starts_with('…') || q.text.starts_with(char::is_uppercase);
            let ends = q.text.ends_with(['.', '!', '?', '…']);
            assert!(
                starts && ends,
                "{}: cut without …: {:?}",
                entry.section.id,
                q.text
            );
            // The prose does not say the quotation again.
            let inner = q.text.trim_matches(|c: char| !c.is_alphanumeric());
            assert!(
                !own_words(entry.section).contains(inner),
                "{} repeats its quotation",
                entry.section.id
            );
        }
    }
    for (id, cut) in [
        ("voice-john-wilkes", "fear of raising concerns, and no"),
        ("voice-caroline-lamb", "must not be lost"),
    ] {
        assert!(!everything(section(&toolkit, id)).contains(cut), "{id}");
    }
}

#[test]
fn an_active_bystander_is_defined_once() {
    let toolkit = built_in();
    let defined: Vec<&str> = toolkit
        .entries()
        .filter(|e| own_words(e.section).contains("An active bystander "))
        .map(|e| e.section.id.as_str())
        .collect();
    assert_eq!(defined, ["defining-allyship"]);
}

#[test]
fn terms_are_explained_where_a_reader_first_meets_them() {
    let toolkit = built_in();
    for (term, gloss) in [
        ("escalate", "to take it further"),
        (
            "community of practice",
            "a group of people who share an interest",
        ),
        ("Leading to Change", "runs programmes"),
        ("brap", "an organisation that works on equality"),
    ] {
        let first = first_use(&toolkit, term);
        assert!(
            everything(first).contains(gloss),
            "{term} is first met in {} without {gloss:?}",
            first.id
        );
    }
}

#[test]
fn job_titles_are_in_a_byline_not_in_the_prose() {
    let toolkit = built_in();
    for entry in toolkit
        .entries()
        .filter(|e| e.section.id.starts_with("voice-"))
    {
        let quote = quotes(entry.section)[0];
        let (name, role) = quote
            .by
            .split_once(", ")
            .unwrap_or_else(|| panic!("{}: no role in {:?}", entry.section.id, quote.by));
        assert!(entry.section.title.contains(name), "{}", entry.section.id);
        assert!(
            !own_words(entry.section).contains(role),
            "{}: the role is in the prose",
            entry.section.id
        );
        // The byline comes first, where a reader meets the person.
        assert!(matches!(entry.section.blocks[0], Block::Quote(_)));
    }
}

#[test]
fn every_part_after_the_first_closes_with_a_recap_that_asks_for_a_commitment() {
    let toolkit = built_in();
    for part in &toolkit.parts[1..] {
        let last = part.sections.last().unwrap();
        assert!(
            last.id.ends_with("-recap"),
            "{} ends with {}",
            part.id,
            last.id
        );
        let text = own_words(last);
        // It says how: C opens the commitment window, as KEYS.md has it.
        for needle in ["\"I will …\"", "Press C", "allyship commit", "In a team"] {
            assert!(text.contains(needle), "{}: no {needle:?}", last.id);
        }
        // The team's closing step, shown by the presenter as the discussion.
        assert!(
            last.discuss.iter().any(|d| d.contains("I will")),
            "{}",
            last.id
        );
    }
    assert!(
        !toolkit.parts[0]
            .sections
            .iter()
            .any(|s| s.id.ends_with("-recap"))
    );
}

#[test]
fn the_hubs_own_questions_come_last_as_about_the_hub() {
    let toolkit = built_in();
    let last = toolkit.parts.last().unwrap();
    assert_eq!(
        (last.id.as_str(), last.title.as_str()),
        ("questions", "About the hub")
    );
}
