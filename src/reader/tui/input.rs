//! Terminal events to actions: keys through the table of whatever window
//! is on top (as text when typing), the mouse wheel and clicks, resizes,
//! and Ctrl-Z (suspend, or undo while writing).

use super::is_suspend_key;
use crate::reader::action::Action;
use crate::reader::app::{App, Overlay};
use crate::reader::keymap::{self, Binding};
use ratatui::crossterm::event::{Event, MouseButton, MouseEvent, MouseEventKind};

/// Whether keys go into a text box (so `q` is a letter).
pub(super) fn typing(app: &App) -> bool {
    app.overlay.as_ref().is_some_and(Overlay::takes_text)
}

/// The key table for whatever is on top.
fn bindings(app: &App) -> &'static [Binding] {
    keymap::table(app.overlay.as_ref())
}

/// The action one terminal event stands for. Ctrl-Z suspends from every
/// window but the note editor, where it undoes.
pub(super) fn action_for_event(app: &App, event: Event) -> Option<Action> {
    // In the note editor and the commitment windows Ctrl-Z undoes.
    let in_note = app.overlay.as_ref().is_some_and(Overlay::ctrl_z_undoes);
    match event {
        Event::Key(_) if is_suspend_key(&event) && !in_note => Some(Action::Suspend),
        Event::Key(key) if typing(app) => keymap::typing_action(bindings(app), key),
        Event::Key(key) => keymap::action_for(bindings(app), key),
        Event::Mouse(MouseEvent {
            kind, column, row, ..
        }) => match kind {
            MouseEventKind::ScrollDown => Some(Action::Wheel {
                column,
                row,
                down: true,
            }),
            MouseEventKind::ScrollUp => Some(Action::Wheel {
                column,
                row,
                down: false,
            }),
            MouseEventKind::Down(MouseButton::Left) => Some(Action::Click { column, row }),
            _ => None,
        },
        Event::Resize(width, height) => Some(Action::Resize { width, height }),
        _ => None,
    }
}
