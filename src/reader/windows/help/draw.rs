//! The help overlay: the keys of the window it was opened from (or of the
//! reading view), generated from that window's key table itself. What it
//! says and how far it scrolls are laid out in `layout.rs`; this draws.

use crate::reader::app::Overlay;
use crate::reader::windows::help::layout as laid_out;
use crate::theme::Theme;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, Clear, Paragraph};

pub use crate::reader::windows::help::layout::{area, max_scroll, page};

/// The help text for the window `under` (`None`: the reading view) at a
/// given width, in the theme's styles.
pub fn lines(under: Option<&Overlay>, width: u16, theme: &Theme) -> Vec<Line<'static>> {
    laid_out::lines(under, width)
        .iter()
        .map(|line| theme.line(line))
        .collect()
}

/// Draws the help for `under` over whatever is below.
pub fn draw(frame: &mut Frame, screen: Rect, scroll: u16, under: Option<&Overlay>, theme: &Theme) {
    let outer = area(screen);
    let text = lines(under, laid_out::inner(screen).width, theme);
    let block = Block::bordered()
        .title(" Help ")
        .title_bottom(" Esc or ? closes · Up/Down scroll ")
        .border_style(theme.border_focused)
        .padding(ratatui::widgets::Padding::horizontal(1));
    frame.render_widget(Clear, outer);
    frame.render_widget(Paragraph::new(text).block(block).scroll((scroll, 0)), outer);
}
