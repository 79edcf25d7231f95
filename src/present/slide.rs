//! The text of one step, cut into pieces that are never split (a paragraph,
//! a point, a prompt), and fitted to the room on screen: the whole of each
//! piece shows, or none of it.

use super::walkthrough::Step;
use crate::content::{Block, Link, Section, Toolkit};
use crate::render::wrap_into;
use crate::ui::theme::Theme;
use ratatui::style::Modifier;
use ratatui::text::Line;

type Piece = Vec<Line<'static>>;

/// Shown above the newest points when the earlier ones no longer fit.
pub const EARLIER: &str = "(earlier points above)";
/// Shown when a larger window would show more of the section.
pub const MORE: &str = "(more in a larger window)";

/// The body of `step` of `section`, wrapped to `width` and fitted into
/// `height` rows, blank lines between pieces where there is room.
pub fn body(
    toolkit: &Toolkit,
    section: &Section,
    step: Step,
    width: u16,
    height: u16,
    theme: &Theme,
) -> Vec<Line<'static>> {
    let height = usize::from(height);
    let pieces = |text: bool, links: bool, revealed: usize| {
        pieces(toolkit, section, width, theme, (text, links), revealed)
    };
    // Links go first when space is short: the room needs the text more.
    let fitted = |revealed| {
        fit(&pieces(true, true, revealed), height, 1)
            .or_else(|| fit(&pieces(true, false, revealed), height, 1))
    };
    match step {
        Step::Intro => fitted(0).unwrap_or_else(|| {
            let all = pieces(true, true, 0);
            fit(&all, height, 0).unwrap_or_else(|| whole_pieces(&all, height, width, theme))
        }),
        Step::Points(n) => fitted(n).unwrap_or_else(|| {
            let points = pieces(false, false, n);
            fit(&points, height, 1)
                .or_else(|| fit(&points, height, 0))
                .unwrap_or_else(|| latest_points(&points, height, width, theme))
        }),
        Step::Discuss => {
            let mut all = vec![wrapped("Discuss together", width, ("", ""), theme.label)];
            all.extend(
                section
                    .discuss
                    .iter()
                    .map(|p| prefixed(p, width, ("? ", "  "), theme)),
            );
            fit(&all, height, 1)
                .or_else(|| fit(&all, height, 0))
                .unwrap_or_else(|| whole_pieces(&all, height, width, theme))
        }
    }
}

/// The pieces of a section: its paragraphs and quotations when `text`, its
/// links when `links` too, and its first `revealed` points (the last of
/// them emphasised).
fn pieces(
    toolkit: &Toolkit,
    section: &Section,
    width: u16,
    theme: &Theme,
    (text, links): (bool, bool),
    revealed: usize,
) -> Vec<Piece> {
    let mut out = Vec::new();
    let mut seen = 0;
    for block in &section.blocks {
        match block {
            Block::Points(points) => {
                for point in points {
                    seen += 1;
                    if seen > revealed {
                        break;
                    }
                    out.push(if seen == revealed {
                        let bold = theme.text.add_modifier(Modifier::BOLD);
                        wrapped(point, width, ("▸ ", "  "), bold)
                    } else {
                        prefixed(point, width, ("• ", "  "), theme)
                    });
                }
            }
            _ if !text => {}
            Block::Paragraph(text) => out.push(wrapped(text, width, ("", ""), theme.text)),
            Block::Quote(quote) => {
                let mut piece = wrapped(&format!("“{}”", quote.text), width, ("", ""), theme.quote);
                let by = format!("— {}", quote.by);
                piece.extend(wrapped(&by, width, ("  ", "  "), theme.text));
                out.push(piece);
            }
            Block::Links(_) if !links => {}
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
                out.push(piece);
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

fn wrapped(text: &str, width: u16, prefixes: (&str, &str), style: ratatui::style::Style) -> Piece {
    let mut out = Vec::new();
    wrap_into(&mut out, text, width, prefixes, style, style);
    out
}

fn prefixed(text: &str, width: u16, prefixes: (&str, &str), theme: &Theme) -> Piece {
    let mut out = Vec::new();
    wrap_into(&mut out, text, width, prefixes, theme.text, theme.label);
    out
}

/// Every piece, `gap` blank lines apart, if that fits `height` rows.
fn fit(pieces: &[Piece], height: usize, gap: usize) -> Option<Vec<Line<'static>>> {
    let lines = join(pieces, gap);
    (lines.len() <= height).then_some(lines)
}

fn join(pieces: &[Piece], gap: usize) -> Vec<Line<'static>> {
    let mut out = Vec::new();
    for (n, piece) in pieces.iter().enumerate() {
        if n > 0 {
            out.extend(std::iter::repeat_n(Line::default(), gap));
        }
        out.extend(piece.iter().cloned());
    }
    out
}

/// As many whole pieces from the first as fit, then a note that there is
/// more (the note itself only where it fits too).
fn whole_pieces(pieces: &[Piece], height: usize, width: u16, theme: &Theme) -> Vec<Line<'static>> {
    let note = wrapped(MORE, width, ("", ""), theme.quiet);
    let room = height.saturating_sub(note.len() + 1);
    let mut taken = 0;
    while taken < pieces.len() && join(&pieces[..=taken], 1).len() <= room {
        taken += 1;
    }
    let mut out = join(&pieces[..taken.max(1).min(pieces.len())], 1);
    if out.len() + note.len() < height {
        out.push(Line::default());
        out.extend(note);
    }
    out.truncate(height);
    out
}

/// The newest points that fit whole, under a note that earlier ones are above.
fn latest_points(pieces: &[Piece], height: usize, width: u16, theme: &Theme) -> Vec<Line<'static>> {
    let note = wrapped(EARLIER, width, ("", ""), theme.quiet);
    let room = height.saturating_sub(note.len() + 1);
    let mut first = pieces.len().saturating_sub(1);
    while first > 0 && join(&pieces[first - 1..], 1).len() <= room {
        first -= 1;
    }
    let shown = join(&pieces[first..], 1);
    let mut out = Vec::new();
    if first > 0 && note.len() + 1 + shown.len() <= height {
        out.extend(note);
        out.push(Line::default());
    }
    out.extend(shown);
    // Only on a screen too short for one point: its start is what shows.
    out.truncate(height);
    out
}
