//! A CPD record as CSV: one row per activity (date, activity, minutes,
//! participatory minutes, what I learned, benefit), for a spreadsheet.
//!
//! Quoting follows RFC 4180: every field in double quotes, a quote inside
//! doubled, records ended by CRLF. A text cell that begins with `=`, `+`,
//! `-`, `@`, a tab or a carriage return gets a leading `'` (OWASP's advice
//! against CSV injection), so a spreadsheet shows it as text and never runs
//! it as a formula. Text is cleaned by the one sanitiser first.
//! Hand-written: quoting is ten lines, and the `csv` crate would still
//! leave the neutralising to us (tests read the output back with it).

use super::super::markdown::clean;
use super::forms::{described, learned, practice};
use super::words::{NO_ACTIVITY, NO_NOTES, NO_PRACTICE};
use super::{Activity, CpdRecord};

/// The header row's names.
const HEADER: [&str; 6] = [
    "Date",
    "Activity",
    "Minutes",
    "Participatory minutes",
    "What I learned",
    "Benefit",
];

/// The record as CSV, a header then one row per activity (one row saying
/// so when there is none).
pub fn to_csv(cpd: &CpdRecord) -> String {
    let mut out = String::new();
    row(&mut out, &HEADER.map(str::to_owned));
    if cpd.activities.is_empty() {
        let none = [
            String::new(),
            NO_ACTIVITY.to_owned(),
            "0".to_owned(),
            "0".to_owned(),
            NO_NOTES.to_owned(),
            NO_PRACTICE.to_owned(),
        ];
        row(&mut out, &none);
    }
    for activity in &cpd.activities {
        row(&mut out, &cells(activity));
    }
    out
}

fn cells(a: &Activity) -> [String; 6] {
    let or = |lines: Vec<String>, missing: &str| {
        if lines.is_empty() {
            missing.to_owned()
        } else {
            lines.join("\n\n")
        }
    };
    [
        a.date.to_string(),
        described(a),
        a.minutes.to_string(),
        a.participatory_minutes.to_string(),
        or(learned(a), NO_NOTES),
        or(practice(a), NO_PRACTICE),
    ]
}

/// Appends one record: each cell neutralised and quoted, then CRLF.
pub(super) fn row(out: &mut String, cells: &[String]) {
    for (i, cell) in cells.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push('"');
        let text = clean(cell).replace('\n', "\r\n");
        if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
            out.push('\'');
        }
        out.push_str(&text.replace('"', "\"\""));
        out.push('"');
    }
    out.push_str("\r\n");
}
