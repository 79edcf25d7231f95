//! Checks of a parsed toolkit's meaning (ids, titles, sources, links,
//! sizes, control characters), each problem with its place: what
//! [`super::load`] runs once the file has the right shape.

use super::{Place, Problem, Section, Severity, Toolkit, WORD_BUDGET, body_words};
use super::{course, practice, text};
use std::collections::HashSet;

/// Checks the meaning of a parsed toolkit: ids, titles, sources, links,
/// sizes, and text free of control characters; the errors, then the
/// warnings.
pub fn validate(toolkit: &Toolkit) -> Vec<Problem> {
    let mut problems = errors(toolkit);
    problems.extend(warnings(toolkit));
    problems
}

/// Only what stops a toolkit from being used: what opening one to read
/// needs, without the advice for authors that `check-content` gives.
pub fn errors(toolkit: &Toolkit) -> Vec<Problem> {
    let mut out = Vec::new();
    let mut error = |owner: &str, field: &str, message: String| {
        out.push(Problem {
            severity: Severity::Error,
            place: Place::Field {
                owner: owner.into(),
                field: field.into(),
            },
            message,
        })
    };
    if toolkit.title.trim().is_empty() {
        error("toolkit", "title", "the title is empty".into());
    }
    if toolkit.parts.is_empty() {
        error("toolkit", "parts", "there are no parts".into());
    }
    let source_ids: HashSet<&str> = toolkit.sources.iter().map(|s| s.id.as_str()).collect();
    let section_ids: HashSet<&str> = toolkit
        .parts
        .iter()
        .flat_map(|p| &p.sections)
        .map(|s| s.id.as_str())
        .collect();
    let mut seen = HashSet::new();
    for part in &toolkit.parts {
        let owner = format!("part \"{}\"", part.id);
        check_id(&part.id, &owner, &mut seen, &mut error);
        if part.title.trim().is_empty() {
            error(&owner, "title", "the title is empty".into());
        }
        if part.sections.is_empty() {
            error(&owner, "sections", "the part has no sections".into());
        }
        practice::check_outcomes(part, &owner, &mut error);
        for section in &part.sections {
            let owner = format!("section \"{}\"", section.id);
            check_id(&section.id, &owner, &mut seen, &mut error);
            check_section(section, &owner, &source_ids, &section_ids, &mut error);
            practice::check_choice(section, &owner, &section_ids, &mut error);
        }
    }
    text::check_controls(toolkit, &mut error);
    out
}

/// Advice for the toolkit's authors (course shape, word budget, plain
/// English): never a reason not to open it.
pub fn warnings(toolkit: &Toolkit) -> Vec<Problem> {
    let mut problems = practice::warnings(toolkit);
    problems.extend(course::warnings(toolkit));
    for section in toolkit.parts.iter().flat_map(|p| &p.sections) {
        let words = body_words(section);
        if words > WORD_BUDGET {
            problems.push(Problem {
                severity: Severity::Warning,
                place: Place::Field {
                    owner: format!("section \"{}\"", section.id),
                    field: "blocks".into(),
                },
                message: format!(
                    "{words} words of body text; a section should have at most {WORD_BUDGET} \
                     so it fits one screen (split it into two sections)"
                ),
            });
        }
    }
    problems
}

fn check_id<'a>(
    id: &'a str,
    owner: &str,
    seen: &mut HashSet<&'a str>,
    error: &mut impl FnMut(&str, &str, String),
) {
    let slug = !id.is_empty()
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
    if !slug {
        error(
            owner,
            "id",
            "an id must be lower-case letters, digits and hyphens".into(),
        );
    }
    if !seen.insert(id) {
        error(
            owner,
            "id",
            format!("the id \"{id}\" is used more than once"),
        );
    }
}

fn check_section(
    section: &Section,
    owner: &str,
    sources: &HashSet<&str>,
    sections: &HashSet<&str>,
    error: &mut impl FnMut(&str, &str, String),
) {
    if section.title.trim().is_empty() {
        error(owner, "title", "the title is empty".into());
    }
    if !sources.contains(section.source.as_str()) {
        error(
            owner,
            "source",
            format!("\"{}\" is not one of the toolkit's sources", section.source),
        );
    }
    if section.blocks.is_empty() {
        error(owner, "blocks", "the section has no text".into());
    }
    if section.reflect.iter().all(|p| p.trim().is_empty()) {
        error(
            owner,
            "reflect",
            "add at least one reflection prompt".into(),
        );
    }
    for link in section.links() {
        // Named only for a link with a problem.
        let field = || practice::link_field(link);
        if link.title.trim().is_empty() && link.section.is_none() {
            error(
                owner,
                "link",
                "a link has an empty title (only a cross-reference may leave it out)".into(),
            );
        }
        if let Some(url) = &link.url
            && let Some(why) = text::url_problem(url)
        {
            error(
                owner,
                &field(),
                format!("\"{url}\" is not a web address ({why})"),
            );
        }
        if let Some(target) = &link.section
            && !sections.contains(target.as_str())
        {
            error(
                owner,
                &field(),
                format!("no section has the id \"{target}\""),
            );
        }
        if link.url.is_some() && link.section.is_some() {
            error(
                owner,
                &field(),
                "a link has either a url or a section, not both".into(),
            );
        }
    }
}
