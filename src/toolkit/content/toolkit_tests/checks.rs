//! The writing rules of `CONTENT.md` that a program can check, as functions
//! over any toolkit: each returns what breaks the rule (empty when none
//! does), so a test can hold the built-in toolkit to it and another can show
//! it catches a small bad example.

use crate::toolkit::content::{Block, Section, Toolkit, cross_references};
use std::collections::HashSet;

/// What a piece of learner text is, so a check can pick the kinds it is
/// about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A part's or a section's title.
    Title,
    /// One of a part's outcomes.
    Outcome,
    /// A paragraph or a point, in the project's own words.
    Body,
    /// A quotation: someone else's words.
    Quote,
    /// A link's title (for a cross-reference, its target's title).
    Link,
    /// A scenario's question or one of its options.
    Choice,
    /// Feedback on an option.
    Feedback,
    /// A reflection or discussion prompt.
    Prompt,
}

/// One piece of text a person reads, with where it is.
#[derive(Debug, Clone, Copy)]
pub struct Text<'a> {
    /// The part it is in.
    pub part: &'a str,
    /// The section it is in, or the part's id for a part's title and outcomes.
    pub owner: &'a str,
    /// What it is.
    pub kind: Kind,
    /// The words.
    pub text: &'a str,
}

/// Every piece of text a person reads, in reading order.
pub fn texts(toolkit: &Toolkit) -> Vec<Text<'_>> {
    let mut out = Vec::new();
    for part in &toolkit.parts {
        let piece = |owner, kind, text| Text {
            part: &part.id,
            owner,
            kind,
            text,
        };
        out.push(piece(&part.id, Kind::Title, &part.title));
        for outcome in &part.outcomes {
            out.push(piece(&part.id, Kind::Outcome, outcome));
        }
        for section in &part.sections {
            section_texts(section, &mut |kind, text| {
                out.push(piece(&section.id, kind, text));
            });
        }
    }
    out
}

fn section_texts<'a>(section: &'a Section, push: &mut impl FnMut(Kind, &'a str)) {
    push(Kind::Title, &section.title);
    for block in &section.blocks {
        match block {
            Block::Paragraph(p) => push(Kind::Body, p),
            Block::Points(points) => points.iter().for_each(|p| push(Kind::Body, p)),
            Block::Quote(q) => push(Kind::Quote, &q.text),
            Block::Links(links) => links.iter().for_each(|l| push(Kind::Link, &l.title)),
        }
    }
    if let Some(choice) = &section.choice {
        push(Kind::Choice, &choice.question);
        for option in &choice.options {
            push(Kind::Choice, &option.text);
            push(Kind::Feedback, &option.feedback);
        }
    }
    for prompt in section.reflect.iter().chain(&section.discuss) {
        push(Kind::Prompt, prompt);
    }
}

/// The words of `text`, split at anything that is not a letter or digit.
fn words(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.match_indices(|c: char| c.is_alphanumeric())
        .map(|(at, _)| at)
        .filter(move |&at| {
            text[..at]
                .chars()
                .next_back()
                .is_none_or(|c| !c.is_alphanumeric())
        })
        .map(move |at| {
            let end = text[at..]
                .find(|c: char| !c.is_alphanumeric())
                .map_or(text.len(), |n| at + n);
            (at, &text[at..end])
        })
}

/// Sections linked to nothing and from nothing: a reader who arrives there
/// has nowhere to go on to, and nothing leads there.
pub fn unconnected(toolkit: &Toolkit) -> Vec<String> {
    let mut connected = HashSet::new();
    for entry in toolkit.entries() {
        for target in cross_references(entry.section) {
            if target != entry.section.id {
                connected.insert(entry.section.id.as_str());
                connected.insert(target);
            }
        }
    }
    toolkit
        .entries()
        .map(|e| e.section.id.clone())
        .filter(|id| !connected.contains(id.as_str()))
        .collect()
}

/// Sections of `part` that no other section links to.
pub fn not_linked_from(toolkit: &Toolkit, part: &str) -> Vec<String> {
    let mut targets = HashSet::new();
    for entry in toolkit.entries() {
        targets.extend(cross_references(entry.section).filter(|t| *t != entry.section.id));
    }
    toolkit
        .entries()
        .filter(|e| e.part.id == part && !targets.contains(e.section.id.as_str()))
        .map(|e| e.section.id.clone())
        .collect()
}

/// How a question that can be answered yes or no begins.
const CLOSED: [&str; 30] = [
    "do",
    "does",
    "did",
    "could",
    "would",
    "have",
    "has",
    "had",
    "are",
    "is",
    "was",
    "were",
    "can",
    "will",
    "should",
    "shall",
    "may",
    "might",
    "must",
    "am",
    "don't",
    "doesn't",
    "didn't",
    "isn't",
    "aren't",
    "can't",
    "won't",
    "wouldn't",
    "haven't",
    "shouldn't",
];

/// Prompts (and scenario questions) with a sentence that opens with a
/// yes/no auxiliary ("Do you…", "Could we…"): they invite "yes" and stop.
pub fn closed_prompts(toolkit: &Toolkit) -> Vec<String> {
    let mut out = Vec::new();
    let asked = texts(toolkit);
    let asked = asked.iter().filter(|t| {
        t.kind == Kind::Prompt || (t.kind == Kind::Choice && t.text.trim_end().ends_with('?'))
    });
    for t in asked {
        for sentence in t.text.split_inclusive(['?', '.', '!']) {
            let start = sentence.trim_start().to_lowercase().replace('’', "'");
            let first = start.split_whitespace().next().unwrap_or("");
            if CLOSED.contains(&first) {
                out.push(format!("{}: {}", t.owner, t.text));
                break;
            }
        }
    }
    out
}

/// Pronouns that give a person a gender.
const GENDERED: [&str; 8] = [
    "he", "she", "his", "her", "him", "hers", "himself", "herself",
];

/// Gendered pronouns in the voices (outside quotations) and in any
/// sentence that names a contributor, or the sentence after it: the sources
/// never state a contributor's gender.
pub fn gendered_contributors(toolkit: &Toolkit) -> Vec<String> {
    let names = contributors(toolkit);
    let mut out = Vec::new();
    for t in texts(toolkit) {
        if t.kind == Kind::Quote || t.kind == Kind::Title {
            continue;
        }
        let in_voice = t.part == "voices";
        let mut after_name = false;
        for sentence in t.text.split_inclusive(['.', '?', '!', ':', ';']) {
            let named = names
                .iter()
                .any(|n| words(sentence).any(|(_, w)| n.contains(&w)));
            let gendered = words(sentence)
                .map(|(_, w)| w.to_lowercase())
                .find(|w| GENDERED.contains(&w.as_str()));
            if let Some(word) = gendered
                && (in_voice || named || after_name)
            {
                out.push(format!("{}: {word:?} in {sentence:?}", t.owner));
            }
            after_name = named;
        }
    }
    out
}

/// Each contributor's names ("Gregory", "Ekatah"), from the voices' titles
/// ("Dr Gregory Ekatah: …").
fn contributors(toolkit: &Toolkit) -> Vec<Vec<&str>> {
    toolkit
        .entries()
        .filter(|e| e.section.id.starts_with("voice-"))
        .map(|e| {
            let name = e.section.title.split(':').next().unwrap_or("");
            words(name)
                .map(|(_, w)| w)
                .filter(|w| *w != "Dr" && w.len() > 2)
                .collect()
        })
        .collect()
}

/// Abbreviations so widely known that spelling them out would get in the
/// way (GOV.UK's style guide makes the same exception).
pub const WELL_KNOWN: [&str; 4] = ["NHS", "UK", "BBC", "COVID"];

/// Initialisms ("ADASS", "SASW") not spelt out where a part first uses
/// them. Each part is checked on its own, as a team may start a walkthrough
/// or a reader dip in at any part. Spelt out means "ADASS (the …)",
/// "… (ADASS)" or "PCH stands for …".
pub fn unexplained_initialisms(toolkit: &Toolkit, well_known: &[&str]) -> Vec<String> {
    let mut out = Vec::new();
    let mut seen: HashSet<(&str, &str)> = HashSet::new();
    for t in texts(toolkit) {
        for (at, word) in words(t.text) {
            let initialism = word.chars().count() >= 2 && word.chars().all(|c| c.is_uppercase());
            if !initialism || well_known.contains(&word) || !seen.insert((t.part, word)) {
                continue;
            }
            let after = &t.text[at + word.len()..];
            let spelt = after.starts_with(" (")
                || after.starts_with(" stands for ")
                || (t.text[..at].ends_with('(') && after.starts_with(')'));
            if !spelt {
                out.push(format!("{}: {word} in {:?}", t.owner, t.text));
            }
        }
    }
    out
}

/// Phrases that belong in notes about how the content was made, not in
/// what a learner reads.
const PRODUCTION: [&str; 12] = [
    "the source gives",
    "the source does not",
    "not part of the source",
    "not in the source",
    "the seed",
    "no web address",
    "gives no address",
    "has no address",
    "address is missing",
    "todo",
    "placeholder",
    "to be confirmed",
];

/// Learner text that carries a production note ("The source gives no web
/// address") where advice belongs ("search for it by its title").
pub fn production_notes(toolkit: &Toolkit) -> Vec<String> {
    let mut out = Vec::new();
    for t in texts(toolkit) {
        let text = t.text.to_lowercase();
        if let Some(note) = PRODUCTION.iter().find(|note| text.contains(*note)) {
            out.push(format!("{}: {note:?} in {:?}", t.owner, t.text));
        }
    }
    out
}
