//! Checks an export's raw data for values no real journal holds (minutes in
//! the billions, the year 9999 or -9999, negative or enormous counts) before
//! anything is merged, naming the field, so a made-up or damaged file can
//! never put them into the learning record.

use jiff::Timestamp;
use serde_json::Value;

/// The earliest time an export may hold: nobody used allyship before this.
const EARLIEST: &str = "2000-01-01T00:00:00Z";
/// How far after now a time may be and still be imported (marked suspect
/// when over a day; see [`crate::journal::record::suspect`]).
const LATEST_AHEAD_DAYS: i64 = 366;
/// The most active seconds one day can hold (25 hours, for the day clocks go back).
const MOST_SECS_A_DAY: u64 = 25 * 60 * 60;
/// The highest option number a choice can hold: far above any scenario's.
const MOST_OPTION: u64 = 100;
/// The most sessions a section can have been read in, or edits a note have.
const MOST_COUNTED: u64 = 1_000_000;

/// The first value in `data` (an export's `data` object) that no real
/// journal holds, as "FIELD: what is wrong".
pub(super) fn absurd_value(data: &Value, now: Timestamp) -> Option<String> {
    let earliest: Timestamp = EARLIEST.parse().ok()?;
    let latest = now
        .checked_add(jiff::SignedDuration::from_hours(24 * LATEST_AHEAD_DAYS))
        .unwrap_or(Timestamp::MAX);
    let time = |field: String, value: Option<&Value>| -> Option<String> {
        let text = value?.as_str()?;
        match text.parse::<Timestamp>() {
            Ok(at) if at >= earliest && at <= latest => None,
            _ => Some(format!(
                "{field} is {text:?}, which is not a time allyship could have written"
            )),
        }
    };
    let count = |field: String, value: Option<&Value>, most: u64, unit: &str| {
        let value = value?;
        match value.as_u64() {
            Some(n) if n <= most => None,
            _ if !value.is_number() => None,
            _ => Some(format!(
                "{field} is {value}, but it must be a whole number from 0 to {most} {unit}"
            )),
        }
    };
    let entries = |key: &str| {
        data.get(key)
            .and_then(Value::as_object)
            .into_iter()
            .flatten()
    };
    for (id, record) in entries("sections") {
        let at = |field: &str| format!("data.sections.{id}.{field}");
        for field in ["first_read", "last_read"] {
            if let Some(problem) = time(at(field), record.get(field)) {
                return Some(problem);
            }
        }
        let sessions = record.get("sessions");
        if let Some(problem) = count(at("sessions"), sessions, MOST_COUNTED, "sessions") {
            return Some(problem);
        }
    }
    let day = |field: String, value: Option<&Value>| -> Option<String> {
        let text = value?.as_str()?;
        let date = text.parse::<jiff::civil::Date>().ok();
        let in_range = date.is_some_and(|date| {
            let day_of = |t: Timestamp| t.to_zoned(jiff::tz::TimeZone::UTC).date();
            date >= day_of(earliest) && date <= day_of(latest)
        });
        (!in_range).then(|| format!("{field} is not a day allyship could have recorded"))
    };
    for (day_key, record) in entries("days") {
        let field = format!("data.days.{day_key}");
        if let Some(problem) = day(field.clone(), Some(&Value::String(day_key.clone()))) {
            return Some(problem);
        }
        let secs = record.get("active_secs");
        let field = format!("{field}.active_secs");
        if let Some(problem) = count(field, secs, MOST_SECS_A_DAY, "seconds (25 hours)") {
            return Some(problem);
        }
    }
    for (id, bookmark) in entries("bookmarks") {
        let field = format!("data.bookmarks.{id}.added");
        if let Some(problem) = time(field, bookmark.get("added")) {
            return Some(problem);
        }
    }
    for (id, note) in entries("notes") {
        let at = |field: &str| format!("data.notes.{id}.{field}");
        for field in ["created", "changed"] {
            if let Some(problem) = time(at(field), note.get(field)) {
                return Some(problem);
            }
        }
        if let Some(problem) = count(at("edits"), note.get("edits"), MOST_COUNTED, "edits") {
            return Some(problem);
        }
    }
    for (id, commitment) in entries("commitments") {
        if let Some(problem) = absurd_commitment(id, commitment, &time, &day) {
            return Some(problem);
        }
    }
    for (id, chosen) in entries("choices") {
        let at = |field: &str| format!("data.choices.{id}.{field}");
        if let Some(problem) = time(at("chosen_at"), chosen.get("chosen_at")) {
            return Some(problem);
        }
        if let Some(problem) = count(
            at("option"),
            chosen.get("option"),
            MOST_OPTION,
            "(the option chosen)",
        ) {
            return Some(problem);
        }
    }
    for (id, talk) in entries("discussions") {
        let at = |field: &str| format!("data.discussions.{id}.{field}");
        let minutes = talk.get("minutes");
        let most = u64::from(crate::journal::record::MOST_DISCUSSION_MINUTES);
        if let Some(problem) = time(at("recorded_at"), talk.get("recorded_at"))
            .or_else(|| day(at("on"), talk.get("on")))
            .or_else(|| count(at("minutes"), minutes, most, "minutes (24 hours)"))
        {
            return Some(problem);
        }
    }
    let kept = data.get("superseded_notes").and_then(Value::as_array);
    for (n, note) in kept.into_iter().flatten().enumerate() {
        for field in ["created", "changed"] {
            let name = format!("data.superseded_notes[{n}].{field}");
            if let Some(problem) = time(name, note.get(field)) {
                return Some(problem);
            }
        }
    }
    None
}

/// The first value in one imported commitment no journal could hold: its
/// times (made, each letting go, check-in and "ask again") and days.
fn absurd_commitment(
    id: &str,
    commitment: &Value,
    time: &dyn Fn(String, Option<&Value>) -> Option<String>,
    day: &dyn Fn(String, Option<&Value>) -> Option<String>,
) -> Option<String> {
    let at = |field: &str| format!("data.commitments.{id}.{field}");
    let list = |key: &str| {
        commitment
            .get(key)
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .enumerate()
    };
    time(at("made_at"), commitment.get("made_at"))
        .or_else(|| time(at("let_go"), commitment.get("let_go")))
        .or_else(|| {
            list("let_go_again")
                .find_map(|(n, when)| time(at(&format!("let_go_again[{n}]")), Some(when)))
        })
        .or_else(|| day(at("review_on"), commitment.get("review_on")))
        .or_else(|| {
            list("check_ins")
                .find_map(|(n, check)| time(at(&format!("check_ins[{n}].at")), check.get("at")))
        })
        .or_else(|| {
            list("ask_again").find_map(|(n, again)| {
                time(at(&format!("ask_again[{n}].asked")), again.get("asked"))
                    .or_else(|| day(at(&format!("ask_again[{n}].on")), again.get("on")))
            })
        })
}
