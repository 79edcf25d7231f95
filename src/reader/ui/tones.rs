//! Laid-out text (`layout::lines`: pieces of text in tones) in a theme's
//! styles. Layout measures in tones so `update` needs no view; the views
//! colour the pieces here, so the theme itself needs nothing from the reader.

use crate::reader::layout::lines::{Piece, Tone};
use crate::theme::Theme;
use ratatui::style::Style;
use ratatui::text::{Line, Span};

impl Theme {
    /// The style for a tone of laid-out text (`layout::lines`).
    pub fn of(&self, tone: Tone) -> Style {
        match tone {
            Tone::Plain => Style::default(),
            Tone::Heading => self.heading,
            Tone::Label => self.label,
            Tone::Text => self.text,
            Tone::Quiet => self.quiet,
        }
    }

    /// A laid-out line in this theme's styles, a span per piece.
    pub fn line(&self, pieces: &[Piece]) -> Line<'static> {
        Line::from(
            pieces
                .iter()
                .map(|p| Span::styled(p.text.clone(), self.of(p.tone)))
                .collect::<Vec<_>>(),
        )
    }
}
