//! Update for the note editor: `e` opens it; typing, saving after a
//! pause, undo, and Esc. Saving happens outside: these return effects.

use crate::reader::action::{Action, Effect};
use crate::reader::app::{App, Focus, Overlay};
use crate::reader::editor::TextInput;

/// `e`: the note editor for the open section.
pub(crate) fn open_note_here(app: &mut App) {
    if let Some(id) = app.current_id().map(str::to_string) {
        open_note(app, &id);
    }
}

/// The note editor for section `id`, holding its note so far.
pub(crate) fn open_note(app: &mut App, id: &str) {
    let text = app
        .journal
        .records
        .notes
        .get(id)
        .map_or("", |n| n.text.as_str());
    app.overlay = Some(Overlay::Note(Box::new(TextInput::note(id, text))));
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

pub(crate) fn note_window(
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

#[cfg(test)]
mod tests;
