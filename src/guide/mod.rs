//! The guide (`allyship guide`): the toolkit as a plain conversation, for
//! screen readers and terminals that can't draw a full screen. It says one
//! section at a time as lines, waits at `> ` for a command typed on a line,
//! and says each change once, in words. No alternate screen, no cursor
//! movement, no colour, no box drawing: everything goes through the one
//! sanitiser, line by line.
//!
//! - [`command`]: what a typed line asks for;
//! - [`speak`]: sections, contents, results and the journal as lines of words;
//! - [`input`]: lines from standard input (or a script), and the signals;
//! - `session`: the loop and its way out; `moving`: next, previous, go
//!   and search; `actions`: the changes it saves.
//!
//! May use the toolkit and the journal (the reader's reading rules, its
//! session and its rescue), and the app's one stop flag (`terminal`);
//! never the full-screen reader, the presenter, the plain commands or the
//! command line.

mod actions;
pub mod command;
pub mod input;
mod moving;
mod session;
pub mod speak;

pub use actions::NOTE_MOST_BYTES;
pub use session::{Ending, Guide};

#[cfg(test)]
mod tests;
