//! Tests of opening and saving one copy's journal: fresh, broken, newer
//! and older files, round trips, private modes, reading without writing,
//! reset, atomic writes and notes.

use super::*;

#[test]
fn missing_and_empty_files_start_fresh() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let (store, journal, notices) = open(tmp.path());
    assert_eq!(
        (store.mode(), journal, notices),
        (Mode::Kept, Journal::new(), vec![])
    );
    for empty in ["", " \n\t"] {
        fs::write(store.journal_path(), empty).expect("write");
        let (store, journal, notices) = open(tmp.path());
        assert_eq!(
            (store.mode(), journal, notices),
            (Mode::Kept, Journal::new(), vec![])
        );
    }
    assert!(moved_aside(tmp.path(), "broken").is_empty());
}

#[test]
fn broken_files_are_moved_aside_byte_for_byte() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let path = journal_path_in(tmp.path());
    let valid = serde_json::to_vec_pretty(&Journal::new()).expect("serializes");
    let cases: Vec<Vec<u8>> = vec![
        vec![0; 4096],
        valid[..valid.len() / 2].to_vec(),
        b"{\"version\": 1, \"sections\": 7}".to_vec(),
        b"{\"sections\": {}}".to_vec(),
        b"[1, 2".to_vec(),
        vec![0xff, 0xfe, b'{'],
        deeply_nested(10_000),
    ];
    for (i, bytes) in cases.iter().enumerate() {
        fs::write(&path, bytes).expect("write");
        let (store, journal, notices) = open(tmp.path());
        let moved = moved_aside(tmp.path(), "broken");
        assert_eq!(moved.len(), i + 1, "never overwritten");
        let newest = moved
            .iter()
            .find(|p| fs::read(p).ok().as_ref() == Some(bytes));
        let newest = newest.expect("kept byte for byte").clone();
        assert_eq!(notices, vec![Notice::MovedAside(newest)]);
        assert_eq!((store.mode(), journal), (Mode::Kept, Journal::new()));
        assert!(!path.exists());
    }
}

#[test]
fn newer_version_is_read_only_and_never_written() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let path = journal_path_in(tmp.path());
    let text = r#"{"version": 2, "sections": {"a": "a new shape"}}"#;
    fs::write(&path, text).expect("write");
    let (mut store, _, notices) = open(tmp.path());
    assert_eq!(store.mode(), Mode::ReadOnly);
    assert_eq!(notices, vec![Notice::NewerVersion(2)]);
    assert!(
        notices[0]
            .to_string()
            .contains("opened read-only, nothing will be saved")
    );
    let mut reader = session("s1", &["b"]);
    let saved = store.save(&mut reader).expect("no-op");
    assert!(!saved.written);
    assert_eq!(
        saved.journal.status("b"),
        ReadStatus::Read,
        "shown, not saved"
    );
    assert!(reader.pending.has_unsaved());
    assert_eq!(fs::read_to_string(&path).expect("read"), text);
}

#[test]
fn unknown_fields_survive_a_save() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let text = r#"{"version": 1, "themes": {"x": [1, 2]},
        "days": {"2024-03-01": {"sections": [], "active_secs": 3, "mood": "ok"}}}"#;
    fs::write(journal_path_in(tmp.path()), text).expect("write");
    let (mut store, _, _) = open(tmp.path());
    store.save(&mut session("s1", &["a"])).expect("saves");
    let (_, journal, _) = open(tmp.path());
    assert_eq!(journal.extra["themes"]["x"][1], 2);
    assert_eq!(journal.records.days[&date(2024, 3, 1)].extra["mood"], "ok");
    assert_eq!(journal.status("a"), ReadStatus::Read);
}

#[test]
fn a_saved_file_round_trips_and_is_private() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let dir = tmp.path().join("deep").join("allyship");
    let (mut store, _, _) = open(&dir);
    let mut reader = session("s1", &["tip-listen-actively", "intro"]);
    reader.add_active_secs(date(2024, 3, 1), 120);
    reader.set_position("intro", 4);
    let saved = store.save(&mut reader).expect("saves");
    assert!(saved.written);
    assert!(!reader.pending.has_unsaved());
    let text = fs::read_to_string(store.journal_path()).expect("read");
    assert!(text.starts_with("{\n  \"version\": 1,") && text.ends_with("}\n"));
    let (_, journal, notices) = open(&dir);
    assert_eq!((journal, notices), (saved.journal, vec![]));
    let parts = [PartIds {
        title: "All",
        ids: vec!["intro", "tip-listen-actively"],
    }];
    let summary = store
        .save(&mut reader)
        .expect("saves")
        .journal
        .summary(&parts);
    assert_eq!(
        (summary.read, summary.active_secs),
        (2, 120),
        "saving again adds nothing"
    );
    let leftovers = fs::read_dir(&dir).expect("lists").count();
    assert_eq!(leftovers, 2, "only journal.json and journal.lock");
    #[cfg(unix)]
    {
        assert_eq!(mode_of(&dir), 0o700);
        assert_eq!(mode_of(&store.journal_path()), 0o600);
        assert_eq!(mode_of(&dir.join(LOCK_FILE)), 0o600);
    }
}

#[cfg(unix)]
#[test]
fn modes_are_restored_on_every_save() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let (mut store, _, _) = open(tmp.path());
    store.save(&mut session("s1", &["a"])).expect("saves");
    set_mode(&store.journal_path(), 0o666).expect("chmod");
    store.save(&mut session("s2", &["b"])).expect("saves");
    assert_eq!(mode_of(&store.journal_path()), 0o600);
    fs::write(store.journal_path(), "oops").expect("write");
    set_mode(&store.journal_path(), 0o644).expect("chmod");
    let saved = store.save(&mut session("s3", &["c"])).expect("saves");
    let Notice::MovedAside(path) = &saved.notices[0] else {
        panic!("expected a moved-aside notice, got {:?}", saved.notices);
    };
    assert_eq!(mode_of(path), 0o600);
    assert_eq!(fs::read(path).expect("read"), b"oops");
}

#[test]
fn a_newer_journal_says_why_nothing_is_written() {
    let tmp = tempfile::tempdir().expect("tempdir");
    fs::write(journal_path_in(tmp.path()), r#"{"version": 99}"#).expect("write");
    let (store, _, _) = open(tmp.path());
    let why = store.why_not_written().expect("a reason");
    assert!(why.contains("newer version"), "{why}");
}

#[test]
fn older_version_is_migrated_with_a_backup_made_once_when_saved() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let original = br#"{"version": 0, "sections": {}}"#;
    fs::write(journal_path_in(tmp.path()), original).expect("write");
    let backup = tmp.path().join("journal.json.v0-backup");
    // Reading (the app opening, or a command that only reads) upgrades in
    // memory and leaves no backup behind.
    for _ in 0..3 {
        let (_, journal, notices) = open(tmp.path());
        assert!(notices.is_empty(), "{notices:?}");
        assert_eq!(journal.version, CURRENT_VERSION);
        assert_eq!(read(tmp.path()).expect("reads").version, CURRENT_VERSION);
    }
    assert!(!backup.exists(), "no backup until the upgrade is saved");
    let (mut store, _, _) = open(tmp.path());
    let saved = store.save(&mut session("s1", &["a"])).expect("saves");
    assert_eq!(saved.notices, vec![Notice::Migrated(0, backup.clone())]);
    assert_eq!(fs::read(&backup).expect("backup"), original);
    let again = store.save(&mut session("s2", &["b"])).expect("saves");
    assert!(again.notices.is_empty());
    let (_, journal, _) = open(tmp.path());
    assert_eq!(journal.version, CURRENT_VERSION);
    assert_eq!(fs::read(&backup).expect("backup kept"), original);
    let backups = fs::read_dir(tmp.path())
        .expect("dir")
        .filter(|e| {
            e.as_ref()
                .is_ok_and(|e| e.file_name().to_string_lossy().contains("backup"))
        })
        .count();
    assert_eq!(backups, 1, "made once");
}

#[test]
fn reading_never_changes_the_folder_and_a_broken_journal_is_an_error() {
    let tmp = tempfile::tempdir().expect("tempdir");
    assert_eq!(read(tmp.path()).expect("no journal yet"), Journal::new());
    fs::write(journal_path_in(tmp.path()), "{ not json").expect("write");
    assert!(matches!(read(tmp.path()), Err(StoreError::Read(..))));
    fs::remove_file(journal_path_in(tmp.path())).expect("remove");
    fs::create_dir(journal_path_in(tmp.path())).expect("a folder in its place");
    assert!(matches!(read(tmp.path()), Err(StoreError::Read(..))));
    assert_eq!(
        fs::read_dir(tmp.path()).expect("dir").count(),
        1,
        "nothing added"
    );
}

#[test]
fn reset_moves_the_journal_aside() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let (mut store, _, _) = open(tmp.path());
    assert!(matches!(store.reset(), Err(StoreError::NoJournal(_))));
    store.save(&mut session("s1", &["a"])).expect("saves");
    let before = fs::read(store.journal_path()).expect("read");
    let moved = store.reset().expect("resets");
    assert_eq!(fs::read(&moved).expect("moved"), before);
    assert_eq!(moved_aside(tmp.path(), "reset"), vec![moved]);
    let (_, journal, _) = open(tmp.path());
    assert_eq!(journal, Journal::new());
    store.save(&mut session("s2", &["b"])).expect("saves");
    assert!(store.reset().expect("resets again").exists());
    assert_eq!(
        moved_aside(tmp.path(), "reset").len(),
        2,
        "same second, new name"
    );
}

#[test]
fn atomic_write_replaces_whole_files_and_leaves_no_temp() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let path = tmp.path().join("export.json");
    atomic_write(&path, b"first").expect("writes");
    atomic_write(&path, b"second").expect("writes");
    assert_eq!(fs::read(&path).expect("read"), b"second");
    assert_eq!(fs::read_dir(tmp.path()).expect("lists").count(), 1);
    #[cfg(unix)]
    assert_eq!(mode_of(&path), 0o600);
}

#[test]
fn notes_are_saved_and_shown_even_when_not_kept() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let at = Timestamp::from_second(1_700_000_000).expect("valid");
    let (mut store, _, _) = open(tmp.path());
    let mut writer = Session::new("A");
    writer.set_note("a", "q and 😀\nsecond line", at);
    writer.set_bookmark("a", Some("later".into()), at);
    let saved = store.save(&mut writer).expect("saves");
    assert!(saved.written && !writer.pending.has_unsaved());
    let (_, journal, _) = open(tmp.path());
    assert_eq!(journal.records.notes["a"].text, "q and 😀\nsecond line");
    assert_eq!(
        journal.records.bookmarks["a"].label.as_deref(),
        Some("later")
    );
    fs::write(journal_path_in(tmp.path()), r#"{"version": 9}"#).expect("write");
    let (mut newer, _, _) = open(tmp.path());
    writer.set_note("b", "pending", at);
    let shown = newer.save(&mut writer).expect("no-op");
    assert!(!shown.written);
    assert_eq!(
        shown.journal.records.notes["b"].text, "pending",
        "shown, not saved"
    );
    assert!(writer.pending.has_unsaved(), "kept for later");
}

#[test]
fn peek_reads_all_but_the_days_and_never_writes() {
    use crate::journal::record::{Session, local_day};
    let dir = tempfile::tempdir().unwrap();
    assert!(peek(dir.path()).is_none(), "no journal yet");
    let (mut store, _, _) = Store::open(dir.path().to_path_buf());
    let mut session = Session::new("s");
    let at = jiff::Timestamp::from_second(1_700_000_000).unwrap();
    session.record_read("welcome", at, local_day(at));
    session.set_position("welcome", 4);
    session.set_note("welcome", "kept", at);
    store.save(&mut session).unwrap();
    let before = std::fs::read(dir.path().join(JOURNAL_FILE)).unwrap();
    let peeked = peek(dir.path()).unwrap();
    assert!(peeked.records.sections.contains_key("welcome"));
    assert_eq!(peeked.position.as_ref().map(|p| p.scroll), Some(4));
    assert_eq!(peeked.records.notes["welcome"].text, "kept");
    assert!(
        peeked.records.days.is_empty(),
        "the days are left for the full open"
    );
    assert_eq!(
        std::fs::read(dir.path().join(JOURNAL_FILE)).unwrap(),
        before
    );
    std::fs::write(dir.path().join(JOURNAL_FILE), "{broken").unwrap();
    assert!(peek(dir.path()).is_none());
}

#[test]
fn opening_removes_what_a_killed_copy_left() {
    let tmp = tempfile::tempdir().expect("tempdir");
    open(tmp.path());
    // A copy killed mid-save leaves a temp file; one killed mid-open, a probe.
    let left = [".journal.json.tmp-99999-0", ".probe-99999-0"];
    for name in left {
        fs::write(tmp.path().join(name), "").expect("write");
    }
    let (store, _, notices) = open(tmp.path());
    assert_eq!((store.mode(), notices), (Mode::Kept, vec![]));
    for name in left {
        assert!(!tmp.path().join(name).exists(), "{name} removed");
    }
    // A copy still running may be saving through a lock file made anew
    // after someone deleted the one it held: its temp file stays.
    let running = format!(".journal.json.tmp-{}-0", std::process::id());
    fs::write(tmp.path().join(&running), "").expect("write");
    open(tmp.path());
    assert!(
        tmp.path().join(&running).exists(),
        "a running copy's temp kept"
    );
}

/// Issue 27, item 15: one value out of range (a time after 9999, a 30
/// February, a choice of -1 or 2.5) never sets the whole journal aside:
/// that value is clamped, or its one entry left out, the rest is kept and
/// said, and the file as it was is copied aside byte for byte at the save.
#[test]
fn one_value_out_of_range_is_mended_and_the_rest_kept() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let original = r#"{"version": 1, "later": {"kept": 12345678901234567890},
      "notes": {"welcome": {"text": "my words", "created": "2026-01-01T10:00:00Z",
        "changed": "2026-01-01T10:00:00Z"}},
      "commitments": {
        "a": {"text": "I will ask", "made_at": "9999-12-31T23:59:59Z", "review_on": "2026-02-30"},
        "b": {"text": "I will listen", "made_at": "2026-01-01T10:00:00Z", "review_on": "2026-01-15"}},
      "choices": {"s1": {"option": -1, "chosen_at": "2026-01-01T10:00:00Z"},
        "s2": {"option": 2.5, "chosen_at": "2026-01-01T10:00:00Z"},
        "s3": {"option": 2, "chosen_at": "2026-01-01T10:00:00Z"}}}"#;
    fs::write(journal_path_in(tmp.path()), original).expect("write");
    let read = read(tmp.path()).expect("read, not refused");
    assert_eq!(read.records.notes["welcome"].text, "my words");
    let (mut store, journal, notices) = open(tmp.path());
    assert_eq!(store.mode(), Mode::Kept);
    assert_eq!(journal.records.notes["welcome"].text, "my words");
    assert_eq!(
        journal.records.commitments.len(),
        2,
        "both commitments kept"
    );
    assert_eq!(
        journal.records.commitments["a"].review_on,
        date(2026, 2, 28)
    );
    assert_eq!(
        journal.records.choices.len(),
        1,
        "only the choices that can't be left out"
    );
    let said = notices
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join(" ");
    for place in [
        "commitments → a → made_at",
        "commitments → a → review_on: set to 2026-02-28",
        "choices → s1: left out",
        "choices → s2: left out",
    ] {
        assert!(said.contains(place), "{place} in {said}");
    }
    assert!(
        moved_aside(tmp.path(), "broken").is_empty(),
        "never set aside whole"
    );
    let saved = store.save(&mut session("s", &["x"])).expect("saves");
    assert!(saved.written);
    let copies = moved_aside(tmp.path(), "mended");
    assert_eq!(copies.len(), 1, "{copies:?}");
    assert_eq!(
        fs::read_to_string(&copies[0]).expect("read"),
        original,
        "byte for byte"
    );
    let after = fs::read_to_string(journal_path_in(tmp.path())).expect("read");
    assert!(
        after.contains("12345678901234567890"),
        "unknown data kept: {after}"
    );
    store.save(&mut session("t", &["y"])).expect("saves");
    assert_eq!(moved_aside(tmp.path(), "mended").len(), 1, "copied once");
}

#[test]
fn a_folder_that_cannot_be_flushed_after_the_rename_is_a_warning_not_a_failed_save() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let (mut store, _, _) = open(tmp.path());
    files::FAIL_DIR_SYNC.with(|fail| fail.set(true));
    let mut first = session("s1", &["a"]);
    let saved = store.save(&mut first);
    files::FAIL_DIR_SYNC.with(|fail| fail.set(false));
    // The change is on disk: a save, so no caller makes it again...
    let saved = saved.expect("the journal was replaced, so the save stands");
    assert!(saved.written);
    assert!(!first.pending.has_unsaved(), "nothing left to save again");
    assert_eq!(
        read(tmp.path()).expect("reads").status("a"),
        ReadStatus::Read
    );
    // ...and the failed flush is told, not ignored.
    let told: Vec<String> = saved.notices.iter().map(ToString::to_string).collect();
    assert!(
        matches!(saved.notices.as_slice(), [Notice::NotFlushed(..)]),
        "{told:?}"
    );
    assert!(
        told[0].contains("could not confirm it reached the disk"),
        "{told:?}"
    );
    // A save that flushes says nothing more.
    let mut second = session("s2", &["b"]);
    let saved = store.save(&mut second).expect("saves");
    assert!(saved.notices.is_empty(), "{:?}", saved.notices);
}
