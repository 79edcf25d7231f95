//! Two windows: the bookmarks list (`B`) and the label box over it
//! (`r`). May use the app, its actions and the editor; `keys` and
//! `update` never name `draw`.

pub mod draw;
pub mod keys;
pub mod update;
