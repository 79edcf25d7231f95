//! "Leave anyway?": what was not saved, why, and the question.

use crate::reader::app::App;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

/// "Leave anyway?": what was not saved, why, and where it will go. The
/// question and its keys always show; on a small screen the explanation
/// above them is cut short (with "…") to make room.
pub fn draw_confirm_quit(frame: &mut Frame, app: &App, screen: Rect) {
    let (ids, why) = app
        .unsaved
        .as_ref()
        .map_or((&[][..], ""), |(ids, why)| (&ids[..], why));
    let titles: Vec<String> = ids
        .iter()
        .map(|id| match app.journal.records.commitments.get(id) {
            Some(commitment) => format!("your commitment “{}”", commitment.text),
            None => app.toolkit.numbered_title(id).unwrap_or_else(|| id.clone()),
        })
        .collect();
    let text = format!(
        "Your words on {} could not be saved: {why}. If you leave now they are \
         written to a rescue file, and allyship tells you where.",
        titles.join(", ")
    );
    let width = screen.width.saturating_sub(4).min(64);
    let inner_width = width.saturating_sub(4);
    let wrap = |width: u16| {
        let mut lines = Vec::new();
        let style = app.theme.text;
        crate::toolkit::render::wrap_into(&mut lines, &text, width, ("", ""), style, style);
        lines
    };
    let mut lines = wrap(inner_width);
    // Borders, the question and its keys take four rows; a blank line
    // before the question when there is room.
    let room = usize::from(screen.height.saturating_sub(4));
    if lines.len() < room {
        lines.push(Line::from(""));
    } else if lines.len() > room {
        lines = wrap(inner_width.saturating_sub(1));
        lines.truncate(room);
        if let Some(last) = lines.last_mut() {
            last.push_span("…");
        }
    }
    lines.push(Line::from("Leave anyway?").style(app.theme.heading));
    lines.push(Line::from("y leave   n stay").style(app.theme.heading));
    let height = u16::try_from(lines.len())
        .unwrap_or(u16::MAX)
        .saturating_add(2)
        .min(screen.height);
    let area = Rect {
        x: screen.x + (screen.width - width) / 2,
        y: screen.y + (screen.height - height) / 2,
        width,
        height,
    };
    let block = ratatui::widgets::Block::bordered()
        .title(" Not saved ")
        .border_style(app.theme.border_focused)
        .padding(ratatui::widgets::Padding::horizontal(1));
    frame.render_widget(ratatui::widgets::Clear, area);
    frame.render_widget(Paragraph::new(lines).block(block), area);
}
