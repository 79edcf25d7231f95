//! The search box with results as you type, and highlighting the matches of
//! the last search in the text (reverse video and underline, not colour).

use crate::reader::app::App;
use crate::reader::editor::TextInput;
use crate::reader::layout::lines::fit;
use crate::toolkit::search::match_ranges;
use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Padding, Paragraph};

/// How matches are marked: visible without colour.
pub const MATCH: Modifier = Modifier::REVERSED.union(Modifier::UNDERLINED);

/// Marks every match of `query` in `line`, splitting spans where needed.
pub fn highlight(line: &Line<'static>, query: &str) -> Line<'static> {
    let text: String = line.spans.iter().map(|s| s.content.as_ref()).collect();
    let ranges = match_ranges(&text, query);
    if ranges.is_empty() {
        return line.clone();
    }
    let mut spans = Vec::new();
    let mut start = 0;
    for span in &line.spans {
        let content = span.content.as_ref();
        let end = start + content.len();
        let mut cut = start;
        for range in ranges.iter().filter(|r| r.start < end && r.end > start) {
            let (from, to) = (range.start.max(start), range.end.min(end));
            if from > cut {
                spans.push(Span::styled(text[cut..from].to_string(), span.style));
            }
            spans.push(Span::styled(
                text[from..to].to_string(),
                span.style.add_modifier(MATCH),
            ));
            cut = to;
        }
        if cut < end {
            spans.push(Span::styled(text[cut..end].to_string(), span.style));
        }
        start = end;
    }
    Line::from(spans)
}

/// The search window: the box, then results with a line of context each.
pub fn draw(frame: &mut Frame, app: &App, input: &TextInput, selected: usize) {
    let screen = frame.area();
    let area = Rect {
        y: screen.y.saturating_add(1),
        height: screen.height.saturating_sub(2),
        ..screen
    };
    frame.render_widget(Clear, area);
    let block = Block::bordered()
        .title(" ▸ Search the toolkit ")
        .title_bottom(" Enter opens · ↑↓ choose · Esc closes ")
        .border_style(app.theme.border_focused)
        .padding(Padding::horizontal(1));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    if inner.height < 3 {
        return;
    }
    let query = input.text();
    let mut editor = input.area().clone();
    editor.set_cursor_style(app.theme.selected);
    editor.set_placeholder_style(app.theme.quiet);
    editor.set_placeholder_text("Type words to find, for example: listen");
    let box_area = Rect { height: 1, ..inner };
    frame.render_widget(&editor, box_area);
    let cursor = editor.screen_cursor();
    let column = u16::try_from(cursor.col)
        .unwrap_or(0)
        .min(inner.width.saturating_sub(1));
    frame.set_cursor_position(Position::new(inner.x + column, inner.y));
    let list = Rect {
        y: inner.y + 2,
        height: inner.height - 2,
        ..inner
    };
    let hits = app.search_hits(&query);
    let width = usize::from(list.width);
    let mut lines = Vec::new();
    if query.trim().is_empty() {
        lines.push(Line::styled("Results appear as you type.", app.theme.quiet));
    } else if hits.is_empty() {
        lines.push(Line::styled(
            format!("Nothing matches \"{}\".", query.trim()),
            app.theme.text,
        ));
    }
    let per_hit = 2;
    let visible = usize::from(list.height) / per_hit;
    let offset = selected.saturating_sub(visible.saturating_sub(1));
    for (i, hit) in hits.iter().enumerate().skip(offset).take(visible.max(1)) {
        let title = app
            .toolkit
            .entry(hit.section)
            .map_or("", |e| e.section.title.as_str());
        let heading = fit(&format!("{}. {title}", hit.section + 1), width);
        let style = if i == selected {
            app.theme.selected
        } else {
            app.theme.part
        };
        lines.push(Line::styled(heading, style));
        let context = Line::styled(format!("   {}", hit.context), app.theme.text);
        let context = highlight(&context, &query);
        lines.push(clip(context, width));
    }
    frame.render_widget(Paragraph::new(lines), list);
}

/// Cuts a styled line to `width` columns (the context is already short; this
/// guards narrow screens).
fn clip(line: Line<'static>, width: usize) -> Line<'static> {
    if line.width() <= width {
        return line;
    }
    let mut used = 0;
    let mut spans = Vec::new();
    for span in line.spans {
        let room = width.saturating_sub(used);
        let text = fit(&span.content, room);
        used += unicode_width::UnicodeWidthStr::width(text.as_str());
        spans.push(Span::styled(text, span.style));
        if used >= width {
            break;
        }
    }
    Line::from(spans)
}

/// Draws the highlighted lines over a text pane's visible lines.
pub fn highlighted(lines: Vec<Line<'static>>, query: Option<&str>) -> Vec<Line<'static>> {
    match query {
        Some(q) if !q.trim().is_empty() => lines.iter().map(|l| highlight(l, q)).collect(),
        _ => lines,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_are_marked_without_colour_across_spans() {
        let line = Line::from(vec![
            Span::raw("  • "),
            Span::raw("Listen actively, listen well"),
        ]);
        let marked = highlight(&line, "listen");
        let hits: Vec<&Span> = marked
            .spans
            .iter()
            .filter(|s| s.style.add_modifier.contains(MATCH))
            .collect();
        assert_eq!(hits.len(), 2);
        assert_eq!(hits[0].content, "Listen");
        assert_eq!(
            marked.to_string(),
            line.to_string(),
            "the text is unchanged"
        );
    }

    #[test]
    fn a_line_without_matches_is_unchanged() {
        let line = Line::from("nothing here");
        assert_eq!(highlight(&line, "zebra"), line);
    }

    #[test]
    fn clipping_keeps_inside_the_width() {
        let line = Line::from(vec![Span::raw("abcdef"), Span::raw("ghijkl")]);
        assert!(clip(line, 8).width() <= 8);
    }
}
