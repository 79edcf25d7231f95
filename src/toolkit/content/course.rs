//! The shape of a good short course, checked as warnings (so an
//! organisation's file still loads, and `check-content --strict` fails):
//! plain English in each section's own prose, outcomes a person can do
//! rather than only say, a recap closing every part after the first, and
//! scenario feedback that names and links what it rests on.

use super::readability::{Counts, PLAIN, SCORED_FROM};
use super::{Block, Part, Place, Problem, Section, Severity, Toolkit};
use std::collections::HashMap;

/// Verbs of outcomes a person can only say, not do. At most a third of a
/// part's outcomes may start with one.
pub const SAYING: [&str; 5] = ["say", "explain", "describe", "know", "understand"];

/// How many points a recap has: enough to recall the part, few enough to
/// hold in mind.
pub const RECAP_POINTS: std::ops::RangeInclusive<usize> = 3..=5;

/// What a recap section's id ends with.
pub const RECAP: &str = "-recap";

/// The words a recap's closing invitation asks a person to write.
pub const COMMITMENT: &str = "I will";

/// Every course-shape warning in a toolkit, part by part.
pub fn warnings(toolkit: &Toolkit) -> Vec<Problem> {
    let mut out = Vec::new();
    let titles: HashMap<&str, &str> = toolkit
        .parts
        .iter()
        .flat_map(|p| &p.sections)
        .map(|s| (s.id.as_str(), s.title.as_str()))
        .collect();
    for (n, part) in toolkit.parts.iter().enumerate() {
        let owner = format!("part \"{}\"", part.id);
        let mut warn = |owner: &str, field: &str, message: String| {
            out.push(Problem {
                severity: Severity::Warning,
                place: Place::Field {
                    owner: owner.into(),
                    field: field.into(),
                },
                message,
            })
        };
        if let Some(message) = saying_outcomes(part) {
            warn(&owner, "outcomes", message);
        }
        if n > 0
            && let Some(message) = recap_problem(part)
        {
            warn(&owner, "sections", message);
        }
        for section in &part.sections {
            let owner = format!("section \"{}\"", section.id);
            if let Some(score) = hard_to_read(section) {
                warn(
                    &owner,
                    "blocks",
                    format!(
                        "its own prose scores {score:.1} for reading ease (Flesch); plain \
                         English is {PLAIN:.0} or more: use shorter sentences and everyday words"
                    ),
                );
            }
            for (field, message) in unnamed_feedback(section, &titles) {
                warn(&owner, &field, message);
            }
        }
    }
    out
}

/// The Flesch score of a section's own prose (paragraphs and points; not
/// quotations, titles, links or a scenario's options) when it is below
/// plain English, for sections long enough to score.
pub fn hard_to_read(section: &Section) -> Option<f64> {
    let counts = own_prose(section)
        .map(Counts::of)
        .fold(Counts::default(), Counts::add);
    if counts.words < SCORED_FROM {
        return None;
    }
    counts.score().filter(|score| *score < PLAIN)
}

/// The paragraphs and points of a section: the project's own words.
fn own_prose(section: &Section) -> impl Iterator<Item = &str> {
    section.blocks.iter().flat_map(|block| match block {
        Block::Paragraph(p) => vec![p.as_str()],
        Block::Points(points) => points.iter().map(String::as_str).collect(),
        Block::Quote(_) | Block::Links(_) => Vec::new(),
    })
}

/// A warning when more than a third of a part's outcomes start with a verb
/// of saying rather than doing.
fn saying_outcomes(part: &Part) -> Option<String> {
    let saying = part
        .outcomes
        .iter()
        .filter(|o| {
            let first = o.split_whitespace().next().unwrap_or("").to_lowercase();
            SAYING.contains(&first.as_str())
        })
        .count();
    (saying * 3 > part.outcomes.len()).then(|| {
        format!(
            "{saying} of {} outcomes start with {}; at most a third should: write what \
             a person can do (\"ask a colleague how they prefer to be supported\")",
            part.outcomes.len(),
            SAYING.join("/")
        )
    })
}

/// What is wrong with the end of a part that should close with a recap:
/// a last section whose id ends in `-recap`, with 3 to 5 points and, after
/// them, an invitation to write one "I will …".
fn recap_problem(part: &Part) -> Option<String> {
    let last = part.sections.last()?;
    if !last.id.ends_with(RECAP) {
        return Some(format!(
            "the part should end with a recap: a last section whose id ends in \
             \"{RECAP}\" (it ends with \"{}\")",
            last.id
        ));
    }
    let points = last
        .blocks
        .iter()
        .rposition(|b| matches!(b, Block::Points(_)));
    let count = last
        .blocks
        .iter()
        .map(|b| match b {
            Block::Points(points) => points.len(),
            _ => 0,
        })
        .sum::<usize>();
    if !RECAP_POINTS.contains(&count) {
        return Some(format!(
            "the recap \"{}\" has {count} key points; it should have {} to {}",
            last.id,
            RECAP_POINTS.start(),
            RECAP_POINTS.end()
        ));
    }
    let invites = last.blocks[points.map_or(0, |p| p + 1)..]
        .iter()
        .any(|b| matches!(b, Block::Paragraph(p) if p.contains(COMMITMENT)));
    (!invites).then(|| {
        format!(
            "the recap \"{}\" should close, after its points, with a paragraph inviting \
             a person to write one \"{COMMITMENT} …\"",
            last.id
        )
    })
}

/// Scenario options whose feedback does not link the section it rests on,
/// or does not name it: a tip by its title in quotation marks, a voice
/// ("Name: …") by the contributor's name.
fn unnamed_feedback(section: &Section, titles: &HashMap<&str, &str>) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let options = section.choice.iter().flat_map(|c| &c.options);
    for (n, option) in options.enumerate() {
        let field = format!("choice option {}", n + 1);
        if option.feedback.trim().is_empty() {
            continue; // an error already: the option has no feedback
        }
        let Some(target) = option.section.as_deref() else {
            out.push((
                field,
                "the feedback should link the tip or voice it rests on (give the option a \
                 \"section\")"
                    .into(),
            ));
            continue;
        };
        // An unknown target is an error already.
        let Some(title) = titles.get(target) else {
            continue;
        };
        let feedback = option.feedback.to_lowercase();
        let named = match title.split_once(':') {
            Some((name, _)) => feedback.contains(&name.trim().to_lowercase()),
            None => quoted(&feedback, &title.trim().to_lowercase()),
        };
        if !named {
            let how = match title.split_once(':') {
                Some((name, _)) => format!("name {}", name.trim()),
                None => format!(
                    "name it in quotation marks: \u{201c}{}\u{201d}",
                    title.trim()
                ),
            };
            out.push((
                field,
                format!("the feedback links \"{title}\" but does not name it; {how}"),
            ));
        }
    }
    out
}

/// Whether `name` appears in `text` between quotation marks.
fn quoted(text: &str, name: &str) -> bool {
    [
        ('"', '"'),
        ('\u{201c}', '\u{201d}'),
        ('\u{2018}', '\u{2019}'),
    ]
    .iter()
    .any(|(open, close)| text.contains(&format!("{open}{name}{close}")))
}

#[cfg(test)]
mod tests;
