//! Update for practice scenarios: `c` opens the choose window on a
//! scenario (and says gently that other sections have no choices); Enter,
//! a number or a click chooses, which keeps the choice (an effect) and
//! scrolls the text to the feedback on it. Nothing is ever scored.

use crate::reader::action::{Action, Effect};
use crate::reader::app::{App, Overlay};
use crate::reader::windows::choose::layout as choosing;
use crate::toolkit::render::CHOSEN_HEADING;
use ratatui::layout::Position;

/// `c`: the choose window on a scenario, the option chosen before (or
/// the first) highlighted; elsewhere a message saying where the
/// scenarios are.
pub(crate) fn open_choose(app: &mut App) {
    let Some(choice) = choosing::choice(app) else {
        app.message = Some(not_a_scenario(app));
        return;
    };
    let last = choice.options.len().saturating_sub(1);
    let selected = app.chosen().map_or(0, |n| n.saturating_sub(1)).min(last);
    app.overlay = Some(Overlay::Choose { selected });
}

/// What `c` says on a section that is not a practice scenario.
fn not_a_scenario(app: &App) -> String {
    let scenarios: Vec<usize> = app.toolkit.scenarios().map(|e| e.index).collect();
    if scenarios.is_empty() {
        return "No options to choose here: this toolkit has no practice scenarios.".into();
    }
    format!(
        "No options to choose here: the practice scenarios are sections {}.",
        crate::toolkit::toc::numbers(&scenarios)
    )
}

/// Keys in the choose window: move, choose (Enter, a number, a click),
/// or cancel (Esc, q, c) without choosing.
pub(crate) fn choose_window(
    app: &mut App,
    action: Action,
    selected: usize,
    effects: &mut Vec<Effect>,
) {
    let count = choosing::choice(app).map_or(0, |c| c.options.len());
    let last = count.saturating_sub(1);
    let keep = |app: &mut App, selected: usize| {
        app.overlay = Some(Overlay::Choose {
            selected: selected.min(last),
        });
    };
    match action {
        Action::Up | Action::Wheel { down: false, .. } => keep(app, selected.saturating_sub(1)),
        Action::Down | Action::Wheel { down: true, .. } => keep(app, selected + 1),
        Action::Top => keep(app, 0),
        Action::Bottom => keep(app, last),
        Action::Open if count > 0 => choose(app, selected.min(last) + 1, effects),
        Action::Digit(d) if (1..=count).contains(&usize::from(d)) => {
            choose(app, usize::from(d), effects);
        }
        Action::Digit(d) => {
            app.message = Some(format!("There is no option {d}: choose 1 to {count}."));
            keep(app, selected);
        }
        Action::Click { column, row } => {
            let at = Position::new(column, row);
            match choosing::layout(app, selected).and_then(|l| l.option_at(at)) {
                Some(n) => choose(app, n + 1, effects),
                None => keep(app, selected),
            }
        }
        Action::Close | Action::Open => {}
        _ => keep(app, selected),
    }
}

/// Keeps option `number` (from 1) as the choice on the open scenario:
/// shown at once (the journal in memory), kept by the run loop, and the
/// text scrolled to the feedback on it.
fn choose(app: &mut App, number: usize, effects: &mut Vec<Effect>) {
    let Some(id) = app.current_id().map(str::to_owned) else {
        return;
    };
    let option = u32::try_from(number).unwrap_or(u32::MAX);
    let now = jiff::Timestamp::now();
    app.journal
        .records
        .choices
        .insert(id.clone(), crate::journal::record::Chosen::new(option, now));
    effects.push(Effect::Choose {
        section: id,
        option,
    });
    let lines = app.section_lines();
    let heading = lines.iter().position(|line| {
        line.spans
            .first()
            .is_some_and(|span| span.content.starts_with(CHOSEN_HEADING))
    });
    if let Some(line) = heading {
        app.scroll = u16::try_from(line)
            .unwrap_or(u16::MAX)
            .min(app.max_scroll());
    }
    app.message = Some(format!("You chose {number}: its feedback is below."));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::reader::update::test_support::run;
    use crate::toolkit::content::built_in;
    use crate::toolkit::render::{OTHERS_HEADING, plain};

    fn at(id: &str, width: u16, height: u16) -> App {
        let mut app = App::new(built_in(), width, height);
        app.current = app.toolkit.index_of(id).unwrap();
        app
    }

    fn text(app: &App) -> String {
        plain(&app.section_lines())
    }

    fn kept(effects: &[Effect]) -> Vec<(String, u32)> {
        effects
            .iter()
            .filter_map(|e| match e {
                Effect::Choose { section, option } => Some((section.clone(), *option)),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn c_opens_the_window_and_enter_chooses_keeps_and_shows_the_feedback() {
        let mut app = at("scenario-joke-in-a-meeting", 80, 24);
        let before = text(&app);
        assert!(before.contains("Press c to choose"), "{before}");
        assert!(!before.contains("Feedback:"), "no feedback before choosing");
        let effects = run(&mut app, &[Action::Choose, Action::Down]);
        assert!(effects.is_empty());
        assert_eq!(app.overlay, Some(Overlay::Choose { selected: 1 }));
        assert_eq!(app.reading(), None, "the window covers the text");
        let effects = run(&mut app, &[Action::Open]);
        assert_eq!(kept(&effects), [("scenario-joke-in-a-meeting".into(), 2)]);
        assert_eq!(app.overlay, None);
        assert_eq!(app.chosen(), Some(2));
        let after = text(&app);
        let choice = choosing::choice(&app).unwrap().clone();
        let mine = after.find(CHOSEN_HEADING).expect("the heading");
        let others = after.find(OTHERS_HEADING).expect("the others' heading");
        let feedback = |n: usize| {
            let start: String = choice.options[n].feedback.chars().take(20).collect();
            after.find(&format!("Feedback: {start}")).unwrap()
        };
        // The feedback on the choice comes first, then every other option's.
        assert!(mine < feedback(1) && feedback(1) < others, "{after}");
        for n in [0, 2, 3] {
            assert!(others < feedback(n), "{n}: {after}");
        }
        assert!(after.contains("▸ 2. Speak to"), "{after}");
        assert!(!after.to_lowercase().contains("score:"), "never a score");
        // The text is scrolled to the feedback on the choice.
        let lines = app.section_lines();
        let top = plain(&lines[usize::from(app.scroll)..usize::from(app.scroll) + 1]);
        assert!(top.starts_with(CHOSEN_HEADING), "{top}");
        assert!(app.message.as_deref().unwrap().contains("You chose 2"));
    }

    #[test]
    fn esc_cancels_without_choosing_and_c_again_starts_at_the_choice() {
        let mut app = at("scenario-told-in-confidence", 80, 24);
        let effects = run(&mut app, &[Action::Choose, Action::Down, Action::Close]);
        assert!(effects.is_empty() && app.overlay.is_none());
        assert_eq!(app.chosen(), None);
        assert!(!text(&app).contains("Feedback:"));
        let effects = run(&mut app, &[Action::Choose, Action::Digit(3)]);
        assert_eq!(kept(&effects), [("scenario-told-in-confidence".into(), 3)]);
        run(&mut app, &[Action::Choose]);
        assert_eq!(app.overlay, Some(Overlay::Choose { selected: 2 }));
        // Moving stays among the options; a number it lacks is said.
        run(&mut app, &[Action::Bottom, Action::Down, Action::Down]);
        let last = choosing::choice(&app).unwrap().options.len() - 1;
        assert_eq!(app.overlay, Some(Overlay::Choose { selected: last }));
        let effects = run(&mut app, &[Action::Digit(9)]);
        assert!(effects.is_empty());
        assert!(app.message.as_deref().unwrap().contains("no option 9"));
        assert!(matches!(app.overlay, Some(Overlay::Choose { .. })));
        run(&mut app, &[Action::Top, Action::Open]);
        assert_eq!(app.chosen(), Some(1));
    }

    #[test]
    fn c_elsewhere_says_gently_where_the_scenarios_are() {
        let mut app = at("tip-speak-up", 80, 24);
        let effects = run(&mut app, &[Action::Choose]);
        assert!(effects.is_empty() && app.overlay.is_none());
        let message = app.message.clone().unwrap();
        assert!(
            message.contains("practice scenarios are sections"),
            "{message}"
        );
        let first = app.toolkit.index_of("scenario-remark-on-a-visit").unwrap() + 1;
        assert!(message.contains(&first.to_string()), "{message}");
    }

    #[test]
    fn a_click_on_an_option_chooses_it_and_elsewhere_does_nothing() {
        for (width, height) in [(80, 24), (40, 12)] {
            let mut app = at("scenario-joke-in-a-meeting", width, height);
            run(&mut app, &[Action::Choose, Action::Down]);
            let shown = choosing::layout(&app, 1).unwrap();
            let row = shown.options[1].start - shown.offset;
            let y = shown.inner.y + u16::try_from(row).unwrap();
            let outside = run(&mut app, &[Action::Click { column: 0, row: 0 }]);
            assert!(outside.is_empty());
            assert!(matches!(app.overlay, Some(Overlay::Choose { .. })));
            let effects = run(
                &mut app,
                &[Action::Click {
                    column: shown.inner.x + 3,
                    row: y,
                }],
            );
            assert_eq!(kept(&effects), [("scenario-joke-in-a-meeting".into(), 2)]);
            assert_eq!(app.chosen(), Some(2), "{width}x{height}");
        }
    }

    #[test]
    fn a_choice_for_an_option_the_scenario_no_longer_has_is_ignored() {
        let mut app = at("scenario-joke-in-a-meeting", 80, 24);
        let id = app.current_id().unwrap().to_owned();
        let at = jiff::Timestamp::UNIX_EPOCH;
        app.journal
            .records
            .choices
            .insert(id, crate::journal::record::Chosen::new(9, at));
        assert_eq!(app.chosen(), None);
        assert!(text(&app).contains("Press c to choose"));
        run(&mut app, &[Action::Choose]);
        assert_eq!(app.overlay, Some(Overlay::Choose { selected: 0 }));
    }
}
