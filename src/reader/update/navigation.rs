//! Moving around the toolkit: opening a section (with the history Back and
//! Forward walk), going to a typed number, the contents pane's selection,
//! showing and hiding it, and the mouse wheel and clicks in the reader.

use super::{WHEEL_LINES, scrolled};
use crate::reader::action::Action;
use crate::reader::app::{App, ContentsRow, Focus, HISTORY_LIMIT, Place};
use crate::reader::layout;
use ratatui::layout::Position;

/// The open section and the rest of its part, for a walkthrough from here.
pub(super) fn rest_of_part(app: &App) -> Vec<usize> {
    let Some(here) = app.toolkit.entry(app.current) else {
        return Vec::new();
    };
    app.toolkit
        .entries()
        .filter(|e| e.part_index == here.part_index && e.index >= here.index)
        .map(|e| e.index)
        .collect()
}

/// Opens section `index`, remembering where we were so Back returns there.
pub fn go_to(app: &mut App, index: usize) {
    if index == app.current || index >= app.toolkit.section_count() {
        return;
    }
    app.back.push(app.place());
    if app.back.len() > HISTORY_LIMIT {
        app.back.remove(0);
    }
    app.forward.clear();
    show(
        app,
        Place {
            section: index,
            scroll: 0,
        },
    );
}

/// Shows a place without touching the history.
fn show(app: &mut App, place: Place) {
    app.current = place.section;
    app.scroll = place.scroll;
    app.selected = place.section;
}

/// Back (or Forward) through the history, saying so when there is nowhere to go.
pub(super) fn travel(app: &mut App, backwards: bool) {
    let (from, to) = if backwards {
        (&mut app.back, &mut app.forward)
    } else {
        (&mut app.forward, &mut app.back)
    };
    let here = Place {
        section: app.current,
        scroll: app.scroll,
    };
    match from.pop() {
        Some(place) => {
            to.push(here);
            show(app, place);
        }
        None if backwards => app.message = Some("Nothing to go back to yet.".into()),
        None => app.message = Some("Nothing to go forward to.".into()),
    }
}

/// How many digits of a section number are kept; more are shown as `…`,
/// so a flood of digits stays small and never reads as another number.
const NUMBER_DIGITS: usize = 12;

/// Adds a typed digit to the section number: every digit counts (12345 is
/// never 1234); past [`NUMBER_DIGITS`] the number ends in `…` and names no section.
pub(super) fn push_digit(app: &mut App, digit: u8) {
    if app.number.ends_with('…') {
        return;
    }
    if app.number.len() >= NUMBER_DIGITS {
        app.number.push('…');
    } else {
        app.number.push(char::from(b'0' + digit.min(9)));
    }
}

/// Opens the section whose number was typed, or says which numbers exist.
pub(super) fn open_number(app: &mut App) {
    let typed = std::mem::take(&mut app.number);
    let count = app.toolkit.section_count();
    match typed.parse::<usize>() {
        Ok(n) if (1..=count).contains(&n) => go_to(app, n - 1),
        _ => {
            app.message = Some(format!(
                "There is no section {typed}: the sections are 1 to {count}."
            ))
        }
    }
}

/// Shows or hides the contents (narrow screens: in place of the text).
pub(super) fn toggle_contents(app: &mut App) {
    if layout::is_narrow(app.screen) {
        app.contents_open_narrow = !app.contents_open_narrow;
    } else {
        app.contents_hidden_wide = !app.contents_hidden_wide;
    }
    if app.contents_shown() {
        app.selected = app.current;
        app.focus = Focus::Contents;
    } else {
        app.focus = Focus::Text;
    }
}

/// Moves the contents selection by a line, a page or to either end.
pub(super) fn move_selection(app: &mut App, action: Action) {
    let last = app.toolkit.section_count().saturating_sub(1);
    let page = app
        .contents_area()
        .map_or(1, |a| usize::from(a.height.saturating_sub(1)).max(1));
    app.selected = match action {
        Action::Up => app.selected.saturating_sub(1),
        Action::Down => app.selected + 1,
        Action::PageUp => app.selected.saturating_sub(page),
        Action::PageDown => app.selected + page,
        Action::Top => 0,
        Action::Bottom => last,
        _ => app.selected,
    }
    .min(last);
}

/// The wheel moves the contents selection over the contents, else the text.
pub(super) fn wheel(app: &mut App, at: Position, down: bool) {
    if app.contents_area().is_some_and(|a| a.contains(at)) {
        let action = if down { Action::Down } else { Action::Up };
        for _ in 0..WHEEL_LINES {
            move_selection(app, action);
        }
    } else {
        let action = Action::Wheel {
            column: at.x,
            row: at.y,
            down,
        };
        app.scroll = scrolled(app.scroll, action, app.max_scroll(), 1);
    }
}

/// A click on a contents row opens it; one on the text gives it focus.
pub(super) fn click(app: &mut App, at: Position) {
    if let Some(area) = app.contents_area().filter(|a| a.contains(at)) {
        let row = app.contents_offset + usize::from(at.y - area.y);
        let target = match app.contents_rows().get(row) {
            Some(ContentsRow::Section(index)) => Some(*index),
            Some(ContentsRow::Part(part)) => app.toolkit.parts[..*part]
                .iter()
                .map(|p| p.sections.len())
                .sum::<usize>()
                .into(),
            None => None,
        };
        if let Some(index) = target {
            app.selected = index;
            go_to(app, index);
            if layout::is_narrow(app.screen) {
                app.contents_open_narrow = false;
            }
            app.focus = Focus::Text;
        }
    } else if app.text_area().is_some_and(|a| a.contains(at)) {
        app.focus = Focus::Text;
    }
}
