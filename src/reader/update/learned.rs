//! What the run loop learned from outside (a save, the journal opened, a
//! walkthrough ended, a link opened), taken into the app here, so the loop,
//! its effects and `cli` never write to the app themselves.

use super::saving::saved;
use crate::reader::action::Learned;
use crate::reader::app::{App, Overlay};
use crate::reader::windows::commitments::update::saved_message_in;

/// Said once a note is on disk (and its window is closed).
pub const NOTE_SAVED: &str = "Note saved.";

/// Takes in what the run loop learned, and says what the person should
/// know of it.
pub fn learned(app: &mut App, news: Learned) {
    match news {
        Learned::JournalOpened {
            journal,
            kept,
            resume,
            message,
        } => {
            app.journal_kept = kept;
            app.journal = journal;
            if resume {
                app.resume();
            }
            if let Some(message) = message {
                app.message = Some(message);
            }
        }
        Learned::Saved {
            journal,
            read_only,
            save,
        } => {
            if let Some(journal) = journal {
                app.journal = journal;
            }
            app.read_only = read_only;
            saved(app, save);
        }
        Learned::Running { today, read_only } => {
            app.today = today;
            app.read_only = read_only;
        }
        // While the note is still being written, its window says so.
        Learned::NoteSaved(said) => {
            if !matches!(app.overlay, Some(Overlay::Note(_))) {
                app.message = Some(said.into());
            }
        }
        Learned::CommitmentSaved(change) => {
            app.message = Some(saved_message_in(&change, &app.journal, app.today));
        }
        Learned::LinkOpened(said) => app.message = Some(said),
        // The screen may still be shared: nothing private until a key.
        Learned::WalkthroughEnded(said) => {
            app.message = Some(said);
            app.covered = true;
        }
        Learned::ThemeNotRemembered(why) => {
            app.message = Some(format!("The theme could not be remembered: {why}."));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::reader::editor::TextInput;
    use crate::reader::update::Saved;
    use crate::toolkit::content::built_in;

    fn app() -> App {
        App::new(built_in(), 80, 24)
    }

    #[test]
    fn a_note_saved_is_said_only_once_its_window_is_closed() {
        let mut app = app();
        learned(&mut app, Learned::NoteSaved(NOTE_SAVED));
        assert_eq!(app.message.as_deref(), Some(NOTE_SAVED));
        app.message = None;
        app.overlay = Some(Overlay::Note(Box::new(TextInput::note("welcome", "words"))));
        learned(&mut app, Learned::NoteSaved(NOTE_SAVED));
        assert_eq!(app.message, None);
    }

    #[test]
    fn the_journal_opened_is_taken_in_with_its_message() {
        let mut app = app();
        let mut journal = crate::journal::record::Journal::new();
        journal.position = Some(crate::journal::record::Position {
            section: "defining-allyship".into(),
            scroll: 0,
            ..Default::default()
        });
        let message = Some("Your journal is read-only.".to_string());
        let opened = |resume| Learned::JournalOpened {
            journal: journal.clone(),
            kept: true,
            resume,
            message: message.clone(),
        };
        learned(&mut app, opened(false));
        assert!(app.journal_kept);
        assert_eq!(app.current, 0, "a quick look already opened the place");
        assert_eq!(app.message, message);
        learned(&mut app, opened(true));
        assert_eq!(
            app.toolkit
                .entry(app.current)
                .map(|e| e.section.id.as_str()),
            Some("defining-allyship")
        );
    }

    #[test]
    fn a_walkthrough_ended_a_link_opened_and_a_theme_not_kept_are_said() {
        let mut app = app();
        learned(
            &mut app,
            Learned::WalkthroughEnded("Back to reading.".into()),
        );
        assert_eq!(app.message.as_deref(), Some("Back to reading."));
        learned(&mut app, Learned::LinkOpened("Opening: x".into()));
        assert_eq!(app.message.as_deref(), Some("Opening: x"));
        learned(&mut app, Learned::ThemeNotRemembered("disk full".into()));
        assert_eq!(
            app.message.as_deref(),
            Some("The theme could not be remembered: disk full.")
        );
        let save = Learned::Saved {
            journal: None,
            read_only: Some("the folder is read-only".into()),
            save: Saved::default(),
        };
        learned(&mut app, save);
        assert_eq!(app.read_only.as_deref(), Some("the folder is read-only"));
        assert_eq!(
            app.message.as_deref(),
            Some("The theme could not be remembered: disk full."),
            "a quiet save leaves the message"
        );
    }
}
