//! Tests of the data folder itself: picking it, making it again, and
//! folders that are loose, read-only or unusable.

use super::*;

/// RELIABILITY 29: a folder that others came to be able to write to is
/// refused for the next save, and left as it is (never chmod'ed back).
#[cfg(unix)]
#[test]
fn a_folder_made_loose_between_saves_is_refused_not_chmoded() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let (mut store, _, _) = open(tmp.path());
    store.save(&mut session("s1", &["a"])).expect("saves");
    set_mode(tmp.path(), 0o777).expect("chmod");
    let err = store.save(&mut session("s2", &["b"])).expect_err("refused");
    assert!(err.to_string().contains("others can write to it"), "{err}");
    assert_eq!(mode_of(tmp.path()), 0o777, "never chmod'ed");
    assert_eq!(open(tmp.path()).1.status("b"), ReadStatus::Unread);
}

/// Issue 27, item 4: a data folder moved or deleted while a copy runs is
/// never made again holding only that copy's changes; the changes wait, and
/// are saved if the folder comes back.
#[test]
fn a_folder_moved_or_deleted_while_open_is_never_made_again() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let dir = tmp.path().join("data");
    let (mut store, _, _) = open(&dir);
    store.save(&mut session("s0", &["old"])).expect("saves");
    let moved = tmp.path().join("moved");
    fs::rename(&dir, &moved).expect("moved");
    let mut reader = session("s1", &["a"]);
    let err = store.save(&mut reader).expect_err("refused");
    assert!(matches!(err, StoreError::FolderGone(_)), "{err}");
    assert!(err.to_string().contains("has gone"), "{err}");
    assert!(!dir.exists(), "not made again");
    assert!(reader.pending.has_unsaved(), "the changes wait");
    // Someone makes a new folder at that name: not the one opened either.
    fs::create_dir(&dir).expect("mkdir");
    assert!(matches!(
        store.save(&mut reader),
        Err(StoreError::FolderGone(_))
    ));
    assert!(!journal_path_in(&dir).exists());
    fs::remove_dir(&dir).expect("rmdir");
    // The folder comes back: the changes are saved with what it held.
    fs::rename(&moved, &dir).expect("moved back");
    assert!(store.save(&mut reader).expect("saves").written);
    let journal = open(&dir).1;
    assert_eq!(journal.status("a"), ReadStatus::Read);
    assert_eq!(journal.status("old"), ReadStatus::Read);
}

#[cfg(unix)]
#[test]
fn a_read_only_folder_still_shows_the_journal_it_holds() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let dir = tmp.path().join("kept");
    fs::create_dir(&dir).expect("mkdir");
    let (mut store, _, _) = open(&dir);
    let at = Timestamp::from_second(1_700_000_000).expect("valid");
    let mut writer = session("s1", &["a"]);
    writer.set_note("a", "my words", at);
    store.save(&mut writer).expect("saves");
    // A folder nothing can be created in: read-only, or (for root, whom
    // modes do not stop) immutable where the file system allows it.
    set_mode(&dir, 0o500).expect("chmod");
    let immutable = |on: bool| {
        let flag = if on { "+i" } else { "-i" };
        std::process::Command::new("chattr")
            .arg(flag)
            .arg(&dir)
            .status()
            .is_ok_and(|s| s.success())
    };
    let writable = || {
        let probe = dir.join("probe");
        let wrote = fs::write(&probe, "x").is_ok();
        let _ = fs::remove_file(probe);
        wrote
    };
    let made_immutable = writable() && immutable(true);
    if writable() {
        eprintln!("skipped: this user can write to any folder here");
    } else {
        let (store, journal, notices) = open(&dir);
        assert_eq!(store.mode(), Mode::NotKept);
        assert!(matches!(notices[..], [Notice::NotKept(_)]));
        assert_eq!(
            journal.records.notes["a"].text, "my words",
            "shown, read-only"
        );
        assert_eq!(journal.status("a"), ReadStatus::Read);
        assert!(store.why_not_written().is_some());
    }
    if made_immutable {
        immutable(false);
    }
    set_mode(&dir, 0o700).expect("chmod back");
}

#[test]
fn an_unusable_dir_keeps_nothing() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let file = tmp.path().join("file");
    fs::write(&file, "not a folder").expect("write");
    let (mut store, journal, notices) = open(&file.join("sub"));
    assert_eq!((store.mode(), journal), (Mode::NotKept, Journal::new()));
    assert!(matches!(notices[..], [Notice::NotKept(_)]));
    let saved = store.save(&mut session("s1", &["a"])).expect("no-op");
    assert!(!saved.written);
    assert_eq!(saved.journal.status("a"), ReadStatus::Read);
    assert!(store.reset().is_err());
}

#[cfg(unix)]
#[test]
fn a_read_only_dir_keeps_nothing_unless_root_can_write() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let dir = tmp.path().join("ro");
    fs::create_dir(&dir).expect("mkdir");
    set_mode(&dir, 0o500).expect("chmod");
    let root_writes = fs::write(dir.join("probe"), "x").is_ok();
    let (store, _, notices) = open(&dir);
    if root_writes {
        assert_eq!(store.mode(), Mode::Kept, "root may write anywhere");
    } else {
        assert_eq!(store.mode(), Mode::NotKept);
        assert!(matches!(notices[..], [Notice::NotKept(_)]));
    }
    set_mode(&dir, 0o700).expect("chmod back");
}

#[test]
fn an_unreadable_journal_is_left_alone() {
    let tmp = tempfile::tempdir().expect("tempdir");
    fs::create_dir(journal_path_in(tmp.path())).expect("a folder where the file should be");
    let (mut store, _, notices) = open(tmp.path());
    assert_eq!(store.mode(), Mode::NotKept);
    assert!(matches!(notices[..], [Notice::NotKept(_)]));
    assert!(
        !store
            .save(&mut session("s1", &["a"]))
            .expect("no-op")
            .written
    );
    assert!(journal_path_in(tmp.path()).is_dir());
}

#[test]
fn data_dir_prefers_flag_then_env_then_platform() {
    let some = |s: &str| Some(PathBuf::from(s));
    let platform = || some("/home/p/.local/share/allyship");
    let pick = |cli, env| choose_data_dir(cli, env, platform).expect("found");
    assert_eq!(pick(some("/flag"), some("/env")), PathBuf::from("/flag"));
    assert_eq!(pick(None, some("/env")), PathBuf::from("/env"));
    assert_eq!(
        pick(some(""), some("")),
        PathBuf::from("/home/p/.local/share/allyship")
    );
    let none = choose_data_dir(None, None, || None);
    assert!(matches!(none, Err(StoreError::NoDataDir)));
    let message = StoreError::NoDataDir.to_string();
    assert!(message.contains("progress can't be kept"));
}

/// Issue 27, item 16: a relative `ALLYSHIP_DATA_DIR`, or a relative `HOME`
/// under the platform's folder, is refused; `--data-dir` is the person's
/// own choice from where they stand.
#[test]
fn a_relative_data_dir_from_the_environment_or_home_is_refused() {
    let some = |s: &str| Some(PathBuf::from(s));
    let env = choose_data_dir(None, some("rel/data"), || some("/home/p/x"));
    assert!(
        matches!(env, Err(StoreError::RelativeDir("ALLYSHIP_DATA_DIR", _))),
        "{env:?}"
    );
    let home = choose_data_dir(None, None, || some("home/.local/share/allyship"));
    let err = home.expect_err("refused");
    assert!(matches!(err, StoreError::RelativeDir("HOME", _)), "{err:?}");
    assert!(
        err.to_string().starts_with("HOME is not a full path"),
        "{err}"
    );
    let flag = choose_data_dir(some("mine"), some("rel"), || None);
    assert_eq!(flag.expect("the flag"), PathBuf::from("mine"));
}
