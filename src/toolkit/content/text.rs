//! Checks on a toolkit's text itself, for toolkits written elsewhere: no
//! control characters anywhere (they could drive the terminal of whoever
//! reads it) and web addresses that are well-formed http(s), parsed by the
//! `url` crate rather than by hand (a hand-written prefix check let spaces,
//! ESC and BEL through).

use super::{Block, Section, Toolkit};
use std::fmt;

/// Reports every field holding a control character, with its place:
/// `error(owner, field, message)`. Part and section ids are left to the id
/// check, which already allows only `a-z`, `0-9` and `-`. A field's name
/// is written out only for a field with a problem: a large toolkit has
/// hundreds of thousands of fields, and naming each was most of the check.
pub(super) fn check_controls(toolkit: &Toolkit, error: &mut impl FnMut(&str, &str, String)) {
    let mut check = |owner: &str, field: fmt::Arguments<'_>, text: &str| {
        if let Some(message) = control_problem(text) {
            error(owner, &field.to_string(), message);
        }
    };
    check("toolkit", format_args!("title"), &toolkit.title);
    check("toolkit", format_args!("version"), &toolkit.version);
    for source in &toolkit.sources {
        let owner = format!("source \"{}\"", source.id);
        check(&owner, format_args!("id"), &source.id);
        check(&owner, format_args!("title"), &source.title);
        check(&owner, format_args!("publisher"), &source.publisher);
        if let Some(date) = &source.date {
            check(&owner, format_args!("date"), date);
        }
    }
    for part in &toolkit.parts {
        let owner = format!("part \"{}\"", part.id);
        check(&owner, format_args!("title"), &part.title);
        for (n, outcome) in part.outcomes.iter().enumerate() {
            check(&owner, format_args!("outcome {}", n + 1), outcome);
        }
        for section in &part.sections {
            section_controls(section, &mut check);
        }
    }
}

fn section_controls(section: &Section, check: &mut impl FnMut(&str, fmt::Arguments<'_>, &str)) {
    let owner = format!("section \"{}\"", section.id);
    check(&owner, format_args!("title"), &section.title);
    check(&owner, format_args!("source"), &section.source);
    for (b, block) in section.blocks.iter().enumerate() {
        let b = b + 1;
        match block {
            Block::Paragraph(text) => check(&owner, format_args!("block {b}, paragraph"), text),
            Block::Points(points) => {
                for (p, point) in points.iter().enumerate() {
                    check(&owner, format_args!("block {b}, point {}", p + 1), point);
                }
            }
            Block::Quote(quote) => {
                check(&owner, format_args!("block {b}, quote"), &quote.text);
                check(&owner, format_args!("block {b}, quote's author"), &quote.by);
            }
            Block::Links(links) => {
                for (l, link) in links.iter().enumerate() {
                    let l = l + 1;
                    check(
                        &owner,
                        format_args!("block {b}, link {l}, title"),
                        &link.title,
                    );
                    let optional = [
                        ("url", &link.url),
                        ("section", &link.section),
                        ("by", &link.by),
                        ("kind", &link.kind),
                    ];
                    for (name, value) in optional {
                        if let Some(value) = value {
                            check(&owner, format_args!("block {b}, link {l}, {name}"), value);
                        }
                    }
                }
            }
        }
    }
    if let Some(choice) = &section.choice {
        check(&owner, format_args!("choice, question"), &choice.question);
        for (n, option) in choice.options.iter().enumerate() {
            let n = n + 1;
            check(
                &owner,
                format_args!("choice option {n}, text"),
                &option.text,
            );
            check(
                &owner,
                format_args!("choice option {n}, feedback"),
                &option.feedback,
            );
            if let Some(section) = &option.section {
                check(&owner, format_args!("choice option {n}, section"), section);
            }
        }
    }
    for (kind, prompts) in [
        ("reflect", &section.reflect),
        ("discuss", &section.discuss),
        ("facilitator note", &section.facilitator_notes),
    ] {
        for (n, prompt) in prompts.iter().enumerate() {
            check(&owner, format_args!("{kind} {}", n + 1), prompt);
        }
    }
}

/// What is wrong with `text` if it holds a control character (line breaks
/// and tabs included: every field is one line or one paragraph), or a
/// bidirectional control, which could make a line read as something else.
fn control_problem(text: &str) -> Option<String> {
    let (at, c) = first_control(text)?;
    Some(format!(
        "a control character (U+{:04X}) at character {}; toolkit text may hold none, \
         as it could change the terminal of whoever reads it",
        u32::from(c),
        at + 1
    ))
}

/// The first control or bidirectional control character in `text`, with
/// its place in characters from 0. Only bytes that can begin one are
/// looked at closely: C0 controls and DEL are single bytes, C1 controls
/// (U+0080 to U+009F) begin with 0xC2, and the bidirectional controls
/// (U+202A to U+202E, U+2066 to U+2069) with 0xE2. Each is a first byte,
/// never the middle of a character, so the rest of the text is skipped
/// without decoding it.
fn first_control(text: &str) -> Option<(usize, char)> {
    let suspect = |b: &u8| *b < 0x20 || matches!(*b, 0x7F | 0xC2 | 0xE2);
    let bytes = text.as_bytes();
    let mut from = 0;
    while let Some(found) = bytes[from..].iter().position(suspect) {
        let at = from + found;
        let c = text[at..].chars().next()?;
        if c.is_control() || crate::sanitise::is_bidi_control(c) {
            return Some((text[..at].chars().count(), c));
        }
        from = at + c.len_utf8();
    }
    None
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
    use super::{first_control, url_problem};

    /// The plain way: every character decoded and looked at.
    fn first_control_by_chars(text: &str) -> Option<(usize, char)> {
        text.chars()
            .enumerate()
            .find(|(_, c)| c.is_control() || crate::sanitise::is_bidi_control(*c))
    }

    #[test]
    fn the_quick_scan_finds_what_looking_at_every_character_finds() {
        let mut suspects: Vec<char> = ('\0'..='\u{ff}').collect();
        suspects.extend(('\u{2000}'..='\u{206f}').chain(['\u{2028}', '\u{feff}', '\u{fff9}']));
        for c in suspects {
            for text in [
                format!("{c}"),
                format!("plain {c} text"),
                format!("\u{2019}curly\u{201c} and \u{2014} dashes, caf\u{e9} {c}!"),
                format!("\u{a0}\u{85}{c}\u{202a}"),
                format!("你好{c}👩\u{200d}👧"),
            ] {
                assert_eq!(
                    first_control(&text),
                    first_control_by_chars(&text),
                    "{text:?}"
                );
            }
        }
        assert_eq!(
            first_control("a \u{2019} b \u{202e}"),
            Some((6, '\u{202e}'))
        );
    }

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
