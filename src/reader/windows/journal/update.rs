//! Update for the journal window: move between the rows that open a
//! section or a commitment, open one, scroll.

use crate::reader::action::Action;
use crate::reader::app::{App, Focus, Overlay};
use crate::reader::update::{go_to, scrolled};
use crate::reader::windows::commitments::update as commitments;
use crate::reader::windows::journal::layout as journal;

/// The journal window: Up and Down move between the rows that open
/// something, Enter opens the highlighted one, the rest scrolls.
pub(crate) fn journal_window(app: &mut App, action: Action, selected: usize, scroll: u16) {
    let page = journal::Page::new(app);
    if action == Action::Open
        && let Some(id) = page.commitment(selected)
    {
        let id = id.to_owned();
        return commitments::open_check_in(app, &id, selected);
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
