//! The data and settings folders with the real binary: what the app makes
//! is 0700 under any umask, what exists is never chmod'ed and is refused if
//! others can change it (RELIABILITY 29), and links in the data folder are
//! never followed (RELIABILITY 30).
#![cfg(unix)]

use std::fs;
use std::os::unix::fs::{MetadataExt, PermissionsExt, symlink};
use std::path::Path;
use std::process::{Command, Output, Stdio};

use allyship::journal::record::Session;
use allyship::journal::store::Store;

fn mode_of(path: &Path) -> u32 {
    fs::symlink_metadata(path)
        .expect("metadata")
        .permissions()
        .mode()
        & 0o7777
}

fn chmod(path: &Path, mode: u32) {
    fs::set_permissions(path, fs::Permissions::from_mode(mode)).expect("chmod");
}

/// Runs the binary under `umask 000` with `home` as the home folder and no
/// data folder named, so it uses the platform's folders under `home`.
fn run_at_home(home: &Path, args: &[&str]) -> Output {
    Command::new("sh")
        .arg("-c")
        .arg("umask 000; exec \"$0\" \"$@\"")
        .arg(env!("CARGO_BIN_EXE_allyship"))
        .args(args)
        .env("HOME", home)
        .env_remove("ALLYSHIP_DATA_DIR")
        .env_remove("XDG_DATA_HOME")
        .env_remove("XDG_CONFIG_HOME")
        .current_dir(home)
        .stdin(Stdio::null())
        .output()
        .expect("run allyship")
}

fn run_in(data_dir: &Path, args: &[&str]) -> (Output, String, String) {
    let out = crate::common::commands::allyship(data_dir)
        .args(args)
        .stdin(Stdio::null())
        .output()
        .expect("run allyship");
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    (out, stdout, stderr)
}

/// A journal with one section read, saved while the folder was private.
fn journal_in(dir: &Path) {
    let (mut store, _, _) = Store::open(dir.to_path_buf());
    let at = jiff::Timestamp::from_second(1_750_000_000).expect("a time");
    let mut session = Session::new("s1");
    session.record_read("welcome", at, allyship::journal::record::local_day(at));
    assert!(store.save(&mut session).expect("saves").written);
}

#[test]
fn under_umask_000_every_folder_made_is_0700_and_home_is_left_alone() {
    let root = tempfile::tempdir().expect("tempdir");
    let home = root.path().join("home");
    fs::create_dir(&home).expect("mkdir");
    chmod(&home, 0o755);
    // Reading makes nothing; the first thing kept (an import) makes the folders.
    let out = run_at_home(&home, &["journal"]);
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    assert!(!home.join(".local").exists(), "reading makes no folder");
    let export = root.path().join("export.json");
    fs::write(
        &export,
        r#"{"format": "allyship-export", "version": 1, "data": {}}"#,
    )
    .expect("write");
    let out = run_at_home(&home, &["import", export.to_str().expect("utf-8")]);
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    // A theme asked for is remembered, though without a terminal the guide starts.
    let out = run_at_home(&home, &["--theme", "mono"]);
    assert!(
        !String::from_utf8_lossy(&out.stderr).contains("could not"),
        "{out:?}"
    );
    for made in [
        ".local",
        ".local/share",
        ".local/share/allyship",
        ".config",
        ".config/allyship",
    ] {
        assert_eq!(mode_of(&home.join(made)), 0o700, "{made}");
    }
    let lock = home.join(".local/share/allyship/journal.lock");
    assert_eq!(mode_of(&lock), 0o600);
    assert_eq!(mode_of(&home.join(".config/allyship/settings.json")), 0o600);
    assert_eq!(
        mode_of(&home),
        0o755,
        "an existing folder is never chmod'ed"
    );
}

#[test]
fn a_folder_others_can_write_to_is_refused_left_as_it_is_and_still_read() {
    let root = tempfile::tempdir().expect("tempdir");
    let dir = root.path().join("shared");
    journal_in(&dir);
    chmod(&dir, 0o777);
    let before = fs::read(dir.join("journal.json")).expect("read");
    let (out, stdout, stderr) = run_in(&dir, &["journal"]);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    assert!(
        stdout.contains(&format!(
            "1 of {} read",
            allyship::toolkit::content::built_in().section_count()
        )),
        "reading still works:\n{stdout}"
    );
    assert!(stderr.contains("Progress can't be kept"), "{stderr}");
    assert!(stderr.contains("others can write to it"), "{stderr}");
    let advice = format!("chmod 700 {}", dir.display());
    assert!(stderr.contains(&advice), "{stderr}");
    assert!(stderr.contains("--data-dir"), "{stderr}");
    let (_, _, stderr) = run_in(&dir, &["--theme", "mono"]);
    assert!(
        stderr.contains("The theme could not be remembered"),
        "{stderr}"
    );
    assert_eq!(mode_of(&dir), 0o777, "never chmod'ed");
    assert_eq!(fs::read(dir.join("journal.json")).expect("read"), before);
    assert!(!dir.join("settings.json").exists());
    chmod(&dir, 0o700);
}

/// The names in `dir`, sorted, to show nothing was added.
fn listing(dir: &Path) -> Vec<std::ffi::OsString> {
    let mut names: Vec<_> = fs::read_dir(dir)
        .expect("list")
        .map(|entry| entry.expect("entry").file_name())
        .collect();
    names.sort();
    names
}

#[test]
fn a_folder_owned_by_someone_else_is_refused() {
    let root = tempfile::tempdir().expect("tempdir");
    // Only root can give a folder away (CI runs as root); anyone else is
    // shown one that root owns, the file system's root.
    let (dir, owner) = if crate::common::commands::is_root() {
        let dir = root.path().join("theirs");
        fs::create_dir(&dir).expect("mkdir");
        chmod(&dir, 0o700);
        std::os::unix::fs::chown(&dir, Some(65_534), Some(65_534)).expect("chown");
        (dir, 65_534)
    } else {
        let dir = Path::new("/").to_path_buf();
        let owner = fs::metadata(&dir).expect("meta").uid();
        (dir, owner)
    };
    let before = listing(&dir);
    let (out, _, stderr) = run_in(&dir, &["journal"]);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    assert!(stderr.contains("belongs to another user"), "{stderr}");
    assert_eq!(listing(&dir), before, "nothing written");
    assert_eq!(fs::metadata(&dir).expect("meta").uid(), owner);
}

#[test]
fn a_journal_that_is_a_link_is_reported_never_followed() {
    let root = tempfile::tempdir().expect("tempdir");
    let dir = root.path().join("data");
    journal_in(&dir);
    let victim = root.path().join("victim.txt");
    fs::write(&victim, "not a journal").expect("write");
    chmod(&victim, 0o644);
    fs::remove_file(dir.join("journal.json")).expect("rm");
    symlink(&victim, dir.join("journal.json")).expect("link");
    // A journal that can't be read is an error for a command that reads it.
    let (out, _, stderr) = run_in(&dir, &["journal"]);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    let named = format!("{} is a link", dir.join("journal.json").display());
    assert!(stderr.contains(&named), "{stderr}");
    let (out, _, stderr) = run_in(&dir, &["reset", "--yes"]);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("Nothing changed"), "{stderr}");
    assert_eq!(fs::read(&victim).expect("read"), b"not a journal");
    assert_eq!(mode_of(&victim), 0o644, "the target is never chmod'ed");
    assert!(
        fs::symlink_metadata(dir.join("journal.json"))
            .expect("meta")
            .is_symlink()
    );
    let moved = fs::read_dir(&dir)
        .expect("list")
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().starts_with("journal.json."))
        .count();
    assert_eq!(moved, 0, "nothing moved or copied aside through the link");
    // The walkthrough log too: never read through a link.
    symlink(&victim, dir.join("walkthroughs.json")).expect("link");
    let (out, stdout, stderr) = run_in(&dir, &["walkthroughs"]);
    assert_eq!(out.status.code(), Some(1), "{stdout}{stderr}");
    let named = format!("{} is a link", dir.join("walkthroughs.json").display());
    assert!(stderr.contains(&named), "{stderr}");
}

/// Runs the binary with `timeout 10`, so a command that would wait for ever
/// fails the test (exit 124) instead of holding it.
fn run_in_at_most_10s(data_dir: &Path, args: &[&str]) -> (Option<i32>, String) {
    let out = Command::new("timeout")
        .arg("10")
        .arg(env!("CARGO_BIN_EXE_allyship"))
        .args(args)
        .env("ALLYSHIP_DATA_DIR", data_dir)
        .stdin(Stdio::null())
        .output()
        .expect("run allyship under timeout");
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn a_pipe_or_device_under_a_files_name_is_reported_never_waited_on_or_read() {
    let root = tempfile::tempdir().expect("tempdir");
    let dir = root.path().join("data");
    journal_in(&dir);
    // A FIFO as the journal: opening it to read would wait for a writer.
    fs::remove_file(dir.join("journal.json")).expect("rm");
    let made = Command::new("mkfifo")
        .arg(dir.join("journal.json"))
        .status();
    assert!(made.expect("mkfifo runs").success());
    for args in [
        &["journal"][..],
        &["commit", "I will listen"],
        &["mark-read", "1"],
    ] {
        let (code, stderr) = run_in_at_most_10s(&dir, args);
        assert_eq!(code, Some(1), "{args:?} (124 is a hang): {stderr}");
        assert!(stderr.contains("not a plain file"), "{args:?}: {stderr}");
    }
    // A FIFO as the lock: opening it to write would wait for a reader.
    fs::remove_file(dir.join("journal.json")).expect("rm");
    journal_in(&dir);
    let lock = dir.join("journal.lock");
    let _ = fs::remove_file(&lock);
    let made = Command::new("mkfifo").arg(&lock).status();
    assert!(made.expect("mkfifo runs").success());
    let (code, stderr) = run_in_at_most_10s(&dir, &["mark-read", "2"]);
    assert_eq!(code, Some(1), "124 is a hang: {stderr}");
    assert!(stderr.contains("not a plain file"), "{stderr}");
    // Files named on the command line: a device is refused at once, never
    // read until the memory runs out.
    for args in [
        &["import", "/dev/zero"][..],
        &["--content", "/dev/zero", "list"],
        &["check-content", "/dev/zero"],
    ] {
        let (code, stderr) = run_in_at_most_10s(&dir, args);
        assert_eq!(code, Some(1), "{args:?}: {stderr}");
        assert!(stderr.contains("a device"), "{args:?}: {stderr}");
    }
}

/// Issue 27, item 16: a relative `HOME` or `ALLYSHIP_DATA_DIR` is refused
/// with a clear message, and nothing is written under the current folder.
#[test]
fn a_relative_home_or_data_dir_is_refused_and_nothing_is_written_here() {
    let here = tempfile::tempdir().expect("tempdir");
    for (var, value, other) in [
        ("HOME", "home", "ALLYSHIP_DATA_DIR"),
        ("ALLYSHIP_DATA_DIR", "data", "HOME"),
    ] {
        for args in [&["commit", "I will ask"][..], &["notes"]] {
            let out = Command::new(env!("CARGO_BIN_EXE_allyship"))
                .args(args)
                .env(var, value)
                .env_remove(other)
                .env_remove("XDG_DATA_HOME")
                .env_remove("XDG_CONFIG_HOME")
                .env_remove("XDG_STATE_HOME")
                .current_dir(here.path())
                .stdin(Stdio::null())
                .output()
                .expect("run allyship");
            let err = String::from_utf8_lossy(&out.stderr);
            assert_eq!(out.status.code(), Some(1), "{var} {args:?}: {err}");
            assert!(
                err.contains(&format!("{var} is not a full path")),
                "{var} {args:?}: {err}"
            );
        }
        let left: Vec<_> = fs::read_dir(here.path()).expect("dir").flatten().collect();
        assert!(left.is_empty(), "nothing written here: {left:?}");
    }
}
