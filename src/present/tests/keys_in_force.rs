//! Unit tests of what each key does on each screen: the question before
//! ending, the blank screen, and scrolling.

use super::*;

#[test]
fn esc_only_cancels_and_q_asks_before_ending() {
    let t0 = Instant::now();
    let mut p = presenter(&top_tips(), t0);
    use PresentAction::*;
    // Esc with nothing to cancel says how to end, and ends nothing (past
    // the part's outcomes and the introduction, on the first point).
    assert!(press(&mut p, &[Next, Next, Cancel, Cancel], t0).is_empty());
    assert_eq!(p.walkthrough().step(), Step::Points(1));
    assert!(p.message().unwrap().contains("q ends the walkthrough"));
    // q asks; n or Esc carries on where the room was.
    assert!(press(&mut p, &[Quit], t0).is_empty());
    assert!(p.confirming());
    assert!(press(&mut p, &[Cancel], t0).is_empty());
    assert!(!p.confirming());
    assert_eq!(p.walkthrough().step(), Step::Points(1));
    // While asking, other keys change nothing and the question stays.
    press(
        &mut p,
        &[Quit, Next, Blank, Help, Timer, Digit(3), Quit],
        t0,
    );
    assert!(p.confirming() && !p.is_blank() && !p.help_open());
    assert_eq!((p.walkthrough().step(), p.digits()), (Step::Points(1), ""));
    assert_eq!(press(&mut p, &[Confirm], t0), [PresentEffect::Leave]);
    // Ctrl-C ends at once; y means nothing outside the question.
    let mut p = presenter(&top_tips(), t0);
    assert!(press(&mut p, &[Confirm], t0).is_empty());
    assert_eq!(press(&mut p, &[Leave], t0), [PresentEffect::Leave]);
}

#[test]
fn the_keys_in_force_follow_the_screen() {
    use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
    let t0 = Instant::now();
    let event = |code| Event::Key(KeyEvent::new(code, KeyModifiers::NONE));
    let mut p = presenter(&top_tips(), t0);
    use PresentAction::*;
    let key = |p: &Presenter, code| keys::action_for_event(p, event(code));
    assert_eq!(key(&p, KeyCode::Char('q')), Some(Quit));
    assert_eq!(key(&p, KeyCode::Esc), Some(Cancel));
    assert_eq!(key(&p, KeyCode::Char('y')), None);
    assert_eq!(key(&p, KeyCode::Char('x')), None);
    assert_eq!(key(&p, KeyCode::Down), Some(ScrollDown));
    update(&mut p, Help, t0);
    assert_eq!(key(&p, KeyCode::Down), Some(ScrollDown));
    assert_eq!(key(&p, KeyCode::Up), Some(ScrollUp));
    assert_eq!(key(&p, KeyCode::Char('q')), Some(Cancel));
    update(&mut p, Cancel, t0);
    update(&mut p, Quit, t0);
    assert_eq!(key(&p, KeyCode::Char('y')), Some(Confirm));
    assert_eq!(key(&p, KeyCode::Char('Y')), Some(Confirm));
    assert_eq!(key(&p, KeyCode::Char('n')), Some(Cancel));
    assert_eq!(key(&p, KeyCode::Esc), Some(Cancel));
    assert_eq!(key(&p, KeyCode::Char(' ')), None);
    update(&mut p, Cancel, t0);
    update(&mut p, Blank, t0);
    // On the blank screen every key brings it back, bound or not.
    for code in [
        KeyCode::Char('x'),
        KeyCode::Char('q'),
        KeyCode::Esc,
        KeyCode::Tab,
        KeyCode::F(5),
        KeyCode::Home,
        KeyCode::Char('7'),
    ] {
        assert_eq!(key(&p, code), Some(Blank), "{code:?}");
    }
    let ctrl_c = Event::Key(KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL));
    assert_eq!(keys::action_for_event(&p, ctrl_c), Some(Leave));
    let mut release = KeyEvent::new(KeyCode::Char('x'), KeyModifiers::NONE);
    release.kind = KeyEventKind::Release;
    assert_eq!(keys::action_for_event(&p, Event::Key(release)), None);
    assert_eq!(keys::action_for_event(&p, Event::Resize(80, 24)), None);
}

#[test]
fn up_and_down_scroll_within_the_reach_drawn_and_a_new_step_starts_afresh() {
    let t0 = Instant::now();
    let mut p = presenter(&top_tips(), t0);
    use PresentAction::*;
    // Past the part's outcomes, on the second point.
    press(&mut p, &[Next, Next, Next, ScrollDown, ScrollDown], t0);
    assert_eq!(p.scroll().by(), 2, "before any drawing, no limit is known");
    p.scroll().note_reach((1, 3));
    press(&mut p, &[ScrollDown, ScrollDown, ScrollDown], t0);
    assert_eq!(p.scroll().by(), 3);
    press(&mut p, &[ScrollUp; 9], t0);
    assert_eq!(p.scroll().by(), -1);
    assert_eq!(
        p.walkthrough().step(),
        Step::Points(2),
        "scrolling never steps"
    );
    press(&mut p, &[Next], t0);
    assert_eq!(p.scroll().by(), 0, "the view follows the reveal again");
    press(&mut p, &[ScrollDown, Back], t0);
    assert_eq!(p.scroll().by(), 0);
    // The help scrolls on its own, from its top each time it opens.
    p.scroll().note_reach((0, 0));
    press(&mut p, &[Help, ScrollDown, ScrollDown], t0);
    assert_eq!((p.help_scroll().by(), p.scroll().by()), (2, 0));
    p.help_scroll().note_reach((0, 2));
    press(&mut p, &[ScrollDown, ScrollUp], t0);
    assert_eq!(p.help_scroll().by(), 1);
    press(&mut p, &[Help, Help], t0);
    assert_eq!(p.help_scroll().by(), 0);
}
