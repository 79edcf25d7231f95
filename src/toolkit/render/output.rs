//! Laid-out lines as text for a terminal or a screen reader: plain, or
//! with their styles as escape codes, any control character in the text
//! shown as a visible escape.

use ratatui::text::Line;

/// Lines as plain text, one per line, for the command line and screen
/// readers, with any control character shown as a visible escape.
pub fn plain(lines: &[Line<'_>]) -> String {
    let mut text = String::new();
    for line in lines {
        let mut row: String = line
            .spans
            .iter()
            .map(|s| crate::sanitise::printable(&s.content))
            .collect();
        let trimmed = row.trim_end().len();
        row.truncate(trimmed);
        text.push_str(&row);
        text.push('\n');
    }
    text
}

/// Lines with their styles as terminal escape codes (bold, italic,
/// underline, reverse, basic colours), for `read --color always`. The text
/// inside the codes is made printable, so these codes are the only ones.
pub fn ansi(lines: &[Line<'_>]) -> String {
    use ratatui::style::{Color, Modifier};
    let mut text = String::new();
    for line in lines {
        for span in &line.spans {
            let content = crate::sanitise::printable(&span.content);
            let style = span.style;
            let mut codes: Vec<&str> = Vec::new();
            for (modifier, code) in [
                (Modifier::BOLD, "1"),
                (Modifier::ITALIC, "3"),
                (Modifier::UNDERLINED, "4"),
                (Modifier::REVERSED, "7"),
            ] {
                if style.add_modifier.contains(modifier) {
                    codes.push(code);
                }
            }
            let colour = match style.fg {
                Some(Color::Red) => "31",
                Some(Color::Green) => "32",
                Some(Color::Yellow) => "33",
                Some(Color::Blue) => "34",
                Some(Color::Magenta) => "35",
                Some(Color::Cyan) => "36",
                Some(Color::DarkGray) => "90",
                _ => "",
            };
            if !colour.is_empty() {
                codes.push(colour);
            }
            if codes.is_empty() {
                text.push_str(&content);
            } else {
                text.push_str(&format!("\x1b[{}m{content}\x1b[0m", codes.join(";")));
            }
        }
        let trimmed = text.trim_end_matches(' ').len();
        text.truncate(trimmed);
        text.push('\n');
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::toolkit::render::wrap_into;
    use ratatui::style::Style;
    use ratatui::text::Span;

    #[test]
    fn ansi_marks_bold_and_colour_and_resets() {
        use ratatui::style::{Color, Modifier};
        let bold = Style::new().add_modifier(Modifier::BOLD).fg(Color::Cyan);
        let lines = vec![Line::from(vec![
            Span::styled("Title", bold),
            Span::raw(" rest"),
        ])];
        assert_eq!(ansi(&lines), "\x1b[1;36mTitle\x1b[0m rest\n");
    }

    #[test]
    fn control_sequences_in_text_are_shown_not_sent() {
        let mut lines = Vec::new();
        let hostile = "Hi\x1b]52;c;aGk=\x07 there\u{9b}2J";
        wrap_into(
            &mut lines,
            hostile,
            80,
            ("", ""),
            Style::new(),
            Style::new(),
        );
        lines.push(Line::from(Span::styled(
            "\x1b]0;title\x07",
            Style::new().fg(ratatui::style::Color::Cyan),
        )));
        for text in [
            plain(&lines),
            ansi(&lines).replace("\x1b[36m", "").replace("\x1b[0m", ""),
        ] {
            assert!(!text.chars().any(crate::sanitise::is_unsafe), "{text:?}");
            assert!(
                text.contains("Hi\\u001b]52;c;aGk=\\u0007 there\\u009b2J"),
                "{text:?}"
            );
        }
    }

    #[test]
    fn plain_text_drops_trailing_spaces() {
        let lines = vec![Line::from("a  "), Line::from(""), Line::from(" b")];
        assert_eq!(plain(&lines), "a\n\n b\n");
    }
}
