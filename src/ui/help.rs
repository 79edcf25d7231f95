//! The help overlay: every key, generated from the keymap table itself.

use crate::keymap::{self, Binding};
use crate::layout;
use crate::render::wrap_into;
use crate::ui::theme::Theme;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, Clear, Paragraph};

/// Widest the help window grows, so lines stay easy to read.
const HELP_WIDTH: u16 = 72;
/// Width of the key column.
const KEY_COLUMN: usize = 22;

/// Where the help window goes on a screen of this size.
pub fn area(screen: Rect) -> Rect {
    layout::centred(screen, HELP_WIDTH, screen.height.saturating_sub(2))
}

fn inner(screen: Rect) -> Rect {
    layout::text_inner(area(screen))
}

/// The help text for a given width: one entry per binding, then the marks.
pub fn lines(width: u16, theme: &Theme) -> Vec<Line<'static>> {
    let mut out = Vec::new();
    wrap_into(
        &mut out,
        "Keys in the reading view",
        width,
        ("", ""),
        theme.heading,
        theme.heading,
    );
    out.push(Line::default());
    binding_lines(&mut out, keymap::READER, width, theme);
    out.push(Line::default());
    wrap_into(
        &mut out,
        "Every screen can also be read as plain text: run `allyship --help` to see the commands \
         (`allyship list`, `allyship read 12`).",
        width,
        ("", ""),
        theme.text,
        theme.text,
    );
    out
}

fn binding_lines(out: &mut Vec<Line<'static>>, bindings: &[Binding], width: u16, theme: &Theme) {
    for binding in bindings {
        let keys = keymap::describe_keys(binding);
        if usize::from(width) >= KEY_COLUMN + 20 {
            let first = format!("{keys:<KEY_COLUMN$}");
            let rest = " ".repeat(KEY_COLUMN);
            wrap_into(
                out,
                binding.does,
                width,
                (&first, &rest),
                theme.text,
                theme.label,
            );
        } else {
            wrap_into(out, &keys, width, ("", ""), theme.label, theme.label);
            wrap_into(
                out,
                binding.does,
                width,
                ("  ", "  "),
                theme.text,
                theme.text,
            );
        }
    }
}

/// Rows the help text moves for a page.
pub fn page(screen: Rect) -> u16 {
    inner(screen).height.saturating_sub(1)
}

/// The furthest the help can scroll at this size.
pub fn max_scroll(screen: Rect) -> u16 {
    let inner = inner(screen);
    let count = lines(inner.width, &Theme::mono()).len();
    u16::try_from(count.saturating_sub(usize::from(inner.height))).unwrap_or(u16::MAX)
}

/// Draws the help window over whatever is below.
pub fn draw(frame: &mut Frame, screen: Rect, scroll: u16, theme: &Theme) {
    let outer = area(screen);
    let text = lines(inner(screen).width, theme);
    let block = Block::bordered()
        .title(" Help ")
        .title_bottom(" Esc or ? closes · Up/Down scroll ")
        .border_style(theme.border_focused)
        .padding(ratatui::widgets::Padding::horizontal(1));
    frame.render_widget(Clear, outer);
    frame.render_widget(Paragraph::new(text).block(block).scroll((scroll, 0)), outer);
}
