//! Word-level helpers for search: folding accents and case, splitting text
//! into words, typo distance, match ranges and the line of context around a
//! match.

use super::{CONTEXT_WIDTH, MAX_WORDS};
use nucleo_matcher::chars;
use std::hash::Hasher;
use std::ops::Range;
use unicode_width::UnicodeWidthChar;

/// FNV-1a: a fast hash for the short words of the vocabulary.
pub(super) struct Fnv(u64);

impl Default for Fnv {
    fn default() -> Self {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
}

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 ^ u64::from(b)).wrapping_mul(0x100_0000_01b3);
        }
    }
}

/// Folds a character for matching: Latin accents removed, lower case.
pub(super) fn fold(c: char) -> char {
    if c.is_ascii() {
        return c.to_ascii_lowercase();
    }
    chars::to_lower_case(chars::normalize(c))
}

/// Combining accents: skipped, so "cafe\u{301}" reads as "cafe".
pub(super) fn is_mark(c: char) -> bool {
    matches!(c, '\u{300}'..='\u{36f}')
}

/// Calls `f` with each folded word of `text` and its byte offset in `text`.
pub(super) fn each_word(text: &str, mut f: impl FnMut(&str, usize)) {
    let mut word = String::new();
    let mut start = 0;
    for (i, c) in text.char_indices().filter(|&(_, c)| !is_mark(c)) {
        let c = fold(c);
        if c.is_alphanumeric() {
            if word.is_empty() {
                start = i;
            }
            word.push(c);
        } else if !word.is_empty() {
            f(&word, start);
            word.clear();
        }
    }
    if !word.is_empty() {
        f(&word, start);
    }
}

/// The distinct folded words of a query, at most [`MAX_WORDS`].
pub(super) fn query_words(query: &str) -> Vec<String> {
    let mut words: Vec<String> = Vec::new();
    each_word(query, |w, _| {
        if words.len() < MAX_WORDS && !words.iter().any(|x| x == w) {
            words.push(w.to_string());
        }
    });
    words
}

/// Byte ranges of `word` in the folded `token`; only at its start for a
/// single character.
pub(super) fn occurrences<'a>(
    token: &'a str,
    word: &'a str,
) -> impl Iterator<Item = Range<usize>> + 'a {
    let single = word.chars().nth(1).is_none();
    token
        .match_indices(word)
        .take_while(move |(i, _)| !single || *i == 0)
        .map(|(i, w)| i..i + w.len())
}

/// Maps a byte range of a folded word starting at `start` in `text` back to
/// a byte range of `text` (folding keeps one character for one).
pub(super) fn original_range(
    text: &str,
    start: usize,
    token: &str,
    r: Range<usize>,
) -> Range<usize> {
    let skip = token[..r.start].chars().count();
    let count = token[r].chars().count().max(1);
    let mut chars = text[start..]
        .char_indices()
        .filter(|&(_, c)| !is_mark(c))
        .skip(skip);
    let Some((a, first)) = chars.next() else {
        return text.len()..text.len();
    };
    let (b, last) = chars
        .nth(count.saturating_sub(2))
        .filter(|_| count > 1)
        .unwrap_or((a, first));
    let end = start + b + last.len_utf8();
    let marks: usize = text[end..]
        .chars()
        .take_while(|&c| is_mark(c))
        .map(char::len_utf8)
        .sum();
    start + a..end + marks
}

/// Sorts ranges and joins overlapping or touching ones.
pub(super) fn merge(mut ranges: Vec<Range<usize>>) -> Vec<Range<usize>> {
    ranges.sort_by_key(|r| (r.start, r.end));
    let mut out: Vec<Range<usize>> = Vec::with_capacity(ranges.len());
    for r in ranges.into_iter().filter(|r| !r.is_empty()) {
        match out.last_mut() {
            Some(last) if r.start <= last.end => last.end = last.end.max(r.end),
            _ => out.push(r),
        }
    }
    out
}

/// The typo distance (swaps count as one) between `word` and `token` or a
/// start of it within one letter of the word's length, if at most `max`.
pub(super) fn typo_distance(
    word: &[char],
    token: &str,
    max: usize,
    d: &mut Vec<usize>,
) -> Option<usize> {
    if max == 0 || word.len() > 64 {
        return None;
    }
    let t: Vec<char> = token.chars().take(word.len() + 2).collect();
    if t.len() + 1 < word.len() {
        return None;
    }
    let (rows, cols) = (word.len() + 1, t.len() + 1);
    d.clear();
    d.resize(rows * cols, 0);
    for i in 0..rows {
        for j in 0..cols {
            d[i * cols + j] = if i == 0 || j == 0 {
                i + j
            } else {
                let cost = usize::from(word[i - 1] != t[j - 1]);
                let mut v = (d[(i - 1) * cols + j] + 1)
                    .min(d[i * cols + j - 1] + 1)
                    .min(d[(i - 1) * cols + j - 1] + cost);
                if i > 1 && j > 1 && word[i - 1] == t[j - 2] && word[i - 2] == t[j - 1] {
                    v = v.min(d[(i - 2) * cols + j - 2] + 1);
                }
                v
            };
        }
    }
    let last = &d[(rows - 1) * cols..];
    let lengths = word.len().saturating_sub(1)..=(word.len() + 1).min(t.len());
    lengths
        .map(|l| last[l])
        .min()
        .filter(|&v| v <= max && v > 0)
}

/// One line of `text` around `anchor`, cut with "…" to fit [`CONTEXT_WIDTH`]
/// columns, and `ranges` (sorted byte ranges of `text`) moved into it.
pub(super) fn context_line(
    text: &str,
    anchor: Range<usize>,
    ranges: &[Range<usize>],
) -> (String, Vec<Range<usize>>) {
    let (mut start, mut end) = (0, text.len());
    if text.chars().map(width).sum::<usize>() > CONTEXT_WIDTH {
        // The match, a third of the room left before it, the rest after it,
        // then before it again if the text ran out.
        let mut room = CONTEXT_WIDTH - 2; // the two ellipses
        let first = anchor.start.min(text.len());
        start = first;
        end = start
            + fit(
                text[start..anchor.end.clamp(start, text.len())].chars(),
                &mut room,
            );
        let mut before = room / 3;
        room -= before;
        start -= fit(text[..start].chars().rev(), &mut before);
        room += before;
        end += fit(text[end..].chars(), &mut room);
        start -= fit(text[..start].chars().rev(), &mut room);
        // Cut at spaces rather than inside words, where the match allows.
        let last = anchor.end.clamp(first, end);
        if start > 0
            && !text[..start].ends_with(char::is_whitespace)
            && let Some(i) = text[start..first].find(char::is_whitespace)
        {
            start += i;
        }
        if end < text.len()
            && !text[end..].starts_with(char::is_whitespace)
            && let Some(i) = text[last..end].rfind(char::is_whitespace)
        {
            end = last + i;
        }
        start = first - text[start..first].trim_start().len();
        end = last + text[last..end].trim_end().len();
    }
    let mut line = String::from(if start > 0 { "…" } else { "" });
    let mut map = Vec::new(); // (offset in text, offset in line)
    for (i, c) in text[start..end].char_indices() {
        map.push((start + i, line.len()));
        line.push(if c.is_whitespace() || crate::sanitise::is_unsafe(c) {
            ' '
        } else {
            c
        });
    }
    map.push((end, line.len()));
    if end < text.len() {
        line.push('…');
    }
    let at = |offset: usize| map[map.partition_point(|&(o, _)| o < offset)].1;
    let matches = ranges
        .iter()
        .map(|r| r.start.max(start)..r.end.min(end))
        .filter(|r| r.start < r.end)
        .map(|r| at(r.start)..at(r.end))
        .collect();
    (line, matches)
}

/// Terminal columns of a character; control characters become spaces.
pub(super) fn width(c: char) -> usize {
    c.width().unwrap_or(1)
}

/// How many bytes of `chars` fit in `room` columns, taking them from it.
pub(super) fn fit(chars: impl Iterator<Item = char>, room: &mut usize) -> usize {
    let mut bytes = 0;
    for c in chars {
        if width(c) > *room {
            break;
        }
        *room -= width(c);
        bytes += c.len_utf8();
    }
    bytes
}
