//! The toolkit: the content a person reads, and everything derived from it
//! alone.
//!
//! - [`content`]: the toolkit as data, loaded from `data/toolkit.json` (built
//!   in) or `--content`, and checked;
//! - [`markdown`]: a toolkit written as a folder of Markdown files, read
//!   into the same value and written back;
//! - [`toc`]: the numbered table of contents;
//! - [`render`]: a section as styled lines for a width;
//! - [`search`]: the forgiving search index;
//! - [`links`]: a section's cross-references and web addresses.
//!
//! Depends on nothing but [`crate::sanitise`] and [`crate::theme`]: never on
//! the journal, the reader, the records or the presenter, so the same toolkit
//! serves every view and command.

pub mod content;
pub mod links;
pub mod markdown;
pub mod render;
pub mod search;
pub mod toc;
