//! `update`: the only place the app's state changes. Pure: no terminal, no
//! files; what must happen outside comes back as effects.

use crate::reader::action::{Action, Effect};
use crate::reader::app::{App, ContentsRow, Focus, Overlay};
use crate::reader::layout;
use crate::reader::windows::bookmarks::update as bookmarks;
use crate::reader::windows::choose::update as choosing;
use crate::reader::windows::commitments::update as commitments;
use crate::reader::windows::help::layout as help;
use crate::reader::windows::help::update::help_window;
use crate::reader::windows::journal::layout as journal;
use crate::reader::windows::journal::update::journal_window;
use crate::reader::windows::links::update as links;
use crate::reader::windows::note::update as note;
use crate::reader::windows::notes::update as notes;
use crate::reader::windows::search::update as finding;
use ratatui::layout::{Position, Rect};

/// Lines the mouse wheel moves per notch.
const WHEEL_LINES: u16 = 3;

/// Applies one action to the app and says what must happen outside.
pub fn update(app: &mut App, action: Action) -> Vec<Effect> {
    let mut effects = Vec::new();
    // A window too small to show the app shows only that: keys that would
    // act unseen wait (the app stays as it was, a half-written note too).
    if layout::too_small(app.screen) && !too_small::acts(app, action) {
        return effects;
    }
    // After a walkthrough a key uncovers the reader, and does nothing else.
    if app.covered && uncovers(action) {
        app.covered = false;
        app.message = None; // it was read on the cover
        return effects;
    }
    match action {
        Action::QuitNow => effects.push(Effect::Quit),
        // Words that could not be saved: ask before leaving (Ctrl-C doesn't).
        // The question replaces any older message, so it is what is seen.
        Action::Quit if app.unsaved.is_some() => {
            app.number.clear();
            app.message = None;
            app.welcome = None;
            app.overlay = Some(Overlay::ConfirmQuit);
        }
        Action::Quit => effects.push(Effect::Quit),
        Action::Suspend => effects.push(Effect::Suspend),
        // Every way out keeps the words in a commitment window, even
        // under its help.
        Action::Leaving => {
            if let Some(Overlay::Help { under, .. }) = &mut app.overlay {
                app.overlay = under.take().map(|o| *o);
            }
            match app.overlay.take() {
                Some(Overlay::Commit(window)) => {
                    commitments::commit_window(app, action, window, &mut effects);
                }
                Some(Overlay::CheckIn(window)) => {
                    commitments::check_in_window(app, action, window, &mut effects);
                }
                Some(Overlay::Label(input)) => {
                    bookmarks::label_window(app, action, input, &mut effects);
                }
                other => app.overlay = other,
            }
        }
        Action::Resize { width, height } => app.screen = Rect::new(0, 0, width, height),
        // `?` (or F1) in a window opens the help for that window, over it.
        Action::Help
            if app
                .overlay
                .as_ref()
                .is_some_and(|o| !matches!(o, Overlay::Help { .. } | Overlay::ConfirmQuit)) =>
        {
            app.message = None;
            let under = app.overlay.take().map(Box::new);
            app.overlay = Some(Overlay::Help { scroll: 0, under });
        }
        _ => {
            // A save the run loop asks for (after a pause in typing) is no
            // key: it leaves the message for the person to read.
            if action != Action::SaveNote {
                app.message = None;
                app.welcome = None;
            }
            match app.overlay.take() {
                Some(Overlay::Help { scroll, under }) => {
                    help_window(app, action, scroll, under, &mut effects);
                }
                Some(Overlay::Journal { selected, scroll }) => {
                    journal_window(app, action, (selected, scroll), &mut effects);
                }
                Some(Overlay::Note(input)) => note::note_window(app, action, input, &mut effects),
                Some(Overlay::Label(input)) => {
                    bookmarks::label_window(app, action, input, &mut effects);
                }
                Some(Overlay::Bookmarks { selected }) => {
                    bookmarks::bookmarks_window(app, action, selected, &mut effects);
                }
                Some(Overlay::Notes { selected }) => notes::notes_window(app, action, selected),
                Some(Overlay::Links { selected }) => {
                    links::links_window(app, action, selected, &mut effects);
                }
                Some(Overlay::Search { input, selected }) => {
                    finding::search_window(app, action, input, selected);
                }
                Some(Overlay::Commit(window)) => {
                    commitments::commit_window(app, action, window, &mut effects);
                }
                Some(Overlay::CheckIn(window)) => {
                    commitments::check_in_window(app, action, window, &mut effects);
                }
                Some(Overlay::Choose { selected }) => {
                    choosing::choose_window(app, action, selected, &mut effects);
                }
                Some(Overlay::ConfirmQuit) if action != Action::Close => {
                    app.overlay = Some(Overlay::ConfirmQuit);
                }
                Some(Overlay::ConfirmQuit) => {}
                None => reader(app, action, &mut effects),
            }
        }
    }
    keep_in_bounds(app);
    effects
}

/// The new scroll position after a scrolling action (others leave it).
pub(crate) fn scrolled(scroll: u16, action: Action, max: u16, page: u16) -> u16 {
    let page = page.max(1);
    match action {
        Action::Up => scroll.saturating_sub(1),
        Action::Down => scroll.saturating_add(1),
        Action::PageUp => scroll.saturating_sub(page),
        Action::PageDown => scroll.saturating_add(page),
        Action::Top => 0,
        Action::Bottom => max,
        Action::Wheel { down: true, .. } => scroll.saturating_add(WHEEL_LINES),
        Action::Wheel { down: false, .. } => scroll.saturating_sub(WHEEL_LINES),
        _ => scroll,
    }
    .min(max)
}

fn reader(app: &mut App, action: Action, effects: &mut Vec<Effect>) {
    let in_contents = app.focus == Focus::Contents && app.contents_shown();
    match action {
        Action::Up
        | Action::Down
        | Action::PageUp
        | Action::PageDown
        | Action::Top
        | Action::Bottom
            if in_contents =>
        {
            move_selection(app, action);
        }
        Action::Up
        | Action::Down
        | Action::PageUp
        | Action::PageDown
        | Action::Top
        | Action::Bottom => {
            let page = app.text_area().map_or(1, |a| a.height.saturating_sub(1));
            app.scroll = scrolled(app.scroll, action, app.max_scroll(), page);
        }
        Action::NextSection if app.current + 1 < app.toolkit.section_count() => {
            go_to(app, app.current + 1);
        }
        Action::NextSection => app.message = Some("This is the last section.".into()),
        Action::PreviousSection if app.current > 0 => go_to(app, app.current - 1),
        Action::PreviousSection => app.message = Some("This is the first section.".into()),
        Action::Open if !app.number.is_empty() => open_number(app),
        Action::Open if in_contents => {
            go_to(app, app.selected);
            if layout::is_narrow(app.screen) {
                app.contents_open_narrow = false;
            }
            app.focus = Focus::Text;
        }
        Action::Open => {}
        Action::SwitchFocus if layout::is_narrow(app.screen) => toggle_contents(app),
        Action::SwitchFocus => {
            if app.contents_hidden_wide {
                app.contents_hidden_wide = false;
            }
            app.focus = match app.focus {
                Focus::Contents => Focus::Text,
                Focus::Text => Focus::Contents,
            };
        }
        Action::ToggleContents => toggle_contents(app),
        Action::Digit(d) => push_digit(app, d),
        Action::Back => travel(app, true),
        Action::Forward => travel(app, false),
        Action::Help => {
            app.overlay = Some(Overlay::Help {
                scroll: 0,
                under: None,
            })
        }
        Action::Journal => crate::reader::windows::journal::update::open_journal(app),
        Action::Close if !app.number.is_empty() => app.number.clear(),
        Action::Close if layout::is_narrow(app.screen) && app.contents_open_narrow => {
            toggle_contents(app)
        }
        Action::Close if app.highlight.is_some() => app.highlight = None,
        Action::Close => {}
        Action::ToggleBookmark => bookmarks::toggle_bookmark(app, effects),
        Action::Bookmarks => app.overlay = Some(Overlay::Bookmarks { selected: 0 }),
        Action::EditNote => note::open_note_here(app),
        Action::Notes => app.overlay = Some(Overlay::Notes { selected: 0 }),
        Action::Commit => commitments::open_commit(app),
        Action::Search => finding::open_search(app),
        Action::Links if app.links().is_empty() => {
            app.message = Some("This section has no links.".into());
        }
        Action::Links => app.overlay = Some(Overlay::Links { selected: 0 }),
        Action::Present => effects.push(Effect::Present(rest_of_part(app))),
        Action::Choose => choosing::open_choose(app),
        Action::SwitchTheme => {
            let name = app.theme_name().next();
            app.theme = crate::theme::Theme::named(name);
            app.message = Some(format!("Theme: {} (remembered; T switches).", name.words()));
            effects.push(Effect::RememberTheme(name));
        }
        Action::NextMatch => finding::step_match(app, true),
        Action::PreviousMatch => finding::step_match(app, false),
        Action::Quit
        | Action::QuitNow
        | Action::Suspend
        | Action::Resize { .. }
        | Action::SaveNote
        | Action::Leaving
        | Action::Remove
        | Action::Relabel
        | Action::Undo
        | Action::Copy
        | Action::Type(_) => {}
        Action::Wheel { column, row, down } => wheel(app, Position::new(column, row), down),
        Action::Click { column, row } => click(app, Position::new(column, row)),
    }
    // Opening any window (or a walkthrough) cancels a half-typed number, so
    // it does not wait in the footer to surprise the next Enter.
    if app.overlay.is_some() || matches!(effects.last(), Some(Effect::Present(_))) {
        app.number.clear();
    }
}

/// Whether `action` is a person's key or click that lifts the cover left
/// after a walkthrough; what the loop sends by itself (a resize, a pause in
/// typing, leaving), Ctrl-C and Ctrl-Z act as ever.
fn uncovers(action: Action) -> bool {
    !matches!(
        action,
        Action::QuitNow
            | Action::Suspend
            | Action::Resize { .. }
            | Action::SaveNote
            | Action::Leaving
    )
}

/// Clamps every index and scroll to what exists at the current size, and
/// scrolls the contents so the selected entry (and its part heading) show.
fn keep_in_bounds(app: &mut App) {
    let count = app.toolkit.section_count();
    app.current = app.current.min(count.saturating_sub(1));
    app.selected = app.selected.min(count.saturating_sub(1));
    app.scroll = app.scroll.min(app.max_scroll());
    let link_count = app.links().len();
    match &mut app.overlay {
        Some(Overlay::Help { scroll, under }) => {
            *scroll = (*scroll).min(help::max_scroll(app.screen, under.as_deref()));
        }
        Some(Overlay::Journal { .. }) => keep_journal_in_bounds(app),
        Some(Overlay::Bookmarks { selected }) => {
            *selected = (*selected).min(app.journal.records.bookmarks.len().saturating_sub(1));
        }
        Some(Overlay::Notes { selected }) => {
            *selected = (*selected).min(app.journal.records.notes.len().saturating_sub(1));
        }
        Some(Overlay::Links { selected }) => {
            *selected = (*selected).min(link_count.saturating_sub(1));
        }
        Some(
            Overlay::Note(_)
            | Overlay::Label(_)
            | Overlay::Search { .. }
            | Overlay::Commit(_)
            | Overlay::CheckIn(_)
            | Overlay::Choose { .. }
            | Overlay::ConfirmQuit,
        )
        | None => {}
    }
    if !app.contents_shown() && app.focus == Focus::Contents {
        app.focus = Focus::Text;
    }
    let rows = app.contents_rows();
    let height = app
        .contents_area()
        .map_or(1, |a| usize::from(a.height).max(1));
    let row = rows
        .iter()
        .position(|r| *r == ContentsRow::Section(app.selected))
        .unwrap_or(0);
    let heading_above = row > 0 && matches!(rows[row - 1], ContentsRow::Part(_));
    let top = if heading_above { row - 1 } else { row };
    if top < app.contents_offset {
        app.contents_offset = top;
    } else if row >= app.contents_offset + height {
        app.contents_offset = row + 1 - height;
    }
    app.contents_offset = app.contents_offset.min(rows.len().saturating_sub(height));
}

fn keep_journal_in_bounds(app: &mut App) {
    let page = journal::Page::new(app);
    if let Some(Overlay::Journal { selected, scroll }) = &mut app.overlay {
        *selected = (*selected).min(page.targets().saturating_sub(1));
        *scroll = (*scroll).min(page.max_scroll());
    }
}

mod learned;
mod navigation;
mod paste;
mod saving;
mod too_small;

pub use learned::{NOTE_SAVED, learned};
pub use navigation::go_to;
use navigation::{
    click, move_selection, open_number, push_digit, rest_of_part, toggle_contents, travel, wheel,
};
pub use paste::paste;
pub use saving::{Saved, saved};

#[cfg(test)]
pub(crate) mod test_support;
#[cfg(test)]
mod tests;
