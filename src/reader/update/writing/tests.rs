//! Tests of writing: the note editor (saving after a pause, Ctrl-C, unsaved
//! words), bookmarks and their labels, and "My notes".

use super::super::test_support::{run, typed};
use super::*;
use crate::journal::record::{Bookmark, Note};
use crate::toolkit::content::built_in;

fn app() -> App {
    App::new(built_in(), 80, 24)
}

fn at() -> jiff::Timestamp {
    jiff::Timestamp::from_second(1_700_000_000).unwrap()
}

#[test]
fn a_note_is_typed_with_q_and_kept_on_esc() {
    let mut a = app();
    run(&mut a, &[Action::EditNote]);
    let effects = run(&mut a, &typed("quite right"));
    assert!(effects.is_empty(), "q is a letter in the editor");
    let effects = run(&mut a, &[Action::Close]);
    assert_eq!(
        effects,
        vec![Effect::KeepNote {
            section: "welcome".into(),
            text: "quite right".into()
        }]
    );
    assert!(a.overlay.is_none());
}

#[test]
fn a_paste_goes_into_the_note_whole_and_is_kept_on_esc() {
    let mut a = app();
    assert!(!paste(&mut a, "not in a text box"), "the reader ignores it");
    run(&mut a, &[Action::EditNote]);
    assert!(paste(&mut a, "quite\r\nright"));
    let effects = run(&mut a, &[Action::Close]);
    assert_eq!(
        effects,
        vec![Effect::KeepNote {
            section: "welcome".into(),
            text: "quite\nright".into()
        }]
    );
}

#[test]
fn ctrl_z_in_the_note_editor_undoes_typing_and_ctrl_u_still_does() {
    use crate::reader::keymap::{NOTE, typing_action};
    use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
    let ctrl = |c| KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL);
    let mut a = app();
    run(&mut a, &[Action::EditNote]);
    run(&mut a, &typed("abc"));
    let undo = typing_action(NOTE, ctrl('z')).unwrap();
    assert_eq!(undo, Action::Undo);
    run(&mut a, &[undo]);
    let text = |a: &App| match &a.overlay {
        Some(Overlay::Note(input)) => input.text(),
        other => panic!("{other:?}"),
    };
    assert_eq!(text(&a), "ab");
    let ctrl_u = typing_action(NOTE, ctrl('u')).unwrap();
    run(&mut a, &[ctrl_u]);
    assert_eq!(text(&a), "a");
}

#[test]
fn saving_twice_keeps_the_note_once() {
    let mut a = app();
    run(&mut a, &[Action::EditNote]);
    run(&mut a, &typed("x"));
    assert_eq!(run(&mut a, &[Action::SaveNote]).len(), 1);
    assert!(run(&mut a, &[Action::SaveNote]).is_empty());
    assert!(
        run(&mut a, &[Action::Close]).is_empty(),
        "nothing new to keep"
    );
}

#[test]
fn ctrl_c_in_the_editor_quits_and_leaves_the_note_to_be_saved() {
    let mut a = app();
    run(&mut a, &[Action::EditNote]);
    run(&mut a, &typed("half"));
    assert_eq!(run(&mut a, &[Action::QuitNow]), vec![Effect::Quit]);
    assert_eq!(
        run(&mut a, &[Action::SaveNote]).len(),
        1,
        "the exit save keeps it"
    );
}

#[test]
fn closing_a_changed_note_never_claims_it_was_saved() {
    let mut a = app();
    run(&mut a, &[Action::EditNote]);
    run(&mut a, &typed("my words"));
    let effects = run(&mut a, &[Action::Close]);
    assert_eq!(effects.len(), 1, "kept, for the run loop to save");
    assert_eq!(a.message, None, "the run loop says how the save went");
    // Its save failed: closing the editor again says so, not "saved".
    a.unsaved = Some((vec!["welcome".into()], "the journal is read-only".into()));
    run(&mut a, &[Action::EditNote, Action::Close]);
    let message = a.message.clone().unwrap_or_default();
    assert!(message.contains("not saved"), "{message}");
    assert!(!message.contains("Note saved"), "{message}");
}

#[test]
fn q_with_unsaved_words_asks_first_and_ctrl_c_does_not() {
    let mut a = app();
    a.unsaved = Some((vec!["welcome".into()], "the disk is full".into()));
    assert!(run(&mut a, &[Action::Quit]).is_empty(), "asks first");
    assert_eq!(a.overlay, Some(Overlay::ConfirmQuit));
    assert!(run(&mut a, &[Action::Down]).is_empty(), "other keys wait");
    assert_eq!(a.overlay, Some(Overlay::ConfirmQuit));
    assert!(run(&mut a, &[Action::Close]).is_empty(), "n stays");
    assert_eq!(a.overlay, None);
    run(&mut a, &[Action::Quit]);
    assert_eq!(
        run(&mut a, &[Action::QuitNow]),
        vec![Effect::Quit],
        "y leaves"
    );
    assert_eq!(
        run(&mut app(), &[Action::Quit]),
        vec![Effect::Quit],
        "nothing unsaved"
    );
    let mut b = app();
    b.unsaved = a.unsaved.clone();
    assert_eq!(
        run(&mut b, &[Action::QuitNow]),
        vec![Effect::Quit],
        "Ctrl-C"
    );
}

#[test]
fn b_toggles_the_bookmark_on_the_open_section() {
    let mut a = app();
    let effects = run(&mut a, &[Action::ToggleBookmark]);
    assert_eq!(
        effects,
        vec![Effect::Bookmark {
            section: "welcome".into(),
            label: None
        }]
    );
    let bookmark = Bookmark {
        label: None,
        added: at(),
        ..Bookmark::default()
    };
    a.journal.bookmarks.insert("welcome".into(), bookmark);
    let effects = run(&mut a, &[Action::ToggleBookmark]);
    assert_eq!(
        effects,
        vec![Effect::Unbookmark {
            section: "welcome".into()
        }]
    );
}

#[test]
fn the_bookmarks_list_opens_relabels_and_removes() {
    let mut a = app();
    for id in ["tip-speak-up", "welcome"] {
        let bookmark = Bookmark {
            label: None,
            added: at(),
            ..Bookmark::default()
        };
        a.journal.bookmarks.insert(id.into(), bookmark);
    }
    run(&mut a, &[Action::Bookmarks, Action::Down]);
    assert_eq!(a.overlay, Some(Overlay::Bookmarks { selected: 1 }));
    run(&mut a, &[Action::Relabel]);
    run(&mut a, &typed("for supervision"));
    let effects = run(&mut a, &[Action::Open]);
    assert_eq!(
        effects,
        vec![Effect::Bookmark {
            section: "tip-speak-up".into(),
            label: Some("for supervision".into())
        }]
    );
    assert_eq!(a.overlay, Some(Overlay::Bookmarks { selected: 1 }));
    let effects = run(&mut a, &[Action::Remove]);
    assert_eq!(
        effects,
        vec![Effect::Unbookmark {
            section: "tip-speak-up".into()
        }]
    );
    run(&mut a, &[Action::Top, Action::Open]);
    assert_eq!(a.current, 0);
    assert!(a.overlay.is_none());
}

#[test]
fn a_label_half_typed_is_kept_when_the_app_leaves_and_an_untouched_one_is_not() {
    let mut a = app();
    let bookmark = Bookmark {
        label: None,
        added: at(),
        ..Bookmark::default()
    };
    a.journal.bookmarks.insert("welcome".into(), bookmark);
    // Opened and left untouched: leaving changes nothing.
    run(&mut a, &[Action::Bookmarks, Action::Relabel]);
    assert!(run(&mut a, &[Action::Leaving]).is_empty());
    // Typed but not confirmed (the window closed, a signal): kept.
    a.overlay = None;
    run(&mut a, &[Action::Bookmarks, Action::Relabel]);
    run(&mut a, &typed("for supervision"));
    let effects = run(&mut a, &[Action::Leaving]);
    assert_eq!(
        effects,
        vec![Effect::Bookmark {
            section: "welcome".into(),
            label: Some("for supervision".into())
        }]
    );
}

#[test]
fn u_in_the_bookmarks_puts_back_the_last_one_removed_with_its_label() {
    let mut a = app();
    let bookmark = Bookmark {
        label: Some("for supervision".into()),
        added: at(),
        ..Bookmark::default()
    };
    a.journal.bookmarks.insert("tip-speak-up".into(), bookmark);
    let effects = run(&mut a, &[Action::Bookmarks, Action::Remove]);
    assert_eq!(
        effects,
        vec![Effect::Unbookmark {
            section: "tip-speak-up".into()
        }]
    );
    assert!(
        a.message
            .as_deref()
            .unwrap_or("")
            .contains("u puts it back")
    );
    a.journal.bookmarks.clear(); // as the run loop's save leaves it
    let effects = run(&mut a, &[Action::Undo]);
    assert_eq!(
        effects,
        vec![Effect::Bookmark {
            section: "tip-speak-up".into(),
            label: Some("for supervision".into())
        }]
    );
    assert!(matches!(a.overlay, Some(Overlay::Bookmarks { .. })));
    assert!(run(&mut a, &[Action::Undo]).is_empty(), "undone once");
    assert!(
        a.message
            .as_deref()
            .unwrap_or("")
            .contains("Nothing to undo")
    );
}

#[test]
fn my_notes_opens_a_note_for_editing_even_if_its_section_is_gone() {
    let mut a = app();
    let note = Note {
        text: "kept".into(),
        created: at(),
        changed: at(),
        ..Note::default()
    };
    a.journal.notes.insert("an-old-section".into(), note);
    run(&mut a, &[Action::Notes, Action::Open]);
    match &a.overlay {
        Some(Overlay::Note(input)) => {
            assert_eq!(input.section, "an-old-section");
            assert_eq!(input.text(), "kept");
        }
        other => panic!("expected the editor, got {other:?}"),
    }
}
