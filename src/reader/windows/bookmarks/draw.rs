//! The bookmarks list (`B`) and the label box over it.

use crate::journal::report::BOOKMARK_MARK;
use crate::reader::app::App;
use crate::reader::editor::TextInput;
use crate::reader::layout;
use crate::reader::layout::lines::fit;
use crate::reader::windows::drawing::{draw_list, title_of};
use ratatui::Frame;
use ratatui::widgets::{Block, Clear};

/// The bookmarks list (`B`).
pub fn draw_bookmarks(frame: &mut Frame, app: &App, selected: usize) {
    let rows = app
        .bookmark_ids()
        .iter()
        .map(|id| {
            let label = app
                .journal
                .records
                .bookmarks
                .get(id)
                .and_then(|b| b.label.clone());
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
