//! The table of contents: sections numbered in reading order, and finding a
//! section by number, id or a near miss.

use crate::toolkit::content::{Part, Section, Toolkit};

/// Section numbers (from reading-order indexes) as short ranges: "1-3, 7".
pub fn numbers(indexes: &[usize]) -> String {
    let mut sorted = indexes.to_vec();
    sorted.sort_unstable();
    sorted.dedup();
    let mut ranges: Vec<(usize, usize)> = Vec::new();
    for n in sorted.into_iter().map(|i| i.saturating_add(1)) {
        match ranges.last_mut() {
            Some((_, end)) if end.checked_add(1) == Some(n) => *end = n,
            _ => ranges.push((n, n)),
        }
    }
    let text: Vec<String> = ranges
        .into_iter()
        .map(|(a, b)| {
            if a == b {
                a.to_string()
            } else {
                format!("{a}-{b}")
            }
        })
        .collect();
    text.join(", ")
}

/// One numbered section with its part, as the contents lists it.
#[derive(Debug, Clone, Copy)]
pub struct Entry<'a> {
    /// Position in reading order, from 0 (shown as `index + 1`).
    pub index: usize,
    /// The part the section belongs to.
    pub part: &'a Part,
    /// Which part, from 0.
    pub part_index: usize,
    /// The section itself.
    pub section: &'a Section,
}

impl Toolkit {
    /// Every section in reading order, numbered across parts.
    pub fn entries(&self) -> impl Iterator<Item = Entry<'_>> {
        self.parts
            .iter()
            .enumerate()
            .flat_map(|(part_index, part)| {
                part.sections
                    .iter()
                    .map(move |section| (part_index, part, section))
            })
            .enumerate()
            .map(|(index, (part_index, part, section))| Entry {
                index,
                part,
                part_index,
                section,
            })
    }

    /// The practice scenarios (sections that ask a choice), in reading order.
    pub fn scenarios(&self) -> impl Iterator<Item = Entry<'_>> {
        self.entries().filter(|e| e.section.is_scenario())
    }

    /// How many sections there are in all.
    pub fn section_count(&self) -> usize {
        self.parts.iter().map(|p| p.sections.len()).sum()
    }

    /// The section at a reading-order position, if there is one.
    pub fn entry(&self, index: usize) -> Option<Entry<'_>> {
        self.entries().nth(index)
    }

    /// "18. Listen actively and without judgement": how lists and reports
    /// name a section; `None` for an id this toolkit no longer has.
    pub fn numbered_title(&self, id: &str) -> Option<String> {
        let entry = self.index_of(id).and_then(|i| self.entry(i))?;
        Some(format!("{}. {}", entry.index + 1, entry.section.title))
    }

    /// The reading-order position of a section id.
    pub fn index_of(&self, id: &str) -> Option<usize> {
        self.entries().position(|e| e.section.id == id)
    }

    /// Finds a section by id or 1-based number; on failure, the closest ids
    /// (best first) so the person can correct a typo.
    pub fn resolve(&self, query: &str) -> Result<usize, Vec<String>> {
        let query = query.trim();
        if let Ok(number) = query.parse::<usize>()
            && (1..=self.section_count()).contains(&number)
        {
            return Ok(number - 1);
        }
        if let Some(index) = self.index_of(query) {
            return Ok(index);
        }
        Err(self.closest_ids(query, 3))
    }

    /// The ids nearest to a mistyped one, by containment then edit distance.
    pub fn closest_ids(&self, query: &str, limit: usize) -> Vec<String> {
        let query = query.to_lowercase();
        let mut scored: Vec<(usize, &str)> = self
            .entries()
            .map(|e| {
                let id = e.section.id.as_str();
                let title = e.section.title.to_lowercase();
                let score = if !query.is_empty() && (id.contains(&query) || title.contains(&query))
                {
                    0
                } else {
                    strsim::levenshtein(&query, id)
                };
                (score, id)
            })
            .collect();
        scored.sort();
        let cutoff = (query.chars().count() / 2).max(3);
        scored
            .into_iter()
            .filter(|(score, _)| *score <= cutoff)
            .take(limit)
            .map(|(_, id)| id.to_string())
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::toolkit::content::built_in;

    #[test]
    fn numbers_run_across_parts() {
        let toolkit = built_in();
        let entries: Vec<_> = toolkit.entries().collect();
        assert_eq!(entries.len(), toolkit.section_count());
        assert_eq!(entries[0].section.id, "welcome");
        let first_tip = toolkit.index_of("why-these-tips").unwrap();
        assert_eq!(entries[first_tip].part.id, "top-tips");
        assert_eq!(entries[first_tip - 1].part.id, "voices");
    }

    #[test]
    fn resolves_numbers_and_ids() {
        let toolkit = built_in();
        assert_eq!(toolkit.resolve("1"), Ok(0));
        assert_eq!(
            toolkit.resolve("tip-speak-up"),
            Ok(toolkit.index_of("tip-speak-up").unwrap())
        );
        assert!(toolkit.resolve("0").is_err());
        assert!(toolkit.resolve("999").is_err());
    }

    #[test]
    fn a_typo_suggests_the_closest_ids() {
        let toolkit = built_in();
        let suggestions = toolkit.resolve("tip-speek-up").unwrap_err();
        assert_eq!(
            suggestions.first().map(String::as_str),
            Some("tip-speak-up")
        );
        let by_word = toolkit.resolve("books").unwrap_err();
        assert!(by_word.contains(&"learn-books".to_string()));
        assert!(toolkit.closest_ids("zzzzzzzzzzzzzzzzzz", 3).is_empty());
    }

    #[test]
    fn numbered_titles_name_sections_by_number() {
        let toolkit = built_in();
        assert_eq!(
            toolkit.numbered_title("welcome").as_deref(),
            Some("1. Why this toolkit exists")
        );
        assert_eq!(toolkit.numbered_title("gone"), None);
    }

    #[test]
    fn the_distance_counts_changes_over_characters() {
        assert_eq!(strsim::levenshtein("kitten", "sitting"), 3);
        assert_eq!(strsim::levenshtein("", "abc"), 3);
        assert_eq!(
            strsim::levenshtein("café", "cafe"),
            1,
            "characters, not bytes"
        );
    }

    #[test]
    fn numbers_are_written_as_ranges() {
        assert_eq!(numbers(&[0, 1, 2, 6, 8, 9]), "1-3, 7, 9-10");
        assert_eq!(numbers(&[]), "");
        assert_eq!(numbers(&[usize::MAX]), usize::MAX.to_string());
    }
}
