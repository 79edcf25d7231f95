//! Where the choose window goes and what it holds: a practice scenario's
//! question and options, one highlighted. Shared by `update` (a click lands
//! on what is drawn) and `draw.rs` (which only draws it).

use crate::reader::app::App;
use crate::reader::layout;
use crate::toolkit::content::Choice;
use crate::toolkit::render::wrap_into;
use ratatui::layout::{Position, Rect};
use ratatui::text::Line;
use std::ops::Range;

/// The widest the window grows: short lines are easier to compare.
const WIDTH: u16 = 66;

/// The window as drawn for one highlighted option.
#[derive(Debug, Clone)]
pub struct ChooseLayout {
    /// The whole window, borders included.
    pub area: Rect,
    /// Where the lines go.
    pub inner: Rect,
    /// The question, then each option, wrapped.
    pub lines: Vec<Line<'static>>,
    /// The rows of `lines` each option takes, in order.
    pub options: Vec<Range<usize>>,
    /// The first line shown: the highlighted option always shows whole.
    pub offset: usize,
}

impl ChooseLayout {
    /// The option drawn at a screen position, if any (for a click).
    pub fn option_at(&self, at: Position) -> Option<usize> {
        if !self.inner.contains(at) {
            return None;
        }
        let line = self.offset + usize::from(at.y - self.inner.y);
        self.options.iter().position(|rows| rows.contains(&line))
    }
}

/// The open section's choice, if it is a practice scenario.
pub fn choice(app: &App) -> Option<&Choice> {
    app.toolkit.entry(app.current)?.section.choice.as_ref()
}

/// The window for the open scenario with option `selected` (from 0)
/// highlighted; `None` when the open section has no choice.
pub fn layout(app: &App, selected: usize) -> Option<ChooseLayout> {
    let choice = choice(app)?;
    let screen = app.screen;
    let width = screen.width.saturating_sub(4).min(WIDTH);
    let text_width = width.saturating_sub(4).max(1);
    let theme = &app.theme;
    let mut lines = Vec::new();
    wrap_into(
        &mut lines,
        &choice.question,
        text_width,
        ("", ""),
        theme.label,
        theme.label,
    );
    lines.push(Line::default());
    let mut options = Vec::new();
    for (n, option) in choice.options.iter().enumerate() {
        let start = lines.len();
        let style = if n == selected {
            theme.selected
        } else {
            theme.text
        };
        // The highlighted option is marked in the text too, not by colour
        // alone (mono, screen magnifiers, a screen shared on a projector).
        let mark = if n == selected { "▸" } else { " " };
        let number = format!("{mark} {}. ", n + 1);
        let hanging = " ".repeat(number.chars().count());
        wrap_into(
            &mut lines,
            &option.text,
            text_width,
            (&number, &hanging),
            style,
            style,
        );
        options.push(start..lines.len());
    }
    // Between the title bar and the footer, which says what keys do.
    let body = Rect {
        y: screen.y.saturating_add(1),
        height: screen.height.saturating_sub(2),
        ..screen
    };
    let wanted = u16::try_from(lines.len()).unwrap_or(u16::MAX);
    let area = layout::centred(body, width, wanted.saturating_add(2));
    let inner = layout::text_inner(area);
    let visible = usize::from(inner.height.max(1));
    let shown = options.get(selected).cloned().unwrap_or(0..0);
    let offset = shown.end.saturating_sub(visible).min(shown.start);
    Some(ChooseLayout {
        area,
        inner,
        lines,
        options,
        offset,
    })
}
