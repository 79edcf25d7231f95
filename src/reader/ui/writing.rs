//! Views for writing: the note editor under its prompts, the bookmarks list
//! with its label box, and "My notes".

use crate::journal::report::date_text;
use crate::reader::app::App;
use crate::reader::editor::TextInput;
use crate::reader::layout;
use crate::reader::ui::reader::fit;
use crate::toolkit::render::wrap_into;
use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Block, Clear, Padding, Paragraph};

/// The marks for a bookmark and a note, the journal's.
pub use crate::journal::report::{BOOKMARK_MARK, NOTE_MARK};

/// Where the writing windows go: the whole body, between title and status.
fn body(screen: Rect) -> Rect {
    Rect {
        y: screen.y.saturating_add(1),
        height: screen.height.saturating_sub(2),
        ..screen
    }
}

fn title_of(app: &App, id: &str) -> String {
    app.toolkit
        .numbered_title(id)
        .unwrap_or_else(|| format!("{id} (no longer in this toolkit)"))
}

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

/// A list window (used by the other lists too): rows with one highlighted, scrolled to keep it visible.
pub(crate) fn draw_list(
    frame: &mut Frame,
    app: &App,
    title: &str,
    footer: &str,
    rows: Vec<String>,
    selected: usize,
    empty: &str,
) {
    let area = body(frame.area());
    frame.render_widget(Clear, area);
    let inner = layout::text_inner(area);
    let height = usize::from(inner.height.max(1));
    let offset = selected.saturating_sub(height - 1);
    let width = usize::from(inner.width);
    let lines: Vec<Line> = if rows.is_empty() {
        vec![Line::styled(empty.to_string(), app.theme.text)]
    } else {
        rows.iter()
            .enumerate()
            .skip(offset)
            .take(height)
            .map(|(i, row)| {
                let style = if i == selected {
                    app.theme.selected
                } else {
                    app.theme.text
                };
                Line::styled(fit(row, width), style)
            })
            .collect()
    };
    let block = Block::bordered()
        .title(format!(" ▸ {title} "))
        .title_bottom(format!(" {footer} "))
        .border_style(app.theme.border_focused)
        .padding(Padding::horizontal(1));
    frame.render_widget(Paragraph::new(lines).block(block), area);
    if !rows.is_empty() {
        let y = u16::try_from(selected - offset).unwrap_or(0);
        frame.set_cursor_position(Position::new(inner.x, inner.y + y));
    }
}

/// The bookmarks list (`B`).
pub fn draw_bookmarks(frame: &mut Frame, app: &App, selected: usize) {
    let rows = app
        .bookmark_ids()
        .iter()
        .map(|id| {
            let label = app.journal.bookmarks.get(id).and_then(|b| b.label.clone());
            let label = label.map(|l| format!(" · {l}")).unwrap_or_default();
            format!("{BOOKMARK_MARK} {}{label}", title_of(app, id))
        })
        .collect();
    draw_list(
        frame,
        app,
        "Your bookmarks",
        "Enter opens · r label · d remove · u undo · Esc closes",
        rows,
        selected,
        "No bookmarks yet. Press b on any section to bookmark it.",
    );
}

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

/// The label box over the bookmarks list.
pub fn draw_label(frame: &mut Frame, app: &App, input: &TextInput) {
    // The list underneath keeps the bookmark being labelled highlighted.
    let ids = app.bookmark_ids();
    let selected = ids.iter().position(|id| *id == input.section).unwrap_or(0);
    draw_bookmarks(frame, app, selected);
    let area = layout::centred(frame.area(), 64, 3);
    frame.render_widget(Clear, area);
    let block = Block::bordered()
        .title(format!(
            " ▸ Label for {} ",
            fit(&title_of(app, &input.section), 40)
        ))
        .title_bottom(" Enter keeps · Esc cancels ")
        .border_style(app.theme.border_focused);
    let mut editor = input.area().clone();
    editor.set_block(block);
    editor.set_cursor_style(app.theme.selected);
    editor.set_placeholder_style(app.theme.quiet);
    frame.render_widget(&editor, area);
}

/// The links list (`o`): each resource with its kind, author and address.
pub fn draw_links(frame: &mut Frame, app: &App, selected: usize) {
    let area = body(frame.area());
    frame.render_widget(Clear, area);
    let inner = layout::text_inner(area);
    let theme = &app.theme;
    // Each link over as many rows as it needs: the whole address, wrapped.
    let mut lines = Vec::new();
    let mut chosen = (0, 0);
    for (i, link) in app.links().iter().enumerate() {
        let start = lines.len();
        let (style, quiet) = if i == selected {
            (theme.selected, theme.selected)
        } else {
            (theme.text, theme.quiet)
        };
        if let Some(id) = &link.section {
            let label = format!("→ {} (in this toolkit)", title_of(app, id));
            wrap_into(&mut lines, &label, inner.width, ("", "  "), style, style);
        } else {
            let label = crate::toolkit::render::resource_label(link);
            wrap_into(&mut lines, &label, inner.width, ("", "  "), style, style);
            let address = link.url.as_deref().unwrap_or("no address in the source");
            wrap_into(&mut lines, address, inner.width, ("  ", "  "), quiet, quiet);
        }
        if i == selected {
            chosen = (start, lines.len());
        }
    }
    // Scrolled so the whole of the highlighted link shows.
    let height = usize::from(inner.height.max(1));
    let offset = chosen.1.saturating_sub(height).min(chosen.0);
    if lines.is_empty() {
        lines.push(Line::styled("This section has no links.", theme.text));
    }
    let block = Block::bordered()
        .title(" ▸ Links in this section ")
        .title_bottom(" Enter opens · y copies the address · Esc closes ")
        .border_style(theme.border_focused)
        .padding(Padding::horizontal(1));
    let offset16 = u16::try_from(offset).unwrap_or(u16::MAX);
    frame.render_widget(
        Paragraph::new(lines).block(block).scroll((offset16, 0)),
        area,
    );
    let y = u16::try_from(chosen.0 - offset).unwrap_or(0);
    if y < inner.height {
        frame.set_cursor_position(Position::new(inner.x, inner.y + y));
    }
}
