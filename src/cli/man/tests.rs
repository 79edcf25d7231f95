use super::sections::{presenter_tables, reader_tables, variables};
use super::*;

/// Roff text as `man` shows it: font changes dropped, escapes undone.
fn plain(roff: &str) -> String {
    roff.replace("\\fB", "")
        .replace("\\fI", "")
        .replace("\\fR", "")
        .replace("\\-", "-")
        .replace("\\(aq", "'")
        .replace("\\(ga", "`")
        .replace("\\&", "")
        .replace("\\ ", " ")
        .replace("\\e", "\\")
}

/// The roff of one `.SH` section, up to the next.
fn section(page: &str, name: &str) -> String {
    let start = page
        .find(&format!(".SH {name}\n"))
        .unwrap_or_else(|| panic!("no {name} section"));
    let rest = &page[start + 4..];
    let end = rest.find("\n.SH ").map_or(rest.len(), |i| i + 1);
    rest[..end].to_string()
}

#[test]
fn the_page_has_every_section_in_order() {
    let page = page();
    let mut at = 0;
    for name in [
        "NAME",
        "SYNOPSIS",
        "DESCRIPTION",
        "OPTIONS",
        "COMMANDS",
        "EXAMPLES",
        "KEYS",
        "FILES",
        "ENVIRONMENT",
        "VERSION",
    ] {
        let found = page[at..]
            .find(&format!("\n.SH {name}\n"))
            .unwrap_or_else(|| panic!("{name} missing or out of order"));
        at += found + 1;
    }
}

#[test]
fn the_page_names_no_other_page() {
    let page = plain(&page());
    // Every reference of the form `name(1)`: none, since this page is the
    // only one generated and installed.
    let references: Vec<&str> = page
        .match_indices("(1)")
        .map(|(i, _)| {
            let before = &page[..i];
            let start = before
                .rfind(|c: char| c.is_whitespace())
                .map_or(0, |s| s + 1);
            &page[start..i]
        })
        .collect();
    assert!(references.is_empty(), "{references:?}");
    for command in Cli::command().get_subcommands() {
        let name = format!("allyship-{}", command.get_name());
        assert!(!page.contains(&name), "{name}");
    }
}

#[test]
fn every_command_and_each_of_its_options_is_described() {
    let commands = plain(&section(&page(), "COMMANDS"));
    for command in Cli::command().get_subcommands() {
        let name = command.get_name();
        assert!(
            commands.contains(&format!(".SS \"allyship {name}\"")),
            "{name}"
        );
        for arg in command.get_arguments().filter(|a| !a.is_hide_set()) {
            let shown = match arg.get_long() {
                Some(long) => format!("--{long}"),
                None => arg
                    .get_value_names()
                    .and_then(|v| v.first().map(ToString::to_string))
                    .unwrap_or_default(),
            };
            assert!(commands.contains(&shown), "allyship {name} {shown}");
        }
    }
}

#[test]
fn every_key_of_every_key_table_is_listed_with_what_it_does() {
    let keys = plain(&section(&page(), "KEYS"));
    let mut checked = 0;
    let mut check = |keys_text: String, does: &str| {
        let entry = format!("{keys_text}\n{does}\n");
        assert!(keys.contains(&entry), "{entry:?} is not in KEYS");
        checked += 1;
    };
    for (_, table) in reader_tables() {
        for binding in table {
            check(keymap_keys(binding), binding.does);
        }
    }
    for (_, table) in presenter_tables() {
        for binding in table {
            check(keymap_keys(binding), binding.does);
        }
    }
    assert!(checked > 80, "{checked}");
    for single in [
        "Ctrl-C", "Ctrl-Z", "Ctrl-S", "Alt+Left", "0-9", "F1", "Space",
    ] {
        assert!(keys.contains(single), "{single}");
    }
}

fn keymap_keys<A>(binding: &crate::reader::keymap::Binding<A>) -> String {
    crate::reader::keymap::describe_keys(binding)
}

#[test]
fn every_window_the_app_can_open_has_its_keys_in_the_page() {
    use crate::reader::app::Overlay;
    use crate::reader::editor::TextInput;
    // A table by what it holds (a constant has no one address to compare).
    let signature = |table: &[crate::reader::keymap::Binding]| -> Vec<(String, &'static str)> {
        table.iter().map(|b| (keymap_keys(b), b.does)).collect()
    };
    let listed: Vec<_> = reader_tables()
        .into_iter()
        .map(|(_, t)| signature(t))
        .collect();
    let windows = [
        None,
        Some(Overlay::Help {
            scroll: 0,
            under: None,
        }),
        Some(Overlay::Journal {
            selected: 0,
            scroll: 0,
        }),
        Some(Overlay::Note(Box::new(TextInput::note("a", "")))),
        Some(Overlay::Bookmarks { selected: 0 }),
        Some(Overlay::Label(Box::new(TextInput::label("a", "")))),
        Some(Overlay::Notes { selected: 0 }),
        Some(Overlay::Links { selected: 0 }),
        Some(Overlay::ConfirmQuit),
        Some(Overlay::Commit(Box::new(
            crate::reader::app::CommitWindow::new("a"),
        ))),
        Some(Overlay::Commit(Box::new(
            crate::reader::app::CommitWindow {
                on_date: true,
                ..crate::reader::app::CommitWindow::new("a")
            },
        ))),
        Some(Overlay::CheckIn(Box::new(
            crate::reader::app::CheckInWindow::new("a", Vec::new()),
        ))),
        Some(Overlay::CheckIn(Box::new(
            crate::reader::app::CheckInWindow {
                focus: crate::reader::app::CheckInFocus::LetGo,
                ..crate::reader::app::CheckInWindow::new("a", Vec::new())
            },
        ))),
        Some(Overlay::Search {
            input: Box::new(TextInput::label("a", "")),
            selected: 0,
        }),
    ];
    for window in &windows {
        let table = crate::reader::keymap::table(window.as_ref());
        assert!(
            listed.contains(&signature(table)),
            "the keys of {window:?} are not in the manual"
        );
    }
}

#[test]
fn examples_never_run_past_an_80_column_screen() {
    let page = page();
    let mut in_listing = false;
    let mut examples = 0;
    for line in page.lines() {
        match line {
            ".nf" => in_listing = true,
            ".fi" => in_listing = false,
            _ if in_listing => {
                examples += 1;
                let shown = plain(line);
                assert!(
                    shown.chars().count() <= EXAMPLE_COLUMNS,
                    "{shown:?} is {} columns",
                    shown.chars().count()
                );
            }
            _ => {}
        }
    }
    assert!(examples >= 15, "{examples} example lines");
    // Nothing but examples is set without filling, so nothing else can
    // run past the edge.
    assert!(!in_listing, "a listing is left open");
}

#[test]
fn a_long_example_is_continued_so_it_still_runs_as_pasted() {
    let long = "allyship completions bash > ~/.local/share/bash-completion/completions/allyship";
    let lines = continued(long, 60);
    assert!(lines.len() > 1, "{lines:?}");
    for line in &lines[..lines.len() - 1] {
        assert!(line.ends_with(" \\"), "{line:?}");
    }
    assert!(lines.iter().all(|l| l.chars().count() <= 60), "{lines:?}");
    let rejoined: Vec<&str> = lines
        .iter()
        .map(|l| l.trim_end_matches(" \\").trim())
        .collect();
    assert_eq!(rejoined.join(" "), long);
    assert_eq!(continued("allyship list", 60), vec!["allyship list"]);
}

#[test]
fn files_name_the_files_the_code_uses() {
    let files = plain(&section(&page(), "FILES"));
    for name in [
        crate::journal::store::JOURNAL_FILE,
        crate::journal::store::LOCK_FILE,
        crate::journal::settings::SETTINGS_FILE,
        crate::present::log::LOG_FILE,
        "rescued",
        ".broken-",
        ".reset-",
        "-backup",
    ] {
        assert!(files.contains(name), "{name}");
    }
}

#[test]
fn every_environment_variable_the_code_reads_is_described() {
    let environment = plain(&section(&page(), "ENVIRONMENT"));
    for (name, _) in variables() {
        assert!(environment.contains(&format!(".TP\n{name}\n")), "{name}");
    }
    // Variables named in the source: `env::var("NAME")` and friends.
    let not_for_people = [
        // A hook for a test of the terminal being restored after a panic.
        "ALLYSHIP_TEST_PANIC",
        // Read only on Windows, for which this page is not written.
        "USERNAME",
    ];
    let mut found = Vec::new();
    let src = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    read_names(&src, &mut found);
    assert!(found.contains(&"NO_COLOR".to_string()), "{found:?}");
    for name in found {
        if !not_for_people.contains(&name.as_str()) {
            assert!(
                environment.contains(&format!(".TP\n{name}\n")),
                "{name} is read but not in ENVIRONMENT"
            );
        }
    }
}

/// Names in `env::var("…")` and `env::var_os("…")` in every file under `dir`.
fn read_names(dir: &std::path::Path, found: &mut Vec<String>) {
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let path = entry.path();
        if path.is_dir() {
            read_names(&path, found);
        } else if path.extension().is_some_and(|e| e == "rs") && !path.ends_with("cli/man/tests.rs")
        {
            let source = std::fs::read_to_string(&path).unwrap();
            for call in ["env::var(\"", "env::var_os(\""] {
                for (i, _) in source.match_indices(call) {
                    let rest = &source[i + call.len()..];
                    if let Some(end) = rest.find('"') {
                        found.push(rest[..end].to_string());
                    }
                }
            }
        }
    }
}

/// The page as `man` shows it at 80 columns, where `man` is installed:
/// no line longer than the screen, every example whole on its line.
#[test]
fn man_shows_the_page_within_80_columns() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("allyship.1");
    std::fs::write(&file, page()).unwrap();
    let shown = std::process::Command::new("man")
        .arg("-l")
        .arg(&file)
        .env("MANWIDTH", "80")
        .env("MAN_KEEP_FORMATTING", "")
        .env("MANPAGER", "cat")
        .env("PAGER", "cat")
        .output();
    let Some(shown) = shown
        .ok()
        .filter(|o| o.status.success() && !o.stdout.is_empty())
    else {
        eprintln!("man is not installed here: the page's widths are checked in roff only");
        return;
    };
    let text = String::from_utf8_lossy(&shown.stdout).replace(['\u{2010}', '\u{2212}'], "-");
    for line in text.lines() {
        assert!(line.chars().count() <= 80, "{line:?}");
    }
    for example in [
        "allyship export --format json --output backup.json",
        "allyship read scenario-joke-in-a-meeting --answers",
        "allyship completions bash > \\",
    ] {
        assert!(
            text.lines().any(|l| l.trim() == example),
            "{example:?} is not whole on one line:\n{text}"
        );
    }
}
