//! A section laid out as wrapped, styled lines: the one layout behind the
//! reading pane, `allyship read` and the help text, so they never disagree.

use crate::theme::Theme;
use crate::toolkit::content::{Block, Link, Toolkit};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

mod practice;
use practice::ChoiceView;
pub use practice::{CHOSEN_HEADING, OTHERS_HEADING, OUTCOMES_LABEL, feedback_lines, outcome_lines};

/// A comfortable reading width: longer lines are hard to follow.
pub const MAX_TEXT_WIDTH: u16 = 76;

/// Wraps `text` to `width` columns, giving the first line the prefix `first`
/// and the others `rest`, breaking words longer than a line. Where the width
/// cannot fit a prefix and some text, the prefixes are dropped. Control
/// characters in `text` are shown as visible escapes
/// ([`crate::sanitise::printable`]), on screen as in plain text.
pub fn wrap_into(
    out: &mut Vec<Line<'static>>,
    text: &str,
    width: u16,
    (first, rest): (&str, &str),
    style: Style,
    prefix_style: Style,
) {
    let text = crate::sanitise::printable(text);
    let width = usize::from(width.max(1));
    let indent = UnicodeWidthStr::width(first).max(UnicodeWidthStr::width(rest));
    let (first, rest) = if indent < width {
        (first, rest)
    } else {
        ("", "")
    };
    let options = textwrap::Options::new(width)
        .initial_indent(first)
        .subsequent_indent(rest)
        .break_words(true)
        .wrap_algorithm(textwrap::WrapAlgorithm::FirstFit)
        .word_separator(textwrap::WordSeparator::AsciiSpace);
    for (n, wrapped) in textwrap::wrap(&text, options).into_iter().enumerate() {
        let prefix = if n == 0 { first } else { rest };
        let body = wrapped.strip_prefix(prefix).unwrap_or(&wrapped);
        // A character wider than the whole width (CJK in one column) cannot
        // be shown: cut it rather than overflow.
        let room = width.saturating_sub(UnicodeWidthStr::width(prefix));
        let body = clip(body, room);
        let mut spans = Vec::with_capacity(2);
        if !prefix.is_empty() {
            spans.push(Span::styled(prefix.to_string(), prefix_style));
        }
        spans.push(Span::styled(body, style));
        out.push(Line::from(spans));
    }
}

/// The longest start of `text` at most `width` columns wide, cut between
/// grapheme clusters so an emoji sequence or an accented letter stays whole.
/// Linear in the text: a long note's first line is clipped on every frame.
pub fn clip(text: &str, width: usize) -> String {
    if UnicodeWidthStr::width(text) <= width {
        return text.to_string();
    }
    let mut out = String::new();
    let mut used = 0;
    for grapheme in text.graphemes(true) {
        used += UnicodeWidthStr::width(grapheme);
        if used > width {
            break;
        }
        out.push_str(grapheme);
    }
    // Clusters measured apart could in principle add up to less than the
    // whole (width has some context rules): cut clusters until it fits.
    while UnicodeWidthStr::width(out.as_str()) > width {
        let last = out
            .grapheme_indices(true)
            .next_back()
            .map_or(0, |(at, _)| at);
        out.truncate(last);
    }
    out
}

/// The lines of section `index` (reading order), wrapped to `width`: its
/// title, body and prompts. Where it sits (part, number) is for the caller
/// to show: the reader puts it in the pane's border and status line.
pub fn section_lines(
    toolkit: &Toolkit,
    index: usize,
    width: u16,
    theme: &Theme,
) -> Vec<Line<'static>> {
    section_lines_with(toolkit, index, width, theme, false)
}

/// [`section_lines`], and with `answers` a scenario's feedback under each
/// option (for `allyship read --answers`). A part's first section opens
/// with the part's outcomes, so they show wherever the part is entered.
pub fn section_lines_with(
    toolkit: &Toolkit,
    index: usize,
    width: u16,
    theme: &Theme,
    answers: bool,
) -> Vec<Line<'static>> {
    let view = if answers {
        ChoiceView::Answers
    } else {
        ChoiceView::Options
    };
    lines_with(toolkit, index, width, theme, view)
}

/// [`section_lines`] as the reader shows them: a scenario's options with
/// how to choose one, and once one is `chosen` (from 1), its feedback and
/// then the other options' (see [`practice::chosen_lines`]).
pub fn reader_lines(
    toolkit: &Toolkit,
    index: usize,
    width: u16,
    theme: &Theme,
    chosen: Option<usize>,
) -> Vec<Line<'static>> {
    lines_with(toolkit, index, width, theme, ChoiceView::Reader(chosen))
}

fn lines_with(
    toolkit: &Toolkit,
    index: usize,
    width: u16,
    theme: &Theme,
    view: ChoiceView,
) -> Vec<Line<'static>> {
    let Some(entry) = toolkit.entry(index) else {
        return vec![Line::from("There is no such section.")];
    };
    let width = width.clamp(1, MAX_TEXT_WIDTH);
    let section = entry.section;
    let mut out = Vec::new();
    let opens_part = entry.part.sections.first().map(|s| s.id.as_str()) == Some(&section.id);
    if opens_part && !entry.part.outcomes.is_empty() {
        practice::outcome_lines(&mut out, entry.part, width, theme);
        out.push(Line::default());
    }
    wrap_into(
        &mut out,
        &section.title,
        width,
        ("", ""),
        theme.heading,
        theme.heading,
    );
    for block in &section.blocks {
        out.push(Line::default());
        block_lines(&mut out, toolkit, block, width, theme);
    }
    if let Some(choice) = &section.choice {
        practice::view_lines(&mut out, toolkit, choice, view, width, theme);
    }
    prompt_lines(&mut out, "Reflect", &section.reflect, width, theme);
    prompt_lines(
        &mut out,
        "Discuss with your team",
        &section.discuss,
        width,
        theme,
    );
    out
}

fn block_lines(
    out: &mut Vec<Line<'static>>,
    toolkit: &Toolkit,
    block: &Block,
    width: u16,
    theme: &Theme,
) {
    match block {
        Block::Paragraph(text) => wrap_into(out, text, width, ("", ""), theme.text, theme.text),
        Block::Points(points) => {
            for point in points {
                wrap_into(out, point, width, ("  • ", "    "), theme.text, theme.text);
            }
        }
        Block::Quote(quote) => {
            let text = format!("“{}”", quote.text);
            wrap_into(out, &text, width, ("  ", "  "), theme.quote, theme.quote);
            let by = format!("— {}", quote.by);
            wrap_into(out, &by, width, ("    ", "    "), theme.text, theme.text);
        }
        Block::Links(links) => {
            for link in links {
                link_lines(out, toolkit, link, width, theme);
            }
        }
    }
}

/// How a link is introduced, so its kind shows without colour.
fn link_label(toolkit: &Toolkit, link: &Link) -> String {
    if let Some(target) = &link.section {
        let number = toolkit.index_of(target).map(|i| i + 1);
        return match number {
            Some(n) => format!("→ {} (section {n})", link.title),
            None => format!("→ {}", link.title),
        };
    }
    resource_label(link)
}

/// A resource as text, its kind in brackets so it shows without colour:
/// "\[book\] The Good Ally by Nova Reid".
pub fn resource_label(link: &Link) -> String {
    let kind = link
        .kind
        .as_deref()
        .map(|k| format!("[{k}] "))
        .unwrap_or_default();
    let by = link
        .by
        .as_deref()
        .map(|b| format!(" by {b}"))
        .unwrap_or_default();
    format!("{kind}{}{by}", link.title)
}

fn link_lines(
    out: &mut Vec<Line<'static>>,
    toolkit: &Toolkit,
    link: &Link,
    width: u16,
    theme: &Theme,
) {
    let label = link_label(toolkit, link);
    wrap_into(out, &label, width, ("  ", "    "), theme.link, theme.text);
    if let Some(url) = &link.url {
        wrap_into(out, url, width, ("    ", "    "), theme.quiet, theme.quiet);
    }
}

fn prompt_lines(
    out: &mut Vec<Line<'static>>,
    label: &str,
    prompts: &[String],
    width: u16,
    theme: &Theme,
) {
    if prompts.is_empty() {
        return;
    }
    out.push(Line::default());
    wrap_into(out, label, width, ("", ""), theme.label, theme.label);
    for prompt in prompts {
        wrap_into(
            out,
            prompt,
            width,
            ("  ? ", "    "),
            theme.text,
            theme.label,
        );
    }
}

/// The person's own note, shown under a section's prompts so that answering
/// them and reading the answer again are one place; marked as theirs and
/// private, each line behind a bar so it never reads as the toolkit's text.
pub fn note_lines(out: &mut Vec<Line<'static>>, note: &str, width: u16, theme: &Theme) {
    let width = width.clamp(1, MAX_TEXT_WIDTH);
    out.push(Line::default());
    let label = "Your note (private; e edits it)";
    wrap_into(out, label, width, ("", ""), theme.label, theme.label);
    for line in note.trim_end().lines() {
        if line.trim().is_empty() {
            out.push(Line::styled("  ┃", theme.quiet));
        } else {
            wrap_into(out, line, width, ("  ┃ ", "  ┃ "), theme.text, theme.quiet);
        }
    }
}

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
    use crate::toolkit::content::built_in;

    #[test]
    fn clip_keeps_clusters_whole_and_never_overflows() {
        let family = "👩\u{200d}👩\u{200d}👧";
        assert_eq!(clip(&format!("ab{family}cd"), 3), "ab");
        assert_eq!(clip(&format!("ab{family}cd"), 4), format!("ab{family}"));
        assert_eq!(clip("e\u{301}e\u{301}e", 2), "e\u{301}e\u{301}");
        assert_eq!(clip("你好世界", 5), "你好");
        assert_eq!(clip("你好", 1), "");
        assert_eq!(clip("short", 80), "short");
        let long = "w".repeat(100_000);
        assert_eq!(clip(&long, 300).len(), 300);
        for width in 0..12 {
            let text = format!("x{family}你e\u{301}שלום");
            assert!(UnicodeWidthStr::width(clip(&text, width).as_str()) <= width);
        }
    }

    #[test]
    fn no_line_is_wider_than_asked() {
        let toolkit = built_in();
        for width in [1u16, 5, 12, 40, 80, 200] {
            for index in 0..toolkit.section_count() {
                for line in section_lines(&toolkit, index, width, &Theme::mono()) {
                    assert!(
                        line.width() <= usize::from(width.min(MAX_TEXT_WIDTH)),
                        "{width}: {line:?}"
                    );
                }
            }
        }
    }

    #[test]
    fn a_section_shows_title_points_and_prompts() {
        let toolkit = built_in();
        let index = toolkit.index_of("tip-listen-actively").unwrap();
        let text = plain(&section_lines(&toolkit, index, 80, &Theme::mono()));
        assert!(text.starts_with("Listen actively"), "{text}");
        assert!(text.contains("  • "));
        assert!(text.contains("\nReflect\n"));
        assert!(text.contains("  ? "));
    }

    #[test]
    fn long_words_and_wide_characters_wrap_inside_the_width() {
        let mut out = Vec::new();
        let text = format!("{} 你好世界你好世界 👩‍👩‍👧 e\u{301}", "x".repeat(1000));
        wrap_into(
            &mut out,
            &text,
            10,
            ("  • ", "    "),
            Style::new(),
            Style::new(),
        );
        assert!(out.len() > 100);
        assert!(out.iter().all(|l| l.width() <= 10), "{out:?}");
    }

    #[test]
    fn cross_references_name_the_section_number() {
        let toolkit = built_in();
        let link = Link {
            title: "Speak up".into(),
            url: None,
            section: Some("tip-speak-up".into()),
            by: None,
            kind: None,
        };
        let n = toolkit.index_of("tip-speak-up").unwrap() + 1;
        assert_eq!(
            link_label(&toolkit, &link),
            format!("→ Speak up (section {n})")
        );
    }

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

    #[test]
    fn text_width_is_display_width() {
        assert_eq!(UnicodeWidthStr::width("你好"), 4);
    }
}
