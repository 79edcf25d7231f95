//! Reader benchmarks: loading the toolkit, and a keypress to a redrawn frame
//! (update plus draw into ratatui's TestBackend) at 80x24 and 200x60, with
//! the built-in toolkit and one a hundred times larger.

mod fixtures;

use allyship::reader::action::Action;
use allyship::reader::app::App;
use allyship::reader::ui;
use allyship::reader::update::update;
use allyship::toolkit::content::{self, Toolkit};
use criterion::{Criterion, criterion_group, criterion_main};
use fixtures::large_toolkit;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::hint::black_box;

fn keypress_to_frame(c: &mut Criterion, name: &str, toolkit: &Toolkit, width: u16, height: u16) {
    let mut app = App::new(toolkit.clone(), width, height);
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("test backend");
    let keys = [
        Action::NextSection,
        Action::Down,
        Action::PreviousSection,
        Action::Up,
    ];
    let mut n = 0;
    c.bench_function(name, |b| {
        b.iter(|| {
            n = (n + 1) % keys.len();
            update(&mut app, keys[n]);
            terminal
                .draw(|frame| ui::draw(frame, black_box(&app)))
                .expect("draw");
        })
    });
}

fn benches(c: &mut Criterion) {
    let toolkit = content::built_in();
    let large = large_toolkit(100);
    let large_json = serde_json::to_string(&large).expect("serialise");
    // What start-up does: the values build.rs generated, copied.
    c.bench_function("built-in toolkit at start-up", |b| {
        b.iter(content::built_in)
    });
    // What a `--content` file costs: parsing and checking.
    c.bench_function("load built-in toolkit (35 sections)", |b| {
        b.iter(|| content::load(black_box(content::BUILT_IN)))
    });
    c.bench_function("load large toolkit (3,500 sections)", |b| {
        b.iter(|| content::load(black_box(&large_json)))
    });
    keypress_to_frame(c, "keypress to frame 80x24", &toolkit, 80, 24);
    keypress_to_frame(c, "keypress to frame 200x60", &toolkit, 200, 60);
    keypress_to_frame(
        c,
        "keypress to frame 200x60, 3,500 sections",
        &large,
        200,
        60,
    );
    // Search as you type: each prefix of a query, as each keystroke would.
    let index = allyship::toolkit::search::Index::new(&large);
    let query = "listne actively";
    c.bench_function("search per keystroke, 3,500 sections", |b| {
        let mut n = 0;
        b.iter(|| {
            n = n % query.len() + 1;
            index.search(black_box(&query[..n]), allyship::reader::app::SEARCH_LIMIT)
        })
    });
    c.bench_function("search index build, 3,500 sections", |b| {
        b.iter(|| allyship::toolkit::search::Index::new(black_box(&large)))
    });
}

criterion_group! {
    name = reader;
    config = Criterion::default().sample_size(30).measurement_time(std::time::Duration::from_secs(2));
    targets = benches
}
criterion_main!(reader);
