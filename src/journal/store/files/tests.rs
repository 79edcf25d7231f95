//! Folders and links (RELIABILITY 29 and 30) at the level of the store.

use super::super::{JOURNAL_FILE, LOCK_FILE, Mode, Store};
use super::*;
use std::os::unix::fs::{PermissionsExt, symlink};

fn mode_of(path: &Path) -> u32 {
    fs::symlink_metadata(path)
        .expect("metadata")
        .permissions()
        .mode()
        & 0o7777
}

#[test]
fn missing_folders_and_parents_are_made_0700_and_existing_ones_left_alone() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let shared = tmp.path().join("shared");
    fs::create_dir(&shared).expect("mkdir");
    set_mode(&shared, 0o755).expect("chmod");
    let dir = shared.join("a").join("b");
    create_private_dir(&dir).expect("made");
    assert_eq!(mode_of(&shared.join("a")), 0o700, "a parent made here");
    assert_eq!(mode_of(&dir), 0o700);
    assert_eq!(
        mode_of(&shared),
        0o755,
        "an existing parent is left as it is"
    );
}

#[test]
fn a_folder_others_can_write_to_is_refused_and_never_chmoded() {
    let tmp = tempfile::tempdir().expect("tempdir");
    for mode in [0o777, 0o1777, 0o770, 0o722] {
        set_mode(tmp.path(), mode).expect("chmod");
        let (store, journal, notices) = Store::open(tmp.path().to_path_buf());
        assert_eq!(
            (store.mode(), journal),
            (Mode::NotKept, crate::journal::record::Journal::new())
        );
        let said = notices[0].to_string();
        if mode & 0o1000 == 0 {
            assert!(said.contains("others can write to it"), "{said}");
            assert!(
                said.contains(&format!("chmod 700 {}", tmp.path().display())),
                "{said}"
            );
        } else {
            // A shared folder like /tmp: never advise making it private.
            assert!(said.contains("shared with others"), "{said}");
            assert!(!said.contains("chmod"), "{said}");
            let own = tmp.path().join("allyship");
            assert!(
                said.contains(&format!("mkdir -m 700 {}", own.display())),
                "{said}"
            );
        }
        assert_eq!(mode_of(tmp.path()), mode, "never chmod'ed");
        assert_eq!(
            fs::read_dir(tmp.path()).expect("list").count(),
            0,
            "nothing written"
        );
    }
    set_mode(tmp.path(), 0o700).expect("chmod back");
}

#[test]
fn a_journal_that_is_a_link_is_reported_and_nothing_goes_through_it() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let dir = tmp.path().join("data");
    create_private_dir(&dir).expect("made");
    let victim = tmp.path().join("victim.txt");
    fs::write(&victim, "not a journal").expect("write");
    set_mode(&victim, 0o644).expect("chmod");
    symlink(&victim, dir.join(JOURNAL_FILE)).expect("link");
    let (mut store, _, notices) = Store::open(dir.clone());
    assert_eq!(store.mode(), Mode::NotKept);
    let said = notices[0].to_string();
    assert!(said.contains("journal.json is a link"), "{said}");
    let mut session = crate::journal::record::Session::new("s");
    session.set_position("welcome", 1);
    assert!(!store.save(&mut session).expect("no error").written);
    assert!(store.reset().is_err(), "not moved aside through the link");
    assert_eq!(fs::read(&victim).expect("read"), b"not a journal");
    assert_eq!(mode_of(&victim), 0o644, "the target is never chmod'ed");
    assert!(
        fs::symlink_metadata(dir.join(JOURNAL_FILE))
            .expect("still")
            .is_symlink()
    );
    let aside = fs::read_dir(&dir)
        .expect("list")
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().starts_with("journal.json."))
        .count();
    assert_eq!(aside, 0, "no copy kept aside");
    // Whatever a race leaves, the primitives refuse the link themselves.
    assert!(move_aside(&dir.join(JOURNAL_FILE), "broken").is_err());
    assert!(copy_aside(&dir.join(JOURNAL_FILE), "v0-backup").is_err());
    assert!(read_no_follow(&dir.join(JOURNAL_FILE)).is_err());
    assert_eq!(mode_of(&victim), 0o644);
}

#[test]
fn the_probe_and_the_lock_never_write_through_a_planted_link() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let dir = tmp.path().join("data");
    create_private_dir(&dir).expect("made");
    let victim = tmp.path().join("victim.txt");
    fs::write(&victim, "precious").expect("write");
    let probe = dir.join(format!(".probe-{}-0", std::process::id()));
    symlink(&victim, &probe).expect("link");
    let absent = tmp.path().join("absent");
    symlink(&absent, dir.join(LOCK_FILE)).expect("link");
    prepare_dir(&dir).expect("the probe takes another name");
    assert_eq!(
        fs::read(&victim).expect("read"),
        b"precious",
        "not truncated"
    );
    let refused = open_lock_file(&dir).expect_err("no lock through a link");
    assert!(
        refused.to_string().contains("journal.lock is a link"),
        "{refused}"
    );
    assert!(!absent.exists(), "no file made where the link points");
    // A save never goes ahead without the lock: it fails, saying why.
    let (mut store, _, _) = Store::open(dir);
    let failed = store.save(&mut crate::journal::record::Session::new("s1"));
    let why = failed.expect_err("no save without the lock").to_string();
    assert!(why.contains("is a link"), "{why}");
    assert!(!absent.exists(), "no file made where the link points");
}

#[test]
fn moved_aside_files_are_private_and_never_a_link() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let path = tmp.path().join(JOURNAL_FILE);
    fs::write(&path, "oops").expect("write");
    set_mode(&path, 0o644).expect("chmod");
    let moved = move_aside(&path, "broken").expect("moved");
    assert_eq!(
        (mode_of(&moved), fs::read(&moved).expect("read")),
        (0o600, b"oops".to_vec())
    );
    fs::write(&path, "{}").expect("write");
    let copy = copy_aside(&path, "v0-backup").expect("copied");
    assert!(!fs::symlink_metadata(&copy).expect("meta").is_symlink());
    assert_eq!(mode_of(&copy), 0o600);
}
