//! Space alone (a clicker) shows everything: at sizes from 40x12 to
//! 200x50, pressing Next through the whole toolkit puts every line of every
//! step's text on some screen while its section is up, before its prompts.

use super::*;
use crate::present::{slide, view};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::collections::{BTreeMap, BTreeSet};

/// The rows of the screen `p` draws at `width`x`height`.
fn rows(p: &Presenter, width: u16, height: u16, now: Instant) -> Vec<String> {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal.draw(|frame| view::draw(frame, p, now)).unwrap();
    let buffer = terminal.backend().buffer();
    (0..height)
        .map(|y| (0..width).map(|x| buffer[(x, y)].symbol()).collect())
        .map(|row: String| unmarked(&row))
        .collect()
}

/// A line with the newest point's marker as any point's, since a point
/// first shows as the newest and later as one of the others.
fn unmarked(line: &str) -> String {
    line.replace('▸', "•")
}

/// Presses Next through every section at one size; returns the lines each
/// section's steps hold that no screen of that section showed.
fn hidden_at(width: u16, height: u16) -> Vec<String> {
    let t0 = Instant::now();
    let all: Vec<usize> = (0..TOOLKIT.section_count()).collect();
    let mut p = presenter(&all, t0);
    let mut shown: BTreeMap<usize, BTreeSet<String>> = BTreeMap::new();
    let mut held: BTreeMap<usize, BTreeSet<String>> = BTreeMap::new();
    for _ in 0..20_000 {
        let screen = rows(&p, width, height, t0);
        let step = p.walkthrough().step();
        let index = p.walkthrough().current_index().unwrap();
        if !matches!(step, Step::Discuss | Step::Outcomes) {
            let section = TOOLKIT.entry(index).unwrap().section;
            let theme = p.theme;
            let body = slide::body(&TOOLKIT, section, step, view::column_width(width), &theme);
            let lines = body.lines.iter().map(|l| unmarked(l.to_string().trim()));
            held.entry(index)
                .or_default()
                .extend(lines.filter(|l| !l.is_empty()));
            shown.entry(index).or_default().extend(screen);
        }
        update(&mut p, PresentAction::Next, t0);
        if p.message()
            .is_some_and(|m| m.contains("end of the walkthrough"))
        {
            break;
        }
    }
    let mut hidden = Vec::new();
    for (index, lines) in &held {
        let screens = &shown[index];
        for line in lines {
            if !screens.iter().any(|row| row.contains(line.as_str())) {
                hidden.push(format!("section {}: {line}", index + 1));
            }
        }
    }
    hidden
}

#[test]
fn space_shows_every_line_of_every_section_at_every_size() {
    for width in [40, 56, 80, 120, 200] {
        for height in [12, 15, 24, 30, 50] {
            let hidden = hidden_at(width, height);
            assert!(
                hidden.is_empty(),
                "{width}x{height}: never shown:\n{}",
                hidden.join("\n")
            );
        }
    }
}
