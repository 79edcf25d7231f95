//! Where the room is, in the part's wording: "Introduction", "Tip 5 of 9",
//! counted in the whole part whichever section the walkthrough started from.

use crate::toolkit::content::{Part, Toolkit};

/// How the footer counts the room's place, so "Tip 5 of 9" means the same
/// whichever section the walkthrough started from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Counting {
    /// Every section is from this part of tips: "Introduction", "Tip 5 of 9".
    Tips,
    /// Every section is from this part: "What is an ally? 2 of 3".
    Part,
    /// Sections from several parts: "Section 4 of 12", along the walkthrough.
    Walkthrough,
}

/// Whether a part is a list of tips (its id is `tips` or ends in `-tips`).
fn is_tips(part_id: &str) -> bool {
    part_id == "tips" || part_id.ends_with("-tips")
}

/// The tips of a part of tips: its sections whose id starts `tip-` (the
/// others introduce or close them), or all of them when none does.
fn tips(part: &Part) -> Vec<&str> {
    let named: Vec<&str> = part
        .sections
        .iter()
        .map(|s| s.id.as_str())
        .filter(|id| id.starts_with("tip-"))
        .collect();
    if named.is_empty() {
        part.sections.iter().map(|s| s.id.as_str()).collect()
    } else {
        named
    }
}

/// Where section `id` stands in its part of tips: "Tip 5 of 9", or
/// "Introduction" for what comes before the first tip.
fn tip_label(part: &Part, id: &str) -> String {
    let tips = tips(part);
    if let Some(n) = tips.iter().position(|t| *t == id) {
        return format!("Tip {} of {}", n + 1, tips.len());
    }
    let place = |id: &str| part.sections.iter().position(|s| s.id == id);
    match (place(id), tips.first().and_then(|first| place(first))) {
        (Some(here), Some(first)) if here < first => "Introduction".to_string(),
        _ => part.title.clone(),
    }
}

impl Counting {
    /// How to count a walkthrough of `sections` (toolkit reading-order indexes).
    pub(super) fn for_sections(toolkit: &Toolkit, sections: &[usize]) -> Counting {
        let parts: Vec<usize> = sections
            .iter()
            .filter_map(|&i| toolkit.entry(i).map(|e| e.part_index))
            .collect();
        match parts.first() {
            Some(&first) if parts.iter().all(|&p| p == first) => match toolkit.parts.get(first) {
                Some(part) if is_tips(&part.id) => Counting::Tips,
                _ => Counting::Part,
            },
            _ => Counting::Walkthrough,
        }
    }
}

/// Where section `id` of `part` stands, counted as `counting` says; `None`
/// when it is counted along the walkthrough instead.
pub(super) fn label(counting: Counting, part: &Part, id: &str) -> Option<String> {
    match counting {
        Counting::Tips => Some(tip_label(part, id)),
        Counting::Part => {
            let n = part.sections.iter().position(|s| s.id == id);
            let n = n.map_or(0, |n| n + 1);
            Some(format!("{} {n} of {}", part.title, part.sections.len()))
        }
        Counting::Walkthrough => None,
    }
}
