//! Plain commands for commitments: `commit` makes one, `commitments` lists
//! them with their check-ins, `check-in` answers "How did it go?".
//!
//! Writes go through the store's lock ([`Store::update`]), as `import` does,
//! so a copy of the app open at the same time loses nothing.

use crate::sanitise::one_line;
use std::fmt::Write as _;
use std::path::PathBuf;

use jiff::Timestamp;
use jiff::civil::Date;

use super::actions::open_for_writing;
use super::{EXIT_NOT_FOUND, Output, failure, journal_to_show};
use crate::journal::record::{Commitment, Journal, Standing, days_after, local_day};
use crate::journal::report::{count, date_text};
use crate::journal::store::Store;
use crate::toolkit::content::Toolkit;

/// The longest review period `--review-in` takes, in days (a year).
pub const MOST_REVIEW_DAYS: u16 = 365;

/// How `commit` and `check-in` begin the line saying why they did not.
const NOTHING_KEPT: &str = "Nothing was kept";

/// The journal opened for writing, with its notices for standard error, or
/// the output saying why nothing can be kept (as every writing command
/// says it).
fn open_to_write(data_dir: Option<PathBuf>) -> Result<(Store, Journal, String), Output> {
    open_for_writing(data_dir, NOTHING_KEPT).map(|w| (w.store, w.journal, w.notices))
}

/// "19. Listen actively…", or "No longer in this toolkit (id)".
fn title_of(toolkit: &Toolkit, id: &str) -> String {
    toolkit
        .numbered_title(id)
        .unwrap_or_else(|| crate::records::export::missing_title(id))
}

/// "tomorrow", "in 14 days".
fn in_days(days: u16) -> String {
    match days {
        0 => "today".to_owned(),
        1 => "tomorrow".to_owned(),
        n => format!("in {}", count(usize::from(n), "day", "days")),
    }
}

/// `allyship commit TEXT [--section ID] [--review-in DAYS]`: keeps "I will
/// …" with the day to ask how it went.
pub fn commit(
    toolkit: &Toolkit,
    data_dir: Option<PathBuf>,
    text: &str,
    section: Option<&str>,
    review_in: u16,
    now: Timestamp,
) -> Output {
    if text.trim().is_empty() {
        return failure(
            "Nothing was kept: write what you will do, for example: \
             allyship commit \"I will ask how to say a name before I use it\"\n"
                .into(),
        );
    }
    let section = match section.map(|query| (query, toolkit.resolve(query))) {
        None => None,
        Some((_, Ok(index))) => toolkit.entry(index).map(|e| e.section.id.clone()),
        Some((query, Err(near))) => {
            let mut stderr = format!("Nothing was kept: there is no section \"{query}\".");
            if !near.is_empty() {
                let _ = write!(stderr, " Did you mean: {}?", near.join(", "));
            }
            stderr.push_str(" Run `allyship list` to see them all.\n");
            return Output {
                stdout: String::new(),
                stderr,
                code: EXIT_NOT_FOUND,
            };
        }
    };
    let (mut store, _, stderr) = match open_to_write(data_dir) {
        Ok(opened) => opened,
        Err(output) => return output,
    };
    let review_on = days_after(local_day(now), review_in);
    let text = with_i_will(text);
    let commitment = Commitment::new(&text, section.as_deref(), now, review_on);
    let id = commitment.id();
    // Under the lock: the same words still open are kept once, not twice.
    let saved = store.update(|journal| {
        let already = journal.open_commitment_like(&text, local_day(now));
        if already.is_none() {
            journal.merge_commitment(&id, &commitment);
        }
        already
    });
    let journal = match saved {
        Ok((_, Some(number))) => {
            let out = format!(
                "Already kept, as number {number}: {}\nNothing new was added \
                 (allyship commitments lists them).\n",
                one_line(&commitment.text)
            );
            return Output::ok(out).noting(&stderr);
        }
        Ok((saved, None)) => saved.journal,
        Err(e) => return failure(format!("{stderr}Nothing was kept: {e}\n")),
    };
    let number = journal
        .commitments_in_order()
        .iter()
        .position(|(at, _)| *at == id)
        .map_or(0, |n| n + 1);
    let mut out = format!("Kept, as number {number}: {}\n", one_line(&commitment.text));
    if let Some(id) = &section {
        let _ = writeln!(out, "From {}", title_of(toolkit, id));
    }
    let _ = writeln!(
        out,
        "On {} ({}) the app will ask how it went. Answer any time with: \
         allyship check-in {number} \"How it went\"",
        date_text(review_on),
        in_days(review_in)
    );
    Output::ok(out).noting(&stderr)
}

/// The words as the app keeps them, starting "I will ": "ask first" and
/// "Ask first" become "I will ask first"; words that already start "I will"
/// stay as they are. A first word in capitals or with capitals inside
/// (NHS, McKenzie) keeps them.
fn with_i_will(text: &str) -> String {
    let text = text.trim();
    let start: String = text.chars().take(7).collect();
    if start.eq_ignore_ascii_case("i will ") || text.eq_ignore_ascii_case("i will") {
        return text.to_owned();
    }
    for short in ["I'll ", "I’ll ", "i'll "] {
        if let Some(rest) = text.strip_prefix(short) {
            return format!("I will {}", rest.trim_start());
        }
    }
    let first_word = text.split_whitespace().next().unwrap_or("");
    let rest_lower = first_word.chars().skip(1).all(|c| !c.is_uppercase());
    let mut chars = text.chars();
    let words = match chars.next() {
        Some(first) if rest_lower && first_word.chars().count() > 1 => {
            first.to_lowercase().chain(chars).collect()
        }
        _ => text.to_owned(),
    };
    format!("I will {words}")
}

/// `allyship commitments --remove N`: takes commitment `number` (as
/// `allyship commitments` numbers them) out of the journal, under the lock,
/// and prints what it said and its check-ins, so a slip loses nothing
/// unseen. A copy of the app that changes it meanwhile keeps its own change.
pub fn remove(data_dir: Option<PathBuf>, number: usize) -> Output {
    let (mut store, journal, stderr) = match open_to_write(data_dir) {
        Ok(opened) => opened,
        Err(output) => return output,
    };
    let all = journal.commitments_in_order();
    let Some((id, found)) = number.checked_sub(1).and_then(|n| all.get(n)) else {
        return Output {
            stdout: String::new(),
            stderr: format!(
                "{stderr}Nothing was changed: there is no commitment {number}; \
                 `allyship commitments` lists them.\n"
            ),
            code: EXIT_NOT_FOUND,
        };
    };
    let (id, found) = ((*id).to_owned(), (*found).clone());
    let saved = store.update(|journal| journal.remove_commitment(&id).is_some());
    match saved {
        Ok((saved, _)) if saved.written => {}
        Ok(_) => {
            return failure(format!(
                "{stderr}Nothing was changed: your journal can't be written here.\n"
            ));
        }
        Err(e) => return failure(format!("{stderr}Nothing was changed: {e}\n")),
    }
    let mut out = format!("Removed commitment {number}. It said: {}\n", found.text);
    for check in &found.check_ins {
        let _ = writeln!(out, "  How it went, {}:", date_text(local_day(check.at)));
        for line in check.text.lines() {
            let _ = writeln!(out, "    {line}");
        }
    }
    Output::ok(out).noting(&stderr)
}

/// Where a commitment stands, in words: "due: its review day, Mon 17 Nov
/// 2025, has come", "open: review on …", "answered", "let go on …".
fn standing_text(commitment: &Commitment, today: Date) -> String {
    match commitment.standing(today) {
        Standing::Due { since } => format!(
            "due: its review day, {}, has come; say how it went",
            date_text(since)
        ),
        Standing::Open { review_on } => format!("open: review on {}", date_text(review_on)),
        Standing::Answered => "answered".to_owned(),
        Standing::LetGo => match commitment.let_go_on(today) {
            Some(at) => format!("let go on {}", date_text(local_day(at))),
            None => "let go".to_owned(),
        },
    }
}

/// `allyship commitments [--json]`: each commitment, numbered, with where
/// it stands on `today` and its check-ins.
pub fn commitments(
    toolkit: &Toolkit,
    data_dir: Option<PathBuf>,
    json: bool,
    today: Date,
) -> Output {
    let (journal, stderr) = match journal_to_show(data_dir) {
        Ok(found) => found,
        Err(e) => return failure(format!("{e}\n")),
    };
    let all = journal.commitments_in_order();
    if json {
        let list: Vec<super::shapes::CommitmentOf> = all
            .iter()
            .enumerate()
            .map(|(n, (id, c))| {
                let section = c.section.as_deref();
                super::shapes::CommitmentOf {
                    check_ins: c
                        .check_ins
                        .iter()
                        .map(|k| super::shapes::CheckInOf {
                            at: k.at,
                            text: &k.text,
                        })
                        .collect(),
                    id,
                    let_go: c.let_go_on(today),
                    made_at: c.made_at,
                    number: n + 1,
                    review_on: c.scheduled(today).1,
                    section,
                    section_title: section.map(|s| title_of(toolkit, s)),
                    status: c.standing(today).word(),
                    text: &c.text,
                }
            })
            .collect();
        let text = serde_json::to_string_pretty(&list).unwrap_or_else(|_| "[]".into());
        return Output::ok(text + "\n").noting(&stderr);
    }
    if all.is_empty() {
        let none = "No commitments yet. Make one with: allyship commit \"I will …\" \
                    (or press C on a section in the app).\n";
        return Output::ok(none.into()).noting(&stderr);
    }
    let mut tally: Vec<(&str, usize)> = Vec::new();
    for (_, c) in &all {
        let word = c.standing(today).word();
        match tally.iter_mut().find(|(w, _)| *w == word) {
            Some((_, n)) => *n += 1,
            None => tally.push((word, 1)),
        }
    }
    let tally: Vec<String> = tally.iter().map(|(w, n)| format!("{n} {w}")).collect();
    let mut out = format!("Your commitments ({}): {}\n", all.len(), tally.join(", "));
    for (n, (_, c)) in all.iter().enumerate() {
        let _ = write!(out, "\n{}. {}\n", n + 1, one_line(&c.text));
        if let Some(id) = &c.section {
            let _ = writeln!(out, "   From {}", title_of(toolkit, id));
        }
        let _ = writeln!(
            out,
            "   Made {} · {}",
            date_text(local_day(c.made_at)),
            standing_text(c, today)
        );
        for check in &c.check_ins {
            let _ = writeln!(out, "   How it went, {}:", date_text(local_day(check.at)));
            for line in check.text.lines() {
                let _ = writeln!(out, "     {line}");
            }
        }
    }
    out.push_str("\nSay how one went with: allyship check-in NUMBER \"How it went\"\n");
    Output::ok(out).noting(&stderr)
}

/// The commitments as `allyship journal` ends with them: the due ones
/// first, each with the command that answers it, then every one numbered
/// with where it stands on `today` (as `allyship commitments` numbers them).
/// Empty when there are none.
pub(super) fn journal_lines(toolkit: &Toolkit, journal: &Journal, today: Date) -> String {
    let all = journal.commitments_in_order();
    if all.is_empty() {
        return String::new();
    }
    let due: Vec<usize> = (0..all.len())
        .filter(|&n| matches!(all[n].1.standing(today), Standing::Due { .. }))
        .collect();
    let mut out = format!(
        "
Commitments ({})
",
        all.len()
    );
    match due.len() {
        0 => out.push_str(
            "  None is due.
",
        ),
        n => {
            let _ = writeln!(
                out,
                "  {} due: say how it went with allyship check-in NUMBER \"How it went\"",
                count(n, "commitment is", "commitments are")
            );
        }
    }
    for &n in &due {
        let _ = writeln!(out, "  Due: {}. {}", n + 1, all[n].1.text);
    }
    for (n, (_, c)) in all.iter().enumerate() {
        let from = c
            .section
            .as_deref()
            .map(|id| format!(" (from {})", title_of(toolkit, id)))
            .unwrap_or_default();
        let _ = writeln!(
            out,
            "  {}. {}{from}: {}",
            n + 1,
            c.text,
            standing_text(c, today)
        );
    }
    out
}

/// What `check-in` does after keeping any answer: the same choices as the
/// app's "How did it go?" window, so none of them needs the full screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Then {
    /// Only keep the answer.
    Answer,
    /// "Not yet": ask about it again in a week.
    AskInAWeek,
    /// "Let it go": ask no more; its words stay in the journal.
    LetGo,
}

/// `allyship check-in N [TEXT] [--not-yet | --let-go]`: adds an answer to
/// commitment `number` (as `allyship commitments` numbers them), and asks
/// again in a week or lets it go when told to. `(now, typing_secs)`: when,
/// and the seconds spent typing the answer at the terminal (learning time,
/// added to today).
pub fn check_in(
    data_dir: Option<PathBuf>,
    number: usize,
    text: &str,
    then: Then,
    (now, typing_secs): (Timestamp, u64),
) -> Output {
    if text.trim().is_empty() && then == Then::Answer {
        return failure(
            "Nothing was kept: the check-in is empty. Say how it went, for example: \
             allyship check-in 1 \"I asked, and it went well\" (or --not-yet, --let-go)\n"
                .into(),
        );
    }
    if text.len() as u64 > crate::input::MOST_WORDS {
        let why = crate::input::words_too_long("an answer");
        return failure(format!("Nothing was kept: {why}.\n"));
    }
    let (mut store, journal, stderr) = match open_to_write(data_dir) {
        Ok(opened) => opened,
        Err(output) => return output,
    };
    let all = journal.commitments_in_order();
    let Some((id, found)) = number.checked_sub(1).and_then(|n| all.get(n)) else {
        let have = match all.len() {
            0 => "you have none yet (make one with: allyship commit \"I will …\")".to_owned(),
            n => format!(
                "you have {} (allyship commitments lists them)",
                count(n, "commitment", "commitments")
            ),
        };
        return Output {
            stdout: String::new(),
            stderr: format!("{stderr}Nothing was kept: there is no commitment {number}; {have}.\n"),
            code: EXIT_NOT_FOUND,
        };
    };
    let (id, mut answered) = ((*id).to_owned(), (*found).clone());
    let has_answer = answered.check_in(text, now);
    let again_on = days_after(local_day(now), 7);
    match then {
        Then::Answer => {}
        Then::AskInAWeek => answered.ask_again_on(again_on, now),
        Then::LetGo => answered.let_it_go(now),
    }
    // The whole commitment is merged under the lock: another copy's
    // check-ins stay, and it comes back even if it went meanwhile.
    let mut typing = crate::journal::record::Session::start(now);
    typing.add_active_secs(local_day(now), typing_secs);
    let saved = store.update(|journal| {
        journal.apply(&typing.pending, &typing.id);
        journal.merge_commitment(&id, &answered)
    });
    let kept = match saved {
        Ok((saved, _)) => saved.journal.records.commitments.get(&id).cloned(),
        Err(e) => return failure(format!("{stderr}Nothing was kept: {e}\n")),
    };
    let total = kept
        .as_ref()
        .map_or(answered.check_ins.len(), |c| c.check_ins.len());
    // What the journal saved says, not what was asked: a decision made
    // later in another copy stands instead, and is said.
    let standing = kept.as_ref().unwrap_or(&answered).standing(local_day(now));
    let mut out = if has_answer {
        format!(
            "Kept your check-in on {number}. {} ({} so far).\n",
            one_line(&answered.text),
            count(total, "check-in", "check-ins")
        )
    } else {
        format!("{number}. {}\n", one_line(&answered.text))
    };
    match (then, standing) {
        (Then::Answer, _) => {}
        (Then::AskInAWeek, Standing::Open { review_on }) => {
            let _ = writeln!(
                out,
                "Not yet: the app will ask how it went on {}.",
                date_text(review_on)
            );
        }
        (Then::LetGo, Standing::LetGo) => {
            out.push_str(
                "Let go: it will not be asked about again. Its words stay in your journal.\n",
            );
        }
        (_, other) => {
            let _ = writeln!(
                out,
                "Kept, but a later change made in another copy of allyship stands: \
                 it is {} (allyship commitments lists them).",
                other.word()
            );
        }
    }
    Output::ok(out).noting(&stderr)
}

#[cfg(test)]
mod tests {
    use super::with_i_will;

    #[test]
    fn plain_commitments_start_i_will_as_the_apps_do() {
        assert_eq!(with_i_will("ask first"), "I will ask first");
        assert_eq!(with_i_will("Ask first "), "I will ask first");
        assert_eq!(with_i_will("I will ask first"), "I will ask first");
        assert_eq!(with_i_will("i will ask first"), "i will ask first");
        assert_eq!(
            with_i_will("NHS guidance first"),
            "I will NHS guidance first"
        );
        assert_eq!(with_i_will("McKenzie's way"), "I will McKenzie's way");
        assert_eq!(with_i_will("I'll listen"), "I will listen");
    }
}
