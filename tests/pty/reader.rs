//! End-to-end tests: the real binary in a pseudo-terminal, read through vt100.

use crate::common;

use common::{Pty, framed};

/// Asserts the app left the terminal as it found it: main screen, cursor shown.
fn assert_terminal_restored(pty: &Pty) {
    let screen = framed(&pty.screen());
    assert!(
        !pty.alternate_screen(),
        "still on the alternate screen:\n{screen}"
    );
    assert!(!pty.cursor_hidden(), "cursor left hidden:\n{screen}");
    #[cfg(unix)]
    assert!(pty.cooked(), "raw mode left on:\n{screen}");
}

/// Whether `status` is the status line for section `n`: " Section n of 52 …",
/// or the short form " n/52 …" used when the long one would not fit.
fn shows_section(status: &str, n: usize) -> bool {
    status.starts_with(&format!(" Section {n} of")) || status.starts_with(&format!(" {n}/"))
}

#[test]
fn starts_on_section_one_and_navigates() {
    let mut pty = Pty::start();
    pty.wait_for("Allyship toolkit for social work, social care and health");
    assert!(pty.row(-1).starts_with(" Section 1 of"), "{}", pty.row(-1));

    pty.send("\x1b[C");
    pty.wait_for("Section 2 of");
    pty.send("\x1b[C");
    pty.wait_for("Section 3 of");

    pty.send("12\r");
    pty.wait_for("Section 12 of");

    pty.send("\x7f");
    pty.wait_for("Section 3 of");

    pty.send("q");
    assert_eq!(pty.wait_exit(), 0);
}

#[test]
fn help_opens_with_question_mark_and_closes_with_esc() {
    let mut pty = Pty::start();
    pty.send("?");
    pty.wait_for("Keys in the reading view");
    pty.send_esc();
    pty.wait_until("the help to close", |s| {
        !s.contains("Keys in the reading view")
    });
    pty.wait_for("Section 1 of");

    pty.send("q");
    assert_eq!(pty.wait_exit(), 0);
}

#[test]
fn q_quits_cleanly() {
    let mut pty = Pty::start();
    assert!(
        pty.alternate_screen(),
        "not on the alternate screen while running"
    );
    #[cfg(unix)]
    assert!(!pty.cooked(), "raw mode while running");
    pty.send("q");
    assert_eq!(pty.wait_exit(), 0, "exit code after q");
    assert_terminal_restored(&pty);
}

#[test]
fn ctrl_c_quits_cleanly() {
    let mut pty = Pty::start();
    pty.send("\x03");
    assert_eq!(pty.wait_exit(), 0, "exit code after Ctrl-C");
    assert_terminal_restored(&pty);
}

#[test]
fn tiny_terminal_asks_for_a_larger_window_and_still_quits() {
    let mut pty = Pty::spawn(&[], &[], 20, 6);
    pty.wait_until("a request for a larger window", |s| {
        s.to_lowercase().contains("larger")
    });
    pty.send("q");
    assert_eq!(pty.wait_exit(), 0);
    assert_terminal_restored(&pty);
}

#[test]
fn redraws_after_resizing() {
    let mut pty = Pty::start();
    // The contents pane shows beside the text at 80 columns.
    pty.wait_for("┌ Contents");

    pty.resize(40, 12);
    let screen = pty.wait_until("a 40x12 frame with a status line", |s| {
        let lines: Vec<&str> = s.lines().collect();
        lines.len() == 12 && shows_section(lines[11], 1)
    });
    // At 40 columns there is no room for the contents pane beside the text.
    assert!(
        !screen.contains("┌ Contents"),
        "contents pane still shown at 40x12:\n{}",
        framed(&screen)
    );

    pty.resize(120, 40);
    pty.wait_until("a 120x40 frame with a status line", |s| {
        let lines: Vec<&str> = s.lines().collect();
        lines.len() == 40 && lines[39].starts_with(" Section 1 of")
    });
    pty.wait_for("┌ Contents");

    pty.send("q");
    assert_eq!(pty.wait_exit(), 0);
    assert_terminal_restored(&pty);
}

#[test]
fn opening_a_link_with_no_browser_shows_the_address() {
    let toolkit = allyship::toolkit::content::built_in();
    let index = toolkit.index_of("learn-online").unwrap();
    let app = allyship::reader::app::App::new(toolkit, 80, 24);
    let mut app = app;
    app.current = index;
    let links = app.links();
    let first_web = links.iter().position(|l| l.url.is_some()).unwrap();
    let url = links[first_web].url.clone().unwrap();

    let mut pty = Pty::spawn(&[], &[("DISPLAY", ""), ("WAYLAND_DISPLAY", "")], 80, 24);
    pty.wait_for("Section 1 of");
    pty.send(&format!("{}\r", index + 1));
    pty.wait_for(&format!("Section {} of", index + 1));
    pty.send("o");
    pty.wait_for("Links in this section");
    for _ in 0..first_web {
        pty.send("\x1b[B");
    }
    pty.send("\r");
    // A long address is shown whole, wrapped in a message box.
    let screen = pty.wait_for("The address is:");
    let joined: String = screen
        .lines()
        .map(|l| l.trim_matches(|c| c == '│' || c == ' '))
        .collect();
    assert!(joined.contains(&url), "{screen}");
    pty.send("q");
    assert_eq!(pty.wait_exit(), 0);
}

#[test]
fn a_panic_restores_the_terminal_and_its_message_is_readable() {
    // No backtrace, so the message itself stays on the 24-line screen.
    let env = [("ALLYSHIP_TEST_PANIC", "1"), ("RUST_BACKTRACE", "0")];
    let mut pty = Pty::spawn(&[], &env, 80, 24);
    let code = pty.wait_exit();
    assert_ne!(code, 0);
    assert!(!pty.alternate_screen(), "the alternate screen was left");
    assert!(!pty.cursor_hidden(), "the cursor is shown");
    #[cfg(unix)]
    assert!(pty.cooked(), "raw mode is off");
    let screen = pty.screen();
    assert!(screen.contains("ALLYSHIP_TEST_PANIC"), "{screen}");
}

#[test]
fn p_presents_from_the_reader_and_q_comes_back_to_reading() {
    let mut pty = Pty::start();
    pty.send("P");
    pty.wait_for("? keys");
    pty.send(" ");
    pty.send("q");
    pty.wait_for("End the walkthrough? (y/n)");
    pty.send("y");
    pty.wait_for("facilitator's log");
    // The screen may still be shared: a cover, not the reader, until a key.
    pty.wait_for("Press any key to come back to your reading");
    let cover = pty.screen();
    let first = format!("Section 1 of {}", common::section_count());
    assert!(!cover.contains(&first), "{cover}");
    pty.send("j"); // any key lifts the cover, and does nothing else
    pty.wait_for(&first);
    pty.send("q");
    assert_eq!(pty.wait_exit(), 0);
    assert!(pty.data_dir().join("walkthroughs.json").exists());
}

/// Issue 27, item 18: the idle reader used to wake four times a second and
/// write the cursor's state each time (~127 bytes a second), which kept a
/// terminal's activity flag lit. Once the first frame is drawn and the
/// journal opened, a reader nobody touches writes nothing at all.
#[test]
fn the_idle_reader_writes_nothing_for_two_seconds() {
    use std::time::{Duration, Instant};
    let pty = Pty::start();
    // Settled: half a second without a byte (the journal opening after the
    // first frame may redraw once).
    let quiet = Duration::from_millis(500);
    let start = Instant::now();
    let (mut count, mut since) = (pty.bytes_written(), Instant::now());
    while since.elapsed() < quiet {
        assert!(
            start.elapsed() < common::DEADLINE,
            "the reader never fell quiet: {} bytes so far",
            pty.bytes_written()
        );
        std::thread::sleep(Duration::from_millis(10));
        let now = pty.bytes_written();
        if now != count {
            (count, since) = (now, Instant::now());
        }
    }
    std::thread::sleep(Duration::from_secs(2));
    let more = pty.bytes_written() - count;
    assert_eq!(more, 0, "the idle reader wrote {more} bytes in 2 s");
    assert!(pty.screen().contains("Section 1 of"), "{}", pty.screen());
}
