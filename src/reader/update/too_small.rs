//! A window too small to show the app shows only "Please make the window
//! larger" (or, when asked, "Leave anyway?"): a key that would change what
//! cannot be seen (a bookmark, a note, a section) waits instead.

use crate::reader::action::Action;
use crate::reader::app::{App, Overlay};

/// Whether `action` acts while the window is too small to show the app:
/// leaving, the answer to "Leave anyway?" (which the too-small screen
/// asks), suspending, and what the run loop itself does (resizes, saves
/// after a pause, the way out). Every other key is ignored, so whatever was
/// open (a note half-written) is there as it was once the window grows.
pub(super) fn acts(app: &App, action: Action) -> bool {
    match action {
        Action::Quit
        | Action::QuitNow
        | Action::Suspend
        | Action::Resize { .. }
        | Action::SaveNote
        | Action::Leaving => true,
        Action::Close => app.overlay == Some(Overlay::ConfirmQuit),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::super::paste;
    use super::super::test_support::{run, typed};
    use crate::reader::action::{Action, Effect};
    use crate::reader::app::{App, Overlay};
    use crate::toolkit::content::built_in;

    const TINY: Action = Action::Resize {
        width: 20,
        height: 5,
    };
    const BACK: Action = Action::Resize {
        width: 80,
        height: 24,
    };

    fn note_text(app: &App) -> Option<String> {
        match &app.overlay {
            Some(Overlay::Note(input)) => Some(input.text()),
            _ => None,
        }
    }

    #[test]
    fn keys_wait_while_the_window_is_too_small_and_q_still_leaves() {
        let mut a = App::new(built_in(), 80, 24);
        run(&mut a, &[TINY]);
        let theme = a.theme;
        let mut keys = vec![Action::ToggleBookmark, Action::EditNote];
        keys.extend(typed("blind words"));
        keys.extend([
            Action::Close,
            Action::NextSection,
            Action::Down,
            Action::Help,
            Action::Journal,
            Action::Present,
            Action::SwitchTheme,
            Action::Commit,
            Action::Digit(3),
            Action::Click { column: 1, row: 1 },
        ]);
        assert_eq!(run(&mut a, &keys), vec![], "nothing acts unseen");
        assert_eq!(a.overlay, None);
        assert_eq!((a.current, a.scroll, a.theme), (0, 0, theme));
        assert!(a.number.is_empty() && a.message.is_none());
        assert!(!paste(&mut a, "pasted"), "a paste waits too");
        assert_eq!(run(&mut a, &[Action::Quit]), vec![Effect::Quit]);
        assert_eq!(run(&mut a, &[Action::QuitNow]), vec![Effect::Quit]);
    }

    #[test]
    fn a_note_open_when_the_window_shrinks_is_kept_as_it_was() {
        let mut a = App::new(built_in(), 80, 24);
        run(&mut a, &[Action::EditNote]);
        run(&mut a, &typed("kept"));
        run(&mut a, &[TINY]);
        run(&mut a, &typed(" lost"));
        assert!(!paste(&mut a, " pasted"));
        let effects = run(&mut a, &[Action::Close, Action::Undo]);
        assert_eq!(effects, vec![], "Esc waits too");
        assert_eq!(note_text(&a).as_deref(), Some("kept"), "still open");
        run(&mut a, &[BACK]);
        assert_eq!(note_text(&a).as_deref(), Some("kept"));
        let effects = run(&mut a, &[Action::Close]);
        let kept = Effect::KeepNote {
            section: "welcome".into(),
            text: "kept".into(),
        };
        assert_eq!(effects, vec![kept]);
    }

    #[test]
    fn a_note_still_saves_after_a_pause_while_the_window_is_too_small() {
        let mut a = App::new(built_in(), 80, 24);
        run(&mut a, &[Action::EditNote]);
        run(&mut a, &typed("kept"));
        run(&mut a, &[TINY]);
        let effects = run(&mut a, &[Action::SaveNote]);
        assert_eq!(effects.len(), 1, "{effects:?}");
        assert_eq!(note_text(&a).as_deref(), Some("kept"), "still open");
    }

    #[test]
    fn leave_anyway_is_asked_and_answered_while_the_window_is_too_small() {
        let mut a = App::new(built_in(), 80, 24);
        a.unsaved = Some((vec!["welcome".into()], "the disk is full".into()));
        run(&mut a, &[TINY]);
        assert_eq!(run(&mut a, &[Action::Quit]), vec![]);
        assert_eq!(a.overlay, Some(Overlay::ConfirmQuit));
        assert_eq!(run(&mut a, &[Action::Close]), vec![], "n stays");
        assert_eq!(a.overlay, None);
        run(&mut a, &[Action::Quit]);
        assert_eq!(run(&mut a, &[Action::QuitNow]), vec![Effect::Quit]);
    }
}
