//! Presenter screens a team watches, at 80x24 and 40x12: the footer's
//! count, a section in reading order as its points are revealed (scrolling
//! with the reveal), the blank screen, and the question before ending.

mod common;

use allyship::content::{Toolkit, built_in};
use allyship::present::{self, Options, PresentAction, Presenter, Selection, update};
use allyship::ui::theme::Theme;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::sync::LazyLock;
use std::time::{Duration, Instant};

static TOOLKIT: LazyLock<Toolkit> = LazyLock::new(built_in);
static T0: LazyLock<Instant> = LazyLock::new(Instant::now);

use PresentAction::*;

/// A presenter over `args` (as on the command line) after `actions`, all at T0.
fn presenter(args: &[&str], actions: &[PresentAction]) -> Presenter<'static> {
    let args: Vec<String> = args.iter().map(|s| s.to_string()).collect();
    let sections = Selection::parse(&TOOLKIT, &args).unwrap();
    let mut p = Presenter::new(&TOOLKIT, &sections, Options::default(), *T0);
    p.theme = Theme::mono();
    for action in actions {
        update(&mut p, *action, *T0);
    }
    p
}

/// The screen drawn at `width`x`height`, 65 seconds after the start.
fn draw(p: &Presenter, width: u16, height: u16) -> Terminal<TestBackend> {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    let now = *T0 + Duration::from_secs(65);
    terminal
        .draw(|frame| present::view::draw(frame, p, now))
        .unwrap();
    terminal
}

fn text(terminal: &Terminal<TestBackend>) -> String {
    common::frames::text(terminal.backend().buffer())
}

fn footer(terminal: &Terminal<TestBackend>) -> String {
    text(terminal)
        .lines()
        .last()
        .unwrap_or_default()
        .to_string()
}

#[test]
fn the_introduction_is_not_a_tip() {
    let p = presenter(&["top-tips"], &[]);
    let wide = draw(&p, 80, 24);
    assert!(footer(&wide).contains("Introduction (section 17)"));
    insta::assert_snapshot!("introduction_80x24", wide.backend());
    let narrow = draw(&p, 40, 12);
    assert!(
        footer(&narrow).contains("Introduction"),
        "{}",
        footer(&narrow)
    );
    insta::assert_snapshot!("introduction_40x12", narrow.backend());
}

#[test]
fn presenting_from_section_22_counts_in_the_whole_part() {
    let p = presenter(&["22-26"], &[]);
    let wide = draw(&p, 80, 24);
    assert!(footer(&wide).contains("Tip 5 of 9 (section 22)"));
    insta::assert_snapshot!("from_22_80x24", wide.backend());
    let narrow = draw(&p, 40, 12);
    assert!(
        footer(&narrow).contains("Tip 5 of 9"),
        "{}",
        footer(&narrow)
    );
    insta::assert_snapshot!("from_22_40x12", narrow.backend());
}
