//! `allyship search`'s output: the hits as plain text or as JSON.

use super::Hit;
use crate::toolkit::content::Toolkit;
use std::fmt::Write as _;

/// `allyship search` as plain text: a numbered title line and an indented
/// context line for each hit.
pub fn plain_results(toolkit: &Toolkit, hits: &[Hit]) -> String {
    let entries: Vec<_> = toolkit.entries().collect();
    let mut out = String::new();
    for hit in hits {
        if let Some(e) = entries.get(hit.section) {
            let _ = writeln!(
                out,
                "{}. {} ({})",
                hit.section + 1,
                e.section.title,
                e.section.id
            );
            let _ = writeln!(out, "    {}", hit.context);
        }
    }
    out
}

/// `allyship search --json`: an array of objects with number (from 1), id,
/// title, field, context and score.
pub fn json_results(toolkit: &Toolkit, hits: &[Hit]) -> String {
    let entries: Vec<_> = toolkit.entries().collect();
    let results: Vec<serde_json::Value> = hits
        .iter()
        .filter_map(|hit| {
            let e = entries.get(hit.section)?;
            Some(serde_json::json!({
                "number": hit.section + 1,
                "id": e.section.id,
                "title": e.section.title,
                "field": hit.field,
                "context": hit.context,
                "score": hit.score,
            }))
        })
        .collect();
    serde_json::to_string_pretty(&results).unwrap_or_else(|_| "[]".into())
}
