//! What the guide changes in the journal: a note, a bookmark, a scenario's
//! choice, a commitment and its check-in. Each change is saved at once,
//! under the journal's lock, and said to be saved only once it is on disk;
//! what can't be saved stays in this session, is tried again with the next
//! save, and is rescued to a file on the way out if it still can't be.

use super::input::{Heard, Listen};
use super::session::{Flow, Guide};
use super::speak::{self, day_in_words};
use crate::journal::record::{
    ASK_AGAIN_IN_DAYS, CommitmentChange, REVIEW_IN_DAYS, days_after, local_day,
};
use jiff::Timestamp;
use std::io::{self, Write};

/// The most a note written in the guide may hold, as `allyship note` takes
/// (the journal is written whole at every save).
pub const NOTE_MOST_BYTES: usize = 10 * 1024 * 1024;

/// The longest review period, in days (a year), as `allyship commit` takes.
const MOST_REVIEW_DAYS: u16 = 365;

/// What every change says when it did not reach the disk.
fn not_saved(why: &str) -> String {
    format!(
        "Not saved yet: {why}. It is kept while the guide runs and tried again with the next \
         change; if it still can't be saved when you leave, it goes to a rescue file."
    )
}

/// Text typed for a sentence: no line break, no full stop at its end
/// (the guide adds its own).
fn sentence(text: &str) -> &str {
    text.trim().trim_end_matches('.').trim_end()
}

impl<W: Write> Guide<'_, W> {
    /// Why the last save did not reach the disk, in words.
    fn why_not(&self) -> String {
        self.progress.problem().map_or_else(
            || "the journal can't be written".into(),
            |p| p.reason().to_owned(),
        )
    }

    /// `w`: lines up to one holding only `.` (or the end of input) are
    /// added to the note on this section. Ctrl-C, SIGTERM and SIGHUP keep
    /// what was written so far (saved, or rescued on the way out).
    pub(super) fn write_note(&mut self, input: &mut dyn Listen) -> io::Result<Flow> {
        let id = self.section_id();
        let name = speak::named(self.toolkit, self.current);
        let before = self.shown().records.notes.get(&id).map(|n| n.text.clone());
        self.say(&format!("Write your note on {name}."))?;
        if before.is_some() {
            self.say("You have a note here already: what you write now is added after it. r reads it back.")?;
        }
        self.say(
            "End with a line holding only a full stop, or press Ctrl-D. Nothing typed is lost: \
             Ctrl-C keeps it too.",
        )?;
        let mut lines: Vec<String> = Vec::new();
        let mut size = 0;
        let flow = loop {
            match self.listen(input) {
                Heard::Line(line) if line.trim() == "." => break Flow::Stay,
                Heard::Line(line) => {
                    size += line.len() + 1;
                    lines.push(line);
                    if size > NOTE_MOST_BYTES {
                        self.say(&format!(
                            "A note may hold at most {} MB: it ends here.",
                            NOTE_MOST_BYTES / 1024 / 1024
                        ))?;
                        break Flow::Stay;
                    }
                }
                Heard::End => break Flow::Stay,
                Heard::Stop => break Flow::Leave,
            }
        };
        let typed = lines.join("\n");
        let typed = typed.trim_end();
        if typed.trim().is_empty() {
            if flow == Flow::Stay {
                let kept = if before.is_some() {
                    " and your note is as it was"
                } else {
                    ""
                };
                self.say(&format!("Nothing was written{kept}."))?;
            }
            return Ok(flow);
        }
        let text = match &before {
            Some(old) => format!("{old}\n\n{typed}"),
            None => typed.to_owned(),
        };
        self.progress.set_note(&id, &text);
        if flow == Flow::Leave {
            // Saved (or rescued) on the way out, with everything else.
            return Ok(flow);
        }
        if self.save() {
            self.say(self.progress.note_said("Note saved."))?;
        } else {
            let why = self.why_not();
            self.say(&not_saved(&why))?;
        }
        Ok(flow)
    }

    /// `b`: bookmarks this section, or takes its bookmark off.
    pub(super) fn bookmark(&mut self) -> io::Result<()> {
        let id = self.section_id();
        let name = speak::named(self.toolkit, self.current);
        let had = self.shown().records.bookmarks.contains_key(&id);
        if had {
            self.progress.remove_bookmark(&id);
        } else {
            self.progress.set_bookmark(&id, None);
        }
        if !self.save() {
            let why = self.why_not();
            return self.say(&not_saved(&why));
        }
        match (had, self.journal.records.bookmarks.contains_key(&id)) {
            (false, true) => self.say(&format!("Bookmarked {name}. b again takes it off.")),
            (true, false) => self.say(&format!("Bookmark taken off {name}.")),
            (_, true) => self.say(&format!(
                "{name} is still bookmarked: another copy of allyship bookmarked it later."
            )),
            (_, false) => self.say(&format!(
                "{name} is not bookmarked: another copy of allyship took it off later."
            )),
        }
    }

    /// `c N`: option N of this scenario, its feedback, then the others'.
    pub(super) fn choose(&mut self, typed: &str) -> io::Result<()> {
        let Some(entry) = self.toolkit.entry(self.current) else {
            return Ok(());
        };
        let Some(choice) = &entry.section.choice else {
            return self.say(
                "This section has no options to choose from: scenarios do. Type s scenario to find them.",
            );
        };
        let options = choice.options.len();
        let chosen = typed
            .parse::<usize>()
            .ok()
            .filter(|n| (1..=options).contains(n));
        let Some(chosen) = chosen else {
            let asked = if typed.is_empty() {
                "Choose which option?".to_owned()
            } else {
                let shown: String = typed.chars().take(40).collect();
                format!("There is no option '{shown}'.")
            };
            return self.say(&format!(
                "{asked} Type c and a number from 1 to {options}, for example c 1."
            ));
        };
        let id = entry.section.id.clone();
        let lines = speak::feedback(self.toolkit, self.current, chosen).unwrap_or_default();
        for line in &lines {
            self.say(line)?;
        }
        self.progress
            .choose(&id, u32::try_from(chosen).unwrap_or(u32::MAX));
        if self.save() {
            self.say("Your choice is kept in your private journal. Nothing is scored.")
        } else {
            let why = self.why_not();
            self.say(&not_saved(&why))
        }
    }

    /// `i`: "I will …", then the day to ask how it went.
    pub(super) fn commit(&mut self, input: &mut dyn Listen) -> io::Result<Flow> {
        self.say(
            "Make a commitment: what will you do? Finish the sentence I will, then press Enter. \
             Enter alone keeps nothing.",
        )?;
        self.out.write_all(b"I will ")?;
        self.out.flush()?;
        let words = match self.listen(input) {
            Heard::Line(line) => line,
            Heard::End => String::new(),
            Heard::Stop => return Ok(Flow::Leave),
        };
        self.end_prompt()?;
        let words = sentence(&words);
        let words = words
            .strip_prefix("I will ")
            .or_else(|| words.strip_prefix("i will "))
            .unwrap_or(words)
            .trim();
        if words.is_empty() {
            self.say("Nothing was kept.")?;
            return Ok(Flow::Stay);
        }
        let text = format!("I will {words}");
        let today = local_day(Timestamp::now());
        let usual = days_after(today, REVIEW_IN_DAYS);
        self.say(&format!(
            "When shall I ask how it went? Press Enter for in {REVIEW_IN_DAYS} days, on {}, or \
             type a number of days from 1 to {MOST_REVIEW_DAYS}.",
            day_in_words(usual)
        ))?;
        let (days, flow) = loop {
            self.prompt()?;
            let typed = match self.listen(input) {
                Heard::Line(line) => line,
                Heard::End => break (REVIEW_IN_DAYS, Flow::Stay),
                // The words are kept, with the usual review day.
                Heard::Stop => break (REVIEW_IN_DAYS, Flow::Leave),
            };
            self.end_prompt()?;
            let typed = typed.trim();
            if typed.is_empty() {
                break (REVIEW_IN_DAYS, Flow::Stay);
            }
            match typed.parse::<u16>() {
                Ok(days) if (1..=MOST_REVIEW_DAYS).contains(&days) => break (days, Flow::Stay),
                _ => {
                    let shown: String = typed.chars().take(40).collect();
                    self.say(&format!(
                        "'{shown}' is not a number of days from 1 to {MOST_REVIEW_DAYS}. Type one, \
                         or press Enter for {REVIEW_IN_DAYS}."
                    ))?;
                }
            }
        };
        let review_on = days_after(today, days);
        let change = CommitmentChange::Make {
            text: text.clone(),
            section: Some(self.section_id()),
            review_on,
        };
        let shown = self.shown();
        self.progress.change_commitment(&shown, &change);
        if flow == Flow::Leave {
            return Ok(flow);
        }
        if self.save() {
            self.say(&format!(
                "Kept: {text}. On {} the guide asks how it went.",
                day_in_words(review_on)
            ))?;
        } else {
            let why = self.why_not();
            self.say(&not_saved(&why))?;
        }
        Ok(flow)
    }

    /// Asks about each commitment whose review day has come, first, as the
    /// full-screen app does.
    pub(super) fn check_ins(&mut self, input: &mut dyn Listen) -> io::Result<Flow> {
        let today = local_day(Timestamp::now());
        let due: Vec<(String, String, Timestamp)> = self
            .journal
            .due_commitments(today)
            .into_iter()
            .map(|(id, c)| (id.to_owned(), c.text.clone(), c.made_at))
            .collect();
        let of = due.len();
        for (n, (id, text, made_at)) in due.into_iter().enumerate() {
            let which = if of > 1 {
                format!(" {} of {of}", n + 1)
            } else {
                String::new()
            };
            self.say(&format!(
                "A commitment{which} is due. {}",
                speak::check_in_question(sentence(&text), made_at)
            ))?;
            self.say(
                "Say how it went in a line. Or type n for not yet, asked again in a week; l to \
                 let it go, its words stay; or press Enter alone to be asked next time.",
            )?;
            self.prompt()?;
            let typed = match self.listen(input) {
                Heard::Line(line) => line,
                Heard::End => String::new(),
                Heard::Stop => return Ok(Flow::Leave),
            };
            self.end_prompt()?;
            let (change, done) = match typed.trim().to_lowercase().as_str() {
                "" => {
                    self.say("It is asked about next time.")?;
                    continue;
                }
                "n" | "not yet" => {
                    let on = days_after(today, ASK_AGAIN_IN_DAYS);
                    let said = format!("Not yet: asked again on {}.", day_in_words(on));
                    (CommitmentChange::AskAgain { id, on }, said)
                }
                "l" | "let go" | "let it go" => (
                    CommitmentChange::LetGo { id },
                    "Let go. Its words stay in your journal.".to_owned(),
                ),
                _ => (
                    CommitmentChange::CheckIn {
                        id,
                        text: typed.trim().to_owned(),
                    },
                    "Your answer is kept.".to_owned(),
                ),
            };
            let shown = self.shown();
            self.progress.change_commitment(&shown, &change);
            if self.save() {
                self.say(&done)?;
            } else {
                let why = self.why_not();
                self.say(&not_saved(&why))?;
            }
        }
        Ok(Flow::Stay)
    }
}
