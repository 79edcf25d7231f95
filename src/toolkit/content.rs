//! The toolkit: serde types for `data/toolkit.json`, loading and validation.
//!
//! The file format is documented in `data/SCHEMA.md`. Loading never panics:
//! every problem is collected with its place (line and column for bad JSON,
//! section id and field otherwise) so `allyship check-content` can report them
//! all at once.

use serde::{Deserialize, Serialize};
use std::fmt;

mod course;
mod meaning;
mod practice;
mod readability;
mod shape;
pub use meaning::{errors, validate, warnings};
pub use practice::{Choice, ChoiceOption, cross_references};

/// The built-in toolkit, embedded so the app runs from any folder.
pub const BUILT_IN: &str = include_str!("../../data/toolkit.json");

/// The most body words a section may have, so it fits one 80x24 screen.
pub const WORD_BUDGET: usize = 150;

/// A whole toolkit: what the app shows.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Toolkit {
    /// Shown in the title bar and in exports.
    pub title: String,
    /// Shown in exports, so a learning record says which edition was read.
    pub version: String,
    /// Where the sections come from, listed once.
    pub sources: Vec<Source>,
    /// The parts in reading order.
    pub parts: Vec<Part>,
}

/// A source document the toolkit draws on, credited once.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// What sections refer to in their `source` field.
    pub id: String,
    /// The document's title.
    pub title: String,
    /// Who published it.
    pub publisher: String,
    /// When it was published, where known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
}

/// A group of sections, such as "Top tips for allyship".
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Part {
    /// A stable slug, so a walkthrough can name a part.
    pub id: String,
    /// Shown in the contents and the status line.
    pub title: String,
    /// What a person can do after the part, each line completing "After
    /// this part you can …": shown when the part is entered.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub outcomes: Vec<String>,
    /// The sections in reading order.
    pub sections: Vec<Section>,
}

/// One bite-size idea, read in about a minute.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Section {
    /// A stable slug: the journal, bookmarks and notes refer to it.
    pub id: String,
    /// The heading; may change without losing anyone's progress.
    pub title: String,
    /// The id of the source it draws on.
    pub source: String,
    /// The body, in order.
    pub blocks: Vec<Block>,
    /// Private reflection prompts, answered in notes.
    #[serde(default)]
    pub reflect: Vec<String>,
    /// Prompts for a team discussion.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub discuss: Vec<String>,
    /// A practice question with feedback per option (scenarios).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub choice: Option<Choice>,
    /// For whoever runs a walkthrough (timings, what to ask, local
    /// contacts): shown only by `present --notes`, never on the shared
    /// screen, by `read` or in exports.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub facilitator_notes: Vec<String>,
}

/// A piece of a section's body.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase", deny_unknown_fields)]
pub enum Block {
    /// A paragraph of text.
    Paragraph(String),
    /// Separate actions, revealed one at a time when presenting.
    Points(Vec<String>),
    /// A short attributed quotation.
    Quote(Quote),
    /// Resources and cross-references.
    Links(Vec<Link>),
}

/// A short quotation and who said it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Quote {
    /// The words quoted.
    pub text: String,
    /// Who said them.
    pub by: String,
}

/// A resource (web address, book, organisation) or a cross-reference.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Link {
    /// What the resource is called. A cross-reference may leave it out: it
    /// then takes its target's title when the toolkit loads, so the two
    /// cannot drift apart. Written only when given, as the file has it.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub title: String,
    /// An http(s) address, where the source gives one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// The id of another section of this toolkit.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub section: Option<String>,
    /// Its author, for books.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub by: Option<String>,
    /// Video, podcast, book, organisation, web.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
}

/// Where a problem is, so a person can find and fix it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Place {
    /// A position in the file text (1-based).
    Text { line: usize, column: usize },
    /// A field of the toolkit, a part or a section.
    Field { owner: String, field: String },
    /// A position in one file of a toolkit folder (1-based), printed as
    /// `FILE:LINE:COL` as compilers and editors expect.
    File {
        file: String,
        line: usize,
        column: usize,
    },
}

/// How serious a problem is: errors stop the file loading.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Severity {
    /// The toolkit cannot be used.
    Error,
    /// The toolkit loads, but should be fixed.
    Warning,
}

/// One thing wrong with a toolkit file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// Error or warning.
    pub severity: Severity,
    /// Where it is.
    pub place: Place,
    /// What is wrong, in plain words.
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let kind = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        match &self.place {
            Place::Text { line, column } => {
                write!(f, "{kind}: line {line}, column {column}: {}", self.message)
            }
            Place::Field { owner, field } => {
                write!(f, "{kind}: {owner}, {field}: {}", self.message)
            }
            Place::File { file, line, column } => {
                write!(f, "{file}:{line}:{column}: {kind}: {}", self.message)
            }
        }
    }
}

/// The result of loading: the toolkit (when usable) and every problem found.
#[derive(Debug)]
pub struct Loaded {
    /// `None` when any problem is an error.
    pub toolkit: Option<Toolkit>,
    /// Every problem, errors and warnings, in file order.
    pub problems: Vec<Problem>,
}

impl Problem {
    /// The line `check-content` and `--content` print for a problem of the
    /// toolkit at `path`: a place in one file of a folder names its file,
    /// any other is prefixed with the path given.
    pub fn located(&self, path: &std::path::Path) -> String {
        match self.place {
            Place::File { .. } => self.to_string(),
            _ => format!("{}: {self}", path.display()),
        }
    }
}

/// Which checks a load runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Checks {
    /// Every check, errors and warnings: `check-content` and `convert`.
    Every,
    /// Only the errors, which stop a toolkit from being used: opening one
    /// to read. The warnings are advice for its authors, and working them
    /// out took most of the time to a large toolkit's first frame.
    Errors,
}

/// Parses and validates toolkit JSON, collecting every problem.
pub fn load(text: &str) -> Loaded {
    load_checking(text, Checks::Every)
}

/// [`load`] running only the `checks` asked for.
pub fn load_checking(text: &str, checks: Checks) -> Loaded {
    let toolkit: Toolkit = match serde_json::from_str(text) {
        Ok(t) => t,
        // JSON, but not shaped as a toolkit: find every misshapen field,
        // not just the first, and the problems of meaning in the rest.
        Err(e) if e.classify() == serde_json::error::Category::Data => {
            return shape::load_misshapen(text, &e);
        }
        // Not JSON: parsing cannot go on past the place it stopped.
        Err(e) => {
            return Loaded {
                toolkit: None,
                problems: vec![shape::at_serde(&e)],
            };
        }
    };
    checked(toolkit, Vec::new(), checks)
}

/// A toolkit read from any format, checked for its meaning after the
/// `problems` its reading found: usable when none of them is an error,
/// with each cross-reference's title taken from its target.
pub fn checked(toolkit: Toolkit, mut problems: Vec<Problem>, checks: Checks) -> Loaded {
    problems.extend(errors(&toolkit));
    if checks == Checks::Every {
        problems.extend(warnings(&toolkit));
    }
    let usable = problems.iter().all(|p| p.severity == Severity::Warning);
    Loaded {
        toolkit: usable.then(|| practice::with_link_titles(toolkit)),
        problems,
    }
}

/// The built-in toolkit. It is neither parsed nor validated at start-up:
/// `build.rs` turns the file into Rust values (copying them is a third of
/// the cost of parsing), tests and `check-content --strict` in CI guarantee
/// it loads without problems, and `built_in_is_what_load_gives` keeps the
/// two routes the same.
pub fn built_in() -> Toolkit {
    let toolkit: Toolkit = include!(concat!(env!("OUT_DIR"), "/built_in.rs"));
    // Its name, so telling it from another toolkit needs no second parse.
    BUILT_IN_NAME.get_or_init(|| (toolkit.title.clone(), toolkit.version.clone()));
    toolkit
}

/// The built-in toolkit's title and version, read once.
static BUILT_IN_NAME: std::sync::OnceLock<(String, String)> = std::sync::OnceLock::new();

/// The name a journal keeps another toolkit's place and time under ("Our
/// toolkit (version 2)"), or `None` for the built-in one (its place is the
/// journal's `position`, as before toolkits could be chosen).
pub fn other_toolkit_name(toolkit: &Toolkit) -> Option<String> {
    let (title, version) = BUILT_IN_NAME.get_or_init(|| {
        // Only the name and version (another toolkit is in use): the rest
        // of the file is skipped unparsed.
        #[derive(Deserialize)]
        struct Name {
            title: String,
            version: String,
        }
        let name: Name = serde_json::from_str(BUILT_IN).expect("checked by tests");
        (name.title, name.version)
    });
    let same = toolkit.title == *title && toolkit.version == *version;
    (!same).then(|| format!("{} (version {})", toolkit.title, toolkit.version))
}

impl Section {
    /// Every link of the section, block after block: what the checks, the
    /// links window, link titles and cross-references all walk.
    pub fn links(&self) -> impl Iterator<Item = &Link> {
        self.blocks
            .iter()
            .filter_map(|b| match b {
                Block::Links(links) => Some(links),
                _ => None,
            })
            .flatten()
    }

    /// Whether the section is a practice scenario (it asks a choice).
    pub fn is_scenario(&self) -> bool {
        self.choice.is_some()
    }
}

/// Counts words of body text (prompts not included), for the word budget.
pub fn body_words(section: &Section) -> usize {
    section
        .blocks
        .iter()
        .map(|block| match block {
            Block::Paragraph(p) => count_words(p),
            Block::Points(points) => points.iter().map(|p| count_words(p)).sum(),
            Block::Quote(q) => count_words(&q.text) + count_words(&q.by),
            Block::Links(links) => links.iter().map(|l| count_words(&l.title)).sum(),
        })
        .sum::<usize>()
        + section.choice.as_ref().map_or(0, practice::choice_words)
}

/// Counts words as `split_whitespace` would, without making a slice per
/// word: a toolkit a hundred times the size of ours spent a fifth of its
/// start-up counting words that way. ASCII text (most of it) is counted a
/// byte at a time, without decoding characters.
fn count_words(text: &str) -> usize {
    if text.is_ascii() {
        // The ASCII characters `char::is_whitespace` counts (vertical tab
        // included, which `u8::is_ascii_whitespace` leaves out).
        let space = |b: &u8| matches!(b, b' ' | b'\t' | b'\n' | 0x0B | 0x0C | b'\r');
        let mut in_word = false;
        return text
            .as_bytes()
            .iter()
            .filter(|b| {
                let starts = !space(b) && !in_word;
                in_word = !space(b);
                starts
            })
            .count();
    }
    let mut in_word = false;
    text.chars()
        .filter(|c| {
            let starts = !c.is_whitespace() && !in_word;
            in_word = !c.is_whitespace();
            starts
        })
        .count()
}

mod text;

#[cfg(test)]
mod shipped_tests;
#[cfg(test)]
mod tests;
#[cfg(test)]
mod toolkit_tests;
