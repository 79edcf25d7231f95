use super::*;
use crate::journal::record::ReadStatus;
use crate::toolkit::content::built_in;

/// Moves every read in the journal in `dir` two hours back, as if the
/// last run were an earlier sitting.
fn age_reads(dir: &std::path::Path) {
    let path = dir.join("journal.json");
    let mut journal: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    let earlier = (Timestamp::now() - jiff::SignedDuration::from_hours(2)).to_string();
    for record in journal["sections"].as_object_mut().unwrap().values_mut() {
        record["first_read"] = earlier.clone().into();
        record["last_read"] = earlier.clone().into();
    }
    std::fs::write(&path, journal.to_string()).unwrap();
}

fn marks(dir: &std::path::Path, queries: &[&str]) -> Output {
    let queries: Vec<String> = queries.iter().map(|q| q.to_string()).collect();
    mark_read(&built_in(), Some(dir.into()), &queries, 0)
}

#[test]
fn marking_read_counts_one_session_and_a_later_run_is_a_revisit() {
    let dir = tempfile::tempdir().unwrap();
    let first = marks(dir.path(), &["1", "welcome", "tip-speak-up"]);
    assert_eq!(first.code, 0, "{}", first.stderr);
    assert!(
        first.stdout.starts_with("Marked 2 sections as read:\n"),
        "the same section twice counts once: {}",
        first.stdout
    );
    assert!(
        first
            .stdout
            .contains("1. Why this toolkit exists (welcome): read for the first time")
    );
    let journal = store::read(dir.path()).unwrap();
    assert_eq!(journal.status("welcome"), ReadStatus::Read);
    assert_eq!(journal.records.sections["welcome"].sessions, 1);
    let today = local_day(Timestamp::now());
    assert!(
        journal.records.days[&today]
            .sections
            .contains("tip-speak-up")
    );
    let soon = marks(dir.path(), &["welcome"]);
    assert!(
        soon.stdout.contains(
            "(welcome): read again within the hour, in the same sitting (read in 1 session)"
        ),
        "run twice in seconds is no revisit: {}",
        soon.stdout
    );
    assert_eq!(
        store::read(dir.path()).unwrap().records.sections["welcome"].sessions,
        1
    );
    age_reads(dir.path());
    let again = marks(dir.path(), &["welcome"]);
    assert!(
        again
            .stdout
            .starts_with("Marked 1 section as read:\n  1. Why this toolkit exists (welcome): revisited (read in 2 sessions)"),
        "{}",
        again.stdout
    );
    let journal = store::read(dir.path()).unwrap();
    assert_eq!(journal.status("welcome"), ReadStatus::Revisited);
    assert_eq!(journal.status("tip-speak-up"), ReadStatus::Read);
}

#[test]
fn an_unknown_section_marks_nothing_and_names_every_one_not_found() {
    let dir = tempfile::tempdir().unwrap();
    let out = marks(dir.path(), &["welcome", "tip-speek-up", "999"]);
    assert_eq!(out.code, EXIT_NOT_FOUND);
    assert!(
        out.stderr
            .contains("There is no section \"tip-speek-up\". Did you mean: tip-speak-up")
    );
    assert!(out.stderr.contains("There is no section \"999\"."));
    assert!(out.stdout.is_empty());
    assert!(!dir.path().join("journal.json").exists());
}

#[test]
fn a_journal_from_a_newer_version_is_left_as_it_is() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("journal.json");
    std::fs::write(&path, r#"{"version":99}"#).unwrap();
    let out = marks(dir.path(), &["welcome"]);
    assert_eq!(out.code, 1);
    assert!(out.stderr.contains("newer version"), "{}", out.stderr);
    assert_eq!(std::fs::read_to_string(&path).unwrap(), r#"{"version":99}"#);
    let out = bookmark(
        &built_in(),
        Some(dir.path().into()),
        "1",
        BookmarkChange::Remove,
    );
    assert_eq!(out.code, 1);
}

fn mark(dir: &std::path::Path, query: &str, change: BookmarkChange) -> Output {
    bookmark(&built_in(), Some(dir.into()), query, change)
}

#[test]
fn bookmarks_are_added_relabelled_kept_and_removed() {
    let dir = tempfile::tempdir().unwrap();
    let set = |label: Option<&str>| BookmarkChange::Set(label.map(str::to_owned));
    let out = mark(dir.path(), "19", set(Some("  for\nteam ")));
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(out.stdout.starts_with("Bookmarked 19. "), "{}", out.stdout);
    assert!(
        out.stdout.contains("labelled \"for team\""),
        "{}",
        out.stdout
    );
    let id = built_in().entry(18).unwrap().section.id.clone();
    let label = |dir: &std::path::Path| {
        store::read(dir)
            .unwrap()
            .records
            .bookmarks
            .get(&id)
            .map(|b| b.label.clone())
    };
    assert_eq!(label(dir.path()), Some(Some("for team".into())));
    let out = mark(dir.path(), "19", set(None));
    assert!(
        out.stdout
            .contains("already bookmarked, labelled \"for team\"; nothing changed")
    );
    assert_eq!(
        label(dir.path()),
        Some(Some("for team".into())),
        "the label is kept"
    );
    let out = mark(dir.path(), "19", set(Some("")));
    assert!(out.stdout.contains("now has no label"), "{}", out.stdout);
    assert_eq!(label(dir.path()), Some(None));
    let out = mark(dir.path(), "19", BookmarkChange::Remove);
    assert!(
        out.stdout.starts_with("Removed the bookmark on 19. "),
        "{}",
        out.stdout
    );
    assert_eq!(label(dir.path()), None);
    let out = mark(dir.path(), "19", BookmarkChange::Remove);
    assert_eq!(out.code, 0);
    assert!(out.stdout.contains("is not bookmarked; nothing changed"));
}

#[test]
fn a_label_too_long_or_with_control_characters_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let long = "x".repeat(LABEL_LIMIT + 1);
    let out = mark(dir.path(), "1", BookmarkChange::Set(Some(long)));
    assert_eq!(out.code, 1);
    assert!(
        out.stderr.contains("at most 60 characters"),
        "{}",
        out.stderr
    );
    let out = mark(
        dir.path(),
        "1",
        BookmarkChange::Set(Some("a\x1b[2Jb".into())),
    );
    assert_eq!(out.code, 1);
    assert!(!dir.path().join("journal.json").exists());
}

#[test]
fn minutes_given_to_mark_read_are_learning_time_today() {
    let dir = tempfile::tempdir().unwrap();
    let queries = ["tip-speak-up".to_string()];
    let out = mark_read(&built_in(), Some(dir.path().into()), &queries, 25);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(
        out.stdout
            .contains("Added 25 minutes of learning time to today."),
        "{}",
        out.stdout
    );
    let journal = store::read(dir.path()).unwrap();
    let today = local_day(Timestamp::now());
    assert_eq!(journal.records.days[&today].active_secs, 25 * 60);
    let shown = crate::commands::journal(&built_in(), Some(dir.path().into()), false, false);
    assert!(
        !shown.stdout.contains("under a minute"),
        "the journal counts the minutes: {}",
        shown.stdout
    );
}
