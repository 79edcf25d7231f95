//! The command line: options and subcommands, defined once for clap (and
//! later for completions and the man page).

use clap::{Parser, Subcommand};
use std::path::PathBuf;

const EXAMPLES: &str = "\
Examples:
  allyship                      open the toolkit (continues where you left off)
  allyship list                 the contents, numbered
  allyship read 12              section 12 as plain text
  allyship read tip-speak-up    a section by its id
  allyship read --all | less    the whole toolkit as plain text
  allyship journal              your progress as plain text
  allyship search speak up      sections about speaking up
  allyship export > record.md   your learning record, with your notes
  allyship check-content my-toolkit.json
  allyship --content my-toolkit.json";

/// An allyship toolkit for people in social work, social care and health.
#[derive(Debug, Parser)]
#[command(name = "allyship", version, about, after_help = EXAMPLES)]
pub struct Cli {
    /// Use this toolkit file instead of the built-in one
    #[arg(long, value_name = "FILE", global = true)]
    pub content: Option<PathBuf>,

    /// Keep your journal and notes in this folder [env: ALLYSHIP_DATA_DIR]
    #[arg(long, value_name = "DIR", global = true)]
    pub data_dir: Option<PathBuf>,

    /// Colours: default (your terminal's own), high-contrast or mono (none);
    /// remembered for next time. NO_COLOR always means mono
    #[arg(long, value_enum, value_name = "NAME", global = true)]
    pub theme: Option<crate::ui::theme::ThemeName>,

    /// Colour in plain text (`read`): auto (only on a terminal, never with
    /// NO_COLOR or TERM=dumb), always or never
    #[arg(
        long,
        value_enum,
        value_name = "WHEN",
        default_value = "auto",
        global = true
    )]
    pub color: ColorChoice,

    /// Draw one frame and exit (for start-up benchmarks)
    #[arg(long, hide = true)]
    pub first_frame: bool,

    /// What to do; with none, the toolkit opens full-screen
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// The plain, line-by-line commands (for screen readers, scripts and quick looks).
#[derive(Debug, Subcommand)]
pub enum Command {
    /// List the contents with section numbers and ids
    List,
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
        /// Wrap lines at this many columns (default: the terminal's width, or 80)
        #[arg(long, value_name = "COLUMNS", value_parser = clap::value_parser!(u16).range(20..=1000))]
        width: Option<u16>,
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
    Notes,
    /// Export your learning record (for supervision or your CPD record)
    #[command(
        after_help = "Examples:\n  allyship export > record.md\n  allyship export --from 2026-01-01 --to 2026-03-31 --output q1.md\n  allyship export --format json --output backup.json   (to move to a new computer)"
    )]
    Export {
        /// markdown (reads well, pastes into a record) or json (everything, for import)
        #[arg(long, value_enum, default_value = "markdown")]
        format: ExportFormat,
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
    /// Merge a JSON export into your journal (for example on a new computer)
    Import {
        /// A file made by `allyship export --format json`
        file: PathBuf,
    },
    /// Walk a team through parts or sections on a shared screen
    #[command(
        after_help = "Examples:\n  allyship present top-tips\n  allyship present 17-20 tip-be-consistent\n  allyship present --continue --discuss-minutes 10\n\nKeys: Space/Right/Enter/PgDn next, Left/PgUp/Backspace back, number then Enter to jump,\nt timer, b blank, ? help, Esc or q leaves. Nobody's notes, bookmarks or progress are shown."
    )]
    Present {
        /// Parts (such as top-tips), section ids, numbers or ranges (17-20); none means all
        #[arg(value_name = "PART|SECTION")]
        sections: Vec<String>,
        /// Start after the last section the previous walkthrough covered
        #[arg(long = "continue")]
        resume: bool,
        /// Length of the discussion timer (started with t), in minutes
        #[arg(long, value_name = "MINUTES", default_value_t = 5,
              value_parser = clap::value_parser!(u16).range(1..=600))]
        discuss_minutes: u16,
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
    #[command(after_help = "Example:\n  allyship man > allyship.1 && man ./allyship.1")]
    Man,
    /// Check a toolkit file and report every problem with where it is
    CheckContent {
        /// The toolkit file (JSON, as described in data/SCHEMA.md)
        file: PathBuf,
        /// Fail on warnings (such as over-long sections) as well as errors
        #[arg(long)]
        strict: bool,
    },
}

/// Shell completions generated from the command line definition itself.
pub fn completions(shell: clap_complete::Shell) -> String {
    use clap::CommandFactory;
    let mut out = Vec::new();
    clap_complete::generate(shell, &mut Cli::command(), "allyship", &mut out);
    String::from_utf8_lossy(&out).into_owned()
}

/// The manual page generated from the command line definition itself.
pub fn man_page() -> String {
    use clap::CommandFactory;
    let mut out = Vec::new();
    // Rendering into memory cannot fail for want of space.
    let _ = clap_mangen::Man::new(Cli::command()).render(&mut out);
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn the_command_line_definition_is_consistent() {
        Cli::command().debug_assert();
    }

    #[test]
    fn completions_and_the_man_page_name_every_command() {
        let names: Vec<String> = Cli::command()
            .get_subcommands()
            .map(|c| c.get_name().to_string())
            .collect();
        assert!(names.len() >= 12, "{names:?}");
        let bash = completions(clap_complete::Shell::Bash);
        let fish = completions(clap_complete::Shell::Fish);
        let man = man_page().replace("\\-", "-");
        for name in &names {
            assert!(bash.contains(name.as_str()), "bash completions lack {name}");
            assert!(fish.contains(name.as_str()), "fish completions lack {name}");
            assert!(man.contains(name.as_str()), "the man page lacks {name}");
        }
        assert!(man.contains(".TH allyship"));
    }

    #[test]
    fn read_needs_a_section_or_all() {
        assert!(Cli::try_parse_from(["allyship", "read"]).is_err());
        assert!(Cli::try_parse_from(["allyship", "read", "3", "--all"]).is_err());
        assert!(Cli::try_parse_from(["allyship", "read", "--all"]).is_ok());
        assert!(Cli::try_parse_from(["allyship", "read", "3", "--width", "5"]).is_err());
    }
}

/// When plain output may use colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ColorChoice {
    /// Only on a terminal, never with NO_COLOR or TERM=dumb.
    Auto,
    /// Always, even into a pipe.
    Always,
    /// Never.
    Never,
}

/// The formats `allyship export` writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ExportFormat {
    /// A readable learning record.
    Markdown,
    /// Everything, for scripts and `allyship import`.
    Json,
}
