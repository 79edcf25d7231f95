//! What `allyship` does with its command line: load the toolkit, then run
//! the command asked for (a plain command, printed through the sanitiser) or
//! open the reader or the presenter full-screen.

use super::start::{choose_theme, load_toolkit, run_notes, run_presenter, run_reader};
use super::subcommands::ConvertTo;
use super::terminal::{
    confirm_reset, finish, finish_coloured, finish_saved, read_stdin, terminal_width,
};
use super::{Cli, ColorChoice, Command, ExportFormat, Regulator};
use crate::commands::actions::{self, BookmarkChange};
use crate::commands::note::{self, NoteChange};
use crate::commands::{self, Output, convert, json, records};
use crate::records::export::cpd;
use std::io::IsTerminal;
use std::process::ExitCode;

/// Runs what the command line asks for, so the binary stays a thin shell,
/// and says how the process should exit.
pub fn run(cli: Cli) -> ExitCode {
    let toolkit = match load_toolkit(&cli) {
        Ok(toolkit) => toolkit,
        Err(output) => return finish(output),
    };
    match cli.command {
        None if !cli.first_frame && super::guide::guide_instead_here() => {
            // The guide has no colours, but a theme asked for is still
            // remembered for the full screen next time.
            if cli.theme.is_some() {
                choose_theme(cli.theme, cli.data_dir.as_deref());
            }
            super::guide::run_guide(&toolkit, cli.data_dir, None)
        }
        Some(Command::Guide { section }) => {
            super::guide::run_guide(&toolkit, cli.data_dir, section.as_deref())
        }
        None => {
            let theme = choose_theme(cli.theme, cli.data_dir.as_deref());
            run_reader(toolkit, theme, cli.data_dir, cli.first_frame)
        }
        Some(Command::Journal { json, path }) => {
            finish(commands::journal(&toolkit, cli.data_dir, json, path))
        }
        Some(Command::Reset { yes }) => {
            let confirmed = yes || confirm_reset(cli.data_dir.clone());
            let output = commands::reset(cli.data_dir, confirmed);
            // Declined, nothing changed: nothing to call saved.
            if confirmed {
                finish_saved(output)
            } else {
                finish(output)
            }
        }
        Some(Command::List { json: true }) => finish(json::list_output(&toolkit, cli.data_dir)),
        Some(Command::List { json: false }) => {
            finish(commands::list_output(&toolkit, cli.data_dir))
        }
        Some(Command::Read {
            section,
            all,
            answers,
            json: true,
            ..
        }) => finish(json::read_output(
            &toolkit,
            section.as_deref().filter(|_| !all),
            answers,
        )),
        Some(Command::Read {
            section,
            all,
            width,
            answers,
            json: false,
            color,
        }) => {
            let width = width.unwrap_or_else(terminal_width);
            let colour = commands::use_colour(
                color.or(cli.color).unwrap_or(ColorChoice::Auto),
                std::io::stdout().is_terminal(),
                std::env::var("TERM").ok().as_deref(),
                crate::theme::no_color_requested(std::env::var_os("NO_COLOR").as_deref()),
            );
            let output = match section {
                Some(query) if !all => commands::read(&toolkit, &query, width, colour, answers),
                _ => commands::read_all(&toolkit, width, colour, answers),
            };
            // Colour codes are the app's own; the text inside them was
            // made printable span by span (render::ansi).
            if colour {
                finish_coloured(output)
            } else {
                finish(output)
            }
        }
        Some(Command::Answer { scenario, option }) => finish_saved(commands::answer(
            &toolkit,
            cli.data_dir,
            &scenario,
            &option,
            terminal_width(),
        )),
        Some(Command::Search { words, json }) => finish(records::search(&toolkit, &words, json)),
        Some(Command::Bookmarks { json }) => {
            finish(records::bookmarks(&toolkit, cli.data_dir, json))
        }
        Some(Command::Notes { json: false }) => finish(records::notes(&toolkit, cli.data_dir)),
        Some(Command::Notes { json: true }) => finish(json::notes_output(&toolkit, cli.data_dir)),
        Some(Command::MarkRead { sections, minutes }) => finish_saved(actions::mark_read(
            &toolkit,
            cli.data_dir,
            &sections,
            minutes.unwrap_or(0),
        )),
        Some(Command::Note {
            section,
            append,
            replace,
            remove,
        }) => {
            let change = NoteChange::from_flags(append, replace, remove);
            finish_saved(note::note_from_stdin(
                &toolkit,
                cli.data_dir,
                &section,
                change,
            ))
        }
        Some(Command::Bookmark {
            section,
            label,
            remove,
        }) => {
            let change = BookmarkChange::from_flags(label, remove);
            finish_saved(actions::bookmark(&toolkit, cli.data_dir, &section, change))
        }
        Some(Command::Export {
            format,
            regulator,
            quiet,
            output,
            from,
            to,
        }) => {
            let request = records::ExportRequest {
                format: match format {
                    ExportFormat::Markdown => records::ExportFormat::Markdown,
                    ExportFormat::Json => records::ExportFormat::Json,
                    ExportFormat::Csv => records::ExportFormat::Csv,
                    ExportFormat::Html => records::ExportFormat::Html,
                },
                output: output.as_deref(),
                from: from.as_deref(),
                to: to.as_deref(),
                regulator: regulator.map(|r| match r {
                    Regulator::Swe => cpd::Regulator::Swe,
                    Regulator::Nmc => cpd::Regulator::Nmc,
                    Regulator::Hcpc => cpd::Regulator::Hcpc,
                    Regulator::Care => cpd::Regulator::Care,
                }),
                quiet,
            };
            finish(records::export(&toolkit, cli.data_dir, &request))
        }
        Some(Command::Discussed {
            sections,
            minutes,
            with,
            on,
            outcome,
        }) => finish_saved(commands::discussed::discussed(
            &toolkit,
            cli.data_dir,
            &commands::discussed::DiscussedRequest {
                sections: &sections,
                minutes: &minutes,
                with: &with,
                on: on.as_deref(),
                outcome: outcome.as_deref(),
            },
            jiff::Timestamp::now(),
        )),
        Some(Command::Import { file }) => finish_saved(records::import(cli.data_dir, &file)),
        Some(Command::Commit {
            text,
            section,
            review_in,
        }) => finish_saved(commands::commitments::commit(
            &toolkit,
            cli.data_dir,
            &text.join(" "),
            section.as_deref(),
            review_in,
            jiff::Timestamp::now(),
        )),
        Some(Command::Commitments {
            remove: Some(number),
            ..
        }) => finish(commands::commitments::remove(cli.data_dir, number)),
        Some(Command::Commitments { json, .. }) => finish(commands::commitments::commitments(
            &toolkit,
            cli.data_dir,
            json,
            crate::journal::record::local_day(jiff::Timestamp::now()),
        )),
        Some(Command::CheckIn {
            number,
            text,
            not_yet,
            let_go,
        }) => {
            let then = match (not_yet, let_go) {
                (true, _) => commands::commitments::Then::AskInAWeek,
                (_, true) => commands::commitments::Then::LetGo,
                _ => commands::commitments::Then::Answer,
            };
            let text = if text.is_empty() && then != commands::commitments::Then::Answer {
                Ok((String::new(), 0))
            } else if text.is_empty() {
                read_stdin(
                    "Say how it went, then press Ctrl-D on a line of its own:",
                    "an answer",
                )
            } else {
                Ok((text.join(" "), 0))
            };
            finish_saved(match text {
                Ok((text, typing_secs)) => commands::commitments::check_in(
                    cli.data_dir,
                    number,
                    &text,
                    then,
                    (jiff::Timestamp::now(), typing_secs),
                ),
                Err(e) => Output {
                    stdout: String::new(),
                    stderr: format!("Nothing was kept: standard input could not be read: {e}\n"),
                    code: 1,
                },
            })
        }
        Some(Command::Present { notes: true, .. }) => run_notes(cli.data_dir),
        Some(Command::Present {
            sections,
            resume,
            discuss_minutes,
            theme,
            notes: false,
        }) => {
            let theme = choose_theme(theme.or(cli.theme), cli.data_dir.as_deref());
            run_presenter(
                &toolkit,
                cli.data_dir,
                &sections,
                resume,
                discuss_minutes,
                theme,
            )
        }
        Some(Command::Walkthroughs { json }) => {
            finish(commands::walkthroughs(&toolkit, cli.data_dir, json))
        }
        Some(Command::Completions { shell }) => finish(Output {
            stdout: crate::cli::completions(shell),
            stderr: String::new(),
            code: 0,
        }),
        Some(Command::Man) => finish(Output {
            stdout: crate::cli::man_page(),
            stderr: String::new(),
            code: 0,
        }),
        Some(Command::CheckContent { file, strict }) => {
            finish(commands::check_content(&file, strict))
        }
        Some(Command::Convert {
            input,
            to,
            output,
            force,
        }) => {
            let to = match to {
                ConvertTo::Markdown => convert::Target::Markdown,
                ConvertTo::Json => convert::Target::Json,
            };
            finish(convert::convert(input.as_deref(), to, &output, force))
        }
        Some(Command::NewToolkit { dir }) => finish(convert::new_toolkit(&dir)),
    }
}
