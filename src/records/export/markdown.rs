//! The learning record as Markdown, shaped like a continuous professional
//! development (CPD) record: what I did, when and for how long, what I
//! learned, how it will change my practice, and what I bookmarked.
//!
//! Plain text that reads well unrendered and pastes into a form. The
//! person's words are quoted as they wrote them; nothing is invented. Control
//! characters (terminal escapes included) never reach the output.

use std::fmt::Write as _;

use jiff::Timestamp;
use jiff::civil::Date;

use super::commitments::standing_words;
use super::{CommitmentEntry, NoteEntry, Record};
use crate::journal::record::local_day;
use crate::sanitise::printable;

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// The record as Markdown (British English, no escape sequences).
pub fn to_markdown(record: &Record) -> String {
    let mut out = String::new();
    // Writing to a String cannot fail.
    let _ = write_record(&mut out, record);
    out
}

fn write_record(out: &mut String, record: &Record) -> std::fmt::Result {
    let toolkit = format!(
        "{} (version {})",
        line(&record.toolkit.title),
        line(&record.toolkit.version)
    );
    writeln!(out, "# Learning record: {}", line(&record.toolkit.title))?;
    writeln!(out)?;
    writeln!(
        out,
        "- Learning activity: self-directed reading and reflection"
    )?;
    writeln!(out, "- Resource: {toolkit}")?;
    writeln!(out, "- Period: {}", period(record))?;
    writeln!(out, "- Time spent learning: {}", duration(record))?;
    writeln!(out, "- Record made: {}", day_of(record.generated_at))?;

    writeln!(out, "\n## What I did\n")?;
    let read = &record.sections_read;
    if read.is_empty() {
        writeln!(out, "No sections of {toolkit} were read in this period.")?;
    } else {
        let count = plural(read.len(), "section", "sections");
        writeln!(out, "I read {count} of {toolkit}:\n")?;
        for entry in read {
            let part = entry
                .part
                .as_deref()
                .map(|p| format!(" ({})", line(p)))
                .unwrap_or_default();
            let (first, last) = (day_of(entry.first_read), day_of(entry.last_read));
            let dates = if first == last {
                format!("read {first}")
            } else {
                format!("first read {first}, last read {last}")
            };
            let again = if entry.revisited {
                format!("; revisited, in {} sessions", entry.sessions)
            } else {
                String::new()
            };
            writeln!(out, "- {}{part}: {dates}{again}", line(&entry.title))?;
        }
        let revisited: Vec<&str> = read
            .iter()
            .filter(|e| e.revisited)
            .map(|e| e.title.as_str())
            .collect();
        if !revisited.is_empty() {
            let titles: Vec<String> = revisited.iter().map(|t| line(t)).collect();
            writeln!(out, "\nI came back to: {}.", titles.join("; "))?;
        }
    }

    writeln!(out, "\n## When and for how long\n")?;
    writeln!(out, "- Period: {}", period(record))?;
    let days = plural(record.learning_days, "day", "days");
    writeln!(
        out,
        "- Time spent learning: {}, on {days}",
        duration(record)
    )?;

    writeln!(out, "\n## What I learned: reflections\n")?;
    if record.notes.is_empty() {
        writeln!(out, "No reflective notes were written in this period.")?;
    } else {
        let count = plural(record.notes.len(), "reflective note", "reflective notes");
        writeln!(
            out,
            "I wrote {count}, each answering a section's prompts.\n"
        )?;
    }
    for (i, note) in record.notes.iter().enumerate() {
        if i > 0 {
            writeln!(out)?;
        }
        write_note(out, note)?;
    }

    write_practised(out, record)?;
    write_discussions(out, record)?;
    write_practice(out, record)?;

    writeln!(out, "\n## Bookmarked for later\n")?;
    if record.bookmarks.is_empty() {
        writeln!(out, "Nothing bookmarked.")?;
    }
    for bookmark in &record.bookmarks {
        let label = bookmark
            .label
            .as_deref()
            .map(|l| format!(": {}", line(l)))
            .unwrap_or_default();
        let added = day_of(bookmark.added);
        writeln!(
            out,
            "- {}{label} (bookmarked {added})",
            line(&bookmark.title)
        )?;
    }

    writeln!(out, "\n---\n")?;
    let sources: Vec<String> = record
        .toolkit
        .sources
        .iter()
        .map(|s| {
            let date = s.date.as_deref().map(|d| format!(", {}", line(d)));
            format!(
                "{}, {}{}",
                line(&s.title),
                line(&s.publisher),
                date.unwrap_or_default()
            )
        })
        .collect();
    write!(out, "Made with allyship from {toolkit}")?;
    if sources.is_empty() {
        writeln!(out, ".")
    } else {
        writeln!(out, ", which draws on: {}.", sources.join("; "))
    }
}

fn write_note(out: &mut String, note: &NoteEntry) -> std::fmt::Result {
    writeln!(out, "### {}\n", line(&note.title))?;
    if !note.prompts.is_empty() {
        let heading = if note.prompts.len() == 1 {
            "Prompt"
        } else {
            "Prompts"
        };
        writeln!(out, "{heading}:\n")?;
        for prompt in &note.prompts {
            writeln!(out, "- {}", line(prompt))?;
        }
        writeln!(out)?;
    }
    writeln!(out, "My reflection:\n")?;
    for text_line in clean(&note.text).trim_matches('\n').lines() {
        let text_line = text_line.trim_end();
        if text_line.is_empty() {
            writeln!(out, ">")?;
        } else {
            writeln!(out, "> {text_line}")?;
        }
    }
    let (created, changed) = (day_of(note.created), day_of(note.changed));
    if created == changed {
        writeln!(out, "\nWritten {created}.")
    } else {
        writeln!(out, "\nWritten {created}; last changed {changed}.")
    }
}

/// "Scenarios I practised": each scenario and the option chosen, in the
/// toolkit's order; left out when none was practised.
fn write_practised(out: &mut String, record: &Record) -> std::fmt::Result {
    if record.practised.is_empty() {
        return Ok(());
    }
    writeln!(out, "\n## Scenarios I practised\n")?;
    for entry in &record.practised {
        let option = entry.chosen(line);
        writeln!(
            out,
            "- {}: I chose {option} ({})",
            line(&entry.title),
            day_of(entry.chosen_at)
        )?;
    }
    Ok(())
}

/// "Peer discussions": each one recorded with `allyship discussed`, oldest
/// first; left out when there was none.
fn write_discussions(out: &mut String, record: &Record) -> std::fmt::Result {
    let mut talks: Vec<_> = record.data.discussions.values().collect();
    if talks.is_empty() {
        return Ok(());
    }
    talks.sort_by_key(|t| (t.on, t.recorded_at));
    writeln!(out, "\n## Peer discussions\n")?;
    for talk in talks {
        let outcome = talk
            .outcome
            .as_deref()
            .map(|o| format!(" What came of it: {}", line(o)))
            .unwrap_or_default();
        // Titles of the sections read in the period; the id of any other.
        let titles: Vec<String> = talk
            .sections
            .iter()
            .map(|id| {
                let read = record.sections_read.iter().find(|e| &e.id == id);
                line(read.map_or(id.as_str(), |e| e.title.as_str()))
            })
            .collect();
        writeln!(
            out,
            "- {}: {} minutes with {}, on {}.{outcome}",
            date(talk.on),
            talk.minutes,
            line(&talk.with),
            titles.join("; ")
        )?;
    }
    Ok(())
}

/// "How it will change my practice": the person's commitments in their own
/// words, where each stands, and what they said when asked how it went.
fn write_practice(out: &mut String, record: &Record) -> std::fmt::Result {
    writeln!(out, "\n## How it will change my practice\n")?;
    if record.commitments.is_empty() {
        return writeln!(
            out,
            "Not written yet: add a sentence or two on what you will do differently \
             in your practice because of this learning. In the app, press C on any \
             section (\"I will …\"), or use: allyship commit \"I will …\""
        );
    }
    let count = plural(record.commitments.len(), "commitment", "commitments");
    writeln!(
        out,
        "{count} in my own words, each with a day I chose to look back on how it went:\n"
    )?;
    for entry in &record.commitments {
        write_commitment(out, entry)?;
    }
    Ok(())
}

fn write_commitment(out: &mut String, entry: &CommitmentEntry) -> std::fmt::Result {
    writeln!(out, "- {}", line(&entry.text))?;
    let from = entry
        .section_title
        .as_deref()
        .map(|title| format!("From {}. ", line(title)))
        .unwrap_or_default();
    let standing = standing_words(entry, date);
    writeln!(out, "  {from}Made {}; {standing}.", day_of(entry.made_at))?;
    for check in &entry.check_ins {
        writeln!(
            out,
            "  - How it went, {}: {}",
            day_of(check.at),
            line(&check.text)
        )?;
    }
    Ok(())
}

fn period(record: &Record) -> String {
    period_words(&record.period)
}

/// A period in words: "1 December 2026 to 30 November 2027".
pub(super) fn period_words(period: &super::Period) -> String {
    match (period.from, period.to) {
        (Some(from), Some(to)) if from == to => date(from),
        (Some(from), Some(to)) => format!("{} to {}", date(from), date(to)),
        (Some(from), None) => format!("from {}", date(from)),
        (None, Some(to)) => format!("up to {}", date(to)),
        (None, None) => "no learning recorded yet".to_owned(),
    }
}

/// The time spent, saying which toolkits it was spent in when there were several.
fn duration(record: &Record) -> String {
    let others: Vec<(String, u64)> = record
        .learning_minutes_by_toolkit
        .iter()
        .map(|(name, minutes)| (line(name), minutes.saturating_mul(60)))
        .collect();
    let total = record.learning_minutes.saturating_mul(60);
    minutes_text(record) + &crate::journal::report::where_spent(total, &others)
}

fn minutes_text(record: &Record) -> String {
    let minutes = record.learning_minutes;
    let (hours, rest) = (minutes / 60, minutes % 60);
    match (hours, rest) {
        (0, 0) => "no time recorded".to_owned(),
        (0, m) => plural_u64(m, "minute", "minutes"),
        (h, 0) => plural_u64(h, "hour", "hours"),
        (h, m) => format!(
            "{} {}",
            plural_u64(h, "hour", "hours"),
            plural_u64(m, "minute", "minutes")
        ),
    }
}

fn plural(n: usize, one: &str, many: &str) -> String {
    plural_u64(u64::try_from(n).unwrap_or(u64::MAX), one, many)
}

fn plural_u64(n: u64, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// A local date such as "1 March 2025".
pub(super) fn date(day: Date) -> String {
    let month = MONTHS
        .get(usize::try_from(day.month() - 1).unwrap_or(0))
        .copied()
        .unwrap_or("");
    format!("{} {month} {}", day.day(), day.year())
}

fn day_of(at: Timestamp) -> String {
    date(local_day(at))
}

/// Text without control characters: line breaks normalised to `\n`, tabs
/// kept, and any other control (a terminal escape sequence's ESC, BEL...)
/// shown as a visible escape by the one sanitiser, [`printable`].
pub(super) fn clean(text: &str) -> String {
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    printable(&text).into_owned()
}

/// Text for one line: cleaned, with line breaks and tabs as spaces.
pub(super) fn line(text: &str) -> String {
    clean(text)
        .split(['\n', '\t'])
        .filter(|part| !part.trim().is_empty())
        .map(str::trim)
        .collect::<Vec<_>>()
        .join(" ")
}
