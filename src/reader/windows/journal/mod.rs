//! The journal window (`J`): progress, commitments, days read, what to
//! revisit. May use the app, its actions and the journal's report;
//! `layout`, `keys` and `update` never name `draw`.

pub mod draw;
pub mod keys;
pub mod layout;
pub mod update;
