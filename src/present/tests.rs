//! Unit tests of presenter mode: choosing sections, the reveal sequence,
//! and what each key does, with an injected clock.

use super::*;
use crate::toolkit::content::{Toolkit, built_in};
use std::sync::LazyLock;
use std::time::{Duration, Instant};

static TOOLKIT: LazyLock<Toolkit> = LazyLock::new(built_in);

fn args(list: &[&str]) -> Vec<String> {
    list.iter().map(|s| s.to_string()).collect()
}

fn index(id: &str) -> usize {
    TOOLKIT.index_of(id).unwrap()
}

/// The digits that type section `id`'s number (1-based), so a test does
/// not hard-code numbers that move when sections are added.
fn digits_of(id: &str) -> Vec<PresentAction> {
    (index(id) + 1)
        .to_string()
        .chars()
        .map(|c| PresentAction::Digit(c.to_digit(10).unwrap() as u8))
        .collect()
}

fn top_tips() -> Vec<usize> {
    Selection::parse(&TOOLKIT, &args(&["top-tips"])).unwrap()
}

fn presenter(sections: &[usize], start: Instant) -> Presenter<'static> {
    Presenter::new(&TOOLKIT, sections, Options::default(), start)
}

fn press(p: &mut Presenter, actions: &[PresentAction], now: Instant) -> Vec<PresentEffect> {
    actions.iter().flat_map(|a| update(p, *a, now)).collect()
}

#[test]
fn selection_takes_parts_ids_numbers_and_ranges_in_reading_order() {
    let all = Selection::parse(&TOOLKIT, &[]).unwrap();
    assert_eq!(all, (0..TOOLKIT.section_count()).collect::<Vec<_>>());
    let tips = top_tips();
    // The introduction, nine tips and the recap.
    assert_eq!(tips.len(), 11);
    assert_eq!(tips[0], index("why-these-tips"));
    let mixed = Selection::parse(&TOOLKIT, &args(&["tip-speak-up", "2", "1-3", "start"])).unwrap();
    assert_eq!(mixed, vec![0, 1, 2, index("tip-speak-up")]);
}

#[test]
fn selection_errors_name_the_closest_matches() {
    let typo = Selection::parse(&TOOLKIT, &args(&["tip-speek-up"])).unwrap_err();
    assert!(typo.contains("\"tip-speek-up\""), "{typo}");
    assert!(typo.contains("Did you mean tip-speak-up"), "{typo}");
    assert!(typo.contains("Parts: start,"), "{typo}");
    let part = Selection::parse(&TOOLKIT, &args(&["tips", "top-tips"])).unwrap_err();
    assert!(part.contains("Did you mean top-tips"), "{part}");
    let beyond = (TOOLKIT.section_count() + 1).to_string();
    for bad in ["0", beyond.as_str(), "26-17", "1-99", ""] {
        assert!(Selection::parse(&TOOLKIT, &args(&[bad])).is_err(), "{bad}");
    }
}

#[test]
fn points_are_revealed_one_at_a_time_then_prompts_then_the_next_section() {
    let sections = [index("tip-listen-actively"), index("tip-speak-up")];
    let mut w = Walkthrough::new(&TOOLKIT, &sections);
    assert_eq!(w.steps_in(0), 1 + 4 + 1);
    let mut seen = vec![w.step()];
    while w.position().section == 0 {
        assert!(w.step_on());
        seen.push(w.step());
    }
    use Step::*;
    let expected = [
        Intro,
        Points(1),
        Points(2),
        Points(3),
        Points(4),
        Discuss,
        Intro,
    ];
    assert_eq!(seen, expected);
    assert_eq!(w.current_index(), Some(sections[1]));
    // Back again: from the next section's start to the prompts, then down.
    assert!(w.step_back());
    assert_eq!((w.position().section, w.step()), (0, Discuss));
    while w.step_back() {}
    assert!(w.at_start());
    assert_eq!(w.step(), Intro);
}

#[test]
fn a_section_without_points_or_prompts_is_one_step_and_the_end_stops() {
    let faq = index("faq-leading-to-change");
    let mut w = Walkthrough::new(&TOOLKIT, &[faq]);
    assert_eq!(w.steps_in(0), 1);
    assert!(w.at_end() && w.at_start());
    assert!(!w.step_on());
    assert!(!w.step_back());
    let empty = Walkthrough::new(&TOOLKIT, &[999]);
    assert!(empty.is_empty());
    assert_eq!(empty.current_index(), None);
}

#[test]
fn next_and_back_keys_move_and_say_so_at_either_end() {
    let t0 = Instant::now();
    let mut p = presenter(&[index("tip-practical-support")], t0);
    use PresentAction::*;
    press(&mut p, &[Back], t0);
    assert_eq!(p.message(), Some("This is the start of the walkthrough."));
    press(&mut p, &[Next, Enter, Next], t0);
    assert!(p.walkthrough().at_end() && p.finished());
    press(&mut p, &[Next], t0);
    assert!(p.message().unwrap().contains("end of the walkthrough"));
    press(&mut p, &[Erase], t0);
    assert_eq!(p.walkthrough().step(), Step::Points(2));
    assert_eq!(p.message(), None);
}

#[test]
fn digits_and_enter_jump_to_a_section_of_the_walkthrough() {
    let t0 = Instant::now();
    let mut p = presenter(&top_tips(), t0);
    use PresentAction::*;
    let check_in = index("tip-check-in");
    press(&mut p, &digits_of("tip-check-in"), t0);
    assert_eq!(p.digits(), (check_in + 1).to_string());
    press(&mut p, &[Enter], t0);
    assert_eq!(p.walkthrough().current_index(), Some(check_in));
    assert_eq!(p.walkthrough().step(), Step::Intro);
    assert_eq!(p.position_label(), "Tip 3 of 9");

    press(&mut p, &[Digit(4), Enter], t0);
    let message = p.message().unwrap();
    let tips = top_tips();
    let range = format!(
        "Section 4 is not in this walkthrough (sections {}-{})",
        tips[0] + 1,
        tips[tips.len() - 1] + 1
    );
    assert!(message.contains(&range), "{message}");
    assert_eq!(p.walkthrough().current_index(), Some(check_in));

    // Backspace rubs out a digit; Esc cancels the number without leaving.
    press(&mut p, &[Digit(1), Digit(8), Erase], t0);
    assert_eq!(p.digits(), "1");
    assert!(press(&mut p, &[Cancel], t0).is_empty());
    assert_eq!(p.digits(), "");
    press(&mut p, &[Digit(0), Enter], t0);
    assert!(p.message().unwrap().contains("Section 0 is not"));
    for _ in 0..9 {
        press(&mut p, &[Digit(9)], t0);
    }
    assert_eq!(p.digits(), "9999");
    assert!(press(&mut p, &[Cancel, Cancel], t0).is_empty());
    assert_eq!(p.digits(), "");
}

#[test]
fn b_blanks_and_any_key_brings_the_screen_back_without_moving() {
    let t0 = Instant::now();
    let mut p = presenter(&top_tips(), t0);
    use PresentAction::*;
    press(&mut p, &[Blank], t0);
    assert!(p.is_blank());
    press(&mut p, &[Next], t0);
    assert!(!p.is_blank());
    assert!(p.walkthrough().at_start());
    press(&mut p, &[Blank, Blank], t0);
    assert!(!p.is_blank());
    press(&mut p, &[Blank, Cancel], t0);
    assert!(!p.is_blank(), "Esc on a blank screen only brings it back");
    for action in [Quit, Help, Timer, Digit(4), Back, Enter] {
        assert!(press(&mut p, &[Blank, action], t0).is_empty());
        assert!(!p.is_blank() && !p.confirming() && !p.help_open());
        assert!(p.walkthrough().at_start() && p.digits().is_empty());
        assert_eq!(p.timer(t0), None, "{action:?}");
    }
    assert_eq!(press(&mut p, &[Blank, Leave], t0), [PresentEffect::Leave]);
}

#[test]
fn the_discussion_timer_counts_down_and_says_when_time_is_up() {
    let t0 = Instant::now();
    let minute = Duration::from_secs(60);
    let mut p = presenter(&top_tips(), t0);
    assert_eq!(p.timer(t0), None);
    press(&mut p, &[PresentAction::Timer], t0);
    assert_eq!(p.timer(t0), Some(Timer::Running(5 * minute)));
    assert_eq!(p.timer(t0 + 4 * minute), Some(Timer::Running(minute)));
    assert_eq!(p.timer(t0 + 5 * minute), Some(Timer::TimesUp));
    assert_eq!(p.timer(t0 + 50 * minute), Some(Timer::TimesUp));
    // It keeps running while the facilitator moves on; t stops it.
    press(&mut p, &[PresentAction::Next], t0 + minute);
    assert_eq!(p.timer(t0 + minute), Some(Timer::Running(4 * minute)));
    press(&mut p, &[PresentAction::Timer], t0 + 6 * minute);
    assert_eq!(p.timer(t0 + 6 * minute), None);

    let options = Options {
        discuss: 2 * minute,
        ..Options::default()
    };
    let mut short = Presenter::new(&TOOLKIT, &[0], options, t0);
    update(&mut short, PresentAction::Timer, t0);
    assert_eq!(short.timer(t0 + 2 * minute), Some(Timer::TimesUp));
}

#[test]
fn help_opens_and_closes_and_ignores_other_keys() {
    let t0 = Instant::now();
    let mut p = presenter(&top_tips(), t0);
    use PresentAction::*;
    press(&mut p, &[Help, Next, Blank, Timer], t0);
    assert!(p.help_open());
    assert!(p.walkthrough().at_start() && !p.is_blank() && p.timer(t0).is_none());
    assert!(press(&mut p, &[Cancel], t0).is_empty());
    assert!(!p.help_open());
    assert_eq!(press(&mut p, &[Help, Leave], t0), [PresentEffect::Leave]);
}

#[test]
fn time_on_each_section_is_kept_in_the_order_first_shown() {
    let t0 = Instant::now();
    let s = |n| t0 + Duration::from_secs(n);
    let (a, b) = (
        index("tip-practical-support"),
        index("tip-educate-yourself"),
    );
    let mut p = presenter(&[a, b], t0);
    use PresentAction::*;
    press(&mut p, &[Next, Next], s(10));
    press(&mut p, &[Next, Next], s(30)); // now on b
    assert_eq!(p.walkthrough().current_index(), Some(b));
    press(&mut p, &[Back], s(45)); // back on a
    let secs = |p: &Presenter, at| -> Vec<(usize, u64)> {
        p.covered(at)
            .iter()
            .map(|(i, d)| (*i, d.as_secs()))
            .collect()
    };
    assert_eq!(secs(&p, s(50)), vec![(a, 35), (b, 15)]);
    assert!(!p.finished());
    let mut to_b = digits_of("tip-educate-yourself");
    to_b.extend([Enter, Next, Next, Next]);
    press(&mut p, &to_b, s(60));
    assert!(p.finished());
    assert_eq!(secs(&p, s(70)), vec![(a, 45), (b, 25)]);
}

#[test]
fn the_footer_uses_the_part_wording() {
    let t0 = Instant::now();
    assert_eq!(presenter(&top_tips(), t0).position_label(), "Introduction");
    let all = Selection::parse(&TOOLKIT, &[]).unwrap();
    assert_eq!(
        presenter(&all, t0).position_label(),
        format!("Section 1 of {}", TOOLKIT.section_count())
    );
    let mixed = [index("welcome"), index("tip-speak-up")];
    assert_eq!(presenter(&mixed, t0).position_label(), "Section 1 of 2");
    let part = Selection::parse(&TOOLKIT, &args(&["what-is-an-ally"])).unwrap();
    let mut p = presenter(&part[1..], t0);
    assert_eq!(p.position_label(), "What is an ally? 2 of 4");
    assert!(p.counts_in_part());
    let mut keys = digits_of("allyship-in-organisations");
    keys.push(PresentAction::Enter);
    press(&mut p, &keys, t0);
    assert_eq!(p.position_label(), "What is an ally? 3 of 4");
}

#[test]
fn tips_are_counted_as_tips_in_the_whole_part() {
    let t0 = Instant::now();
    use PresentAction::*;
    let mut p = presenter(&top_tips(), t0);
    assert_eq!(p.position_label(), "Introduction");
    let go = |p: &mut Presenter, id: &str| {
        let mut keys = digits_of(id);
        keys.push(Enter);
        press(p, &keys, t0);
    };
    go(&mut p, "tip-listen-actively");
    assert_eq!(p.position_label(), "Tip 1 of 9");
    go(&mut p, "tip-be-consistent");
    assert_eq!(p.position_label(), "Tip 9 of 9");
    // P from the fifth tip presents it to the last: the place is still in
    // the part.
    let (from, to) = (
        index("tip-clumsy-but-respectful"),
        index("tip-be-consistent"),
    );
    let range = format!("{}-{}", from + 1, to + 1);
    let from_fifth = Selection::parse(&TOOLKIT, &args(&[&range])).unwrap();
    let mut p = presenter(&from_fifth, t0);
    assert_eq!(p.position_label(), "Tip 5 of 9");
    go(&mut p, "tip-educate-yourself");
    assert_eq!(p.position_label(), "Tip 6 of 9");
    assert!(p.counts_in_part());
    assert!(!presenter(&[0, 20], t0).counts_in_part());
}

#[test]
fn random_keys_never_panic_or_leave_the_walkthrough() {
    use PresentAction::*;
    let actions = [
        Next,
        Back,
        Digit(1),
        Digit(9),
        Enter,
        Erase,
        Blank,
        Timer,
        Help,
        Cancel,
        Quit,
        ScrollDown,
        ScrollUp,
    ];
    let t0 = Instant::now();
    for sections in [top_tips(), vec![], vec![0], vec![34, 0, 34]] {
        let mut p = presenter(&sections, t0);
        let mut seed: u64 = 0x5eed;
        for n in 0..3000u64 {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            let action = actions[usize::try_from(seed >> 60).unwrap_or(0) % actions.len()];
            update(&mut p, action, t0 + Duration::from_millis(n * 300));
            let w = p.walkthrough();
            if !w.is_empty() {
                assert!(w.position().section < w.len());
                assert!(w.position().step < w.steps_in(w.position().section));
            }
        }
    }
}

mod exercise;
mod keys_in_force;
mod sweep;
