//! Note editor benchmarks at the size a hostile paste reaches: a 1 MB paste
//! into the editor (the insertion and the frame after it), and a key typed
//! at the end of a 1 MB note (update plus draw, 80x24 and 200x60).

use allyship::reader::action::Action;
use allyship::reader::app::App;
use allyship::reader::ui;
use allyship::reader::update::{paste, update};
use allyship::toolkit::content;
use criterion::{Criterion, criterion_group, criterion_main};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use std::hint::black_box;

/// About `bytes` of prose in paragraphs, with some Unicode.
fn prose(bytes: usize) -> String {
    let sentence = "Listening first, I noticed how the family's words changed the plan — café, naïve, 多样性. ";
    let mut text = String::with_capacity(bytes + sentence.len());
    let mut n = 0;
    while text.len() < bytes {
        text.push_str(sentence);
        n += 1;
        if n % 6 == 0 {
            text.push('\n');
        }
    }
    text
}

/// The app at `width`x`height` with the note editor open on section 1.
fn editing(width: u16, height: u16) -> (App, Terminal<TestBackend>) {
    let mut app = App::new(content::built_in(), width, height);
    update(&mut app, Action::EditNote);
    let terminal = Terminal::new(TestBackend::new(width, height)).expect("test backend");
    (app, terminal)
}

fn benches(c: &mut Criterion) {
    let megabyte = prose(1_000_000);
    c.bench_function("paste 1 MB into the note editor, to frame", |b| {
        b.iter_batched(
            || editing(80, 24),
            |(mut app, mut terminal)| {
                paste(&mut app, black_box(&megabyte));
                terminal.draw(|frame| ui::draw(frame, &app)).expect("draw");
                (app, terminal)
            },
            criterion::BatchSize::PerIteration,
        )
    });
    for (width, height) in [(80, 24), (200, 60)] {
        let (mut app, mut terminal) = editing(width, height);
        paste(&mut app, &megabyte);
        terminal.draw(|frame| ui::draw(frame, &app)).expect("draw");
        let keys = [KeyCode::Char('x'), KeyCode::Backspace];
        let mut n = 0;
        let name = format!("key at the end of a 1 MB note to frame {width}x{height}");
        c.bench_function(&name, |b| {
            b.iter(|| {
                n = (n + 1) % keys.len();
                let key = KeyEvent::new(keys[n], KeyModifiers::NONE);
                update(&mut app, Action::Type(key));
                terminal
                    .draw(|frame| ui::draw(frame, black_box(&app)))
                    .expect("draw");
            })
        });
    }
}

criterion_group! {
    name = editor;
    config = Criterion::default().sample_size(10).measurement_time(std::time::Duration::from_secs(3));
    targets = benches
}
criterion_main!(editor);
