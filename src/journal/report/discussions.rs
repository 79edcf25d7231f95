//! Peer discussions as the journal window (`J`) and `allyship journal`
//! list them: newest first, each with its day, time, who with and the
//! sections talked over, so the two never disagree.

use super::{count, date_text};
use crate::journal::record::Journal;
use crate::toolkit::content::Toolkit;

/// One line per discussion, newest first: "Sat 5 Dec 2026 · 30 minutes
/// with team meeting · 18. Why these tips matter; 19. Listen actively".
pub fn discussion_lines(toolkit: &Toolkit, journal: &Journal) -> Vec<String> {
    journal
        .discussions_by_day()
        .into_iter()
        .rev()
        .map(|(_, talk)| {
            let sections: Vec<String> = talk
                .sections
                .iter()
                .map(|id| {
                    toolkit
                        .numbered_title(id)
                        .unwrap_or_else(|| format!("{id} (no longer in this toolkit)"))
                })
                .collect();
            let minutes = usize::try_from(talk.minutes).unwrap_or(usize::MAX);
            format!(
                "{} · {} with {} · {}",
                date_text(talk.on),
                count(minutes, "minute", "minutes"),
                talk.with.replace(['\n', '\r'], " "),
                sections.join("; ")
            )
        })
        .collect()
}

/// The heading above them: "Peer discussions: 2 (1 hour 15 minutes)".
pub fn discussions_heading(journal: &Journal) -> String {
    let minutes: u64 = journal
        .records
        .discussions
        .values()
        .map(|d| u64::from(d.minutes))
        .sum();
    format!(
        "Peer discussions: {} ({})",
        journal.records.discussions.len(),
        super::duration_text(minutes.saturating_mul(60))
    )
}
