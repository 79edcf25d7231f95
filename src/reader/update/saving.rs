//! How a save went, told to the person: "Not saved" once when words first
//! fail to reach the disk (or fail for a new reason), and "Saved now" when
//! a later try writes them, so the screen never keeps a promise that has
//! stopped being true. The run loop saves; this decides what it says.

use crate::reader::app::{App, Overlay};

/// Said when words that could not be saved have reached the journal.
pub const SAVED_NOW: &str = "Saved now: your words are in your journal.";

/// Said when a save that waited or failed (with no words of the person's
/// in it) has gone through.
pub const UP_TO_DATE: &str = "Saved now: your journal is up to date.";

/// How one save went, as the run loop saw it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Saved {
    /// The sections (and commitments) whose words are not on disk, and
    /// why; `None` when nothing of the person's waits to be saved.
    pub unsaved: Option<(Vec<String>, String)>,
    /// What the journal had to say (a notice, "waiting"), first first.
    pub messages: Vec<String>,
    /// Whether everything reached the disk.
    pub written: bool,
}

/// The "Not saved" message for `why`, with where the words are meanwhile.
pub fn not_saved(why: &str) -> String {
    format!(
        "Not saved: {why}. Your words are kept while allyship is open; \
         if you leave, they go to a rescue file."
    )
}

/// Whether `message` says a save did not go through (so a later save that
/// does must replace it).
fn says_not_saved(message: &str) -> bool {
    message == crate::journal::store::WAITING || message.starts_with("Not saved")
}

/// Takes in how a save went: remembers what is not saved (the footer and
/// the note editor show it), and says so when that is news: words newly
/// unsaved or a new reason, or words saved at last. A retry that fails as
/// before says nothing again, so a key clears the message as usual. "Leave
/// anyway?" closes once nothing is left unsaved: the question is no longer
/// true.
pub fn saved(app: &mut App, save: Saved) {
    let before = std::mem::replace(&mut app.unsaved, save.unsaved);
    match (before, &app.unsaved) {
        (before, Some((ids, why))) => {
            let news = before.is_none_or(|(was_ids, was_why)| {
                was_why != *why || ids.iter().any(|id| !was_ids.contains(id))
            });
            if news {
                app.message = Some(not_saved(why));
            }
        }
        (Some(_), None) if save.written => {
            app.message = Some(SAVED_NOW.into());
            if app.overlay == Some(Overlay::ConfirmQuit) {
                app.overlay = None;
            }
        }
        (_, None) => {
            if let Some(message) = save.messages.into_iter().next() {
                app.message = Some(message);
            } else if save.written && app.message.as_deref().is_some_and(says_not_saved) {
                app.message = Some(UP_TO_DATE.into());
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::reader::action::Action;
    use crate::reader::update::update;
    use crate::toolkit::content::built_in;

    const LOCKED: &str = "another copy of allyship kept the journal locked";

    fn failed(ids: &[&str], why: &str) -> Saved {
        Saved {
            unsaved: Some((ids.iter().map(|id| id.to_string()).collect(), why.into())),
            messages: vec![crate::journal::store::WAITING.into()],
            written: false,
        }
    }

    fn written() -> Saved {
        Saved {
            written: true,
            ..Saved::default()
        }
    }

    #[test]
    fn a_save_that_works_after_a_failed_one_says_saved_now() {
        let mut a = App::new(built_in(), 80, 24);
        saved(&mut a, failed(&["welcome"], LOCKED));
        let message = a.message.clone().unwrap_or_default();
        assert!(message.starts_with("Not saved: another copy"), "{message}");
        assert!(a.unsaved.is_some());
        saved(&mut a, written());
        assert_eq!(a.message.as_deref(), Some(SAVED_NOW));
        assert_eq!(a.unsaved, None, "the footer no longer says not saved");
    }

    #[test]
    fn saved_now_is_said_even_after_a_key_cleared_the_not_saved_message() {
        let mut a = App::new(built_in(), 80, 24);
        saved(&mut a, failed(&["welcome"], LOCKED));
        update(&mut a, Action::Down);
        assert_eq!(a.message, None);
        saved(&mut a, written());
        assert_eq!(a.message.as_deref(), Some(SAVED_NOW));
    }

    #[test]
    fn a_new_reason_or_new_words_are_said_and_the_same_failure_is_not_said_again() {
        let mut a = App::new(built_in(), 80, 24);
        saved(&mut a, failed(&["welcome"], LOCKED));
        update(&mut a, Action::Down);
        saved(&mut a, failed(&["welcome"], LOCKED));
        assert_eq!(a.message, None, "a retry failing as before says nothing");
        saved(&mut a, failed(&["welcome"], "the disk is full"));
        let message = a.message.clone().unwrap_or_default();
        assert!(
            message.starts_with("Not saved: the disk is full"),
            "{message}"
        );
        update(&mut a, Action::Down);
        saved(
            &mut a,
            failed(&["welcome", "tip-speak-up"], "the disk is full"),
        );
        assert!(a.message.is_some(), "more words not saved is news");
    }

    #[test]
    fn leave_anyway_closes_once_the_words_are_saved() {
        let mut a = App::new(built_in(), 80, 24);
        saved(&mut a, failed(&["welcome"], LOCKED));
        update(&mut a, Action::Quit);
        assert_eq!(a.overlay, Some(Overlay::ConfirmQuit));
        saved(&mut a, failed(&["welcome"], LOCKED));
        assert_eq!(a.overlay, Some(Overlay::ConfirmQuit), "still not saved");
        saved(&mut a, written());
        assert_eq!(a.overlay, None);
        assert_eq!(a.message.as_deref(), Some(SAVED_NOW));
        assert_eq!(update(&mut a, Action::Quit).len(), 1, "q now leaves");
    }

    #[test]
    fn a_waiting_message_is_replaced_once_the_save_goes_through() {
        let mut a = App::new(built_in(), 80, 24);
        let waiting = Saved {
            messages: vec![crate::journal::store::WAITING.into()],
            ..Saved::default()
        };
        saved(&mut a, waiting);
        assert_eq!(a.message.as_deref(), Some(crate::journal::store::WAITING));
        saved(&mut a, written());
        assert_eq!(a.message.as_deref(), Some(UP_TO_DATE));
        // A save that goes through with nothing to say leaves other messages.
        a.message = Some("Bookmarked.".into());
        saved(&mut a, written());
        assert_eq!(a.message.as_deref(), Some("Bookmarked."));
    }

    #[test]
    fn a_pause_in_typing_saves_without_clearing_the_message() {
        let mut a = App::new(built_in(), 80, 24);
        saved(&mut a, failed(&["welcome"], LOCKED));
        update(&mut a, Action::SaveNote);
        assert!(a.message.is_some(), "no key was pressed");
    }
}
