//! Scrolling what the view fits to the screen (a step's text, the help):
//! the presenter's Up and Down, kept within the ends the view last drew.

use std::cell::Cell;

/// How far the presenter has scrolled something the view fits to the
/// screen (the text of a step, the help), in lines from where the view
/// would put it by itself. The view notes how far it can go each way as
/// it draws, so scrolling stops at either end whatever the screen size.
#[derive(Debug, Clone, Default)]
pub struct Scroll {
    by: isize,
    reach: Cell<Option<(usize, usize)>>,
    rows: Cell<usize>,
}

impl Scroll {
    /// Lines down (negative: up) from where the view would put the text.
    pub fn by(&self) -> isize {
        self.by
    }

    /// Notes, as drawn, how many lines the text can move `up` and `down`
    /// from where the view puts it by itself.
    pub fn note_reach(&self, (up, down): (usize, usize)) {
        self.reach.set(Some((up, down)));
    }

    /// Notes, as drawn, how many rows of text show at once, so a page
    /// down ([`Scroll::page_down`]) moves by what was on screen.
    pub fn note_rows(&self, rows: usize) {
        self.rows.set(rows);
    }

    /// Whether text drawn last time is still below the screen.
    pub(super) fn more_below(&self) -> bool {
        self.reach
            .get()
            .is_some_and(|(_, down)| self.by < isize::try_from(down).unwrap_or(isize::MAX))
    }

    /// Moves down by a screen less one line (kept, so the eye finds its
    /// place), at least one line, within the reach last drawn.
    pub(super) fn page_down(&mut self) {
        let page = self.rows.get().saturating_sub(1).max(1);
        self.move_by(isize::try_from(page).unwrap_or(1));
    }

    /// Moves `lines` down (up when negative), within the reach last drawn.
    pub(super) fn move_by(&mut self, lines: isize) {
        let by = self.by.saturating_add(lines);
        self.by = match self.reach.get() {
            Some((up, down)) => {
                let up = isize::try_from(up).unwrap_or(isize::MAX);
                let down = isize::try_from(down).unwrap_or(isize::MAX);
                by.clamp(-up, down)
            }
            None => by,
        };
    }

    /// Back to where the view puts the text by itself (a new step, a new window).
    pub(super) fn reset(&mut self) {
        *self = Scroll::default();
    }
}
