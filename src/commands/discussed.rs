//! `allyship discussed SECTION... --minutes N --with WHO [--on DAY]`:
//! keeps a peer discussion in the person's journal, to count as
//! participatory time and peer reflection in a CPD record.
//!
//! Saved through the store's lock ([`crate::journal::store::Store::update`]),
//! as `commit` is, so a copy of the app open at the same time loses nothing.
//! Bad minutes (none, negative, over a day), an unknown section, a day in
//! the future or no one to have talked with are refused with the reason,
//! and nothing is written.

use std::fmt::Write as _;
use std::path::PathBuf;

use jiff::Timestamp;
use jiff::civil::Date;
use serde_json::Map;

use super::actions::{named, open_for_writing, resolve_all};
use super::{Output, failure};
use crate::journal::record::{Discussion, MOST_DISCUSSION_MINUTES, discussion_id, local_day};
use crate::journal::report::{count, date_text};
use crate::toolkit::content::Toolkit;

/// How `discussed` begins the line saying why it kept nothing.
const NOTHING_KEPT: &str = "Nothing was kept";

/// What `allyship discussed` was asked to keep, as typed.
#[derive(Debug, Clone, Default)]
pub struct DiscussedRequest<'a> {
    /// Section numbers or ids.
    pub sections: &'a [String],
    /// `--minutes`, as typed (checked here, so every refusal says why).
    pub minutes: &'a str,
    /// `--with`: who it was with.
    pub with: &'a str,
    /// `--on`: the day (YYYY-MM-DD); today when `None`.
    pub on: Option<&'a str>,
    /// `--outcome`: what came of it, if the person says.
    pub outcome: Option<&'a str>,
}

/// The minutes as a number from 1 to a day's worth, or why not.
pub fn parse_minutes(text: &str) -> Result<u32, String> {
    let trimmed = text.trim();
    let Ok(minutes) = trimmed.parse::<i64>() else {
        return Err(format!(
            "--minutes takes a whole number of minutes, such as 30, not \"{trimmed}\""
        ));
    };
    match u32::try_from(minutes) {
        Ok(0) => Err("--minutes is 0: a discussion takes at least a minute".to_owned()),
        Err(_) if minutes < 0 => Err(format!(
            "--minutes is {minutes}: time spent can't be negative"
        )),
        Ok(n) if n <= MOST_DISCUSSION_MINUTES => Ok(n),
        _ => Err(format!(
            "--minutes is {minutes}, over 24 hours ({MOST_DISCUSSION_MINUTES} minutes); \
             record each day's discussion on its own with --on"
        )),
    }
}

/// `allyship discussed`: keeps the discussion, or says why not.
pub fn discussed(
    toolkit: &Toolkit,
    data_dir: Option<PathBuf>,
    request: &DiscussedRequest,
    now: Timestamp,
) -> Output {
    let minutes = match parse_minutes(request.minutes) {
        Ok(minutes) => minutes,
        Err(why) => return failure(format!("{NOTHING_KEPT}: {why}.\n")),
    };
    let with = request.with.trim();
    if with.is_empty() {
        return failure(format!(
            "{NOTHING_KEPT}: say who it was with, for example --with \"team meeting\".\n"
        ));
    }
    let today = local_day(now);
    let on = match request.on.map(crate::records::export::parse_date) {
        None => today,
        Some(Ok(day)) if day > today => {
            return failure(format!(
                "{NOTHING_KEPT}: {} is after today; record a discussion once it has happened.\n",
                date_text(day)
            ));
        }
        Some(Ok(day)) => day,
        Some(Err(e)) => return failure(format!("{NOTHING_KEPT}: --on: {e}.\n")),
    };
    let indexes = match resolve_all(toolkit, request.sections) {
        Ok(found) => found,
        Err(output) => return output,
    };
    let discussion = Discussion {
        sections: indexes
            .iter()
            .filter_map(|&i| toolkit.entry(i).map(|e| e.section.id.clone()))
            .collect(),
        minutes,
        with: with.to_owned(),
        on,
        recorded_at: now,
        outcome: request
            .outcome
            .map(str::trim)
            .filter(|t| !t.is_empty())
            .map(str::to_owned),
        extra: Map::new(),
    };
    let writable = match open_for_writing(data_dir, NOTHING_KEPT) {
        Ok(writable) => writable,
        Err(output) => return output,
    };
    let (mut store, notices) = (writable.store, writable.notices);
    let id = discussion_id(now);
    match store.update(|journal| journal.merge_discussion(&id, &discussion)) {
        Ok((saved, _)) if saved.written => {}
        Ok(_) => {
            let why = store.why_not_written().unwrap_or("it could not be saved");
            return failure(format!(
                "{notices}{NOTHING_KEPT}: {}.\n",
                why.trim_end_matches('.')
            ));
        }
        Err(e) => return failure(format!("{notices}{NOTHING_KEPT}: {e}\n")),
    }
    Output {
        stdout: kept_text(toolkit, &indexes, &discussion, on),
        stderr: notices,
        code: 0,
    }
}

/// What a walkthrough given to its end offers to keep as the facilitator's
/// own peer discussion: the ids of the sections shown and the minutes it
/// lasted (at least 1, at most a day). `None` when it showed nothing or
/// was stopped early: then nothing is asked, and leaving stays one key.
pub fn from_walkthrough(record: &crate::present::log::Record) -> Option<(Vec<String>, u32)> {
    if record.sections.is_empty() || !record.finished {
        return None;
    }
    let secs = record
        .ended
        .duration_since(record.started)
        .as_secs()
        .max(0)
        .unsigned_abs();
    let minutes = u32::try_from(secs.saturating_add(30) / 60)
        .unwrap_or(MOST_DISCUSSION_MINUTES)
        .clamp(1, MOST_DISCUSSION_MINUTES);
    let ids = record.sections.iter().map(|c| c.id.clone()).collect();
    Some((ids, minutes))
}

/// The question asked once a walkthrough has ended and the terminal is
/// back to plain lines: nothing private is on the shared screen, only the
/// walkthrough's own sections and minutes.
pub fn walkthrough_question(sections: usize, minutes: u32) -> String {
    format!(
        "Keep this walkthrough in your own journal as a peer discussion ({}, {})? \
         Type who it was with (such as team meeting) and press Enter, or just Enter to skip: ",
        count(
            usize::try_from(minutes).unwrap_or(usize::MAX),
            "minute",
            "minutes"
        ),
        count(sections, "section", "sections"),
    )
}

/// What was kept, in words.
fn kept_text(toolkit: &Toolkit, indexes: &[usize], discussion: &Discussion, on: Date) -> String {
    let mut out = format!(
        "Kept: {} discussing {} with {}, on {}.\n",
        count(
            usize::try_from(discussion.minutes).unwrap_or(usize::MAX),
            "minute",
            "minutes"
        ),
        count(indexes.len(), "section", "sections"),
        discussion.with,
        date_text(on)
    );
    for &index in indexes {
        let _ = writeln!(out, "  {}", named(toolkit, index));
    }
    out.push_str(
        "It counts as participatory time and peer reflection in: allyship export --for swe\n",
    );
    out
}

#[cfg(test)]
mod tests;
