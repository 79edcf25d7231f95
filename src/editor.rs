//! Text input for notes and bookmark labels, on ratatui-textarea (wrapping,
//! Unicode, undo, the usual editing keys), with the comparison and plain-text
//! access the app's state needs.

use ratatui::crossterm::event::KeyEvent;
use ratatui::style::Style;
use ratatui_textarea::{TextArea, WrapMode};

/// A text being written: a note (many lines) or a label (one line).
#[derive(Debug, Clone)]
pub struct TextInput {
    /// The section the text belongs to.
    pub section: String,
    area: TextArea<'static>,
    single_line: bool,
    /// Changed since it was last saved.
    pub dirty: bool,
}

/// Most characters a bookmark label keeps, so it fits a list row.
pub const LABEL_LIMIT: usize = 60;

impl TextInput {
    /// A multi-line note editor for `section`, holding `text`.
    pub fn note(section: &str, text: &str) -> Self {
        let mut area = TextArea::new(text.split('\n').map(str::to_string).collect());
        area.set_wrap_mode(WrapMode::WordOrGlyph);
        area.set_placeholder_text("Write your thoughts here. They stay on this computer.");
        area.set_cursor_line_style(Style::new());
        area.move_cursor(ratatui_textarea::CursorMove::Bottom);
        area.move_cursor(ratatui_textarea::CursorMove::End);
        TextInput {
            section: section.into(),
            area,
            single_line: false,
            dirty: false,
        }
    }

    /// A one-line label editor for the bookmark on `section`.
    pub fn label(section: &str, text: &str) -> Self {
        let mut input = Self::note(section, text);
        input.single_line = true;
        input.area.set_placeholder_text("A short label (optional)");
        input
    }

    /// Passes a key to the text; Enter is ignored in a one-line label.
    pub fn key(&mut self, key: KeyEvent) {
        use ratatui::crossterm::event::KeyCode;
        if self.single_line && key.code == KeyCode::Enter {
            return;
        }
        if self.area.input(key) {
            self.dirty = true;
        }
        if self.single_line && self.text().chars().count() > LABEL_LIMIT {
            self.area.undo();
        }
    }

    /// Takes back the last change (Ctrl-Z, as in most editors).
    pub fn undo(&mut self) {
        if self.area.undo() {
            self.dirty = true;
        }
    }

    /// The whole text, lines joined with newlines.
    pub fn text(&self) -> String {
        self.area.lines().join("\n")
    }

    /// The widget to draw.
    pub fn area(&self) -> &TextArea<'static> {
        &self.area
    }
}

impl PartialEq for TextInput {
    fn eq(&self, other: &Self) -> bool {
        self.section == other.section && self.dirty == other.dirty && self.text() == other.text()
    }
}

impl Eq for TextInput {}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::crossterm::event::{KeyCode, KeyModifiers};

    fn press(input: &mut TextInput, code: KeyCode) {
        input.key(KeyEvent::new(code, KeyModifiers::NONE));
    }

    #[test]
    fn typing_q_enter_and_unicode_makes_text() {
        let mut note = TextInput::note("welcome", "");
        for c in "quiet 😀".chars() {
            press(&mut note, KeyCode::Char(c));
        }
        press(&mut note, KeyCode::Enter);
        press(&mut note, KeyCode::Char('é'));
        assert_eq!(note.text(), "quiet 😀\né");
        assert!(note.dirty);
    }

    #[test]
    fn an_existing_note_opens_with_the_cursor_at_the_end() {
        let mut note = TextInput::note("welcome", "one\ntwo");
        assert!(!note.dirty);
        press(&mut note, KeyCode::Char('!'));
        assert_eq!(note.text(), "one\ntwo!");
    }

    #[test]
    fn undo_takes_back_typing() {
        let mut note = TextInput::note("welcome", "");
        press(&mut note, KeyCode::Char('a'));
        note.key(KeyEvent::new(KeyCode::Char('u'), KeyModifiers::CONTROL));
        assert_eq!(note.text(), "");
    }

    #[test]
    fn a_label_stays_on_one_short_line() {
        let mut label = TextInput::label("welcome", "");
        press(&mut label, KeyCode::Char('a'));
        press(&mut label, KeyCode::Enter);
        press(&mut label, KeyCode::Char('b'));
        assert_eq!(label.text(), "ab");
        for _ in 0..200 {
            press(&mut label, KeyCode::Char('x'));
        }
        assert_eq!(label.text().chars().count(), LABEL_LIMIT);
    }
}
