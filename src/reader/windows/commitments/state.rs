//! The state of the commitment windows: `C` ("I will …" and its review
//! date) and the check-in ("How did it go?") asked when the app opens on a
//! commitment whose review day has come, or from the journal (`J`).

use crate::journal::record::REVIEW_IN_DAYS;
use crate::reader::editor::TextInput;

/// What the words of a new commitment start with.
pub const COMMIT_START: &str = "I will ";

/// The `C` window: what the person will do, and when to ask how it went.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CommitWindow {
    /// The words; its `section` is the section the commitment comes from.
    pub input: TextInput,
    /// Days from today to the review (1 to 365).
    pub days: u16,
    /// Whether keys change the review date rather than the words.
    pub on_date: bool,
    /// Set when the window changes a commitment kept already (`e` in the
    /// journal window) rather than making one.
    pub editing: Option<Editing>,
}

/// A commitment being changed from the journal window.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Editing {
    /// The commitment's id.
    pub id: String,
    /// The days to its review when the window opened: a review day left
    /// as it was is not changed.
    pub days: u16,
    /// The journal window's highlighted row, to go back to.
    pub selected: usize,
}

impl CommitWindow {
    /// A new commitment on `section`, starting "I will ", reviewed in two weeks.
    pub fn new(section: &str) -> Self {
        CommitWindow {
            input: TextInput::sentence(section, COMMIT_START, "I will … (what you will do)"),
            days: REVIEW_IN_DAYS,
            on_date: false,
            editing: None,
        }
    }

    /// The window over commitment `id` (from `section`) as it is, to
    /// change its words or its review day (`days` from today, at least 1),
    /// going back to row `selected` of the journal window.
    pub fn edit(id: &str, (section, text): (&str, &str), days: u16, selected: usize) -> Self {
        let days = days.clamp(1, 365);
        CommitWindow {
            input: TextInput::sentence(section, text, "I will … (what you will do)"),
            days,
            on_date: false,
            editing: Some(Editing {
                id: id.to_owned(),
                days,
                selected,
            }),
        }
    }

    /// The words, if there are any beyond "I will".
    pub fn words(&self) -> Option<String> {
        let text = self.input.text();
        let text = text.trim();
        let bare = text.eq_ignore_ascii_case(COMMIT_START.trim());
        (!text.is_empty() && !bare).then(|| text.to_owned())
    }
}

/// Where keys go in the check-in window.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CheckInFocus {
    /// The answer being written.
    Answer,
    /// "Not yet, ask me in a week".
    NotYet,
    /// "Let it go".
    LetGo,
}

/// The check-in window: "On 3 Nov you wrote: 'I will …'. How did it go?"
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckInWindow {
    /// The commitment's id.
    pub id: String,
    /// The answer being written (its `section` is the commitment's id).
    pub input: TextInput,
    /// Where keys go.
    pub focus: CheckInFocus,
    /// Commitments still to ask about after this one (due when the app opened).
    pub next: Vec<String>,
    /// How many were asked about in this round, for "1 of 3".
    pub of: usize,
    /// Opened from the journal window with this row highlighted: closing
    /// goes back there.
    pub from_journal: Option<usize>,
}

impl CheckInWindow {
    /// Asks about commitment `id`, then each of `next` in turn.
    pub fn new(id: &str, next: Vec<String>) -> Self {
        let mut input = TextInput::note(id, "");
        input.set_placeholder("How it went, in your own words. It stays on this computer.");
        let of = next.len() + 1;
        CheckInWindow {
            id: id.to_owned(),
            input,
            focus: CheckInFocus::Answer,
            next,
            of,
            from_journal: None,
        }
    }

    /// Which of this round's commitments this is, from 1.
    pub fn number(&self) -> usize {
        self.of.saturating_sub(self.next.len())
    }

    /// The answer, if it is not empty.
    pub fn answer(&self) -> Option<String> {
        let text = self.input.text();
        (!text.trim().is_empty()).then_some(text)
    }
}
