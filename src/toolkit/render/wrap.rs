//! Wrapping and clipping text to a width in terminal columns: the two
//! measures every line of the toolkit's layout goes through.

use ratatui::style::Style;
use ratatui::text::{Line, Span};
use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

/// Wraps `text` to `width` columns, giving the first line the prefix `first`
/// and the others `rest`, breaking words longer than a line. Where the width
/// cannot fit a prefix and some text, the prefixes are dropped. Control
/// characters in `text` are shown as visible escapes
/// ([`crate::sanitise::printable`]), on screen as in plain text.
pub fn wrap_into(
    out: &mut Vec<Line<'static>>,
    text: &str,
    width: u16,
    (first, rest): (&str, &str),
    style: Style,
    prefix_style: Style,
) {
    let text = crate::sanitise::printable(text);
    let width = usize::from(width.max(1));
    let indent = UnicodeWidthStr::width(first).max(UnicodeWidthStr::width(rest));
    let (first, rest) = if indent < width {
        (first, rest)
    } else {
        ("", "")
    };
    let options = textwrap::Options::new(width)
        .initial_indent(first)
        .subsequent_indent(rest)
        .break_words(true)
        .wrap_algorithm(textwrap::WrapAlgorithm::FirstFit)
        .word_separator(textwrap::WordSeparator::AsciiSpace);
    for (n, wrapped) in textwrap::wrap(&text, options).into_iter().enumerate() {
        let prefix = if n == 0 { first } else { rest };
        let body = wrapped.strip_prefix(prefix).unwrap_or(&wrapped);
        // A character wider than the whole width (CJK in one column) cannot
        // be shown: cut it rather than overflow.
        let room = width.saturating_sub(UnicodeWidthStr::width(prefix));
        let body = clip(body, room);
        let mut spans = Vec::with_capacity(2);
        if !prefix.is_empty() {
            spans.push(Span::styled(prefix.to_string(), prefix_style));
        }
        spans.push(Span::styled(body, style));
        out.push(Line::from(spans));
    }
}

/// The longest start of `text` at most `width` columns wide, cut between
/// grapheme clusters so an emoji sequence or an accented letter stays whole.
/// Linear in the text: a long note's first line is clipped on every frame.
pub fn clip(text: &str, width: usize) -> String {
    if UnicodeWidthStr::width(text) <= width {
        return text.to_string();
    }
    let mut out = String::new();
    let mut used = 0;
    for grapheme in text.graphemes(true) {
        used += UnicodeWidthStr::width(grapheme);
        if used > width {
            break;
        }
        out.push_str(grapheme);
    }
    // Clusters measured apart could in principle add up to less than the
    // whole (width has some context rules): cut clusters until it fits.
    while UnicodeWidthStr::width(out.as_str()) > width {
        let last = out
            .grapheme_indices(true)
            .next_back()
            .map_or(0, |(at, _)| at);
        out.truncate(last);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clip_keeps_clusters_whole_and_never_overflows() {
        let family = "👩\u{200d}👩\u{200d}👧";
        assert_eq!(clip(&format!("ab{family}cd"), 3), "ab");
        assert_eq!(clip(&format!("ab{family}cd"), 4), format!("ab{family}"));
        assert_eq!(clip("e\u{301}e\u{301}e", 2), "e\u{301}e\u{301}");
        assert_eq!(clip("你好世界", 5), "你好");
        assert_eq!(clip("你好", 1), "");
        assert_eq!(clip("short", 80), "short");
        let long = "w".repeat(100_000);
        assert_eq!(clip(&long, 300).len(), 300);
        for width in 0..12 {
            let text = format!("x{family}你e\u{301}שלום");
            assert!(UnicodeWidthStr::width(clip(&text, width).as_str()) <= width);
        }
    }

    #[test]
    fn long_words_and_wide_characters_wrap_inside_the_width() {
        let mut out = Vec::new();
        let text = format!("{} 你好世界你好世界 👩‍👩‍👧 e\u{301}", "x".repeat(1000));
        wrap_into(
            &mut out,
            &text,
            10,
            ("  • ", "    "),
            Style::new(),
            Style::new(),
        );
        assert!(out.len() > 100);
        assert!(out.iter().all(|l| l.width() <= 10), "{out:?}");
    }

    #[test]
    fn text_width_is_display_width() {
        assert_eq!(UnicodeWidthStr::width("你好"), 4);
    }
}
