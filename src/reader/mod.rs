//! The reader: the full-screen app, in the loop of
//! `shared/design/ARCHITECTURE.md`: events become [`action`]s, [`update`]
//! changes the [`app`] state, [`ui`] draws it.
//!
//! - [`app`]: the state; [`action`]: everything a person can ask for;
//! - [`keymap`]: keys to actions: the reading view's table, the rows the
//!   windows share and which table is in force (help is made from them);
//! - [`update`]: the pure state machine;
//! - [`layout`]: where things go at a size, and what can scroll how far;
//! - [`editor`]: the note editor's text handling;
//! - [`tui`]: the run loop, every way out, and a walkthrough handed in;
//! - [`ui`]: the reading view and the dispatch to each window's view;
//! - [`windows`]: one folder per window (state, keys, update, layout,
//!   draw), where a window's `update` never imports its `draw`.
//!
//! May use the toolkit, the journal, the theme, `sanitise` and the shared
//! terminal part (`crate::terminal`: set-up, events, suspend, key patterns); never the
//! presenter (`cli` hands [`tui::run`] a walkthrough launcher), the plain
//! commands or `cli`. [`update`] never imports [`ui`]: what both need lives
//! in the state or in [`layout`].

pub mod action;
pub mod app;
pub mod editor;
pub mod keymap;
pub mod layout;
pub mod tui;
pub mod ui;
pub mod update;
pub mod windows;
