//! The learning time a plain command can see: a person typing a note or a
//! check-in at the terminal. Each piece of input that arrives (a line, at
//! a terminal) is an activity, and the time between two activities counts
//! as the reader counts it between keys: in full up to
//! [`IDLE_LIMIT`](crate::journal::reading::IDLE_LIMIT), not at all after a
//! longer pause. Piped input arrives at once, so it adds nothing: no time
//! is claimed that nobody spent.

use crate::journal::reading::ReadTracker;
use std::io::Read;
use std::time::Instant;

/// Standard input (or any reader) that counts the active time spent typing
/// it, from when the prompt was shown to its last line.
pub struct TimedInput<'a, R: Read + ?Sized> {
    inner: &'a mut R,
    clock: Box<dyn FnMut() -> Instant + 'a>,
    tracker: ReadTracker,
}

impl<'a, R: Read + ?Sized> TimedInput<'a, R> {
    /// Starts counting now (the prompt has just been shown), on the real clock.
    pub fn new(inner: &'a mut R) -> Self {
        Self::with_clock(inner, Instant::now)
    }

    /// Starts counting with `clock` giving each moment, so tests need no sleep.
    pub fn with_clock(inner: &'a mut R, mut clock: impl FnMut() -> Instant + 'a) -> Self {
        let mut tracker = ReadTracker::default();
        tracker.activity(clock());
        Self {
            inner,
            clock: Box::new(clock),
            tracker,
        }
    }

    /// The whole seconds of active typing time so far.
    pub fn active_secs(&mut self) -> u64 {
        self.tracker.take_active_secs()
    }
}

impl<R: Read + ?Sized> Read for TimedInput<'_, R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let got = self.inner.read(buf)?;
        if got > 0 {
            self.tracker.activity((self.clock)());
        }
        Ok(got)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    /// A reader that gives one line per `read`, as a terminal does.
    struct Lines(Vec<&'static str>);

    impl Read for Lines {
        fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
            if self.0.is_empty() {
                return Ok(0);
            }
            let line = self.0.remove(0).as_bytes();
            buf[..line.len()].copy_from_slice(line);
            Ok(line.len())
        }
    }

    #[test]
    fn typing_counts_the_gaps_between_lines_as_the_reader_counts_keys() {
        let t0 = Instant::now();
        // Prompt, then lines after 60 s, 120 s, a 20-minute pause, 30 s more.
        let mut moments = [0, 60, 180, 1380, 1410]
            .into_iter()
            .map(move |s| t0 + Duration::from_secs(s));
        let mut lines = Lines(vec!["I will\n", "ask\n", "first\n", "and listen\n"]);
        let mut timed = TimedInput::with_clock(&mut lines, move || moments.next().unwrap_or(t0));
        let mut text = Vec::new();
        let mut buf = [0u8; 64];
        loop {
            let got = timed.read(&mut buf).unwrap();
            if got == 0 {
                break;
            }
            text.extend_from_slice(&buf[..got]);
        }
        assert_eq!(text, b"I will\nask\nfirst\nand listen\n");
        assert_eq!(
            timed.active_secs(),
            60 + 120 + 30,
            "the pause counts nothing"
        );
    }

    #[test]
    fn input_that_arrives_at_once_adds_no_time() {
        let mut piped: &[u8] = b"I will ask first\n";
        let mut timed = TimedInput::new(&mut piped);
        let mut text = String::new();
        timed.read_to_string(&mut text).unwrap();
        assert_eq!(timed.active_secs(), 0);
    }
}

/// A prompt shown before a person types (a note's reflection prompts, "Say
/// how it went"), wrapped at word boundaries to `width` columns (0: as it
/// is), so a narrow terminal never breaks a word in the middle. A line's
/// indent and marker ("  ? ", "  | ") lead its continuation lines too.
pub fn wrap_prompt(text: &str, width: u16) -> String {
    if width == 0 {
        return text.to_owned();
    }
    let mut out = String::new();
    for line in text.lines() {
        let body = line.trim_start();
        let indent = &line[..line.len() - body.len()];
        let (first, next, words) = match body.get(..2) {
            Some("? ") => (format!("{indent}? "), format!("{indent}  "), &body[2..]),
            Some("| ") => (format!("{indent}| "), format!("{indent}| "), &body[2..]),
            _ => (indent.to_owned(), indent.to_owned(), body),
        };
        let options = textwrap::Options::new(usize::from(width))
            .initial_indent(&first)
            .subsequent_indent(&next)
            .wrap_algorithm(textwrap::WrapAlgorithm::FirstFit)
            .word_separator(textwrap::WordSeparator::AsciiSpace);
        let wrapped = textwrap::wrap(words, options);
        if wrapped.is_empty() {
            out.push_str(line.trim_end());
            out.push('\n');
        }
        for piece in wrapped {
            out.push_str(piece.trim_end());
            out.push('\n');
        }
    }
    out
}

/// The width of the terminal standard error (where prompts go) shows, or
/// 0 (no wrapping) when it is not a terminal.
pub fn prompt_width() -> u16 {
    use std::io::IsTerminal;
    if !std::io::stderr().is_terminal() {
        return 0;
    }
    ratatui::crossterm::terminal::size().map_or(0, |(w, _)| w)
}

#[cfg(test)]
mod wrap_tests {
    use super::wrap_prompt;

    /// Issue 26: `note` and `check-in` prompts broke words in the middle on
    /// a narrow terminal; each line now ends at a word's end, in the width.
    #[test]
    fn prompts_wrap_at_word_boundaries_with_their_markers() {
        let text = "Reflect:\n  ? What would you say to a colleague who heard it too?\n\
                    Type your note, then press Ctrl-D at the start of a line to save it.\n";
        let wrapped = wrap_prompt(text, 30);
        for line in wrapped.lines() {
            assert!(line.chars().count() <= 30, "{line:?} in\n{wrapped}");
        }
        assert!(
            wrapped.contains("  ? What would you say to a\n    colleague"),
            "{wrapped}"
        );
        let words: Vec<&str> = text.split_whitespace().collect();
        let again: Vec<&str> = wrapped.split_whitespace().collect();
        assert_eq!(words, again, "no word broken or lost");
        assert_eq!(wrap_prompt(text, 0), text);
    }
}
