//! `allyship discussed` and `allyship export --for`, run as the real
//! binary: refusals say why, an unknown regulator lists the known ones, and
//! a few commands take a person from reading to an SWE entry to paste.

use crate::common::commands::{run, run_with, text};
use std::path::Path;

/// The id of the section numbered `n`, as `allyship list` shows it.
fn id_of(dir: &Path, n: usize) -> String {
    let list = text(&run(dir, &["list"]).stdout);
    let line = list
        .lines()
        .find(|l| l.trim_start().starts_with(&format!("{n}. ")))
        .expect("numbered line");
    let start = line.rfind('(').expect("id in brackets");
    line[start + 1..line.len() - 1].to_owned()
}

#[test]
fn an_unknown_regulator_lists_the_known_ones() {
    let dir = tempfile::tempdir().unwrap();
    let out = run(dir.path(), &["export", "--for", "gmc"]);
    assert_eq!(out.status.code(), Some(2));
    let err = text(&out.stderr);
    assert!(err.contains("swe, nmc, hcpc, care"), "{err}");
}

#[test]
fn discussed_refuses_bad_minutes_with_the_reason() {
    let dir = tempfile::tempdir().unwrap();
    for (minutes, reason) in [
        ("0", "at least a minute"),
        ("-5", "can't be negative"),
        ("1500", "over 24 hours"),
    ] {
        let out = run(
            dir.path(),
            &["discussed", "1", "--minutes", minutes, "--with", "team"],
        );
        assert_eq!(out.status.code(), Some(1), "{minutes}");
        assert!(text(&out.stderr).contains(reason), "{}", text(&out.stderr));
    }
    assert!(!dir.path().join("journal.json").exists());
}

#[test]
fn from_reading_to_a_pasted_swe_entry_in_four_commands() {
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = (id_of(dir.path(), 18), id_of(dir.path(), 19));
    assert_eq!(
        run(dir.path(), &["mark-read", &a, &b]).status.code(),
        Some(0)
    );
    let note = run_with(dir.path(), &["note", &a], "I will stop and listen first.\n");
    assert_eq!(note.status.code(), Some(0), "{}", text(&note.stderr));
    let talk = run(
        dir.path(),
        &[
            "discussed",
            &a,
            &b,
            "--minutes",
            "30",
            "--with",
            "team meeting",
        ],
    );
    assert_eq!(talk.status.code(), Some(0), "{}", text(&talk.stderr));
    let journal = text(&run(dir.path(), &["journal"]).stdout);
    assert!(journal.contains("team meeting"), "{journal}");
    let out = run(dir.path(), &["export", "--for", "swe"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let entry = text(&out.stdout);
    for field in [
        "### Title",
        "### Date(s)",
        "### Type of CPD",
        "### Description and why it is relevant",
        "### What I learned",
        "### The impact on my practice and on the people I work with",
        "### Peer reflection (who with, when, what came of it)",
    ] {
        assert!(entry.contains(field), "{field} in {entry}");
    }
    assert!(entry.contains("I will stop and listen first."), "{entry}");
    assert!(entry.contains("With team meeting, on "), "{entry}");
    let order: Vec<usize> = ["### Title", "### What I learned", "### Peer reflection"]
        .iter()
        .map(|f| entry.find(f).unwrap())
        .collect();
    assert!(order.windows(2).all(|w| w[0] < w[1]), "in SWE's order");
}
