//! A CPD record as one self-contained HTML page, to print (A4) or keep:
//! no scripts, no external files (its style is inside it), and every piece
//! of text cleaned by the one sanitiser and escaped (`&`, `<`, `>`, `"`,
//! `'`). Written as well-formed XML too (`<meta ... />`), so any parser,
//! strict or not, reads it the same.

use std::fmt::Write as _;

use super::super::markdown::clean;
use super::CpdRecord;

/// The page's style: readable on screen, and on A4 paper when printed.
const STYLE: &str = "\
body { font-family: Georgia, 'Times New Roman', serif; font-size: 12pt; line-height: 1.45; \
max-width: 42em; margin: 2em auto; padding: 0 1em; color: #000; background: #fff; }
h1 { font-size: 18pt; } h2 { font-size: 14pt; border-bottom: 1px solid #444; margin-top: 1.6em; }
h3 { font-size: 12pt; margin: 1em 0 0.3em; }
p { margin: 0 0 0.6em; white-space: pre-wrap; overflow-wrap: anywhere; }
p.missing { font-style: italic; }
@page { size: A4; margin: 20mm; }
@media print { body { margin: 0; max-width: none; font-size: 11pt; } \
h2, h3 { break-after: avoid; page-break-after: avoid; } \
section.field { break-inside: avoid; page-break-inside: avoid; } }";

/// The record as one HTML page.
pub fn to_html(cpd: &CpdRecord) -> String {
    let mut out = String::new();
    let title = escape(&cpd.title);
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\" />\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\" />\n\
         <title>{title}</title>\n<style>\n{STYLE}\n</style>\n</head>\n<body>\n<h1>{title}</h1>\n"
    );
    let _ = writeln!(
        out,
        "<p>Period: {}</p>\n<p>Time recorded: {}</p>",
        escape(&cpd.period),
        super::words::time_recorded(cpd)
    );
    for entry in &cpd.entries {
        let _ = writeln!(out, "<section>\n<h2>{}</h2>", escape(&entry.heading));
        for field in &entry.fields {
            let _ = writeln!(
                out,
                "<section class=\"field\">\n<h3>{}</h3>",
                escape(&field.name)
            );
            for text in &field.text {
                let _ = writeln!(out, "<p>{}</p>", escape(text.trim()));
            }
            if let Some(missing) = &field.missing {
                let _ = writeln!(out, "<p class=\"missing\">{}</p>", escape(missing));
            }
            out.push_str("</section>\n");
        }
        out.push_str("</section>\n");
    }
    out.push_str("</body>\n</html>\n");
    out
}

/// `text` cleaned, with the characters HTML gives meaning to escaped.
pub(super) fn escape(text: &str) -> String {
    let cleaned = clean(text);
    let mut out = String::with_capacity(cleaned.len() + 16);
    for c in cleaned.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}
