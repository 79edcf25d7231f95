//! The lines for a part's outcomes and a scenario's choice, shared by the
//! reader and `allyship read` like the rest of a section.

use super::wrap_into;
use crate::theme::Theme;
use crate::toolkit::content::{Choice, ChoiceOption, Part, Toolkit};
use ratatui::text::Line;

/// How the outcomes are introduced: each line completes it.
pub const OUTCOMES_LABEL: &str = "After this part you can:";

/// Heads the feedback on the option the person chose, in the reader.
pub const CHOSEN_HEADING: &str = "Your choice and its feedback";

/// Heads the feedback on the options the person did not choose.
pub const OTHERS_HEADING: &str = "The other options and their feedback";

/// Under a scenario's options in the reader, before one is chosen.
const HOW_TO_CHOOSE: &str = "Press c to choose what you would do. The feedback on your choice, then on every option, follows. Nothing is scored.";

/// Under the feedback once an option is chosen.
const CHOOSE_AGAIN: &str = "c chooses again. Your choice is kept in your private journal.";

/// How a scenario's choice is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum ChoiceView {
    /// The question and options only (`allyship read`).
    Options,
    /// Every option with its feedback (`allyship read --answers`).
    Answers,
    /// In the reader: the options and how to choose, or with the option
    /// chosen (from 1) its feedback and then the others'.
    Reader(Option<usize>),
}

/// A part's outcomes as a short list, shown where the part is entered.
pub fn outcome_lines(out: &mut Vec<Line<'static>>, part: &Part, width: u16, theme: &Theme) {
    if part.outcomes.is_empty() {
        return;
    }
    wrap_into(
        out,
        OUTCOMES_LABEL,
        width,
        ("", ""),
        theme.label,
        theme.label,
    );
    for outcome in &part.outcomes {
        wrap_into(
            out,
            outcome,
            width,
            ("  • ", "    "),
            theme.text,
            theme.text,
        );
    }
}

/// A scenario's question and its options numbered from 1; with `answers`,
/// each option's feedback and the section it rests on under it.
pub fn choice_lines(
    out: &mut Vec<Line<'static>>,
    toolkit: &Toolkit,
    choice: &Choice,
    width: u16,
    theme: &Theme,
    answers: bool,
) {
    question_lines(out, choice, width, theme);
    for (n, option) in choice.options.iter().enumerate() {
        if answers && n > 0 {
            out.push(Line::default());
        }
        let number = format!("  {}. ", n + 1);
        wrap_into(
            out,
            &option.text,
            width,
            (&number, "     "),
            theme.text,
            theme.label,
        );
        if answers {
            feedback_lines(out, toolkit, option, width, theme, "     ");
        }
    }
}

/// A blank line, then the choice's question as a label: how every view of
/// a scenario (options only, with answers, in the reader) begins its choice.
fn question_lines(out: &mut Vec<Line<'static>>, choice: &Choice, width: u16, theme: &Theme) {
    out.push(Line::default());
    wrap_into(
        out,
        &choice.question,
        width,
        ("", ""),
        theme.label,
        theme.label,
    );
}

/// A scenario's choice as `view` asks.
pub(super) fn view_lines(
    out: &mut Vec<Line<'static>>,
    toolkit: &Toolkit,
    choice: &Choice,
    view: ChoiceView,
    width: u16,
    theme: &Theme,
) {
    match view {
        ChoiceView::Options => choice_lines(out, toolkit, choice, width, theme, false),
        ChoiceView::Answers => choice_lines(out, toolkit, choice, width, theme, true),
        ChoiceView::Reader(chosen) => chosen_lines(out, toolkit, choice, chosen, width, theme),
    }
}

/// A scenario in the reader: the question and its options, the one
/// `chosen` (from 1) marked `▸`; before a choice, how to make one; after
/// it, the feedback on that option under its own heading, then each other
/// option with its feedback, then how to choose again. Nothing is scored.
pub fn chosen_lines(
    out: &mut Vec<Line<'static>>,
    toolkit: &Toolkit,
    choice: &Choice,
    chosen: Option<usize>,
    width: u16,
    theme: &Theme,
) {
    question_lines(out, choice, width, theme);
    for (n, option) in choice.options.iter().enumerate() {
        let mine = chosen == Some(n + 1);
        let number = format!("{} {}. ", if mine { "▸" } else { " " }, n + 1);
        let style = if mine { theme.label } else { theme.text };
        wrap_into(
            out,
            &option.text,
            width,
            (&number, "     "),
            style,
            theme.label,
        );
    }
    out.push(Line::default());
    let Some(option) = chosen.and_then(|n| choice.options.get(n.checked_sub(1)?)) else {
        wrap_into(
            out,
            HOW_TO_CHOOSE,
            width,
            ("", ""),
            theme.quiet,
            theme.quiet,
        );
        return;
    };
    let number = chosen.unwrap_or(0);
    wrap_into(
        out,
        CHOSEN_HEADING,
        width,
        ("", ""),
        theme.label,
        theme.label,
    );
    let prefix = format!("▸ {number}. ");
    wrap_into(
        out,
        &option.text,
        width,
        (&prefix, "     "),
        theme.label,
        theme.label,
    );
    feedback_lines(out, toolkit, option, width, theme, "     ");
    out.push(Line::default());
    wrap_into(
        out,
        OTHERS_HEADING,
        width,
        ("", ""),
        theme.label,
        theme.label,
    );
    let others = choice
        .options
        .iter()
        .enumerate()
        .filter(|(n, _)| n + 1 != number);
    for (shown, (n, other)) in others.enumerate() {
        if shown > 0 {
            out.push(Line::default());
        }
        let prefix = format!("  {}. ", n + 1);
        wrap_into(
            out,
            &other.text,
            width,
            (&prefix, "     "),
            theme.text,
            theme.label,
        );
        feedback_lines(out, toolkit, other, width, theme, "     ");
    }
    out.push(Line::default());
    wrap_into(out, CHOOSE_AGAIN, width, ("", ""), theme.quiet, theme.quiet);
}

/// An option's feedback ("Feedback: …") and the section it rests on
/// ("→ Speak up … (section 20)"), each line indented by `indent`.
pub fn feedback_lines(
    out: &mut Vec<Line<'static>>,
    toolkit: &Toolkit,
    option: &ChoiceOption,
    width: u16,
    theme: &Theme,
    indent: &str,
) {
    let feedback = format!("Feedback: {}", option.feedback);
    wrap_into(
        out,
        &feedback,
        width,
        (indent, indent),
        theme.quote,
        theme.quote,
    );
    if let Some(target) = &option.section {
        let label = match toolkit.index_of(target).and_then(|i| toolkit.entry(i)) {
            Some(e) => format!("→ {} (section {})", e.section.title, e.index + 1),
            None => format!("→ {target}"),
        };
        let rest = format!("{indent}  ");
        wrap_into(out, &label, width, (indent, &rest), theme.link, theme.text);
    }
}

#[cfg(test)]
mod tests {
    use super::super::{plain, reader_lines, section_lines, section_lines_with};
    use crate::theme::Theme;
    use crate::toolkit::content::built_in;

    fn text(id: &str, answers: bool) -> String {
        let toolkit = built_in();
        let index = toolkit.index_of(id).unwrap();
        plain(&section_lines_with(
            &toolkit,
            index,
            80,
            &Theme::mono(),
            answers,
        ))
    }

    #[test]
    fn a_parts_first_section_opens_with_its_outcomes() {
        let toolkit = built_in();
        for part in &toolkit.parts {
            let first = toolkit.index_of(&part.sections[0].id).unwrap();
            let lines = plain(&section_lines(&toolkit, first, 200, &Theme::mono()));
            assert!(lines.starts_with("After this part you can:\n"), "{lines}");
            for outcome in &part.outcomes {
                let start: String = outcome.chars().take(40).collect();
                assert!(lines.contains(&format!("  • {start}")), "{outcome}");
            }
            let title = lines.find(&part.sections[0].title).unwrap();
            assert!(lines.find("  • ").unwrap() < title);
        }
    }

    #[test]
    fn other_sections_do_not_repeat_the_outcomes() {
        let text = text("tip-speak-up", false);
        assert!(!text.contains("After this part"), "{text}");
        assert!(text.starts_with("Speak up"));
    }

    #[test]
    fn a_scenario_shows_its_question_and_numbered_options_but_not_the_feedback() {
        let toolkit = built_in();
        let s = &toolkit
            .parts
            .iter()
            .find(|p| p.id == "practise")
            .unwrap()
            .sections[1];
        let choice = s.choice.as_ref().unwrap();
        let text = text(&s.id, false);
        assert!(text.contains(&format!("\n{}\n", choice.question)), "{text}");
        for (n, option) in choice.options.iter().enumerate() {
            let start: String = option.text.chars().take(30).collect();
            assert!(text.contains(&format!("  {}. {start}", n + 1)), "{text}");
            let feedback: String = option.feedback.chars().take(30).collect();
            assert!(!text.contains(&feedback), "{text}");
        }
        assert!(!text.contains("Feedback:"));
        // The question comes before the prompts.
        assert!(text.find(&choice.question).unwrap() < text.find("\nReflect\n").unwrap());
    }

    #[test]
    fn with_answers_each_option_is_followed_by_its_feedback_and_its_source() {
        let toolkit = built_in();
        let text = text("scenario-told-in-confidence", true);
        let choice = toolkit
            .parts
            .iter()
            .flat_map(|p| &p.sections)
            .find(|s| s.id == "scenario-told-in-confidence")
            .and_then(|s| s.choice.as_ref())
            .unwrap();
        let mut at = 0;
        for (n, option) in choice.options.iter().enumerate() {
            let start: String = option.text.chars().take(25).collect();
            let option_at = text[at..].find(&format!("  {}. {start}", n + 1)).unwrap() + at;
            let feedback_at = text[option_at..].find("     Feedback: ").unwrap() + option_at;
            let target = toolkit
                .index_of(option.section.as_deref().unwrap())
                .unwrap();
            let link = format!("(section {})", target + 1);
            let link_at = text[feedback_at..].find(&link).unwrap() + feedback_at;
            at = link_at;
        }
    }

    #[test]
    fn scenario_lines_fit_every_width() {
        let toolkit = built_in();
        let index = toolkit.index_of("scenario-remark-on-a-visit").unwrap();
        for width in [1u16, 4, 9, 20, 40, 80] {
            for line in section_lines_with(&toolkit, index, width, &Theme::mono(), true) {
                assert!(line.width() <= usize::from(width), "{width}: {line:?}");
            }
            for chosen in [None, Some(1), Some(3), Some(99)] {
                let lines = reader_lines(&toolkit, index, width, &Theme::mono(), chosen);
                for line in lines {
                    assert!(line.width() <= usize::from(width), "{width}: {line:?}");
                }
            }
        }
    }

    #[test]
    fn the_reader_shows_the_choice_its_feedback_then_the_others_and_no_score() {
        let toolkit = built_in();
        let index = toolkit.index_of("scenario-told-in-confidence").unwrap();
        let read = |chosen| plain(&reader_lines(&toolkit, index, 80, &Theme::mono(), chosen));
        let before = read(None);
        assert!(before.contains("Press c to choose"), "{before}");
        assert!(
            !before.contains("Feedback:") && !before.contains('▸'),
            "{before}"
        );
        let after = read(Some(3));
        assert_eq!(after.matches("Feedback: ").count(), 4, "{after}");
        assert_eq!(
            after.matches("▸ 3. ").count(),
            2,
            "in the list and above its feedback"
        );
        let mine = after.find(super::CHOSEN_HEADING).unwrap();
        let others = after.find(super::OTHERS_HEADING).unwrap();
        assert!(after.find("▸ 3. ").unwrap() < mine && mine < after.rfind("▸ 3. ").unwrap());
        assert!(mine < others && after.find("  1. ").unwrap() < mine);
        assert!(after.contains("c chooses again"), "{after}");
        for word in ["score", "correct", "right answer", "wrong"] {
            assert!(!after.to_lowercase().contains(word), "{word}: {after}");
        }
        // An option the scenario does not have reads as no choice.
        assert_eq!(read(Some(99)), before);
        // `read` stays as it was: options only, or every feedback.
        assert!(!plain(&section_lines(&toolkit, index, 80, &Theme::mono())).contains("Press c"));
    }
}
