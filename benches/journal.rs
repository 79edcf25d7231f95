//! Journal benchmarks at ten years of heavy use (35 sections, 3,650 days,
//! 100 reads a week) and at a hundred times that many days' reads: open
//! (lock, read, parse), save (lock, re-read, merge, atomic write with fsync)
//! and parse alone.

use allyship::content;
use allyship::journal::{Journal, Session, local_day};
use allyship::store::Store;
use criterion::{Criterion, criterion_group, criterion_main};
use jiff::{Timestamp, ToSpan};
use std::hint::black_box;
use std::path::Path;

/// A journal of `days` days, `per_day` distinct sections read each day
/// (14 a day is 100 reads a week), one session a day.
fn heavy_journal(ids: &[String], days: i64, per_day: usize) -> Journal {
    let start: Timestamp = "2016-01-04T09:00:00Z".parse().expect("timestamp");
    let mut journal = Journal::new();
    for day in 0..days {
        let at = start.checked_add((day * 24).hours()).expect("in range");
        let mut session = Session::new(format!("{at}-1"));
        for k in 0..per_day {
            let id = &ids[(day as usize * 7 + k) % ids.len()];
            session.record_read(id, at, local_day(at));
        }
        session.add_active_secs(local_day(at), 1800);
        journal.apply(&session.pending, &session.id);
    }
    journal
}

fn write_journal(dir: &Path, journal: &Journal) {
    let text = serde_json::to_vec_pretty(journal).expect("serialise");
    std::fs::write(dir.join("journal.json"), text).expect("write");
}

fn bench_size(c: &mut Criterion, name: &str, journal: &Journal) {
    let dir = tempfile::tempdir().expect("temp dir");
    write_journal(dir.path(), journal);
    let bytes = std::fs::read(dir.path().join("journal.json")).expect("read");
    eprintln!("{name}: journal file {} KB", bytes.len() / 1024);
    c.bench_function(&format!("journal parse, {name}"), |b| {
        b.iter(|| serde_json::from_slice::<Journal>(black_box(&bytes)).expect("parse"))
    });
    let parsed: Journal = serde_json::from_slice(&bytes).expect("parse");
    c.bench_function(&format!("journal serialise, {name}"), |b| {
        b.iter(|| serde_json::to_vec_pretty(black_box(&parsed)).expect("serialise"))
    });
    c.bench_function(&format!("journal write with fsync, {name}"), |b| {
        let path = dir.path().join("copy.json");
        b.iter(|| allyship::store::atomic_write(&path, black_box(&bytes)).expect("write"))
    });
    c.bench_function(&format!("journal open, {name}"), |b| {
        b.iter(|| Store::open(dir.path().to_path_buf()))
    });
    let (mut store, _, _) = Store::open(dir.path().to_path_buf());
    let mut session = Session::new("bench");
    c.bench_function(&format!("journal save, {name}"), |b| {
        b.iter(|| {
            session.set_position("welcome", 3);
            store.save(&mut session).expect("save")
        })
    });
}

fn benches(c: &mut Criterion) {
    let ids: Vec<String> = content::built_in()
        .entries()
        .map(|e| e.section.id.clone())
        .collect();
    let ten_years = heavy_journal(&ids, 3650, 14);
    // Kept for timing start-up with it: ALLYSHIP_DATA_DIR=target/ten-years.
    let keep = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("target/ten-years");
    if std::fs::create_dir_all(&keep).is_ok() {
        write_journal(&keep, &ten_years);
    }
    bench_size(c, "ten years", &ten_years);
    let large_ids: Vec<String> = (0..3500).map(|n| format!("section-number-{n}")).collect();
    bench_size(
        c,
        "ten years, 3,500 sections, 100 a day",
        &heavy_journal(&large_ids, 3650, 100),
    );
}

criterion_group! {
    name = journal;
    config = Criterion::default().sample_size(20).measurement_time(std::time::Duration::from_secs(3));
    targets = benches
}
criterion_main!(journal);
