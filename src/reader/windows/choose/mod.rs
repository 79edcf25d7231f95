//! The choose window (`c`): choosing an option on a practice scenario.
//! May use the app, its actions and the reader's layout; `update` and
//! `layout` never name `draw`.

pub mod draw;
pub mod keys;
pub mod layout;
pub mod update;
