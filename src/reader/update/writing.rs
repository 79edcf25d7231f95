//! Update for writing: the note editor, bookmarks and their labels, and
//! "My notes". Saving happens outside: these return effects.

use super::go_to;
use crate::reader::action::{Action, Effect};
use crate::reader::app::{App, Focus, Overlay};
use crate::reader::editor::TextInput;

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
/// While the window is too small to show the app, nothing takes it.
pub fn paste(app: &mut App, text: &str) -> bool {
    if crate::reader::layout::too_small(app.screen) {
        return false;
    }
    app.message = None;
    match &mut app.overlay {
        Some(Overlay::Note(input) | Overlay::Label(input)) => input.paste(text),
        Some(Overlay::Search { input, selected }) => {
            input.paste(text);
            *selected = 0;
        }
        _ => return super::commitments::paste(app, text),
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
        // Leaving (q answered, a signal, the terminal closed) keeps a label
        // typed but not yet confirmed, as it keeps a note or a commitment:
        // only Esc gives one up.
        Action::Open | Action::Leaving if action == Action::Open || input.dirty => {
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
mod tests;
