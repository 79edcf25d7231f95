//! A look for details that could identify a person before a record leaves
//! the computer: regulators forbid details that identify a person who uses
//! services or a colleague. The person decides: the export is still
//! written; standard error says which note (or answer) holds what looks
//! like which kind of detail, never the detail itself.
//!
//! What is looked for, each as a whole word (not inside a longer number):
//! - an **NHS number**: ten digits (spaced 3 3 4 or not) whose last is the
//!   modulus 11 check digit of the first nine; ten digits failing it are not;
//! - a **CHI number** (Scotland): ten digits starting with a real date of
//!   birth (DDMMYY), also passing the modulus 11 check;
//! - a **postcode**: `A9 9AA`, `A99 9AA`, `AA9 9AA`, `AA99 9AA`, `A9A 9AA`
//!   or `AA9A 9AA`, in capitals or not, the space optional;
//! - a **date of birth** written as such: "DOB", "D.O.B." or "date of
//!   birth", or "born on", followed closely by a number;
//! - an **email address**: `name@place.tld`;
//! - a **phone number**: a UK number, 0 then 9 or 10 digits, or +44 then
//!   9 or 10, spaces, dashes and brackets allowed.

use std::collections::BTreeSet;

mod warnings;
pub use warnings::warnings;

/// A kind of identifying detail.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Detail {
    /// A ten-digit number passing the NHS modulus 11 check.
    NhsNumber,
    /// A ten-digit number starting with a date, passing the check.
    ChiNumber,
    /// A UK postcode.
    Postcode,
    /// A date of birth, written as one.
    DateOfBirth,
    /// An email address.
    Email,
    /// A UK phone number.
    Phone,
}

impl Detail {
    /// "an NHS number", as the warning says it.
    pub fn words(self) -> &'static str {
        match self {
            Detail::NhsNumber => "an NHS number",
            Detail::ChiNumber => "a CHI number",
            Detail::Postcode => "a postcode",
            Detail::DateOfBirth => "a date of birth",
            Detail::Email => "an email address",
            Detail::Phone => "a phone number",
        }
    }
}

/// The kinds of detail `text` seems to hold, each once, in a fixed order.
pub fn scan(text: &str) -> BTreeSet<Detail> {
    let mut found = BTreeSet::new();
    let numbers = digit_runs(text);
    for run in &numbers {
        if run.digits.len() == 10 && mod11_ok(&run.digits) {
            found.insert(if chi_date(&run.digits) {
                Detail::ChiNumber
            } else {
                Detail::NhsNumber
            });
        }
        if phone(run) {
            found.insert(Detail::Phone);
        }
    }
    if has_postcode(text) {
        found.insert(Detail::Postcode);
    }
    if has_birth_date(text) {
        found.insert(Detail::DateOfBirth);
    }
    if has_email(text) {
        found.insert(Detail::Email);
    }
    found
}

/// A run of digits joined by single spaces, dashes or brackets, and
/// whether it began with "+".
struct Run {
    digits: Vec<u8>,
    plus: bool,
}

/// The numbers in `text`: digits kept together across one space, dash or
/// bracket between them, never glued to letters or other digits.
fn digit_runs(text: &str) -> Vec<Run> {
    let chars: Vec<char> = text.chars().collect();
    let mut runs = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let starts = c.is_ascii_digit()
            || (c == '+' || c == '(') && chars.get(i + 1).is_some_and(char::is_ascii_digit);
        let glued = i > 0 && chars[i - 1].is_alphanumeric();
        if !starts || glued {
            i += 1;
            continue;
        }
        let plus = c == '+';
        let mut digits = Vec::new();
        let mut j = if plus { i + 1 } else { i };
        while j < chars.len() {
            match chars[j] {
                d if d.is_ascii_digit() => {
                    digits.push(d as u8 - b'0');
                    j += 1;
                }
                _ => {
                    // One or two separators ("-", " ", ") ") between digits.
                    let separator =
                        |k: usize| chars.get(j + k).is_some_and(|c| " -()".contains(*c));
                    let digit = |k: usize| chars.get(j + k).is_some_and(char::is_ascii_digit);
                    match (separator(0), digit(1), separator(1) && digit(2)) {
                        (true, true, _) => j += 1,
                        (true, false, true) => j += 2,
                        _ => break,
                    }
                }
            }
        }
        if !chars.get(j).is_some_and(|c| c.is_alphanumeric()) {
            runs.push(Run { digits, plus });
        }
        i = j.max(i + 1);
    }
    runs
}

/// Whether ten digits end in the modulus 11 check digit of the first nine
/// (weights 10 down to 2; 11 - remainder, 11 meaning 0, 10 never valid).
fn mod11_ok(digits: &[u8]) -> bool {
    if digits.len() != 10 {
        return false;
    }
    let total: u32 = digits[..9]
        .iter()
        .zip((2..=10).rev())
        .map(|(d, w)| u32::from(*d) * w)
        .sum();
    let check = match 11 - total % 11 {
        11 => 0,
        10 => return false,
        n => n,
    };
    u32::from(digits[9]) == check
}

/// Whether ten digits begin with a real DDMMYY date, as a CHI number does.
fn chi_date(digits: &[u8]) -> bool {
    let two = |at: usize| u32::from(digits[at]) * 10 + u32::from(digits[at + 1]);
    let (day, month) = (two(0), two(2));
    let days = match month {
        2 => 29,
        4 | 6 | 9 | 11 => 30,
        1..=12 => 31,
        _ => 0,
    };
    (1..=days).contains(&day)
}

/// A UK phone number: 0 then 9 or 10 digits (not 00), or +44 then 9 or 10.
fn phone(run: &Run) -> bool {
    let d = &run.digits;
    if run.plus {
        return d.starts_with(&[4, 4]) && (11..=12).contains(&d.len()) && d[2] != 0;
    }
    d.first() == Some(&0) && d.get(1).is_some_and(|n| *n != 0) && (10..=11).contains(&d.len())
}

/// Whether `text` holds a UK postcode as a word of its own.
fn has_postcode(text: &str) -> bool {
    let words: Vec<&str> = text
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let inward = |w: &str| {
        let b = w.as_bytes();
        b.len() == 3 && b[0].is_ascii_digit() && b[1..].iter().all(u8::is_ascii_alphabetic)
    };
    let outward = |w: &str| {
        let b = w.as_bytes();
        if !(2..=4).contains(&b.len()) || !b[0].is_ascii_alphabetic() {
            return false;
        }
        let shape: String = b
            .iter()
            .map(|c| if c.is_ascii_digit() { '9' } else { 'A' })
            .collect();
        matches!(
            shape.as_str(),
            "A9" | "A99" | "AA9" | "AA99" | "A9A" | "AA9A"
        )
    };
    let same_case = |w: &str| {
        w.bytes().all(|c| !c.is_ascii_lowercase()) || w.bytes().all(|c| !c.is_ascii_uppercase())
    };
    let pair = |a: &str, b: &str| outward(a) && inward(b) && same_case(&format!("{a}{b}"));
    words.windows(2).any(|w| pair(w[0], w[1]))
        || words.iter().any(|w| {
            w.len() > 3
                && w.is_char_boundary(w.len() - 3)
                && pair(&w[..w.len() - 3], &w[w.len() - 3..])
        })
}

/// "DOB 3/4/1980", "date of birth: 3 April 1980", "born on 3.4.80".
fn has_birth_date(text: &str) -> bool {
    let lower = text.to_lowercase();
    let plain: String = lower.chars().filter(|c| *c != '.').collect();
    ["dob", "date of birth", "born on"].iter().any(|mark| {
        plain.match_indices(mark).any(|(at, _)| {
            let word_start = plain[..at]
                .chars()
                .last()
                .is_none_or(|c| !c.is_alphanumeric());
            let after = &plain[at + mark.len()..];
            let word_end = after.chars().next().is_none_or(|c| !c.is_alphanumeric());
            word_start && word_end && after.chars().take(6).any(|c| c.is_ascii_digit())
        })
    })
}

/// Whether `text` holds `name@place.tld`.
fn has_email(text: &str) -> bool {
    let part = |c: char| c.is_alphanumeric() || "._%+-".contains(c);
    text.match_indices('@').any(|(at, _)| {
        let local = text[..at].chars().rev().take_while(|c| part(*c)).count();
        let domain: String = text[at + 1..]
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '.' || *c == '-')
            .collect();
        let domain = domain.trim_end_matches('.');
        let labels: Vec<&str> = domain.split('.').collect();
        local > 0
            && labels.len() >= 2
            && labels.iter().all(|l| !l.is_empty())
            && labels
                .last()
                .is_some_and(|tld| tld.len() >= 2 && tld.chars().all(char::is_alphabetic))
    })
}

#[cfg(test)]
mod tests;
