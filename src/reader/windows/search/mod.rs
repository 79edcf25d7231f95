//! The search window (`/`, search as you type) and the matches of the
//! last search in the text (`n`, `N`). May use the app, its actions, the
//! editor and the toolkit's search; `keys` and `update` never name `draw`.

pub mod draw;
pub mod keys;
pub mod update;
