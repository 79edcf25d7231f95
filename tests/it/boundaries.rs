//! The state machines do not reach into drawing code: `update` (and its
//! submodules), the app state and key tables it works on, the layout it
//! measures with, and the presenter's state and keys name no view. The one
//! thing from `ui` they may name is `ui::theme`, the palette the state
//! holds (`App::theme`, the presenter's options), which draws nothing.
//!
//! Read from the sources, so a new `use crate::reader::ui::journal` in `update`
//! fails here rather than quietly coupling the two again.

use std::path::{Path, PathBuf};

/// The files that must not name a view: the pure state side.
fn state_side() -> Vec<PathBuf> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let reader = src.join("reader");
    let mut files = vec![
        reader.join("update.rs"),
        reader.join("app.rs"),
        reader.join("keymap.rs"),
        reader.join("layout.rs"),
        src.join("present/state.rs"),
        src.join("present/keys.rs"),
    ];
    for dir in ["update", "app", "keymap", "layout"] {
        files.extend(rust_files(&reader.join(dir)));
    }
    files.extend(window_state_side());
    files
}

/// In every window folder (`reader/windows/<name>/`), the files on the
/// state side: all but `draw.rs`, the shared `drawing.rs` and the `mod.rs`
/// that declare the modules, tests aside.
fn window_state_side() -> Vec<PathBuf> {
    let windows = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/reader/windows");
    rust_files(&windows)
        .into_iter()
        .filter(|p| {
            !matches!(
                p.file_name().and_then(|n| n.to_str()),
                Some("draw.rs" | "drawing.rs" | "mod.rs")
            )
        })
        .collect()
}

/// What in `code` names a window's view: its `draw` module, the shared
/// `drawing`, or ratatui's frame and widgets.
fn draws_named(code: &str) -> Vec<String> {
    let first_line = |s: &str| s.lines().next().unwrap_or("").to_string();
    ["draw", "drawing", "Frame", "widgets"]
        .into_iter()
        .flat_map(|word| {
            uses(code, word)
                .into_iter()
                .map(move |after| format!("{word}{}", first_line(after)))
        })
        .collect()
}

#[test]
fn no_window_update_keys_state_or_layout_imports_its_draw_file() {
    let files = window_state_side();
    let names: Vec<_> = files.iter().filter_map(|p| p.file_name()).collect();
    assert!(
        names.iter().filter(|n| **n == "update.rs").count() >= 8,
        "found only {files:?}"
    );
    let mut found = Vec::new();
    for path in &files {
        let code = code(path);
        for naming in draws_named(&code).into_iter().chain(views_named(&code)) {
            found.push(format!("{}: {naming}", path.display()));
        }
    }
    assert!(
        found.is_empty(),
        "a window's state side names its view (lay it out in its `layout.rs`):\n{}",
        found.join("\n")
    );
}

#[test]
fn the_window_check_would_see_a_draw_file_imported() {
    for bad in [
        "use crate::reader::windows::note::draw::draw_note;",
        "use super::draw;",
        "fn f(frame: &mut ratatui::Frame) {}",
        "use ratatui::widgets::Paragraph;",
    ] {
        assert!(!draws_named(&code_of(bad)).is_empty(), "missed: {bad}");
    }
    assert!(draws_named(&code_of("// drawn by draw.rs\nlet s = \"draw\";")).is_empty());
}

/// Every `.rs` file under `dir` (none if it does not exist), except test
/// modules: a test may look at what a view shows to check what a person sees.
fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let Ok(entries) = std::fs::read_dir(dir) else {
        return out;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
        if path.is_dir() {
            if name != "tests" {
                out.extend(rust_files(&path));
            }
        } else if name.ends_with(".rs") && !matches!(name, "tests.rs" | "test_support.rs") {
            out.push(path);
        }
    }
    out
}

/// The code of a file outside its `#[cfg(test)]` part: tests may build an
/// app or draw a view to check what a person sees.
fn code_outside_tests(path: &Path) -> String {
    let code = code(path);
    match code.find("#[cfg(test)]") {
        Some(at) => code[..at].to_string(),
        None => code,
    }
}

/// The code of a file, without its comments and string literals (doc
/// comments may say which view draws a thing; messages say "view").
fn code(path: &Path) -> String {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    code_of(&text)
}

/// The code in `text`: `//` comments and `"..."` strings blanked (a `'"'`
/// character stays out of the way; a raw string would end early, which
/// only leaves more to check).
fn code_of(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '/' if chars.peek() == Some(&'/') => {
                for c in chars.by_ref() {
                    if c == '\n' {
                        out.push('\n');
                        break;
                    }
                }
            }
            '\'' if chars.peek() == Some(&'"') => {
                chars.next();
                out.push_str("' '");
            }
            '"' => {
                out.push(' ');
                while let Some(c) = chars.next() {
                    match c {
                        '\\' => {
                            chars.next();
                        }
                        '"' => break,
                        '\n' => out.push('\n'),
                        _ => {}
                    }
                }
            }
            _ => out.push(c),
        }
    }
    out
}

/// Each place `word` stands as a whole identifier in `code`, with the text
/// after it.
fn uses<'c>(code: &'c str, word: &str) -> Vec<&'c str> {
    let ident = |c: char| c.is_alphanumeric() || c == '_';
    code.match_indices(word)
        .filter(|(at, _)| !code[..*at].ends_with(ident))
        .map(|(at, _)| &code[at + word.len()..])
        .filter(|after| !after.starts_with(ident))
        .collect()
}

/// What in `code` names a view: `ui` other than `ui::theme`, or `view`.
fn views_named(code: &str) -> Vec<String> {
    let first_line = |s: &str| s.lines().next().unwrap_or("").to_string();
    let ui = uses(code, "ui")
        .into_iter()
        .filter(|after| !after.starts_with("::theme::"))
        .map(|after| format!("ui{}", first_line(after)));
    let view = uses(code, "view")
        .into_iter()
        .map(|after| format!("view{}", first_line(after)));
    ui.chain(view).collect()
}

#[test]
fn update_and_the_presenters_state_name_no_view() {
    let files = state_side();
    assert!(files.len() >= 8, "found only {files:?}");
    let mut found = Vec::new();
    for path in &files {
        for naming in views_named(&code(path)) {
            found.push(format!("{}: {naming}", path.display()));
        }
    }
    assert!(
        found.is_empty(),
        "the state side names a view (lay it out in `layout` instead):\n{}",
        found.join("\n")
    );
}

#[test]
fn the_check_would_see_a_view_named_in_any_of_the_usual_ways() {
    for bad in [
        "use crate::reader::ui::{help, journal};",
        "use crate::reader::ui;",
        "let n = crate::reader::ui::journal::rows(app, 80).len();",
        "use super::view;",
        "use crate::present::view::draw;",
        "use super::{keys, view};",
        "let s = \"view\"; use crate::reader::ui::journal;",
    ] {
        assert!(!views_named(&code_of(bad)).is_empty(), "missed: {bad}");
    }
    for fine in [
        "use crate::theme::Theme;",
        "app.theme = crate::theme::Theme::named(name);",
        "let guide = overview(app); // drawn by ui::journal",
        "fn build_ui_rows() {}",
        "let preview = 3;",
        "let heading = \"Keys in the reading view\";",
        "let quote = '\"'; let s = \"a \\\" view\";",
    ] {
        assert!(views_named(&code_of(fine)).is_empty(), "flagged: {fine}");
    }
}

/// The parts of `src/` and what each may not use, as each folder's module
/// comment says: the toolkit stands alone; the terminal (shared by the two
/// screens) uses no part; the journal never reaches the records (which are
/// built on it) nor the screens; the reader and the presenter never name
/// each other (`cli` hands the reader its walkthrough); only the command
/// line (`cli`, which `main` calls) reaches the plain commands, and they
/// never reach back.
const PARTS: &[(&str, &[&str])] = &[
    (
        "toolkit",
        &[
            "journal", "reader", "records", "present", "commands", "cli", "terminal",
        ],
    ),
    (
        "terminal",
        &[
            "toolkit", "journal", "reader", "records", "present", "commands", "cli",
        ],
    ),
    (
        "journal",
        &[
            "records", "reader", "present", "commands", "cli", "terminal",
        ],
    ),
    (
        "records",
        &["reader", "present", "commands", "cli", "terminal"],
    ),
    ("reader", &["present", "commands", "cli"]),
    ("present", &["reader", "commands", "cli"]),
    ("commands", &["cli"]),
    // The guide draws nothing, but shares the app's one stop flag.
    ("guide", &["reader", "present", "commands", "cli"]),
];

/// Each `crate::PART` that `code` names, for the parts in `forbidden`.
fn parts_named(code: &str, forbidden: &[&str]) -> Vec<String> {
    forbidden
        .iter()
        .filter(|part| !uses(code, &format!("crate::{part}")).is_empty())
        .map(|part| format!("crate::{part}"))
        .collect()
}

#[test]
fn each_part_uses_only_what_its_folder_allows() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut found = Vec::new();
    let mut files_seen = 0;
    for (part, forbidden) in PARTS {
        let files = rust_files(&src.join(part));
        assert!(!files.is_empty(), "no files under src/{part}");
        files_seen += files.len();
        for path in files {
            for naming in parts_named(&code_outside_tests(&path), forbidden) {
                found.push(format!("{}: {naming}", path.display()));
            }
        }
    }
    assert!(files_seen >= 60, "only {files_seen} files found");
    assert!(
        found.is_empty(),
        "a part reaches where its folder's comment says it may not:\n{}",
        found.join("\n")
    );
}

#[test]
fn the_parts_check_would_see_a_part_named() {
    let forbidden = &["reader", "present"];
    for bad in [
        "use crate::reader::app::App;",
        "let a = crate::present::run(x);",
        "use crate::reader::{app, ui};",
    ] {
        assert!(
            !parts_named(&code_of(bad), forbidden).is_empty(),
            "missed: {bad}"
        );
    }
    for fine in [
        "use crate::toolkit::content::Toolkit;",
        "// crate::reader::app is the state",
        "let s = \"crate::present\";",
        "use crate::readers_digest;",
    ] {
        assert!(
            parts_named(&code_of(fine), forbidden).is_empty(),
            "flagged: {fine}"
        );
    }
}

#[test]
fn src_has_few_loose_files() {
    // The tree shows the architecture: each part in its folder, and only
    // the files that belong to no part loose in `src/`.
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let loose: Vec<String> = std::fs::read_dir(&src)
        .unwrap()
        .flatten()
        .filter(|e| e.path().is_file())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    assert!(
        loose.len() <= 8,
        "{} loose files in src/: {loose:?}",
        loose.len()
    );
}

/// Where `code` assigns to a field of the app (`app.message = …`,
/// `self.app.journal = …`), one line each.
fn app_fields_set(code: &str) -> Vec<String> {
    uses(code, "app")
        .into_iter()
        .filter_map(|after| {
            let field = after.strip_prefix('.')?;
            let name_end = field
                .find(|c: char| !(c.is_alphanumeric() || c == '_'))
                .unwrap_or(field.len());
            let rest = field[name_end..].trim_start();
            let assigns = rest.starts_with('=') && !rest.starts_with("==");
            assigns.then(|| format!("app.{}", &field[..name_end]))
        })
        .collect()
}

/// Only `update` changes the app: the run loop, its effects and the
/// command line tell it what they learned (`update::learned`) rather than
/// write into it. Setting up a new app before the first frame (its theme,
/// its settings folder) is building it, not changing it.
#[test]
fn only_update_changes_the_app() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = rust_files(&src.join("reader/tui"));
    files.push(src.join("reader/tui.rs"));
    files.extend(rust_files(&src.join("cli")));
    files.push(src.join("cli.rs"));
    let building = ["app.theme", "app.settings_dir"];
    let mut found = Vec::new();
    for path in &files {
        for field in app_fields_set(&code_outside_tests(path)) {
            let start = path.ends_with("cli/start.rs");
            if !(start && building.contains(&field.as_str())) {
                found.push(format!("{}: {field} = …", path.display()));
            }
        }
    }
    assert!(files.len() >= 8, "found only {files:?}");
    assert!(
        found.is_empty(),
        "the app is changed outside `update` (send it a `Learned` instead):\n{}",
        found.join("\n")
    );
}

#[test]
fn the_check_would_see_the_app_changed() {
    for bad in [
        "self.app.message = Some(said);",
        "app.today = jiff::Zoned::now().date();",
        "session.app.read_only = x;",
    ] {
        assert_eq!(app_fields_set(&code_of(bad)).len(), 1, "missed: {bad}");
    }
    for fine in [
        "if app.message == None {}",
        "let m = &self.app.message;",
        "update(&mut self.app, action);",
        "let happy = 1;",
    ] {
        assert!(app_fields_set(&code_of(fine)).is_empty(), "flagged: {fine}");
    }
}
