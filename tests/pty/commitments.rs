//! Commitments end to end: the real binary in a pseudo-terminal. A journal
//! with a commitment whose review day has come opens on the reading view,
//! saying a check-in is due without its words (the screen may be shared);
//! J then Enter asks it, and P presents with nothing private shown; the
//! answer typed is saved (and only then said to be); the next run does not
//! ask again; `C` keeps a new commitment; and an answer half-typed when the
//! app is told to stop is kept, not lost; and "not yet" in the app after a
//! let-go from the command line stands, as the footer says.

use crate::common;

use common::commands::{ok, run};
use common::{Pty, wait_for_file};
use std::path::Path;

/// A journal as an older run left it: one commitment, made on 1 January
/// 2025 and due on the 15th (long past), from the "listen" tip.
fn journal_with_a_due_commitment(dir: &Path) {
    let journal = r#"{"version": 1,
      "commitments": {"1735732800-00000001": {
        "text": "I will ask how to say a colleague's name before I use it",
        "section": "tip-listen-actively",
        "made_at": "2025-01-01T12:00:00Z", "review_on": "2025-01-15"}}}"#;
    std::fs::write(dir.join("journal.json"), journal).unwrap();
}

fn start_in(dir: &Path) -> Pty {
    let dir = dir.to_str().expect("utf-8 temp path");
    let pty = Pty::spawn(&[], &[("ALLYSHIP_DATA_DIR", dir)], 80, 24);
    pty.wait_for("Allyship toolkit");
    pty
}

/// The words of the due commitment, never on screen until asked for.
const DUE_WORDS: &str = "colleague's name";

/// Waits for the launch to say a check-in is due, checks it shows no
/// check-in and none of its words, and returns the screen.
fn announced(pty: &Pty) -> String {
    let screen = pty.wait_for("A check-in is due: press J");
    assert!(!screen.contains("How did it go?"), "{screen}");
    assert!(!screen.contains(DUE_WORDS), "{screen}");
    screen
}

/// At launch with a due commitment: J, then Enter on it (J opens on it).
fn ask_the_due_one(pty: &mut Pty) {
    announced(pty);
    pty.send("J");
    pty.wait_for("due: I will ask how to say");
    pty.send("\r");
    pty.wait_for("How did it go?");
}

fn journal_text(dir: &Path, what: &str, ready: impl Fn(&str) -> bool) -> String {
    wait_for_file(&dir.join("journal.json"), what, ready)
}

#[test]
fn a_due_commitment_is_announced_then_asked_and_the_answer_is_saved() {
    let dir = tempfile::tempdir().unwrap();
    journal_with_a_due_commitment(dir.path());
    let mut pty = start_in(dir.path());
    ask_the_due_one(&mut pty);
    // The window's last line: a frame reaches the terminal in pieces, and
    // the question can arrive before the choices below it.
    let screen = pty.wait_for("Let it go");
    assert!(
        screen.contains("On 1 Jan 2025 you wrote: “I will ask how to say a colleague's"),
        "{screen}"
    );
    assert!(screen.contains("Not yet, ask me in a week"), "{screen}");
    assert!(screen.contains("Let it go"), "{screen}");
    // The cursor is in the answer: typing goes there, q included.
    pty.send("I asked quietly; she was glad.");
    pty.wait_for("I asked quietly; she was glad.");
    pty.send_esc();
    pty.wait_for("Your answer is saved.");
    let text = journal_text(dir.path(), "the answer", |t| {
        t.contains("I asked quietly; she was glad.")
    });
    assert!(text.contains("\"check_ins\""), "{text}");
    assert!(!pty.screen().contains("How did it go?"), "{}", pty.screen());
    // Asked from the journal window, Esc goes back there: q closes it, q quits.
    pty.wait_for("Your journal");
    pty.send("q");
    pty.wait_for("? help");
    std::thread::sleep(std::time::Duration::from_millis(200));
    pty.send("q");
    assert_eq!(pty.wait_exit(), 0);

    // Answered: the next run opens on the reading view, and says nothing due.
    let mut again = start_in(dir.path());
    again.wait_for("Welcome back");
    std::thread::sleep(std::time::Duration::from_millis(300));
    let screen = again.screen();
    assert!(!screen.contains("How did it go?"), "{screen}");
    assert!(!screen.contains("check-in is due"), "{screen}");
    again.send("J");
    again.wait_for("answered: I will ask how to say");
    again.send("q");
    again.wait_for("? help");
    std::thread::sleep(std::time::Duration::from_millis(200));
    again.send("q");
    assert_eq!(again.wait_exit(), 0);
}

#[test]
fn c_keeps_a_commitment_and_says_so_once_it_is_saved() {
    let dir = tempfile::tempdir().unwrap();
    let mut pty = start_in(dir.path());
    let speak_up = common::number_of("tip-speak-up");
    pty.send(&format!("{speak_up}\r"));
    pty.wait_for(&format!(
        "Section {speak_up} of {}",
        common::section_count()
    ));
    pty.send("C");
    pty.wait_for("What will you do?");
    pty.send("say something when a 'joke' is made");
    pty.send("\t+++");
    pty.wait_for("Ask me how it went in 17 days");
    pty.send("\r");
    pty.wait_for("Commitment kept.");
    journal_text(dir.path(), "the commitment", |t| {
        t.contains("I will say something when a 'joke' is made") && t.contains("tip-speak-up")
    });
    pty.send("q");
    assert_eq!(pty.wait_exit(), 0);
}

#[cfg(unix)]
#[test]
fn an_answer_half_typed_is_kept_when_the_app_is_stopped() {
    let dir = tempfile::tempdir().unwrap();
    journal_with_a_due_commitment(dir.path());
    let mut pty = start_in(dir.path());
    ask_the_due_one(&mut pty);
    pty.send("half an answer, and then");
    pty.wait_for("half an answer, and then");
    let status = std::process::Command::new("kill")
        .args(["-TERM".to_owned(), pty.pid().to_string()])
        .status()
        .expect("run kill");
    assert!(status.success());
    pty.wait_exit();
    let text = std::fs::read_to_string(dir.path().join("journal.json")).unwrap();
    assert!(text.contains("half an answer, and then"), "{text}");
}

/// Two copies: the app open on a due commitment, `check-in 1 --let-go`
/// from the command line, then "Not yet" in the app. The later choice
/// stands: the footer's promise, J and `allyship commitments` agree.
#[test]
fn not_yet_in_the_app_after_a_let_go_elsewhere_stands_as_said() {
    let dir = tempfile::tempdir().unwrap();
    journal_with_a_due_commitment(dir.path());
    let mut pty = start_in(dir.path());
    ask_the_due_one(&mut pty);
    pty.wait_for("Let it go");
    let gone = ok(&run(dir.path(), &["check-in", "1", "--let-go"]));
    assert!(gone.contains("Let go:"), "{gone}");
    pty.send("\t");
    pty.wait_for("▸ Not yet");
    pty.send("\r");
    let screen = pty.wait_for("Saved: allyship will ask again on");
    assert!(!screen.contains("let go"), "{screen}");
    pty.send("J");
    pty.wait_for("open: I will ask how to say");
    let listed = ok(&run(dir.path(), &["commitments"]));
    assert!(listed.contains("1 open"), "{listed}");
    assert!(listed.contains("open: review on"), "{listed}");
    pty.send("q");
    pty.send("q");
    assert_eq!(pty.wait_exit(), 0);
}

/// Issue 26: `allyship` opened on a projector with a check-in due. The
/// launch shows no check-in and none of its words; P presents with none of
/// them; ending the walkthrough covers the screen until a key.
#[test]
fn a_launch_with_a_due_check_in_then_p_shows_nothing_private() {
    let dir = tempfile::tempdir().unwrap();
    journal_with_a_due_commitment(dir.path());
    let mut pty = start_in(dir.path());
    announced(&pty);
    pty.send("P");
    let screen = pty.wait_for("? keys");
    assert!(!screen.contains("How did it go?"), "{screen}");
    assert!(!screen.contains(DUE_WORDS), "{screen}");
    assert!(!screen.contains("check-in is due"), "{screen}");
    pty.send(" ");
    pty.send("q");
    pty.wait_for("End the walkthrough? (y/n)");
    pty.send("y");
    let cover = pty.wait_for("Press any key to come back to your reading");
    assert!(!cover.contains("How did it go?"), "{cover}");
    assert!(!cover.contains(DUE_WORDS), "{cover}");
    pty.send("q");
    pty.send("q");
    assert_eq!(pty.wait_exit(), 0);
}
