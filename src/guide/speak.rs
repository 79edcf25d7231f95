//! What the guide says, as plain lines: a section, a scenario's feedback,
//! the contents, search results and the journal, in words a screen reader
//! reads well. Each thing is said once, the most important first ("Section
//! 19 of 46, Top tips: Listen actively"); no line is wrapped (the terminal
//! or the screen reader does that), and no symbol stands for a word: the
//! reader's bullets, arrows, quotation marks and `▸` become words here.
//! Pure: the session prints these lines through the sanitiser.

use crate::journal::record::{Journal, ReadStatus, Standing, local_day};
use crate::journal::report::{self, count};
use crate::toolkit::content::{Block, ChoiceOption, Link, Toolkit};
use crate::toolkit::render::{CHOSEN_HEADING, OTHERS_HEADING, OUTCOMES_LABEL};
use crate::toolkit::search::Hit;
use jiff::civil::Date;

/// "Section 19 of 46, Top tips: Listen actively": where a section is and
/// what it is called, in one line.
pub fn heading(toolkit: &Toolkit, index: usize) -> String {
    toolkit.entry(index).map_or_else(String::new, |e| {
        format!(
            "Section {} of {}, {}: {}",
            index + 1,
            toolkit.section_count(),
            e.part.title,
            e.section.title
        )
    })
}

/// "Section 19, Listen actively": a section named in a sentence.
pub fn named(toolkit: &Toolkit, index: usize) -> String {
    toolkit.entry(index).map_or_else(String::new, |e| {
        format!("section {}, {}", index + 1, e.section.title)
    })
}

/// A day in words, as a screen reader says it well: "Saturday 19 December 2026".
pub fn day_in_words(day: Date) -> String {
    day.strftime("%A %-d %B %Y").to_string()
}

/// What the journal holds about a section, in one short sentence, or
/// nothing for a section new to the person.
fn standing(journal: &Journal, id: &str) -> Option<String> {
    let mut said = Vec::new();
    match journal.status(id) {
        ReadStatus::Unread => {}
        ReadStatus::Read => said.push("You have read this before".to_owned()),
        ReadStatus::Revisited => {
            let sessions = journal.records.sections.get(id).map_or(2, |r| r.sessions);
            said.push(format!("You have read this in {sessions} sessions"));
        }
    }
    if journal.records.bookmarks.contains_key(id) {
        said.push("it is bookmarked".into());
    }
    if said.is_empty() {
        return None;
    }
    let mut line = said.join(", and ");
    if let Some(first) = line.get(..1) {
        line = first.to_uppercase() + &line[1..];
    }
    Some(format!("{line}."))
}

/// Section `index` as the guide reads it: where it is, what the journal
/// holds about it, the part's outcomes where the part begins, the body, a
/// scenario's options with how to choose, the prompts, and the note.
pub fn section(toolkit: &Toolkit, index: usize, journal: &Journal) -> Vec<String> {
    let Some(entry) = toolkit.entry(index) else {
        return vec!["There is no such section.".into()];
    };
    let section = entry.section;
    let mut out = vec![heading(toolkit, index)];
    out.extend(standing(journal, &section.id));
    let opens_part = entry.part.sections.first().map(|s| s.id.as_str()) == Some(&section.id);
    if opens_part && !entry.part.outcomes.is_empty() {
        out.push(format!(
            "This section begins the part {}.",
            entry.part.title
        ));
        out.push(OUTCOMES_LABEL.to_owned());
        out.extend(entry.part.outcomes.iter().cloned());
    }
    for block in &section.blocks {
        block_lines(&mut out, toolkit, block);
    }
    if let Some(choice) = &section.choice {
        out.push(format!("The question: {}", choice.question));
        for (n, option) in choice.options.iter().enumerate() {
            out.push(format!("Option {}: {}", n + 1, option.text));
        }
        match journal.chosen_option(section) {
            Some(n) => out.push(format!(
                "You chose option {n} before. To choose again, type c and a number from 1 to {}.",
                choice.options.len()
            )),
            None => out.push(format!(
                "To choose what you would do, type c and the option's number, for example c 1. \
                 You then hear its feedback, then the other options' feedback. Nothing is scored. \
                 Options are numbered 1 to {}.",
                choice.options.len()
            )),
        }
    }
    for prompt in &section.reflect {
        out.push(format!("To reflect on: {prompt}"));
    }
    for prompt in &section.discuss {
        out.push(format!("To discuss with your team: {prompt}"));
    }
    if let Some(note) = journal.records.notes.get(&section.id) {
        out.push("Your note on this section says:".into());
        out.extend(note.text.lines().map(str::to_owned));
        out.push("End of your note.".into());
    }
    out
}

/// Curly quotation marks as straight ones: a screen reader at its usual
/// punctuation level passes over `"` but may name “ and ” aloud, and the
/// content quotes a tip's title in curly ones.
fn plain_quotes(text: &str) -> String {
    text.replace(['“', '”'], "\"").replace(['‘', '’'], "'")
}

fn block_lines(out: &mut Vec<String>, toolkit: &Toolkit, block: &Block) {
    match block {
        Block::Paragraph(text) => out.push(plain_quotes(text)),
        Block::Points(points) => {
            let total = points.len();
            for (n, point) in points.iter().enumerate() {
                out.push(format!(
                    "Point {} of {total}: {}",
                    n + 1,
                    plain_quotes(point)
                ));
            }
        }
        Block::Quote(quote) => {
            out.push(format!("{} said: {}", quote.by, plain_quotes(&quote.text)))
        }
        Block::Links(links) => {
            for link in links {
                out.push(link_line(toolkit, link));
            }
        }
    }
}

/// A resource or a cross-reference in words: "See also section 20, Speak
/// up." or "Book: The Good Ally, by Nova Reid. Address: https://…".
fn link_line(toolkit: &Toolkit, link: &Link) -> String {
    if let Some(target) = &link.section {
        return match toolkit.index_of(target) {
            Some(index) => format!("See also {}.", named(toolkit, index)),
            None => format!("See also {}.", link.title),
        };
    }
    let kind = link.kind.as_deref().unwrap_or("resource");
    let mut line = format!(
        "{}{}: {}",
        kind.get(..1).unwrap_or("").to_uppercase(),
        kind.get(1..).unwrap_or(""),
        link.title
    );
    if let Some(by) = &link.by {
        line.push_str(&format!(", by {by}"));
    }
    line.push('.');
    if let Some(url) = &link.url {
        line.push_str(&format!(" Address: {url}"));
    }
    line
}

/// The feedback on option `chosen` (from 1) of the scenario at `index`,
/// then each other option with its feedback. `None` when it is not a
/// scenario or has no such option.
pub fn feedback(toolkit: &Toolkit, index: usize, chosen: usize) -> Option<Vec<String>> {
    let choice = toolkit.entry(index)?.section.choice.as_ref()?;
    let option = choice.options.get(chosen.checked_sub(1)?)?;
    let mut out = vec![format!(
        "{CHOSEN_HEADING}. You chose option {chosen}: {}",
        option.text
    )];
    option_feedback(&mut out, toolkit, option);
    out.push(format!("{OTHERS_HEADING}."));
    for (n, other) in choice.options.iter().enumerate() {
        if n + 1 != chosen {
            out.push(format!("Option {}: {}", n + 1, other.text));
            option_feedback(&mut out, toolkit, other);
        }
    }
    Some(out)
}

fn option_feedback(out: &mut Vec<String>, toolkit: &Toolkit, option: &ChoiceOption) {
    out.push(format!("Feedback: {}", plain_quotes(&option.feedback)));
    if let Some(index) = option
        .section
        .as_deref()
        .and_then(|id| toolkit.index_of(id))
    {
        out.push(format!("This rests on {}.", named(toolkit, index)));
    }
}

/// The contents: a line for each part, then one for each of its sections,
/// numbered, with what the journal holds in words.
pub fn contents(toolkit: &Toolkit, journal: &Journal, current: usize) -> Vec<String> {
    let mut out = vec![format!(
        "Contents: {} in {}. To open one, type g and its number.",
        count(toolkit.section_count(), "section", "sections"),
        count(toolkit.parts.len(), "part", "parts")
    )];
    let mut part = usize::MAX;
    for entry in toolkit.entries() {
        if entry.part_index != part {
            part = entry.part_index;
            out.push(format!(
                "Part {} of {}: {}",
                part + 1,
                toolkit.parts.len(),
                entry.part.title
            ));
        }
        let id = &entry.section.id;
        let mut marks = Vec::new();
        if entry.index == current {
            marks.push("you are here");
        }
        match journal.status(id) {
            ReadStatus::Unread => {}
            ReadStatus::Read => marks.push("read"),
            ReadStatus::Revisited => marks.push("revisited"),
        }
        if journal.records.bookmarks.contains_key(id) {
            marks.push("bookmarked");
        }
        if journal.records.notes.contains_key(id) {
            marks.push("with your note");
        }
        let marks = if marks.is_empty() {
            String::new()
        } else {
            format!(", {}", marks.join(", "))
        };
        out.push(format!(
            "{}. {}{marks}",
            entry.index + 1,
            entry.section.title
        ));
    }
    out
}

/// Search results, each named by its section number (what `g` takes),
/// with the words around the best match.
pub fn search_results(toolkit: &Toolkit, words: &str, hits: &[Hit]) -> Vec<String> {
    if hits.is_empty() {
        return vec![format!(
            "No section matches {words}. Type t for the contents."
        )];
    }
    let mut out = vec![format!(
        "{} {} {words}. To open one, type g and its number.",
        count(hits.len(), "section", "sections"),
        if hits.len() == 1 { "matches" } else { "match" }
    )];
    for hit in hits {
        if let Some(entry) = toolkit.entry(hit.section) {
            out.push(format!(
                "{}. {}: {}",
                hit.section + 1,
                entry.section.title,
                hit.context
            ));
        }
    }
    out
}

/// The journal in sentences: progress, practice, each part, notes,
/// bookmarks and commitments.
pub fn journal(toolkit: &Toolkit, journal: &Journal, today: Date) -> Vec<String> {
    let report = report::report_on(toolkit, journal, today);
    let mut out = vec![format!(
        "Your journal: {}.",
        report::headline(&report.summary)
    )];
    out.extend(report::practice_line(&report));
    for part in &report.summary.parts {
        out.push(format!(
            "{}: {} of {} read.",
            part.title, part.read, part.total
        ));
    }
    let titles = |ids: Vec<&String>| -> String {
        ids.into_iter()
            .map(|id| match toolkit.index_of(id) {
                Some(index) => named(toolkit, index),
                None => format!("{id}, no longer in this toolkit"),
            })
            .collect::<Vec<_>>()
            .join("; ")
    };
    match journal.records.notes.len() {
        0 => out.push("You have no notes yet. Type w on a section to write one.".into()),
        n => out.push(format!(
            "You have {}, on {}.",
            count(n, "note", "notes"),
            titles(journal.records.notes.keys().collect())
        )),
    }
    match journal.records.bookmarks.len() {
        0 => out.push("You have no bookmarks yet.".into()),
        n => out.push(format!(
            "You have {}, on {}.",
            count(n, "bookmark", "bookmarks"),
            titles(journal.records.bookmarks.keys().collect())
        )),
    }
    let commitments = journal.commitments_in_order();
    if commitments.is_empty() {
        out.push("You have made no commitments yet. Type i to make one.".into());
    } else {
        out.push(format!(
            "You have made {}:",
            count(commitments.len(), "commitment", "commitments")
        ));
        for (n, (_, commitment)) in commitments.iter().enumerate() {
            let standing = match commitment.standing(today) {
                Standing::Open { review_on } => {
                    format!("to be asked about on {}", day_in_words(review_on))
                }
                Standing::Due { .. } => "due: how did it go?".into(),
                Standing::Answered => "answered".into(),
                Standing::LetGo => "let go".into(),
            };
            out.push(format!(
                "Commitment {}: {}, {standing}.",
                n + 1,
                commitment.text
            ));
        }
    }
    out
}

/// "On Saturday 5 December 2026 you wrote: I will ask first. How did it
/// go?": the check-in question for a commitment that is due.
pub fn check_in_question(text: &str, made_at: jiff::Timestamp) -> String {
    format!(
        "On {} you wrote: {text}. How did it go?",
        day_in_words(local_day(made_at))
    )
}

#[cfg(test)]
mod tests;
