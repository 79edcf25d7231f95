//! A toolkit written as a folder of Markdown files (`data/SCHEMA.md`, "A
//! toolkit in Markdown"): read into the same [`Toolkit`] value the JSON
//! file gives, so the same meaning checks run on both, and written back
//! (`allyship convert`).
//!
//! - [`spot`]: places in a file (`FILE:LINE:COL`) and the problems there;
//! - [`front`]: the TOML front matter between `+++` lines;
//! - [`tree`]: CommonMark events as a small tree of headings, paragraphs,
//!   lists and quotations, with their words and places;
//! - [`section`]: a section file's body mapped to blocks, prompts, a
//!   choice and facilitator notes;
//! - [`order`]: `SUMMARY.md`, `part.md` and file names: the parts and
//!   sections in reading order;
//! - [`write`]: a toolkit as Markdown files;
//! - [`example`]: the small toolkit `allyship new-toolkit` writes.
//!
//! Pure: the files come in as text (`crate::input::folder` reads them from
//! disk, refusing links and devices), so every rule is tested without a
//! disk. Parsed with pulldown-cmark (CommonMark, with byte offsets for
//! every event) and the `toml` crate.

use super::content::{self, Checks, Loaded, Toolkit};

pub mod example;
mod front;
mod order;
mod section;
mod spot;
mod tree;
mod write;

pub use write::to_files;

/// One file of a toolkit folder, as read from disk.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct File {
    /// Its path inside the folder, with `/` between names
    /// (`01-start/02-welcome.md`).
    pub path: String,
    /// Its text.
    pub text: String,
}

/// The file at the root that names the toolkit and orders its parts.
pub const SUMMARY: &str = "SUMMARY.md";
/// The file in each part's folder (and, without a `SUMMARY.md`, at the
/// root) that names the part (or the toolkit).
pub const PART: &str = "part.md";

/// Reads a toolkit from the files of a folder, with every problem found
/// (each named `FOLDER/FILE:LINE:COL`, `folder` being how the folder is
/// shown), then the same meaning checks as a JSON file.
pub fn load(folder: &str, files: &[File]) -> Loaded {
    load_checking(folder, files, Checks::Every)
}

/// [`load`] running only the meaning `checks` asked for.
pub fn load_checking(folder: &str, files: &[File], checks: Checks) -> Loaded {
    let mut problems = spot::Problems::new(folder);
    let read = order::toolkit(files, &mut problems);
    let mut found = problems.into_vec();
    match read {
        // Every error of form is reported at once; the meaning checks run
        // once there is none, as a section that could not be read would
        // make them report its links and its part as broken too.
        Some(read) if found.is_empty() => {
            let mut loaded = content::checked(read.toolkit, found, checks);
            loaded.problems = loaded
                .problems
                .into_iter()
                .map(|p| read.places.locate(folder, p))
                .collect();
            loaded
        }
        _ => {
            if found.is_empty() {
                found.push(spot::at(
                    folder,
                    "",
                    1,
                    1,
                    "there is no toolkit here".into(),
                ));
            }
            Loaded {
                toolkit: None,
                problems: found,
            }
        }
    }
}

/// The toolkit as written in the files, before the meaning checks (a
/// cross-reference keeps an empty title, rather than its target's): what
/// `allyship convert` writes out again. `None` when it has errors of form
/// ([`load`] says which).
pub fn as_written(files: &[File]) -> Option<Toolkit> {
    let mut problems = spot::Problems::new("");
    let read = order::toolkit(files, &mut problems)?;
    (problems.len() == 0).then_some(read.toolkit)
}

/// What [`order::toolkit`] reads: the toolkit, and where each of its parts
/// and sections was written, to place the meaning checks' problems.
struct Read {
    toolkit: Toolkit,
    places: spot::Owners,
}

#[cfg(test)]
mod tests;
