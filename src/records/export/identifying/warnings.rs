//! The lines an export prints to standard error before writing: which
//! note, answer or discussion holds what looks like which kind of detail.
//! Never the detail, nor the words around it: a note is named by its
//! section's number, a commitment by its number in `allyship commitments`.

use super::scan;
use crate::journal::record::Records;
use crate::journal::record::{Journal, local_day};
use crate::journal::report::date_text;
use crate::toolkit::content::Toolkit;

/// One line per place and kind, then what to do; empty when nothing is found.
pub fn warnings(toolkit: &Toolkit, journal: &Journal, data: &Records) -> Vec<String> {
    let mut lines = Vec::new();
    let mut look = |place: String, text: &str| {
        for kind in scan(text) {
            lines.push(format!("{place} holds what looks like {}.", kind.words()));
        }
    };
    let section = |id: &str| match toolkit.index_of(id) {
        Some(i) => format!("Section {}", i + 1),
        None => format!("{id} (no longer in this toolkit)"),
    };
    for (id, note) in &data.notes {
        look(format!("{}'s note", section(id)), &note.text);
    }
    for kept in &data.superseded_notes {
        look(
            format!("An earlier version of {}'s note", section(&kept.section)),
            &kept.text,
        );
    }
    for (id, bookmark) in &data.bookmarks {
        if let Some(label) = &bookmark.label {
            look(format!("{}'s bookmark label", section(id)), label);
        }
    }
    for (n, (id, commitment)) in journal.commitments_in_order().into_iter().enumerate() {
        let Some(exported) = data.commitments.get(id) else {
            continue;
        };
        look(format!("Commitment {}", n + 1), &commitment.text);
        for check in &exported.check_ins {
            let place = format!(
                "Commitment {}'s answer of {}",
                n + 1,
                date_text(local_day(check.at))
            );
            look(place, &check.text);
        }
    }
    for talk in data.discussions.values() {
        let place = format!("The peer discussion of {}", date_text(talk.on));
        look(
            place,
            &format!("{}\n{}", talk.with, talk.outcome.as_deref().unwrap_or("")),
        );
    }
    if !lines.is_empty() {
        lines.push(
            "The regulators ask for no details that identify a person who uses services or a \
             colleague. The record was still made as written: check it before you paste it, \
             change the note (allyship note SECTION --replace) and export again. \
             --quiet leaves out this warning."
                .to_owned(),
        );
    }
    lines
}
