//! "Scenarios I practised": the scenarios a person chose an option on in
//! the period, each with the option in its own words, for a learning record
//! to talk over in supervision. Practice, not a test: the record says what
//! was chosen, never whether it was "right".

use super::missing_title;
use crate::journal::record::Chosen;
use crate::toolkit::content::Toolkit;
use jiff::Timestamp;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// One scenario practised: which, the option chosen and when.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PractisedEntry {
    /// The scenario's section id.
    pub id: String,
    /// Its title, or "No longer in this toolkit (id)".
    pub title: String,
    /// The option's number as shown, from 1.
    pub option: u32,
    /// The option's words, if the toolkit still has it.
    pub option_text: Option<String>,
    /// When it was chosen (the latest choice, if it was chosen again).
    pub chosen_at: Timestamp,
}

impl PractisedEntry {
    /// The option chosen, in words for every records format: `option 2,
    /// "…"` with its words passed through `clean` (each format's own
    /// escaping), or, where the toolkit has no such option (a number out
    /// of range of the scenario's options, or a scenario changed or gone),
    /// `option 99, a choice this scenario no longer has`: never words or
    /// a choice it does not have.
    pub fn chosen(&self, clean: impl Fn(&str) -> String) -> String {
        match &self.option_text {
            Some(text) => format!("option {}, \"{}\"", self.option, clean(text)),
            None => format!(
                "option {}, a choice this scenario no longer has",
                self.option
            ),
        }
    }
}

/// The choices in `choices` as entries, in toolkit order (then scenarios
/// the toolkit no longer has, by id).
pub(super) fn entries(
    toolkit: &Toolkit,
    choices: &BTreeMap<String, Chosen>,
) -> Vec<PractisedEntry> {
    let mut entries: Vec<(usize, PractisedEntry)> = choices
        .iter()
        .map(|(id, chosen)| {
            let index = toolkit.index_of(id);
            let section = index.and_then(|i| toolkit.entry(i)).map(|e| e.section);
            let at = usize::try_from(chosen.option)
                .ok()
                .and_then(|n| n.checked_sub(1));
            let option_text = section
                .and_then(|s| s.choice.as_ref())
                .zip(at)
                .and_then(|(choice, at)| choice.options.get(at))
                .map(|option| option.text.clone());
            let entry = PractisedEntry {
                id: id.clone(),
                title: section.map_or_else(|| missing_title(id), |s| s.title.clone()),
                option: chosen.option,
                option_text,
                chosen_at: chosen.chosen_at,
            };
            (index.unwrap_or(usize::MAX), entry)
        })
        .collect();
    entries.sort_by(|(a, x), (b, y)| a.cmp(b).then_with(|| x.id.cmp(&y.id)));
    entries.into_iter().map(|(_, entry)| entry).collect()
}
