//! allyship: an allyship toolkit for people in social work, social care and
//! health, in the terminal. The binary is a thin shell over this library, so
//! tests and benchmarks use the same code.
//!
//! The parts, each in its folder with a comment saying what lives there and
//! what it may not use (`tests/it/boundaries.rs` holds them to it):
//! - [`toolkit`]: the content and what is derived from it alone;
//! - [`journal`]: one person's private record, on disk;
//! - [`records`]: export and import of that record;
//! - [`reader`]: the full-screen app;
//! - [`present`]: the presenter, for a team on a shared screen;
//! - [`terminal`]: the terminal both screens share (set-up and restore,
//!   events, suspend, key patterns); it uses no other part, and the reader
//!   and the presenter never name each other;
//! - [`guide`]: the toolkit as a plain conversation, for screen readers;
//! - [`commands`]: the plain, line-by-line commands, and [`cli`], the
//!   command line that chooses between them (and hands the reader its
//!   walkthrough); the commands never reach back into `cli`.
//!
//! Loose here only what belongs to no one part: [`sanitise`] (every printed
//! word passes it), [`theme`] (every view's styles) and [`input`] (every
//! file named on the command line is read through it).
#![forbid(unsafe_code)]

pub mod cli;
pub mod commands;
pub mod guide;
pub mod input;
pub mod journal;
pub mod present;
pub mod reader;
pub mod records;
pub mod sanitise;
pub mod terminal;
pub mod theme;
pub mod toolkit;
