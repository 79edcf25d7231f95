//! Tests of `allyship export --for`: the default period, an empty journal,
//! the warning about identifying details (never the detail), `--quiet`,
//! and a JSON export imported back into a fresh journal with nothing lost.

use super::*;
use crate::journal::record::{Journal, Session};
use crate::journal::store::Store;
use crate::records::export::cpd::Regulator;
use crate::toolkit::content::built_in;

fn now() -> jiff::Timestamp {
    "2026-12-05T12:00:00Z".parse().unwrap()
}

/// A data folder whose journal holds a note with an NHS number and a
/// postcode in it, and a discussion whose outcome has an email address.
fn dir_with_details(toolkit: &Toolkit) -> (tempfile::TempDir, String) {
    let dir = tempfile::tempdir().unwrap();
    let id = toolkit.entry(4).unwrap().section.id.clone();
    let (mut store, _, _) = Store::open(dir.path().to_path_buf());
    let mut session = Session::new("s");
    session.record_read(&id, now(), local_day(now()));
    session.set_note(&id, "Mr A (943 476 5919) lives at M1 1AE.", now());
    store.save(&mut session).unwrap();
    let request = crate::commands::discussed::DiscussedRequest {
        sections: std::slice::from_ref(&id),
        minutes: "20",
        with: "supervision",
        on: None,
        outcome: Some("Write to a.b@nhs.net"),
    };
    let out =
        crate::commands::discussed::discussed(toolkit, Some(dir.path().into()), &request, now());
    assert_eq!(out.code, 0, "{}", out.stderr);
    (dir, id)
}

#[test]
fn swe_defaults_to_the_registration_year_named_in_words() {
    let toolkit = built_in();
    let dir = tempfile::tempdir().unwrap();
    let request = ExportRequest {
        regulator: Some(Regulator::Swe),
        ..ExportRequest::default()
    };
    let out = export_at(&toolkit, Some(dir.path().into()), &request, now());
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(
        out.stdout.contains("1 December 2026 to 30 November 2027"),
        "{}",
        out.stdout
    );
    let earlier = ExportRequest {
        from: Some("2025-12-01"),
        to: Some("2026-11-30"),
        ..request
    };
    let out = export_at(&toolkit, Some(dir.path().into()), &earlier, now());
    assert!(out.stdout.contains("1 December 2025 to 30 November 2026"));
}

#[test]
fn an_empty_journal_gives_a_record_saying_so_in_every_format_exit_0() {
    let toolkit = built_in();
    let dir = tempfile::tempdir().unwrap();
    for regulator in [
        Regulator::Swe,
        Regulator::Nmc,
        Regulator::Hcpc,
        Regulator::Care,
    ] {
        for format in [
            ExportFormat::Markdown,
            ExportFormat::Json,
            ExportFormat::Csv,
            ExportFormat::Html,
        ] {
            let request = ExportRequest {
                format,
                regulator: Some(regulator),
                ..ExportRequest::default()
            };
            let out = export_at(&toolkit, Some(dir.path().into()), &request, now());
            assert_eq!(out.code, 0, "{regulator:?} {format:?}: {}", out.stderr);
            assert!(
                out.stdout.contains("Nothing written yet: "),
                "{regulator:?} {format:?}: {}",
                out.stdout
            );
            assert!(out.stderr.is_empty(), "{}", out.stderr);
        }
    }
}

#[test]
fn identifying_details_are_named_by_kind_and_place_never_shown() {
    let toolkit = built_in();
    let (dir, id) = dir_with_details(&toolkit);
    let number = toolkit.index_of(&id).unwrap() + 1;
    let request = ExportRequest {
        regulator: Some(Regulator::Swe),
        ..ExportRequest::default()
    };
    let out = export_at(&toolkit, Some(dir.path().into()), &request, now());
    assert_eq!(out.code, 0);
    for said in [
        format!("Section {number}'s note holds what looks like an NHS number."),
        format!("Section {number}'s note holds what looks like a postcode."),
        "The peer discussion of Sat 5 Dec 2026 holds what looks like an email address.".into(),
    ] {
        assert!(out.stderr.contains(&said), "{said} in {}", out.stderr);
    }
    for detail in ["943", "5919", "M1 1AE", "nhs.net"] {
        assert!(!out.stderr.contains(detail), "{detail} in {}", out.stderr);
    }
    // Still exported, as written: the person decides.
    assert!(out.stdout.contains("943 476 5919"));
    let quiet = ExportRequest {
        quiet: true,
        ..request
    };
    let out = export_at(&toolkit, Some(dir.path().into()), &quiet, now());
    assert_eq!((out.code, out.stderr.as_str()), (0, ""));
}

#[test]
fn a_json_export_for_a_regulator_imports_back_with_nothing_lost() {
    let toolkit = built_in();
    let (dir, _) = dir_with_details(&toolkit);
    let records = tempfile::tempdir().unwrap();
    let file = records.path().join("cpd.json");
    let request = ExportRequest {
        format: ExportFormat::Json,
        regulator: Some(Regulator::Nmc),
        output: Some(&file),
        quiet: true,
        ..ExportRequest::default()
    };
    let out = export_at(&toolkit, Some(dir.path().into()), &request, now());
    assert_eq!(out.code, 0, "{}", out.stderr);
    let text = std::fs::read_to_string(&file).unwrap();
    assert!(text.contains("\"cpd\""), "{text}");
    let fresh = tempfile::tempdir().unwrap();
    let out = import(Some(fresh.path().into()), &file);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(
        out.stdout.contains("Peer discussions added: 1"),
        "{}",
        out.stdout
    );
    let (_, here, _) = Store::open(dir.path().to_path_buf());
    let (_, there, _) = Store::open(fresh.path().to_path_buf());
    assert_eq!(there.records.discussions, here.records.discussions);
    assert_eq!(there.records.notes, here.records.notes);
    assert_ne!(
        there.records.discussions,
        Journal::new().records.discussions
    );
}

#[test]
fn csv_ends_lines_in_crlf_in_a_file_and_in_a_newline_on_the_screen() {
    let toolkit = built_in();
    let (dir, _) = dir_with_details(&toolkit);
    let request = ExportRequest {
        format: ExportFormat::Csv,
        regulator: Some(Regulator::Hcpc),
        quiet: true,
        ..ExportRequest::default()
    };
    let out = export_at(&toolkit, Some(dir.path().into()), &request, now());
    assert!(!out.stdout.contains('\r'), "{:?}", out.stdout);
    let rows = ::csv::Reader::from_reader(out.stdout.as_bytes())
        .records()
        .map(Result::unwrap)
        .count();
    assert_eq!(rows, 2, "{}", out.stdout);
    let records = tempfile::tempdir().unwrap();
    let file = records.path().join("cpd.csv");
    let to_file = ExportRequest {
        output: Some(&file),
        ..request
    };
    assert_eq!(
        export_at(&toolkit, Some(dir.path().into()), &to_file, now()).code,
        0
    );
    let written = std::fs::read_to_string(&file).unwrap();
    assert!(written.starts_with("\"Date\",\"Activity\",") && written.contains("\r\n"));
}
