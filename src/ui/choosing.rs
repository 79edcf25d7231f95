//! The choose window: a practice scenario's question and options over the
//! text, one highlighted, to choose with Enter (or a number, or a click).
//! Its layout is shared with `update`, so a click lands on what is drawn.

use crate::app::App;
use crate::content::Choice;
use crate::layout;
use crate::render::wrap_into;
use ratatui::Frame;
use ratatui::layout::{Margin, Position, Rect};
use ratatui::text::Line;
use ratatui::widgets::{
    Block, Clear, Padding, Paragraph, Scrollbar, ScrollbarOrientation, ScrollbarState,
};
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
        let number = format!("{}. ", n + 1);
        wrap_into(
            &mut lines,
            &option.text,
            text_width,
            (&number, "   "),
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

/// Draws the choose window over the reading view.
pub fn draw(frame: &mut Frame, app: &App, selected: usize) {
    let Some(shown) = layout(app, selected) else {
        return;
    };
    let title = if app.chosen().is_some() {
        " ▸ Choose again "
    } else {
        " ▸ Choose an option "
    };
    let block = Block::bordered()
        .title(title)
        .title_bottom(" Enter chooses · Esc cancels ")
        .border_style(app.theme.border_focused)
        .padding(Padding::horizontal(1));
    let offset = u16::try_from(shown.offset).unwrap_or(u16::MAX);
    frame.render_widget(Clear, shown.area);
    frame.render_widget(
        Paragraph::new(shown.lines.clone())
            .block(block)
            .scroll((offset, 0)),
        shown.area,
    );
    // More options than fit: a scrollbar on the border says so, by shape.
    let max = shown
        .lines
        .len()
        .saturating_sub(usize::from(shown.inner.height));
    if max > 0 {
        let mut state = ScrollbarState::new(max).position(shown.offset);
        let bar = Scrollbar::new(ScrollbarOrientation::VerticalRight)
            .begin_symbol(Some("▲"))
            .end_symbol(Some("▼"));
        let track = shown.area.inner(Margin::new(0, 1));
        frame.render_stateful_widget(bar, track, &mut state);
    }
    let row = shown
        .options
        .get(selected)
        .map_or(0, |rows| rows.start.saturating_sub(shown.offset));
    if let Ok(row) = u16::try_from(row)
        && row < shown.inner.height
    {
        let at = Position::new(shown.inner.x, shown.inner.y + row);
        frame.set_cursor_position(at);
    }
}
