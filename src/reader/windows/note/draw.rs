//! The note editor (`e`): the section's reflection prompts above, the
//! note below.

use crate::journal::report::date_text;
use crate::reader::app::App;
use crate::reader::editor::TextInput;
use crate::reader::windows::drawing::{body, title_of};
use crate::toolkit::render::wrap_into;
use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::widgets::{Block, Clear, Padding, Paragraph};

/// The marks for a bookmark and a note, the journal's.
pub use crate::journal::report::{BOOKMARK_MARK, NOTE_MARK};

/// The note editor: the section's reflection prompts above, the note below.
pub fn draw_note(frame: &mut Frame, app: &App, input: &TextInput) {
    let area = body(frame.area());
    frame.render_widget(Clear, area);
    let width = area.width.saturating_sub(4);
    let theme = &app.theme;
    let mut lines = Vec::new();
    let title = title_of(app, &input.section);
    wrap_into(
        &mut lines,
        &title,
        width,
        ("", ""),
        theme.heading,
        theme.heading,
    );
    let prompts = app
        .toolkit
        .index_of(&input.section)
        .and_then(|i| app.toolkit.entry(i))
        .map(|e| e.section.reflect.clone())
        .unwrap_or_default();
    if !prompts.is_empty() {
        wrap_into(
            &mut lines,
            "Reflect",
            width,
            ("", ""),
            theme.label,
            theme.label,
        );
    }
    for prompt in &prompts {
        wrap_into(
            &mut lines,
            prompt,
            width,
            ("  ? ", "    "),
            theme.text,
            theme.label,
        );
    }
    for kept in app.journal.earlier_versions(&input.section) {
        let day = date_text(crate::journal::record::local_day(kept.changed));
        let heading = format!("Also kept: an earlier version, from {day}");
        wrap_into(
            &mut lines,
            &heading,
            width,
            ("", ""),
            theme.label,
            theme.label,
        );
        for line in kept.text.lines() {
            wrap_into(
                &mut lines,
                line,
                width,
                ("  ┃ ", "  ┃ "),
                theme.quote,
                theme.quiet,
            );
        }
    }
    // The prompts take at most half the space; the note gets the rest.
    let prompt_height = u16::try_from(lines.len())
        .unwrap_or(u16::MAX)
        .saturating_add(2)
        .min(area.height / 2);
    let top = Rect {
        height: prompt_height,
        ..area
    };
    let bottom = Rect {
        y: area.y + prompt_height,
        height: area.height - prompt_height,
        ..area
    };
    let block = Block::bordered()
        .title(" Your note is answering ")
        .border_style(theme.border)
        .padding(Padding::horizontal(1));
    frame.render_widget(Paragraph::new(lines).block(block), top);
    let saved = if app.read_only.is_some() {
        "read-only: not saved"
    } else if app.note_unsaved(&input.section) {
        "not saved: see the bottom line"
    } else if input.dirty {
        "not saved yet"
    } else {
        "saved"
    };
    // Where nothing can be saved, the hint says what Esc really does.
    let keys = if app.read_only.is_some() {
        " Esc closes: not saved (read-only) · Ctrl-Z undo "
    } else {
        " Esc saves and closes · Ctrl-S saves · Ctrl-Z undo "
    };
    let block = Block::bordered()
        .title(format!(" ▸ Your note ({saved}, private) "))
        .title_bottom(keys)
        .border_style(theme.border_focused)
        .padding(Padding::horizontal(1));
    // The note itself, not a copy: it keeps its wrapping between frames, so
    // a key typed into a long note does not rewrap all of it to draw.
    let inner = block.inner(bottom);
    frame.render_widget(block, bottom);
    let editor = input.styled(theme.text, theme.selected, theme.quiet);
    frame.render_widget(&*editor, inner);
    let (row, col) = input.cursor_on_screen();
    let shift = hang_wrapped_spaces(frame, &editor, inner, row);
    let placeholder = editor.placeholder_text().to_string();
    drop(editor);
    // The placeholder is drawn again where typing starts (the widget puts
    // it a column to the right, after a cursor cell).
    if input.text().is_empty() {
        let mut lines = Vec::new();
        let style = theme.quiet;
        wrap_into(
            &mut lines,
            &placeholder,
            inner.width,
            ("", ""),
            style,
            style,
        );
        frame.render_widget(Clear, inner);
        frame.render_widget(Paragraph::new(lines), inner);
    }
    let col = col.saturating_sub(shift);
    let (row, col) = (
        u16::try_from(row).unwrap_or(u16::MAX),
        u16::try_from(col).unwrap_or(u16::MAX),
    );
    if row < inner.height && col < inner.width {
        frame.set_cursor_position(Position::new(inner.x + col, inner.y + row));
    }
}

/// The editor wraps a line with the space between two words at the start
/// of the next row; moves such rows left so every row starts with a word,
/// as in the reading view. Returns how far the cursor's row moved.
fn hang_wrapped_spaces(
    frame: &mut Frame,
    editor: &ratatui_textarea::TextArea<'_>,
    inner: Rect,
    cursor_row: usize,
) -> usize {
    let top = usize::from(editor.scroll_offset().0);
    let lines = editor.lines();
    let mut cursor_shift = 0;
    for y in 0..usize::from(inner.height) {
        let ratatui_textarea::DataCursor(line, col) = editor.screen_to_data(top + y, 0);
        let Some(text) = lines.get(line) else { break };
        if col == 0 {
            continue;
        }
        let spaces = text.chars().skip(col).take_while(|c| *c == ' ').count();
        let spaces = u16::try_from(spaces).unwrap_or(0).min(inner.width);
        if spaces == 0 {
            continue;
        }
        let row = inner.y + u16::try_from(y).unwrap_or(0);
        let buffer = frame.buffer_mut();
        for x in inner.x..inner.right() {
            let from = x + spaces;
            let cell = if from < inner.right() {
                buffer[(from, row)].clone()
            } else {
                let mut blank = buffer[(x, row)].clone();
                blank.set_symbol(" ");
                blank
            };
            buffer[(x, row)] = cell;
        }
        if y + top == cursor_row {
            cursor_shift = usize::from(spaces);
        }
    }
    cursor_shift
}
