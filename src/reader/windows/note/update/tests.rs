//! Tests of the note editor: saving after a pause, Ctrl-C, unsaved
//! words.

use super::*;
use crate::reader::update::paste;
use crate::reader::update::test_support::{run, typed};
use crate::toolkit::content::built_in;

fn app() -> App {
    App::new(built_in(), 80, 24)
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
