//! The windows over the reading view, one folder each, named as the
//! person knows them: its state (if it has more than a selection), its key
//! table, how it handles actions, its layout and how it is drawn, with its
//! tests beside them. The dispatch over all windows (which table, which
//! update, which view) stays in `keymap`, `update` and `ui`.
//!
//! May use the app state, actions, the editor, the reader's layout and the
//! toolkit and journal. In every window a `keys.rs`, `state.rs`,
//! `update.rs` or `layout.rs` names no view (no `draw`, no `ui`):
//! `tests/it/boundaries.rs` holds that.

pub mod bookmarks;
pub mod choose;
pub mod commitments;
pub mod confirm_quit;
pub mod drawing;
pub mod help;
pub mod journal;
pub mod links;
pub mod note;
pub mod notes;
pub mod rows;
pub mod search;
mod selection;

pub(crate) use selection::moved;
