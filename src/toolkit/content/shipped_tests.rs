//! Tests of the shipped toolkit's first round: it loads without a problem,
//! the outline's sections in order, every contributor's voice, every tip's
//! points, prompts, resources' addresses, and a round trip through JSON.

use super::*;

#[test]
fn the_built_in_toolkit_has_no_problems_at_all() {
    let loaded = load(BUILT_IN);
    let text: Vec<String> = loaded.problems.iter().map(ToString::to_string).collect();
    assert!(text.is_empty(), "{}", text.join("\n"));
}

#[test]
fn the_outline_ids_are_all_present_in_order() {
    let toolkit = built_in();
    let parts: Vec<&str> = toolkit.parts.iter().map(|p| p.id.as_str()).collect();
    assert_eq!(
        parts,
        [
            "start",
            "what-is-an-ally",
            "voices",
            "top-tips",
            "practise",
            "keep-learning",
            "questions"
        ]
    );
    let ids: Vec<&str> = toolkit.entries().map(|e| e.section.id.as_str()).collect();
    for id in [
        "voices-introduction",
        "welcome",
        "using-this-toolkit",
        "allyship-and-care-values",
        "defining-allyship",
        "defining-an-ally",
        "allyship-in-organisations",
        "why-these-tips",
        "faq-what-is-the-hub",
        "faq-leading-to-change",
        "faq-get-involved",
        "faq-who-is-it-for",
        "faq-resources-to-share",
        "faq-contact",
        "learn-online",
        "learn-organisations",
        "learn-books",
        "what-is-an-ally-recap",
        "voices-recap",
        "top-tips-recap",
        "practise-recap",
        "keep-learning-recap",
        "about-the-hub-recap",
    ] {
        assert!(ids.contains(&id), "missing section {id}");
    }
    assert!((52..=60).contains(&ids.len()), "{} sections", ids.len());
}

fn section<'a>(toolkit: &'a Toolkit, id: &str) -> &'a Section {
    let index = toolkit
        .index_of(id)
        .unwrap_or_else(|| panic!("no section {id}"));
    toolkit.entry(index).unwrap().section
}

fn all_text(section: &Section) -> String {
    serde_json::to_string(section).unwrap()
}

#[test]
fn all_ten_contributors_have_a_voice_with_name_and_role() {
    let toolkit = built_in();
    let voices = [
        ("voice-gregory-ekatah", "Gregory Ekatah", "Colorectal"),
        (
            "voice-toyin-adenugba-okpaje",
            "Toyin Adenugba-Okpaje",
            "SASW",
        ),
        (
            "voice-priscilla-chipo-marongwe",
            "Priscilla Chipo Marongwe",
            "NHS Education for Scotland",
        ),
        (
            "voice-iona-colvin",
            "Iona Colvin",
            "Chief Social Work Advis",
        ),
        (
            "voice-john-wilkes",
            "John Wilkes",
            "Equality and Human Rights Commission",
        ),
        (
            "voice-kennedy-muturi-nelson",
            "Kennedy Muturi Nelson",
            "National Services Scotland",
        ),
        (
            "voice-calum-gallacher",
            "Calum Gallacher",
            "Social Workers Union",
        ),
        (
            "voice-winnie-lwanda",
            "Winnie Lwanda",
            "Anti-Racism Advisory Group",
        ),
        ("voice-laic-khalique", "Laic Khalique", "NHS Tayside"),
        ("voice-caroline-lamb", "Caroline Lamb", "Chief Executive"),
    ];
    for (id, name, role) in voices {
        let text = all_text(section(&toolkit, id));
        assert!(text.contains(name), "{id} does not name {name}");
        assert!(text.contains(role), "{id} does not give the role ({role})");
        let quotes: Vec<&Quote> = section(&toolkit, id)
            .blocks
            .iter()
            .filter_map(|b| {
                if let Block::Quote(q) = b {
                    Some(q)
                } else {
                    None
                }
            })
            .collect();
        assert!(quotes.len() <= 1, "{id} has more than one quotation");
        for q in quotes {
            let words = q.text.split_whitespace().count();
            assert!(words <= 25, "{id}: quotation of {words} words");
        }
    }
}

#[test]
fn all_nine_tips_keep_every_point() {
    let toolkit = built_in();
    // A distinctive word or two from each bullet of the source's tips.
    let tips: [(&str, &[&str]); 9] = [
        (
            "tip-listen-actively",
            &["space", "interrupt", "not want to talk", "confidential"],
        ),
        (
            "tip-speak-up",
            &["safe to do so", "active bystander", "calm", "report"],
        ),
        (
            "tip-check-in",
            &[
                "impact",
                "How are you doing today?",
                "like to be supported",
                "assumptions",
            ],
        ),
        ("tip-practical-support", &["visits", "well-being"]),
        (
            "tip-clumsy-but-respectful",
            &["imperfect", "mistakes", "empathy"],
        ),
        (
            "tip-educate-yourself",
            &["racism, bias", "teaching or explaining"],
        ),
        (
            "tip-inclusive-behaviour",
            &["respectful and inclusive", "stereotypes", "valued"],
        ),
        ("tip-zero-tolerance", &["never acceptable", "escalate"]),
        ("tip-be-consistent", &["news", "day-to-day", "Celebrate"]),
    ];
    for (id, needles) in tips {
        let s = section(&toolkit, id);
        let points: Vec<&String> = s
            .blocks
            .iter()
            .filter_map(|b| {
                if let Block::Points(p) = b {
                    Some(p)
                } else {
                    None
                }
            })
            .flatten()
            .collect();
        assert!(
            points.len() >= needles.len(),
            "{id} has {} points",
            points.len()
        );
        let text = all_text(s).to_lowercase();
        for needle in needles {
            assert!(
                text.contains(&needle.to_lowercase()),
                "{id} lost the point about {needle:?}"
            );
        }
    }
}

#[test]
fn every_section_has_prompts_and_team_sections_have_discussion() {
    let toolkit = built_in();
    for entry in toolkit.entries() {
        let s = entry.section;
        assert!(
            (1..=3).contains(&s.reflect.len()),
            "{}: {} reflect prompts",
            s.id,
            s.reflect.len()
        );
        assert!(
            s.discuss.len() <= 2,
            "{}: too many discussion prompts",
            s.id
        );
        let team =
            ["voices", "top-tips", "what-is-an-ally", "practise"].contains(&entry.part.id.as_str());
        assert!(
            !team || !s.discuss.is_empty(),
            "{} needs a discussion prompt",
            s.id
        );
    }
}

#[test]
fn resources_keep_their_addresses_and_invent_none() {
    let toolkit = built_in();
    let urls: Vec<String> = toolkit
        .entries()
        .flat_map(|e| e.section.blocks.iter())
        .filter_map(|b| {
            if let Block::Links(l) = b {
                Some(l)
            } else {
                None
            }
        })
        .flatten()
        .filter_map(|l| l.url.clone())
        .collect();
    let known = [
        "https://www.local.gov.uk/our-support/partners-care-and-health/adult-social-care-workforce/leading-middle-learning-and/leading-inclusively",
        "https://youtu.be/csSeez6Y_6g?si=bMied_w7NH_Qx8_j",
        "https://www.youtube.com/watch?v=1l3wJ7pJUjg",
        "https://youtu.be/nQ9l7y4UuxY?si=yKTYNSyYJeRvB5j3",
    ];
    for url in &urls {
        assert!(
            known.contains(&url.as_str()),
            "an address not in the sources: {url}"
        );
    }
    for url in known {
        assert!(urls.iter().any(|u| u == url), "lost the address {url}");
    }
    let learning = ["learn-online", "learn-organisations", "learn-books"]
        .map(|id| all_text(section(&toolkit, id)))
        .join(" ");
    for title in [
        "Ahsante Bean",
        "BBC World Service",
        "Channel 4",
        "Microaggressions",
        "brap",
        "White Fragility",
        "White Women",
        "The Good Ally",
        "Nova Reid",
        "Saira Rao",
    ] {
        assert!(learning.contains(title), "the resources lost {title:?}");
    }
}

#[test]
fn the_whole_toolkit_round_trips_through_json() {
    let toolkit = built_in();
    let text = serde_json::to_string(&toolkit).unwrap();
    assert_eq!(load(&text).toolkit.as_ref(), Some(&toolkit));
}

#[test]
fn built_in_is_what_load_gives() {
    // `built_in` skips validation at start-up; it must still give exactly
    // what the checked route gives, with no problem found.
    let loaded = load(BUILT_IN);
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
    assert_eq!(loaded.toolkit, Some(built_in()));
    assert_eq!(other_toolkit_name(&built_in()), None);
    let mut other = built_in();
    other.version.push_str("-local");
    assert!(other_toolkit_name(&other).is_some());
}
