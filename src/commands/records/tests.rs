//! Tests of the plain commands over a person's records: notes and
//! bookmarks as text, export then import, refusals, and search.

use super::*;
use crate::journal::record::Session;
use crate::journal::store::Store;
use crate::toolkit::content::built_in;

fn dir_with_notes() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let (mut store, _, _) = Store::open(dir.path().to_path_buf());
    let mut session = Session::new("s");
    let at = jiff::Timestamp::from_second(1_700_000_000).unwrap();
    session.set_note(
        "tip-speak-up",
        "quiet word: I will say something next time",
        at,
    );
    session.set_bookmark("welcome", Some("start".into()), at);
    store.save(&mut session).unwrap();
    dir
}

#[test]
fn notes_and_bookmarks_print_as_plain_text() {
    let toolkit = built_in();
    let dir = dir_with_notes();
    let notes = notes(&toolkit, Some(dir.path().into()));
    assert!(notes.stdout.contains("Speak up"), "{}", notes.stdout);
    assert!(
        notes
            .stdout
            .contains("  quiet word: I will say something next time")
    );
    let marks = bookmarks(&toolkit, Some(dir.path().into()), false);
    assert!(
        marks
            .stdout
            .contains("1. Why this toolkit exists · start (welcome)"),
        "{}",
        marks.stdout
    );
    let json = bookmarks(&toolkit, Some(dir.path().into()), true);
    assert!(json.stdout.contains("\"label\": \"start\""));
}

#[test]
fn export_then_import_into_an_empty_journal_gives_the_same_record() {
    let toolkit = built_in();
    let dir = dir_with_notes();
    let records = tempfile::tempdir().unwrap();
    let file = records.path().join("record.json");
    let request = ExportRequest {
        format: ExportFormat::Json,
        output: Some(&file),
        ..ExportRequest::default()
    };
    assert_eq!(export(&toolkit, Some(dir.path().into()), &request).code, 0);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&file).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
    }
    let fresh = tempfile::tempdir().unwrap();
    let out = import(Some(fresh.path().into()), &file);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(out.stdout.contains("Notes added: 1"), "{}", out.stdout);
    assert!(out.stdout.ends_with('\n'), "{}", out.stdout);
    assert!(
        !out.stdout.contains(": 0"),
        "no lines of zeros: {}",
        out.stdout
    );
    let again = import(Some(fresh.path().into()), &file);
    assert!(
        again.stdout.starts_with("Nothing new in"),
        "{}",
        again.stdout
    );
    assert!(!again.stdout.contains("Notes added"), "{}", again.stdout);
    std::fs::write(&file, "# My learning record\n").unwrap();
    let markdown = import(Some(fresh.path().into()), &file);
    assert_eq!(markdown.code, 1);
    assert!(
        markdown.stderr.contains("allyship export --format json"),
        "{}",
        markdown.stderr
    );
    let md = ExportRequest::default();
    let markdown = export(&toolkit, Some(fresh.path().into()), &md);
    assert!(
        markdown
            .stdout
            .contains("quiet word: I will say something next time")
    );
}

#[test]
fn a_bad_period_or_file_is_refused_clearly() {
    let toolkit = built_in();
    let dir = tempfile::tempdir().unwrap();
    let request = ExportRequest {
        from: Some("2026-13-01"),
        ..ExportRequest::default()
    };
    let out = export(&toolkit, Some(dir.path().into()), &request);
    assert_eq!(out.code, 1);
    assert!(out.stderr.contains("12"), "{}", out.stderr);
    let bad = dir.path().join("bad.json");
    std::fs::write(&bad, "{ not json").unwrap();
    let out = import(Some(dir.path().into()), &bad);
    assert_eq!(out.code, 1);
    assert!(out.stderr.contains("line 1"), "{}", out.stderr);
}

#[test]
fn search_finds_and_fails_when_nothing_matches() {
    let toolkit = built_in();
    let found = search(&toolkit, &["speak".into(), "up".into()], false);
    assert_eq!(found.code, 0);
    assert!(found.stdout.contains("(tip-speak-up)"));
    let nothing = search(&toolkit, &["zqxwv".into()], false);
    assert_eq!(nothing.code, 1);
    assert!(nothing.stderr.contains("Nothing matches"));
}

#[test]
fn an_export_import_could_not_read_back_is_refused_saying_so() {
    assert_eq!(super::not_importable(1024, 1024), None);
    let why = super::not_importable(3 * 1024 * 1024 + 1, 2 * 1024 * 1024).expect("refused");
    assert!(
        why.contains("4 MB, more than `allyship import` reads back (2 MB)"),
        "{why}"
    );
}
