//! The links window (`o`): the open section's links and
//! cross-references, to open or copy one. May use the app and its
//! actions; `keys` and `update` never name `draw`.

pub mod draw;
pub mod keys;
pub mod update;
