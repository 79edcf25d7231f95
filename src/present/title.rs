//! A section title in block letters (`tui-big-text`), when it fits: the
//! title is measured at each letter size, largest first, and plain bold
//! is used when no size fits whole words in the room given.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::Widget;
use tui_big_text::{BigText, PixelSize};

/// The smallest screen that shows block letters.
pub const BIG_MIN_WIDTH: u16 = 100;
/// The smallest screen height that shows block letters.
pub const BIG_MIN_HEIGHT: u16 = 30;
/// The most lines of block letters a title may take.
const MAX_LINES: usize = 3;

/// Letter sizes tried, largest first, with the cells one letter takes.
/// (Sixths and eighths of a cell look odd in many terminals: not used.)
const SIZES: [(PixelSize, u16, u16); 3] = [
    (PixelSize::Full, 8, 8),
    (PixelSize::HalfHeight, 8, 4),
    (PixelSize::Quadrant, 4, 4),
];

/// A title laid out in block letters.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BigTitle {
    size: PixelSize,
    lines: Vec<String>,
    /// Screen rows it takes.
    pub rows: u16,
}

/// The title with typographic punctuation made plain, or `None` if it has
/// a character the block font may lack (it would show as a gap).
fn drawable(title: &str) -> Option<String> {
    let mut out = String::with_capacity(title.len());
    for c in title.chars() {
        match c {
            '‘' | '’' => out.push('\''),
            '“' | '”' => out.push('"'),
            '–' | '—' => out.push('-'),
            '…' => out.push_str("..."),
            c if c.is_ascii_whitespace() => out.push(' '),
            c if c.is_ascii_graphic() => out.push(c),
            _ => return None,
        }
    }
    Some(out)
}

/// Whole words in lines of at most `per_line` letters; `None` if a word is longer.
fn wrap_words(text: &str, per_line: usize) -> Option<Vec<String>> {
    let mut lines: Vec<String> = Vec::new();
    for word in text.split_whitespace() {
        if word.len() > per_line {
            return None;
        }
        match lines.last_mut() {
            Some(line) if line.len() + 1 + word.len() <= per_line => {
                line.push(' ');
                line.push_str(word);
            }
            _ => lines.push(word.to_string()),
        }
    }
    (!lines.is_empty()).then_some(lines)
}

/// The largest block-letter layout of `title` that fits `width` columns
/// and `max_rows` rows, on a screen of at least 100x30; else `None`.
pub fn big_title(title: &str, screen: Rect, width: u16, max_rows: u16) -> Option<BigTitle> {
    if screen.width < BIG_MIN_WIDTH || screen.height < BIG_MIN_HEIGHT {
        return None;
    }
    let text = drawable(title)?;
    SIZES
        .iter()
        .find_map(|&(size, letter_width, letter_height)| {
            let per_line = usize::from(width / letter_width);
            let lines = wrap_words(&text, per_line)?;
            let count = u16::try_from(lines.len()).ok()?;
            let rows = count.checked_mul(letter_height)?;
            (lines.len() <= MAX_LINES && rows <= max_rows).then_some(BigTitle { size, lines, rows })
        })
}

impl BigTitle {
    /// Draws the title centred in `area`, in `style`.
    pub fn render(&self, area: Rect, buf: &mut Buffer, style: Style) {
        let lines: Vec<Line<'static>> = self.lines.iter().cloned().map(Line::from).collect();
        BigText::builder()
            .pixel_size(self.size)
            .style(style)
            .lines(lines)
            .centered()
            .build()
            .render(area, buf);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const WIDE: Rect = Rect::new(0, 0, 200, 50);

    #[test]
    fn the_largest_size_that_fits_is_chosen() {
        let short = big_title("Books", WIDE, 196, 12).unwrap();
        assert_eq!((short.size, short.rows), (PixelSize::Full, 8));
        let long = big_title("Listen actively and without judgement", WIDE, 196, 12).unwrap();
        assert_eq!(long.size, PixelSize::HalfHeight);
        assert_eq!(long.lines, ["Listen actively and", "without judgement"]);
    }

    #[test]
    fn too_long_or_undrawable_titles_fall_back() {
        let long = "word ".repeat(60);
        assert_eq!(big_title(&long, WIDE, 196, 12), None);
        assert_eq!(big_title(&"x".repeat(60), WIDE, 196, 12), None);
        assert_eq!(big_title("你好", WIDE, 196, 12), None);
        assert_eq!(big_title("Books", Rect::new(0, 0, 99, 50), 95, 12), None);
        assert_eq!(big_title("Books", Rect::new(0, 0, 200, 29), 196, 12), None);
        assert!(big_title("Everyone’s job — now", WIDE, 196, 12).is_some());
    }
}
