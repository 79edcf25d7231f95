//! Update for the journal window: move between the rows that open a
//! section or a commitment, open one, scroll.

use crate::reader::action::{Action, Effect};
use crate::reader::app::{App, Focus, Overlay};
use crate::reader::update::{go_to, scrolled};
use crate::reader::windows::commitments::update as commitments;
use crate::reader::windows::journal::layout as journal;

/// `J`: the journal window, with the first commitment whose review day
/// has come highlighted (and scrolled to), so Enter asks how it went:
/// the way a due check-in opens, only when the person asks for it.
pub(crate) fn open_journal(app: &mut App) {
    let page = journal::Page::new(app);
    let due = app.journal.due_commitments(app.today);
    let selected = due
        .first()
        .and_then(|(id, _)| page.row_of_commitment(id))
        .unwrap_or(0);
    let line = page.selected_line(selected).unwrap_or(0);
    let visible = usize::from(page.inner.height.max(1));
    // The highlighted row on screen, with the heading above it.
    let scroll = if line < visible {
        0
    } else {
        line.saturating_sub(2)
    };
    let scroll = u16::try_from(scroll)
        .unwrap_or(u16::MAX)
        .min(page.max_scroll());
    app.overlay = Some(Overlay::Journal { selected, scroll });
}

/// The journal window: Up and Down move between the rows that open
/// something, Enter opens the highlighted one, the rest scrolls.
pub(crate) fn journal_window(
    app: &mut App,
    action: Action,
    (selected, scroll): (usize, u16),
    effects: &mut Vec<Effect>,
) {
    let page = journal::Page::new(app);
    let on = page.commitment(selected).map(str::to_owned);
    match (action, on) {
        (Action::Open, Some(id)) => return commitments::open_check_in(app, &id, selected),
        (Action::EditNote, Some(id)) => return commitments::open_edit(app, &id, selected),
        (Action::Remove, Some(id)) => commitments::remove(app, &id, effects),
        (Action::Undo, _) => commitments::restore(app, effects),
        (Action::EditNote | Action::Remove, None) => {
            app.message = Some("e and d change a commitment: highlight one first.".into());
        }
        _ => {}
    }
    let (inner, max) = (page.inner, page.max_scroll());
    let last = page.targets().saturating_sub(1);
    let selected = match action {
        Action::Up => selected.saturating_sub(1),
        Action::Down => (selected + 1).min(last),
        Action::Top => 0,
        Action::Bottom => last,
        _ => selected,
    };
    let target = page.target(selected);
    match action {
        Action::Close => app.overlay = None,
        Action::Open => {
            app.overlay = None;
            if let Some(index) = target {
                go_to(app, index);
                app.focus = Focus::Text;
            }
        }
        Action::Up | Action::Down | Action::Top | Action::Bottom => {
            let line = page.selected_line(selected).unwrap_or(0);
            let line = u16::try_from(line).unwrap_or(u16::MAX);
            let visible = inner.height.max(1);
            // Keep the highlighted row on screen, with the heading above it.
            let scroll = if line < scroll.saturating_add(2) {
                line.saturating_sub(2)
            } else if line >= scroll + visible {
                line + 1 - visible
            } else {
                scroll
            };
            let scroll = if action == Action::Bottom {
                max
            } else {
                scroll
            };
            app.overlay = Some(Overlay::Journal {
                selected,
                scroll: scroll.min(max),
            });
        }
        other => {
            let scroll = scrolled(scroll, other, max, inner.height.saturating_sub(1));
            app.overlay = Some(Overlay::Journal { selected, scroll });
        }
    }
}
