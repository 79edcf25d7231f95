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
