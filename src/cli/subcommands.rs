//! The subcommands, one variant each, with the help and examples clap
//! shows for them (`allyship COMMAND --help`, completions, the man page).

use super::{ColorChoice, ExportFormat, Regulator};
use clap::Subcommand;
use std::path::PathBuf;

/// The plain, line-by-line commands (for screen readers, scripts and quick looks).
#[derive(Debug, Subcommand)]
pub enum Command {
    /// List the contents with section numbers and ids
    List {
        /// Print it as JSON, for scripts
        #[arg(long)]
        json: bool,
    },
    /// Print a section (by number or id) as plain text
    #[command(
        after_help = "Examples:\n  allyship read 3\n  allyship read defining-an-ally --width 60\n  allyship read scenario-joke-in-a-meeting --answers\n  allyship read --all"
    )]
    Read {
        /// Section number (as in `allyship list`) or id
        #[arg(required_unless_present = "all", conflicts_with = "all")]
        section: Option<String>,
        /// Print every section, in order
        #[arg(long)]
        all: bool,
        /// With a scenario, also print the feedback on each option
        #[arg(long)]
        answers: bool,
        /// Wrap lines at this many columns (20 to 1000; default: the
        /// terminal's width, or 80); 0 wraps nothing. Web addresses are never cut
        #[arg(long, value_name = "COLUMNS", value_parser = width_value)]
        width: Option<u16>,
        /// Print it as JSON, for scripts (the toolkit file's shape)
        #[arg(long)]
        json: bool,
        /// Headings in colour: auto (the default: only on a terminal, never
        /// with NO_COLOR or TERM=dumb), always or never
        #[arg(long, value_enum, value_name = "WHEN")]
        color: Option<ColorChoice>,
    },
    /// Read the toolkit one section at a time, typing commands on a line (for screen readers)
    #[command(
        after_help = "Examples:\n  allyship guide                 go on from where you left off\n  allyship guide 12              start at section 12\n  printf 'n\\nq\\n' | allyship guide   a script can drive it\n\n\
Plain lines only: no full screen, no colour, no symbols, nothing redrawn. At the > prompt:\n\
Enter or n next, p previous, g N go to section N (or an id), t contents, s WORDS search,\n\
w write a note (end with a line holding only a full stop, or Ctrl-D), b bookmark,\n\
c N choose option N on a scenario, i make a commitment, j journal, r repeat,\n\
h help, q leave (your place is kept). Whole words work too: next, note, choose 2, quit.\n\
`allyship` with TERM=dumb, with no TERM, or without a terminal starts the guide."
    )]
    Guide {
        /// Section number (as in `allyship list`) or id to start at
        #[arg(value_name = "SECTION")]
        section: Option<String>,
    },
    /// Choose an option on a practice scenario and read its feedback (kept in your journal)
    #[command(
        after_help = "Examples:\n  allyship read scenario-joke-in-a-meeting      its options, numbered\n  allyship answer scenario-joke-in-a-meeting 2  the feedback on option 2"
    )]
    Answer {
        /// The scenario's number (as in `allyship list`) or id
        scenario: String,
        /// The number of the option you choose (as `allyship read` numbers them)
        option: String,
    },
    /// Show your reading journal: progress, days read, revisits
    Journal {
        /// Print it as JSON, for scripts
        #[arg(long, conflicts_with = "path")]
        json: bool,
        /// Print only where the journal file is kept
        #[arg(long)]
        path: bool,
    },
    /// Start your journal over (the old one is moved aside, not deleted)
    Reset {
        /// Do not ask for confirmation
        #[arg(long)]
        yes: bool,
    },
    /// Find sections by words (forgiving of small typos)
    Search {
        /// The words to look for
        #[arg(required = true)]
        words: Vec<String>,
        /// Print the results as JSON
        #[arg(long)]
        json: bool,
    },
    /// List your bookmarks
    Bookmarks {
        /// Print them as JSON
        #[arg(long)]
        json: bool,
    },
    /// Print all your notes, newest first
    Notes {
        /// Print them as JSON, keyed by section id
        #[arg(long)]
        json: bool,
    },
    /// Count sections as read now, as reading them in the app does
    #[command(
        after_help = "Examples:\n  allyship mark-read 18 tip-speak-up\n  allyship mark-read 18 --minutes 20   read with a screen reader for 20 minutes\n\n\
Time typed into `note` and `check-in` at the terminal counts by itself; `commit` and\n\
`answer` take their words on the command line, so the time spent on them can't be\n\
seen: add it with --minutes."
    )]
    MarkRead {
        /// Section numbers (as in `allyship list`) or ids
        #[arg(required = true, value_name = "SECTION")]
        sections: Vec<String>,
        /// Minutes spent reading them (with a screen reader, say), added to
        /// today's learning time
        #[arg(long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..=600))]
        minutes: Option<u16>,
    },
    /// Write your note on a section, from standard input to its end
    #[command(
        after_help = "Examples:\n  allyship note 18                       type it, then Ctrl-D\n  echo 'I will ask first' | allyship note tip-check-in\n  allyship note 18 --append < more.txt\n  allyship note 18 --remove\n\nA section that has a note already needs --append or --replace (which keeps the old text,\nshown by `allyship notes`). Empty input never erases a note."
    )]
    Note {
        /// Section number (as in `allyship list`) or id
        section: String,
        /// Add to the note there is, after a blank line
        #[arg(long, conflicts_with_all = ["replace", "remove"])]
        append: bool,
        /// Replace the note there is (the old text is kept beside it)
        #[arg(long, conflicts_with = "remove")]
        replace: bool,
        /// Remove the note, printing what it said
        #[arg(long)]
        remove: bool,
    },
    /// Bookmark a section, label its bookmark or remove it
    #[command(
        after_help = "Examples:\n  allyship bookmark 18 --label 'for supervision'\n  allyship bookmark tip-speak-up --remove"
    )]
    Bookmark {
        /// Section number (as in `allyship list`) or id
        section: String,
        /// A short label (at most 60 characters; '' takes the label off)
        #[arg(long, value_name = "TEXT", conflicts_with = "remove")]
        label: Option<String>,
        /// Remove the bookmark
        #[arg(long)]
        remove: bool,
    },
    /// Export your learning record (for supervision or your CPD record)
    #[command(
        after_help = "Examples:\n  allyship export > record.md\n  allyship export --for swe          this registration year, field by field for Social Work England\n  allyship export --for nmc --format html --output cpd.html   a page to print\n  allyship export --for hcpc --format csv --output cpd.csv\n  allyship export --from 2026-01-01 --to 2026-03-31 --output q1.md\n  allyship export --format json --output backup.json   (to move to a new computer)\n\nBefore writing, notes and answers are checked for details that could identify someone\n(an NHS or CHI number, a postcode, a date of birth, an email address, a phone number);\nstandard error says where, never the detail itself. --quiet leaves that out."
    )]
    Export {
        /// markdown (reads well, pastes into a record), json (everything, for
        /// import), csv (one row per activity) or html (one page to print)
        #[arg(long, value_enum, default_value = "markdown")]
        format: ExportFormat,
        /// Field by field for a regulator's CPD form: swe (Social Work
        /// England), nmc (nurses' revalidation), hcpc (allied health
        /// professionals) or care (Social Care Wales, NISCC, Skills for Care)
        #[arg(long = "for", value_enum, value_name = "REGULATOR")]
        regulator: Option<Regulator>,
        /// Do not warn about details that could identify someone
        #[arg(long)]
        quiet: bool,
        /// Write to this file (readable only by you) instead of the screen
        #[arg(long, value_name = "FILE")]
        output: Option<PathBuf>,
        /// First day to include (YYYY-MM-DD)
        #[arg(long, value_name = "DATE")]
        from: Option<String>,
        /// Last day to include (YYYY-MM-DD)
        #[arg(long, value_name = "DATE")]
        to: Option<String>,
    },
    /// Keep a peer discussion of sections (counts as participatory CPD time)
    #[command(
        after_help = "Examples:\n  allyship discussed tip-speak-up --minutes 30 --with \"team meeting\"\n  allyship discussed 18 19 --minutes 45 --with supervision --on 2026-12-01 --outcome \"I will ask first\""
    )]
    Discussed {
        /// Section numbers (as in `allyship list`) or ids
        #[arg(required = true, value_name = "SECTION")]
        sections: Vec<String>,
        /// How long the discussion took, in minutes (1 to 1440)
        #[arg(long, value_name = "N", required = true, allow_negative_numbers = true)]
        minutes: String,
        /// Who it was with ("team meeting", "supervision")
        #[arg(long, value_name = "WHO", required = true)]
        with: String,
        /// The day it took place (YYYY-MM-DD; default today)
        #[arg(long, value_name = "DAY")]
        on: Option<String>,
        /// What came of it, in your own words
        #[arg(long, value_name = "TEXT")]
        outcome: Option<String>,
    },
    /// Merge a JSON export into your journal (for example on a new computer)
    Import {
        /// A file made by `allyship export --format json`
        file: PathBuf,
    },
    /// Keep something you will do ("I will …", added when left out); the app asks how it went on the review day
    #[command(
        after_help = "Examples:\n  allyship commit \"I will ask how to say a name before I use it\"\n  allyship commit \"I will speak up in team meetings\" --section tip-speak-up --review-in 7"
    )]
    Commit {
        /// What you will do, in your own words
        #[arg(required = true, value_name = "TEXT")]
        text: Vec<String>,
        /// The section it comes from (number or id)
        #[arg(long, value_name = "ID")]
        section: Option<String>,
        /// Days until the app asks how it went (default 14)
        #[arg(long, value_name = "DAYS", default_value_t = crate::journal::record::REVIEW_IN_DAYS,
              value_parser = clap::value_parser!(u16).range(1..=365))]
        review_in: u16,
    },
    /// List your commitments, numbered, with their check-ins (or remove one)
    #[command(
        after_help = "Examples:\n  allyship commitments\n  allyship commitments --remove 2   prints what it said, then takes it out"
    )]
    Commitments {
        /// Print them as JSON
        #[arg(long, conflicts_with = "remove")]
        json: bool,
        /// Remove commitment N (as the list numbers them), printing what it said
        #[arg(long, value_name = "N")]
        remove: Option<usize>,
    },
    /// Say how a commitment went (the text, or standard input when there is none)
    #[command(
        after_help = "Examples:\n  allyship check-in 1 \"I asked, and my colleague was glad I did\"\n  allyship check-in 2 < answer.txt\n  allyship check-in 3 --not-yet\n  allyship check-in 4 \"It did not fit my role\" --let-go"
    )]
    CheckIn {
        /// The commitment's number, as `allyship commitments` lists it
        number: usize,
        /// How it went; read from standard input when left out (unless
        /// --not-yet or --let-go is given)
        #[arg(value_name = "TEXT")]
        text: Vec<String>,
        /// Not yet: ask about it again in a week, as the app offers
        #[arg(long, conflicts_with = "let_go")]
        not_yet: bool,
        /// Let it go: ask no more about it; its words stay in your journal
        #[arg(long)]
        let_go: bool,
    },
    /// Walk a team through parts or sections on a shared screen
    #[command(
        after_help = "Examples:\n  allyship present top-tips\n  allyship present 17-20 tip-be-consistent\n  allyship present --continue --discuss-minutes 10\n  allyship present --notes         in a second terminal: your notes, never on the shared screen\n\nKeys: Space/Right/Enter/PgDn next, Left/PgUp/Backspace back, number then Enter to jump,\nt timer, b blank, ? help, q then y ends (Esc only cancels). Nobody's notes, bookmarks or progress are shown."
    )]
    Present {
        /// Parts (such as top-tips), section ids, numbers or ranges (17-20); none means all
        #[arg(value_name = "PART|SECTION")]
        sections: Vec<String>,
        /// Start after the last section the previous walkthrough covered
        #[arg(long = "continue")]
        resume: bool,
        /// On your own screen: follow the walkthrough running in another
        /// terminal (same data folder), with its facilitator notes, the next
        /// step and the discussion timer
        #[arg(long, conflicts_with_all = ["sections", "resume"])]
        notes: bool,
        /// Length of the discussion timer (started with t), in minutes
        #[arg(long, value_name = "MINUTES", default_value_t = 5,
              value_parser = clap::value_parser!(u16).range(1..=600))]
        discuss_minutes: u16,
        /// Colours: default, high-contrast (for projectors in bright rooms)
        /// or mono; remembered, like `allyship --theme`
        #[arg(long, value_enum, value_name = "NAME")]
        theme: Option<crate::theme::ThemeName>,
    },
    /// List the walkthroughs given with `present` (the facilitator's log)
    Walkthroughs {
        /// Print them as JSON, for scripts
        #[arg(long)]
        json: bool,
    },
    /// Print shell completions (bash, zsh, fish, elvish, powershell)
    #[command(
        after_help = "Example:\n  allyship completions bash > ~/.local/share/bash-completion/completions/allyship"
    )]
    Completions {
        /// The shell
        shell: clap_complete::Shell,
    },
    /// Print the manual page (roff), for `man`
    #[command(
        after_help = "Examples:\n  allyship man | man -l -\n  allyship man > ~/.local/share/man/man1/allyship.1\n\n\
The first reads it now. The second installs it for you alone (make the folder\n\
first): `man allyship` then finds it, as long as ~/.local/bin is on your PATH\n\
(or ~/.local/share/man is on MANPATH). It is one page: every command is in it."
    )]
    Man,
    /// Check a toolkit file and report every problem with where it is
    #[command(
        after_help = "Examples:\n  allyship check-content my-toolkit.json\n  allyship check-content my-toolkit/ --strict   (a folder of Markdown files)"
    )]
    CheckContent {
        /// The toolkit: a JSON file, or a folder of Markdown files (both
        /// described in data/SCHEMA.md)
        #[arg(value_name = "FILE|DIR")]
        file: PathBuf,
        /// Fail on warnings (such as over-long sections) as well as errors
        #[arg(long)]
        strict: bool,
    },
    /// Write a toolkit in the other format: JSON to a folder of Markdown files, or back
    #[command(
        after_help = "Examples:\n  allyship convert --to markdown --output our-toolkit     the built-in toolkit, to start from\n  allyship convert our-toolkit --to json --output our-toolkit.json\n\nNever writes over a file or folder that exists, unless --force is given."
    )]
    Convert {
        /// The toolkit to convert: a JSON file or a Markdown folder (the
        /// built-in toolkit when left out)
        #[arg(value_name = "FILE|DIR")]
        input: Option<PathBuf>,
        /// The format to write
        #[arg(long, value_enum, value_name = "FORMAT")]
        to: ConvertTo,
        /// Where to write it (a folder for markdown, a file for json)
        #[arg(long, value_name = "PATH")]
        output: PathBuf,
        /// Write over the file, or the Markdown files of the folder, if it exists
        #[arg(long)]
        force: bool,
    },
    /// Write a small example toolkit in Markdown to start your own from
    #[command(
        after_help = "Example:\n  allyship new-toolkit our-toolkit\n  allyship check-content our-toolkit\n  allyship --content our-toolkit"
    )]
    NewToolkit {
        /// A folder that does not exist yet (or is empty)
        dir: PathBuf,
    },
}

/// The formats `convert` writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ConvertTo {
    /// A folder of Markdown files, one per section
    Markdown,
    /// One JSON file, as data/toolkit.json
    Json,
}

/// `--width`: 0 (no wrapping) or 20 to 1000 columns.
fn width_value(text: &str) -> Result<u16, String> {
    match text.parse::<u16>() {
        Ok(0) => Ok(0),
        Ok(n @ 20..=1000) => Ok(n),
        _ => Err("give 0 (no wrapping) or a number of columns from 20 to 1000".into()),
    }
}
