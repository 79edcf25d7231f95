//! The keymap's tables: keys map to actions, nothing is bound twice, and
//! everything is on the keyboard.

use super::*;
use ratatui::crossterm::event::{KeyEvent, KeyEventKind};

#[test]
fn everything_the_mouse_does_and_every_window_is_on_the_keyboard() {
    let bound = |table: &[Binding], action| table.iter().any(|b| b.action == action);
    // The wheel scrolls and a click opens a contents entry: the same as keys.
    for action in [Action::Up, Action::Down, Action::Open, Action::SwitchFocus] {
        assert!(bound(READER, action), "{action:?}");
    }
    let windows = [
        (Action::Help, HELP),
        (Action::Journal, JOURNAL),
        (Action::EditNote, NOTE),
        (Action::Bookmarks, BOOKMARKS),
        (Action::Notes, NOTES),
        (Action::Links, LINKS),
        (Action::Search, SEARCH),
        (Action::Choose, CHOOSE),
    ];
    for (opens, table) in windows {
        assert!(bound(READER, opens), "{opens:?} has a key");
        assert!(
            bound(table, Action::Close),
            "{opens:?}'s window closes from the keyboard"
        );
    }
    assert!(bound(BOOKMARKS, Action::Relabel) && bound(LABEL, Action::Close));
    for action in [Action::Quit, Action::Present, Action::Back, Action::Forward] {
        assert!(bound(READER, action), "{action:?}");
    }
}

fn press(code: KeyCode, modifiers: KeyModifiers) -> KeyEvent {
    KeyEvent::new(code, modifiers)
}

fn reader(code: KeyCode) -> Option<Action> {
    action_for(READER, press(code, KeyModifiers::NONE))
}

#[test]
fn arrows_letters_and_digits_map_to_actions() {
    assert_eq!(reader(KeyCode::Down), Some(Action::Down));
    assert_eq!(reader(KeyCode::Char('j')), Some(Action::Down));
    assert_eq!(reader(KeyCode::Right), Some(Action::NextSection));
    assert_eq!(reader(KeyCode::Char('7')), Some(Action::Digit(7)));
    assert_eq!(reader(KeyCode::Char('x')), None);
    assert_eq!(
        action_for(READER, press(KeyCode::Char('G'), KeyModifiers::SHIFT)),
        Some(Action::Bottom)
    );
}

#[test]
fn modifiers_must_match() {
    assert_eq!(
        action_for(READER, press(KeyCode::Right, KeyModifiers::ALT)),
        Some(Action::Forward)
    );
    assert_eq!(
        action_for(READER, press(KeyCode::Left, KeyModifiers::ALT)),
        Some(Action::Back)
    );
    assert_eq!(
        action_for(READER, press(KeyCode::Char('c'), KeyModifiers::CONTROL)),
        Some(Action::QuitNow)
    );
    assert_eq!(
        action_for(READER, press(KeyCode::Char('j'), KeyModifiers::CONTROL)),
        None
    );
}

#[test]
fn key_releases_are_ignored() {
    let mut release = press(KeyCode::Char('q'), KeyModifiers::NONE);
    release.kind = KeyEventKind::Release;
    assert_eq!(action_for(READER, release), None);
}

#[test]
fn keys_are_described_as_people_write_them() {
    assert_eq!(
        describe(KeyPattern::Key(KeyCode::Char('c'), KeyModifiers::CONTROL)),
        "Ctrl-C"
    );
    assert_eq!(
        describe(KeyPattern::Key(KeyCode::Right, KeyModifiers::ALT)),
        "Alt+Right"
    );
    assert_eq!(describe(ch(' ')), "Space");
    assert_eq!(hint_for(READER, Action::Help).as_deref(), Some("?"));
}

#[test]
fn no_key_is_bound_twice() {
    let mut seen = Vec::new();
    for binding in READER {
        for pattern in binding.keys {
            assert!(!seen.contains(pattern), "{pattern:?} is bound twice");
            seen.push(*pattern);
        }
    }
}

#[test]
fn every_window_has_a_key_for_its_own_help() {
    let f1 = press(KeyCode::F(1), KeyModifiers::NONE);
    for table in [
        JOURNAL, NOTE, LABEL, BOOKMARKS, NOTES, LINKS, SEARCH, CHOOSE,
    ] {
        assert_eq!(action_for(table, f1), Some(Action::Help));
    }
}

#[test]
fn shift_t_switches_the_theme_from_the_reader() {
    assert_eq!(
        action_for(READER, press(KeyCode::Char('T'), KeyModifiers::SHIFT)),
        Some(Action::SwitchTheme)
    );
}

#[test]
fn c_chooses_in_the_reader_and_the_choose_window_takes_numbers() {
    assert_eq!(reader(KeyCode::Char('c')), Some(Action::Choose));
    let in_window = |code| action_for(CHOOSE, press(code, KeyModifiers::NONE));
    assert_eq!(in_window(KeyCode::Enter), Some(Action::Open));
    assert_eq!(in_window(KeyCode::Char('3')), Some(Action::Digit(3)));
    for close in [KeyCode::Esc, KeyCode::Char('q'), KeyCode::Char('c')] {
        assert_eq!(in_window(close), Some(Action::Close), "{close:?}");
    }
    assert_eq!(
        in_window(KeyCode::Char(' ')),
        None,
        "Space does not choose by accident"
    );
    let mut seen = Vec::new();
    for pattern in CHOOSE.iter().flat_map(|b| b.keys) {
        assert!(!seen.contains(pattern), "{pattern:?} is bound twice");
        seen.push(*pattern);
    }
}

#[test]
fn only_y_leaves_at_leave_anyway_and_a_second_q_does_not() {
    let answer = |c| action_for(CONFIRM_QUIT, press(KeyCode::Char(c), KeyModifiers::NONE));
    assert_eq!(answer('y'), Some(Action::QuitNow));
    assert_eq!(answer('Y'), Some(Action::QuitNow));
    assert_eq!(answer('q'), None, "q asked; q again is not yes");
    assert_eq!(answer('n'), Some(Action::Close));
    let enter = action_for(CONFIRM_QUIT, press(KeyCode::Enter, KeyModifiers::NONE));
    assert_eq!(enter, None, "Enter is not yes either");
}
