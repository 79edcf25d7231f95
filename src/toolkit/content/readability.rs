//! Flesch reading ease, counted one way only, so the checker and the
//! people writing the toolkit get the same score for the same text:
//! 206.835 − 1.015 × words/sentences − 84.6 × syllables/words. Higher is
//! easier; 50 or more reads as plain English for most adults.
//!
//! - A word is a run of text between spaces with a letter or digit in it
//!   (a dash on its own is not a word).
//! - A word's syllables are its groups of vowels (a e i o u y), less a
//!   silent final e ("care" has one), and at least one.
//! - A sentence ends at . ! ? ; or : (a run of them ends one sentence), and
//!   at the end of each paragraph or point, which stands on its own.

/// The score a section's own prose should reach: plain English.
pub const PLAIN: f64 = 50.0;

/// Sections with fewer words of their own prose are too short for the
/// score to mean anything, and are not scored.
pub const SCORED_FROM: usize = 40;

/// The counts a score is made of, so pieces of text (paragraphs, points)
/// can be added up before scoring.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    /// Words, as the module says.
    pub words: usize,
    /// Sentences, at least one per piece with words in it.
    pub sentences: usize,
    /// Syllables, at least one per word.
    pub syllables: usize,
}

impl Counts {
    /// The counts of one piece of text that stands on its own: a paragraph
    /// or a point.
    pub fn of(text: &str) -> Counts {
        let mut counts = Counts::default();
        let mut open = false;
        for token in text.split_whitespace() {
            if token.chars().any(char::is_alphanumeric) {
                counts.words += 1;
                counts.syllables += syllables(token);
                open = true;
            }
            if open && ends_sentence(token) {
                counts.sentences += 1;
                open = false;
            }
        }
        if open {
            counts.sentences += 1;
        }
        counts
    }

    /// These counts and `other`'s together.
    pub fn add(self, other: Counts) -> Counts {
        Counts {
            words: self.words + other.words,
            sentences: self.sentences + other.sentences,
            syllables: self.syllables + other.syllables,
        }
    }

    /// The Flesch reading ease of the counted text, `None` when it has no
    /// words.
    pub fn score(&self) -> Option<f64> {
        if self.words == 0 {
            return None;
        }
        let words = self.words as f64;
        let sentences = self.sentences.max(1) as f64;
        Some(206.835 - 1.015 * (words / sentences) - 84.6 * (self.syllables as f64 / words))
    }
}

/// A character that ends a sentence.
fn is_end(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | ';' | ':')
}

/// Whether a token ends a sentence, closing marks aside: `said."` and
/// `(this).` do; `12.5` does not.
fn ends_sentence(token: &str) -> bool {
    let trimmed = token.trim_end_matches(|c: char| !c.is_alphanumeric() && !is_end(c));
    trimmed.ends_with(is_end)
}

/// A word's syllables: groups of vowels, less a silent final e, at least one.
pub fn syllables(word: &str) -> usize {
    let letters: Vec<char> = word
        .chars()
        .filter(char::is_ascii_alphabetic)
        .map(|c| c.to_ascii_lowercase())
        .collect();
    let vowel = |c: &char| matches!(c, 'a' | 'e' | 'i' | 'o' | 'u' | 'y');
    let mut groups = 0;
    let mut in_group = false;
    for c in &letters {
        let v = vowel(c);
        if v && !in_group {
            groups += 1;
        }
        in_group = v;
    }
    // A final e on its own after a consonant is silent: "care", "people".
    let silent = letters.len() >= 2
        && letters[letters.len() - 1] == 'e'
        && !vowel(&letters[letters.len() - 2]);
    if silent {
        groups -= 1;
    }
    groups.max(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn syllables_are_vowel_groups_less_a_silent_e_and_at_least_one() {
        for (word, n) in [
            ("care", 1),
            ("the", 1),
            ("people", 1),
            ("free", 1),
            ("allyship", 3),
            ("discrimination", 5),
            ("rhythm", 1),
            ("you", 1),
            ("2026", 1),
            ("colleagues", 3),
        ] {
            assert_eq!(syllables(word), n, "{word}");
        }
    }

    #[test]
    fn sentences_end_at_stops_and_at_the_end_of_a_piece() {
        assert_eq!(Counts::of("One. Two! Three? Four; five: six").sentences, 6);
        assert_eq!(Counts::of("He said \"stop.\" Then left.").sentences, 2);
        assert_eq!(Counts::of("Wait... then go").sentences, 2);
        assert_eq!(Counts::of("– a dash alone is no word").words, 6);
        assert_eq!(Counts::of("").sentences, 0);
    }

    #[test]
    fn the_score_is_the_flesch_formula() {
        // 4 words, 1 sentence, 4 syllables: 206.835 - 1.015*4 - 84.6*1.
        let counts = Counts::of("The cat sat down.");
        assert_eq!(
            counts,
            Counts {
                words: 4,
                sentences: 1,
                syllables: 4
            }
        );
        let score = counts.score().unwrap();
        assert!((score - (206.835 - 4.06 - 84.6)).abs() < 1e-9, "{score}");
        assert_eq!(Counts::default().score(), None);
    }

    #[test]
    fn long_words_in_long_sentences_score_low_and_short_ones_high() {
        let hard = Counts::of(
            "Organisational accountability necessitates comprehensive institutional \
             prioritisation of anti-discriminatory considerations throughout operational \
             decision-making infrastructures and communications.",
        );
        let easy = Counts::of("Ask how they are. Listen. Do not rush to fix it.");
        assert!(hard.score().unwrap() < 0.0, "{hard:?}");
        assert!(easy.score().unwrap() > 80.0, "{easy:?}");
    }
}
