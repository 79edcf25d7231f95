//! The lines for a part's outcomes and a scenario's choice, shared by the
//! reader and `allyship read` like the rest of a section.

use super::wrap_into;
use crate::content::{Choice, ChoiceOption, Part, Toolkit};
use crate::ui::theme::Theme;
use ratatui::text::Line;

/// How the outcomes are introduced: each line completes it.
pub const OUTCOMES_LABEL: &str = "After this part you can:";

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
    out.push(Line::default());
    wrap_into(
        out,
        &choice.question,
        width,
        ("", ""),
        theme.label,
        theme.label,
    );
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
    use super::super::{plain, section_lines, section_lines_with};
    use crate::content::built_in;
    use crate::ui::theme::Theme;

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
        }
    }
}
