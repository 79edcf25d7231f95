//! Presenter mode: snapshots on ratatui's TestBackend at 80x24 and 200x50,
//! any size without a panic, no private text on any screen, and the real
//! binary stepping through a section in a pseudo-terminal.

use crate::common;

use common::presenting::{T0, TOOLKIT, draw_at, presenter};

use allyship::present::{self, Options, PresentAction, Presenter, Selection, Step, update};
use allyship::theme::Theme;
use allyship::toolkit::content::Toolkit;
use common::frames::{assert_sound, hostile_toolkit};
use common::{Pty, framed};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::sync::LazyLock;
use std::time::Duration;

/// The screen at `secs` after the start.
fn draw(p: &Presenter, width: u16, height: u16, secs: u64) -> Terminal<TestBackend> {
    draw_at(p, width, height, secs)
}

fn text(terminal: &Terminal<TestBackend>) -> String {
    common::frames::text(terminal.backend().buffer())
}

fn squeezed(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

use PresentAction::{Blank, Help, Next, Timer};

#[test]
fn intro_80x24() {
    let p = presenter(&["tip-listen-actively"], &[]);
    insta::assert_snapshot!(draw(&p, 80, 24, 12).backend());
}

#[test]
fn all_points_80x24() {
    // The part's outcomes, the introduction, and so on to a fourth point.
    let p = presenter(&["top-tips"], &[Next; 17]);
    assert_eq!(p.walkthrough().step(), Step::Points(4));
    insta::assert_snapshot!(draw(&p, 80, 24, 754).backend());
}

#[test]
fn discuss_with_timer_80x24() {
    let p = presenter(
        &["tip-listen-actively"],
        &[Next, Next, Next, Next, Next, Timer],
    );
    assert_eq!(p.walkthrough().step(), Step::Discuss);
    insta::assert_snapshot!(draw(&p, 80, 24, 48).backend());
}

#[test]
fn help_80x24() {
    let p = presenter(&["top-tips"], &[Help]);
    let screen = draw(&p, 80, 24, 5);
    assert!(squeezed(&text(&screen)).contains(present::view::PRIVACY));
    insta::assert_snapshot!(screen.backend());
}

#[test]
fn second_point_200x50() {
    let p = presenter(
        &["top-tips"],
        &[Next, Next, Next, Next, Next, Next, Next, Next, Next],
    );
    assert_eq!(p.walkthrough().step(), Step::Points(2));
    insta::assert_snapshot!(draw(&p, 200, 50, 3725).backend());
}

#[test]
fn times_up_200x50() {
    let p = presenter(&["learn-books"], &[Next, Timer]);
    let screen = draw(&p, 200, 50, 301);
    assert!(text(&screen).contains("Time's up"));
    insta::assert_snapshot!(screen.backend());
}

#[test]
fn too_small_and_blank() {
    let p = presenter(&["top-tips"], &[]);
    insta::assert_snapshot!(draw(&p, 30, 8, 0).backend());
    let blank = presenter(&["top-tips"], &[Timer, Blank]);
    for (w, h) in [(80, 24), (200, 50)] {
        let screen = text(&draw(&blank, w, h, 400));
        assert!(screen.trim().is_empty(), "{screen}");
    }
}

/// Every step of `args`, with the help and the timer on the way.
fn every_step(args: &[&str]) -> Vec<Presenter<'static>> {
    let mut p = presenter(args, &[Timer]);
    let mut out = vec![p.clone()];
    let mut help = p.clone();
    update(&mut help, Help, *T0);
    out.push(help);
    while !p.walkthrough().at_end() {
        update(&mut p, Next, *T0);
        out.push(p.clone());
    }
    out
}

#[test]
fn the_newest_point_always_shows_whole() {
    for (w, h) in [(80, 24), (200, 50), (120, 30), (60, 16)] {
        for p in every_step(&[]) {
            let Step::Points(n) = p.walkthrough().step() else {
                continue;
            };
            let section = TOOLKIT
                .entry(p.walkthrough().current_index().unwrap())
                .unwrap()
                .section;
            let points: Vec<&String> = section
                .blocks
                .iter()
                .flat_map(|b| match b {
                    allyship::toolkit::content::Block::Points(points) => points.iter().collect(),
                    _ => Vec::new(),
                })
                .collect();
            // Spaces left out: a hyphenated word may wrap at its hyphen.
            let screen = squeezed(&text(&draw(&p, w, h, 0))).replace(' ', "");
            let newest = squeezed(points[n - 1]).replace(' ', "");
            assert!(
                screen.contains(&format!("▸{newest}")),
                "{w}x{h} {}: point {n} not whole:\n{screen}",
                section.id
            );
        }
    }
}

#[test]
fn every_size_draws_without_panicking_or_overflowing() {
    let states = every_step(&["tip-listen-actively", "learn-books"]);
    let widths = (0..=300).step_by(13).chain([39, 40, 99, 100, 300]);
    for width in widths {
        for height in (0..=100).step_by(9).chain([9, 10, 29, 30, 100]) {
            for p in &states {
                let terminal = draw(p, width, height, 5000);
                let context = format!("{:?} at {width}x{height}", p.walkthrough().step());
                assert_sound(terminal.backend().buffer(), &context);
            }
        }
    }
}

#[test]
fn hard_text_presents_at_many_sizes() {
    static HARD: LazyLock<Toolkit> = LazyLock::new(hostile_toolkit);
    let mut p = Presenter::new(&HARD, &[0, 1], Options::default(), *T0);
    p.theme = Theme::mono();
    let mut states = vec![p.clone()];
    while !p.walkthrough().at_end() {
        update(&mut p, Next, *T0);
        states.push(p.clone());
    }
    for (width, height) in [(1, 1), (10, 3), (40, 12), (80, 24), (200, 50), (300, 100)] {
        for p in &states {
            let terminal = draw(p, width, height, 60);
            assert_sound(terminal.backend().buffer(), &format!("{width}x{height}"));
        }
    }
}

/// A journal full of private words, none of which may reach the shared screen.
#[test]
fn no_note_or_bookmark_text_appears_on_any_presenter_screen() {
    use allyship::journal::record::{Journal, Session};
    let markers: Vec<String> = (0..8).map(|n| format!("PRIVATE-MARKER-{n}")).collect();
    let at: jiff::Timestamp = "2026-11-23T10:00:00Z".parse().unwrap();
    let ids = [
        "tip-listen-actively",
        "tip-speak-up",
        "welcome",
        "learn-books",
    ];
    let mut session = Session::new("facilitator");
    for (n, id) in ids.iter().enumerate() {
        session.set_note(id, format!("{} about a colleague", markers[2 * n]), at);
        session.set_bookmark(id, Some(markers[2 * n + 1].clone()), at);
    }
    let mut journal = Journal::new();
    journal.apply(&session.pending, &session.id);
    assert_eq!(
        journal.records.notes.len(),
        ids.len(),
        "the journal has the notes"
    );
    // The presenter is never given the journal; every screen is checked anyway.
    for (w, h) in [(80, 24), (200, 50)] {
        for p in every_step(&ids) {
            let screen = text(&draw(&p, w, h, 90));
            for marker in &markers {
                assert!(!screen.contains(marker), "{marker} shown at {w}x{h}");
            }
        }
    }
}

#[test]
fn presenting_steps_through_a_section_and_keeps_a_log_not_a_journal() {
    let first = &TOOLKIT
        .entry(TOOLKIT.index_of("why-these-tips").unwrap())
        .unwrap();
    let points: Vec<String> = first
        .section
        .blocks
        .iter()
        .flat_map(|b| match b {
            allyship::toolkit::content::Block::Points(points) => points.clone(),
            _ => Vec::new(),
        })
        .collect();
    let words = |text: &str| {
        text.split_whitespace()
            .take(3)
            .collect::<Vec<_>>()
            .join(" ")
    };
    let mut pty = Pty::spawn(&["present", "top-tips"], &[], 80, 24);
    pty.wait_for(&format!(
        "Introduction (section {})",
        common::number_of("why-these-tips")
    ));
    pty.wait_for("After this part you can:");
    pty.send(" ");
    pty.wait_for("Why these tips matter");
    for (n, point) in points.iter().enumerate() {
        pty.send(if n % 2 == 0 { " " } else { "\x1b[6~" });
        let start = format!("▸ {}", words(point));
        pty.wait_for(&start);
    }
    // At 80x24 the last point leaves text below: the next key shows it
    // (a clicker has no Down key), and only then come the prompts.
    // What is below may take more than one screen: each key shows more,
    // and the prompts never come before the section's last sentence.
    let mut shown_last = false;
    for _ in 0..6 {
        let before = pty.screen();
        pty.send("\r");
        let screen = pty.wait_until("more of the section, or the prompts", |s| s != before);
        if screen.contains("Discuss together") {
            break;
        }
        shown_last |= screen.contains("The nine tips that");
    }
    assert!(shown_last, "the section's last sentence was never shown");
    pty.wait_for("Discuss together");
    pty.send("\x1b[C");
    pty.wait_for(&format!(
        "Tip 1 of 9 (section {})",
        common::number_of("tip-listen-actively")
    ));
    pty.wait_for("Listen actively");
    pty.send("\x1b[D");
    pty.wait_for("Discuss together");
    pty.send("?");
    pty.wait_for("never shows anyone's notes, bookmarks or progress");
    pty.send("q");
    pty.wait_until("the help to close", |s| !s.contains("Keys in presenter"));
    pty.send("q");
    pty.wait_for("End the walkthrough? (y/n)");
    pty.send("y");
    assert_eq!(pty.wait_exit(), 0);
    let screen = framed(&pty.screen());
    assert!(
        !pty.alternate_screen(),
        "still on the alternate screen:\n{screen}"
    );
    assert!(!pty.cursor_hidden(), "cursor left hidden:\n{screen}");
    pty.wait_for("Walkthrough: ");

    let dir = pty.data_dir();
    assert!(
        !dir.join("journal.json").exists(),
        "presenting touched the journal"
    );
    let log = std::fs::read_to_string(dir.join("walkthroughs.json")).unwrap();
    assert!(log.contains("\"why-these-tips\"") && log.contains("\"tip-listen-actively\""));
    let listed = crate::common::commands::allyship(dir)
        .arg("walkthroughs")
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&listed.stdout);
    let (why, listen) = (
        common::number_of("why-these-tips"),
        common::number_of("tip-listen-actively"),
    );
    let expected = format!("Top tips for allyship {why}-{listen} (2 sections), stopped early");
    assert!(stdout.contains(&expected), "{stdout}");
}

/// Runs `present::run_with` on a TestBackend with `keys` then, if given, a
/// raised stop flag; returns what the log holds afterwards.
fn run_scripted(keys: &str, stop_after: bool) -> (present::Ended, Vec<present::log::Record>) {
    use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
    use std::sync::atomic::{AtomicBool, Ordering};
    let dir = tempfile::tempdir().unwrap();
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
    let mut events: Vec<Event> = keys
        .chars()
        .map(|c| Event::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE)))
        .rev()
        .collect();
    let stop = AtomicBool::new(false);
    let mut next = |_: Duration| {
        let event = events.pop();
        if event.is_none() && stop_after {
            stop.store(true, Ordering::Relaxed);
        }
        assert!(event.is_some() || stop_after, "the presenter did not leave");
        Ok(event)
    };
    let sections = Selection::parse(&TOOLKIT, &["top-tips".to_string()]).unwrap();
    let options = Options::default();
    let log_dir = Some(dir.path().to_path_buf());
    let ended = present::run_with(
        &mut terminal,
        &TOOLKIT,
        sections,
        options,
        log_dir,
        &mut next,
        &stop,
    )
    .unwrap();
    (ended, present::log::list(dir.path()).unwrap())
}

#[test]
fn the_run_loop_logs_the_walkthrough_on_leaving_and_on_a_signal() {
    let (ended, records) = run_scripted("       qy", false);
    assert_eq!(ended.problem, None);
    assert_eq!(records.len(), 1);
    assert_eq!(Some(&records[0]), ended.record.as_ref());
    let ids: Vec<&str> = records[0].sections.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(ids, ["why-these-tips", "tip-listen-actively"]);
    assert!(!records[0].finished);

    let (_, records) = run_scripted(" ", true);
    assert_eq!(records.len(), 1, "a stop signal still logs the walkthrough");
    assert_eq!(records[0].sections[0].id, "why-these-tips");
}

#[test]
fn a_walkthrough_given_to_its_end_offers_the_facilitator_a_peer_discussion() {
    let mut pty = Pty::spawn(&["present", "faq-contact"], &[], 80, 24);
    pty.wait_for("(section ");
    for _ in 0..40 {
        pty.send(" ");
        if pty.screen().contains("end of the walkthrough") {
            break;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    pty.wait_for("end of the walkthrough");
    pty.send("q");
    pty.wait_for("End the walkthrough? (y/n)");
    pty.send("y");
    pty.wait_for("peer discussion (1 minute, 1 sect");
    pty.wait_for("Type who it was with");
    pty.send("team meeting\r");
    pty.wait_for("Kept: 1 minute discussing 1 section with team meeting");
    assert_eq!(pty.wait_exit(), 0);
    let journal = std::fs::read_to_string(pty.data_dir().join("journal.json")).unwrap();
    assert!(journal.contains("\"faq-contact\"") && journal.contains("team meeting"));
}
