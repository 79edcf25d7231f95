//! A presenter on the built-in toolkit for view and state tests, driven by
//! actions at one fixed instant so timers and snapshots are repeatable.

use allyship::present::{self, Options, PresentAction, Presenter, Selection, update};
use allyship::theme::Theme;
use allyship::toolkit::content::{Toolkit, built_in};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::sync::LazyLock;
use std::time::{Duration, Instant};

/// The built-in toolkit, loaded once per test binary.
pub static TOOLKIT: LazyLock<Toolkit> = LazyLock::new(built_in);
/// The instant every presenter in a test binary starts at.
pub static T0: LazyLock<Instant> = LazyLock::new(Instant::now);

/// A presenter over `args` (as on the command line) after `actions`, all at T0.
pub fn presenter(args: &[&str], actions: &[PresentAction]) -> Presenter<'static> {
    let args: Vec<String> = args.iter().map(|s| s.to_string()).collect();
    let sections = Selection::parse(&TOOLKIT, &args).unwrap();
    let mut p = Presenter::new(&TOOLKIT, &sections, Options::default(), *T0);
    p.theme = Theme::mono();
    for action in actions {
        update(&mut p, *action, *T0);
    }
    p
}

/// The presenter's screen drawn at `width`x`height`, `secs` after T0.
pub fn draw_at(p: &Presenter, width: u16, height: u16, secs: u64) -> Terminal<TestBackend> {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    let now = *T0 + Duration::from_secs(secs);
    terminal
        .draw(|frame| present::view::draw(frame, p, now))
        .unwrap();
    terminal
}
