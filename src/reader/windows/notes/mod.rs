//! "My notes" (`R`): every note, newest first, to open one. May use the
//! app and its actions; `keys` and `update` never name `draw`.

pub mod draw;
pub mod keys;
pub mod update;
