//! Moving a highlight in a list, shared by the list windows.

use crate::reader::action::Action;

/// Moves a list selection; `None` for actions that are not movement.
pub(crate) fn moved(selected: usize, count: usize, action: Action) -> Option<usize> {
    let last = count.saturating_sub(1);
    match action {
        Action::Up => Some(selected.saturating_sub(1)),
        Action::Down => Some((selected + 1).min(last)),
        Action::Top => Some(0),
        Action::Bottom => Some(last),
        _ => None,
    }
}
