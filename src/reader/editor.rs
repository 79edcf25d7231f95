//! Text input for notes and bookmark labels, on ratatui-textarea (wrapping,
//! Unicode, undo, the usual editing keys), with the comparison and plain-text
//! access the app's state needs.

use ratatui::crossterm::event::KeyEvent;
use ratatui::style::Style;
use ratatui_textarea::{TextArea, WrapMode};
use std::cell::{Ref, RefCell};

/// A text being written: a note (many lines) or a label (one line).
#[derive(Debug, Clone)]
pub struct TextInput {
    /// The section the text belongs to.
    pub section: String,
    /// In a cell so a view can set the theme's styles on the text it draws
    /// without copying it (a copy would also wrap it all again).
    area: RefCell<TextArea<'static>>,
    single_line: bool,
    /// Most characters a one-line text keeps.
    limit: usize,
    /// Changed since it was last saved.
    pub dirty: bool,
}

/// Most characters a bookmark label keeps: the journal's rule.
pub use crate::journal::record::LABEL_LIMIT;
/// Most characters a one-sentence text (a commitment) keeps.
pub const SENTENCE_LIMIT: usize = 400;

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
            area: RefCell::new(area),
            single_line: false,
            limit: LABEL_LIMIT,
            dirty: false,
        }
    }

    /// A one-sentence editor (a commitment, "I will …") for `section`,
    /// holding `text`: it wraps, Enter is left to the window, and it keeps
    /// up to [`SENTENCE_LIMIT`] characters.
    pub fn sentence(section: &str, text: &str, placeholder: &str) -> Self {
        let mut input = Self::note(section, text);
        input.single_line = true;
        input.limit = SENTENCE_LIMIT;
        input.set_placeholder(placeholder);
        input
    }

    /// A one-line label editor for the bookmark on `section`.
    pub fn label(section: &str, text: &str) -> Self {
        let mut input = Self::note(section, text);
        input.single_line = true;
        input
            .area
            .get_mut()
            .set_placeholder_text("A short label (optional)");
        input
    }

    /// Shows `text` (quietly) while the box is empty.
    pub fn set_placeholder(&mut self, text: &str) {
        self.area.get_mut().set_placeholder_text(text);
    }

    /// Passes a key to the text; Enter is ignored in a one-line label.
    pub fn key(&mut self, key: KeyEvent) {
        use ratatui::crossterm::event::{KeyCode, KeyModifiers};
        if self.single_line && key.code == KeyCode::Enter {
            return;
        }
        let area = self.area.get_mut();
        // Ctrl-Z undoes, as in most editors (Ctrl-U, the textarea's own, too).
        if key.code == KeyCode::Char('z') && key.modifiers == KeyModifiers::CONTROL {
            if area.undo() {
                self.dirty = true;
            }
            return;
        }
        if area.input(key) {
            self.dirty = true;
        }
        if self.single_line && self.text().chars().count() > self.limit {
            self.area.get_mut().undo();
        }
    }

    /// Inserts pasted text at the cursor in one edit (one undo step, one
    /// rewrap), however long it is; a one-line label takes it as one line,
    /// cut to fit. Line endings of any platform become newlines.
    pub fn paste(&mut self, text: &str) {
        let text = text.replace("\r\n", "\n").replace('\r', "\n");
        let text = if self.single_line {
            let room = self.limit.saturating_sub(self.text().chars().count());
            text.replace('\n', " ").chars().take(room).collect()
        } else {
            text
        };
        if self.area.get_mut().insert_str(text) {
            self.dirty = true;
        }
    }

    /// Takes back the last change (Ctrl-Z, as in most editors).
    pub fn undo(&mut self) {
        if self.area.get_mut().undo() {
            self.dirty = true;
        }
    }

    /// The whole text, lines joined with newlines.
    pub fn text(&self) -> String {
        self.area.borrow().lines().join("\n")
    }

    /// The text box to draw, for views that style a copy (short labels).
    pub fn area(&self) -> Ref<'_, TextArea<'static>> {
        self.area.borrow()
    }

    /// The text box to draw, given the theme's text, cursor and placeholder
    /// styles. Draw this one, not a copy: it keeps its wrapped lines for the
    /// size it was last drawn at and where it was scrolled to, and a copy
    /// would wrap the whole text again every frame.
    pub fn styled(
        &self,
        text: Style,
        cursor: Style,
        placeholder: Style,
    ) -> Ref<'_, TextArea<'static>> {
        {
            let mut area = self.area.borrow_mut();
            area.set_style(text);
            area.set_cursor_style(cursor);
            area.set_placeholder_style(placeholder);
        }
        self.area.borrow()
    }

    /// Where the cursor is drawn within the text's area, once drawn:
    /// `(row, column)` from its top left, the rows scrolled past taken off.
    pub fn cursor_on_screen(&self) -> (usize, usize) {
        let area = self.area.borrow();
        let cursor = area.screen_cursor();
        let (top, _) = area.scroll_offset();
        (cursor.row.saturating_sub(usize::from(top)), cursor.col)
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
    fn a_paste_goes_in_whole_at_the_cursor_and_one_undo_takes_it_back() {
        let mut note = TextInput::note("welcome", "Before ");
        note.paste("one\r\ntwo\rthree");
        assert_eq!(note.text(), "Before one\ntwo\nthree");
        assert!(note.dirty);
        note.key(KeyEvent::new(KeyCode::Char('z'), KeyModifiers::CONTROL));
        assert_eq!(note.text(), "Before ");
    }

    #[test]
    fn a_megabyte_paste_is_quick() {
        let mut note = TextInput::note("welcome", "");
        let text = "A line of a long reflection, pasted whole.\n".repeat(25_000);
        let started = std::time::Instant::now();
        note.paste(&text);
        press(&mut note, KeyCode::Char('!'));
        let took = started.elapsed();
        assert_eq!(note.text().len(), text.len() + 1);
        // A character at a time this took minutes; whole, milliseconds.
        assert!(took < std::time::Duration::from_secs(2), "{took:?}");
    }

    #[test]
    fn a_paste_into_a_label_stays_one_short_line() {
        let mut label = TextInput::label("welcome", "ab");
        label.paste("c\nd");
        assert_eq!(label.text(), "abc d");
        label.paste(&"x".repeat(500));
        assert_eq!(label.text().chars().count(), LABEL_LIMIT);
    }

    #[test]
    fn in_a_note_longer_than_its_window_the_cursor_is_on_the_bottom_row() {
        use ratatui::buffer::Buffer;
        use ratatui::layout::Rect;
        use ratatui::widgets::Widget;
        let mut note = TextInput::note("welcome", &"a line\n".repeat(100));
        let area = Rect::new(0, 0, 40, 10);
        let mut buffer = Buffer::empty(area);
        (&*note.area()).render(area, &mut buffer);
        assert_eq!(note.cursor_on_screen(), (9, 0));
        // Kept between frames: moving up one line does not scroll.
        note.key(KeyEvent::new(KeyCode::Up, KeyModifiers::NONE));
        (&*note.area()).render(area, &mut buffer);
        assert_eq!(note.cursor_on_screen(), (8, 0));
    }

    #[test]
    fn a_sentence_is_one_line_that_may_be_long() {
        let mut sentence = TextInput::sentence("welcome", "I will ", "what you will do");
        press(&mut sentence, KeyCode::Enter);
        sentence.paste("listen\nfirst");
        assert_eq!(sentence.text(), "I will listen first");
        sentence.paste(&"x".repeat(1_000));
        assert_eq!(sentence.text().chars().count(), SENTENCE_LIMIT);
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
