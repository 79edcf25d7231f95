//! Presenter mode: a facilitator walks a team through part of the toolkit
//! on a shared screen, a point at a time, then runs the discussion.
//!
//! ```text
//! key -> keys::action_for_event -> PresentAction -> update(&mut Presenter, now) -> effects
//! run loop: clocks at 4 Hz, view::draw(&Presenter, now), log::append on the way out
//! ```
//!
//! The presenter is given the toolkit and the sections to show, never the
//! journal: nobody's notes, bookmarks or progress can appear on the shared
//! screen, and nothing shown there counts as the facilitator's reading.
//! Each walkthrough is kept in its own facilitator's log (`log`), and
//! where it is goes to a small file (`beacon`) that `present --notes`
//! (`follow`) reads on the facilitator's own screen, with the notes.
//!
//! May use the toolkit, the journal's folders and lock (for that log and the
//! beacon only), and the shared terminal part (`crate::terminal`: set-up,
//! events, suspend, key patterns, `centred`); never the reader (the reader
//! is handed a walkthrough by `cli`), nor the plain commands.

pub mod beacon;
mod exercise;
pub mod follow;
pub mod keys;
pub mod log;
mod place;
mod run;
mod scroll;
mod slide;
pub mod state;
mod title;
pub mod view;
pub mod walkthrough;

pub use exercise::DISCUSS_CHOICE;
pub use keys::PresentAction;
pub use run::{Ended, TICK, run, run_with};
pub use state::{Options, PresentEffect, Presenter, Scroll, Timer, update};
pub use walkthrough::{Position, Step, Walkthrough};

/// Section numbers as short ranges, from the toolkit (the reader says them too).
pub use crate::toolkit::toc::numbers;

use crate::toolkit::content::Toolkit;
use std::collections::BTreeSet;

/// Choosing what to present from the command line.
#[derive(Debug, Clone, Copy)]
pub struct Selection;

impl Selection {
    /// The sections named by `args`, as toolkit reading-order indexes in
    /// reading order without repeats. Each argument is a part id
    /// (`top-tips`), a section id, a section number or a range of numbers
    /// (`17-20`); none means every section. On failure, one line per
    /// argument not understood, naming the closest matches.
    pub fn parse(toolkit: &Toolkit, args: &[String]) -> Result<Vec<usize>, String> {
        if args.is_empty() {
            return Ok((0..toolkit.section_count()).collect());
        }
        let mut chosen = BTreeSet::new();
        let mut problems = Vec::new();
        for arg in args {
            match resolve(toolkit, arg.trim()) {
                Some(indexes) => chosen.extend(indexes),
                None => problems.push(not_found(toolkit, arg.trim())),
            }
        }
        if problems.is_empty() {
            Ok(chosen.into_iter().collect())
        } else {
            Err(problems.join("\n"))
        }
    }
}

/// The sections one argument names, if it names any.
fn resolve(toolkit: &Toolkit, arg: &str) -> Option<Vec<usize>> {
    if let Some(part) = toolkit.parts.iter().position(|p| p.id == arg) {
        let indexes = toolkit.entries().filter(|e| e.part_index == part);
        return Some(indexes.map(|e| e.index).collect());
    }
    if let Some((from, to)) = arg.split_once('-')
        && let (Ok(from), Ok(to)) = (from.parse::<usize>(), to.parse::<usize>())
    {
        let count = toolkit.section_count();
        let valid = |n: usize| (1..=count).contains(&n);
        return (valid(from) && valid(to) && from <= to).then(|| (from - 1..to).collect());
    }
    toolkit.resolve(arg).ok().map(|index| vec![index])
}

/// Says that `arg` names nothing, with the nearest part and section ids.
fn not_found(toolkit: &Toolkit, arg: &str) -> String {
    let lower = arg.to_lowercase();
    let mut near: Vec<String> = toolkit
        .parts
        .iter()
        .filter(|p| !lower.is_empty() && (p.id.contains(&lower) || lower.contains(&p.id)))
        .map(|p| p.id.clone())
        .collect();
    near.extend(toolkit.closest_ids(arg, 3));
    near.truncate(4);
    let parts: Vec<&str> = toolkit.parts.iter().map(|p| p.id.as_str()).collect();
    let mut message = format!(
        "\"{arg}\" is not a part, a section id or a section number (1-{}).",
        toolkit.section_count()
    );
    if !near.is_empty() {
        message.push_str(&format!(" Did you mean {}?", near.join(", ")));
    }
    message.push_str(&format!(" Parts: {}.", parts.join(", ")));
    message
}

#[cfg(test)]
mod tests;
