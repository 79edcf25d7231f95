//! Search: an [`Index`] built once from the toolkit, ranked [`Hit`]s with a
//! line of context each, and byte ranges for highlighting matches.
//!
//! Text is folded for matching, one character for one (lower case, Latin
//! accents removed by nucleo-matcher's tables), so positions map back to the
//! original, and split into words: runs of letters and digits. A query word
//! matches a word of the text, from strongest to weakest: exactly, as its
//! start, inside it, with a typo or two (a swap counts as one), or as a
//! fuzzy subsequence scored by nucleo-matcher above a floor that grows with
//! the query's length. A one-letter word only matches the start of words.

use crate::toolkit::content::{Block, Toolkit};
use nucleo_matcher::{Config, Matcher, Utf32String};
use score::{INFIX, MAX_WEIGHT, PHRASE};
use serde::Serialize;
use std::collections::HashMap;
use std::hash::BuildHasherDefault;
use std::ops::Range;
use words::{Fnv, context_line, each_word, merge, occurrences, original_range, query_words};

mod results;
mod score;
mod words;
pub use results::{json_results, plain_results};

/// The widest a context line gets, in terminal columns, ellipses included.
pub const CONTEXT_WIDTH: usize = 70;
/// Query words after this many (distinct) are ignored.
const MAX_WORDS: usize = 8;

/// Which part of a section a match is in; titles and points weigh most.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum FieldKind {
    /// The section's heading.
    Title,
    /// One of a list of points.
    Point,
    /// A paragraph.
    Body,
    /// A quotation, or who said it.
    Quote,
    /// A resource's title or author.
    Link,
    /// A reflection or discussion prompt.
    Prompt,
    /// A practice scenario's question or one of its options.
    Choice,
    /// The feedback on one of a scenario's options.
    Feedback,
}

impl FieldKind {
    /// The lower-case name used in plain and JSON output.
    pub fn name(self) -> &'static str {
        match self {
            FieldKind::Title => "title",
            FieldKind::Point => "point",
            FieldKind::Body => "body",
            FieldKind::Quote => "quote",
            FieldKind::Link => "link",
            FieldKind::Prompt => "prompt",
            FieldKind::Choice => "choice",
            FieldKind::Feedback => "feedback",
        }
    }
}

/// One matching section, as the results list shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    /// The section's reading-order index (from 0).
    pub section: usize,
    /// Higher is better; only meaningful against other hits of one search.
    pub score: u32,
    /// Where the best match is.
    pub field: FieldKind,
    /// One line around the best match, at most [`CONTEXT_WIDTH`] columns,
    /// with "…" where the text was cut.
    pub context: String,
    /// Byte ranges of the matches inside `context`: sorted, not overlapping.
    pub matches: Vec<Range<usize>>,
}

/// One searchable piece of text.
#[derive(Debug, Clone)]
struct Field {
    section: u32,
    kind: FieldKind,
    text: String,
    /// Its words, as indexes into the vocabulary.
    words: Vec<u32>,
}

/// Every section's searchable text, built once per toolkit.
#[derive(Debug, Clone, Default)]
pub struct Index {
    fields: Vec<Field>,
    /// Each section's fields, a range of `fields`.
    sections: Vec<Range<usize>>,
    /// Every distinct folded word, and the same as nucleo-matcher wants it.
    vocab: Vec<String>,
    vocab32: Vec<Utf32String>,
    ids: HashMap<String, u32, BuildHasherDefault<Fnv>>,
    /// For each vocabulary word, the fields holding it, ascending.
    postings: Vec<Vec<u32>>,
}

impl Index {
    /// Indexes titles, paragraphs, points, quotes, links, prompts, and a
    /// scenario's question, options and feedback.
    pub fn new(toolkit: &Toolkit) -> Self {
        let mut index = Index::default();
        for entry in toolkit.entries() {
            let s = entry.section;
            let start = index.fields.len();
            let mut add = |kind, text: &str| index.add(entry.index, kind, text);
            add(FieldKind::Title, &s.title);
            for block in &s.blocks {
                match block {
                    Block::Paragraph(p) => add(FieldKind::Body, p),
                    Block::Points(points) => points.iter().for_each(|p| add(FieldKind::Point, p)),
                    Block::Quote(q) => {
                        add(FieldKind::Quote, &q.text);
                        add(FieldKind::Quote, &q.by);
                    }
                    Block::Links(links) => {
                        for link in links {
                            add(FieldKind::Link, &link.title);
                            link.by.iter().for_each(|by| add(FieldKind::Link, by));
                        }
                    }
                }
            }
            if let Some(choice) = &s.choice {
                add(FieldKind::Choice, &choice.question);
                for option in &choice.options {
                    add(FieldKind::Choice, &option.text);
                    add(FieldKind::Feedback, &option.feedback);
                }
            }
            s.reflect
                .iter()
                .chain(&s.discuss)
                .for_each(|p| add(FieldKind::Prompt, p));
            index.sections.push(start..index.fields.len());
        }
        index
    }

    fn add(&mut self, section: usize, kind: FieldKind, text: &str) {
        let f = self.fields.len() as u32;
        let mut words = Vec::new();
        each_word(text, |word, _| {
            let id = match self.ids.get(word) {
                Some(&id) => id,
                None => {
                    let id = self.vocab.len() as u32;
                    self.ids.insert(word.to_string(), id);
                    self.vocab.push(word.to_string());
                    self.vocab32.push(Utf32String::from(word));
                    self.postings.push(Vec::new());
                    id
                }
            };
            let postings = &mut self.postings[id as usize];
            if postings.last() != Some(&f) {
                postings.push(f);
            }
            words.push(id);
        });
        let text = text.to_string();
        self.fields.push(Field {
            section: section as u32,
            kind,
            text,
            words,
        });
    }

    /// The sections matching every word of `query`, best first, at most
    /// `limit`. A section scores, for each word, its best match (kind of
    /// match times the field's weight), plus a bonus where the words appear
    /// in a row; ties go to reading order.
    pub fn search(&self, query: &str, limit: usize) -> Vec<Hit> {
        let words = query_words(query);
        if words.is_empty() || limit == 0 {
            return Vec::new();
        }
        let mut matcher = Matcher::new(Config::DEFAULT);
        let quality: Vec<Vec<u8>> = words
            .iter()
            .map(|w| self.quality(w, &mut matcher))
            .collect();
        let n = self.sections.len();
        let (mut total, mut matched) = (vec![0u32; n], vec![0usize; n]);
        // The best (score, field) for the current word, and over all words.
        let mut word_best = vec![(0u32, 0u32); n];
        let mut best = vec![(0u32, 0u32); n];
        let mut touched = Vec::new();
        for (k, q) in quality.iter().enumerate() {
            for (token, &tq) in q.iter().enumerate().filter(|(_, q)| **q > 0) {
                for &f in &self.postings[token] {
                    let field = &self.fields[f as usize];
                    let s = field.section as usize;
                    if matched[s] != k {
                        continue; // an earlier word is missing: AND
                    }
                    let score = u32::from(tq) * field.kind.weight();
                    let current = &mut word_best[s];
                    if current.0 == 0 {
                        touched.push(s);
                    }
                    if (score, std::cmp::Reverse(f)) > (current.0, std::cmp::Reverse(current.1)) {
                        *current = (score, f);
                    }
                }
            }
            for s in touched.drain(..) {
                let (score, f) = std::mem::take(&mut word_best[s]);
                matched[s] += 1;
                total[s] += score;
                if score > best[s].0 {
                    best[s] = (score, f);
                }
            }
        }
        let mut ranked: Vec<(u32, usize, u32)> = (0..n)
            .filter(|&s| matched[s] == words.len())
            .map(|s| (total[s], s, best[s].1))
            .collect();
        if words.len() > 1 {
            // Only sections that could reach the first `limit` need the
            // phrase bonus worked out.
            let mut scores: Vec<u32> = ranked.iter().map(|r| r.0).collect();
            let cut = match scores.len() > limit {
                true => *scores.select_nth_unstable_by(limit - 1, |a, b| b.cmp(a)).1,
                false => 0,
            };
            for r in ranked
                .iter_mut()
                .filter(|r| r.0 + PHRASE * MAX_WEIGHT >= cut)
            {
                if let Some((bonus, f)) = self.phrase(r.1, &quality) {
                    (r.0, r.2) = (r.0 + bonus, f);
                }
            }
        }
        ranked.sort_unstable_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        ranked.truncate(limit);
        ranked
            .into_iter()
            .map(|(score, section, f)| {
                let field = &self.fields[f as usize];
                let (context, matches) = self.context(&field.text, &words, &quality);
                Hit {
                    section,
                    score,
                    field: field.kind,
                    context,
                    matches,
                }
            })
            .collect()
    }

    /// The context line of a field and the matches in it, centred on the
    /// strongest match.
    fn context(
        &self,
        text: &str,
        words: &[String],
        quality: &[Vec<u8>],
    ) -> (String, Vec<Range<usize>>) {
        let mut found: Vec<(Range<usize>, u8)> = Vec::new();
        each_word(text, |token, start| {
            let Some(&id) = self.ids.get(token) else {
                return;
            };
            for (word, q) in words.iter().zip(quality) {
                match q[id as usize] {
                    0 => {}
                    q if q >= INFIX => found.extend(
                        occurrences(token, word)
                            .map(|r| (original_range(text, start, token, r), q)),
                    ),
                    q => found.push((original_range(text, start, token, 0..token.len()), q)),
                }
            }
        });
        let anchor = found
            .iter()
            .rev()
            .max_by_key(|(_, q)| *q)
            .map_or(0..0, |(r, _)| r.clone());
        let ranges = merge(found.into_iter().map(|(r, _)| r).collect());
        context_line(text, anchor, &ranges)
    }
}

/// Byte ranges in `text` of each word of `query` found in it, ignoring case
/// and accents: sorted, not overlapping, on character boundaries. A word of
/// one letter or digit only matches at the start of a word.
pub fn match_ranges(text: &str, query: &str) -> Vec<Range<usize>> {
    let words = query_words(query);
    let mut found = Vec::new();
    if words.is_empty() {
        return found;
    }
    each_word(text, |token, start| {
        for word in &words {
            found.extend(occurrences(token, word).map(|r| original_range(text, start, token, r)));
        }
    });
    merge(found)
}

#[cfg(test)]
mod tests;
