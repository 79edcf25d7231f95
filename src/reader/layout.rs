//! Where each pane goes for a given terminal size. Pure, so `update` (for
//! scroll limits and mouse clicks) and the views always agree.
//!
//! The windows whose height depends on their text are laid out here too,
//! without styles: `help` (its lines) and `journal` (its rows, and which
//! of them open a section), in the tones of `lines`. The views only style
//! and draw them, so `update` never needs a view.

use ratatui::layout::Rect;

/// Below this width the contents would squeeze the text: hide it behind `t`.
pub const NARROW_WIDTH: u16 = 70;
/// Smallest screen that can show anything readable.
pub const MIN_WIDTH: u16 = 24;
/// Smallest height that can show anything readable.
pub const MIN_HEIGHT: u16 = 8;
/// Width of the contents pane on wide screens, borders included, before
/// the screen has room to spare for whole titles.
pub const CONTENTS_WIDTH: u16 = 30;
/// The text pane at its comfortable reading width, borders and padding
/// included: the contents grow only into columns beyond this.
pub const TEXT_PANE_WIDTH: u16 = crate::toolkit::render::MAX_TEXT_WIDTH + 4;

/// The reading view's rectangles.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ReaderLayout {
    /// The one-line title bar.
    pub title: Rect,
    /// The contents pane, when it is shown.
    pub contents: Option<Rect>,
    /// The text pane, when it is shown (narrow screens show one or the other).
    pub text: Option<Rect>,
    /// The one-line status bar.
    pub status: Rect,
}

/// Whether a screen is too small to read on.
pub fn too_small(area: Rect) -> bool {
    area.width < MIN_WIDTH || area.height < MIN_HEIGHT
}

/// Whether the screen is narrow enough that contents and text take turns.
pub fn is_narrow(area: Rect) -> bool {
    area.width < NARROW_WIDTH
}

/// The reading view's panes, or `None` when the screen is too small.
pub fn reader(area: Rect, contents_shown: bool) -> Option<ReaderLayout> {
    reader_for(area, contents_shown, CONTENTS_WIDTH)
}

/// The contents pane's width: as before on small screens (a third, at most
/// [`CONTENTS_WIDTH`]), growing towards `wanted` (every title in full) with
/// the columns the text pane cannot use.
pub fn contents_width(body_width: u16, wanted: u16) -> u16 {
    let base = CONTENTS_WIDTH.min(body_width / 3);
    let spare = body_width.saturating_sub(TEXT_PANE_WIDTH);
    base.max(wanted.min(spare))
}

/// The reading view's panes, the contents sized for rows `wanted` columns
/// wide (borders included) where the screen allows; `None` when it is too
/// small.
pub fn reader_for(area: Rect, contents_shown: bool, wanted: u16) -> Option<ReaderLayout> {
    if too_small(area) {
        return None;
    }
    let title = Rect { height: 1, ..area };
    let status = Rect {
        y: area.bottom() - 1,
        height: 1,
        ..area
    };
    let body = Rect {
        y: area.y + 1,
        height: area.height - 2,
        ..area
    };
    let (contents, text) = match (contents_shown, is_narrow(area)) {
        (false, _) => (None, Some(body)),
        (true, true) => (Some(body), None),
        (true, false) => {
            let width = contents_width(body.width, wanted);
            let contents = Rect { width, ..body };
            let text = Rect {
                x: body.x + width,
                width: body.width - width,
                ..body
            };
            (Some(contents), Some(text))
        }
    };
    Some(ReaderLayout {
        title,
        contents,
        text,
        status,
    })
}

/// The area inside a bordered pane with one column of padding each side:
/// where text goes.
pub fn text_inner(pane: Rect) -> Rect {
    Rect {
        x: pane.x.saturating_add(2),
        y: pane.y.saturating_add(1),
        width: pane.width.saturating_sub(4),
        height: pane.height.saturating_sub(2),
    }
}

/// The area inside a bordered pane: where list rows go.
pub fn list_inner(pane: Rect) -> Rect {
    Rect {
        x: pane.x.saturating_add(1),
        y: pane.y.saturating_add(1),
        width: pane.width.saturating_sub(2),
        height: pane.height.saturating_sub(2),
    }
}

/// A centred rectangle inside an area (the terminal's, shared with the presenter).
pub use crate::terminal::centred;

pub mod lines;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wide_screens_show_contents_beside_text() {
        let l = reader(Rect::new(0, 0, 80, 24), true).unwrap();
        let (contents, text) = (l.contents.unwrap(), l.text.unwrap());
        assert_eq!(contents.width + text.width, 80);
        assert_eq!(contents.height, 22);
        assert_eq!(l.status.y, 23);
    }

    #[test]
    fn the_contents_grow_only_into_columns_the_text_cannot_use() {
        assert_eq!(contents_width(80, 70), 26, "80 columns: as before");
        assert_eq!(contents_width(120, 70), 40, "the text keeps 80");
        assert_eq!(contents_width(200, 70), 70, "whole titles");
        assert_eq!(contents_width(200, 10), 30, "never smaller than before");
        let l = reader_for(Rect::new(0, 0, 200, 60), true, 70).unwrap();
        assert_eq!(l.contents.unwrap().width, 70);
        assert_eq!(l.text.unwrap().width, 130);
    }

    #[test]
    fn narrow_screens_show_one_pane_at_a_time() {
        let area = Rect::new(0, 0, 40, 12);
        let shown = reader(area, true).unwrap();
        assert!(shown.contents.is_some() && shown.text.is_none());
        let hidden = reader(area, false).unwrap();
        assert!(hidden.contents.is_none() && hidden.text.is_some());
    }

    #[test]
    fn tiny_screens_get_no_layout() {
        assert!(reader(Rect::new(0, 0, 23, 24), true).is_none());
        assert!(reader(Rect::new(0, 0, 80, 7), true).is_none());
        assert!(reader(Rect::new(0, 0, 0, 0), true).is_none());
    }
}
