//! SIGKILL at random moments during saves, at least 80 kills over at least
//! 300 saves: every journal left behind parses and equals the journal
//! before or after the save that was under way. The saving process is this test binary run again (the real
//! `Store::save`, in its own process); it reports each finished save on
//! stderr, so the test knows which two journals are allowed.
//!
//! Set `ALLYSHIP_KILL_SEED` to repeat a run; a failure prints its seed.
//!
//! Where the time goes: every save writes and fsyncs the whole journal,
//! which keeps every version of every note and so grows by about 900 bytes
//! a save (600 KB after 700). A thousand saves with a kill every 13 on
//! average took 20 s here (83 kills), most of it saving a journal of half a
//! megabyte and more between kills that proved nothing new. Now a kill
//! comes every 4 or 5 saves, so as many kills take about 400 saves, on a
//! journal that stays under 400 KB.

#![cfg(unix)]

use allyship::journal::record::{Journal, Session};
use allyship::journal::store::Store;
use jiff::Timestamp;
use jiff::civil::date;
use std::io::{BufRead, BufReader, Write};
use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const DIR_ENV: &str = "ALLYSHIP_TEST_KILL_DIR";
const FROM_ENV: &str = "ALLYSHIP_TEST_KILL_FROM";
/// At least this many saves, and at least [`KILLS`] kills.
const SAVES: u64 = 300;
/// At least this many kills, each at a random moment.
const KILLS: u32 = 80;

/// Save number `k` of the run: a read, active time, a position, a note and
/// now and then a bookmark, all fixed by `k` so the parent can work out the
/// journal after any number of saves. Sessions change every ten saves, so
/// sections are revisited too; notes grow and shrink, so files do.
fn step(k: u64) -> Session {
    let at = Timestamp::from_second(1_700_000_000 + k as i64).expect("valid");
    let day = date(2024, 3, 1 + (k / 40 % 28) as i8);
    let section = format!("section-{}", k % 97);
    let mut session = Session::new(format!("run-{}", k / 10));
    session.record_read(&section, at, day);
    session.add_active_secs(day, 5);
    session.set_position(&section, (k % 50) as u16);
    let words = "I noticed how the meeting went quiet. ".repeat((k % 40) as usize);
    session.set_note(&format!("section-{}", k % 31), format!("{k}: {words}"), at);
    if k.is_multiple_of(3) {
        session.set_bookmark(&section, Some(format!("mark {k}")), at);
    }
    session
}

/// Child half: saves step after step until killed, printing `saved K` on
/// stderr after each save returns. Does nothing unless started by
/// `sigkill_during_saves_leaves_the_before_or_after_journal`.
#[test]
#[ignore = "run by sigkill_during_saves_leaves_the_before_or_after_journal"]
fn save_forever() {
    let (Some(dir), Some(from)) = (std::env::var_os(DIR_ENV), std::env::var(FROM_ENV).ok()) else {
        eprintln!("skipped: the saving half of the SIGKILL test, which starts it itself");
        return;
    };
    let from: u64 = from.parse().expect("a number");
    let (mut store, _, notices) = Store::open(PathBuf::from(dir));
    assert!(notices.is_empty(), "{notices:?}");
    let mut stderr = std::io::stderr();
    for k in from + 1.. {
        store.save(&mut step(k)).expect("saves");
        writeln!(stderr, "saved {k}").expect("reports");
    }
}

/// A small xorshift generator: enough randomness for kill times, and
/// repeatable from its seed.
struct Random(u64);

impl Random {
    fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % n
    }
}

/// Journals after 0, 1, 2, ... saves, worked out in memory.
struct Expected(Vec<Journal>);

impl Expected {
    fn after(&mut self, saves: u64) -> &Journal {
        while self.0.len() as u64 <= saves {
            let mut next = self.0.last().cloned().unwrap_or_default();
            let session = step(self.0.len() as u64);
            next.apply(&session.pending, &session.id);
            self.0.push(next);
        }
        &self.0[saves as usize]
    }
}

/// The full name of the `save_forever` test in this binary: its module path
/// without the binary's own name (`crash::save_forever` in `tests/it`).
fn save_forever_name() -> String {
    match module_path!().split_once("::") {
        Some((_, module)) => format!("{module}::save_forever"),
        None => "save_forever".into(),
    }
}

#[test]
fn sigkill_during_saves_leaves_the_before_or_after_journal() {
    let seed = std::env::var("ALLYSHIP_KILL_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| {
            let now = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH);
            now.map_or(1, |d| d.as_nanos() as u64) | 1
        });
    let mut random = Random(seed);
    let tmp = tempfile::tempdir().expect("tempdir");
    let exe = std::env::current_exe().expect("test binary");
    let mut expected = Expected(vec![Journal::new()]);
    let mut done = 0u64;
    let mut kills = 0;
    let mut killed_mid_save = 0;
    let started = Instant::now();
    while done < SAVES || kills < KILLS {
        let mut child = Command::new(&exe)
            .args([
                "--exact",
                &save_forever_name(),
                "--ignored",
                "--nocapture",
                "--quiet",
            ])
            .env(DIR_ENV, tmp.path())
            .env(FROM_ENV, done.to_string())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .expect("spawns");
        let stderr = child.stderr.take().expect("piped");
        let (tx, rx) = std::sync::mpsc::channel();
        let reader = std::thread::spawn(move || {
            let mut lines = Vec::new();
            for line in BufReader::new(stderr).lines().map_while(Result::ok) {
                if let Some(k) = line
                    .strip_prefix("saved ")
                    .and_then(|k| k.parse::<u64>().ok())
                {
                    let _ = tx.send(k);
                } else {
                    lines.push(line);
                }
            }
            lines
        });
        // Let a random number of saves finish (none, sometimes: a kill while
        // opening), then kill at a random moment within the next few saves.
        let wait_for = done + random.below(8);
        let deadline = Instant::now() + Duration::from_secs(30);
        let mut seen = done;
        while seen < wait_for && Instant::now() < deadline {
            if let Ok(k) = rx.recv_timeout(Duration::from_millis(100)) {
                seen = k;
            }
        }
        std::thread::sleep(Duration::from_micros(random.below(8000)));
        child.kill().expect("SIGKILL");
        child.wait().expect("reaped");
        let other_output = reader.join().expect("reader");
        let last = rx.try_iter().last().unwrap_or(seen).max(seen);
        kills += 1;

        let (_, journal, notices) = Store::open(tmp.path().to_path_buf());
        let context = format!("seed {seed}, kill {kills}, after save {last}: {other_output:?}");
        assert!(notices.is_empty(), "{context}: {notices:?}");
        if &journal == expected.after(last) {
            done = last;
        } else {
            assert!(
                &journal == expected.after(last + 1),
                "{context}: the journal is neither the one before nor the one after the save under way"
            );
            done = last + 1;
            killed_mid_save += 1;
        }
        assert!(
            started.elapsed() < Duration::from_secs(120),
            "{context}: too slow"
        );
    }
    eprintln!(
        "{done} saves, {kills} kills ({killed_mid_save} after the file was replaced but before the save returned), seed {seed}, {:.1} s",
        started.elapsed().as_secs_f64()
    );
    assert!(kills >= KILLS, "seed {seed}: only {kills} kills");
    let names: Vec<_> = std::fs::read_dir(tmp.path())
        .expect("lists")
        .map(|entry| entry.expect("entry").file_name())
        .collect();
    assert_eq!(
        names.len(),
        2,
        "opening removed killed saves' temp files: {names:?}"
    );
}
