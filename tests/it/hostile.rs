//! Hostile text (RELIABILITY 28): a journal, a walkthrough log, a toolkit
//! and file names full of terminal control sequences, run through every
//! plain command of the real binary. Nothing but line breaks and tabs may
//! reach the terminal, and the text must still be there, as visible escapes.
#![cfg(unix)]

use std::ffi::OsString;
use std::os::unix::ffi::OsStringExt;
use std::path::{Path, PathBuf};
use std::process::{Output, Stdio};

use allyship::journal::record::Session;
use allyship::journal::store::Store;

/// Every trick at once: an OSC 52 clipboard write, an OSC 8 link that says
/// one thing and goes elsewhere, a title change, the alternate screen, a
/// C1 CSI clearing the screen, BEL, a carriage return, DEL, and a
/// right-to-left override that makes the rest of the line read backwards;
/// then invisible marks, separators and a tag character (issue 27).
const EVIL: &str = "\x1b]52;c;cm0gLXJmIH4=\x07\x1b]8;;https://evil.example/\x1b\\click me\x1b]8;;\x1b\\\
                    \x1b]0;pwned\x07\x1b[?1049h\u{9b}2J\x07\rhidden\x7f\u{202e}txt.exe\
                    \u{200e}\u{200f}\u{61c}\u{2028}\u{2029}\u{200b}\u{feff}\u{fff9}\u{e0041}";

/// The start of [`EVIL`] as the sanitiser shows it.
const SHOWN: &str = "\\u001b]52;c;cm0gLXJmIH4=\\u0007";

fn run(data_dir: &Path, args: &[OsString]) -> Output {
    crate::common::commands::allyship(data_dir)
        .args(args)
        .current_dir(data_dir.parent().expect("a parent"))
        .env("TERM", "xterm-256color")
        .stdin(Stdio::null())
        .output()
        .expect("run allyship")
}

/// A file name with the control sequences in it.
fn evil_name(dir: &Path, stem: &str) -> PathBuf {
    let mut bytes = stem.as_bytes().to_vec();
    bytes.extend_from_slice(b"\x1b]0;pwned\x07\x1b[2J.json");
    dir.join(OsString::from_vec(bytes))
}

/// What is wrong with `text` as terminal output: the unsafe characters in
/// it, after taking out the app's own colour codes when `colour` is allowed.
fn unsafe_chars(bytes: &[u8], colour: bool) -> Vec<char> {
    let text = String::from_utf8_lossy(bytes);
    let text = if colour {
        strip_sgr(&text)
    } else {
        text.into_owned()
    };
    text.chars()
        .filter(|&c| {
            (c.is_control() && c != '\n' && c != '\t')
                || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
                || matches!(
                    c,
                    '\u{200B}'
                        | '\u{200E}'
                        | '\u{200F}'
                        | '\u{061C}'
                        | '\u{2028}'
                        | '\u{2029}'
                        | '\u{FEFF}'
                        | '\u{FFF9}'..='\u{FFFB}'
                        | '\u{E0000}'..='\u{E007F}'
                )
        })
        .collect()
}

/// Removes `ESC [ digits;digits m` (colour codes) and nothing else.
fn strip_sgr(text: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(at) = rest.find("\x1b[") {
        out.push_str(&rest[..at]);
        let after = &rest[at + 2..];
        let params = after
            .find(|c: char| !(c.is_ascii_digit() || c == ';'))
            .unwrap_or(after.len());
        if after[params..].starts_with('m') {
            rest = &after[params + 1..];
        } else {
            out.push('\x1b');
            rest = &rest[at + 1..];
        }
    }
    out + rest
}

/// A data folder whose own name, journal and walkthrough log are hostile.
fn hostile_data(root: &Path) -> PathBuf {
    let dir = evil_name(root, "data");
    let (mut store, _, _) = Store::open(dir.clone());
    let at = jiff::Timestamp::from_second(1_750_000_000).expect("a time");
    let day = allyship::journal::record::local_day(at);
    let mut session = Session::new("s1");
    for id in ["welcome", EVIL] {
        session.record_read(id, at, day);
        session.set_note(id, format!("My note {EVIL} ends"), at);
        session.set_bookmark(id, Some(format!("label {EVIL}")), at);
    }
    session.add_active_secs(day, 600);
    session.set_position(EVIL, 3);
    let mut commitment =
        allyship::journal::record::Commitment::new(&format!("I will {EVIL}"), Some(EVIL), at, day);
    commitment.check_in(&format!("It went {EVIL}"), at);
    session.keep_commitment(&commitment.id(), &commitment);
    assert!(store.save(&mut session).expect("saves").written);
    // A note version kept from another copy, and a walkthrough log.
    let path = dir.join("journal.json");
    let mut json: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&path).expect("read")).expect("JSON");
    json["superseded_notes"] = serde_json::json!([{ "section": EVIL,
        "text": format!("older {EVIL}"), "created": at, "changed": at }]);
    std::fs::write(&path, json.to_string()).expect("write");
    let log = serde_json::json!({ "version": 1, "walkthroughs": [{ "started": at,
        "ended": at, "finished": false, "sections": [{ "id": EVIL, "secs": 60 }] }] });
    std::fs::write(dir.join("walkthroughs.json"), log.to_string()).expect("write log");
    dir
}

/// A toolkit with control characters in every kind of field.
fn hostile_toolkit(root: &Path) -> PathBuf {
    let toolkit = serde_json::json!({
        "title": format!("Title {EVIL}"), "version": EVIL,
        "sources": [{ "id": "s", "title": EVIL, "publisher": EVIL }],
        "parts": [{ "id": format!("p{EVIL}"), "title": EVIL, "sections": [{
            "id": "one", "title": format!("One {EVIL}"), "source": "s",
            "blocks": [{ "paragraph": EVIL }, { "points": [EVIL] },
                { "quote": { "text": EVIL, "by": EVIL } },
                { "links": [{ "title": EVIL, "url": format!("https://x.example/{EVIL}") }] }],
            "reflect": [EVIL], "discuss": [EVIL] }] }]
    });
    let path = evil_name(root, "toolkit");
    std::fs::write(&path, toolkit.to_string()).expect("write toolkit");
    path
}

fn os(args: &[&str]) -> Vec<OsString> {
    args.iter().map(OsString::from).collect()
}

#[test]
fn no_plain_command_lets_a_control_sequence_through() {
    let root = tempfile::tempdir().expect("tempdir");
    let data = hostile_data(root.path());
    let toolkit = hostile_toolkit(root.path());
    let export_file = evil_name(root.path(), "export");
    let missing = evil_name(root.path(), "missing");
    let with = |args: &[&str], path: &Path| {
        let mut all = os(args);
        all.push(path.into());
        all
    };
    let runs: Vec<(Vec<OsString>, bool)> = vec![
        (os(&["list"]), false),
        (os(&["read", "1"]), false),
        (os(&["read", EVIL]), false),
        (os(&["read", "--all"]), false),
        (os(&["read", "--all", "--color", "always"]), true),
        (os(&["search", "listen"]), false),
        (os(&["search", "--json", EVIL]), false),
        (os(&["search", EVIL]), false),
        (os(&["journal"]), false),
        (os(&["journal", "--json"]), false),
        (os(&["journal", "--path"]), false),
        (os(&["bookmarks"]), false),
        (os(&["bookmarks", "--json"]), false),
        (os(&["notes"]), false),
        (os(&["commitments"]), false),
        (os(&["commitments", "--json"]), false),
        (os(&["check-in", "1", EVIL]), false),
        (os(&["commit", EVIL, "--section", EVIL]), false),
        (os(&["commit", EVIL]), false),
        (os(&["export"]), false),
        (os(&["export", "--format", "json"]), false),
        (
            os(&["discussed", "welcome", "--minutes", "5", "--with", EVIL]),
            false,
        ),
        (
            os(&["discussed", "welcome", "--minutes", EVIL, "--with", EVIL]),
            false,
        ),
        (os(&["export", "--for", "swe"]), false),
        (os(&["export", "--for", "nmc", "--format", "csv"]), false),
        (os(&["export", "--for", "hcpc", "--format", "html"]), false),
        (os(&["export", "--for", "care", "--format", "json"]), false),
        (
            with(&["export", "--format", "json", "--output"], &export_file),
            false,
        ),
        (with(&["import"], &export_file), false),
        (with(&["import"], &missing), false),
        (with(&["import"], &toolkit), false),
        (os(&["walkthroughs"]), false),
        (os(&["walkthroughs", "--json"]), false),
        (with(&["check-content"], &toolkit), false),
        (with(&["check-content"], &missing), false),
        (with(&["--content"], &toolkit), false),
        (with(&["list", "--content"], &toolkit), false),
        (with(&["read", "1", "--content"], &toolkit), false),
        (os(&["present", EVIL]), false),
        (os(&["present"]), false),
        (os(&["reset"]), false),
        (os(&["completions", "bash"]), false),
        (os(&["man"]), false),
        (os(&["--theme", "mono", "list"]), false),
        (os(&["list", "--json"]), false),
        (os(&["notes", "--json"]), false),
        (os(&["read", EVIL, "--json"]), false),
        (with(&["read", "1", "--json", "--content"], &toolkit), false),
        (os(&["mark-read", "welcome", EVIL]), false),
        (os(&["mark-read", "welcome"]), false),
        (os(&["bookmark", "welcome", "--label", EVIL]), false),
        (os(&["bookmark", "welcome"]), false),
        (os(&["note", "welcome"]), false),
        (os(&["note", "welcome", "--remove"]), false),
    ];
    let mut shown = 0;
    for (args, colour) in &runs {
        let out = run(&data, args);
        for (name, bytes, colour) in [
            ("stdout", &out.stdout, *colour),
            ("stderr", &out.stderr, false),
        ] {
            let bad = unsafe_chars(bytes, colour);
            assert!(
                bad.is_empty(),
                "allyship {args:?} sent {bad:?} to {name}:\n{}",
                String::from_utf8_lossy(bytes)
            );
        }
        let text = String::from_utf8_lossy(&out.stdout) + String::from_utf8_lossy(&out.stderr);
        if text.contains(SHOWN) || text.contains("\\u001b]0;pwned") {
            shown += 1;
        }
    }
    assert!(
        shown >= 15,
        "the hostile text was printed, escaped, by only {shown} runs"
    );
}

#[test]
fn json_output_stays_json_and_keeps_every_character() {
    let root = tempfile::tempdir().expect("tempdir");
    let data = hostile_data(root.path());
    let out = run(&data, &os(&["export", "--format", "json"]));
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let value: serde_json::Value = serde_json::from_slice(&out.stdout).expect("valid JSON");
    let note = format!("My note {EVIL} ends");
    assert!(
        holds(&value, &note),
        "every character of the note survives: {value}"
    );
    assert!(
        String::from_utf8_lossy(&out.stdout).contains("\\u009b2J"),
        "the C1 control is a JSON escape"
    );
}

fn holds(value: &serde_json::Value, text: &str) -> bool {
    match value {
        serde_json::Value::String(s) => s == text,
        serde_json::Value::Array(items) => items.iter().any(|v| holds(v, text)),
        serde_json::Value::Object(map) => map.values().any(|v| holds(v, text)),
        _ => false,
    }
}

#[test]
fn check_content_rejects_control_characters_and_bad_addresses_all_at_once() {
    let root = tempfile::tempdir().expect("tempdir");
    let data = root.path().join("data");
    let toolkit = hostile_toolkit(root.path());
    let out = run(&data, &[OsString::from("check-content"), toolkit.into()]);
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8_lossy(&out.stdout);
    for needle in [
        "toolkit, title: a control character (U+001B) at character 7",
        "toolkit, version: a control character",
        "source \"s\", title: a control character",
        "source \"s\", publisher: a control character",
        "section \"one\", block 1, paragraph: a control character",
        "section \"one\", block 2, point 1: a control character",
        "section \"one\", block 3, quote: a control character",
        "section \"one\", block 3, quote's author: a control character",
        "section \"one\", block 4, link 1, title: a control character",
        "section \"one\", block 4, link 1, url: a control character",
        "is not a web address (it holds a space or a control character)",
        "section \"one\", reflect 1: a control character",
        "section \"one\", discuss 1: a control character",
        "errors, 1 warning; the file will not load.",
    ] {
        assert!(text.contains(needle), "missing {needle:?} in\n{text}");
    }
    assert!(!text.contains("looks good"), "{text}");
}

/// Issue 27, item 14: text printed on one line can never make a line of
/// its own (a line break in a commitment, in a web address that would
/// print "looks good"), and clap's own errors, which echo what was typed,
/// pass the sanitiser too.
#[test]
fn one_line_data_never_forges_a_line_and_argument_errors_are_clean() {
    let root = tempfile::tempdir().expect("tempdir");
    let data = root.path().join("data");
    let forged = "allyship: forged line";
    let out = run(&data, &os(&["commit", &format!("I will listen\n{forged}")]));
    assert_eq!(out.status.code(), Some(0));
    let out = run(&data, &os(&["commitments"]));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(!text.lines().any(|l| l.starts_with(forged)), "{text}");
    assert!(
        text.contains("I will listen\\u000aallyship: forged line"),
        "{text}"
    );
    let toolkit = serde_json::json!({
        "title": "T", "version": "1",
        "parts": [{ "id": "p", "title": "P", "sections": [{
            "id": "one", "title": "One",
            "blocks": [{ "links": [{ "title": "L",
                "url": "https://x.example/\nkit.json: looks good (1 sections)." }] }] }] }]
    });
    let path = root.path().join("kit.json");
    std::fs::write(&path, toolkit.to_string()).expect("write toolkit");
    let out = run(&data, &[OsString::from("check-content"), path.into()]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(1), "{text}");
    assert!(!text.lines().any(|l| l.starts_with("kit.json")), "{text}");
    assert!(!text.contains("\nkit.json: looks good"), "{text}");
    for (args, shown) in [
        (os(&["--bogus\u{202e}exe.txt"]), true),
        (os(&["read", "--width", "\u{202e}5\u{200b}"]), true),
        // clap's plain text already leaves escape sequences out.
        (os(&["list", "\x1b]0;pwned\x07"]), false),
    ] {
        let out = run(&data, &args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let bad = unsafe_chars(&out.stderr, false);
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(bad.is_empty(), "{args:?} sent {bad:?}: {err}");
        assert!(
            !shown || err.contains("\\u202e"),
            "the odd character is shown: {err}"
        );
    }
}
