//! Text laid out for a width, without styles: each piece of a line says
//! what it is (a heading, a label, quiet text) and the view gives it the
//! theme's style. So `update` can count lines and find rows without a view.

use crate::toolkit::render::wrap_into;
use ratatui::style::Style;
use unicode_width::UnicodeWidthStr;

/// What a piece of text is, so the view can pick the theme's style for it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    /// No style at all (the terminal's own).
    Plain,
    /// A window's heading.
    Heading,
    /// A sub-heading or a key name.
    Label,
    /// Body text.
    Text,
    /// Quiet text: legends, things kept but no longer shown.
    Quiet,
}

/// A run of text in one tone.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Piece {
    /// The words, already cut to fit.
    pub text: String,
    /// What they are.
    pub tone: Tone,
}

impl Piece {
    /// A piece of text in a tone.
    pub fn new(text: impl Into<String>, tone: Tone) -> Self {
        Piece {
            text: text.into(),
            tone,
        }
    }
}

/// One laid-out line: its pieces, left to right (none for a blank line).
pub type Pieces = Vec<Piece>;

/// Wraps `text` to `width` exactly as [`render::wrap_into`] does (the same
/// lines, cut at the same places), keeping tones instead of styles: the
/// prefix in `prefix_tone`, the words in `tone`.
///
/// [`render::wrap_into`]: crate::toolkit::render::wrap_into
pub fn wrap(
    out: &mut Vec<Pieces>,
    text: &str,
    width: u16,
    prefixes: (&str, &str),
    tone: Tone,
    prefix_tone: Tone,
) {
    let mut lines = Vec::new();
    wrap_into(
        &mut lines,
        text,
        width,
        prefixes,
        Style::default(),
        Style::default(),
    );
    for line in lines {
        // `wrap_into` gives the prefix its own span only when there is one;
        // the words are always the last span.
        let last = line.spans.len().saturating_sub(1);
        out.push(
            line.spans
                .into_iter()
                .enumerate()
                .map(|(i, span)| {
                    let tone = if i < last { prefix_tone } else { tone };
                    Piece::new(span.content.into_owned(), tone)
                })
                .collect(),
        );
    }
}

/// Cuts text to `width` columns with an ellipsis, never splitting a character.
pub fn fit(text: &str, width: usize) -> String {
    match width {
        _ if UnicodeWidthStr::width(text) <= width => text.to_string(),
        0 => String::new(),
        _ => crate::toolkit::render::clip(text, width - 1) + "…",
    }
}

/// The text of a laid-out line, pieces joined.
pub fn text_of(line: &[Piece]) -> String {
    line.iter().map(|p| p.text.as_str()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrap_cuts_where_render_does_and_keeps_the_tones() {
        let text = "Listen actively and without judgement to colleagues";
        let mut styled = Vec::new();
        wrap_into(
            &mut styled,
            text,
            20,
            ("key   ", "      "),
            Style::default(),
            Style::default(),
        );
        let mut toned = Vec::new();
        wrap(
            &mut toned,
            text,
            20,
            ("key   ", "      "),
            Tone::Text,
            Tone::Label,
        );
        let as_text: Vec<String> = toned.iter().map(|l| text_of(l)).collect();
        let expected: Vec<String> = styled.iter().map(ToString::to_string).collect();
        assert_eq!(as_text, expected);
        assert!(toned.len() > 1);
        for line in &toned {
            assert_eq!(line.len(), 2, "{line:?}");
            assert_eq!(line[0].tone, Tone::Label);
            assert_eq!(line[1].tone, Tone::Text);
        }
    }

    #[test]
    fn without_a_prefix_every_piece_is_in_the_words_tone() {
        let mut toned = Vec::new();
        wrap(
            &mut toned,
            "a b c d e f",
            3,
            ("", ""),
            Tone::Quiet,
            Tone::Label,
        );
        assert_eq!(toned.len(), 3);
        assert!(toned.iter().flatten().all(|p| p.tone == Tone::Quiet));
    }

    #[test]
    fn fit_cuts_with_an_ellipsis() {
        assert_eq!(fit("hello", 5), "hello");
        assert_eq!(fit("hello", 4), "hel…");
        assert_eq!(fit("hello", 0), "");
    }
}
