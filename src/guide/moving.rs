//! Moving about the toolkit in the guide: the next or previous section,
//! `g` to a number or an id, and `s` to find sections, each saying what is
//! allowed when what was typed can't be followed.

use super::session::Guide;
use super::speak;
use crate::toolkit::search::Index;
use std::io::{self, Write};

impl<W: Write> Guide<'_, W> {
    /// The next (`1`) or previous (`-1`) section, or why there is none.
    pub(super) fn step(&mut self, by: isize) -> io::Result<()> {
        let total = self.toolkit.section_count();
        match self.current.checked_add_signed(by).filter(|&i| i < total) {
            Some(index) => {
                self.current = index;
                self.show()
            }
            None if by > 0 => self.say(&format!(
                "That was the last section, {total} of {total}. Type t for the contents, \
                 or q to leave."
            )),
            None => self.say("This is the first section. Press Enter for the next one."),
        }
    }

    /// `g N` or `g ID`.
    pub(super) fn go(&mut self, target: &str) -> io::Result<()> {
        let total = self.toolkit.section_count();
        if target.is_empty() {
            return self.say(&format!(
                "Go where? Type g and a section number from 1 to {total}, or a section's id."
            ));
        }
        if let Ok(number) = target.parse::<i64>()
            && (number < 1 || number > i64::try_from(total).unwrap_or(i64::MAX))
        {
            return self.say(&format!(
                "There is no section {number}: type a number from 1 to {total}."
            ));
        }
        match self.toolkit.resolve(target) {
            Ok(index) => {
                self.current = index;
                self.show()
            }
            Err(near) => {
                let shown: String = target.chars().take(40).collect();
                let mut line = format!("There is no section '{shown}'.");
                if !near.is_empty() {
                    line.push_str(&format!(" Did you mean {}?", near.join(", or ")));
                }
                line.push_str(&format!(
                    " Sections are numbered 1 to {total}; t lists them."
                ));
                self.say(&line)
            }
        }
    }

    /// `s WORDS`: the sections matching, named by the numbers `g` takes.
    pub(super) fn find(&mut self, words: &str) -> io::Result<()> {
        if words.is_empty() {
            return self.say("Search for what? Type s and some words, for example s speak up.");
        }
        let toolkit = self.toolkit;
        let hits = self
            .search
            .get_or_insert_with(|| Index::new(toolkit))
            .search(words, 10);
        let lines = speak::search_results(self.toolkit, words, &hits);
        self.aside(&lines)
    }
}
