//! The records: a person's journal and notes taken off the computer and
//! brought back.
//!
//! - [`export`]: the learning record (JSON to keep or move, Markdown for
//!   supervision), its import with the never-lose merge rules, and the
//!   checks an incoming file must pass.
//!
//! May use the toolkit and the journal's data; never the reader or the
//! presenter.

pub mod export;
