//! The note editor (`e`): writing the note for a section, below its
//! reflection prompts. May use the app, its actions and the editor;
//! `keys` and `update` never name `draw`.

pub mod draw;
pub mod keys;
pub mod update;
