//! The parts of the format that turn reading into practice: a part's
//! outcomes, a scenario's choice with feedback per option, and cross-reference
//! labels taken from their targets. Kept apart from the core checks so each
//! rule stays small and testable on its own.

use super::{Link, Part, Place, Problem, Section, Severity, Toolkit, count_words};
use serde::{Deserialize, Serialize};
use std::collections::{HashMap, HashSet};

/// How many outcomes a part should have: enough to say what it is for,
/// few enough to read at a glance.
pub const OUTCOMES: std::ops::RangeInclusive<usize> = 2..=4;

/// How many options a choice has: a real choice, numbered 1 to 4.
pub const OPTIONS: std::ops::RangeInclusive<usize> = 3..=4;

/// The most words one option's feedback should have, so it reads at a glance.
pub const FEEDBACK_BUDGET: usize = 60;

/// A practice question on a scenario: a person picks an option and reads
/// what it does well or misses. It is practice, not a test: no option is
/// marked right.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Choice {
    /// What the person is asked ("What could you do?").
    pub question: String,
    /// Three or four things a person might do, in the order shown.
    pub options: Vec<ChoiceOption>,
}

/// One option of a choice and the feedback on it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ChoiceOption {
    /// What a person might do or say.
    pub text: String,
    /// What that does well or misses, resting on a tip or a voice.
    pub feedback: String,
    /// The id of the section the feedback rests on, a cross-reference.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub section: Option<String>,
}

/// Words a choice adds to its section's body: the question and the options
/// (feedback is shown only after choosing, like prompts it is not counted).
pub fn choice_words(choice: &Choice) -> usize {
    count_words(&choice.question)
        + choice
            .options
            .iter()
            .map(|o| count_words(&o.text))
            .sum::<usize>()
}

/// How a link is named in a problem: by its title, or by its target when
/// it takes the target's title.
pub fn link_field(link: &Link) -> String {
    match (&link.section, link.title.trim().is_empty()) {
        (Some(target), true) => format!("link to \"{target}\""),
        _ => format!("link \"{}\"", link.title),
    }
}

/// Errors in a part's outcomes: a blank line says nothing.
pub fn check_outcomes(part: &Part, owner: &str, error: &mut impl FnMut(&str, &str, String)) {
    for (n, outcome) in part.outcomes.iter().enumerate() {
        if outcome.trim().is_empty() {
            error(
                owner,
                &format!("outcome {}", n + 1),
                "the outcome is empty".into(),
            );
        }
    }
}

/// Errors in a section's choice: a question, three or four options, each
/// with text and feedback, and cross-references that exist.
pub fn check_choice(
    section: &Section,
    owner: &str,
    sections: &HashSet<&str>,
    error: &mut impl FnMut(&str, &str, String),
) {
    let Some(choice) = &section.choice else {
        return;
    };
    if choice.question.trim().is_empty() {
        error(owner, "choice", "the question is empty".into());
    }
    let count = choice.options.len();
    if !OPTIONS.contains(&count) {
        error(
            owner,
            "choice",
            format!(
                "{count} options; a choice has {} or {}",
                OPTIONS.start(),
                OPTIONS.end()
            ),
        );
    }
    for (n, option) in choice.options.iter().enumerate() {
        let field = format!("choice option {}", n + 1);
        if option.text.trim().is_empty() {
            error(owner, &field, "the option's text is empty".into());
        }
        if option.feedback.trim().is_empty() {
            error(owner, &field, "the option has no feedback".into());
        }
        if let Some(target) = &option.section
            && !sections.contains(target.as_str())
        {
            error(owner, &field, format!("no section has the id \"{target}\""));
        }
    }
}

/// Warnings (the file still loads): parts without two to four outcomes,
/// feedback too long to read at a glance, cross-references whose own title
/// has drifted from their target's.
pub fn warnings(toolkit: &Toolkit) -> Vec<Problem> {
    let mut out = Vec::new();
    let mut warn = |owner: String, field: String, message: String| {
        out.push(Problem {
            severity: Severity::Warning,
            place: Place::Field { owner, field },
            message,
        });
    };
    let titles: HashMap<&str, &str> = toolkit
        .parts
        .iter()
        .flat_map(|p| &p.sections)
        .map(|s| (s.id.as_str(), s.title.as_str()))
        .collect();
    for part in &toolkit.parts {
        let count = part.outcomes.len();
        if !OUTCOMES.contains(&count) {
            warn(
                format!("part \"{}\"", part.id),
                "outcomes".into(),
                format!(
                    "{count} outcomes; a part should say in {} to {} lines what a person \
                     can do after it (each completing \"After this part you can …\")",
                    OUTCOMES.start(),
                    OUTCOMES.end()
                ),
            );
        }
        for section in &part.sections {
            for (link, title) in drifted_links(section, &titles) {
                warn(
                    format!("section \"{}\"", section.id),
                    link_field(link),
                    format!(
                        "the section it points to is called \"{title}\"; leave the link's \
                         title out and the section's own is shown, so the two cannot drift apart"
                    ),
                );
            }
            let options = section.choice.iter().flat_map(|c| &c.options);
            for (n, option) in options.enumerate() {
                let words = count_words(&option.feedback);
                if words > FEEDBACK_BUDGET {
                    warn(
                        format!("section \"{}\"", section.id),
                        format!("choice option {}", n + 1),
                        format!(
                            "{words} words of feedback; keep it to {FEEDBACK_BUDGET} \
                             so it reads at a glance"
                        ),
                    );
                }
            }
        }
    }
    out
}

/// A section's cross-references that carry a title of their own, different
/// from their target's, with the target's title.
fn drifted_links<'a>(
    section: &'a Section,
    titles: &HashMap<&str, &'a str>,
) -> impl Iterator<Item = (&'a Link, &'a str)> {
    section
        .links()
        .filter(|l| !l.title.trim().is_empty())
        .filter_map(|l| {
            let title = *titles.get(l.section.as_deref()?)?;
            (l.title.trim() != title.trim()).then_some((l, title))
        })
}

/// The toolkit with every untitled cross-reference given its target's
/// title. Runs after validation, so every target exists.
pub fn with_link_titles(mut toolkit: Toolkit) -> Toolkit {
    let untitled = |l: &Link| l.title.trim().is_empty() && l.section.is_some();
    // The titles to give, in link order, looked up without copying every
    // section's id and title; then given in a second pass, in that order.
    let given: Vec<Option<String>> = {
        let titles: HashMap<&str, &str> = toolkit
            .parts
            .iter()
            .flat_map(|p| &p.sections)
            .map(|s| (s.id.as_str(), s.title.as_str()))
            .collect();
        toolkit
            .parts
            .iter()
            .flat_map(|p| &p.sections)
            .flat_map(Section::links)
            .filter(|l| untitled(l))
            .map(|l| titles.get(l.section.as_deref()?).map(|t| t.to_string()))
            .collect()
    };
    let links = toolkit
        .parts
        .iter_mut()
        .flat_map(|p| &mut p.sections)
        .flat_map(|s| &mut s.blocks)
        .filter_map(|b| match b {
            super::Block::Links(links) => Some(links),
            _ => None,
        })
        .flatten()
        .filter(|l| untitled(l));
    for (link, title) in links.zip(given) {
        if let Some(title) = title {
            link.title = title;
        }
    }
    toolkit
}

/// Which sections each section points to, through its links and its
/// choice's options: for checking that no section is left unconnected.
pub fn cross_references(section: &Section) -> impl Iterator<Item = &str> {
    let links = section.links().filter_map(|l| l.section.as_deref());
    let options = section
        .choice
        .iter()
        .flat_map(|c| &c.options)
        .filter_map(|o| o.section.as_deref());
    links.chain(options)
}

#[cfg(test)]
mod tests;
