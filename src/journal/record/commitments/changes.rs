//! Changes to commitments asked for in the app (make, check in, ask again,
//! let go), carried out by a session with the clock: the commitment is
//! taken as the journal shown (or the session's own unsaved version) holds
//! it, changed, and kept whole for the next save.

use jiff::Timestamp;
use jiff::civil::Date;

use super::{Commitment, merge_into};
use crate::journal::record::{Journal, Session};

/// A change to commitments asked for in the app; the run loop carries it
/// out with the clock ([`Session::change_commitment`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CommitmentChange {
    /// Make a new one.
    Make {
        /// The words ("I will …").
        text: String,
        /// The section it came from.
        section: Option<String>,
        /// The day to ask how it went.
        review_on: Date,
    },
    /// An answer to "How did it go?".
    CheckIn {
        /// The commitment's id.
        id: String,
        /// The answer.
        text: String,
    },
    /// "Not yet": ask again on a later day.
    AskAgain {
        /// The commitment's id.
        id: String,
        /// The day to ask again.
        on: Date,
    },
    /// Let it go (its words stay).
    LetGo {
        /// The commitment's id.
        id: String,
    },
    /// New words (and perhaps a new review day) for a commitment: it keeps
    /// when it was made and its answers, under the id its new words give.
    Reword {
        /// The commitment's id.
        id: String,
        /// The new words ("I will …").
        text: String,
        /// A new day to ask how it went, when it was changed.
        review_on: Option<Date>,
    },
    /// Take it out of the journal, answers and all (the app keeps it to
    /// put back with `Restore`).
    Remove {
        /// The commitment's id.
        id: String,
    },
    /// Put back a commitment just removed, whole.
    Restore {
        /// Its id.
        id: String,
        /// The commitment as it was.
        commitment: Box<Commitment>,
    },
}

impl Session {
    /// Carries out `change` at `now` on the commitment as `journal` (or this
    /// session's unsaved changes) holds it, for the next save. Returns the
    /// commitment's id, or `None` when there was nothing to change (blank
    /// words, or an id neither knows).
    pub fn change_commitment(
        &mut self,
        journal: &Journal,
        change: &CommitmentChange,
        now: Timestamp,
    ) -> Option<String> {
        let (id, commitment) = match change {
            CommitmentChange::Remove { id } => {
                let known = journal.records.commitments.contains_key(id);
                let pending = self.pending.commitments.remove(id).is_some();
                if !known && !pending {
                    return None;
                }
                self.pending.removed_commitments.insert(id.clone());
                return Some(id.clone());
            }
            CommitmentChange::Restore { id, commitment } => {
                self.pending.removed_commitments.remove(id);
                (id.clone(), (**commitment).clone())
            }
            CommitmentChange::Reword {
                id,
                text,
                review_on,
            } => {
                let known = journal.records.commitments.get(id);
                let mut commitment = known.or(self.pending.commitments.get(id))?.clone();
                if text.trim().is_empty() {
                    return None;
                }
                commitment.text = text.trim().to_owned();
                if let Some(on) = review_on {
                    commitment.ask_again_on(*on, now);
                }
                let new_id = commitment.id();
                if new_id != *id {
                    self.pending.commitments.remove(id);
                    self.pending.removed_commitments.insert(id.clone());
                }
                (new_id, commitment)
            }
            CommitmentChange::Make {
                text,
                section,
                review_on,
            } => {
                if text.trim().is_empty() {
                    return None;
                }
                let made = Commitment::new(text, section.as_deref(), now, *review_on);
                (made.id(), made)
            }
            CommitmentChange::CheckIn { id, .. }
            | CommitmentChange::AskAgain { id, .. }
            | CommitmentChange::LetGo { id } => {
                let known = journal.records.commitments.get(id);
                let mut commitment = known.or(self.pending.commitments.get(id))?.clone();
                let changed = match change {
                    CommitmentChange::CheckIn { text, .. } => commitment.check_in(text, now),
                    CommitmentChange::AskAgain { on, .. } => {
                        commitment.ask_again_on(*on, now);
                        true
                    }
                    _ => {
                        commitment.let_it_go(now);
                        true
                    }
                };
                if !changed {
                    return None;
                }
                (id.clone(), commitment)
            }
        };
        self.keep_commitment(&id, &commitment);
        Some(id)
    }

    /// Records a commitment this session made or changed (a check-in, "ask
    /// again", letting go), whole: the next save merges it into the journal
    /// on disk.
    pub fn keep_commitment(&mut self, id: &str, commitment: &Commitment) {
        merge_into(&mut self.pending.commitments, id, commitment, 0);
    }
}
