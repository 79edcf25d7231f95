//! Tests of bookmarks and their labels.

use super::*;
use crate::journal::record::Bookmark;
use crate::reader::update::test_support::{run, typed};
use crate::toolkit::content::built_in;

fn app() -> App {
    App::new(built_in(), 80, 24)
}

fn at() -> jiff::Timestamp {
    jiff::Timestamp::from_second(1_700_000_000).unwrap()
}

#[test]
fn b_toggles_the_bookmark_on_the_open_section() {
    let mut a = app();
    let effects = run(&mut a, &[Action::ToggleBookmark]);
    assert_eq!(
        effects,
        vec![Effect::Bookmark {
            section: "welcome".into(),
            label: None
        }]
    );
    let bookmark = Bookmark {
        label: None,
        added: at(),
        ..Bookmark::default()
    };
    a.journal
        .records
        .bookmarks
        .insert("welcome".into(), bookmark);
    let effects = run(&mut a, &[Action::ToggleBookmark]);
    assert_eq!(
        effects,
        vec![Effect::Unbookmark {
            section: "welcome".into()
        }]
    );
}

#[test]
fn the_bookmarks_list_opens_relabels_and_removes() {
    let mut a = app();
    for id in ["tip-speak-up", "welcome"] {
        let bookmark = Bookmark {
            label: None,
            added: at(),
            ..Bookmark::default()
        };
        a.journal.records.bookmarks.insert(id.into(), bookmark);
    }
    run(&mut a, &[Action::Bookmarks, Action::Down]);
    assert_eq!(a.overlay, Some(Overlay::Bookmarks { selected: 1 }));
    run(&mut a, &[Action::Relabel]);
    run(&mut a, &typed("for supervision"));
    let effects = run(&mut a, &[Action::Open]);
    assert_eq!(
        effects,
        vec![Effect::Bookmark {
            section: "tip-speak-up".into(),
            label: Some("for supervision".into())
        }]
    );
    assert_eq!(a.overlay, Some(Overlay::Bookmarks { selected: 1 }));
    let effects = run(&mut a, &[Action::Remove]);
    assert_eq!(
        effects,
        vec![Effect::Unbookmark {
            section: "tip-speak-up".into()
        }]
    );
    run(&mut a, &[Action::Top, Action::Open]);
    assert_eq!(a.current, 0);
    assert!(a.overlay.is_none());
}

#[test]
fn a_label_half_typed_is_kept_when_the_app_leaves_and_an_untouched_one_is_not() {
    let mut a = app();
    let bookmark = Bookmark {
        label: None,
        added: at(),
        ..Bookmark::default()
    };
    a.journal
        .records
        .bookmarks
        .insert("welcome".into(), bookmark);
    // Opened and left untouched: leaving changes nothing.
    run(&mut a, &[Action::Bookmarks, Action::Relabel]);
    assert!(run(&mut a, &[Action::Leaving]).is_empty());
    // Typed but not confirmed (the window closed, a signal): kept.
    a.overlay = None;
    run(&mut a, &[Action::Bookmarks, Action::Relabel]);
    run(&mut a, &typed("for supervision"));
    let effects = run(&mut a, &[Action::Leaving]);
    assert_eq!(
        effects,
        vec![Effect::Bookmark {
            section: "welcome".into(),
            label: Some("for supervision".into())
        }]
    );
}

#[test]
fn u_in_the_bookmarks_puts_back_the_last_one_removed_with_its_label() {
    let mut a = app();
    let bookmark = Bookmark {
        label: Some("for supervision".into()),
        added: at(),
        ..Bookmark::default()
    };
    a.journal
        .records
        .bookmarks
        .insert("tip-speak-up".into(), bookmark);
    let effects = run(&mut a, &[Action::Bookmarks, Action::Remove]);
    assert_eq!(
        effects,
        vec![Effect::Unbookmark {
            section: "tip-speak-up".into()
        }]
    );
    assert!(
        a.message
            .as_deref()
            .unwrap_or("")
            .contains("u puts it back")
    );
    a.journal.records.bookmarks.clear(); // as the run loop's save leaves it
    let effects = run(&mut a, &[Action::Undo]);
    assert_eq!(
        effects,
        vec![Effect::Bookmark {
            section: "tip-speak-up".into(),
            label: Some("for supervision".into())
        }]
    );
    assert!(matches!(a.overlay, Some(Overlay::Bookmarks { .. })));
    assert!(run(&mut a, &[Action::Undo]).is_empty(), "undone once");
    assert!(
        a.message
            .as_deref()
            .unwrap_or("")
            .contains("Nothing to undo")
    );
}
