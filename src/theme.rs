//! Styles for every view in one place, so a theme can change them all and
//! no view carries meaning by colour alone. Loose in `src/` because it
//! belongs to no one part: the toolkit's rendering, the reader and the
//! presenter all style with it, and it uses none of them.

use ratatui::style::{Color, Modifier, Style};

/// The themes a person can choose (`--theme`), remembered in the settings.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Default,
    clap::ValueEnum,
    serde::Serialize,
    serde::Deserialize,
)]
#[serde(rename_all = "kebab-case")]
pub enum ThemeName {
    /// The terminal's own colours, with a little colour for headings.
    #[default]
    Default,
    /// White on black, bold headings: for low vision and bright rooms.
    HighContrast,
    /// No colour at all: bold, underline and reverse video only.
    Mono,
}

impl ThemeName {
    /// The theme after this one, round again: what `T` switches to.
    pub fn next(self) -> Self {
        match self {
            ThemeName::Default => ThemeName::HighContrast,
            ThemeName::HighContrast => ThemeName::Mono,
            ThemeName::Mono => ThemeName::Default,
        }
    }

    /// The name as a person says it.
    pub fn words(self) -> &'static str {
        match self {
            ThemeName::Default => "default",
            ThemeName::HighContrast => "high contrast",
            ThemeName::Mono => "mono, no colour",
        }
    }
}

/// The styles the views draw with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    /// Painted over the whole screen first (the terminal's own by default).
    pub base: Style,
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
            base: plain,
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
            base: plain,
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

    /// White on black with bold, underlined headings: the strongest contrast.
    pub fn high_contrast() -> Self {
        let plain = Style::new().fg(Color::White).bg(Color::Black);
        let strong = plain.add_modifier(Modifier::BOLD);
        Theme {
            base: plain,
            title_bar: strong.add_modifier(Modifier::REVERSED),
            heading: strong.add_modifier(Modifier::UNDERLINED),
            quiet: plain,
            text: plain,
            quote: plain.add_modifier(Modifier::ITALIC),
            link: strong
                .add_modifier(Modifier::UNDERLINED)
                .fg(Color::LightCyan),
            label: strong.fg(Color::LightYellow),
            selected: strong.add_modifier(Modifier::REVERSED),
            part: strong,
            status: strong.add_modifier(Modifier::REVERSED),
            border: plain,
            border_focused: strong.fg(Color::LightYellow),
        }
    }

    /// The theme for a name.
    pub fn named(name: ThemeName) -> Self {
        match name {
            ThemeName::Default => Self::standard(),
            ThemeName::HighContrast => Self::high_contrast(),
            ThemeName::Mono => Self::mono(),
        }
    }

    /// The chosen theme, except that `NO_COLOR` (set and non-empty) always
    /// means `mono`, whatever else is set.
    pub fn choose(name: ThemeName, no_color: Option<&std::ffi::OsStr>) -> Self {
        if no_color_requested(no_color) {
            Self::mono()
        } else {
            Self::named(name)
        }
    }

    /// `mono` when `NO_COLOR` is set to anything non-empty, else `standard`.
    pub fn from_env() -> Self {
        Self::choose(ThemeName::Default, std::env::var_os("NO_COLOR").as_deref())
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

    /// Every style of a theme.
    fn styles(t: &Theme) -> [Style; 13] {
        [
            t.base,
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
        ]
    }

    #[test]
    fn mono_has_no_colour_anywhere() {
        for style in styles(&Theme::mono()) {
            assert!(!has_colour(style), "{style:?}");
        }
    }

    #[test]
    fn the_default_theme_keeps_the_terminals_own_text_and_background() {
        let t = Theme::standard();
        for style in [t.base, t.text, t.quote, t.selected, t.part, t.status] {
            assert!(!has_colour(style), "{style:?}");
        }
        for style in styles(&t) {
            assert!(style.bg.is_none_or(|c| c == Color::Reset), "{style:?}");
        }
    }

    #[test]
    fn selection_shows_without_colour() {
        for t in [Theme::standard(), Theme::mono()] {
            assert!(t.selected.add_modifier.contains(Modifier::REVERSED));
        }
    }

    #[test]
    fn no_color_wins_over_any_chosen_theme() {
        use std::ffi::OsStr;
        for name in [ThemeName::Default, ThemeName::HighContrast, ThemeName::Mono] {
            assert_eq!(Theme::choose(name, Some(OsStr::new("1"))), Theme::mono());
        }
        assert_eq!(
            Theme::choose(ThemeName::HighContrast, None),
            Theme::high_contrast()
        );
        assert_eq!(
            Theme::choose(ThemeName::HighContrast, Some(OsStr::new(""))),
            Theme::high_contrast()
        );
    }

    #[test]
    fn high_contrast_paints_its_own_background() {
        let t = Theme::high_contrast();
        assert_eq!(t.base.bg, Some(Color::Black));
        assert!(t.heading.add_modifier.contains(Modifier::BOLD));
    }

    #[test]
    fn no_color_counts_only_when_non_empty() {
        use std::ffi::OsStr;
        assert!(no_color_requested(Some(OsStr::new("1"))));
        assert!(!no_color_requested(Some(OsStr::new(""))));
        assert!(!no_color_requested(None));
    }
}
