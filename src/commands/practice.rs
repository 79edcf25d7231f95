//! Outcomes and scenarios in the plain commands: a part's outcomes in
//! `list`, and how `read` points to a scenario's feedback.

use crate::content::Toolkit;
use crate::render;
use std::fmt::Write as _;

/// A part's outcomes under its title in `list`, indented like its sections.
pub fn outcomes_text(out: &mut String, outcomes: &[String]) {
    if outcomes.is_empty() {
        return;
    }
    let _ = writeln!(out, "     {}", render::OUTCOMES_LABEL);
    for outcome in outcomes {
        let _ = writeln!(out, "     - {outcome}");
    }
}

/// Where a scenario read without its feedback says how to see it.
pub fn answers_hint(toolkit: &Toolkit, index: usize, answers: bool) -> Option<String> {
    let section = toolkit.entry(index)?.section;
    (section.choice.is_some() && !answers).then(|| {
        format!(
            "For feedback on each option: allyship read {} --answers",
            section.id
        )
    })
}

#[cfg(test)]
mod tests {
    use super::super::*;
    use crate::content::built_in;
    #[test]
    fn list_shows_each_parts_outcomes_under_its_title() {
        let toolkit = built_in();
        let out = list(&toolkit, None).stdout;
        for part in &toolkit.parts {
            let at = out.find(&format!("\n{}\n", part.title)).unwrap();
            let first = out[at..].find("  1. ").unwrap_or(usize::MAX).min(
                out[at..]
                    .find(&format!("({})", part.sections[0].id))
                    .unwrap(),
            );
            let block = &out[at..at + first];
            assert!(block.contains("After this part you can:"), "{block}");
            for outcome in &part.outcomes {
                assert!(block.contains(&format!("     - {outcome}\n")), "{block}");
            }
        }
    }

    #[test]
    fn read_all_opens_each_part_with_its_outcomes_once() {
        let toolkit = built_in();
        let out = read_all(&toolkit, 80, false, false).stdout;
        assert_eq!(
            out.matches("After this part you can:").count(),
            toolkit.parts.len()
        );
        assert!(!out.contains("Feedback:"));
    }

    #[test]
    fn reading_a_scenario_shows_its_options_and_says_how_to_see_the_feedback() {
        let out = read(&built_in(), "scenario-joke-in-a-meeting", 80, false, false);
        assert_eq!(out.code, 0);
        let text = out.stdout;
        assert!(text.contains("What could you do?\n"), "{text}");
        for n in 1..=4 {
            assert!(text.contains(&format!("\n  {n}. ")), "{text}");
        }
        assert!(!text.contains("Feedback:"), "{text}");
        assert!(text.ends_with("allyship read scenario-joke-in-a-meeting --answers\n"));
    }

    #[test]
    fn answers_add_the_feedback_under_every_option() {
        let toolkit = built_in();
        let out = read(&toolkit, "scenario-joke-in-a-meeting", 80, false, true).stdout;
        assert_eq!(out.matches("     Feedback: ").count(), 4, "{out}");
        assert!(!out.contains("--answers"), "{out}");
        let n = toolkit.index_of("tip-speak-up").unwrap() + 1;
        assert!(
            out.contains(&format!(
                "→ Speak up when you witness discrimination (section {n})"
            )),
            "{out}"
        );
        // A section without a choice reads the same with or without answers.
        assert_eq!(
            read(&toolkit, "tip-speak-up", 80, false, true),
            read(&toolkit, "tip-speak-up", 80, false, false)
        );
    }
}
