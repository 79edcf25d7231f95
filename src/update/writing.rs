//! Update for writing: the note editor, bookmarks and their labels, and
//! "My notes". Saving happens outside: these return effects.

use super::go_to;
use crate::action::{Action, Effect};
use crate::app::{App, Focus, Overlay};
use crate::editor::TextInput;

/// `b`: bookmark the open section, or remove its bookmark.
pub(super) fn toggle_bookmark(app: &mut App, effects: &mut Vec<Effect>) {
    let Some(id) = app.current_id().map(str::to_string) else {
        return;
    };
    if app.journal.bookmarks.contains_key(&id) {
        effects.push(Effect::Unbookmark { section: id });
        app.message = Some("Bookmark removed.".into());
    } else {
        effects.push(Effect::Bookmark {
            section: id,
            label: None,
        });
        app.message = Some("Bookmarked. B lists your bookmarks.".into());
    }
}

/// `e`: the note editor for the open section.
pub(super) fn open_note_here(app: &mut App) {
    if let Some(id) = app.current_id().map(str::to_string) {
        open_note(app, &id);
    }
}

fn open_note(app: &mut App, id: &str) {
    let text = app.journal.notes.get(id).map_or("", |n| n.text.as_str());
    app.overlay = Some(Overlay::Note(Box::new(TextInput::note(id, text))));
}

/// Pasted text (bracketed paste) goes into the note, label or search box
/// on top in one insertion, so a long paste costs one rewrap, not one per
/// character; anywhere else it is ignored (it is not a string of keys).
/// True when something took it, so the caller can count it as typing.
pub fn paste(app: &mut App, text: &str) -> bool {
    app.message = None;
    match &mut app.overlay {
        Some(Overlay::Note(input) | Overlay::Label(input)) => input.paste(text),
        Some(Overlay::Search { input, selected }) => {
            input.paste(text);
            *selected = 0;
        }
        _ => return false,
    }
    true
}

/// The note's text to keep, if it changed since it was last kept.
fn keep(input: &mut TextInput, effects: &mut Vec<Effect>) {
    if input.dirty {
        effects.push(Effect::KeepNote {
            section: input.section.clone(),
            text: input.text(),
        });
        input.dirty = false;
    }
}

pub(super) fn note_window(
    app: &mut App,
    action: Action,
    mut input: Box<TextInput>,
    effects: &mut Vec<Effect>,
) {
    match action {
        Action::Close => {
            // A changed note is saved by the run loop, which then says
            // whether it reached the disk; an unchanged one says how it stands.
            if input.dirty {
                keep(&mut input, effects);
            } else if let Some((_, why)) = app
                .unsaved
                .as_ref()
                .filter(|_| app.note_unsaved(&input.section))
            {
                app.message = Some(format!("Your note is not saved: {why}."));
            } else {
                app.message = Some("Note saved.".into());
            }
            app.focus = Focus::Text;
            return;
        }
        Action::SaveNote => keep(&mut input, effects),
        Action::Undo => input.undo(),
        Action::Type(key) => input.key(key),
        _ => {}
    }
    app.overlay = Some(Overlay::Note(input));
}

pub(super) fn label_window(
    app: &mut App,
    action: Action,
    mut input: Box<TextInput>,
    effects: &mut Vec<Effect>,
) {
    let back = |app: &App, id: &str| Overlay::Bookmarks {
        selected: app.bookmark_ids().iter().position(|b| b == id).unwrap_or(0),
    };
    match action {
        Action::Open => {
            let text = input.text().trim().to_string();
            let label = (!text.is_empty()).then_some(text);
            effects.push(Effect::Bookmark {
                section: input.section.clone(),
                label,
            });
            app.overlay = Some(back(app, &input.section));
        }
        Action::Close => app.overlay = Some(back(app, &input.section)),
        Action::Type(key) => {
            input.key(key);
            app.overlay = Some(Overlay::Label(input));
        }
        _ => app.overlay = Some(Overlay::Label(input)),
    }
}

/// Moves a list selection; `None` for actions that are not movement.
fn moved(selected: usize, count: usize, action: Action) -> Option<usize> {
    let last = count.saturating_sub(1);
    match action {
        Action::Up => Some(selected.saturating_sub(1)),
        Action::Down => Some((selected + 1).min(last)),
        Action::Top => Some(0),
        Action::Bottom => Some(last),
        _ => None,
    }
}

pub(super) fn bookmarks_window(
    app: &mut App,
    action: Action,
    selected: usize,
    effects: &mut Vec<Effect>,
) {
    let ids = app.bookmark_ids();
    if let Some(selected) = moved(selected, ids.len(), action) {
        app.overlay = Some(Overlay::Bookmarks { selected });
        return;
    }
    let chosen = ids.get(selected).cloned();
    match (action, chosen) {
        (Action::Close, _) => {}
        (Action::Open, Some(id)) => match app.toolkit.index_of(&id) {
            Some(index) => {
                go_to(app, index);
                app.focus = Focus::Text;
            }
            None => {
                app.message = Some("That section is no longer in this toolkit.".into());
                app.overlay = Some(Overlay::Bookmarks { selected });
            }
        },
        (Action::Remove, Some(id)) => {
            let label = app.journal.bookmarks.get(&id).and_then(|b| b.label.clone());
            app.removed_bookmark = Some((id.clone(), label));
            effects.push(Effect::Unbookmark { section: id });
            app.message = Some("Bookmark removed: u puts it back.".into());
            app.overlay = Some(Overlay::Bookmarks { selected });
        }
        (Action::Undo, _) => {
            let selected = match app.removed_bookmark.take() {
                Some((id, label)) => {
                    // Where it will be once put back, in section order.
                    let at = app.toolkit.index_of(&id).unwrap_or(usize::MAX);
                    let before = ids
                        .iter()
                        .filter(|b| app.toolkit.index_of(b).unwrap_or(usize::MAX) < at)
                        .count();
                    effects.push(Effect::Bookmark { section: id, label });
                    app.message = Some("Bookmark put back.".into());
                    before
                }
                None => {
                    app.message = Some("Nothing to undo.".into());
                    selected
                }
            };
            app.overlay = Some(Overlay::Bookmarks { selected });
        }
        (Action::Relabel, Some(id)) => {
            let label = app.journal.bookmarks.get(&id).and_then(|b| b.label.clone());
            let input = TextInput::label(&id, label.as_deref().unwrap_or(""));
            app.overlay = Some(Overlay::Label(Box::new(input)));
        }
        _ => app.overlay = Some(Overlay::Bookmarks { selected }),
    }
}

pub(super) fn notes_window(app: &mut App, action: Action, selected: usize) {
    let ids = app.note_ids();
    if let Some(selected) = moved(selected, ids.len(), action) {
        app.overlay = Some(Overlay::Notes { selected });
        return;
    }
    match (action, ids.get(selected)) {
        (Action::Close, _) => {}
        (Action::Open, Some(id)) => {
            let id = id.clone();
            if let Some(index) = app.toolkit.index_of(&id) {
                go_to(app, index);
            }
            open_note(app, &id);
        }
        _ => app.overlay = Some(Overlay::Notes { selected }),
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{run, typed};
    use super::*;
    use crate::content::built_in;
    use crate::journal::{Bookmark, Note};

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
        use crate::keymap::{NOTE, typing_action};
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
}
