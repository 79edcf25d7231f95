//! A CPD record as Markdown: a heading per entry and per field, in the
//! form's order, to paste field by field. Every piece of text is cleaned
//! by the one sanitiser and its Markdown syntax escaped, so a note's `#`,
//! `*`, `<b>` or `[link](…)` pastes as the characters written.

use std::fmt::Write as _;

use super::super::markdown::clean;
use super::CpdRecord;

/// The record as Markdown.
pub fn to_markdown(cpd: &CpdRecord) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "# {}\n", escape(&cpd.title));
    let _ = writeln!(out, "- Period: {}", escape(&cpd.period));
    let _ = writeln!(out, "- Time recorded: {}", super::words::time_recorded(cpd));
    for entry in &cpd.entries {
        let _ = writeln!(out, "\n## {}", escape(&entry.heading));
        for field in &entry.fields {
            let _ = writeln!(out, "\n### {}\n", escape(&field.name));
            let paragraphs: Vec<String> = field.paragraphs().map(escape).collect();
            let _ = writeln!(out, "{}", paragraphs.join("\n\n"));
        }
    }
    out
}

/// `text` cleaned, with every character Markdown could read as syntax
/// escaped by a backslash (CommonMark lets any ASCII punctuation be).
pub(super) fn escape(text: &str) -> String {
    let cleaned = clean(text);
    let mut out = String::with_capacity(cleaned.len() + 8);
    for (n, line) in cleaned.trim_matches('\n').split('\n').enumerate() {
        if n > 0 {
            out.push('\n');
        }
        let body = line.trim_start();
        // A mark that would start a list, a heading or a rule.
        let digits = body.bytes().take_while(u8::is_ascii_digit).count();
        let spaced = |at: usize| body[at..].chars().nth(1).is_none_or(char::is_whitespace);
        let rule = body.len() > 1 && body.chars().all(|c| c == '-' || c == '=');
        let marker = if body.starts_with(['-', '+', '=']) && (spaced(0) || rule) {
            Some(0)
        } else {
            (digits > 0 && body[digits..].starts_with(['.', ')']) && spaced(digits))
                .then_some(digits)
        };
        out.push_str(&line[..line.len() - body.len()]);
        for (i, c) in body.char_indices() {
            let syntax = matches!(
                c,
                '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|' | '~' | '&' | '!'
            );
            if syntax || marker == Some(i) {
                out.push('\\');
            }
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::escape;

    #[test]
    fn markdown_and_html_in_a_note_are_escaped() {
        assert_eq!(escape("# title"), "\\# title");
        assert_eq!(escape("- point\n+ more"), "\\- point\n\\+ more");
        assert_eq!(escape("---\n=="), "\\---\n\\==");
        assert_eq!(escape("0.75 hours, -it, +1"), "0.75 hours, -it, +1");
        assert_eq!(escape("1. first"), "1\\. first");
        assert_eq!(escape("<b>*bold*</b>"), "\\<b\\>\\*bold\\*\\</b\\>");
        assert_eq!(escape("[x](http://a)"), "\\[x\\](http://a)");
        assert_eq!(escape("a\x1b[31mb"), "a\\\\u001b\\[31mb");
        assert_eq!(escape("plain words, 3 of them."), "plain words, 3 of them.");
    }
}
