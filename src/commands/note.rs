//! `allyship note SECTION`: writes, adds to, replaces or removes the note
//! on a section without the app, under the same never-lose rules.
//!
//! The note is read from standard input to its end, so a script can pipe
//! it in and a person can type it at the terminal. The section's prompts go
//! to standard error, and only when standard input is a terminal (a person
//! typing; a script piping a note in gets a quiet standard error, as with
//! bash's `read -p`); standard output says only what was done.
//!
//! Never losing a word: a section that already has a note is refused
//! before anything is read, unless `--append` (the new text goes after the
//! old) or `--replace` (the new text becomes the note and the old one is
//! kept beside it, as when two copies of the app change the same note:
//! `allyship notes` shows it under "Also kept"). Empty input never erases
//! a note (`--remove` does, printing what it removed). If another copy of
//! allyship changes the note while this command runs, the journal's merge
//! keeps both versions.

use super::actions::{NOTHING_CHANGED, Writable, named, not_saved, open_for_writing, resolve_all};
use super::{Output, failure};
use crate::journal::record::{Note, Session, local_day};
use crate::journal::report::{count, date_text};
use crate::sanitise::printable;
use crate::toolkit::content::Toolkit;
use jiff::Timestamp;
use std::fmt::Write as _;
use std::io::{Read, Write};
use std::path::PathBuf;

/// The longest note taken from standard input: the cap on all of a
/// person's words ([`crate::input::MOST_WORDS`]).
pub const MOST_BYTES: u64 = crate::input::MOST_WORDS;

/// What `allyship note` was asked to do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoteChange {
    /// Write a note where there is none (refused if there is one).
    Write,
    /// Add the text after the note there is (or write one).
    Append,
    /// Make the text the note, keeping the old one beside it.
    Replace,
    /// Remove the note, printing what it said.
    Remove,
}

impl NoteChange {
    /// The change `--append`, `--replace` and `--remove` ask for (the
    /// command line lets only one be given); none is [`NoteChange::Write`].
    pub fn from_flags(append: bool, replace: bool, remove: bool) -> Self {
        match (append, replace, remove) {
            (true, _, _) => NoteChange::Append,
            (_, true, _) => NoteChange::Replace,
            (_, _, true) => NoteChange::Remove,
            _ => NoteChange::Write,
        }
    }
}

/// Where the note comes from and where its prompts go.
pub struct NoteInput<'a> {
    /// The note's text, read to its end (standard input).
    pub text: &'a mut dyn Read,
    /// Whether a person is typing it (standard input is a terminal): only
    /// then are the prompts shown.
    pub at_terminal: bool,
    /// Where the prompts go (standard error).
    pub prompts: &'a mut dyn Write,
    /// The columns the prompts wrap to, at word boundaries (0: no wrapping).
    pub width: u16,
}

/// `allyship note SECTION [--append | --replace | --remove]`.
pub fn note(
    toolkit: &Toolkit,
    data_dir: Option<PathBuf>,
    query: &str,
    change: NoteChange,
    input: NoteInput,
) -> Output {
    let index = match resolve_all(toolkit, &[query.to_owned()]) {
        Ok(found) => found[0],
        Err(output) => return output,
    };
    let writable = match open_for_writing(data_dir, NOTHING_CHANGED) {
        Ok(writable) => writable,
        Err(output) => return output,
    };
    let id = toolkit
        .entry(index)
        .map_or(String::new(), |e| e.section.id.clone());
    let name = named(toolkit, index);
    let current = writable.journal.records.notes.get(&id).cloned();
    if change == NoteChange::Remove {
        return remove(writable, &id, &name, current);
    }
    if let (NoteChange::Write, Some(note)) = (change, &current) {
        return failure(format!(
            "{}{name} already has a note (last changed {}); nothing was read or changed. \
             Add to it with --append, or replace it with --replace (the old text is kept: \
             `allyship notes` shows it under \"Also kept\").\n",
            writable.notices,
            date_text(crate::journal::record::local_day(note.changed))
        ));
    }
    if input.at_terminal {
        let shown = prompts(toolkit, index, change, current.as_ref());
        let shown = super::typing::wrap_prompt(&printable(&shown), input.width);
        let _ = input.prompts.write_all(shown.as_bytes());
        let _ = input.prompts.flush();
    }
    // Typing at the terminal is learning time, counted as the reader counts it.
    let mut timed = super::typing::TimedInput::new(input.text);
    let typed = read_note(&mut timed);
    let active_secs = if input.at_terminal {
        timed.active_secs()
    } else {
        0
    };
    let typed = match typed {
        Ok(typed) => typed,
        Err(why) => return failure(format!("{}Nothing was saved: {why}.\n", writable.notices)),
    };
    if typed.trim().is_empty() {
        let kept = if current.is_some() {
            format!(" and your note on {name} is as it was")
        } else {
            String::new()
        };
        return failure(format!(
            "{}Nothing was saved: the note was empty{kept}. To remove a note, use --remove.\n",
            writable.notices
        ));
    }
    let text = match (&current, change) {
        (Some(old), NoteChange::Append) => format!("{}\n\n{typed}", old.text),
        _ => typed,
    };
    save(writable, &id, &name, change, current, &text, active_secs)
}

/// `allyship note` as the binary runs it: the note from standard input,
/// the prompts (when a person is typing) on standard error.
pub fn note_from_stdin(
    toolkit: &Toolkit,
    data_dir: Option<PathBuf>,
    query: &str,
    change: NoteChange,
) -> Output {
    use std::io::IsTerminal;
    let stdin = std::io::stdin();
    let input = NoteInput {
        at_terminal: stdin.is_terminal(),
        text: &mut stdin.lock(),
        prompts: &mut std::io::stderr().lock(),
        width: super::typing::prompt_width(),
    };
    note(toolkit, data_dir, query, change, input)
}

/// The prompts a person typing at the terminal sees first: the section,
/// its reflection prompts, the note there is (when adding to or replacing
/// it) and how to finish.
fn prompts(toolkit: &Toolkit, index: usize, change: NoteChange, current: Option<&Note>) -> String {
    let mut out = format!("Your note on {}\n", named(toolkit, index));
    let reflect = toolkit
        .entry(index)
        .map(|e| e.section.reflect.as_slice())
        .unwrap_or_default();
    if reflect.is_empty() {
        out.push_str("This section has no reflection prompts: write what you like.\n");
    } else {
        out.push_str("Reflect:\n");
        for prompt in reflect {
            let _ = writeln!(out, "  ? {prompt}");
        }
    }
    if let Some(note) = current {
        out.push_str(match change {
            NoteChange::Append => "Your note now (what you type is added after it):\n",
            _ => "Your note now (what you type replaces it; this text is kept beside it):\n",
        });
        for line in note.text.lines() {
            let _ = writeln!(out, "  | {line}");
        }
    }
    out.push_str(END_OF_INPUT);
    out
}

/// How to finish typing at the terminal.
#[cfg(unix)]
const END_OF_INPUT: &str = "Type your note, then press Ctrl-D at the start of a line to save it (Ctrl-C leaves, saving nothing).\n";
/// How to finish typing at the terminal.
#[cfg(not(unix))]
const END_OF_INPUT: &str = "Type your note, then press Ctrl-Z and Enter at the start of a line to save it (Ctrl-C leaves, saving nothing).\n";

/// The note from `input`, to its end: UTF-8, at most [`MOST_BYTES`], line
/// endings of any platform as newlines, without the line breaks at the end.
fn read_note(input: &mut dyn Read) -> Result<String, String> {
    let bytes = crate::input::read_up_to(input, MOST_BYTES)
        .map_err(|e| format!("the note could not be read ({e})"))?
        .ok_or_else(|| crate::input::words_too_long("a note"))?;
    let text = String::from_utf8(bytes)
        .map_err(|_| "the note is not UTF-8 text (save it as UTF-8 and try again)".to_string())?;
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    Ok(text.trim_end_matches('\n').to_owned())
}

/// Saves `text` as the note on `id`, on top of `current` (the note read
/// when the command started): the journal's merge keeps both versions if
/// another copy changed it since, and `--replace` keeps the old one too.
fn save(
    writable: Writable,
    id: &str,
    name: &str,
    change: NoteChange,
    current: Option<Note>,
    text: &str,
    active_secs: u64,
) -> Output {
    let Writable {
        mut store,
        journal,
        notices,
    } = writable;
    if current.as_ref().is_some_and(|note| note.text == text) {
        let line = format!("Your note on {name} already says this; nothing changed.\n");
        return Output::ok(line).noting(&notices);
    }
    let mut session = Session::start(Timestamp::now());
    session.saw(&journal);
    session.set_note(id, text, Timestamp::now());
    session.add_active_secs(local_day(Timestamp::now()), active_secs);
    let result = store.update(|journal| {
        let before = journal.records.notes.get(id).cloned();
        journal.apply(&session.pending, &session.id);
        if change == NoteChange::Replace
            && let Some(old) = before
        {
            journal.set_aside(id, &old);
        }
        journal
            .records
            .notes
            .get(id)
            .is_some_and(|note| note.text == text)
    });
    let lines = count(text.lines().count(), "line", "lines");
    let said = match result {
        Ok((saved, _)) if !saved.written => {
            return not_saved(&notices, store.why_not_written().unwrap_or(""));
        }
        Err(e) => return not_saved(&notices, &e.to_string()),
        Ok((_, false)) => format!(
            "Another copy of allyship changed your note on {name} meanwhile: its text stays \
             the note and yours ({lines}) is kept beside it. `allyship notes` shows both."
        ),
        Ok(_) => match (change, current) {
            (NoteChange::Replace, Some(_)) => format!(
                "Replaced your note on {name} ({lines}). The old text is kept: \
                 `allyship notes` shows it under \"Also kept\"."
            ),
            (NoteChange::Append, Some(_)) => {
                format!("Added to your note on {name}; it now has {lines}.")
            }
            _ => format!("Saved your note on {name} ({lines})."),
        },
    };
    Output::ok(format!("{said}\n")).noting(&notices)
}

/// `--remove`: removes the note on `id` and prints what it said, so it is
/// not lost by a slip; a note changed meanwhile by another copy stays.
fn remove(writable: Writable, id: &str, name: &str, current: Option<Note>) -> Output {
    let Writable {
        mut store,
        journal,
        notices,
    } = writable;
    let Some(old) = current else {
        return Output::ok(format!("{name} has no note; nothing was removed.\n")).noting(&notices);
    };
    let mut session = Session::start(Timestamp::now());
    session.saw(&journal);
    session.delete_note(id, Timestamp::now());
    let result = store.update(|journal| {
        journal.apply(&session.pending, &session.id);
        journal.records.notes.contains_key(id)
    });
    match result {
        Ok((saved, _)) if !saved.written => {
            not_saved(&notices, store.why_not_written().unwrap_or(""))
        }
        Err(e) => not_saved(&notices, &e.to_string()),
        Ok((_, true)) => failure(format!(
            "{notices}Nothing was removed: another copy of allyship changed your note on \
             {name} meanwhile. `allyship notes` shows it.\n"
        )),
        Ok((_, false)) => {
            let mut out = format!(
                "Removed your note on {name} (written {}, last changed {}). It said:\n",
                date_text(crate::journal::record::local_day(old.created)),
                date_text(crate::journal::record::local_day(old.changed))
            );
            for line in old.text.lines() {
                let _ = writeln!(out, "  {line}");
            }
            Output::ok(out).noting(&notices)
        }
    }
}

#[cfg(test)]
mod tests;
