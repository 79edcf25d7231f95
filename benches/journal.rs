//! Journal benchmarks at ten years of heavy use (35 sections, 3,650 days,
//! 100 reads a week), at 3,500 sections and 100 reads a day, and at a
//! hundred times ten years of heavy use (1,400 reads a day): open (lock,
//! read, parse), save (lock, re-read, merge, atomic write with fsync), and
//! parse, serialise and write alone.

mod fixtures;

use allyship::journal::record::{Journal, Session};
use allyship::journal::store::Store;
use criterion::{Criterion, criterion_group, criterion_main};
use fixtures::{TEN_YEARS, heavy_journal, section_ids, write_journal};
use std::hint::black_box;

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
        b.iter(|| allyship::journal::store::atomic_write(&path, black_box(&bytes)).expect("write"))
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
    let ten_years = fixtures::ten_years();
    // Kept for timing start-up with it: ALLYSHIP_DATA_DIR=target/ten-years.
    let keep = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("target/ten-years");
    write_journal(&keep, &ten_years);
    bench_size(c, "ten years", &ten_years);
    let large = fixtures::large_toolkit(100);
    bench_size(
        c,
        "ten years, 3,500 sections, 100 a day",
        &heavy_journal(&section_ids(&large), TEN_YEARS, 100),
    );
    bench_size(
        c,
        "a hundred times ten years",
        &fixtures::hundred_times(&large),
    );
}

criterion_group! {
    name = journal;
    config = Criterion::default().sample_size(10).measurement_time(std::time::Duration::from_secs(3));
    targets = benches
}
criterion_main!(journal);
