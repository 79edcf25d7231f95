//! The help overlay: the keys of the window it was opened from (or of the
//! reading view), generated from that window's key table itself.

use crate::app::Overlay;
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

/// What the help says about a window: its heading, and a closing line.
fn about(under: Option<&Overlay>) -> (&'static str, &'static str) {
    const TYPED: &str = "Every other key is typed, so q and ? are letters here.";
    match under {
        Some(Overlay::Journal { .. }) => ("Keys in your journal", ""),
        Some(Overlay::Note(_)) => ("Keys in the note editor", TYPED),
        Some(Overlay::Label(_)) => ("Keys in the label box", TYPED),
        Some(Overlay::Bookmarks { .. }) => ("Keys in your bookmarks", ""),
        Some(Overlay::Notes { .. }) => ("Keys in My notes", ""),
        Some(Overlay::Links { .. }) => ("Keys in the links list", ""),
        Some(Overlay::Choose { .. }) => (
            "Keys in the choose window",
            "Nothing is scored: every option's feedback says what it does well or misses.",
        ),
        Some(Overlay::Search { .. }) => ("Keys in the search box", TYPED),
        Some(Overlay::Help { .. } | Overlay::ConfirmQuit) | None => (
            "Keys in the reading view",
            "Every screen can also be read as plain text: run `allyship --help` to see the \
             commands (`allyship list`, `allyship read 12`).",
        ),
    }
}

/// The help text for the window `under` (`None`: the reading view) at a
/// given width: a heading, one entry per key of its table, a closing line.
pub fn lines(under: Option<&Overlay>, width: u16, theme: &Theme) -> Vec<Line<'static>> {
    let mut out = Vec::new();
    let (heading, closing) = about(under);
    wrap_into(
        &mut out,
        heading,
        width,
        ("", ""),
        theme.heading,
        theme.heading,
    );
    out.push(Line::default());
    let table = match under {
        Some(Overlay::Help { .. } | Overlay::ConfirmQuit) | None => keymap::READER,
        Some(window) => keymap::table(Some(window)),
    };
    binding_lines(&mut out, table, width, theme);
    if !closing.is_empty() {
        out.push(Line::default());
        wrap_into(&mut out, closing, width, ("", ""), theme.text, theme.text);
    }
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

/// The furthest the help for `under` can scroll at this size.
pub fn max_scroll(screen: Rect, under: Option<&Overlay>) -> u16 {
    let inner = inner(screen);
    let count = lines(under, inner.width, &Theme::mono()).len();
    u16::try_from(count.saturating_sub(usize::from(inner.height))).unwrap_or(u16::MAX)
}

/// Draws the help for `under` over whatever is below.
pub fn draw(frame: &mut Frame, screen: Rect, scroll: u16, under: Option<&Overlay>, theme: &Theme) {
    let outer = area(screen);
    let text = lines(under, inner(screen).width, theme);
    let block = Block::bordered()
        .title(" Help ")
        .title_bottom(" Esc or ? closes · Up/Down scroll ")
        .border_style(theme.border_focused)
        .padding(ratatui::widgets::Padding::horizontal(1));
    frame.render_widget(Clear, outer);
    frame.render_widget(Paragraph::new(text).block(block).scroll((scroll, 0)), outer);
}
