//! Styles for every view in one place, so a theme can change them all and
//! no view carries meaning by colour alone.

use ratatui::style::{Color, Modifier, Style};

/// The styles the views draw with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    /// The app's title bar.
    pub title_bar: Style,
    /// A section's title.
    pub heading: Style,
    /// The part name above a title, and other quiet text.
    pub quiet: Style,
    /// Body text.
    pub text: Style,
    /// Quotations.
    pub quote: Style,
    /// Links and cross-references.
    pub link: Style,
    /// Sub-headings such as "Reflect".
    pub label: Style,
    /// The selected entry in a list (reverse video, so it shows without colour).
    pub selected: Style,
    /// A part heading in the contents.
    pub part: Style,
    /// The status line.
    pub status: Style,
    /// Borders of panes and overlays.
    pub border: Style,
    /// The border of the pane that has focus.
    pub border_focused: Style,
}

impl Theme {
    /// Follows the terminal's own colours (`Color::Reset` backgrounds).
    pub fn standard() -> Self {
        let plain = Style::new();
        Theme {
            title_bar: plain.add_modifier(Modifier::BOLD | Modifier::REVERSED),
            heading: plain.add_modifier(Modifier::BOLD).fg(Color::Cyan),
            quiet: plain.fg(Color::DarkGray),
            text: plain,
            quote: plain.add_modifier(Modifier::ITALIC),
            link: plain.add_modifier(Modifier::UNDERLINED).fg(Color::Blue),
            label: plain.add_modifier(Modifier::BOLD).fg(Color::Yellow),
            selected: plain.add_modifier(Modifier::REVERSED | Modifier::BOLD),
            part: plain.add_modifier(Modifier::BOLD),
            status: plain.add_modifier(Modifier::REVERSED),
            border: plain.fg(Color::DarkGray),
            border_focused: plain.add_modifier(Modifier::BOLD),
        }
    }

    /// No colour at all: bold, italic, underline and reverse video only.
    pub fn mono() -> Self {
        let plain = Style::new();
        Theme {
            title_bar: plain.add_modifier(Modifier::BOLD | Modifier::REVERSED),
            heading: plain.add_modifier(Modifier::BOLD),
            quiet: plain,
            text: plain,
            quote: plain.add_modifier(Modifier::ITALIC),
            link: plain.add_modifier(Modifier::UNDERLINED),
            label: plain.add_modifier(Modifier::BOLD),
            selected: plain.add_modifier(Modifier::REVERSED | Modifier::BOLD),
            part: plain.add_modifier(Modifier::BOLD),
            status: plain.add_modifier(Modifier::REVERSED),
            border: plain,
            border_focused: plain.add_modifier(Modifier::BOLD),
        }
    }

    /// `mono` when `NO_COLOR` is set to anything non-empty, else `standard`.
    pub fn from_env() -> Self {
        if no_color_requested(std::env::var_os("NO_COLOR").as_deref()) {
            Self::mono()
        } else {
            Self::standard()
        }
    }
}

/// `NO_COLOR` counts only when present and non-empty (no-color.org).
pub fn no_color_requested(value: Option<&std::ffi::OsStr>) -> bool {
    value.is_some_and(|v| !v.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn has_colour(style: Style) -> bool {
        style.fg.is_some_and(|c| c != Color::Reset) || style.bg.is_some_and(|c| c != Color::Reset)
    }

    #[test]
    fn mono_has_no_colour_anywhere() {
        let t = Theme::mono();
        for style in [
            t.title_bar,
            t.heading,
            t.quiet,
            t.text,
            t.quote,
            t.link,
            t.label,
            t.selected,
            t.part,
            t.status,
            t.border,
            t.border_focused,
        ] {
            assert!(!has_colour(style), "{style:?}");
        }
    }

    #[test]
    fn selection_shows_without_colour() {
        for t in [Theme::standard(), Theme::mono()] {
            assert!(t.selected.add_modifier.contains(Modifier::REVERSED));
        }
    }

    #[test]
    fn no_color_counts_only_when_non_empty() {
        use std::ffi::OsStr;
        assert!(no_color_requested(Some(OsStr::new("1"))));
        assert!(!no_color_requested(Some(OsStr::new(""))));
        assert!(!no_color_requested(None));
    }
}
