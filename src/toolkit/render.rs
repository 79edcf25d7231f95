//! A section laid out as wrapped, styled lines: the one layout behind the
//! reading pane, `allyship read` and the help text, so they never disagree.

use crate::theme::Theme;
use crate::toolkit::content::{Block, Link, Toolkit};
use ratatui::text::Line;

mod output;
mod practice;
mod wrap;
pub use output::{ansi, plain};
use practice::ChoiceView;
pub use practice::{CHOSEN_HEADING, OTHERS_HEADING, OUTCOMES_LABEL, feedback_lines, outcome_lines};
pub use wrap::{clip, wrap_into};

/// A comfortable reading width: longer lines are hard to follow.
pub const MAX_TEXT_WIDTH: u16 = 76;
/// A width that lays a section out without wrapping (each paragraph one
/// line), for `allyship read --width 0`: screen readers and scripts that
/// wrap for themselves.
pub const UNWRAPPED: u16 = u16::MAX;

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
    let width = if width == UNWRAPPED {
        width
    } else {
        width.clamp(1, MAX_TEXT_WIDTH)
    };
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::toolkit::content::built_in;

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
}
