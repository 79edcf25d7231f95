//! Places in the files of a toolkit folder: a byte offset turned into the
//! `FILE:LINE:COL` editors jump to, and the problems found there.

use crate::toolkit::content::{Place, Problem, Severity};
use std::collections::HashMap;

/// The 1-based line and column (in characters) of byte `offset` in `text`.
pub fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let start = before.rfind('\n').map_or(0, |at| at + 1);
    (line, before[start..].chars().count() + 1)
}

/// A problem at a line and column of `file` in `folder`.
pub fn at(folder: &str, file: &str, line: usize, column: usize, message: String) -> Problem {
    Problem {
        severity: Severity::Error,
        place: Place::File {
            file: joined(folder, file),
            line,
            column,
        },
        message,
    }
}

/// How a file of the folder is named in a problem.
fn joined(folder: &str, file: &str) -> String {
    match (folder.trim_end_matches('/'), file) {
        ("", file) => file.to_owned(),
        (folder, "") => folder.to_owned(),
        (folder, file) => format!("{folder}/{file}"),
    }
}

/// Every problem found while reading the folder, in the order found.
pub struct Problems {
    folder: String,
    list: Vec<Problem>,
}

impl Problems {
    /// None yet, in the folder shown as `folder`.
    pub fn new(folder: &str) -> Self {
        Problems {
            folder: folder.to_owned(),
            list: Vec::new(),
        }
    }

    /// An error at byte `offset` of `text`, the text of `file`.
    pub fn error(&mut self, file: &str, text: &str, offset: usize, message: String) {
        let (line, column) = line_col(text, offset);
        self.list
            .push(at(&self.folder, file, line, column, message));
    }

    /// How many have been found so far.
    pub fn len(&self) -> usize {
        self.list.len()
    }

    /// The problems, in the order found.
    pub fn into_vec(self) -> Vec<Problem> {
        self.list
    }
}

/// Where each part and section (and the toolkit itself) was written: the
/// file and the line, so a problem the meaning checks find by id points
/// into the right file.
#[derive(Default)]
pub struct Owners {
    by_owner: HashMap<String, (String, usize)>,
}

impl Owners {
    /// `owner` ("section \"welcome\"", as the meaning checks name it) was
    /// written at `line` of `file`.
    pub fn insert(&mut self, owner: String, file: &str, line: usize) {
        self.by_owner
            .entry(owner)
            .or_insert_with(|| (file.to_owned(), line));
    }

    /// `problem` placed in the file its owner was written in, when it was
    /// placed by a field.
    pub fn locate(&self, folder: &str, problem: Problem) -> Problem {
        let Place::Field { owner, field } = &problem.place else {
            return problem;
        };
        let Some((file, line)) = self.by_owner.get(owner) else {
            return problem;
        };
        Problem {
            severity: problem.severity,
            message: format!("{owner}, {field}: {}", problem.message),
            place: Place::File {
                file: joined(folder, file),
                line: *line,
                column: 1,
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_become_lines_and_columns_counted_in_characters() {
        let text = "ab\ncé d\n";
        assert_eq!(line_col(text, 0), (1, 1));
        assert_eq!(line_col(text, 3), (2, 1));
        // After "cé " (the é is two bytes): the fourth character.
        assert_eq!(line_col(text, 7), (2, 4));
        assert_eq!(line_col(text, 99), (3, 1));
    }

    #[test]
    fn a_problem_names_its_file_line_and_column() {
        let p = at(
            "kit",
            "01-a/02-b.md",
            3,
            5,
            "what, and how to mend it".into(),
        );
        assert_eq!(
            p.to_string(),
            "kit/01-a/02-b.md:3:5: error: what, and how to mend it"
        );
    }
}
