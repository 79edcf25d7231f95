//! A toolkit written as Markdown files (`allyship convert --to markdown`):
//! what [`super::load`] reads back into the same value. Every text is
//! escaped where Markdown would read it as markup, so a `*` or a `[` in
//! the toolkit stays a `*` or a `[`.

use super::front::{PartFront, SectionFront, ToolkitFront};
use super::{File, PART, SUMMARY};
use crate::toolkit::content::{Block, Choice, Link, Part, Quote, Section, Toolkit};
use std::fmt::Write as _;

/// The files of a folder holding `toolkit`: `SUMMARY.md`, then a folder
/// per part (`01-start/part.md`) with a file per section
/// (`01-start/01-welcome.md`), numbered so the names sort in reading order.
pub fn to_files(toolkit: &Toolkit) -> Vec<File> {
    let mut files = Vec::new();
    let mut summary = front(&ToolkitFront {
        version: toolkit.version.clone(),
        sources: toolkit.sources.clone(),
    });
    let _ = writeln!(summary, "# {}\n", heading(&toolkit.title));
    let width = numbers(toolkit.parts.len());
    for (n, part) in toolkit.parts.iter().enumerate() {
        let folder = format!("{:0width$}-{}", n + 1, part.id);
        let path = format!("{folder}/{PART}");
        let _ = writeln!(
            summary,
            "- [{}]({})",
            escape(&part.title),
            destination(&path)
        );
        files.push(File {
            text: part_file(part),
            path,
        });
        let width = numbers(part.sections.len());
        for (n, section) in part.sections.iter().enumerate() {
            let path = format!("{folder}/{:0width$}-{}.md", n + 1, section.id);
            let _ = writeln!(
                summary,
                "  - [{}]({})",
                escape(&section.title),
                destination(&path)
            );
            files.push(File {
                text: section_file(section),
                path,
            });
        }
    }
    files.insert(
        0,
        File {
            path: SUMMARY.into(),
            text: summary,
        },
    );
    files
}

/// Digits to number `count` things, at least two.
fn numbers(count: usize) -> usize {
    count.to_string().len().max(2)
}

/// Front matter: the fields as TOML between `+++` lines.
fn front<T: serde::Serialize>(fields: &T) -> String {
    let toml = toml::to_string(fields).unwrap_or_default();
    format!("+++\n{toml}+++\n\n")
}

fn part_file(part: &Part) -> String {
    let mut text = front(&PartFront {
        id: part.id.clone(),
    });
    let _ = writeln!(text, "# {}", heading(&part.title));
    if !part.outcomes.is_empty() {
        text.push_str("\n## Outcomes\n\n");
        for outcome in &part.outcomes {
            let _ = writeln!(text, "- {}", escape(outcome));
        }
    }
    text
}

fn section_file(section: &Section) -> String {
    let mut text = front(&SectionFront {
        id: section.id.clone(),
        source: section.source.clone(),
    });
    let _ = writeln!(text, "# {}", heading(&section.title));
    // Two lists one after the other are told apart by their bullets.
    let mut last_bullet = None;
    for block in &section.blocks {
        text.push('\n');
        let bullet = match (block, last_bullet) {
            (Block::Points(_) | Block::Links(_), Some('-')) => Some('*'),
            (Block::Points(_) | Block::Links(_), _) => Some('-'),
            _ => None,
        };
        match block {
            Block::Paragraph(words) => {
                let _ = writeln!(text, "{}", escape(words));
            }
            Block::Points(points) => {
                for point in points {
                    let _ = writeln!(text, "{} {}", bullet.unwrap_or('-'), escape(point));
                }
            }
            Block::Quote(quote) => text.push_str(&quote_text(quote)),
            Block::Links(links) => {
                for link in links {
                    let _ = writeln!(text, "{} {}", bullet.unwrap_or('-'), link_text(link));
                }
            }
        }
        last_bullet = bullet;
    }
    list(&mut text, "Reflect", &section.reflect);
    list(&mut text, "Discuss", &section.discuss);
    if let Some(choice) = &section.choice {
        text.push_str(&choice_text(choice));
    }
    list(&mut text, "Facilitator notes", &section.facilitator_notes);
    text
}

/// A reserved heading and its list, when there is anything to list.
fn list(text: &mut String, name: &str, lines: &[String]) {
    if lines.is_empty() {
        return;
    }
    let _ = writeln!(text, "\n## {name}\n");
    for line in lines {
        let _ = writeln!(text, "- {}", escape(line));
    }
}

fn quote_text(quote: &Quote) -> String {
    format!("> {}\n>\n> — {}\n", escape(&quote.text), escape(&quote.by))
}

fn link_text(link: &Link) -> String {
    let mut text = match (&link.url, &link.section) {
        (Some(url), _) => format!("[{}]({})", escape(&link.title), destination(url)),
        (None, Some(id)) => format!("[{}](#{id})", escape(&link.title)),
        (None, None) => format!("*{}*", escape(&link.title)),
    };
    if let Some(by) = &link.by {
        let _ = write!(text, " by {}", escape(by));
    }
    if let Some(kind) = &link.kind {
        let _ = write!(text, " ({})", escape(kind));
    }
    text
}

fn choice_text(choice: &Choice) -> String {
    let mut text = format!("\n## Choice: {}\n", heading(&choice.question));
    for (n, option) in choice.options.iter().enumerate() {
        let marker = format!("{}. ", n + 1);
        let indent = " ".repeat(marker.len());
        let _ = writeln!(text, "\n{marker}{}", escape(&option.text));
        let _ = writeln!(text, "\n{indent}Feedback: {}", escape(&option.feedback));
        if let Some(id) = &option.section {
            let _ = writeln!(text, "\n{indent}See: {}", escape(id));
        }
    }
    text
}

/// A link's address, in `<…>` when it holds a space or a bracket.
fn destination(address: &str) -> String {
    if address.contains([' ', '(', ')', '<', '>']) {
        format!("<{}>", address.replace('<', "%3C").replace('>', "%3E"))
    } else {
        address.to_owned()
    }
}

/// Words for a heading: escaped, `#` included (a heading's last `#`s
/// would otherwise be read as its closing).
fn heading(words: &str) -> String {
    escape(words).replace('#', "\\#")
}

/// `words` as Markdown that reads back as exactly these words: markup
/// characters escaped, and a start that would begin a list, a heading or a
/// quotation escaped too.
pub fn escape(words: &str) -> String {
    let mut out = String::with_capacity(words.len() + 8);
    let body = words.trim_matches(' ');
    let leading = words.len() - words.trim_start_matches(' ').len();
    out.push_str(&"&#32;".repeat(leading));
    for (at, c) in body.char_indices() {
        let starts_line = at == 0;
        let rest = &body[at + c.len_utf8()..];
        let escape = match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' => true,
            '&' => looks_like_entity(rest),
            '#' | '>' | '-' | '+' | '=' | '~' | '|' => starts_line,
            '.' | ')' => body[..at].chars().all(|d| d.is_ascii_digit()) && at > 0,
            _ => false,
        };
        if escape {
            out.push('\\');
        }
        out.push(c);
    }
    if !body.is_empty() {
        let trailing = words.len() - words.trim_end_matches(' ').len();
        out.push_str(&"&#32;".repeat(trailing));
    }
    out
}

/// Whether `rest` (what follows an `&`) would make it an entity, `&amp;`.
fn looks_like_entity(rest: &str) -> bool {
    let name: String = rest
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '#')
        .collect();
    !name.is_empty() && rest[name.len()..].starts_with(';')
}
