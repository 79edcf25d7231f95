use super::test_support::run;
use super::*;
use crate::toolkit::content::built_in;

fn app(width: u16, height: u16) -> App {
    App::new(built_in(), width, height)
}

#[test]
fn right_and_left_cross_part_boundaries() {
    let mut a = app(80, 24);
    let last_of_start = a.toolkit.parts[0].sections.len() - 1;
    a.current = last_of_start;
    let effects = run(&mut a, &[Action::NextSection]);
    assert_eq!(a.current, last_of_start + 1);
    assert!(effects.is_empty());
    assert_eq!(
        a.toolkit.entry(a.current).unwrap().part.id,
        "what-is-an-ally"
    );
    run(&mut a, &[Action::PreviousSection]);
    assert_eq!(a.current, last_of_start);
}

#[test]
fn the_ends_of_the_toolkit_say_so() {
    let mut a = app(80, 24);
    assert!(run(&mut a, &[Action::PreviousSection]).is_empty());
    assert_eq!(a.message.as_deref(), Some("This is the first section."));
    let last = a.toolkit.section_count() - 1;
    a.current = last;
    run(&mut a, &[Action::NextSection]);
    assert_eq!(a.current, last);
    assert!(a.message.is_some());
    run(&mut a, &[Action::Up]);
    assert!(a.message.is_none(), "the next key clears a message");
}

#[test]
fn typing_a_number_and_enter_goes_there() {
    let mut a = app(80, 24);
    run(&mut a, &[Action::Digit(1), Action::Digit(2)]);
    assert_eq!(a.number, "12");
    run(&mut a, &[Action::Open]);
    assert_eq!(a.current, 11);
    assert!(a.number.is_empty());
    run(&mut a, &[Action::Digit(9), Action::Digit(9), Action::Open]);
    assert_eq!(a.current, 11);
    assert!(a.message.as_deref().unwrap().contains("no section 99"));
    run(&mut a, &[Action::Digit(3), Action::Close, Action::Open]);
    assert_eq!(a.current, 11, "Esc cancels a half-typed number");
}

/// Issue 27, item 17: every digit typed counts. 00012 is section 12 (not
/// section 1, as when only four digits were kept), 12345 is said to be no
/// section, and a flood of digits names none and says so.
#[test]
fn every_digit_of_a_section_number_counts() {
    let mut a = app(80, 24);
    let digits = |n: &str| {
        n.bytes()
            .map(|b| Action::Digit(b - b'0'))
            .collect::<Vec<_>>()
    };
    run(&mut a, &digits("00012"));
    run(&mut a, &[Action::Open]);
    assert_eq!(a.current, 11, "00012 is section 12");
    run(&mut a, &digits("12345"));
    run(&mut a, &[Action::Open]);
    assert_eq!(a.current, 11, "never goes somewhere else");
    let said = a.message.clone().unwrap();
    assert!(said.starts_with("There is no section 12345:"), "{said}");
    run(&mut a, &digits(&"7".repeat(1000)));
    assert!(a.number.len() < 20, "a flood stays small: {}", a.number);
    run(&mut a, &[Action::Open]);
    assert_eq!(a.current, 11);
    let said = a.message.clone().unwrap();
    assert!(
        said.starts_with("There is no section 777777777777…:"),
        "{said}"
    );
}

#[test]
fn back_and_forward_work_like_a_browser() {
    let mut a = app(80, 24);
    run(
        &mut a,
        &[
            Action::NextSection,
            Action::NextSection,
            Action::Digit(9),
            Action::Open,
        ],
    );
    assert_eq!(a.current, 8);
    run(&mut a, &[Action::Back]);
    assert_eq!(a.current, 2);
    run(&mut a, &[Action::Back]);
    assert_eq!(a.current, 1);
    run(&mut a, &[Action::Forward]);
    assert_eq!(a.current, 2);
    run(&mut a, &[Action::NextSection]);
    assert!(a.forward.is_empty(), "a new visit clears forward history");
    run(&mut a, &[Action::Forward]);
    assert_eq!(a.message.as_deref(), Some("Nothing to go forward to."));
}

#[test]
fn back_restores_the_scroll_position() {
    let mut a = app(80, 12);
    let long = (0..a.toolkit.section_count())
        .max_by_key(|i| {
            a.current = *i;
            a.max_scroll()
        })
        .unwrap();
    a.current = long;
    run(&mut a, &[Action::Down, Action::Down]);
    assert_eq!(a.scroll, 2);
    run(&mut a, &[Action::NextSection]);
    assert_eq!(a.scroll, 0);
    run(&mut a, &[Action::Back]);
    assert_eq!((a.current, a.scroll), (long, 2));
}

#[test]
fn scrolling_stops_at_the_last_line() {
    let mut a = app(80, 10);
    let max = a.max_scroll();
    assert!(max > 0, "a section should overflow 80x10");
    run(&mut a, &[Action::Bottom, Action::Down, Action::PageDown]);
    assert_eq!(a.scroll, max);
    run(&mut a, &[Action::Top]);
    assert_eq!(a.scroll, 0);
    run(&mut a, &[Action::Up, Action::PageUp]);
    assert_eq!(a.scroll, 0);
}

#[test]
fn tab_moves_focus_and_enter_opens_the_selected_entry() {
    let mut a = app(100, 30);
    run(&mut a, &[Action::SwitchFocus]);
    assert_eq!(a.focus, Focus::Contents);
    run(&mut a, &[Action::Down, Action::Down, Action::Down]);
    assert_eq!(a.selected, 3);
    assert_eq!(a.current, 0, "moving in the contents does not open");
    run(&mut a, &[Action::Open]);
    assert_eq!(a.current, 3);
    assert_eq!(a.focus, Focus::Text);
    run(&mut a, &[Action::SwitchFocus, Action::Bottom]);
    assert_eq!(a.selected, a.toolkit.section_count() - 1);
}

#[test]
fn narrow_screens_open_and_close_the_contents() {
    let mut a = app(40, 12);
    assert!(!a.contents_shown());
    run(&mut a, &[Action::ToggleContents]);
    assert!(a.contents_shown());
    assert_eq!(a.focus, Focus::Contents);
    run(&mut a, &[Action::Down, Action::Open]);
    assert!(!a.contents_shown(), "opening a section shows its text");
    assert_eq!(a.current, 1);
    run(&mut a, &[Action::SwitchFocus, Action::Close]);
    assert!(!a.contents_shown(), "Esc closes the contents");
}

#[test]
fn clicking_a_contents_row_opens_it() {
    let mut a = app(80, 24);
    let area = a.contents_area().unwrap();
    // Row 0 is the first part heading, row 1 the first section, row 2 the second.
    run(
        &mut a,
        &[Action::Click {
            column: area.x + 3,
            row: area.y + 2,
        }],
    );
    assert_eq!(a.current, 1);
    // Clicking the second part's heading opens its first section.
    let heading = a.toolkit.parts[0].sections.len() + 1;
    run(
        &mut a,
        &[Action::Click {
            column: area.x + 3,
            row: area.y + heading as u16,
        }],
    );
    assert_eq!(a.current, a.toolkit.parts[0].sections.len());
    let before = a.current;
    run(&mut a, &[Action::Click { column: 0, row: 0 }]);
    assert_eq!(a.current, before, "a click on the title bar does nothing");
}

#[test]
fn the_wheel_scrolls_whatever_is_under_it() {
    let mut a = app(80, 10);
    let text = a.text_area().unwrap();
    run(
        &mut a,
        &[Action::Wheel {
            column: text.x,
            row: text.y,
            down: true,
        }],
    );
    assert_eq!(a.scroll, WHEEL_LINES.min(a.max_scroll()));
    let contents = a.contents_area().unwrap();
    run(
        &mut a,
        &[Action::Wheel {
            column: contents.x,
            row: contents.y,
            down: true,
        }],
    );
    assert_eq!(a.selected, 3);
}

#[test]
fn the_contents_scroll_to_keep_the_selection_visible() {
    let mut a = app(80, 12);
    run(&mut a, &[Action::SwitchFocus, Action::Bottom]);
    let height = a.contents_area().unwrap().height as usize;
    let rows = a.contents_rows();
    let row = rows
        .iter()
        .position(|r| *r == ContentsRow::Section(a.selected))
        .unwrap();
    assert!(row >= a.contents_offset && row < a.contents_offset + height);
    run(&mut a, &[Action::Top]);
    assert_eq!(a.contents_offset, 0, "the first part's heading shows too");
}

#[test]
fn help_opens_scrolls_and_closes() {
    let mut a = app(80, 12);
    run(&mut a, &[Action::Help]);
    assert_eq!(
        a.overlay,
        Some(Overlay::Help {
            scroll: 0,
            under: None
        })
    );
    run(&mut a, &[Action::Down, Action::Down]);
    assert_eq!(
        a.overlay,
        Some(Overlay::Help {
            scroll: 2,
            under: None
        })
    );
    run(&mut a, &[Action::NextSection]);
    assert_eq!(a.current, 0, "the reader does not move under the help");
    run(&mut a, &[Action::Close]);
    assert_eq!(a.overlay, None);
}

#[test]
fn quit_asks_the_loop_to_leave_from_anywhere() {
    let mut a = app(80, 24);
    assert_eq!(run(&mut a, &[Action::Quit]), vec![Effect::Quit]);
    run(&mut a, &[Action::Help]);
    assert_eq!(run(&mut a, &[Action::Quit]), vec![Effect::Quit]);
}

#[test]
fn shrinking_the_screen_keeps_everything_in_bounds() {
    let mut a = app(80, 24);
    run(&mut a, &[Action::Bottom, Action::SwitchFocus]);
    for (w, h) in [(1, 1), (0, 0), (23, 7), (30, 8), (200, 60), (69, 24)] {
        run(
            &mut a,
            &[
                Action::Resize {
                    width: w,
                    height: h,
                },
                Action::Down,
                Action::PageDown,
            ],
        );
        assert!(a.scroll <= a.max_scroll());
        assert!(a.selected < a.toolkit.section_count());
    }
}

#[test]
fn the_journal_opens_its_rows_and_closes() {
    let mut a = app(80, 24);
    run(&mut a, &[Action::Journal]);
    assert_eq!(
        a.overlay,
        Some(Overlay::Journal {
            selected: 0,
            scroll: 0
        })
    );
    assert_eq!(a.reading(), None, "the journal covers the text");
    // With nothing read, the rows that open sections are the parts' gauges:
    // the second opens the second part's first section.
    run(&mut a, &[Action::Down, Action::Open]);
    assert_eq!(a.overlay, None);
    assert_eq!(a.current, a.toolkit.parts[0].sections.len());
    assert_eq!(a.reading(), Some(a.current));
    run(
        &mut a,
        &[Action::Journal, Action::Bottom, Action::Down, Action::Close],
    );
    assert_eq!(a.overlay, None);
}

#[test]
fn quitting_from_the_journal_asks_to_leave() {
    let mut a = app(80, 24);
    run(&mut a, &[Action::Journal]);
    assert_eq!(run(&mut a, &[Action::Quit]), vec![Effect::Quit]);
}

#[test]
fn opening_any_window_cancels_a_half_typed_number() {
    for open in [
        Action::Search,
        Action::Help,
        Action::Journal,
        Action::Bookmarks,
        Action::Notes,
        Action::EditNote,
        Action::Links,
    ] {
        let mut a = app(80, 24);
        a.current = a.toolkit.index_of("learn-online").unwrap();
        run(&mut a, &[Action::Digit(8), Action::Digit(3), open]);
        assert!(a.overlay.is_some(), "{open:?} opens a window");
        run(&mut a, &[Action::Close]);
        assert_eq!(a.number, "", "{open:?} then Esc leaves no number");
        assert!(
            !crate::reader::ui::reader::status_text(&a)
                .0
                .contains("Go to"),
            "{open:?}"
        );
    }
}

#[test]
fn help_over_a_window_closes_back_to_that_window() {
    let mut a = app(80, 24);
    run(&mut a, &[Action::Journal, Action::Down, Action::Help]);
    assert!(matches!(a.overlay, Some(Overlay::Help { .. })));
    run(&mut a, &[Action::Close]);
    assert_eq!(
        a.overlay,
        Some(Overlay::Journal {
            selected: 1,
            scroll: 0
        }),
        "back to the journal, where it was"
    );
    run(&mut a, &[Action::Close, Action::Help, Action::Close]);
    assert_eq!(a.overlay, None, "help from the reader closes to the reader");
}

#[test]
fn help_over_the_note_editor_keeps_the_words_and_still_saves_them() {
    use super::test_support::typed;
    let mut a = app(80, 24);
    run(&mut a, &[Action::EditNote]);
    run(&mut a, &typed("half a thought"));
    run(&mut a, &[Action::Help]);
    assert!(matches!(a.overlay, Some(Overlay::Help { .. })));
    // A pause in typing (or leaving) saves the note even under the help.
    let effects = run(&mut a, &[Action::SaveNote]);
    assert_eq!(
        effects,
        vec![Effect::KeepNote {
            section: "welcome".into(),
            text: "half a thought".into()
        }]
    );
    assert!(matches!(a.overlay, Some(Overlay::Help { .. })));
    run(&mut a, &[Action::Close]);
    match &a.overlay {
        Some(Overlay::Note(input)) => assert_eq!(input.text(), "half a thought"),
        other => panic!("expected the editor again, got {other:?}"),
    }
}

#[test]
fn t_switches_the_theme_in_the_app_and_asks_for_it_to_be_remembered() {
    use crate::theme::{Theme, ThemeName};
    let mut a = app(80, 24);
    a.theme = Theme::standard();
    let before = a.section_lines();
    let effects = run(&mut a, &[Action::SwitchTheme]);
    assert_eq!(a.theme, Theme::high_contrast());
    assert_eq!(
        effects,
        vec![Effect::RememberTheme(ThemeName::HighContrast)]
    );
    assert!(a.message.as_deref().unwrap_or("").contains("high contrast"));
    assert_ne!(
        *a.section_lines(),
        *before,
        "the text is drawn in the new theme"
    );
    run(&mut a, &[Action::SwitchTheme]);
    assert_eq!(a.theme, Theme::mono());
    run(&mut a, &[Action::SwitchTheme]);
    assert_eq!(a.theme, Theme::standard(), "round again");
}

/// The action each key gives in the window open at the time, as the run
/// loop reads it (`None`: the key does nothing there).
fn press_keys(a: &mut App, keys: &str) {
    use crate::reader::keymap::{action_for, table, typing_action};
    use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
    for c in keys.chars() {
        let code = match c {
            '\u{1b}' => KeyCode::Esc,
            c => KeyCode::Char(c),
        };
        let event = KeyEvent::new(code, KeyModifiers::NONE);
        let typing = matches!(a.overlay, Some(Overlay::Search { .. }));
        let bindings = table(a.overlay.as_ref());
        let action = if typing {
            typing_action(bindings, event)
        } else {
            action_for(bindings, event)
        };
        if let Some(action) = action {
            update(a, action);
        }
    }
}

#[test]
fn help_over_the_bookmarks_list_is_the_lists_and_esc_returns_to_it() {
    // The newcomer's steps: 8 3, /, a, Esc, Esc, b, B, then ?.
    let mut a = app(80, 24);
    press_keys(&mut a, "83/a\u{1b}\u{1b}bB");
    assert!(
        matches!(a.overlay, Some(Overlay::Bookmarks { .. })),
        "{:?}",
        a.overlay
    );
    press_keys(&mut a, "?");
    // The run loop's save two seconds after the last letter typed (in the
    // search box) comes while the help is open.
    update(&mut a, Action::SaveNote);
    match &a.overlay {
        Some(Overlay::Help { under, .. }) => assert!(
            matches!(under.as_deref(), Some(Overlay::Bookmarks { .. })),
            "{under:?}"
        ),
        other => panic!("no help: {other:?}"),
    }
    press_keys(&mut a, "\u{1b}");
    assert!(
        matches!(a.overlay, Some(Overlay::Bookmarks { .. })),
        "{:?}",
        a.overlay
    );
}
