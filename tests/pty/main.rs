//! The real binary in a pseudo-terminal (`common::Pty`): the slow,
//! end-to-end tests, in a binary of their own so they can be run (or left
//! out) on their own: `cargo test --test pty`.

#[path = "../common/mod.rs"]
mod common;

mod closing;
mod commitments;
#[cfg(unix)]
mod input;
mod journal;
mod lifecycle;
mod notes;
mod reader;
mod rescue;
mod screen;
