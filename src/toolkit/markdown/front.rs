//! The front matter of a Markdown file: TOML between a first line `+++`
//! and the next `+++` line (as Zola and Hugo write it), read into the
//! fields each kind of file has. YAML is not read: one syntax, with no
//! surprises ("no" is not false).

use super::spot::Problems;
use crate::toolkit::content::Source;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

/// The line that opens and closes front matter.
const FENCE: &str = "+++";

/// A file cut in two: its front matter and its Markdown body, each with
/// the byte offset it starts at in the whole file (for line numbers).
#[derive(Debug)]
pub struct Split<'t> {
    /// The TOML between the fences.
    pub toml: &'t str,
    /// Where the TOML starts.
    pub toml_at: usize,
    /// Where the body starts.
    pub body_at: usize,
}

/// A section's front matter (`NN-id.md`).
#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SectionFront {
    /// The section's stable id.
    pub id: String,
    /// The id of the source it draws on (listed in `SUMMARY.md`).
    pub source: String,
}

/// A part's front matter (`part.md` in its folder).
#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PartFront {
    /// The part's stable id.
    pub id: String,
}

/// The toolkit's own front matter (`SUMMARY.md`, or `part.md` at the
/// root): with its title, what tells one toolkit and its progress from
/// another.
#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ToolkitFront {
    /// Shown in exports, so a record says which edition was read.
    pub version: String,
    /// The documents the sections draw on.
    #[serde(default)]
    pub sources: Vec<Source>,
}

/// `text` cut at its front matter, or why it cannot be (with the offset).
pub fn split(text: &str) -> Result<Split<'_>, (usize, String)> {
    let mut lines = text.split_inclusive('\n').scan(0, |at, line| {
        let start = *at;
        *at += line.len();
        Some((start, line))
    });
    let opens = lines
        .next()
        .is_some_and(|(_, line)| line.trim_end_matches(['\r', '\n']) == FENCE);
    if !opens {
        return Err((
            0,
            "the file does not begin with front matter: put a line +++, then its fields \
             (such as id = \"my-section\"), then another +++ line, at the top"
                .into(),
        ));
    }
    let toml_at = FENCE.len() + text[FENCE.len()..].find('\n').map_or(0, |n| n + 1);
    for (start, line) in lines {
        if line.trim_end_matches(['\r', '\n']) == FENCE {
            let body_at = start + line.len();
            return Ok(Split {
                toml: &text[toml_at..start],
                toml_at,
                body_at,
            });
        }
    }
    Err((
        0,
        "the front matter has no end: add a line +++ after its last field".into(),
    ))
}

/// The front matter of `file` read as `T`, or `None` with each problem
/// reported at its place.
pub fn read<T: DeserializeOwned>(
    file: &str,
    text: &str,
    problems: &mut Problems,
) -> Option<(T, usize, usize)> {
    let split = match split(text) {
        Ok(split) => split,
        Err((at, message)) => {
            problems.error(file, text, at, message);
            return None;
        }
    };
    match toml::from_str::<T>(split.toml) {
        Ok(value) => Some((value, split.body_at, split.toml_at)),
        Err(e) => {
            let at = split.toml_at + e.span().map_or(0, |span| span.start);
            let message = e.message().trim_end().trim_end_matches('.').to_owned();
            problems.error(
                file,
                text,
                at,
                format!(
                    "in the front matter: {message}; each line is a field such as \
                     id = \"my-section\" (the fields are in data/SCHEMA.md)"
                ),
            );
            None
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn front_matter_is_cut_from_the_body_with_their_offsets() {
        let text = "+++\r\nid = \"a\"\r\n+++\r\n# Title\n";
        let split = split(text).unwrap();
        assert_eq!(split.toml, "id = \"a\"\r\n");
        assert_eq!(&text[split.toml_at..split.toml_at + 2], "id");
        assert_eq!(&text[split.body_at..], "# Title\n");
    }

    #[test]
    fn a_file_without_front_matter_or_its_end_is_refused_saying_how_to_mend_it() {
        assert!(split("# Title\n").unwrap_err().1.contains("+++"));
        assert!(split("+++\nid = 1\n").unwrap_err().1.contains("no end"));
    }

    #[test]
    fn an_unknown_field_is_reported_at_its_line() {
        let text = "+++\nid = \"a\"\nsorce = \"hub\"\n+++\n";
        let mut problems = Problems::new("kit");
        assert!(read::<SectionFront>("a.md", text, &mut problems).is_none());
        let found = problems.into_vec();
        let shown = found[0].to_string();
        assert!(shown.starts_with("kit/a.md:3:1: error:"), "{shown}");
        assert!(shown.contains("sorce"), "{shown}");
    }
}
