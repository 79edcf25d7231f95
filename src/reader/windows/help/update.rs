//! Update for the help window: it scrolls, and closes back to the window
//! it is about.

use crate::reader::action::{Action, Effect};
use crate::reader::app::{App, Overlay};
use crate::reader::update::scrolled;
use crate::reader::windows::help::layout as help;
use crate::reader::windows::note::update as writing;

/// The help closes back to the window it is about; a note being written
/// under it is still saved after a pause and on the way out.
pub(crate) fn help_window(
    app: &mut App,
    action: Action,
    scroll: u16,
    under: Option<Box<Overlay>>,
    effects: &mut Vec<Effect>,
) {
    app.overlay = match (action, under) {
        (Action::Close | Action::Help, under) => under.map(|o| *o),
        // The pause after typing saves a note under the help; any other
        // window under it stays as it was.
        (Action::SaveNote, Some(under)) => {
            let under = match *under {
                Overlay::Note(input) => {
                    writing::note_window(app, Action::SaveNote, input, effects);
                    app.overlay.take().map(Box::new)
                }
                other => Some(Box::new(other)),
            };
            Some(Overlay::Help { scroll, under })
        }
        (other, under) => {
            let max = help::max_scroll(app.screen, under.as_deref());
            let scroll = scrolled(scroll, other, max, help::page(app.screen));
            Some(Overlay::Help { scroll, under })
        }
    };
}
