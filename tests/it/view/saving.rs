//! Snapshots and checks of what the reader says about saving: "Leave
//! anyway?" is what the person sees, at every size, even when an older
//! "Not saved" message is showing; and the too-small screen asks it too.

use super::common::frames::text;
use super::common::input::typed;
use super::{app_at, draw};
use allyship::reader::action::Action;
use allyship::reader::app::App;
use allyship::reader::update::{Saved, saved, update};

const LOCKED: &str = "another copy of allyship kept the journal locked";

fn failed(why: &str) -> Saved {
    Saved {
        unsaved: Some((vec!["welcome".into()], why.into())),
        messages: Vec::new(),
        written: false,
    }
}

/// A note written and closed, its save failed (the long "Not saved"
/// message showing), then `q`; and a retry failing for a new reason while
/// the question is up, which says so in a message again.
fn asked_to_leave(width: u16, height: u16) -> App {
    let mut actions = vec![Action::EditNote];
    actions.extend(typed("fifth"));
    actions.push(Action::Close);
    let mut app = app_at(width, height, &actions);
    saved(&mut app, failed(LOCKED));
    assert!(app.message.is_some(), "the Not saved message shows");
    update(&mut app, Action::Quit);
    saved(&mut app, failed("the disk is full"));
    app
}

#[test]
fn leave_anyway_over_a_not_saved_message_80x24() {
    let app = asked_to_leave(80, 24);
    insta::assert_snapshot!(draw(&app).backend());
}

#[test]
fn leave_anyway_over_a_not_saved_message_24x8() {
    let app = asked_to_leave(24, 8);
    insta::assert_snapshot!(draw(&app).backend());
}

#[test]
fn leave_anyway_and_its_keys_show_at_every_size_the_app_draws() {
    for width in 24..=120 {
        for height in 8..=40 {
            let mut app = asked_to_leave(80, 24);
            update(&mut app, Action::Resize { width, height });
            let screen = text(draw(&app).backend().buffer());
            assert!(
                screen.contains("Leave anyway?"),
                "{width}x{height}\n{screen}"
            );
            assert!(screen.contains("y leave"), "{width}x{height}\n{screen}");
            assert!(screen.contains("n stay"), "{width}x{height}\n{screen}");
            assert!(!screen.contains(" Message "), "{width}x{height}\n{screen}");
        }
    }
}

#[test]
fn leave_anyway_on_a_window_too_small_for_the_app_20x6() {
    let mut app = asked_to_leave(80, 24);
    update(
        &mut app,
        Action::Resize {
            width: 20,
            height: 6,
        },
    );
    insta::assert_snapshot!(draw(&app).backend());
}
