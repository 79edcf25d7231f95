//! The journal: what one person has read, noted and bookmarked, kept private
//! on their own computer.
//!
//! - [`record`]: the journal as data and its merge rules (no I/O);
//! - [`store`]: the journal on disk: folders, lock, atomic saves, backups;
//! - [`progress`]: the running app's session, saved as it goes;
//! - [`reading`]: when looking at a section counts as reading it;
//! - [`report`]: the figures every view shows (one rounding, one wording);
//! - [`settings`]: remembered choices (the theme);
//! - [`rescue`]: the last resort when a save fails on the way out.
//!
//! May use the toolkit, the theme (for the settings) and `sanitise` only (a
//! rescue file is an export, so the export's format tag lives here); never
//! the records, the reader, its views or the presenter outside tests.

pub mod progress;
pub mod reading;
pub mod record;
pub mod report;
pub mod rescue;
pub mod settings;
pub mod store;

/// The `format` tag of a JSON export (what `allyship import` reads). Here,
/// not in `records`, because the rescue file is an export too.
pub const EXPORT_FORMAT: &str = "allyship-export";
/// The export format version this build writes and reads.
pub const EXPORT_VERSION: u32 = 1;
