//! Update for "My notes": move between the notes, open one to edit.

use crate::reader::action::Action;
use crate::reader::app::{App, Overlay};
use crate::reader::update::go_to;
use crate::reader::windows::moved;
use crate::reader::windows::note::update::open_note;

pub(crate) fn notes_window(app: &mut App, action: Action, selected: usize) {
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
    use super::*;
    use crate::journal::record::Note;
    use crate::reader::update::test_support::run;
    use crate::toolkit::content::built_in;

    fn app() -> App {
        App::new(built_in(), 80, 24)
    }

    fn at() -> jiff::Timestamp {
        jiff::Timestamp::from_second(1_700_000_000).unwrap()
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
        a.journal
            .records
            .notes
            .insert("an-old-section".into(), note);
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
