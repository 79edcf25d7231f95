//! Pasted text, for whichever text box is on top.

use crate::reader::app::{App, Overlay};

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
        _ => return crate::reader::windows::commitments::update::paste(app, text),
    }
    true
}
