//! The `allyship` binary: parse the command line, then run a plain command
//! or the full-screen reader.

use allyship::cli::{Cli, ColorChoice, Command, ExportFormat};
use allyship::commands::actions::{self, BookmarkChange};
use allyship::commands::note::{self, NoteChange};
use allyship::commands::{self, Output, json, records};
use allyship::journal::progress::Progress;
use allyship::journal::settings;
use allyship::reader::app::App;
use allyship::sanitise::printable;
use allyship::theme::{Theme, ThemeName};
use allyship::toolkit::content::{self, Severity, Toolkit};
use std::io::{IsTerminal, Write};
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = Cli::from_args();
    let toolkit = match load_toolkit(&cli) {
        Ok(toolkit) => toolkit,
        Err(output) => return finish(output),
    };
    match cli.command {
        None => {
            let theme = choose_theme(cli.theme, cli.data_dir.as_deref());
            run_reader(toolkit, theme, cli.data_dir, cli.first_frame)
        }
        Some(Command::Journal { json, path }) => {
            finish(commands::journal(&toolkit, cli.data_dir, json, path))
        }
        Some(Command::Reset { yes }) => {
            let confirmed = yes || confirm_reset(cli.data_dir.clone());
            finish(commands::reset(cli.data_dir, confirmed))
        }
        Some(Command::List { json: true }) => finish(json::list_output(&toolkit, cli.data_dir)),
        Some(Command::List { json: false }) => {
            let journal = commands::saved_journal(cli.data_dir);
            finish(commands::list(&toolkit, journal.as_ref()))
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
                allyship::theme::no_color_requested(std::env::var_os("NO_COLOR").as_deref()),
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
        Some(Command::Answer { scenario, option }) => finish(commands::answer(
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
        Some(Command::MarkRead { sections }) => {
            finish(actions::mark_read(&toolkit, cli.data_dir, &sections))
        }
        Some(Command::Note {
            section,
            append,
            replace,
            remove,
        }) => {
            let change = NoteChange::from_flags(append, replace, remove);
            finish(note::note_from_stdin(
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
            finish(actions::bookmark(&toolkit, cli.data_dir, &section, change))
        }
        Some(Command::Export {
            format,
            output,
            from,
            to,
        }) => {
            let request = records::ExportRequest {
                json: format == ExportFormat::Json,
                output: output.as_deref(),
                from: from.as_deref(),
                to: to.as_deref(),
            };
            finish(records::export(&toolkit, cli.data_dir, &request))
        }
        Some(Command::Import { file }) => finish(records::import(cli.data_dir, &file)),
        Some(Command::Commit {
            text,
            section,
            review_in,
        }) => finish(commands::commitments::commit(
            &toolkit,
            cli.data_dir,
            &text.join(" "),
            section.as_deref(),
            review_in,
            jiff::Timestamp::now(),
        )),
        Some(Command::Commitments { json }) => finish(commands::commitments::commitments(
            &toolkit,
            cli.data_dir,
            json,
            allyship::journal::record::local_day(jiff::Timestamp::now()),
        )),
        Some(Command::CheckIn { number, text }) => {
            let text = if text.is_empty() {
                read_stdin("Say how it went, then press Ctrl-D on a line of its own:")
            } else {
                Ok(text.join(" "))
            };
            finish(match text {
                Ok(text) => commands::commitments::check_in(
                    cli.data_dir,
                    number,
                    &text,
                    jiff::Timestamp::now(),
                ),
                Err(e) => Output {
                    stdout: String::new(),
                    stderr: format!("Nothing was kept: standard input could not be read: {e}\n"),
                    code: 1,
                },
            })
        }
        Some(Command::Present {
            sections,
            resume,
            discuss_minutes,
            theme,
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
        Some(Command::Walkthroughs { json }) => finish(walkthroughs(&toolkit, cli.data_dir, json)),
        Some(Command::Completions { shell }) => finish(Output {
            stdout: allyship::cli::completions(shell),
            stderr: String::new(),
            code: 0,
        }),
        Some(Command::Man) => finish(Output {
            stdout: allyship::cli::man_page(),
            stderr: String::new(),
            code: 0,
        }),
        Some(Command::CheckContent { file, strict }) => {
            finish(commands::check_content(&file, strict))
        }
    }
}

/// The built-in toolkit, or the `--content` file if it loads without errors.
fn load_toolkit(cli: &Cli) -> Result<Toolkit, Output> {
    let Some(path) = &cli.content else {
        return Ok(content::built_in());
    };
    let failed = |stderr: String| Output {
        stdout: String::new(),
        stderr,
        code: commands::EXIT_BAD_CONTENT,
    };
    let text = std::fs::read_to_string(path).map_err(|e| {
        failed(format!(
            "Could not read the toolkit {}: {e}\n",
            path.display()
        ))
    })?;
    let loaded = content::load(&text);
    let mut report = String::new();
    for problem in &loaded.problems {
        report.push_str(&format!("{}: {problem}\n", path.display()));
    }
    match loaded.toolkit {
        Some(toolkit) => {
            if !report.is_empty() {
                eprint!("{}", printable(&report));
            }
            Ok(toolkit)
        }
        None => {
            let errors = loaded
                .problems
                .iter()
                .filter(|p| p.severity == Severity::Error)
                .count();
            report.push_str(&format!(
                "The toolkit {} has {} and was not opened. \
                 Check it with: allyship check-content {}\n",
                path.display(),
                allyship::journal::report::count(errors, "error", "errors"),
                path.display()
            ));
            Err(failed(report))
        }
    }
}

/// Asks on the terminal before starting over, saying what goes; anything
/// but "y" keeps the journal. With no journal there is nothing to ask.
fn confirm_reset(data_dir: Option<std::path::PathBuf>) -> bool {
    let Some(question) = commands::reset_question(data_dir) else {
        return true;
    };
    eprint!("{question}");
    let mut answer = String::new();
    std::io::stdin().read_line(&mut answer).is_ok() && answer.trim().eq_ignore_ascii_case("y")
}

/// All of standard input as text, asking for it first (on standard error)
/// when it is a terminal.
fn read_stdin(ask: &str) -> std::io::Result<String> {
    use std::io::Read as _;
    let stdin = std::io::stdin();
    if stdin.is_terminal() {
        eprintln!("{ask}");
    }
    let mut text = String::new();
    stdin.lock().read_to_string(&mut text)?;
    Ok(text)
}

/// The theme: `--theme` (remembered for next time), else the remembered one;
/// `NO_COLOR` always wins.
fn choose_theme(asked: Option<ThemeName>, data_dir: Option<&std::path::Path>) -> Theme {
    let dir = settings::settings_dir(data_dir);
    let mut remembered = dir.as_deref().map(settings::load).unwrap_or_default();
    if let Some(name) = asked
        && name != remembered.theme
    {
        remembered.theme = name;
        if let Some(dir) = &dir
            && let Err(e) = settings::save(dir, &remembered)
        {
            eprintln!(
                "The theme could not be remembered: {}",
                printable(&e.to_string())
            );
        }
    }
    Theme::choose(remembered.theme, std::env::var_os("NO_COLOR").as_deref())
}

fn run_reader(
    toolkit: Toolkit,
    theme: Theme,
    data_dir: Option<std::path::PathBuf>,
    first_frame: bool,
) -> ExitCode {
    if !std::io::stdout().is_terminal() {
        eprintln!(
            "allyship opens full-screen in a terminal. For plain text, try `allyship list` \
             or `allyship read --all`."
        );
        return ExitCode::from(2);
    }
    let mut app = App::new(toolkit, 80, 24);
    app.theme = theme;
    app.settings_dir = settings::settings_dir(data_dir.as_deref());
    // A quick look (everything but the calendar of days) for the first
    // frame: marks and the place to continue from.
    let peeked = allyship::journal::store::data_dir(data_dir.clone())
        .ok()
        .and_then(|dir| allyship::journal::store::peek(&dir));
    let resumed = peeked.is_some();
    if let Some(journal) = peeked {
        app.journal = journal;
        app.journal_kept = true;
        app.resume();
    }
    let open_journal = move |app: &mut App| {
        let (mut progress, journal, messages) =
            Progress::start(data_dir, std::time::Instant::now());
        progress.set_toolkit(allyship::toolkit::content::other_toolkit_name(&app.toolkit));
        app.journal_kept = progress.kept();
        app.journal = journal;
        if !resumed {
            app.resume();
        }
        if let Some(message) = messages.into_iter().next() {
            app.message = Some(message);
        }
        progress
    };
    match allyship::reader::tui::run(app, open_journal, first_frame) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("allyship stopped: {}", printable(&format!("{e:#}")));
            ExitCode::FAILURE
        }
    }
}

/// The terminal's width for plain text, or 80 when output is not a terminal.
fn terminal_width() -> u16 {
    if std::io::stdout().is_terminal() {
        ratatui::crossterm::terminal::size().map_or(80, |(w, _)| w.clamp(20, 1000))
    } else {
        80
    }
}

/// `allyship present`: a walkthrough full-screen, then one line saying
/// what the facilitator's log now holds.
fn run_presenter(
    toolkit: &Toolkit,
    data_dir: Option<std::path::PathBuf>,
    args: &[String],
    resume: bool,
    minutes: u16,
    theme: Theme,
) -> ExitCode {
    use allyship::present::{self, Options, Selection, log};
    let failed = |stderr: String, code| {
        finish(Output {
            stdout: String::new(),
            stderr,
            code,
        })
    };
    let mut sections = match Selection::parse(toolkit, args) {
        Ok(sections) => sections,
        Err(message) => return failed(format!("{message}\n"), commands::EXIT_NOT_FOUND),
    };
    let dir = allyship::journal::store::data_dir(data_dir);
    if resume && let Ok(dir) = &dir {
        let records = match log::list(dir) {
            Ok(records) => records,
            Err(e) => return failed(format!("Can't continue: {e}.\n"), 1),
        };
        if let Some(from) = log::next_after(&records, toolkit) {
            sections.retain(|&i| i >= from);
        } else if !records.is_empty() {
            sections.clear();
        }
        if sections.is_empty() {
            let message = "Nothing is left to continue: the last walkthrough got past these \
                           sections. Start again with: allyship present\n";
            return failed(message.into(), 0);
        }
    }
    if !std::io::stdout().is_terminal() {
        let message = "allyship present opens full-screen in a terminal. For plain text, \
                       try `allyship read --all`.\n";
        return failed(message.into(), 2);
    }
    let options = Options {
        discuss: std::time::Duration::from_secs(u64::from(minutes) * 60),
        theme,
    };
    let mut terminal = ratatui::init();
    let result = present::run(&mut terminal, toolkit, sections, options, dir.ok());
    ratatui::restore();
    match result {
        Ok(ended) => {
            if let Some(problem) = ended.problem {
                eprintln!("{}", printable(&problem.to_string()));
            } else if let Some(record) = ended.record {
                let tz = jiff::tz::TimeZone::system();
                let line = log::describe(&record, toolkit, &tz);
                println!("Walkthrough: {}", printable(&line));
            }
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("allyship stopped: {}", printable(&format!("{e:#}")));
            ExitCode::FAILURE
        }
    }
}

/// `allyship walkthroughs`: the facilitator's log as plain lines or JSON.
fn walkthroughs(toolkit: &Toolkit, data_dir: Option<std::path::PathBuf>, json: bool) -> Output {
    use allyship::present::log;
    let listed = allyship::journal::store::data_dir(data_dir)
        .map_err(|e| e.to_string())
        .and_then(|dir| log::list(&dir).map_err(|e| e.to_string()));
    match listed {
        Ok(records) if json => Output {
            stdout: log::json(&records),
            stderr: String::new(),
            code: 0,
        },
        Ok(records) => Output {
            stdout: log::plain(&records, toolkit, &jiff::tz::TimeZone::system()),
            stderr: String::new(),
            code: 0,
        },
        Err(e) => Output {
            stdout: String::new(),
            stderr: format!("The walkthroughs can't be listed: {e}.\n"),
            code: 1,
        },
    }
}

/// Prints a plain command's output, every byte through the one sanitiser:
/// no control sequence from a journal, a toolkit or a file name reaches the
/// terminal (JSON stays valid: the escapes are JSON's own).
fn finish(output: Output) -> ExitCode {
    print_out(&printable(&output.stdout), output.stderr, output.code)
}

/// Prints output whose standard output is already safe (`read --color`:
/// the app's own colour codes around printable text).
fn finish_coloured(output: Output) -> ExitCode {
    print_out(&output.stdout, output.stderr, output.code)
}

/// Writes standard output, then standard error (made printable); a failed
/// write is an error with a line saying so, but a closed pipe stays quiet.
fn print_out(stdout_text: &str, mut stderr: String, code: i32) -> ExitCode {
    let mut code = u8::try_from(code).unwrap_or(1);
    let mut stdout = std::io::stdout().lock();
    let written = stdout
        .write_all(stdout_text.as_bytes())
        .and_then(|()| stdout.flush());
    match written {
        // A closed pipe (`allyship read --all | head`) is the reader's
        // choice, not an error: stay quiet, as `cat` does.
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => {}
        Err(e) => {
            stderr.push_str(&format!("allyship: the output could not be written: {e}\n"));
            code = 1;
        }
        Ok(()) => {}
    }
    let _ = std::io::stderr().write_all(printable(&stderr).as_bytes());
    ExitCode::from(code)
}
