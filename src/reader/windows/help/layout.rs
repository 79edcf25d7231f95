//! The help window laid out for a screen: where it goes, its lines (the
//! keys of the window it was opened from, from that window's key table) and
//! how far they scroll. `update` scrolls with these; `draw.rs` draws them.

use crate::reader::app::Overlay;
use crate::reader::keymap::{self, Binding};
use crate::reader::layout::lines::{Pieces, Tone, wrap};
use ratatui::layout::Rect;

/// Widest the help window grows, so lines stay easy to read.
const HELP_WIDTH: u16 = 72;
/// Width of the key column.
const KEY_COLUMN: usize = 22;

/// Where the help window goes on a screen of this size.
pub fn area(screen: Rect) -> Rect {
    crate::reader::layout::centred(screen, HELP_WIDTH, screen.height.saturating_sub(2))
}

/// Where its text goes.
pub fn inner(screen: Rect) -> Rect {
    crate::reader::layout::text_inner(area(screen))
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
        Some(Overlay::Search { .. }) => ("Keys in the search box", TYPED),
        Some(Overlay::Commit(window)) if window.on_date => (
            "Keys on the review date of a commitment",
            "The date is shown in words as it changes; a year ahead at most.",
        ),
        Some(Overlay::Commit(_)) => ("Keys in the commitment window (\"I will …\")", TYPED),
        Some(Overlay::CheckIn(window))
            if window.focus == crate::reader::app::CheckInFocus::Answer =>
        {
            ("Keys in the check-in: how did it go?", TYPED)
        }
        Some(Overlay::CheckIn(_)) => (
            "Keys on the check-in's choices",
            "Typing a letter goes back to your answer.",
        ),
        Some(Overlay::Choose { .. }) => (
            "Keys in the choose window",
            "Nothing is scored: every option's feedback says what it does well or misses.",
        ),
        Some(Overlay::Help { .. } | Overlay::ConfirmQuit) | None => (
            "Keys in the reading view",
            "Every screen can also be read as plain text: run `allyship --help` to see the \
             commands (`allyship list`, `allyship read 12`).",
        ),
    }
}

/// The help text for the window `under` (`None`: the reading view) at a
/// given width: a heading, one entry per key of its table, a closing line.
pub fn lines(under: Option<&Overlay>, width: u16) -> Vec<Pieces> {
    let mut out = Vec::new();
    let (heading, closing) = about(under);
    wrap(
        &mut out,
        heading,
        width,
        ("", ""),
        Tone::Heading,
        Tone::Heading,
    );
    out.push(Pieces::new());
    let table = match under {
        Some(Overlay::Help { .. } | Overlay::ConfirmQuit) | None => keymap::READER,
        Some(window) => keymap::table(Some(window)),
    };
    binding_lines(&mut out, table, width);
    if !closing.is_empty() {
        out.push(Pieces::new());
        wrap(&mut out, closing, width, ("", ""), Tone::Text, Tone::Text);
    }
    out
}

fn binding_lines(out: &mut Vec<Pieces>, bindings: &[Binding], width: u16) {
    for binding in bindings {
        let keys = keymap::describe_keys(binding);
        if usize::from(width) >= KEY_COLUMN + 20 {
            let first = format!("{keys:<KEY_COLUMN$}");
            let rest = " ".repeat(KEY_COLUMN);
            let prefixes = (first.as_str(), rest.as_str());
            wrap(out, binding.does, width, prefixes, Tone::Text, Tone::Label);
        } else {
            wrap(out, &keys, width, ("", ""), Tone::Label, Tone::Label);
            wrap(
                out,
                binding.does,
                width,
                ("  ", "  "),
                Tone::Text,
                Tone::Text,
            );
        }
    }
}

/// How many lines the help for `under` takes at a width.
pub fn height(under: Option<&Overlay>, width: u16) -> usize {
    lines(under, width).len()
}

/// Rows the help text moves for a page.
pub fn page(screen: Rect) -> u16 {
    inner(screen).height.saturating_sub(1)
}

/// The furthest the help for `under` can scroll at this size.
pub fn max_scroll(screen: Rect, under: Option<&Overlay>) -> u16 {
    let inner = inner(screen);
    let count = height(under, inner.width);
    u16::try_from(count.saturating_sub(usize::from(inner.height))).unwrap_or(u16::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::reader::layout::lines::text_of;

    #[test]
    fn the_reading_help_has_a_line_per_key_when_there_is_room_for_a_key_column() {
        let wide = lines(None, 68);
        assert_eq!(text_of(&wide[0]), "Keys in the reading view");
        assert!(wide[1].is_empty(), "a blank line under the heading");
        // Every binding gets at least one line of its own.
        assert!(wide.len() >= 2 + keymap::READER.len());
        let with_key = wide.iter().filter(|l| l.len() == 2).count();
        assert!(with_key >= keymap::READER.len(), "key column then words");
        assert_eq!(height(None, 68), wide.len());
    }

    #[test]
    fn narrow_help_puts_keys_above_their_words_so_it_is_taller() {
        let wide = height(None, 68);
        let narrow = height(None, 30);
        assert!(narrow > wide, "{narrow} lines at 30 vs {wide} at 68");
        assert!(
            lines(None, 30)
                .iter()
                .all(|l| l.iter().map(|p| p.text.chars().count()).sum::<usize>() <= 30)
        );
    }

    #[test]
    fn max_scroll_is_what_is_left_below_the_window() {
        // 80x24: the window is 72 wide and 22 high, text 68 by 20.
        let screen = Rect::new(0, 0, 80, 24);
        assert_eq!(inner(screen), Rect::new(6, 2, 68, 20));
        let expected = height(None, 68).saturating_sub(20);
        assert_eq!(usize::from(max_scroll(screen, None)), expected);
        assert!(
            expected > 0,
            "the reading view's keys do not fit in 20 rows"
        );
        assert_eq!(page(screen), 19);
        // A screen taller than the text: nothing to scroll.
        assert_eq!(max_scroll(Rect::new(0, 0, 80, 200), None), 0);
    }

    #[test]
    fn each_window_gets_its_own_heading() {
        let journal = Overlay::Journal {
            selected: 0,
            scroll: 0,
        };
        let first = &lines(Some(&journal), 68)[0];
        assert_eq!(text_of(first), "Keys in your journal");
        assert_eq!(first[0].tone, Tone::Heading);
    }
}
