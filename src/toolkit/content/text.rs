//! Checks on a toolkit's text itself, for toolkits written elsewhere: no
//! control characters anywhere (they could drive the terminal of whoever
//! reads it) and web addresses that are well-formed http(s), parsed by the
//! `url` crate rather than by hand (a hand-written prefix check let spaces,
//! ESC and BEL through).

use super::{Block, Section, Toolkit};

/// Reports every field holding a control character, with its place:
/// `error(owner, field, message)`. Part and section ids are left to the id
/// check, which already allows only `a-z`, `0-9` and `-`.
pub(super) fn check_controls(toolkit: &Toolkit, error: &mut impl FnMut(&str, &str, String)) {
    let mut check = |owner: &str, field: &str, text: &str| {
        if let Some(message) = control_problem(text) {
            error(owner, field, message);
        }
    };
    check("toolkit", "title", &toolkit.title);
    check("toolkit", "version", &toolkit.version);
    for source in &toolkit.sources {
        let owner = format!("source \"{}\"", source.id);
        check(&owner, "id", &source.id);
        check(&owner, "title", &source.title);
        check(&owner, "publisher", &source.publisher);
        if let Some(date) = &source.date {
            check(&owner, "date", date);
        }
    }
    for part in &toolkit.parts {
        let owner = format!("part \"{}\"", part.id);
        check(&owner, "title", &part.title);
        for (n, outcome) in part.outcomes.iter().enumerate() {
            check(&owner, &format!("outcome {}", n + 1), outcome);
        }
        for section in &part.sections {
            section_controls(section, &mut check);
        }
    }
}

fn section_controls(section: &Section, check: &mut impl FnMut(&str, &str, &str)) {
    let owner = format!("section \"{}\"", section.id);
    check(&owner, "title", &section.title);
    check(&owner, "source", &section.source);
    for (b, block) in section.blocks.iter().enumerate() {
        let b = b + 1;
        match block {
            Block::Paragraph(text) => check(&owner, &format!("block {b}, paragraph"), text),
            Block::Points(points) => {
                for (p, point) in points.iter().enumerate() {
                    check(&owner, &format!("block {b}, point {}", p + 1), point);
                }
            }
            Block::Quote(quote) => {
                check(&owner, &format!("block {b}, quote"), &quote.text);
                check(&owner, &format!("block {b}, quote's author"), &quote.by);
            }
            Block::Links(links) => {
                for (l, link) in links.iter().enumerate() {
                    let field = |name: &str| format!("block {b}, link {}, {name}", l + 1);
                    check(&owner, &field("title"), &link.title);
                    let optional = [
                        ("url", &link.url),
                        ("section", &link.section),
                        ("by", &link.by),
                        ("kind", &link.kind),
                    ];
                    for (name, value) in optional {
                        if let Some(value) = value {
                            check(&owner, &field(name), value);
                        }
                    }
                }
            }
        }
    }
    if let Some(choice) = &section.choice {
        check(&owner, "choice, question", &choice.question);
        for (n, option) in choice.options.iter().enumerate() {
            let field = |name: &str| format!("choice option {}, {name}", n + 1);
            check(&owner, &field("text"), &option.text);
            check(&owner, &field("feedback"), &option.feedback);
            if let Some(section) = &option.section {
                check(&owner, &field("section"), section);
            }
        }
    }
    for (kind, prompts) in [
        ("reflect", &section.reflect),
        ("discuss", &section.discuss),
        ("facilitator note", &section.facilitator_notes),
    ] {
        for (n, prompt) in prompts.iter().enumerate() {
            check(&owner, &format!("{kind} {}", n + 1), prompt);
        }
    }
}

/// What is wrong with `text` if it holds a control character (line breaks
/// and tabs included: every field is one line or one paragraph), or a
/// bidirectional control, which could make a line read as something else.
fn control_problem(text: &str) -> Option<String> {
    let (at, c) = text
        .chars()
        .enumerate()
        .find(|(_, c)| c.is_control() || crate::sanitise::is_bidi_control(*c))?;
    Some(format!(
        "a control character (U+{:04X}) at character {}; toolkit text may hold none, \
         as it could change the terminal of whoever reads it",
        u32::from(c),
        at + 1
    ))
}

/// Why `url` is not a well-formed http(s) web address, or `None` if it is.
pub(super) fn url_problem(url: &str) -> Option<&'static str> {
    // The parser quietly drops tabs and line breaks and encodes spaces, so
    // these are refused before it sees them.
    if url.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return Some("it holds a space or a control character");
    }
    let Ok(parsed) = url::Url::parse(url) else {
        return Some("it must start with https:// or http:// and name a site");
    };
    if !matches!(parsed.scheme(), "http" | "https") {
        return Some("it must start with https:// or http://");
    }
    if parsed.host_str().is_none_or(str::is_empty) {
        return Some("it names no site");
    }
    if !parsed.username().is_empty() || parsed.password().is_some() {
        return Some("it holds a user name or password, which can disguise where it goes");
    }
    None
}

#[cfg(test)]
mod tests {
    use super::super::load;
    use super::url_problem;

    #[test]
    fn control_characters_in_outcomes_and_choices_are_errors_with_their_place() {
        let esc = "a\u{1b}]0;x\u{7}b";
        let toolkit = serde_json::json!({
            "title": "T", "version": "1",
            "sources": [{"id": "s", "title": "S", "publisher": "P"}],
            "parts": [{"id": "p", "title": "P", "outcomes": ["say one thing", esc],
                "sections": [{"id": "t", "title": "T", "source": "s",
                    "blocks": [{"paragraph": "Text."}], "reflect": ["What?"],
                    "choice": {"question": esc, "options": [
                        {"text": esc, "feedback": "Fine."},
                        {"text": "Two", "feedback": esc},
                        {"text": "Three", "feedback": "Fine.", "section": format!("t{esc}")}
                    ]}}]}]
        });
        let problems: Vec<String> = load(&toolkit.to_string())
            .problems
            .iter()
            .map(ToString::to_string)
            .collect();
        for place in [
            "part \"p\", outcome 2",
            "section \"t\", choice, question",
            "section \"t\", choice option 1, text",
            "section \"t\", choice option 2, feedback",
            "section \"t\", choice option 3, section",
        ] {
            let found = problems
                .iter()
                .any(|p| p.contains(&format!("{place}: a control character")));
            assert!(found, "{place} not in {problems:?}");
        }
    }

    #[test]
    fn only_well_formed_http_addresses_pass() {
        for good in [
            "https://www.local.gov.uk/our-support",
            "http://example.org",
            "https://youtu.be/csSeez6Y_6g?si=bMied_w7NH_Qx8_j",
            "https://例え.jp/パス",
        ] {
            assert_eq!(url_problem(good), None, "{good}");
        }
        for bad in [
            "ftp://x",
            "https://exa mple.org",
            "https://example.org/a b",
            "https://example.org/\x1b]0;x\x07",
            "https://example.org/\u{9b}2J",
            "https://exa\tmple.org",
            " https://example.org",
            "https://",
            "javascript:alert(1)",
            "example.org",
            "https://www.nhs.uk@evil.example/",
            "https://user:pw@example.org/",
            "file:///etc/passwd",
        ] {
            assert!(url_problem(bad).is_some(), "{bad:?} passed");
        }
    }
}
