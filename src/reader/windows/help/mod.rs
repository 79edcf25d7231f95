//! The help window (`?`, F1): the keys of the window below it, made from
//! that window's key table. May use the app, its actions and the key
//! tables; `layout`, `keys` and `update` never name `draw`.

pub mod draw;
pub mod keys;
pub mod layout;
pub mod update;
