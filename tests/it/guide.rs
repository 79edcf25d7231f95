//! `allyship guide` as a person or a script uses it: the real binary with
//! its input piped, or in a pseudo-terminal, and what it leaves on disk.
//! Nothing here hard-codes a section number, a count or a title: they come
//! from the guide's own words or from `allyship list --json`.

use std::io::{Read, Write};
use std::path::Path;
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// How long any wait may take before the test fails.
const DEADLINE: Duration = Duration::from_secs(10);

fn allyship(data: &Path) -> Command {
    let mut cmd = crate::common::commands::allyship(data);
    cmd.env("ALLYSHIP_MIN_READ_SECS", "0")
        .env("XDG_STATE_HOME", data.join("state"));
    cmd
}

/// Runs `allyship args` with `input` piped in; (stdout, stderr, exit code).
fn run(data: &Path, args: &[&str], input: &str) -> (String, String, i32) {
    let mut child = allyship(data)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run allyship");
    let _ = child.stdin.take().unwrap().write_all(input.as_bytes());
    let out = child.wait_with_output().expect("allyship ends");
    (
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
        out.status.code().unwrap_or(-1),
    )
}

/// The guide running with its input and output piped, answered line by
/// line as a person would answer what it says.
struct Talk {
    child: Child,
    stdin: Option<ChildStdin>,
    heard: Arc<Mutex<String>>,
    seen: usize,
}

impl Talk {
    fn start(data: &Path, args: &[&str]) -> Talk {
        let mut child = allyship(data)
            .args(args)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("run allyship");
        let mut stdout = child.stdout.take().unwrap();
        let heard = Arc::new(Mutex::new(String::new()));
        let sink = Arc::clone(&heard);
        std::thread::spawn(move || {
            let mut buf = [0u8; 4096];
            while let Ok(n @ 1..) = stdout.read(&mut buf) {
                sink.lock()
                    .unwrap()
                    .push_str(&String::from_utf8_lossy(&buf[..n]));
            }
        });
        let stdin = child.stdin.take();
        Talk {
            child,
            stdin,
            heard,
            seen: 0,
        }
    }

    /// Types `line` and Enter.
    fn say(&mut self, line: &str) {
        let stdin = self.stdin.as_mut().expect("input still open");
        stdin.write_all(format!("{line}\n").as_bytes()).unwrap();
        stdin.flush().unwrap();
    }

    /// Waits until what the guide said since the last wait ends with
    /// `prompt` (it is waiting for a line), and returns that.
    fn wait_for_prompt(&mut self, prompt: &str) -> String {
        self.wait_until(&format!("the prompt {prompt:?}"), |new| {
            new.ends_with(prompt)
        })
    }

    /// Waits until what the guide said since the last wait holds `text`.
    fn wait_for(&mut self, text: &str) -> String {
        self.wait_until(&format!("{text:?}"), |new| new.contains(text))
    }

    fn wait_until(&mut self, what: &str, ready: impl Fn(&str) -> bool) -> String {
        let start = Instant::now();
        loop {
            let heard = self.heard.lock().unwrap().clone();
            let new = &heard[self.seen..];
            if !new.is_empty() && ready(new) {
                self.seen = heard.len();
                return new.to_owned();
            }
            if start.elapsed() > DEADLINE {
                panic!("waiting for {what}; the guide said:\n{new}");
            }
            std::thread::sleep(Duration::from_millis(10));
        }
    }

    fn signal(&self, name: &str) {
        let status = Command::new("kill")
            .args([format!("-{name}"), self.child.id().to_string()])
            .status()
            .expect("run kill");
        assert!(status.success());
    }

    /// Waits for the guide to leave; its exit code and its last words.
    fn wait_exit(&mut self) -> (i32, String) {
        let start = Instant::now();
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                std::thread::sleep(Duration::from_millis(50));
                let heard = self.heard.lock().unwrap().clone();
                return (status.code().unwrap_or(-1), heard[self.seen..].to_owned());
            }
            assert!(start.elapsed() < DEADLINE, "the guide did not leave");
            std::thread::sleep(Duration::from_millis(10));
        }
    }
}

impl Drop for Talk {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// The first word of the help line whose description holds `about`: the
/// letter the help gives for it.
fn letter_for(help: &str, about: &str) -> String {
    let line = help
        .lines()
        .skip(1)
        .find(|l| l.contains(about))
        .unwrap_or_else(|| panic!("the help says nothing about {about:?}:\n{help}"));
    line.split([',', ' ']).next().unwrap().to_owned()
}

/// The words between `before` and `after` in `text`, where the guide says
/// what to type.
fn between<'t>(text: &'t str, before: &str, after: &str) -> &'t str {
    let start = text
        .find(before)
        .unwrap_or_else(|| panic!("no {before:?} in:\n{text}"))
        + before.len();
    let end = text[start..]
        .find(after)
        .unwrap_or_else(|| panic!("no {after:?} in:\n{text}"))
        + start;
    &text[start..end]
}

#[test]
fn a_newcomer_reading_only_the_guides_words_reads_a_part_answers_a_scenario_writes_a_note_and_commits()
 {
    let data = tempfile::tempdir().unwrap();
    let mut talk = Talk::start(data.path(), &["guide"]);
    let opening = talk.wait_for_prompt("> ");
    // "type h for the commands"
    let help_letter = between(&opening, "type ", " for the commands").to_owned();
    talk.say(&help_letter);
    let help = talk.wait_for_prompt("> ");
    let contents = letter_for(&help, "the contents");
    let go = letter_for(&help, "go to a section");
    let write = letter_for(&help, "your note");
    let commit = letter_for(&help, "commitment");
    let end_of_note = between(&help, "End it with a line holding only a ", ".");
    assert_eq!(end_of_note, "full stop");

    // The contents: the first part's sections are the lines under its heading.
    talk.say(&contents);
    let listed = talk.wait_for_prompt("> ");
    let lines: Vec<&str> = listed.lines().collect();
    let first_part = lines
        .iter()
        .position(|l| l.starts_with("Part 1 of"))
        .unwrap();
    let part_title = lines[first_part].split_once(": ").unwrap().1.to_owned();
    let part_numbers: Vec<String> = lines[first_part + 1..]
        .iter()
        .take_while(|l| !l.starts_with("Part "))
        .map(|l| l.split('.').next().unwrap().to_owned())
        .collect();
    assert!(!part_numbers.is_empty(), "{listed}");

    // Read the part: go to its first section, then Enter through the rest.
    talk.say(&format!("{go} {}", part_numbers[0]));
    let mut read = vec![talk.wait_for_prompt("> ")];
    for _ in 1..part_numbers.len() {
        talk.say("");
        read.push(talk.wait_for_prompt("> "));
    }
    for (number, said) in part_numbers.iter().zip(&read) {
        let heading = format!("Section {number} of ");
        assert!(
            said.contains(&heading) && said.contains(&format!(", {part_title}: ")),
            "{said}"
        );
    }

    // Go on until a section says how to choose, and do as it says.
    let mut scenario = String::new();
    for _ in 0..500 {
        talk.say("");
        let said = talk.wait_for_prompt("> ");
        assert!(
            !said.contains("That was the last section"),
            "no scenario found"
        );
        if said.contains("type c and the option's number") {
            scenario = said;
            break;
        }
    }
    let example = between(&scenario, "for example ", ".").to_owned();
    talk.say(&example);
    let answered = talk.wait_for_prompt("> ");
    assert!(answered.contains("Feedback: "), "{answered}");
    assert!(
        answered.contains("The other options and their feedback"),
        "{answered}"
    );
    assert!(answered.contains("Your choice is kept"), "{answered}");

    // A note, ended as the guide says.
    talk.say(&write);
    talk.wait_for("End with a line holding only a full stop");
    talk.say("I could ask the person affected what they want.");
    talk.say("And speak up sooner.");
    talk.say(".");
    let noted = talk.wait_for_prompt("> ");
    assert!(noted.contains("Note saved."), "{noted}");

    // A commitment: the words, then Enter for the usual review day.
    talk.say(&commit);
    talk.wait_for_prompt("I will ");
    talk.say("ask before I step in");
    let when = talk.wait_for_prompt("> ");
    assert!(
        when.contains("When shall I ask how it went? Press Enter"),
        "{when}"
    );
    talk.say("");
    let kept = talk.wait_for_prompt("> ");
    assert!(
        kept.contains("Kept: I will ask before I step in. On "),
        "{kept}"
    );

    talk.say("quit");
    let (code, farewell) = talk.wait_exit();
    assert_eq!(code, 0);
    assert!(farewell.contains("Your place is kept"), "{farewell}");

    // What the plain commands now say about it.
    let (notes, _, _) = run(data.path(), &["notes"], "");
    assert!(
        notes.contains("I could ask the person affected what they want."),
        "{notes}"
    );
    assert!(notes.contains("And speak up sooner."), "{notes}");
    let (commitments, _, _) = run(data.path(), &["commitments"], "");
    assert!(
        commitments.contains("I will ask before I step in"),
        "{commitments}"
    );
    let (journal, _, _) = run(data.path(), &["journal", "--json"], "");
    let journal: serde_json::Value = serde_json::from_str(&journal).unwrap();
    let parts = journal["parts"]
        .as_array()
        .unwrap_or_else(|| panic!("{journal}"));
    assert_eq!(parts[0]["read"], parts[0]["total"], "{journal}");
    assert_eq!(journal["scenarios_practised"], 1, "{journal}");
}

#[test]
fn a_script_drives_the_guide_and_the_end_of_input_leaves_cleanly() {
    let data = tempfile::tempdir().unwrap();
    let (out, err, code) = run(data.path(), &["guide", "2"], "n\nb\n");
    assert_eq!(code, 0, "{err}");
    assert!(
        out.contains("Section 2 of") && out.contains("Section 3 of"),
        "{out}"
    );
    assert!(out.contains("Bookmarked section 3, "), "{out}");
    assert!(out.contains("End of input: leaving."), "{out}");
    assert!(
        out.trim_end()
            .ends_with("Type allyship guide to go on from there."),
        "{out}"
    );
    assert!(!out.contains('\u{1b}'), "{out}");
    let (list, _, _) = run(data.path(), &["bookmarks"], "");
    assert!(list.contains("3. "), "{list}");
}

#[test]
fn an_unknown_section_is_refused_before_the_guide_starts() {
    let data = tempfile::tempdir().unwrap();
    let (out, err, code) = run(data.path(), &["guide", "nowhere-at-all"], "");
    assert_eq!(code, 2);
    assert!(out.is_empty(), "{out}");
    assert!(
        err.contains("There is no section \"nowhere-at-all\"."),
        "{err}"
    );
}

#[test]
fn bare_allyship_starts_the_guide_where_no_full_screen_can_be_drawn() {
    let data = tempfile::tempdir().unwrap();
    for term in [Some("dumb"), None, Some("xterm-256color")] {
        let mut cmd = allyship(data.path());
        match term {
            Some(term) => cmd.env("TERM", term),
            None => cmd.env_remove("TERM"),
        };
        let out = cmd.stdin(Stdio::null()).output().expect("run allyship");
        let text = String::from_utf8_lossy(&out.stdout);
        assert_eq!(out.status.code(), Some(0), "{term:?}");
        assert!(text.contains("Section 1 of"), "{term:?}: {text}");
        assert!(!text.contains('\u{1b}'), "{term:?}: {text}");
    }
}

/// Types the start of a note, then stops the guide with `signal`.
fn note_cut_short(data: &Path, signal: &str) -> (i32, String) {
    let mut talk = Talk::start(data, &["guide"]);
    talk.wait_for_prompt("> ");
    talk.say("w");
    talk.wait_for("End with a line");
    talk.say("half a thought");
    // Nothing is said for a line of a note: give the guide time to read it.
    std::thread::sleep(Duration::from_millis(500));
    talk.signal(signal);
    talk.wait_exit()
}

#[test]
fn sigterm_sighup_and_ctrl_c_keep_a_half_written_note() {
    for signal in ["TERM", "HUP", "INT"] {
        let data = tempfile::tempdir().unwrap();
        let (code, farewell) = note_cut_short(data.path(), signal);
        assert_eq!(code, 0, "{signal}");
        assert!(
            farewell.contains("Your place is kept"),
            "{signal}: {farewell}"
        );
        let (notes, _, _) = run(data.path(), &["notes"], "");
        assert!(notes.contains("half a thought"), "{signal}: {notes}");
    }
}

#[test]
fn words_that_cant_be_saved_go_to_a_rescue_file_and_are_never_called_saved() {
    let data = tempfile::tempdir().unwrap();
    let newer = r#"{"version": 99, "sections": {}, "days": {}, "ids": []}"#;
    std::fs::write(data.path().join("journal.json"), newer).unwrap();
    let mut talk = Talk::start(data.path(), &["guide"]);
    let opening = talk.wait_for_prompt("> ");
    assert!(
        opening.contains("Nothing you do here can be saved"),
        "{opening}"
    );
    talk.say("w");
    talk.wait_for("End with a line");
    talk.say("kept somewhere");
    talk.say(".");
    let said = talk.wait_for_prompt("> ");
    assert!(said.contains("Not saved yet"), "{said}");
    assert!(!said.contains("Note saved"), "{said}");
    talk.say("w");
    talk.wait_for("End with a line");
    talk.say("and more");
    std::thread::sleep(Duration::from_millis(500));
    talk.signal("TERM");
    let (code, farewell) = talk.wait_exit();
    assert_eq!(code, 0);
    assert!(farewell.contains("allyship import"), "{farewell}");
    let rescued_dir = data.path().join("state/allyship/rescued");
    let files: Vec<_> = std::fs::read_dir(&rescued_dir).unwrap().flatten().collect();
    assert_eq!(files.len(), 1);
    let rescued = std::fs::read_to_string(files[0].path()).unwrap();
    assert!(
        rescued.contains("kept somewhere\\n\\nand more"),
        "{rescued}"
    );
    assert_eq!(
        std::fs::read_to_string(data.path().join("journal.json")).unwrap(),
        newer
    );
}

#[cfg(unix)]
mod in_a_terminal {
    //! The guide in a pseudo-terminal: the terminal echoes what is typed,
    //! Enter is a carriage return, Ctrl-C and Ctrl-D come from the keyboard.
    //! Every byte it writes is kept, to check none switches screens, moves
    //! the cursor or draws a box.

    use super::DEADLINE;
    use portable_pty::{CommandBuilder, PtySize, native_pty_system};
    use std::io::{Read, Write};
    use std::sync::{Arc, Mutex};
    use std::time::{Duration, Instant};

    struct Pty {
        writer: Box<dyn Write + Send>,
        child: Box<dyn portable_pty::Child + Send + Sync>,
        bytes: Arc<Mutex<Vec<u8>>>,
        _master: Box<dyn portable_pty::MasterPty + Send>,
    }

    impl Pty {
        fn spawn(
            args: &[&str],
            term: Option<&str>,
            data: &std::path::Path,
            cols: u16,
            rows: u16,
        ) -> Pty {
            let pair = native_pty_system()
                .openpty(PtySize {
                    rows,
                    cols,
                    ..PtySize::default()
                })
                .unwrap();
            let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_allyship"));
            cmd.args(args);
            cmd.cwd(env!("CARGO_MANIFEST_DIR"));
            match term {
                Some(term) => cmd.env("TERM", term),
                None => cmd.env_remove("TERM"),
            }
            cmd.env("ALLYSHIP_DATA_DIR", data);
            cmd.env("ALLYSHIP_MIN_READ_SECS", "0");
            cmd.env("XDG_STATE_HOME", data.join("state"));
            let child = pair.slave.spawn_command(cmd).unwrap();
            drop(pair.slave);
            let bytes = Arc::new(Mutex::new(Vec::new()));
            let sink = Arc::clone(&bytes);
            let mut reader = pair.master.try_clone_reader().unwrap();
            std::thread::spawn(move || {
                let mut buf = [0u8; 4096];
                while let Ok(n @ 1..) = reader.read(&mut buf) {
                    sink.lock().unwrap().extend_from_slice(&buf[..n]);
                }
            });
            let writer = pair.master.take_writer().unwrap();
            Pty {
                writer,
                child,
                bytes,
                _master: pair.master,
            }
        }

        /// Everything written, as it came.
        fn raw(&self) -> String {
            String::from_utf8_lossy(&self.bytes.lock().unwrap()).into_owned()
        }

        /// Everything written, each run of spaces and line breaks as one
        /// space: the guide breaks lines at a narrow terminal's width.
        fn text(&self) -> String {
            self.raw().split_whitespace().collect::<Vec<_>>().join(" ")
        }

        fn send(&mut self, keys: &str) {
            self.writer.write_all(keys.as_bytes()).unwrap();
            self.writer.flush().unwrap();
        }

        /// Waits until the guide has shown its `> ` prompt `count` times.
        fn wait_for_prompts(&self, count: usize) {
            let start = Instant::now();
            while self.raw().matches("> ").count() < count {
                assert!(
                    start.elapsed() < DEADLINE,
                    "waiting for prompt {count}:\n{}",
                    self.raw()
                );
                std::thread::sleep(Duration::from_millis(10));
            }
        }

        fn wait_for_count(&self, text: &str, count: usize) {
            let start = Instant::now();
            while self.text().matches(text).count() < count {
                assert!(
                    start.elapsed() < DEADLINE,
                    "waiting for {text:?} x{count}:\n{}",
                    self.text()
                );
                std::thread::sleep(Duration::from_millis(10));
            }
        }

        fn wait_exit(&mut self) -> u32 {
            let start = Instant::now();
            loop {
                if let Some(status) = self.child.try_wait().unwrap() {
                    std::thread::sleep(Duration::from_millis(100));
                    return status.exit_code();
                }
                assert!(
                    start.elapsed() < DEADLINE,
                    "did not leave:\n{}",
                    self.text()
                );
                std::thread::sleep(Duration::from_millis(10));
            }
        }
    }

    impl Drop for Pty {
        fn drop(&mut self) {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }

    /// What must never be written: the alternate screen, any escape
    /// sequence at all, and box drawing.
    fn assert_plain(what: &str, text: &str) {
        assert!(
            !text.contains("\u{1b}[?1049h"),
            "{what}: the alternate screen"
        );
        assert!(
            !text.contains('\u{1b}'),
            "{what}: an escape sequence:\n{text:?}"
        );
        assert!(
            !text.chars().any(|c| ('\u{2500}'..='\u{257F}').contains(&c)),
            "{what}: box drawing"
        );
        for symbol in ['•', '▸', '→', '✓', '★'] {
            assert!(!text.contains(symbol), "{what}: {symbol}");
        }
    }

    #[test]
    fn in_a_real_terminal_the_guide_writes_plain_lines_only() {
        let ways: [(&[&str], Option<&str>, u16, u16); 4] = [
            (&["guide"], Some("xterm-256color"), 80, 24),
            (&[], Some("dumb"), 80, 24),
            (&[], None, 200, 50),
            (&["guide"], Some("xterm-256color"), 20, 6),
        ];
        for (args, term, cols, rows) in ways {
            let what = format!("{args:?} TERM={term:?} {cols}x{rows}");
            let data = tempfile::tempdir().unwrap();
            let mut pty = Pty::spawn(args, term, data.path(), cols, rows);
            pty.wait_for_prompts(1);
            for (keys, prompts) in [
                ("n\r", 2),
                ("t\r", 3),
                ("s listen\r", 4),
                ("j\r", 5),
                ("b\r", 6),
            ] {
                pty.send(keys);
                pty.wait_for_prompts(prompts);
            }
            pty.send("w\r");
            pty.wait_for_count("End with a line", 1);
            pty.send("typed at a terminal\r");
            // Ctrl-D at the start of a line ends the note, as the guide says.
            pty.send("\u{4}");
            pty.wait_for_count("Note saved.", 1);
            pty.send("q\r");
            assert_eq!(pty.wait_exit(), 0, "{what}");
            let text = pty.text();
            assert!(text.contains("Section 2 of"), "{what}: {text}");
            assert!(text.contains("Your place is kept"), "{what}: {text}");
            assert_plain(&what, &pty.raw());
        }
    }

    #[test]
    fn ctrl_c_in_a_terminal_keeps_a_half_written_note() {
        let data = tempfile::tempdir().unwrap();
        let mut pty = Pty::spawn(&["guide"], Some("xterm-256color"), data.path(), 80, 24);
        pty.wait_for_prompts(1);
        pty.send("w\r");
        pty.wait_for_count("End with a line", 1);
        pty.send("before the interrupt\r");
        // The terminal echoes the line once the guide's side has it.
        pty.wait_for_count("before the interrupt", 1);
        std::thread::sleep(Duration::from_millis(300));
        pty.send("\u{3}");
        assert_eq!(pty.wait_exit(), 0);
        assert_plain("ctrl-c", &pty.raw());
        let (notes, _, _) = super::run(data.path(), &["notes"], "");
        assert!(notes.contains("before the interrupt"), "{notes}");
    }
}
