//! When a section counts as read, and how much time was spent learning.
//!
//! [`ReadTracker`] is pure: the app passes the current [`Instant`] into every
//! call, so tests drive it with made-up instants and never sleep.
//!
//! **Read.** A section counts as read once it has stayed the visible section
//! long enough to read it at [`WORDS_PER_MINUTE`] (300 words a minute, a
//! brisk pace: a 150-word section needs 30 s), and never less than
//! [`DEFAULT_MIN_READ`] (3 s). `ALLYSHIP_MIN_READ_SECS` replaces this with one
//! fixed time for every section, for tests. The tracker reports this exactly
//! once per opening, from whichever call first notices it: [`ReadTracker::tick`],
//! [`ReadTracker::activity`], or [`ReadTracker::open`] of the next section
//! (so a section left after 5 s still counts even if no tick came in between).
//!
//! **Active time.** Time between two consecutive activities (key or mouse
//! events, or opening a section) counts in full when the gap is at most
//! [`IDLE_LIMIT`] (5 minutes). A longer gap counts nothing at all: the person
//! was away, and the time after their last activity is not counted. Ticks are
//! not activity and never add time, so time only grows when a person acts.

use std::time::{Duration, Instant};

/// Shortest time any section must stay open to count as read.
pub const DEFAULT_MIN_READ: Duration = Duration::from_secs(3);

/// Reading pace the time on a section is measured against: brisker than the
/// usual 240 or so words a minute of careful reading, so a person who reads
/// the section through is counted, and one who glances at it is not.
pub const WORDS_PER_MINUTE: u64 = 300;

/// How long a section of `words` words must stay on screen to count as read,
/// so "read" means time enough to read it, not a glance at its first screen.
pub fn time_to_read(words: usize) -> Duration {
    let words = u64::try_from(words).unwrap_or(u64::MAX);
    let millis = words.saturating_mul(60_000) / WORDS_PER_MINUTE;
    Duration::from_millis(millis).max(DEFAULT_MIN_READ)
}

/// Longest pause between activities that still counts as learning time.
pub const IDLE_LIMIT: Duration = Duration::from_secs(5 * 60);

/// Environment variable that replaces the reading-pace rule with one fixed
/// time for every section (seconds, decimals allowed), for tests.
pub const MIN_READ_ENV: &str = "ALLYSHIP_MIN_READ_SECS";

/// The fixed read time from `ALLYSHIP_MIN_READ_SECS`, so tests can make
/// reading count at once or never; `None` (unset or bad) keeps the reading pace.
pub fn min_read_from_env() -> Option<Duration> {
    parse_min_read(std::env::var(MIN_READ_ENV).ok().as_deref())
}

/// Turns the text of `ALLYSHIP_MIN_READ_SECS` into a fixed time, so the rule
/// is testable without touching the environment. Accepts `3`, `0.2`, `0`;
/// anything negative, not a number, infinite or absurdly large gives `None`.
pub fn parse_min_read(value: Option<&str>) -> Option<Duration> {
    value
        .and_then(|text| text.trim().parse::<f64>().ok())
        .filter(|secs| secs.is_finite() && *secs >= 0.0)
        .and_then(|secs| Duration::try_from_secs_f64(secs).ok())
}

/// Says that a section now counts as read, so the app can record it in the journal.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReadEvent {
    /// Id of the section that has just counted as read.
    pub section: String,
}

/// The section on screen, and whether it already counted as read.
#[derive(Debug, Clone)]
struct Opening {
    section: String,
    since: Instant,
    needed: Duration,
    counted: bool,
}

/// Decides when sections count as read and adds up active learning time,
/// with time passed in by the caller so it can be tested without a clock.
#[derive(Debug, Clone)]
pub struct ReadTracker {
    fixed: Option<Duration>,
    opening: Option<Opening>,
    last_activity: Option<Instant>,
    active: Duration,
}

impl ReadTracker {
    /// Creates a tracker: `None` measures each section against the reading
    /// pace ([`time_to_read`]), `Some` gives every section that fixed time
    /// (see [`min_read_from_env`]).
    pub fn new(fixed: Option<Duration>) -> Self {
        Self {
            fixed,
            opening: None,
            last_activity: None,
            active: Duration::ZERO,
        }
    }

    /// Id of the section currently open, if any.
    pub fn open_section(&self) -> Option<&str> {
        self.opening
            .as_ref()
            .map(|opening| opening.section.as_str())
    }

    /// Call when `section` (of `words` words of body text) becomes the
    /// visible one. Counts as activity.
    ///
    /// Returns the read events this produces: the section being left, if it
    /// had been open long enough and was not yet reported, and the new one
    /// when the threshold is zero. Opening the section that is already open
    /// changes nothing (it is the same opening).
    pub fn open(&mut self, section: &str, words: usize, now: Instant) -> Vec<ReadEvent> {
        self.note_activity(now);
        let mut events: Vec<ReadEvent> = self.check(now).into_iter().collect();
        if self.open_section() != Some(section) {
            self.opening = Some(Opening {
                section: section.to_owned(),
                since: now,
                needed: self.fixed.unwrap_or_else(|| time_to_read(words)),
                counted: false,
            });
            events.extend(self.check(now));
        }
        events
    }

    /// Call when the visible section is closed without another opening
    /// (e.g. the journal view covers it). Reports it if it had been open long enough.
    pub fn close(&mut self, now: Instant) -> Option<ReadEvent> {
        let event = self.check(now);
        self.opening = None;
        event
    }

    /// Call on every key or mouse event.
    pub fn activity(&mut self, now: Instant) -> Option<ReadEvent> {
        self.note_activity(now);
        self.check(now)
    }

    /// Call periodically (e.g. every 250 ms) so a section counts as read
    /// while the person reads without pressing keys. Does not count as activity.
    pub fn tick(&mut self, now: Instant) -> Option<ReadEvent> {
        self.check(now)
    }

    /// Hands out the whole seconds of active time gathered since the last
    /// call, keeping the fraction for next time, so the journal can add them to today.
    pub fn take_active_secs(&mut self) -> u64 {
        let secs = self.active.as_secs();
        self.active -= Duration::from_secs(secs);
        secs
    }

    /// Adds the gap since the previous activity, unless the person was away.
    fn note_activity(&mut self, now: Instant) {
        if let Some(previous) = self.last_activity {
            let gap = now.saturating_duration_since(previous);
            if gap <= IDLE_LIMIT {
                self.active = self.active.saturating_add(gap);
            }
        }
        self.last_activity = Some(now);
    }

    /// Reports the open section once it has been open for the time it needs.
    fn check(&mut self, now: Instant) -> Option<ReadEvent> {
        let opening = self.opening.as_mut()?;
        if opening.counted || now.saturating_duration_since(opening.since) < opening.needed {
            return None;
        }
        opening.counted = true;
        Some(ReadEvent {
            section: opening.section.clone(),
        })
    }
}

impl Default for ReadTracker {
    fn default() -> Self {
        Self::new(Some(DEFAULT_MIN_READ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn secs(s: f64) -> Duration {
        Duration::from_secs_f64(s)
    }

    fn ids(events: &[ReadEvent]) -> Vec<&str> {
        events.iter().map(|e| e.section.as_str()).collect()
    }

    #[test]
    fn parses_threshold_text() {
        assert_eq!(parse_min_read(None), None);
        assert_eq!(parse_min_read(Some("0.2")), Some(secs(0.2)));
        assert_eq!(parse_min_read(Some("0")), Some(Duration::ZERO));
        assert_eq!(parse_min_read(Some(" 5 ")), Some(secs(5.0)));
        for bad in ["", "abc", "-1", "NaN", "inf", "1e400", "3s"] {
            assert_eq!(parse_min_read(Some(bad)), None, "{bad}");
        }
    }

    #[test]
    fn flicking_past_does_not_count() {
        let t0 = Instant::now();
        let mut tracker = ReadTracker::default();
        assert!(tracker.open("a", 0, t0).is_empty());
        assert!(tracker.open("b", 0, t0 + secs(0.5)).is_empty());
        assert!(tracker.open("c", 0, t0 + secs(1.0)).is_empty());
        assert_eq!(tracker.tick(t0 + secs(2.9)), None);
        assert_eq!(tracker.open_section(), Some("c"));
    }

    #[test]
    fn counts_once_per_opening() {
        let t0 = Instant::now();
        let mut tracker = ReadTracker::default();
        tracker.open("a", 0, t0);
        assert_eq!(tracker.tick(t0 + secs(2.0)), None);
        let event = tracker.tick(t0 + secs(3.0));
        assert_eq!(event.map(|e| e.section), Some("a".to_owned()));
        assert_eq!(tracker.tick(t0 + secs(10.0)), None);
        assert_eq!(tracker.activity(t0 + secs(11.0)), None);
        assert!(
            tracker.open("a", 0, t0 + secs(12.0)).is_empty(),
            "same opening"
        );
        tracker.open("b", 0, t0 + secs(13.0));
        tracker.open("a", 0, t0 + secs(14.0));
        let again = tracker.tick(t0 + secs(17.0));
        assert_eq!(again.map(|e| e.section), Some("a".to_owned()));
    }

    #[test]
    fn leaving_after_threshold_without_tick_still_counts() {
        let t0 = Instant::now();
        let mut tracker = ReadTracker::default();
        tracker.open("a", 0, t0);
        assert_eq!(ids(&tracker.open("b", 0, t0 + secs(4.0))), ["a"]);
        assert_eq!(
            tracker.close(t0 + secs(8.0)).map(|e| e.section),
            Some("b".into())
        );
        assert_eq!(tracker.open_section(), None);
        assert_eq!(tracker.tick(t0 + secs(20.0)), None);
    }

    #[test]
    fn the_time_needed_grows_with_the_words_at_the_stated_pace() {
        assert_eq!(time_to_read(0), DEFAULT_MIN_READ);
        assert_eq!(time_to_read(10), DEFAULT_MIN_READ);
        assert_eq!(time_to_read(150), secs(30.0));
        assert_eq!(time_to_read(600), secs(120.0));
        assert!(time_to_read(usize::MAX) > secs(1e9));
    }

    #[test]
    fn a_glance_at_a_long_section_is_not_reading_it() {
        let t0 = Instant::now();
        let mut tracker = ReadTracker::new(None);
        tracker.open("long", 600, t0);
        assert_eq!(tracker.tick(t0 + secs(3.0)), None, "3 s on 600 words");
        assert_eq!(tracker.tick(t0 + secs(119.0)), None);
        assert!(tracker.open("short", 10, t0 + secs(119.5)).is_empty());
        let short = tracker.tick(t0 + secs(122.5));
        assert_eq!(short.map(|e| e.section), Some("short".to_owned()));
        tracker.open("long", 600, t0 + secs(123.0));
        let long = tracker.tick(t0 + secs(243.0));
        assert_eq!(long.map(|e| e.section), Some("long".to_owned()));
    }

    #[test]
    fn a_fixed_time_from_the_environment_replaces_the_pace() {
        let t0 = Instant::now();
        let mut tracker = ReadTracker::new(parse_min_read(Some("0.2")));
        tracker.open("long", 600, t0);
        let event = tracker.tick(t0 + secs(0.2));
        assert_eq!(event.map(|e| e.section), Some("long".to_owned()));
    }

    #[test]
    fn zero_threshold_counts_on_open() {
        let t0 = Instant::now();
        let mut tracker = ReadTracker::new(Some(Duration::ZERO));
        assert_eq!(ids(&tracker.open("a", 0, t0)), ["a"]);
        assert_eq!(ids(&tracker.open("b", 0, t0)), ["b"]);
        assert_eq!(tracker.tick(t0), None);
    }

    #[test]
    fn active_time_skips_long_pauses() {
        let t0 = Instant::now();
        let mut tracker = ReadTracker::default();
        tracker.open("a", 0, t0);
        tracker.activity(t0 + secs(60.0));
        tracker.activity(t0 + secs(360.0)); // exactly 5 min: counts
        tracker.tick(t0 + secs(1000.0)); // ticks add nothing
        tracker.activity(t0 + secs(1000.5)); // 640.5 s away: nothing
        tracker.activity(t0 + secs(1010.0));
        assert_eq!(tracker.take_active_secs(), 60 + 300 + 9);
        assert_eq!(tracker.take_active_secs(), 0);
        tracker.activity(t0 + secs(1010.6)); // 0.5 left over + 0.6
        assert_eq!(tracker.take_active_secs(), 1);
    }

    #[test]
    fn time_going_backwards_is_harmless() {
        let t0 = Instant::now() + secs(100.0);
        let mut tracker = ReadTracker::default();
        tracker.open("a", 0, t0);
        tracker.activity(t0 - secs(50.0));
        assert_eq!(tracker.tick(t0 - secs(60.0)), None);
        assert_eq!(tracker.take_active_secs(), 0);
    }
}
