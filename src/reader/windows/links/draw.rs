//! The links list (`o`): the open section's links, each with its address.

use crate::reader::app::App;
use crate::reader::layout;
use crate::reader::windows::drawing::{body, title_of};
use crate::toolkit::render::wrap_into;
use ratatui::Frame;
use ratatui::layout::Position;
use ratatui::text::Line;
use ratatui::widgets::{Block, Clear, Padding, Paragraph};

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
