//! Tests of several copies saving the same journal: merging under the
//! lock, waiting for a held lock, and the compare-and-swap where the file
//! system can't lock.

use super::*;

#[test]
fn two_copies_saving_in_turn_lose_nothing() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let (mut first, _, _) = open(tmp.path());
    let (mut second, _, _) = open(tmp.path());
    let mut a = session("A", &["x"]);
    let mut b = session("B", &["x", "y"]);
    for round in 0..3u64 {
        a.add_active_secs(date(2024, 3, 1), 10);
        b.add_active_secs(date(2024, 3, 1), 1);
        first.save(&mut a).expect("saves");
        let saved = second.save(&mut b).expect("saves");
        assert_eq!(
            saved.journal.records.days[&date(2024, 3, 1)].active_secs,
            11 * (round + 1)
        );
    }
    a.set_position("x", 3);
    first.save(&mut a).expect("saves");
    let (_, journal, _) = open(tmp.path());
    assert_eq!(journal.records.sections["x"].sessions, 2);
    assert_eq!(journal.records.sections["y"].sessions, 1);
    assert_eq!(journal.status("x"), ReadStatus::Revisited);
    assert_eq!(journal.position.map(|p| p.scroll), Some(3));
}

#[test]
fn a_save_after_open_still_sees_what_another_copy_saved_since() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let (mut setup, _, _) = open(tmp.path());
    setup.save(&mut session("setup", &["w"])).expect("saves");
    // Both open an existing file, so both remember it as read.
    let (mut first, _, _) = open(tmp.path());
    let (mut second, _, _) = open(tmp.path());
    second.save(&mut session("B", &["y"])).expect("saves");
    let saved = first.save(&mut session("A", &["x"])).expect("saves");
    for id in ["w", "x", "y"] {
        assert!(saved.journal.records.sections.contains_key(id), "{id}");
    }
    let (_, journal, _) = open(tmp.path());
    assert_eq!(journal.records.sections.len(), 3);
}

#[test]
fn a_held_lock_is_never_skipped_and_the_changes_wait() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let (mut store, _, _) = open(tmp.path());
    store.set_patience(Patience::Brief(Duration::from_millis(50)));
    let Ok(lock::Lock::Held(holder)) = lock::lock(tmp.path(), Patience::Forever) else {
        panic!("locks");
    };
    let mut waiting = session("s1", &["a"]);
    let busy = store.save(&mut waiting);
    assert!(matches!(busy, Err(StoreError::Busy)), "{busy:?}");
    assert!(
        !journal_path_in(tmp.path()).exists(),
        "nothing written unlocked"
    );
    assert!(waiting.pending.has_unsaved(), "kept for the next try");
    drop(holder);
    let saved = store
        .save(&mut waiting)
        .expect("saves once the lock is free");
    assert!(saved.written && saved.notices.is_empty());
    assert_eq!(open(tmp.path()).1.status("a"), ReadStatus::Read);
}

#[test]
fn without_locking_a_save_says_so_once_and_never_writes_over_another_copy() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let (mut store, _, _) = open(tmp.path());
    store.pretend_no_locking = true;
    let saved = store.save(&mut session("s1", &["a"])).expect("saves");
    assert!(saved.written);
    assert!(matches!(saved.notices[..], [Notice::NoLocking(_)]));
    // Another copy saves between this store's saves: its read is kept.
    let (mut other, _, _) = open(tmp.path());
    other.save(&mut session("s2", &["b"])).expect("saves");
    let again = store.save(&mut session("s3", &["c"])).expect("saves");
    assert!(again.notices.is_empty(), "told once");
    let (_, journal, _) = open(tmp.path());
    for id in ["a", "b", "c"] {
        assert_eq!(journal.status(id), ReadStatus::Read, "{id}");
    }
}

#[test]
fn the_swap_is_refused_when_the_file_changed_after_it_was_read() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let path = tmp.path().join("f.json");
    fs::write(&path, "old").expect("write");
    let swapped = files::atomic_write_if(&path, b"new", || false).expect("writes");
    assert!(matches!(swapped, files::Swapped::Not));
    assert_eq!(fs::read(&path).expect("read"), b"old");
    assert_eq!(
        fs::read_dir(tmp.path()).expect("dir").count(),
        1,
        "no temp left"
    );
    let swapped = files::atomic_write_if(&path, b"new", || true).expect("writes");
    assert!(matches!(swapped, files::Swapped::Flushed));
    assert_eq!(fs::read(&path).expect("read"), b"new");
}

#[test]
fn update_merges_into_the_journal_as_re_read_and_returns_its_result() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let (mut stale, _, _) = open(tmp.path());
    let (mut other, _, _) = open(tmp.path());
    other.save(&mut session("B", &["b"])).expect("saves");
    let (saved, seen) = stale
        .update(|journal| {
            journal.position = None;
            journal.records.sections.len()
        })
        .expect("updates");
    assert_eq!(
        (saved.written, seen),
        (true, 1),
        "ran on the re-read journal"
    );
    assert_eq!(open(tmp.path()).1.status("b"), ReadStatus::Read);
}

#[test]
fn a_lock_file_deleted_while_held_never_lets_a_save_write_over_another() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let (mut first, _, _) = open(tmp.path());
    let (mut second, _, _) = open(tmp.path());
    let mut tries = 0;
    // While the first copy holds the lock and has read the journal, someone
    // deletes `journal.lock`, and a second copy makes a new one and saves.
    let (saved, ()) = first
        .update(|journal| {
            tries += 1;
            if tries == 1 {
                fs::remove_file(tmp.path().join(LOCK_FILE)).expect("unlink");
                second.save(&mut session("B", &["b"])).expect("saves");
            }
            journal.apply(&session("A", &["a"]).pending, "A");
        })
        .expect("saves");
    assert!(saved.written);
    assert_eq!(tries, 2, "read again and merged once the lock was lost");
    let (_, journal, _) = open(tmp.path());
    for id in ["a", "b"] {
        assert_eq!(journal.status(id), ReadStatus::Read, "{id}");
    }
}
