//! "My notes" (`R`): every note, newest first.

use crate::journal::report::{NOTE_MARK, date_text};
use crate::reader::app::App;
use crate::reader::windows::drawing::{draw_list, title_of};
use ratatui::Frame;

/// "My notes" (`R`): every note, newest first, with its date and first words.
pub fn draw_notes(frame: &mut Frame, app: &App, selected: usize) {
    let rows = app
        .journal
        .notes_newest_first()
        .into_iter()
        .map(|(id, note)| {
            let day = date_text(crate::journal::record::local_day(note.changed));
            let first = note
                .text
                .lines()
                .find(|l| !l.trim().is_empty())
                .unwrap_or("");
            format!("{NOTE_MARK} {} · {day} · {first}", title_of(app, id))
        })
        .collect();
    draw_list(
        frame,
        app,
        "My notes (private, on this computer)",
        "Enter edits · Esc closes · export: allyship export",
        rows,
        selected,
        "No notes yet. Press e on any section to answer its prompts.",
    );
}
