//! The command line: options and subcommands, defined once for clap (and
//! later for completions and the man page).

use clap::Parser;
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
  allyship commit \"I will ask first\"   asked how it went in two weeks
  allyship check-content my-toolkit.json
  allyship --content my-toolkit.json
  allyship new-toolkit our-toolkit   a small toolkit in Markdown to start from";

/// An allyship toolkit for people in social work, social care and health.
#[derive(Debug, Parser)]
#[command(name = "allyship", version, about, after_help = EXAMPLES)]
pub struct Cli {
    /// Use this toolkit instead of the built-in one: a JSON file, or a
    /// folder of Markdown files
    #[arg(long, value_name = "FILE|DIR", global = true)]
    pub content: Option<PathBuf>,

    /// Keep your journal and notes in this folder [env: ALLYSHIP_DATA_DIR]
    #[arg(long, value_name = "DIR", global = true)]
    pub data_dir: Option<PathBuf>,

    /// Colours of the full-screen toolkit: default (your terminal's own),
    /// high-contrast or mono (none); remembered for next time (`present`
    /// takes it too). NO_COLOR always means mono
    // Not global: only the full-screen views have a theme, so it is not
    // offered on commands it would not change.
    #[arg(long, value_enum, value_name = "NAME")]
    pub theme: Option<crate::theme::ThemeName>,

    /// `read`'s colour given before the command (`allyship --color always
    /// read 3`), still accepted; `read --color` is the documented place.
    #[arg(long, value_enum, value_name = "WHEN", hide = true)]
    pub color: Option<ColorChoice>,

    /// Draw one frame and exit (for start-up benchmarks)
    #[arg(long, hide = true)]
    pub first_frame: bool,

    /// What to do; with none, the toolkit opens full-screen (or the
    /// guide, where a full screen can't be drawn)
    #[command(subcommand)]
    pub command: Option<Command>,
}

impl Cli {
    /// The command line as given. With no arguments at all, the usual way
    /// to open the toolkit, there is nothing to parse, so clap's tree of
    /// commands is not built: that was about 0.15 ms, the largest part of
    /// start-up's own work before the first frame
    /// (`no_arguments_give_what_clap_gives` keeps the two routes equal).
    pub fn from_args() -> Cli {
        if std::env::args_os().len() <= 1 {
            Cli::opening()
        } else {
            Cli::try_parse().unwrap_or_else(|e| exit_on_parse_error(&e))
        }
    }

    /// What `allyship` with no arguments means: open the built-in toolkit
    /// full-screen, with every option at its default.
    fn opening() -> Cli {
        Cli {
            content: None,
            data_dir: None,
            theme: None,
            color: None,
            first_frame: false,
            command: None,
        }
    }
}

/// Leaves on a command line clap refused: its message echoes what was
/// typed, which may hold control or bidirectional characters, so it goes
/// through the one sanitiser (as plain text, without clap's colours). Help
/// and version are clap's to print, as always.
fn exit_on_parse_error(e: &clap::Error) -> ! {
    use clap::error::ErrorKind;
    use std::io::Write as _;
    if matches!(
        e.kind(),
        ErrorKind::DisplayHelp
            | ErrorKind::DisplayVersion
            | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand
    ) {
        e.exit()
    }
    let text = e.render().to_string();
    let _ = std::io::stderr().write_all(crate::sanitise::printable(&text).as_bytes());
    std::process::exit(e.exit_code())
}

/// Shell completions generated from the command line definition itself.
pub fn completions(shell: clap_complete::Shell) -> String {
    use clap::CommandFactory;
    let mut out = Vec::new();
    clap_complete::generate(shell, &mut Cli::command(), "allyship", &mut out);
    String::from_utf8_lossy(&out).into_owned()
}

/// The manual page, one page for every command, generated from the command
/// line definition, the key tables and the file names the code uses.
pub fn man_page() -> String {
    man::page()
}

mod ending;
mod guide;
mod man;
mod run;
mod start;
mod subcommands;
mod terminal;

/// When plain output may use colour (`--color`), as the plain commands decide it.
pub use crate::commands::ColorChoice;
pub use run::run;
pub use subcommands::Command;

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn no_arguments_give_what_clap_gives() {
        // `from_args` skips clap when there are no arguments: it must mean
        // exactly what clap would make of them, field for field.
        let parsed = Cli::try_parse_from(["allyship"]).expect("no arguments parse");
        assert_eq!(format!("{parsed:?}"), format!("{:?}", Cli::opening()));
        // And the comparison can fail: any option shows in it.
        let other = Cli::try_parse_from(["allyship", "--first-frame"]).unwrap();
        assert_ne!(format!("{other:?}"), format!("{:?}", Cli::opening()));
    }

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

    /// The help a person sees for `allyship ARGS --help`.
    fn help_of(args: &[&str]) -> String {
        let mut argv = vec!["allyship"];
        argv.extend_from_slice(args);
        argv.push("--help");
        let err = Cli::try_parse_from(argv).expect_err("--help stops parsing");
        assert_eq!(err.kind(), clap::error::ErrorKind::DisplayHelp);
        err.to_string()
    }

    #[test]
    fn theme_and_color_are_offered_only_where_they_change_something() {
        let coloured = ["read"];
        let themed = ["present"];
        for command in Cli::command().get_subcommands() {
            let name = command.get_name();
            let help = help_of(&[name]);
            assert_eq!(
                help.contains("--theme"),
                themed.contains(&name),
                "allyship {name} --help:\n{help}"
            );
            assert_eq!(
                help.contains("--color"),
                coloured.contains(&name),
                "allyship {name} --help:\n{help}"
            );
        }
        let top = help_of(&[]);
        assert!(top.contains("--theme"), "{top}");
        assert!(!top.contains("--color"), "{top}");
    }

    #[test]
    fn theme_and_color_given_where_they_used_to_be_still_work() {
        use crate::theme::ThemeName;
        let cli = Cli::try_parse_from(["allyship", "--theme", "mono"]).unwrap();
        assert_eq!(cli.theme, Some(ThemeName::Mono));
        assert!(Cli::try_parse_from(["allyship", "--theme", "mono", "list"]).is_ok());
        let cli = Cli::try_parse_from(["allyship", "--theme", "mono", "present"]).unwrap();
        assert_eq!(cli.theme, Some(ThemeName::Mono));
        let cli = Cli::try_parse_from(["allyship", "present", "--theme", "mono"]).unwrap();
        assert!(matches!(
            cli.command,
            Some(Command::Present {
                theme: Some(ThemeName::Mono),
                ..
            })
        ));
        let cli = Cli::try_parse_from(["allyship", "--color", "always", "read", "3"]).unwrap();
        assert_eq!(cli.color, Some(ColorChoice::Always));
        let cli = Cli::try_parse_from(["allyship", "read", "3", "--color", "never"]).unwrap();
        assert!(matches!(
            cli.command,
            Some(Command::Read {
                color: Some(ColorChoice::Never),
                ..
            })
        ));
        // Where they do nothing, they are refused rather than ignored.
        assert!(Cli::try_parse_from(["allyship", "export", "--theme", "mono"]).is_err());
        assert!(Cli::try_parse_from(["allyship", "list", "--color", "always"]).is_err());
    }

    #[test]
    fn read_needs_a_section_or_all() {
        assert!(Cli::try_parse_from(["allyship", "read"]).is_err());
        assert!(Cli::try_parse_from(["allyship", "read", "3", "--all"]).is_err());
        assert!(Cli::try_parse_from(["allyship", "read", "--all"]).is_ok());
        assert!(Cli::try_parse_from(["allyship", "read", "3", "--width", "5"]).is_err());
    }
}

/// The formats `allyship export` writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ExportFormat {
    /// A readable learning record.
    Markdown,
    /// Everything, for scripts and `allyship import`.
    Json,
    /// One row per activity, for a spreadsheet.
    Csv,
    /// One self-contained page, to print or keep.
    Html,
}

/// The regulators `allyship export --for` shapes a CPD record for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Regulator {
    /// Social Work England.
    Swe,
    /// The Nursing and Midwifery Council (revalidation).
    Nmc,
    /// The Health and Care Professions Council.
    Hcpc,
    /// Social Care Wales, NISCC and Skills for Care style learning logs.
    Care,
}
