//! Outcomes and scenarios in the plain commands: a part's outcomes in
//! `list`, how `read` points to a scenario's feedback, and `answer`, which
//! shows the feedback on one option and keeps the choice in the journal.

use super::Output;
use super::actions::not_found as no_such_section;
use crate::journal::record::{ChoiceMerge, Chosen};
use crate::journal::store::{self, Mode, Store};
use crate::toolkit::content::Toolkit;
use crate::toolkit::render;
use std::fmt::Write as _;
use std::path::PathBuf;

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

/// Where a scenario read without its feedback says how to choose an
/// option and how to see the feedback on all of them.
pub fn answers_hint(toolkit: &Toolkit, index: usize, answers: bool) -> Option<String> {
    let section = toolkit.entry(index)?.section;
    (section.is_scenario() && !answers).then(|| {
        format!(
            "Choose an option: allyship answer {id} NUMBER\n\
             For feedback on each option: allyship read {id} --answers",
            id = section.id
        )
    })
}

/// `allyship answer SCENARIO N`: the feedback on option `N` of a practice
/// scenario, saying which option that was, and the choice kept in the
/// journal (under its lock, like every command that writes). A section that
/// is not there or not a scenario, or an option it does not have, is an
/// error saying what there is; a journal that can't be written still shows
/// the feedback, says the choice was not kept, and exits 1.
pub fn answer(
    toolkit: &Toolkit,
    data_dir: Option<PathBuf>,
    query: &str,
    option: &str,
    width: u16,
) -> Output {
    let index = match toolkit.resolve(query) {
        Ok(index) => index,
        Err(suggestions) => return no_such_section(toolkit, &[(query, suggestions)]),
    };
    let Some(entry) = toolkit.entry(index) else {
        return no_such_section(toolkit, &[(query, Vec::new())]);
    };
    let section = entry.section;
    let Some(choice) = &section.choice else {
        return not_found(format!(
            "Section {} ({}) is not a practice scenario, so it has no options to choose \
             from. {}\n",
            index + 1,
            section.title,
            scenarios_text(toolkit)
        ));
    };
    let count = choice.options.len();
    let picked = option
        .trim()
        .parse::<usize>()
        .ok()
        .filter(|n| (1..=count).contains(n));
    let Some((number, chosen)) = picked.and_then(|n| Some((n, choice.options.get(n - 1)?))) else {
        return not_found(format!(
            "There is no option \"{}\" on section {} ({}): choose a number from 1 to \
             {count}. Its options: allyship read {}\n",
            option.trim(),
            index + 1,
            section.title,
            section.id
        ));
    };
    let theme = crate::theme::Theme::mono();
    let mut lines = Vec::new();
    let head = format!("{} (section {})", section.title, index + 1);
    render::wrap_into(&mut lines, &head, width, ("", ""), theme.text, theme.text);
    let said = format!("You chose option {number}: {}", chosen.text);
    render::wrap_into(&mut lines, &said, width, ("", ""), theme.text, theme.text);
    lines.push(ratatui::text::Line::default());
    render::feedback_lines(&mut lines, toolkit, chosen, width, &theme, "");
    let mut stdout = render::plain(&lines);
    let (kept, stderr, code) = keep_choice(data_dir, &section.id, number);
    stdout.push('\n');
    stdout.push_str(&kept);
    let every = format!(
        "For feedback on every option: allyship read {} --answers",
        section.id
    );
    lines.clear();
    render::wrap_into(&mut lines, &every, width, ("", ""), theme.text, theme.text);
    stdout.push_str(&render::plain(&lines));
    Output {
        stdout,
        stderr,
        code,
    }
}

/// Keeps option `number` as the choice on `id`: (a line for standard
/// output, lines for standard error, the exit code).
fn keep_choice(data_dir: Option<PathBuf>, id: &str, number: usize) -> (String, String, i32) {
    let not_kept = |why: &str| {
        let why = why.trim_end_matches(['.', '\n']);
        (
            String::new(),
            format!("Your choice was not kept in your journal: {why}.\n"),
            1,
        )
    };
    let dir = match store::data_dir(data_dir) {
        Ok(dir) => dir,
        Err(e) => return not_kept(&e.to_string()),
    };
    let (mut store, _, notices) = Store::open(dir);
    let notices: String = notices.iter().map(|n| format!("{n}\n")).collect();
    if store.mode() != Mode::Kept {
        let why = store
            .why_not_written()
            .unwrap_or("your journal can't be written here")
            .to_owned();
        let (out, err, code) = not_kept(&why);
        return (out, notices + &err, code);
    }
    let option = u32::try_from(number).unwrap_or(u32::MAX);
    let now = jiff::Timestamp::now();
    let ours = Chosen::new(option, now);
    match store.update(|journal| {
        let merged = journal.merge_choice(id, &ours, now);
        (merged, journal.chosen(id))
    }) {
        Ok((_, (ChoiceMerge::Kept, Some(later)))) if later != number => (
            format!(
                "Your journal keeps option {later}: it was chosen later, in another copy of \
                 allyship.\n"
            ),
            notices,
            0,
        ),
        Ok(_) => ("Kept in your journal (private).\n".to_owned(), notices, 0),
        Err(e) => {
            let (out, err, code) = not_kept(&e.to_string());
            (out, notices + &err, code)
        }
    }
}

/// The practice scenarios by number, for an error naming what there is.
fn scenarios_text(toolkit: &Toolkit) -> String {
    let numbers: Vec<usize> = toolkit.scenarios().map(|e| e.index).collect();
    if numbers.is_empty() {
        return "This toolkit has no practice scenarios.".to_owned();
    }
    format!(
        "The practice scenarios are sections {}: allyship list shows them.",
        crate::toolkit::toc::numbers(&numbers)
    )
}

/// A "not there" error (exit code 2, like `read`), the message on standard error.
fn not_found(stderr: String) -> Output {
    Output {
        stdout: String::new(),
        stderr,
        code: super::EXIT_NOT_FOUND,
    }
}

#[cfg(test)]
mod tests {
    use super::super::*;
    use crate::toolkit::content::built_in;
    #[test]
    fn list_shows_each_parts_outcomes_under_its_title() {
        let toolkit = built_in();
        let out = list(&toolkit, None).stdout;
        for part in &toolkit.parts {
            let heading = format!("\n{} ({})\n", part.title, part.id);
            let at = out.find(&heading).expect("each part's title with its id");
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
        assert!(
            text.contains("allyship answer scenario-joke-in-a-meeting NUMBER\n"),
            "{text}"
        );
    }

    fn answered(dir: &std::path::Path, scenario: &str, option: &str) -> Output {
        answer(&built_in(), Some(dir.into()), scenario, option, 80)
    }

    #[test]
    fn answer_prints_the_feedback_on_the_option_chosen_and_keeps_it() {
        let dir = tempfile::tempdir().unwrap();
        let out = answered(dir.path(), "scenario-joke-in-a-meeting", " 2 ");
        assert_eq!(out.code, 0, "{}", out.stderr);
        let toolkit = built_in();
        let index = toolkit.index_of("scenario-joke-in-a-meeting").unwrap();
        let section = toolkit.entry(index).unwrap().section;
        let option = &section.choice.as_ref().unwrap().options[1];
        let text = out.stdout.replace('\n', " ");
        assert!(
            text.contains(&format!("You chose option 2: {}", option.text)),
            "{text}"
        );
        assert!(
            text.contains(&format!("Feedback: {}", option.feedback)),
            "{text}"
        );
        assert!(text.contains("(section "), "the tip it rests on: {text}");
        assert!(
            out.stdout.contains("Kept in your journal"),
            "{}",
            out.stdout
        );
        assert!(!out.stdout.contains("score"));
        let journal = crate::journal::store::read(dir.path()).unwrap();
        assert_eq!(journal.chosen("scenario-joke-in-a-meeting"), Some(2));
        // By number too; a later answer replaces the choice.
        let by_number = answered(dir.path(), &(index + 1).to_string(), "4");
        assert_eq!(by_number.code, 0, "{}", by_number.stderr);
        let journal = crate::journal::store::read(dir.path()).unwrap();
        assert_eq!(journal.chosen("scenario-joke-in-a-meeting"), Some(4));
    }

    #[test]
    fn answer_refuses_a_bad_option_or_a_section_without_options() {
        let dir = tempfile::tempdir().unwrap();
        for bad in ["0", "5", "two", "-1", ""] {
            let out = answered(dir.path(), "scenario-joke-in-a-meeting", bad);
            assert_eq!(out.code, EXIT_NOT_FOUND, "{bad}");
            assert!(out.stdout.is_empty());
            assert!(
                out.stderr.contains("choose a number from 1 to 4"),
                "{}",
                out.stderr
            );
        }
        let tip = answered(dir.path(), "tip-speak-up", "1");
        assert_eq!(tip.code, EXIT_NOT_FOUND);
        assert!(
            tip.stderr.contains("is not a practice scenario"),
            "{}",
            tip.stderr
        );
        assert!(tip.stderr.contains("The practice scenarios are sections "));
        let typo = answered(dir.path(), "scenario-joke", "1");
        assert_eq!(typo.code, EXIT_NOT_FOUND);
        assert!(
            typo.stderr
                .contains("Did you mean: scenario-joke-in-a-meeting")
        );
        // Nothing was written for any of them.
        assert!(!dir.path().join("journal.json").exists());
    }

    #[test]
    fn answer_on_a_journal_it_may_not_write_shows_the_feedback_and_says_so() {
        let dir = tempfile::tempdir().unwrap();
        let newer = r#"{"version": 99, "sections": {}}"#;
        std::fs::write(dir.path().join("journal.json"), newer).unwrap();
        let out = answered(dir.path(), "scenario-joke-in-a-meeting", "1");
        assert_eq!(out.code, 1);
        assert!(out.stdout.contains("Feedback: "), "{}", out.stdout);
        assert!(!out.stdout.contains("Kept"), "{}", out.stdout);
        assert!(
            out.stderr
                .contains("Your choice was not kept in your journal"),
            "{}",
            out.stderr
        );
        let after = std::fs::read_to_string(dir.path().join("journal.json")).unwrap();
        assert_eq!(after, newer);
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
