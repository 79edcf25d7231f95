//! The plain commands, run as a script would: no terminal, output in pipes.

use std::path::Path;
use std::process::{Command, Output, Stdio};

/// A JSON syntax error on line 3 (the extra comma).
const BAD_JSON: &str = "{\n  \"title\": \"Broken\",\n  ,\n}\n";

/// Runs `allyship args` with stdin closed, its data dir in `data_dir`.
fn run_in(data_dir: &Path, args: &[&str]) -> Output {
    crate::common::commands::allyship(data_dir)
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("TERM", "xterm-256color")
        .stdin(Stdio::null())
        .output()
        .expect("run allyship")
}

/// Runs `allyship args` with a fresh, empty data dir.
fn run(args: &[&str]) -> Output {
    let data_dir = tempfile::tempdir().expect("temporary data dir");
    run_in(data_dir.path(), args)
}

fn stdout(out: &Output) -> String {
    String::from_utf8(out.stdout.clone()).expect("stdout is UTF-8")
}

fn stderr(out: &Output) -> String {
    String::from_utf8(out.stderr.clone()).expect("stderr is UTF-8")
}

/// Asserts the exit code, showing both streams if it differs.
#[track_caller]
fn assert_code(out: &Output, code: i32) {
    assert_eq!(
        out.status.code(),
        Some(code),
        "stdout:\n{}\nstderr:\n{}",
        stdout(out),
        stderr(out)
    );
}

#[test]
fn list_numbers_sections_and_shows_ids() {
    let out = run(&["list"]);
    assert_code(&out, 0);
    let text = stdout(&out);
    assert!(text.contains("  1. "), "{text}");
    assert!(text.contains("(tip-speak-up)"), "{text}");
}

#[test]
fn read_by_number_prints_plain_text() {
    let out = run(&["read", "3"]);
    assert_code(&out, 0);
    assert!(!out.stdout.is_empty());
    assert!(
        !out.stdout.contains(&0x1b),
        "escape byte in:\n{}",
        stdout(&out)
    );
}

#[test]
fn read_with_a_misspelt_id_suggests_the_right_one() {
    let out = run(&["read", "tip-speek-up"]);
    assert_code(&out, 2);
    let err = stderr(&out);
    assert!(err.contains("Did you mean: tip-speak-up"), "{err}");
}

#[test]
fn read_all_wraps_at_the_given_width() {
    let out = run(&["read", "--all", "--width", "60"]);
    assert_code(&out, 0);
    let text = stdout(&out);
    assert!(text.lines().count() > 100, "suspiciously short:\n{text}");
    for (i, line) in text.lines().enumerate() {
        let chars = line.chars().count();
        // A web address is never cut: it may run past the width, alone.
        let address = line.trim_start().starts_with("https://") && !line.trim().contains(' ');
        assert!(
            chars <= 60 || address,
            "line {} has {chars} chars: {line:?}",
            i + 1
        );
    }
}

#[test]
fn present_help_says_how_a_walkthrough_really_ends() {
    let help = stdout(&run(&["present", "--help"]));
    assert!(!help.contains("Esc or q leaves"), "{help}");
    assert!(help.contains("q then y ends (Esc only cancels)"), "{help}");
}

#[test]
fn read_never_cuts_a_web_address_and_width_0_wraps_nothing() {
    let long = "https://www.local.gov.uk/our-support/partners-care-and-health/adult-social-care-workforce/leading-middle-learning-and/leading-inclusively";
    for width in ["20", "60", "0"] {
        let out = run(&["read", "learn-online", "--width", width]);
        assert_code(&out, 0);
        let text = stdout(&out);
        assert!(
            text.lines().any(|l| l.trim() == long),
            "--width {width}:\n{text}"
        );
    }
    let unwrapped = stdout(&run(&["read", "learn-online", "--width", "0"]));
    assert!(
        unwrapped.contains(
            "\nThese links were shared by colleagues in the regions and local authorities of ADASS"
        ),
        "{unwrapped}"
    );
    assert_code(&run(&["read", "1", "--width", "5"]), 2);
}

#[test]
fn version_prints_the_version() {
    let out = run(&["--version"]);
    assert_code(&out, 0);
    let text = stdout(&out);
    assert!(
        text.starts_with("allyship ") && text.contains(env!("CARGO_PKG_VERSION")),
        "{text}"
    );
}

#[test]
fn help_shows_examples() {
    let out = run(&["--help"]);
    assert_code(&out, 0);
    assert!(stdout(&out).contains("Examples:"), "{}", stdout(&out));
}

#[test]
fn check_content_reports_where_bad_json_is() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("bad.json");
    std::fs::write(&file, BAD_JSON).unwrap();
    let out = run(&["check-content", file.to_str().unwrap()]);
    assert_code(&out, 1);
    let text = stdout(&out);
    assert!(text.contains("line") && text.contains("column"), "{text}");
}

/// Unknown fields (at the top and deep in a link), a wrong kind of value, a
/// missing field, an empty title, an unknown source and a bad address: one
/// run reports every one, each with its place.
#[test]
fn check_content_reports_every_problem_of_a_file_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("several.json");
    let text = r#"{
  "title": "Ours", "version": 2, "titel": "typo",
  "sources": [{"id": "s", "title": "S", "publisher": "P"}],
  "parts": [{"id": "p", "title": " ", "outcomes": ["a", "b"], "sections": [
    {"id": "a", "title": "A", "source": "nowhere", "reflect": ["Why?"],
     "blocks": [{"links": [{"title": "L", "url": "ftp://x", "adress": "y"}]}]},
    {"id": "b", "source": "s", "blocks": [{"paragraph": "Hi."}], "reflect": ["Why?"]}
  ]}]
}"#;
    std::fs::write(&file, text).unwrap();
    let out = run(&["check-content", file.to_str().unwrap()]);
    assert_code(&out, 1);
    let report = stdout(&out);
    for needle in [
        "line 2, column 20: toolkit: \"version\" should be text, not a number",
        "line 2, column 34: toolkit: unknown field \"titel\"",
        "line 6, column 61: section \"a\", block 1, link 1: unknown field \"adress\"",
        "line 7, column 5: section \"b\": the field \"title\" is missing",
        "part \"p\", title: the title is empty",
        "section \"a\", source: \"nowhere\" is not one of the toolkit's sources",
        "\"ftp://x\" is not a web address",
        "7 errors, 0 warnings; the file will not load.",
    ] {
        assert!(report.contains(needle), "missing {needle:?} in\n{report}");
    }
}

#[test]
fn read_a_scenario_with_and_without_answers() {
    let out = run(&["read", "scenario-told-in-confidence", "--width", "80"]);
    assert_code(&out, 0);
    let text = stdout(&out);
    assert!(text.contains("What would you do first?\n  1. "), "{text}");
    assert!(!text.contains("Feedback:"), "{text}");
    assert!(text.contains("--answers"), "{text}");
    let out = run(&["read", "scenario-told-in-confidence", "--answers"]);
    assert_code(&out, 0);
    let text = stdout(&out);
    assert_eq!(text.matches("Feedback: ").count(), 4, "{text}");
    assert!(text.contains("→ Listen actively and without judgement (section"));
    let all = stdout(&run(&["read", "--all", "--answers"]));
    assert!(all.matches("Feedback: ").count() >= 6 * 3);
}

#[test]
fn list_and_read_all_show_what_each_part_is_for() {
    let list = stdout(&run(&["list"]));
    assert!(
        list.contains("Practise (practise)\n     After this part you can:\n     - "),
        "{list}"
    );
    let all = stdout(&run(&["read", "--all"]));
    assert!(all.contains("After this part you can:\n  • "), "{all}");
}

#[test]
fn check_content_passes_the_built_in_toolkit() {
    let out = run(&["check-content", "--strict", "data/toolkit.json"]);
    assert_code(&out, 0);
    assert!(stdout(&out).contains("looks good"), "{}", stdout(&out));
}

#[test]
fn bad_content_file_never_opens_the_toolkit_or_touches_the_data_dir() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("bad.json");
    std::fs::write(&file, BAD_JSON).unwrap();
    let data_dir = tempfile::tempdir().unwrap();
    let data = data_dir.path().join("data");

    let out = run_in(&data, &["--content", file.to_str().unwrap()]);
    assert_code(&out, 1);
    let err = stderr(&out);
    assert!(err.contains("was not opened"), "{err}");
    let created: Vec<_> = std::fs::read_dir(&data)
        .map(|entries| entries.map(|e| e.unwrap().path()).collect())
        .unwrap_or_default();
    assert!(created.is_empty(), "created in the data dir: {created:?}");
}

#[test]
fn opening_a_toolkit_to_read_skips_the_authors_warnings_check_content_gives_them() {
    // A section over 150 words is a warning: advice for the toolkit's
    // authors. Working such advice out was most of the time to a large
    // toolkit's first frame, so opening one to read checks only errors.
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("long.json");
    let mut toolkit: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string("data/toolkit.json").unwrap()).unwrap();
    let long = "A word. ".repeat(90);
    toolkit["parts"][0]["sections"][0]["blocks"]
        .as_array_mut()
        .unwrap()
        .push(serde_json::json!({ "paragraph": long }));
    std::fs::write(&file, toolkit.to_string()).unwrap();
    let file = file.to_str().unwrap();
    let data = dir.path().join("data");

    let read = run_in(&data, &["read", "1", "--content", file]);
    assert_code(&read, 0);
    assert!(
        stdout(&read).contains("A word. A word."),
        "{}",
        stdout(&read)
    );
    assert!(!stderr(&read).contains("warning"), "{}", stderr(&read));

    let checked = run_in(&data, &["check-content", file]);
    assert_code(&checked, 0);
    assert!(
        stdout(&checked).contains("words of body text"),
        "{}",
        stdout(&checked)
    );
}

#[test]
fn bare_command_without_a_terminal_starts_the_guide() {
    // Without a terminal there is no full screen to draw: the guide reads
    // the first section as plain lines, hears the end of input, and leaves
    // (issue 23). It used to exit 2 pointing at `allyship list`.
    let out = run(&[]);
    assert_code(&out, 0);
    let said = stdout(&out);
    assert!(said.contains("Section 1 of"), "{said}");
    assert!(said.contains("End of input: leaving."), "{said}");
    assert!(!said.contains('\u{1b}'), "{said}");
}

#[test]
fn plain_commands_never_write_escape_sequences() {
    for env in [
        ("NO_COLOR", "1"),
        ("TERM", "dumb"),
        ("TERM", "xterm-256color"),
    ] {
        for args in [
            &["list"][..],
            &["read", "--all"][..],
            &["journal"][..],
            &["search", "listen"][..],
            &["answer", "scenario-joke-in-a-meeting", "1"][..],
        ] {
            let data = tempfile::tempdir().unwrap();
            let output = Command::new(env!("CARGO_BIN_EXE_allyship"))
                .args(args)
                .env(env.0, env.1)
                .env("ALLYSHIP_DATA_DIR", data.path())
                .output()
                .unwrap();
            assert!(output.status.success(), "{args:?}");
            assert!(
                !output.stdout.contains(&0x1b),
                "{args:?} with {env:?} wrote an escape"
            );
            assert!(
                !output.stderr.contains(&0x1b),
                "{args:?} with {env:?} wrote an escape"
            );
        }
    }
}

#[cfg(unix)]
#[test]
fn files_stay_private_under_umask_000() {
    use std::os::unix::fs::PermissionsExt;
    let home = tempfile::tempdir().unwrap();
    let data = home.path().join("data");
    let export = home.path().join("backup.json");
    let bin = env!("CARGO_BIN_EXE_allyship");
    // A note written through import, then an export, all under umask 000.
    let record = r#"{"format":"allyship-export","version":1,"generated_at":"2026-11-20T10:00:00Z",
        "toolkit":{"title":"t","version":"1"},"period":{"from":null,"to":null},
        "learning_minutes":0,"learning_days":0,"sections_read":[],"bookmarks":[],"notes":[],
        "data":{"sections":{},"days":{},"bookmarks":{},"notes":{"welcome":{"text":"private",
        "created":"2026-11-20T10:00:00Z","changed":"2026-11-20T10:00:00Z"}}}}"#;
    let source = home.path().join("in.json");
    std::fs::write(&source, record).unwrap();
    let script = format!(
        "umask 000 && {bin} import {} && {bin} export --format json --output {}",
        source.display(),
        export.display()
    );
    let status = Command::new("sh")
        .args(["-c", &script])
        .env("ALLYSHIP_DATA_DIR", &data)
        .status()
        .unwrap();
    assert!(status.success());
    let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode(&data), 0o700, "the data folder");
    assert_eq!(mode(&data.join("journal.json")), 0o600, "the journal");
    assert_eq!(mode(&export), 0o600, "the export");
    let journal = std::fs::read_to_string(data.join("journal.json")).unwrap();
    assert!(journal.contains("private"));
}

/// A journal where two copies of the app changed the note on `tip-check-in`:
/// the newer text is the note, the older one is kept aside.
fn journal_with_an_earlier_version() -> allyship::journal::record::Journal {
    use allyship::journal::record::{Journal, Session};
    let older: jiff::Timestamp = "2026-11-20T10:00:00Z".parse().unwrap();
    let newer: jiff::Timestamp = "2026-11-21T10:00:00Z".parse().unwrap();
    let mut journal = Journal::new();
    let mut here = Session::new("laptop");
    here.set_note("tip-check-in", "Ask the team on Monday.", newer);
    journal.apply(&here.pending, &here.id);
    let mut there = Session::new("office");
    there.set_note(
        "tip-check-in",
        "Ask Sam how the move went.\nThen book a catch-up.",
        older,
    );
    journal.apply(&there.pending, &there.id);
    assert_eq!(
        journal.records.superseded_notes.len(),
        1,
        "the older text was kept aside"
    );
    journal
}

#[test]
fn notes_shows_the_versions_kept_from_another_copy() {
    let dir = tempfile::tempdir().unwrap();
    let journal = journal_with_an_earlier_version();
    std::fs::write(
        dir.path().join("journal.json"),
        serde_json::to_vec_pretty(&journal).unwrap(),
    )
    .unwrap();
    let out = run_in(dir.path(), &["notes"]);
    assert_code(&out, 0);
    let text = stdout(&out);
    let note = text.find("Ask the team on Monday.").expect("the note");
    let kept = text
        .find("Ask Sam how the move went.")
        .expect("the earlier version");
    assert!(note < kept, "the note comes first:\n{text}");
    assert!(text.contains("  Then book a catch-up."), "{text}");
    assert!(text.contains("Also kept (1)"), "{text}");
}

#[test]
fn reset_says_what_goes_before_asking() {
    use allyship::journal::record::{Journal, Session};
    let dir = tempfile::tempdir().unwrap();
    let at: jiff::Timestamp = "2026-11-20T10:00:00Z".parse().unwrap();
    let day = jiff::civil::date(2026, 11, 20);
    let mut journal = Journal::new();
    let mut s = Session::new("one");
    for id in ["welcome", "tip-speak-up", "tip-check-in"] {
        s.record_read(id, at, day);
    }
    s.set_note("welcome", "Why I came.", at);
    s.set_bookmark("tip-speak-up", None, at);
    s.set_bookmark("tip-check-in", None, at);
    journal.apply(&s.pending, &s.id);
    let path = dir.path().join("journal.json");
    std::fs::write(&path, serde_json::to_vec_pretty(&journal).unwrap()).unwrap();

    let out = crate::common::commands::run_with(dir.path(), &["reset"], "n\n");
    assert_code(&out, 0);
    let asked = stderr(&out);
    assert!(
        asked.contains("3 sections read, 1 note, 2 bookmarks"),
        "{asked}"
    );
    assert!(path.exists(), "n keeps the journal");

    let out = crate::common::commands::run_with(dir.path(), &["reset"], "y\n");
    assert_code(&out, 0);
    assert!(!path.exists(), "y moves it aside");
    let said = stdout(&out);
    assert!(
        said.contains("3 sections read, 1 note, 2 bookmarks"),
        "{said}"
    );
}

#[test]
fn bookmarks_are_listed_in_section_order_as_in_the_app() {
    use allyship::journal::record::{Journal, Session};
    let dir = tempfile::tempdir().unwrap();
    let at: jiff::Timestamp = "2026-11-20T10:00:00Z".parse().unwrap();
    let mut journal = Journal::new();
    let mut s = Session::new("one");
    // By id "tip-speak-up" sorts before "welcome"; by section it is after.
    s.set_bookmark("tip-speak-up", None, at);
    s.set_bookmark("welcome", None, at);
    journal.apply(&s.pending, &s.id);
    let path = dir.path().join("journal.json");
    std::fs::write(&path, serde_json::to_vec_pretty(&journal).unwrap()).unwrap();
    let out = run_in(dir.path(), &["bookmarks"]);
    assert_code(&out, 0);
    let text = stdout(&out);
    let first = text.find("(welcome)").expect("welcome");
    let second = text.find("(tip-speak-up)").expect("tip-speak-up");
    assert!(first < second, "{text}");
    let out = run_in(dir.path(), &["bookmarks", "--json"]);
    let text = stdout(&out);
    assert!(
        text.find("\"welcome\"") < text.find("\"tip-speak-up\""),
        "{text}"
    );
}
