//! Web addresses in plain `read` output stay whole: a screen reader reads
//! them out and a person copies them, and either fails on an address cut
//! over two lines. The full-screen app must keep inside its width (its `o`
//! window gives every address whole); printed text may run past it.

use crate::toolkit::content::{Block, Toolkit};
use crate::toolkit::render;
use ratatui::style::Style;
use ratatui::text::Line;

/// `--width 0`: no wrapping at all (each paragraph on one line).
pub const NO_WRAP: u16 = 0;

/// The width to lay text out at: `width`, or unlimited for [`NO_WRAP`].
pub fn layout_width(width: u16) -> u16 {
    if width == NO_WRAP {
        render::UNWRAPPED
    } else {
        width
    }
}

/// `text` (section `index` laid out at `width`, through `output`: plain or
/// ANSI) with each of the section's web addresses that was cut over lines
/// put back on one line.
pub fn keep_whole(
    text: String,
    toolkit: &Toolkit,
    index: usize,
    width: u16,
    output: fn(&[Line<'_>]) -> String,
    style: Style,
) -> String {
    let Some(entry) = toolkit.entry(index) else {
        return text;
    };
    let urls = entry.section.blocks.iter().flat_map(|block| match block {
        Block::Links(links) => links.iter().filter_map(|l| l.url.as_deref()).collect(),
        _ => Vec::new(),
    });
    let mut text = text;
    for url in urls {
        // The same call the layout made (render's link lines), cut and whole.
        let laid = |width: u16| {
            let mut lines = Vec::new();
            render::wrap_into(&mut lines, url, width, ("    ", "    "), style, style);
            output(&lines)
        };
        // (A section is laid out no wider than render's measure.)
        let measure = if width == render::UNWRAPPED {
            width
        } else {
            width.min(render::MAX_TEXT_WIDTH)
        };
        let (cut, whole) = (laid(measure), laid(render::UNWRAPPED));
        if cut != whole {
            text = text.replace(&cut, &whole);
        }
    }
    text
}
