//! Starting up: the toolkit to use (`--content` or the built-in one), the
//! theme (remembered), and the reader and the presenter full-screen.

use super::Cli;
use super::terminal::finish;
use crate::commands::{self, Output};
use crate::journal::progress::Progress;
use crate::journal::settings;
use crate::reader::action::Learned;
use crate::reader::app::App;
use crate::sanitise::printable;
use crate::theme::{Theme, ThemeName};
use crate::toolkit::content::{self, Severity, Toolkit};
use std::io::IsTerminal;
use std::process::ExitCode;

/// The built-in toolkit, or the `--content` file (or Markdown folder) if it
/// loads without errors.
pub(super) fn load_toolkit(cli: &Cli) -> Result<Toolkit, Output> {
    let Some(path) = &cli.content else {
        return Ok(content::built_in());
    };
    let failed = |stderr: String| Output {
        stdout: String::new(),
        stderr,
        code: commands::EXIT_BAD_CONTENT,
    };
    // Only the errors: the warnings are advice for the toolkit's authors,
    // which `check-content` gives, and they took most of the time to a
    // large toolkit's first frame.
    let loaded = crate::input::folder::load_toolkit_checking(path, content::Checks::Errors)
        .map_err(|e| {
            failed(format!(
                "Could not read the toolkit {}: {e}\n",
                path.display()
            ))
        })?;
    let mut report = String::new();
    for problem in &loaded.problems {
        report.push_str(&problem.located(path));
        report.push('\n');
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
                crate::journal::report::count(errors, "error", "errors"),
                path.display()
            ));
            Err(failed(report))
        }
    }
}

/// The theme: `--theme` (remembered for next time), else the remembered one;
/// `NO_COLOR` always wins.
pub(super) fn choose_theme(asked: Option<ThemeName>, data_dir: Option<&std::path::Path>) -> Theme {
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

/// The full-screen reader, opened on a quick look at the journal and then
/// on the journal itself; only on a terminal.
pub(super) fn run_reader(
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
    let peeked = crate::journal::store::data_dir(data_dir.clone())
        .ok()
        .and_then(|dir| crate::journal::store::peek(&dir));
    let resumed = peeked.is_some();
    if let Some(journal) = peeked {
        let looked = Learned::JournalOpened {
            journal,
            kept: true,
            resume: true,
            message: None,
        };
        crate::reader::update::learned(&mut app, looked);
    }
    let open_journal = move |app: &App| {
        let (mut progress, journal, messages) =
            Progress::start(data_dir, std::time::Instant::now());
        progress.set_toolkit(crate::toolkit::content::other_toolkit_name(&app.toolkit));
        let opened = Learned::JournalOpened {
            journal,
            kept: progress.kept(),
            resume: !resumed,
            message: messages.into_iter().next(),
        };
        (progress, opened)
    };
    super::ending::status(crate::reader::tui::run(
        app,
        open_journal,
        first_frame,
        walkthrough,
    ))
}

/// A walkthrough asked for in the reader (`P`), on the reader's terminal,
/// and the line the reader shows on return.
fn walkthrough(asked: crate::reader::tui::Walkthrough<'_>) -> anyhow::Result<String> {
    let options = crate::present::Options {
        theme: asked.theme,
        ..crate::present::Options::default()
    };
    let ended = crate::present::run_with(
        asked.terminal,
        asked.toolkit,
        asked.sections,
        options,
        asked.log_dir,
        asked.next_event,
        asked.stop,
    )?;
    Ok(match (ended.problem, ended.record) {
        (Some(problem), _) => problem,
        (None, Some(_)) => {
            "Walkthrough kept in the facilitator's log (allyship walkthroughs).".into()
        }
        (None, None) => "Back to reading.".into(),
    })
}

/// `allyship present`: a walkthrough full-screen, then one line saying
/// what the facilitator's log now holds.
pub(super) fn run_presenter(
    toolkit: &Toolkit,
    data_dir: Option<std::path::PathBuf>,
    args: &[String],
    resume: bool,
    minutes: u16,
    theme: Theme,
) -> ExitCode {
    use crate::present::{self, Options, Selection, log};
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
    let data_dir_again = data_dir.clone();
    let dir = crate::journal::store::data_dir(data_dir);
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
    let mut terminal = match crate::reader::tui::init_quiet() {
        Ok(terminal) => terminal,
        Err(e) => {
            crate::reader::tui::restore();
            return super::ending::status(Err(e.into()));
        }
    };
    let result = present::run(&mut terminal, toolkit, sections, options, dir.ok());
    // Ours, not ratatui's: it says nothing (ratatui's printed, and panicked
    // when the terminal had gone).
    crate::reader::tui::restore();
    let ended = match result {
        Ok(ended) => ended,
        Err(e) => return super::ending::status(Err(e)),
    };
    if let Some(problem) = ended.problem {
        super::ending::tell(&printable(&problem.to_string()));
    } else if let Some(record) = ended.record {
        let tz = jiff::tz::TimeZone::system();
        let line = log::describe(&record, toolkit, &tz);
        super::ending::say(&format!("Walkthrough: {}", printable(&line)));
        offer_discussion(toolkit, data_dir_again, &record);
    }
    ExitCode::SUCCESS
}

/// Once a walkthrough has reached its end (the terminal back to plain lines), offers
/// the facilitator to keep it as a peer discussion in their own journal,
/// with its sections and minutes filled in: only who it was with is asked.
/// Skipped when standard input is not a terminal, or on an empty answer.
fn offer_discussion(
    toolkit: &Toolkit,
    data_dir: Option<std::path::PathBuf>,
    record: &crate::present::log::Record,
) {
    use crate::commands::discussed::{self, DiscussedRequest};
    let Some((sections, minutes)) = discussed::from_walkthrough(record) else {
        return;
    };
    // Never on the way out after a signal or a closed terminal, nor without
    // a person at the keyboard.
    let stopping = crate::reader::tui::stop_flag().load(std::sync::atomic::Ordering::Relaxed);
    if stopping || !std::io::stdin().is_terminal() {
        return;
    }
    eprint!(
        "{}",
        discussed::walkthrough_question(sections.len(), minutes)
    );
    let mut with = String::new();
    if std::io::stdin().read_line(&mut with).is_err() || with.trim().is_empty() {
        return;
    }
    let minutes = minutes.to_string();
    let request = DiscussedRequest {
        sections: &sections,
        minutes: &minutes,
        with: with.trim(),
        on: None,
        outcome: None,
    };
    let _ = finish(discussed::discussed(
        toolkit,
        data_dir,
        &request,
        jiff::Timestamp::now(),
    ));
}

/// `allyship present --notes`: the facilitator's own screen, following the
/// walkthrough in another terminal; only on a terminal.
pub(super) fn run_notes(data_dir: Option<std::path::PathBuf>) -> ExitCode {
    let dir = match crate::journal::store::data_dir(data_dir) {
        Ok(dir) => dir,
        Err(e) => {
            eprintln!(
                "{}",
                printable(&format!("Can't follow a walkthrough: {e}."))
            );
            return ExitCode::FAILURE;
        }
    };
    if !std::io::stdout().is_terminal() {
        eprintln!("allyship present --notes opens full-screen in a terminal.");
        return ExitCode::from(2);
    }
    let mut terminal = match crate::reader::tui::init_quiet() {
        Ok(terminal) => terminal,
        Err(e) => {
            crate::reader::tui::restore();
            return super::ending::status(Err(e.into()));
        }
    };
    let result = crate::present::follow::run(&mut terminal, &dir);
    crate::reader::tui::restore();
    super::ending::status(result)
}
