//! Where a walkthrough is, for the facilitator's second screen
//! (`allyship present --notes`): the presenter writes a small file on
//! every step, and the follower reads it.
//!
//! # File format
//!
//! `walkthrough-now.json` in the data directory, beside the facilitator's
//! log; written atomically (temp file, rename; 0600) each time the step or
//! the timer changes, and removed when the walkthrough ends. `pid` is the
//! presenter's process: a file left by one that no longer runs (a crash)
//! means no walkthrough is running. Times are RFC 3339 UTC.
//!
//! ```json
//! { "version": 1, "pid": 4242,
//!   "place": "Tip 2 of 9", "section": "Speak up when you witness discrimination",
//!   "step": "Point 1 of 4", "next": "Point 2 of 4",
//!   "notes": ["Allow ten minutes."],
//!   "timer": { "ends": "2026-11-23T14:07:00Z" } }
//! ```
//!
//! It holds the facilitator notes of the section on the shared screen, so
//! the follower needs no toolkit of its own; nobody's journal is in it.

use super::state::{Presenter, Timer};
use super::walkthrough::{Step, Walkthrough};
use jiff::Timestamp;
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};
use std::time::Instant;

/// Name of the file in the data directory.
pub const FILE: &str = "walkthrough-now.json";

/// The format version written.
const VERSION: u32 = 1;

/// Where the walkthrough is, as the file holds it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Now {
    /// The format version.
    pub version: u32,
    /// The presenter's process id.
    pub pid: u32,
    /// Where the room is, as the footer says ("Tip 2 of 9").
    pub place: String,
    /// The title of the section on the shared screen.
    pub section: String,
    /// The step on the screen ("Point 1 of 4").
    pub step: String,
    /// What the next step shows.
    pub next: String,
    /// The section's facilitator notes.
    pub notes: Vec<String>,
    /// The discussion timer, when started.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub timer: Option<TimerEnds>,
}

/// When the discussion timer runs out.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TimerEnds {
    /// The moment it shows "Time's up".
    pub ends: Timestamp,
}

/// Where `presenter` is at `now` (`wall` being the same moment on the clock).
pub fn now_of(presenter: &Presenter, now: Instant, wall: Timestamp) -> Now {
    let walkthrough = presenter.walkthrough();
    let section = walkthrough
        .current_index()
        .and_then(|i| presenter.toolkit().entry(i));
    let mut ahead = walkthrough.clone();
    let next = if ahead.step_on() {
        if ahead.position().section == walkthrough.position().section {
            step_name(presenter, &ahead)
        } else {
            let title = ahead
                .current_index()
                .and_then(|i| presenter.toolkit().entry(i))
                .map_or_else(String::new, |e| e.section.title.clone());
            format!("Next section: {title}")
        }
    } else {
        "The end of the walkthrough".to_owned()
    };
    let timer = match presenter.timer(now) {
        Some(Timer::Running(left)) => Some(TimerEnds {
            ends: wall
                .checked_add(jiff::SignedDuration::try_from(left).unwrap_or_default())
                .unwrap_or(wall),
        }),
        Some(Timer::TimesUp) => Some(TimerEnds { ends: wall }),
        None => None,
    };
    Now {
        version: VERSION,
        pid: std::process::id(),
        place: presenter.position_label(),
        section: section.map_or_else(String::new, |e| e.section.title.clone()),
        step: step_name(presenter, walkthrough),
        next,
        notes: section.map_or_else(Vec::new, |e| e.section.facilitator_notes.clone()),
        timer,
    }
}

/// What the step `walkthrough` is on shows, in a few words.
fn step_name(presenter: &Presenter, walkthrough: &Walkthrough) -> String {
    let section = walkthrough
        .current_index()
        .and_then(|i| presenter.toolkit().entry(i));
    let points = section.map_or(0, |e| super::walkthrough::point_count(e.section));
    match walkthrough.step() {
        Step::Outcomes => format!(
            "The part's outcomes: {}",
            section.map_or("", |e| e.part.title.as_str())
        ),
        Step::Intro => format!(
            "The section's text: {}",
            section.map_or("", |e| e.section.title.as_str())
        ),
        Step::Points(n) => format!("Point {n} of {points}"),
        Step::Options(n) => format!("Option {n}"),
        Step::Choose => "Which would you choose, and why?".to_owned(),
        Step::Feedback(n) => format!("Feedback on option {n}"),
        Step::Discuss => "Discussion".to_owned(),
    }
}

/// Keeps the file up to date from the presenter's loop: written only
/// when what it says changes, removed when dropped (the walkthrough over).
pub struct Beacon {
    path: Option<PathBuf>,
    last: Option<Now>,
}

impl Beacon {
    /// A beacon in `dir` (the data directory); none when there is none.
    pub fn new(dir: Option<&Path>) -> Self {
        Beacon {
            path: dir.map(|d| d.join(FILE)),
            last: None,
        }
    }

    /// Writes where the walkthrough is, if it changed. A failure is not
    /// the room's business: the follower then says what it last knew.
    pub fn show(&mut self, presenter: &Presenter, now: Instant) {
        let Some(path) = &self.path else { return };
        let mut current = now_of(presenter, now, Timestamp::now());
        // The timer's end is fixed when it starts: keep the first one
        // written, so a redraw does not rewrite the file.
        if let (Some(last), Some(timer)) = (&self.last, &mut current.timer)
            && let Some(before) = &last.timer
        {
            timer.ends = before.ends;
        }
        if self.last.as_ref() == Some(&current) {
            return;
        }
        let dir = path.parent().unwrap_or(Path::new("."));
        if let Ok(text) = serde_json::to_string_pretty(&current)
            && crate::journal::store::create_private_dir(dir).is_ok()
            && crate::journal::store::atomic_write(path, text.as_bytes()).is_ok()
        {
            self.last = Some(current);
        }
    }
}

impl Drop for Beacon {
    fn drop(&mut self) {
        if let Some(path) = &self.path
            && self.last.is_some()
        {
            let _ = std::fs::remove_file(path);
        }
    }
}

/// Where the walkthrough running from `dir` is, or `None` when none is
/// (no file, one that cannot be read, or one left by a presenter that no
/// longer runs).
pub fn read(dir: &Path) -> Option<Now> {
    let bytes = crate::journal::store::read_no_follow(&dir.join(FILE)).ok()?;
    let now: Now = serde_json::from_slice(&bytes).ok()?;
    (now.version == VERSION && running(now.pid)).then_some(now)
}

/// Whether process `pid` is still running.
#[cfg(unix)]
fn running(pid: u32) -> bool {
    let Some(pid) = i32::try_from(pid)
        .ok()
        .and_then(rustix::process::Pid::from_raw)
    else {
        return false;
    };
    match rustix::process::test_kill_process(pid) {
        Ok(()) => true,
        // It runs, as someone else.
        Err(e) => e == rustix::io::Errno::PERM,
    }
}

#[cfg(not(unix))]
fn running(_pid: u32) -> bool {
    true
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::present::{Options, PresentAction, Selection, update};
    use crate::toolkit::content::built_in;

    #[test]
    fn the_file_says_the_step_the_next_one_and_the_notes_and_goes_when_it_ends() {
        let mut toolkit = built_in();
        for section in toolkit.parts.iter_mut().flat_map(|p| &mut p.sections) {
            section.facilitator_notes = vec![format!("Notes on {}", section.id)];
        }
        let sections = Selection::parse(&toolkit, &["top-tips".to_owned()]).unwrap();
        let t0 = Instant::now();
        let mut p = Presenter::new(&toolkit, &sections, Options::default(), t0);
        let top = tempfile::tempdir().unwrap();
        // A data folder not made yet, as on a first walkthrough.
        let dir = top.path().join("data");
        let dir = dir.as_path();
        let mut beacon = Beacon::new(Some(dir));
        beacon.show(&p, t0);
        let now = read(dir).expect("a walkthrough runs");
        assert!(now.step.starts_with("The part's outcomes"), "{now:?}");
        assert!(now.next.starts_with("The section's text"), "{now:?}");
        assert_eq!(now.notes, ["Notes on why-these-tips"]);
        update(&mut p, PresentAction::Next, t0);
        update(&mut p, PresentAction::Timer, t0);
        beacon.show(&p, t0);
        let now = read(dir).unwrap();
        assert!(now.step.starts_with("The section's text"), "{now:?}");
        assert!(now.timer.is_some());
        drop(beacon);
        assert!(read(dir).is_none());
    }

    #[test]
    fn a_file_left_by_a_presenter_that_stopped_means_none_runs() {
        let dir = tempfile::tempdir().unwrap();
        let mut now = Now {
            version: VERSION,
            pid: std::process::id(),
            place: "Tip 1 of 9".into(),
            section: "A".into(),
            step: "Point 1 of 2".into(),
            next: "Point 2 of 2".into(),
            notes: Vec::new(),
            timer: None,
        };
        std::fs::write(dir.path().join(FILE), serde_json::to_string(&now).unwrap()).unwrap();
        assert!(read(dir.path()).is_some());
        // A process id no process has (above Linux's largest).
        now.pid = 4_194_304 + 7;
        std::fs::write(dir.path().join(FILE), serde_json::to_string(&now).unwrap()).unwrap();
        assert!(read(dir.path()).is_none());
    }
}
