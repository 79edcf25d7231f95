//! The app state seen at the screen's size: where the panes go, the
//! contents list's rows, and the open section's lines wrapped to the text
//! pane (cached until the section, width, note or theme changes), with how
//! far they scroll and whether the text is on screen to count as reading.

use super::{App, ContentsRow};
use crate::reader::layout;
use crate::theme::Theme;
use crate::toolkit::render;
use ratatui::layout::Rect;
use ratatui::text::Line;
use std::rc::Rc;

/// Wrapped lines of one section at one width, with the note shown under it.
#[derive(Debug, Clone)]
pub(super) struct WrappedSection {
    section: usize,
    width: u16,
    /// The note's text as wrapped: a changed note rebuilds the lines.
    note: Option<String>,
    /// The option chosen on a scenario (from 1): choosing rebuilds them.
    chosen: Option<usize>,
    /// The theme they were styled with: switching theme rebuilds them.
    theme: Theme,
    lines: Rc<Vec<Line<'static>>>,
}

impl App {
    /// Whether the contents pane is on screen now.
    pub fn contents_shown(&self) -> bool {
        if layout::is_narrow(self.screen) {
            self.contents_open_narrow
        } else {
            !self.contents_hidden_wide
        }
    }

    /// The panes for the current screen size, if it is big enough.
    pub fn layout(&self) -> Option<layout::ReaderLayout> {
        layout::reader_for(self.screen, self.contents_shown(), self.contents_wanted())
    }

    /// Columns the contents need to show every row in full, borders
    /// included: "▶18 ✓★✎ " before a section's title, or a part's title.
    /// Measured once: the toolkit does not change while the app runs.
    fn contents_wanted(&self) -> u16 {
        *self.contents_wanted.get_or_init(|| self.measure_contents())
    }

    /// [`Self::contents_wanted`], measured.
    fn measure_contents(&self) -> u16 {
        use unicode_width::UnicodeWidthStr;
        let sections = self.toolkit.entries().map(|e| 8 + e.section.title.width());
        let parts = self.toolkit.parts.iter().map(|p| p.title.width());
        let widest = sections.chain(parts).max().unwrap_or(0);
        u16::try_from(widest.saturating_add(2)).unwrap_or(u16::MAX)
    }

    /// Rows of the contents list: each part heading followed by its sections.
    pub fn contents_rows(&self) -> Vec<ContentsRow> {
        let mut rows = Vec::with_capacity(self.toolkit.section_count() + self.toolkit.parts.len());
        let mut index = 0;
        for (part, p) in self.toolkit.parts.iter().enumerate() {
            rows.push(ContentsRow::Part(part));
            for _ in &p.sections {
                rows.push(ContentsRow::Section(index));
                index += 1;
            }
        }
        rows
    }

    /// The text pane's inner area (where lines go), if the text is shown.
    pub fn text_area(&self) -> Option<Rect> {
        self.layout().and_then(|l| l.text).map(layout::text_inner)
    }

    /// The contents pane's inner area (where rows go), if it is shown.
    pub fn contents_area(&self) -> Option<Rect> {
        self.layout()
            .and_then(|l| l.contents)
            .map(layout::list_inner)
    }

    /// The open section's lines, wrapped to the text pane, with the
    /// person's note under its prompts (cached until any of them changes).
    pub fn section_lines(&self) -> Rc<Vec<Line<'static>>> {
        let width = self.text_area().map_or(render::MAX_TEXT_WIDTH, |a| a.width);
        let note = self
            .current_id()
            .and_then(|id| self.journal.records.notes.get(id))
            .map(|n| n.text.as_str())
            .filter(|text| !text.trim().is_empty());
        let chosen = self.chosen();
        let mut cache = self.wrapped.borrow_mut();
        match cache.as_ref() {
            Some(w)
                if w.section == self.current
                    && w.width == width
                    && w.note.as_deref() == note
                    && w.chosen == chosen
                    && w.theme == self.theme =>
            {
                Rc::clone(&w.lines)
            }
            _ => {
                let mut lines =
                    render::reader_lines(&self.toolkit, self.current, width, &self.theme, chosen);
                if let Some(note) = note {
                    render::note_lines(&mut lines, note, width, &self.theme);
                }
                let lines = Rc::new(lines);
                *cache = Some(WrappedSection {
                    section: self.current,
                    width,
                    note: note.map(str::to_string),
                    chosen,
                    theme: self.theme,
                    lines: Rc::clone(&lines),
                });
                lines
            }
        }
    }

    /// How many lines the open section takes at the current text width.
    pub fn text_lines(&self) -> usize {
        self.section_lines().len()
    }

    /// The furthest the text can scroll: the last line at the bottom.
    pub fn max_scroll(&self) -> u16 {
        let height = self.text_area().map_or(0, |a| usize::from(a.height));
        let lines = self.text_lines();
        u16::try_from(lines.saturating_sub(height)).unwrap_or(u16::MAX)
    }

    /// The section whose text is on screen now, if nothing covers it: what
    /// counts towards reading it.
    pub fn reading(&self) -> Option<usize> {
        let covered =
            self.covered || self.overlay.is_some() || self.text_area().is_none_or(|a| a.is_empty());
        (!covered).then_some(self.current)
    }
}
