//! The guide driven by scripts, without a terminal: each command, what it
//! says, and what it leaves in the journal on disk.

use super::Guide;
use super::input::{Heard, Script};
use crate::journal::record::{Journal, ReadStatus};
use crate::journal::store;
use crate::toolkit::content::{Toolkit, built_in};
use std::path::Path;
use std::time::{Duration, Instant};

mod commitments;

/// A clock that moves on 60 s each time it is read, so every section said
/// stays on show longer than the time it needs to count as read (a
/// 150-word section at 300 words a minute: 30 s), yet well inside the five
/// minutes that still count as learning time.
fn clock() -> Box<dyn FnMut() -> Instant> {
    let mut now = Instant::now();
    Box::new(move || {
        now += Duration::from_secs(60);
        now
    })
}

/// What the guide says to `script`, run on the journal in `dir`.
fn session(toolkit: &Toolkit, dir: &Path, script: Script, start: Option<usize>) -> String {
    let mut out = Vec::new();
    let guide = Guide::new(toolkit, Some(dir.to_path_buf()), &mut out, clock());
    let ending = guide.run(&mut { script }, start);
    assert!(ending.problem.is_none(), "{:?}", ending.problem);
    String::from_utf8(out).expect("the guide says UTF-8")
}

fn run(dir: &Path, script: &str) -> String {
    session(&built_in(), dir, Script::new(script), None)
}

fn saved(dir: &Path) -> Journal {
    store::read(dir).expect("the journal reads")
}

fn id(toolkit: &Toolkit, index: usize) -> String {
    toolkit.entry(index).unwrap().section.id.clone()
}

fn first_scenario(toolkit: &Toolkit) -> (usize, usize) {
    toolkit
        .entries()
        .find_map(|e| Some((e.index, e.section.choice.as_ref()?.options.len())))
        .expect("a scenario")
}

#[test]
fn sections_read_count_and_the_place_is_kept_for_the_next_run() {
    let dir = tempfile::tempdir().unwrap();
    let toolkit = built_in();
    let said = run(dir.path(), "\nn\nq");
    assert!(said.contains("Section 1 of"), "{said}");
    assert!(said.contains("Section 3 of"), "{said}");
    let journal = saved(dir.path());
    for index in 0..3 {
        assert_eq!(
            journal.status(&id(&toolkit, index)),
            ReadStatus::Read,
            "{index}"
        );
    }
    assert_eq!(journal.status(&id(&toolkit, 3)), ReadStatus::Unread);
    assert_eq!(journal.position.as_ref().unwrap().section, id(&toolkit, 2));
    assert!(
        said.trim_end()
            .ends_with("Type allyship guide to go on from there."),
        "{said}"
    );
    // The next run goes on from there, and reading it again is a revisit.
    let again = run(dir.path(), "q");
    let third = toolkit.entry(2).unwrap();
    let heading = "Going on from where you left off.\nSection 3 of";
    assert!(again.contains(heading), "{again}");
    assert!(!again.contains("Section 1 of"), "{again}");
    let journal = saved(dir.path());
    assert_eq!(journal.status(&third.section.id), ReadStatus::Revisited);
    assert_eq!(journal.status(&id(&toolkit, 0)), ReadStatus::Read);
}

#[test]
fn one_run_is_one_session_however_often_a_section_is_read() {
    let dir = tempfile::tempdir().unwrap();
    let toolkit = built_in();
    run(dir.path(), "n\np\nn\np\nr\nq");
    let journal = saved(dir.path());
    assert_eq!(journal.records.sections[&id(&toolkit, 0)].sessions, 1);
    assert_eq!(journal.status(&id(&toolkit, 1)), ReadStatus::Read);
}

#[test]
fn a_section_asked_for_comes_first_and_g_goes_by_number_or_id() {
    let dir = tempfile::tempdir().unwrap();
    let toolkit = built_in();
    let last = toolkit.section_count() - 1;
    let said = session(
        &toolkit,
        dir.path(),
        Script::new(&format!("g {}\ng {}\nq", 2, id(&toolkit, last))),
        Some(4),
    );
    let fifth = said.find("Section 5 of").unwrap();
    let second = said.find("Section 2 of").unwrap();
    let at_last = said.find(&format!("Section {} of", last + 1)).unwrap();
    assert!(fifth < second && second < at_last, "{said}");
}

#[test]
fn out_of_range_and_unknown_sections_say_what_is_allowed() {
    let dir = tempfile::tempdir().unwrap();
    let total = built_in().section_count();
    let said = run(
        dir.path(),
        &format!("g 0\ng {}\ng -3\ng nowhere-at-all\ng\nq", total + 1),
    );
    let range = format!("type a number from 1 to {total}.");
    assert_eq!(said.matches(&range).count(), 3, "{said}");
    assert!(
        said.contains("There is no section 'nowhere-at-all'."),
        "{said}"
    );
    assert!(said.contains(&format!(
        "Go where? Type g and a section number from 1 to {total}"
    )));
    assert_eq!(
        said.matches("Section ").count(),
        1,
        "only the first is read: {said}"
    );
}

#[test]
fn next_stops_at_the_last_section_and_previous_at_the_first() {
    let dir = tempfile::tempdir().unwrap();
    let toolkit = built_in();
    let total = toolkit.section_count();
    let said = session(
        &toolkit,
        dir.path(),
        Script::new("n\nnext\nq"),
        Some(total - 1),
    );
    assert!(
        said.contains(&format!("That was the last section, {total} of {total}.")),
        "{said}"
    );
    let said = session(&toolkit, dir.path(), Script::new("p\nprevious\nq"), Some(0));
    assert_eq!(
        said.matches("This is the first section.").count(),
        2,
        "{said}"
    );
}

#[test]
fn an_unknown_command_says_so_and_control_characters_are_never_echoed_raw() {
    let dir = tempfile::tempdir().unwrap();
    let said = run(dir.path(), "x\n\u{1b}]52;c;aGk=\u{7}\nq");
    assert!(
        said.contains("I don't know 'x'. Type h for the commands.\n"),
        "{said}"
    );
    assert!(
        said.contains("I don't know '\\u001b]52;c;aGk=\\u0007'."),
        "{said}"
    );
    assert!(
        !said.contains('\u{1b}') && !said.contains('\u{7}'),
        "{said}"
    );
}

#[test]
fn help_contents_search_and_journal_are_said_then_r_reads_the_section_again() {
    let dir = tempfile::tempdir().unwrap();
    let toolkit = built_in();
    let said = run(dir.path(), "h\nt\ns speak up\nj\nr\nq");
    for line in super::command::HELP {
        assert!(said.contains(line), "{line}");
    }
    assert!(said.contains("Contents: "), "{said}");
    assert!(said.contains(&format!("Part 1 of {}: ", toolkit.parts.len())));
    assert!(said.contains("To open one, type g and its number."));
    assert!(said.contains("Your journal: "), "{said}");
    assert_eq!(
        said.matches("Section 1 of").count(),
        2,
        "said, then repeated: {said}"
    );
    // A search result's number is the section's: g opens it.
    let hits = crate::toolkit::search::Index::new(&toolkit).search("speak up", 10);
    let number = hits[0].section + 1;
    let said = run(dir.path(), &format!("s speak up\ng {number}\nq"));
    assert!(said.contains(&format!("Section {number} of")), "{said}");
    let said = run(dir.path(), "s\nq");
    assert!(said.contains("Search for what?"), "{said}");
}

#[test]
fn a_note_is_written_until_a_full_stop_saved_and_said_to_be_saved() {
    let dir = tempfile::tempdir().unwrap();
    let toolkit = built_in();
    let said = run(dir.path(), "w\nfirst line\n\u{1b}[31mred\n.\nq");
    let first = id(&toolkit, 0);
    assert_eq!(
        saved(dir.path()).records.notes[&first].text,
        "first line\n\u{1b}[31mred"
    );
    let saved_at = said.find("Note saved.").expect(&said);
    assert!(said.find("Write your note on section 1,").unwrap() < saved_at);
    // Written again, it is added after a blank line; and r reads it back.
    let said = session(
        &toolkit,
        dir.path(),
        Script::new("w\nmore\n.\nr\nq"),
        Some(0),
    );
    assert!(
        said.contains("what you write now is added after it"),
        "{said}"
    );
    assert_eq!(
        saved(dir.path()).records.notes[&first].text,
        "first line\n\u{1b}[31mred\n\nmore"
    );
    assert!(
        said.contains(
            "Your note on this section says:\nfirst line\n\\u001b[31mred\n\nmore\nEnd of your note."
        ),
        "{said}"
    );
    // Nothing typed changes nothing.
    let said = session(&toolkit, dir.path(), Script::new("note\n.\nq"), Some(0));
    assert!(
        said.contains("Nothing was written and your note is as it was."),
        "{said}"
    );
}

#[test]
fn a_note_ended_by_the_end_of_input_or_a_signal_is_kept() {
    let toolkit = built_in();
    let dir = tempfile::tempdir().unwrap();
    let said = run(dir.path(), "w\nhalf a thought");
    assert!(said.contains("Note saved."), "{said}");
    assert_eq!(
        saved(dir.path()).records.notes[&id(&toolkit, 0)].text,
        "half a thought"
    );
    let dir = tempfile::tempdir().unwrap();
    let script = Script::new("n\nw\ncut short")
        .then(Heard::Stop)
        .then(Heard::Line("q".into()));
    let said = session(&toolkit, dir.path(), script, None);
    assert_eq!(
        saved(dir.path()).records.notes[&id(&toolkit, 1)].text,
        "cut short"
    );
    assert!(said.contains("Your place is kept: section 2,"), "{said}");
}

#[test]
fn b_bookmarks_and_b_again_takes_it_off() {
    let dir = tempfile::tempdir().unwrap();
    let toolkit = built_in();
    let said = run(dir.path(), "b\nq");
    assert!(said.contains("Bookmarked section 1, "), "{said}");
    assert!(
        saved(dir.path())
            .records
            .bookmarks
            .contains_key(&id(&toolkit, 0))
    );
    let said = session(&toolkit, dir.path(), Script::new("bookmark\nq"), Some(0));
    assert!(said.contains("Bookmark taken off section 1, "), "{said}");
    assert!(saved(dir.path()).records.bookmarks.is_empty());
}

#[test]
fn choosing_an_option_says_its_feedback_then_the_others_and_keeps_the_choice() {
    let dir = tempfile::tempdir().unwrap();
    let toolkit = built_in();
    let (index, options) = first_scenario(&toolkit);
    let script = format!("c 0\nc {}\nchoose two\nc\nchoose 2\nq", options + 1);
    let said = session(&toolkit, dir.path(), Script::new(&script), Some(index));
    let range = format!("Type c and a number from 1 to {options}, for example c 1.");
    assert_eq!(said.matches(&range).count(), 4, "{said}");
    assert!(
        said.contains("Your choice and its feedback. You chose option 2: "),
        "{said}"
    );
    assert!(
        said.contains("Your choice is kept in your private journal."),
        "{said}"
    );
    assert_eq!(saved(dir.path()).chosen(&id(&toolkit, index)), Some(2));
    // Not on a scenario.
    let said = session(&toolkit, dir.path(), Script::new("c 1\nq"), Some(0));
    assert!(
        said.contains("This section has no options to choose from"),
        "{said}"
    );
}

/// A writer that takes `left` bytes, then fails as a closed pipe does.
struct Closing {
    left: usize,
}

impl std::io::Write for Closing {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        if self.left == 0 {
            return Err(std::io::ErrorKind::BrokenPipe.into());
        }
        let n = buf.len().min(self.left);
        self.left -= n;
        Ok(n)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

#[test]
fn output_that_closes_ends_the_session_saving_what_was_done() {
    let dir = tempfile::tempdir().unwrap();
    let toolkit = built_in();
    // Enough room for the first section, then a note typed blind.
    let room = 4000;
    let guide = Guide::new(
        &toolkit,
        Some(dir.path().into()),
        Closing { left: room },
        clock(),
    );
    let ending = guide.run(
        &mut Script::new("w\nunheard\n.\nn\nn\nn\nn\nn\nn\nn\nn\nn\nn\nn"),
        None,
    );
    assert!(ending.problem.is_some());
    assert!(
        ending.farewell[0].starts_with("Saved. Your place is kept"),
        "{:?}",
        ending.farewell
    );
    assert_eq!(
        saved(dir.path()).records.notes[&id(&toolkit, 0)].text,
        "unheard"
    );
}

#[test]
fn at_a_terminal_lines_break_between_words_never_inside_one() {
    let toolkit = built_in();
    let script = "t\nj\nh\nq";
    let whole = {
        let dir = tempfile::tempdir().unwrap();
        session(&toolkit, dir.path(), Script::new(script), None)
    };
    let dir = tempfile::tempdir().unwrap();
    let mut out = Vec::new();
    let guide = Guide::new(&toolkit, Some(dir.path().into()), &mut out, clock())
        .wrap_to(Box::new(|| Some(30)));
    guide.run(&mut Script::new(script), None);
    let wrapped = String::from_utf8(out).unwrap();
    for line in wrapped.lines() {
        assert!(line.chars().count() < 30, "{line}");
    }
    let words = |text: &str| {
        text.split_whitespace()
            .map(str::to_owned)
            .collect::<Vec<_>>()
    };
    let (wrapped_words, whole_words) = (words(&wrapped), words(&whole));
    let first_difference = wrapped_words
        .iter()
        .zip(&whole_words)
        .position(|(a, b)| a != b);
    assert_eq!(
        first_difference,
        None,
        "{:?}",
        first_difference.map(|at| &wrapped_words[at..at + 3])
    );
    assert_eq!(wrapped_words.len(), whole_words.len());
    assert!(wrapped.lines().count() > whole.lines().count());
}

mod typed_anything {
    //! Whatever is typed, in any order: the guide never panics, never
    //! prints a control character, and always leaves with a last word.

    use super::{Guide, Script, built_in, clock};
    use proptest::prelude::*;

    fn a_line() -> impl Strategy<Value = String> {
        prop_oneof![
            Just(String::new()),
            Just("w".to_owned()),
            Just(".".to_owned()),
            Just("b".to_owned()),
            Just("i".to_owned()),
            Just("t".to_owned()),
            "(c|g|s|choose|go) -?[0-9]{0,20}",
            "[a-z ]{0,6}",
            "[\\x00-\\x1f\\x7f\\u{80}-\\u{9f}\\u{202e}a-z .]{0,10}",
        ]
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

        #[test]
        fn any_lines_typed_leave_cleanly_and_print_no_control_character(
            lines in prop::collection::vec(a_line(), 0..14)
        ) {
            let toolkit = built_in();
            let dir = tempfile::tempdir().unwrap();
            let mut out = Vec::new();
            let guide = Guide::new(&toolkit, Some(dir.path().into()), &mut out, clock());
            let ending = guide.run(&mut Script::new(&lines.join("\n")), None);
            prop_assert!(ending.problem.is_none());
            let said = String::from_utf8(out).unwrap();
            let bad = said.chars().find(|c| crate::sanitise::is_unsafe(*c));
            prop_assert_eq!(bad, None);
            prop_assert!(said.contains("Your place is kept"), "{}", said);
        }
    }
}
