//! The two commitment windows: Commit (`C`, "I will …" and its review
//! date) and CheckIn ("How did it go?"). May use the app, its actions, the
//! editor and the journal; `state`, `keys` and `update` never name `draw`.

pub mod draw;
pub mod keys;
pub mod state;
pub mod update;
