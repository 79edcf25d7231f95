//! Scoring: how well a query word matches each word of the vocabulary, by
//! kind of match, how much a field counts, and the bonus where the query's
//! words appear in a row.

use super::words::typo_distance;
use super::{FieldKind, Index};
use nucleo_matcher::Matcher;
use nucleo_matcher::pattern::{Atom, AtomKind, CaseMatching, Normalization};

/// How well a query word matches a word of the text, by kind of match.
const EXACT: u8 = 100;
const PREFIX: u8 = 85;
pub(super) const INFIX: u8 = 65;
const TYPO: u8 = 40;
const FUZZY: u8 = 20;
/// Added, times the field's weight, when the query words appear in a row.
pub(super) const PHRASE: u32 = 30;
/// The weight of the weightiest field, a title.
pub(super) const MAX_WEIGHT: u32 = 10;

impl FieldKind {
    /// How much a match here counts; body text is 5.
    pub(super) fn weight(self) -> u32 {
        match self {
            FieldKind::Title => MAX_WEIGHT,
            FieldKind::Point => 7,
            FieldKind::Quote | FieldKind::Link => 6,
            FieldKind::Body | FieldKind::Choice => 5,
            FieldKind::Prompt | FieldKind::Feedback => 4,
        }
    }
}

impl Index {
    /// How well `word` matches each vocabulary word (0: not at all).
    pub(super) fn quality(&self, word: &str, matcher: &mut Matcher) -> Vec<u8> {
        let wchars: Vec<char> = word.chars().collect();
        let len = wchars.len();
        let typos = match len {
            0..=4 => 0,
            5..=8 => 1,
            _ => 2,
        };
        let fuzzy = (len >= 4).then(|| {
            Atom::new(
                word,
                CaseMatching::Ignore,
                Normalization::Smart,
                AtomKind::Fuzzy,
                false,
            )
        });
        // nucleo scores a run of n letters from a word's start about 26n + 10.
        let (floor, perfect) = (20 * len as u32, 26 * len as u32 + 10);
        let mut scratch = Vec::new();
        self.vocab
            .iter()
            .zip(&self.vocab32)
            .map(|(token, token32)| {
                if token == word {
                    EXACT
                } else if token.starts_with(word) {
                    PREFIX
                } else if len > 1 && token.contains(word) {
                    INFIX
                } else if let Some(d) = typo_distance(&wchars, token, typos, &mut scratch) {
                    TYPO - 10 * (d as u8 - 1)
                } else if let Some(score) = fuzzy
                    .as_ref()
                    .and_then(|a| a.score(token32.slice(..), matcher))
                    && u32::from(score) >= floor
                {
                    let above = (u32::from(score) - floor) * 15 / (perfect - floor);
                    FUZZY + above.min(15) as u8
                } else {
                    0
                }
            })
            .collect()
    }

    /// The bonus and field for section `s` where the query words appear in a
    /// row (each matching its word), best field first.
    pub(super) fn phrase(&self, s: usize, quality: &[Vec<u8>]) -> Option<(u32, u32)> {
        if quality.len() < 2 {
            return None;
        }
        let mut best: Option<(u32, u32)> = None;
        for f in self.sections[s].clone() {
            let field = &self.fields[f];
            let in_a_row = field
                .words
                .windows(quality.len())
                .any(|window| window.iter().zip(quality).all(|(&t, q)| q[t as usize] > 0));
            let bonus = PHRASE * field.kind.weight();
            if in_a_row && best.is_none_or(|(b, _)| bonus > b) {
                best = Some((bonus, f as u32));
            }
        }
        best
    }
}
