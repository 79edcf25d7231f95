//! The guide's loop: says a section, waits at `> ` for a command, carries
//! it out, and on the way out (q, the end of input, Ctrl-C, SIGTERM,
//! SIGHUP, a closed output) saves, or rescues what can't be saved.
//!
//! Reading follows the reader's rules (`journal::reading`): a section
//! counts as read once it has been the one on show for the threshold, time
//! counts between things typed, and one run is one session of the journal,
//! saved under the journal's lock ([`Progress`]). The contents, a search,
//! the journal and the help are not the section: while one of them was the
//! last thing said, the section's clock stands still.

use super::command::{self, Command};
use super::input::{Heard, Listen};
use super::speak;
use crate::journal::progress::Progress;
use crate::journal::record::{Journal, local_day};
use crate::journal::store::Patience;
use crate::sanitise::printable;
use crate::toolkit::content::Toolkit;
use crate::toolkit::search::Index;
use jiff::Timestamp;
use std::io::{self, Write};
use std::path::PathBuf;
use std::time::{Duration, Instant};

/// How long a save waits for another copy of allyship to finish saving
/// before it says the change is not saved yet.
const SAVE_PATIENCE: Duration = Duration::from_secs(5);

/// How often, while nobody types, the reading clock is looked at (and a
/// section that has now counted as read is saved).
const TICK: Duration = Duration::from_millis(500);

/// Whether the session goes on after a command.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Flow {
    /// Wait for the next command.
    Stay,
    /// Leave, saving first (q, the end of input, a signal).
    Leave,
}

/// A guided session: the toolkit, the journal and where the person is.
pub struct Guide<'t, W: Write> {
    pub(super) toolkit: &'t Toolkit,
    pub(super) progress: Progress,
    /// The journal as last read or saved (without this session's unsaved
    /// changes: see [`Guide::shown`]).
    pub(super) journal: Journal,
    pub(super) current: usize,
    pub(super) out: W,
    pub(super) clock: Box<dyn FnMut() -> Instant>,
    /// Lines about the journal from opening it, said first.
    notices: Vec<String>,
    pub(super) search: Option<Index>,
    /// Whether a line typed is shown by the terminal (else the prompt line is ended here).
    echoed: bool,
    /// The terminal's width now, to break lines between words rather than
    /// inside one (`None`: not a terminal, lines stay whole).
    width: Box<dyn Fn() -> Option<u16>>,
    /// Whether a signal stopped the session (a terminal echoed `^C` with
    /// no line break after it).
    stopped: bool,
}

/// How a session ended: the last lines (where rescued words went, or
/// where the place is kept), already said when `problem` is `None`.
#[derive(Debug)]
pub struct Ending {
    /// The last lines.
    pub farewell: Vec<String>,
    /// Why the output could not be written (the farewell then goes elsewhere).
    pub problem: Option<io::Error>,
}

impl<'t, W: Write> Guide<'t, W> {
    /// Opens the journal in `data_dir` (as the reader does) for a session
    /// that says things to `out` and tells the time with `clock`.
    pub fn new(
        toolkit: &'t Toolkit,
        data_dir: Option<PathBuf>,
        out: W,
        mut clock: Box<dyn FnMut() -> Instant>,
    ) -> Self {
        let (mut progress, journal, notices) = Progress::start(data_dir, clock());
        progress.set_toolkit(crate::toolkit::content::other_toolkit_name(toolkit));
        progress.set_patience(Patience::Brief(SAVE_PATIENCE));
        Guide {
            toolkit,
            progress,
            journal,
            current: 0,
            out,
            clock,
            notices,
            search: None,
            echoed: false,
            width: Box::new(|| None),
            stopped: false,
        }
    }

    /// Breaks what is said between words at the width `width` gives when
    /// it is asked (a terminal's, which may change), so no word is cut in
    /// two where the terminal would wrap it.
    pub fn wrap_to(mut self, width: Box<dyn Fn() -> Option<u16>>) -> Self {
        self.width = width;
        self
    }

    /// Runs the session from section `start` (from 0), or from where the
    /// person left off, until they leave; then saves on the way out.
    pub fn run(mut self, input: &mut dyn Listen, start: Option<usize>) -> Ending {
        self.echoed = input.echoed();
        let said = self.session(input, start);
        self.finish(said.err())
    }

    fn session(&mut self, input: &mut dyn Listen, start: Option<usize>) -> io::Result<()> {
        let notices = std::mem::take(&mut self.notices);
        for notice in &notices {
            self.say(notice)?;
        }
        if let Some(why) = self.progress.read_only() {
            self.say(&format!("Nothing you do here can be saved: {why}."))?;
        }
        self.say(
            "allyship guide: the toolkit one section at a time. Press Enter for the next \
             section, type h for the commands, q to leave.",
        )?;
        if self.check_ins(input)? == Flow::Leave {
            return Ok(());
        }
        let resumed = self.place();
        self.current = start.or(resumed).unwrap_or(0);
        if start.is_none() && resumed.is_some() {
            self.say("Going on from where you left off.")?;
        }
        self.show()?;
        loop {
            self.prompt()?;
            let heard = match self.listen(input) {
                Heard::Line(line) => line,
                Heard::End => {
                    self.end_prompt()?;
                    self.say("End of input: leaving.")?;
                    return Ok(());
                }
                Heard::Stop => {
                    self.end_prompt()?;
                    return Ok(());
                }
            };
            if self.obey(&heard, input)? == Flow::Leave {
                return Ok(());
            }
        }
    }

    /// Where the journal says the person was in this toolkit.
    fn place(&self) -> Option<usize> {
        let name = crate::toolkit::content::other_toolkit_name(self.toolkit);
        let position = self.journal.place(name.as_deref())?;
        self.toolkit.index_of(&position.section)
    }

    /// Waits for what comes next, keeping the reading clock going and
    /// saving when a section has just counted as read.
    pub(super) fn listen(&mut self, input: &mut dyn Listen) -> Heard {
        loop {
            let heard = input.hear(TICK);
            let now = (self.clock)();
            if let Some(Heard::Line(_)) = heard {
                self.progress.activity(now);
            }
            if self.progress.tick(now) {
                self.save();
            }
            if let Some(heard) = heard {
                self.stopped |= heard == Heard::Stop;
                return heard;
            }
        }
    }

    /// Carries out one typed line.
    fn obey(&mut self, line: &str, input: &mut dyn Listen) -> io::Result<Flow> {
        self.end_prompt()?;
        match command::parse(line) {
            Command::Next => self.step(1)?,
            Command::Previous => self.step(-1)?,
            Command::Go(target) => self.go(&target)?,
            Command::Repeat => self.show()?,
            Command::Contents => {
                let lines = speak::contents(self.toolkit, &self.shown(), self.current);
                self.aside(&lines)?;
            }
            Command::Search(words) => self.find(&words)?,
            Command::Journal => {
                let today = local_day(Timestamp::now());
                let lines = speak::journal(self.toolkit, &self.shown(), today);
                self.aside(&lines)?;
            }
            Command::Help => {
                let lines: Vec<String> = command::HELP.iter().map(|l| (*l).to_owned()).collect();
                self.aside(&lines)?;
            }
            Command::Write => return self.write_note(input),
            Command::Bookmark => self.bookmark()?,
            Command::Choose(option) => self.choose(&option)?,
            Command::Commit => return self.commit(input),
            Command::Quit => return Ok(Flow::Leave),
            Command::Unknown(typed) => {
                let shown: String = typed.chars().take(40).collect();
                self.say(&format!("I don't know '{shown}'. Type h for the commands."))?;
            }
        }
        Ok(Flow::Stay)
    }

    /// Says the current section; it is now the one whose clock runs.
    pub(super) fn show(&mut self) -> io::Result<()> {
        let lines = speak::section(self.toolkit, self.current, &self.shown());
        for line in &lines {
            self.say(line)?;
        }
        let id = self.section_id();
        let words = self
            .toolkit
            .entry(self.current)
            .map_or(0, |e| crate::toolkit::content::body_words(e.section));
        let now = (self.clock)();
        self.progress.showing(Some((&id, words)), now);
        Ok(())
    }

    /// Says lines that are not the section (contents, a search, the
    /// journal, help): the section's clock stops until it is shown again.
    pub(super) fn aside(&mut self, lines: &[String]) -> io::Result<()> {
        let now = (self.clock)();
        self.progress.showing(None, now);
        for line in lines {
            self.say(line)?;
        }
        self.say("Type r to hear the section again.")
    }

    /// The current section's id.
    pub(super) fn section_id(&self) -> String {
        self.toolkit
            .entry(self.current)
            .map_or_else(String::new, |e| e.section.id.clone())
    }

    /// The journal with what this session did, saved yet or not.
    pub(super) fn shown(&self) -> Journal {
        self.progress.shown(&self.journal)
    }

    /// Saves now, with the place; whether everything is on disk. The
    /// journal as saved (merged with other copies) is what is shown next.
    pub(super) fn save(&mut self) -> bool {
        let now = (self.clock)();
        let id = self.section_id();
        let report = self.progress.save(Some((&id, 0)), now);
        if let Some(journal) = report.journal {
            self.journal = journal;
        }
        report.written
    }

    /// Says `line` (every character through the one sanitiser) on a line of its own.
    pub(super) fn say(&mut self, line: &str) -> io::Result<()> {
        let line = printable(line);
        match (self.width)().filter(|w| *w >= 2) {
            // One column short of the edge: some terminals wrap early there.
            Some(width) => {
                // Hyphenated words stay whole too ("person-centred").
                let options = textwrap::Options::new(usize::from(width - 1))
                    .word_splitter(textwrap::WordSplitter::NoHyphenation);
                for row in textwrap::wrap(&line, options) {
                    self.out.write_all(row.as_bytes())?;
                    self.out.write_all(b"\n")?;
                }
            }
            None => {
                self.out.write_all(line.as_bytes())?;
                self.out.write_all(b"\n")?;
            }
        }
        self.out.flush()
    }

    /// The prompt: `> ` at the start of a line, waiting for a command.
    pub(super) fn prompt(&mut self) -> io::Result<()> {
        self.out.write_all(b"> ")?;
        self.out.flush()
    }

    /// Ends the prompt's line when the terminal did not (input piped in).
    pub(super) fn end_prompt(&mut self) -> io::Result<()> {
        if self.echoed {
            return Ok(());
        }
        self.out.write_all(b"\n")?;
        self.out.flush()
    }

    /// The last save, and the lines saying where the place is kept or
    /// where words that could not be saved went.
    fn finish(mut self, problem: Option<io::Error>) -> Ending {
        let now = (self.clock)();
        // Leaving closes the section: it counts if it was on show long enough.
        self.progress.showing(None, now);
        let id = self.section_id();
        let mut farewell = self.progress.save_on_exit(Some((&id, 0)), now);
        if farewell.is_empty() {
            farewell.push(match self.progress.problem() {
                None => format!(
                    "Saved. Your place is kept: {}. Type allyship guide to go on from there.",
                    speak::named(self.toolkit, self.current)
                ),
                Some(why) => format!("Your place could not be kept: {}.", why.reason()),
            });
        }
        if problem.is_some() {
            return Ending { farewell, problem };
        }
        let mut said = if self.stopped && self.echoed {
            self.out.write_all(b"\n").and_then(|()| self.out.flush())
        } else {
            Ok(())
        };
        for line in &farewell {
            said = said.and_then(|()| self.say(line));
        }
        Ending {
            farewell,
            problem: said.err(),
        }
    }
}
