//! Update for the bookmarks: `b` on the reading view, the bookmarks list
//! (open, relabel, remove, put back) and the label box over it. Saving
//! happens outside: these return effects.

use crate::reader::action::{Action, Effect};
use crate::reader::app::{App, Focus, Overlay};
use crate::reader::editor::TextInput;
use crate::reader::update::go_to;
use crate::reader::windows::moved;

/// `b`: bookmark the open section, or remove its bookmark.
pub(crate) fn toggle_bookmark(app: &mut App, effects: &mut Vec<Effect>) {
    let Some(id) = app.current_id().map(str::to_string) else {
        return;
    };
    if app.journal.records.bookmarks.contains_key(&id) {
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

pub(crate) fn label_window(
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

pub(crate) fn bookmarks_window(
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
            let label = app
                .journal
                .records
                .bookmarks
                .get(&id)
                .and_then(|b| b.label.clone());
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
            let label = app
                .journal
                .records
                .bookmarks
                .get(&id)
                .and_then(|b| b.label.clone());
            let input = TextInput::label(&id, label.as_deref().unwrap_or(""));
            app.overlay = Some(Overlay::Label(Box::new(input)));
        }
        _ => app.overlay = Some(Overlay::Bookmarks { selected }),
    }
}

#[cfg(test)]
mod tests;
