//! The text of one step, in reading order, and the window of it that fits
//! the screen: the lead-in, the points revealed so far in their place, and
//! what follows a list once all its points are revealed. When it does not
//! fit, the window follows the newest point and says there is more.

use super::exercise;
use super::walkthrough::Step;
use crate::theme::Theme;
use crate::toolkit::content::{Block, Link, Section, Toolkit};
use crate::toolkit::render::wrap_into;
use ratatui::style::Modifier;
use ratatui::text::Line;
use std::ops::Range;

pub(super) type Piece = Vec<Line<'static>>;

/// A step's text, laid out for one width, before it is fitted to a height.
#[derive(Debug, Clone, Default)]
pub struct Body {
    /// Every line, blank lines between pieces.
    pub lines: Vec<Line<'static>>,
    /// The rows of the newest point revealed, to keep on screen.
    pub newest: Option<Range<usize>>,
}

/// The part of a `Body` that shows, and whether there is more either side.
#[derive(Debug, Clone, Default)]
pub struct Window {
    /// The lines shown, at most the height given less a row for `note`.
    pub lines: Vec<Line<'static>>,
    /// "more below" and the like, for the row under the lines, if any.
    pub note: Option<&'static str>,
    /// How far a presenter's scrolling may move from where the window
    /// would be by itself: up to `.0` lines up and `.1` lines down.
    pub reach: (usize, usize),
}

/// The text of `step` of `section`, wrapped to `width`, in reading order.
pub fn body(toolkit: &Toolkit, section: &Section, step: Step, width: u16, theme: &Theme) -> Body {
    let (pieces, newest) = match step {
        Step::Outcomes => (exercise::outcomes(toolkit, section, width, theme), None),
        Step::Intro => (pieces(toolkit, section, width, theme, 0), None),
        Step::Points(n) => (pieces(toolkit, section, width, theme, n), Some(n)),
        Step::Options(_) | Step::Choose | Step::Feedback(_) => {
            // Every point shown, none of them the newest.
            let intro = pieces(toolkit, section, width, theme, usize::MAX);
            match &section.choice {
                Some(choice) => exercise::choice(toolkit, choice, step, width, theme, intro),
                None => (intro, None),
            }
        }
        Step::Discuss => {
            let mut all = vec![wrapped("Discuss together", width, ("", ""), theme.label)];
            all.extend(
                section
                    .discuss
                    .iter()
                    .map(|p| prefixed(p, width, ("? ", "  "), theme)),
            );
            (all.into_iter().map(|p| (p, None)).collect(), None)
        }
    };
    let mut out = Body::default();
    for (n, (piece, point)) in pieces.into_iter().enumerate() {
        if n > 0 {
            out.lines.push(Line::default());
        }
        let start = out.lines.len();
        out.lines.extend(piece);
        if point.is_some() && point == newest {
            out.newest = Some(start..out.lines.len());
        }
    }
    out
}

/// Shown under the text when more of it is below the screen.
pub const MORE_BELOW: &str = "↓ more below";
/// Shown under the text when some of it is above the screen.
pub const MORE_ABOVE: &str = "↑ more above";
/// Shown under the text when there is more both ways.
pub const MORE_BOTH: &str = "↑↓ more above and below";

/// The lines of `body` that fit `height` rows: all of them when they fit;
/// else, a row kept for a note saying where the rest is, the window that
/// shows the newest point whole (with as much as fits before it), moved
/// `scrolled` lines down (up when negative) by the presenter.
pub fn window(body: Body, height: usize, scrolled: isize) -> Window {
    let total = body.lines.len();
    if total <= height {
        return Window {
            lines: body.lines,
            ..Window::default()
        };
    }
    let rows = if height > 1 { height - 1 } else { height };
    let last = total - rows;
    let by_itself = match body.newest {
        Some(newest) if newest.end > rows && newest.len() <= rows => newest.end - rows,
        Some(newest) if newest.end > rows => newest.start,
        _ => 0,
    }
    .min(last);
    let offset = by_itself.saturating_add_signed(scrolled).min(last);
    let note = match (offset > 0, offset < last) {
        _ if rows == height => None,
        (true, true) => Some(MORE_BOTH),
        (true, false) => Some(MORE_ABOVE),
        (false, true) => Some(MORE_BELOW),
        (false, false) => None,
    };
    let lines = body.lines.into_iter().skip(offset).take(rows).collect();
    Window {
        lines,
        note,
        reach: (by_itself, last - by_itself),
    }
}

/// The pieces of a section in reading order, up to its first point not
/// yet revealed: paragraphs, quotations, links, and the first `revealed`
/// points (each with its number; the last revealed emphasised).
fn pieces(
    toolkit: &Toolkit,
    section: &Section,
    width: u16,
    theme: &Theme,
    revealed: usize,
) -> Vec<(Piece, Option<usize>)> {
    let mut out = Vec::new();
    let mut seen = 0;
    for block in &section.blocks {
        match block {
            Block::Points(points) => {
                for point in points {
                    seen += 1;
                    if seen > revealed {
                        return out;
                    }
                    let piece = if seen == revealed {
                        let bold = theme.text.add_modifier(Modifier::BOLD);
                        wrapped(point, width, ("▸ ", "  "), bold)
                    } else {
                        prefixed(point, width, ("• ", "  "), theme)
                    };
                    out.push((piece, Some(seen)));
                }
            }
            Block::Paragraph(text) => out.push((wrapped(text, width, ("", ""), theme.text), None)),
            Block::Quote(quote) => {
                let mut piece = wrapped(&format!("“{}”", quote.text), width, ("", ""), theme.quote);
                let by = format!("— {}", quote.by);
                piece.extend(wrapped(&by, width, ("  ", "  "), theme.text));
                out.push((piece, None));
            }
            Block::Links(list) => {
                let mut piece = Vec::new();
                for link in list {
                    piece.extend(wrapped(
                        &label(toolkit, link),
                        width,
                        ("", "  "),
                        theme.link,
                    ));
                    if let Some(url) = &link.url {
                        piece.extend(wrapped(url, width, ("  ", "  "), theme.quiet));
                    }
                }
                out.push((piece, None));
            }
        }
    }
    out
}

/// A link as text for the room: what it is, and where to find it.
fn label(toolkit: &Toolkit, link: &Link) -> String {
    if let Some(target) = &link.section {
        return match toolkit.index_of(target) {
            Some(i) => format!("→ {} (section {})", link.title, i + 1),
            None => format!("→ {}", link.title),
        };
    }
    let kind = link.kind.as_deref().map(|k| format!("[{k}] "));
    let by = link.by.as_deref().map(|b| format!(" by {b}"));
    format!(
        "{}{}{}",
        kind.unwrap_or_default(),
        link.title,
        by.unwrap_or_default()
    )
}

pub(super) fn wrapped(
    text: &str,
    width: u16,
    prefixes: (&str, &str),
    style: ratatui::style::Style,
) -> Piece {
    let mut out = Vec::new();
    wrap_into(&mut out, text, width, prefixes, style, style);
    out
}

fn prefixed(text: &str, width: u16, prefixes: (&str, &str), theme: &Theme) -> Piece {
    let mut out = Vec::new();
    wrap_into(&mut out, text, width, prefixes, theme.text, theme.label);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::toolkit::content::built_in;

    fn text(lines: &[Line]) -> Vec<String> {
        lines.iter().map(|l| l.to_string()).collect()
    }

    fn why_these_tips(step: Step, width: u16) -> Body {
        let toolkit = built_in();
        let index = toolkit.index_of("why-these-tips").unwrap();
        let section = toolkit.entry(index).unwrap().section;
        body(&toolkit, section, step, width, &Theme::mono())
    }

    #[test]
    fn a_section_reads_in_order_with_its_points_revealed_in_place() {
        let find = |body: &Body, text: &str| {
            let lines = self::text(&body.lines);
            lines.iter().position(|l| l.contains(text))
        };
        let intro = why_these_tips(Step::Intro, 200);
        assert!(find(&intro, "which wrote these tips, names some").is_some());
        assert_eq!(find(&intro, "racist views"), None);
        assert_eq!(
            find(&intro, "A microaggression is"),
            None,
            "shown before the list"
        );
        assert_eq!(intro.newest, None);

        let one = why_these_tips(Step::Points(1), 200);
        assert_eq!(
            find(&one, "A microaggression is"),
            None,
            "shown before the list ends"
        );
        assert_eq!(one.newest, find(&one, "▸ racist views").map(|n| n..n + 1));

        let all = why_these_tips(Step::Points(4), 200);
        let order = [
            "which wrote these tips, names some",
            "• racist views",
            "• discriminatory behaviour",
            "• public disorder",
            "▸ microaggressions",
            "A microaggression is",
            "The nine tips that follow",
            "→ Listen actively",
            "→ Online links",
        ];
        let rows: Vec<usize> = order.iter().map(|t| find(&all, t).unwrap()).collect();
        assert!(rows.is_sorted(), "{rows:?}");
        assert_eq!(all.newest, Some(rows[4]..rows[4] + 1));
    }

    #[test]
    fn the_window_follows_the_newest_point_and_says_where_the_rest_is() {
        let lines = |n: usize| {
            (0..n)
                .map(|i| Line::from(i.to_string()))
                .collect::<Vec<_>>()
        };
        let body = |n, newest: Option<Range<usize>>| Body {
            lines: lines(n),
            newest,
        };
        let fits = window(body(5, Some(4..5)), 5, 3);
        assert_eq!((fits.lines.len(), fits.note, fits.reach), (5, None, (0, 0)));

        // 20 lines in 8 rows: 7 of text and the note.
        let top = window(body(20, Some(2..4)), 8, 0);
        assert_eq!(text(&top.lines), text(&lines(7)));
        assert_eq!((top.note, top.reach), (Some(MORE_BELOW), (0, 13)));
        let follows = window(body(20, Some(10..12)), 8, 0);
        assert_eq!(text(&follows.lines).last().unwrap(), "11");
        assert_eq!((follows.note, follows.reach), (Some(MORE_BOTH), (5, 8)));
        let end = window(body(20, Some(10..12)), 8, 100);
        assert_eq!(text(&end.lines).last().unwrap(), "19");
        assert_eq!(end.note, Some(MORE_ABOVE));
        let start = window(body(20, Some(10..12)), 8, -100);
        assert_eq!(text(&start.lines)[0], "0");
        // A point taller than the screen shows from its start.
        let tall = window(body(20, Some(5..15)), 8, 0);
        assert_eq!(text(&tall.lines)[0], "5");
        // One row: no room for a note.
        let one = window(body(20, None), 1, 0);
        assert_eq!((one.lines.len(), one.note), (1, None));
        assert!(window(body(3, None), 0, 0).lines.is_empty());
    }
}
