//! A part opens with its outcomes, and a practice scenario runs as a team
//! exercise: options one by one, the question to the room, then the
//! feedback option by option. No score, and nothing from a journal.

use super::*;
use crate::present::slide::body;
use crate::theme::Theme;

fn text(section: &str, step: Step) -> (String, Option<std::ops::Range<usize>>) {
    let section = TOOLKIT.entry(index(section)).unwrap().section;
    let shown = body(&TOOLKIT, section, step, 60, &Theme::mono());
    let lines: Vec<String> = shown.lines.iter().map(|l| l.to_string()).collect();
    (lines.join("\n"), shown.newest)
}

#[test]
fn a_part_opens_with_its_outcomes_and_a_section_inside_it_does_not() {
    let first = index("why-these-tips");
    let mut w = Walkthrough::new(&TOOLKIT, &[first, index("tip-speak-up")]);
    assert_eq!(w.step(), Step::Outcomes);
    assert_eq!(
        w.steps_in(0),
        1 + 1 + 4 + 1,
        "outcomes, intro, 4 points, prompts"
    );
    assert!(w.step_on());
    assert_eq!(w.step(), Step::Intro);
    assert!(w.jump_to_index(index("tip-speak-up")));
    assert_eq!(w.step(), Step::Intro, "not the first of its part");
    assert!(w.jump_to_index(first));
    assert_eq!(w.step(), Step::Outcomes);
    let (shown, newest) = text("why-these-tips", Step::Outcomes);
    assert!(shown.starts_with("After this part you can:"), "{shown}");
    let part = &TOOLKIT.parts.iter().find(|p| p.id == "top-tips").unwrap();
    for outcome in &part.outcomes {
        let start: String = outcome.chars().take(30).collect();
        assert!(shown.contains(&format!("• {start}")), "{shown}");
    }
    assert_eq!(newest, None);
    // Every part presented whole opens with its outcomes.
    let all = Walkthrough::new(&TOOLKIT, &Selection::parse(&TOOLKIT, &[]).unwrap());
    let mut w = all.clone();
    let mut opened = 0;
    loop {
        opened += usize::from(w.step() == Step::Outcomes);
        if !w.step_on() {
            break;
        }
    }
    let with_outcomes = TOOLKIT.parts.iter().filter(|p| !p.outcomes.is_empty());
    assert_eq!(opened, with_outcomes.count());
}

#[test]
fn a_scenario_reveals_options_then_asks_then_gives_feedback_one_by_one() {
    let id = "scenario-joke-in-a-meeting";
    let mut w = Walkthrough::new(&TOOLKIT, &[index(id)]);
    let mut seen = vec![w.step()];
    while w.step_on() {
        seen.push(w.step());
    }
    use Step::*;
    let expected = [
        Intro,
        Options(1),
        Options(2),
        Options(3),
        Options(4),
        Choose,
        Feedback(1),
        Feedback(2),
        Feedback(3),
        Feedback(4),
        Discuss,
    ];
    assert_eq!(seen, expected);
    let choice = TOOLKIT
        .entry(index(id))
        .unwrap()
        .section
        .choice
        .clone()
        .unwrap();
    let start = |text: &str| text.chars().take(25).collect::<String>();

    let (intro, _) = text(id, Intro);
    assert!(!intro.contains(&choice.question), "{intro}");
    let (two, newest) = text(id, Options(2));
    assert!(two.contains(&choice.question), "{two}");
    assert!(two.contains(&format!("  1. {}", start(&choice.options[0].text))));
    assert!(two.contains(&format!("▸ 2. {}", start(&choice.options[1].text))));
    assert!(!two.contains(&start(&choice.options[2].text)), "{two}");
    assert!(!two.contains("Feedback:"), "{two}");
    assert!(newest.is_some());

    let (ask, newest) = text(id, Choose);
    assert!(ask.ends_with(DISCUSS_CHOICE), "{ask}");
    assert!(!ask.contains("Feedback:") && !ask.contains('▸'), "{ask}");
    let lines = ask.lines().count();
    assert_eq!(
        newest,
        Some(lines - 1..lines),
        "the question stays on screen"
    );

    let (feedback, newest) = text(id, Feedback(2));
    assert_eq!(feedback.matches("Feedback: ").count(), 2, "{feedback}");
    let newest = newest.unwrap();
    let rows: Vec<&str> = feedback.lines().collect();
    let piece = rows[newest].join("\n");
    assert!(piece.starts_with(&format!("▸ 2. {}", start(&choice.options[1].text))));
    assert!(
        piece.contains("Feedback: "),
        "the newest option with its feedback"
    );
    assert!(!feedback.contains(&start(&choice.options[2].feedback)));
    let (all, _) = text(id, Feedback(4));
    assert_eq!(all.matches("Feedback: ").count(), 4);
    for word in ["score", "correct", "right answer"] {
        assert!(!all.to_lowercase().contains(word), "{word}");
    }
}

#[test]
fn the_question_to_the_room_offers_the_discussion_timer() {
    let t0 = Instant::now();
    let mut p = presenter(&[index("scenario-told-in-confidence")], t0);
    let options = TOOLKIT
        .entry(index("scenario-told-in-confidence"))
        .and_then(|e| e.section.choice.as_ref())
        .map_or(0, |c| c.options.len());
    press(&mut p, &vec![PresentAction::Next; options + 1], t0);
    assert_eq!(p.walkthrough().step(), Step::Choose);
    let practise = TOOLKIT.parts.iter().find(|p| p.id == "practise").unwrap();
    let n = 1 + practise
        .sections
        .iter()
        .position(|s| s.id == "scenario-told-in-confidence")
        .unwrap();
    let of = practise.sections.len();
    assert_eq!(p.position_label(), format!("Practise {n} of {of}"));
    p.theme = Theme::mono();
    let mut terminal = ratatui::Terminal::new(ratatui::backend::TestBackend::new(80, 24)).unwrap();
    terminal
        .draw(|frame| crate::present::view::draw(frame, &p, t0))
        .unwrap();
    let buffer = terminal.backend().buffer();
    let screen: String = buffer.content().iter().map(|c| c.symbol()).collect();
    assert!(screen.contains(DISCUSS_CHOICE), "{screen}");
    assert!(
        screen.contains("t starts a 5-minute discussion timer"),
        "{screen}"
    );
}
