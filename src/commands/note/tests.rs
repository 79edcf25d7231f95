use super::*;
use crate::journal::store;
use crate::toolkit::content::built_in;
use std::path::Path;

/// Runs `note` on `query` with `typed` as its input; returns the output
/// and what went to the prompts.
fn run(
    dir: &Path,
    query: &str,
    change: NoteChange,
    typed: &str,
    terminal: bool,
) -> (Output, String) {
    let mut text = typed.as_bytes();
    let mut prompts = Vec::new();
    let input = NoteInput {
        text: &mut text,
        at_terminal: terminal,
        prompts: &mut prompts,
        width: 0,
    };
    let out = note(&built_in(), Some(dir.into()), query, change, input);
    (out, String::from_utf8(prompts).unwrap())
}

fn note_on(dir: &Path, id: &str) -> Option<String> {
    store::read(dir)
        .unwrap()
        .records
        .notes
        .get(id)
        .map(|n| n.text.clone())
}

#[test]
fn a_piped_note_is_saved_quietly_and_a_typed_one_sees_the_prompts() {
    let dir = tempfile::tempdir().unwrap();
    let (out, prompts) = run(
        dir.path(),
        "tip-speak-up",
        NoteChange::Write,
        "I will\r\nspeak up\n\n",
        false,
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(
        prompts.is_empty(),
        "a script gets a quiet stderr: {prompts}"
    );
    assert!(
        out.stdout.starts_with("Saved your note on "),
        "{}",
        out.stdout
    );
    assert!(
        out.stdout.contains("(tip-speak-up) (2 lines)."),
        "{}",
        out.stdout
    );
    assert_eq!(
        note_on(dir.path(), "tip-speak-up").as_deref(),
        Some("I will\nspeak up")
    );
    let (out, prompts) = run(dir.path(), "welcome", NoteChange::Write, "typed", true);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let section = built_in().entry(0).unwrap().section.clone();
    assert!(prompts.starts_with("Your note on 1. "), "{prompts}");
    for prompt in &section.reflect {
        assert!(prompts.contains(&format!("  ? {prompt}")), "{prompts}");
    }
    assert!(prompts.contains("Ctrl-D"), "{prompts}");
}

#[test]
fn an_existing_note_is_never_replaced_without_asking() {
    let dir = tempfile::tempdir().unwrap();
    run(dir.path(), "welcome", NoteChange::Write, "first", false);
    let (out, prompts) = run(dir.path(), "welcome", NoteChange::Write, "second", true);
    assert_eq!(out.code, 1);
    assert!(out.stderr.contains("already has a note"), "{}", out.stderr);
    assert!(out.stderr.contains("--append") && out.stderr.contains("--replace"));
    assert!(prompts.is_empty(), "refused before anything is typed");
    assert_eq!(note_on(dir.path(), "welcome").as_deref(), Some("first"));
    let (out, _) = run(dir.path(), "1", NoteChange::Write, "first\n", false);
    assert_eq!(out.code, 1, "the same text is refused too: it was not read");
}

#[test]
fn append_adds_after_the_note_and_replace_keeps_the_old_text_beside_it() {
    let dir = tempfile::tempdir().unwrap();
    run(dir.path(), "welcome", NoteChange::Write, "first", false);
    let (out, prompts) = run(dir.path(), "welcome", NoteChange::Append, "more", true);
    assert!(
        out.stdout.contains("Added to your note on 1. "),
        "{}",
        out.stdout
    );
    assert!(
        prompts.contains("  | first"),
        "the note so far is shown: {prompts}"
    );
    assert_eq!(
        note_on(dir.path(), "welcome").as_deref(),
        Some("first\n\nmore")
    );
    let (out, _) = run(
        dir.path(),
        "welcome",
        NoteChange::Replace,
        "new words",
        false,
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(
        out.stdout.contains("The old text is kept"),
        "{}",
        out.stdout
    );
    let journal = store::read(dir.path()).unwrap();
    assert_eq!(journal.records.notes["welcome"].text, "new words");
    assert_eq!(
        journal.records.notes["welcome"].edits, 3,
        "each save is one edit"
    );
    let kept: Vec<&str> = journal
        .earlier_versions("welcome")
        .map(|k| k.text.as_str())
        .collect();
    assert_eq!(kept, ["first\n\nmore"]);
    let (out, _) = run(
        dir.path(),
        "welcome",
        NoteChange::Replace,
        "new words\n",
        false,
    );
    assert!(
        out.stdout.contains("already says this; nothing changed"),
        "{}",
        out.stdout
    );
}

#[test]
fn empty_input_never_erases_a_note() {
    let dir = tempfile::tempdir().unwrap();
    run(dir.path(), "welcome", NoteChange::Write, "keep me", false);
    for typed in ["", "\n", "  \n\t\n"] {
        let (out, _) = run(dir.path(), "welcome", NoteChange::Replace, typed, false);
        assert_eq!(out.code, 1);
        assert!(
            out.stderr
                .contains("the note was empty and your note on 1. "),
            "{}",
            out.stderr
        );
        assert!(out.stderr.contains("--remove"), "{}", out.stderr);
        assert_eq!(note_on(dir.path(), "welcome").as_deref(), Some("keep me"));
    }
    let (out, _) = run(dir.path(), "2", NoteChange::Write, "", false);
    assert_eq!(out.code, 1);
    assert!(
        out.stderr.contains("the note was empty. To remove"),
        "{}",
        out.stderr
    );
}

#[test]
fn remove_says_what_it_removed() {
    let dir = tempfile::tempdir().unwrap();
    run(
        dir.path(),
        "welcome",
        NoteChange::Write,
        "line one\nline two",
        false,
    );
    let (out, _) = run(dir.path(), "welcome", NoteChange::Remove, "ignored", false);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(
        out.stdout.starts_with("Removed your note on 1. "),
        "{}",
        out.stdout
    );
    assert!(
        out.stdout.ends_with("It said:\n  line one\n  line two\n"),
        "{}",
        out.stdout
    );
    assert_eq!(note_on(dir.path(), "welcome"), None);
    let (out, _) = run(dir.path(), "welcome", NoteChange::Remove, "", false);
    assert_eq!(out.code, 0);
    assert!(
        out.stdout.contains("has no note; nothing was removed"),
        "{}",
        out.stdout
    );
}

#[test]
fn a_note_changed_by_another_copy_meanwhile_keeps_both() {
    let dir = tempfile::tempdir().unwrap();
    run(dir.path(), "welcome", NoteChange::Write, "first", false);
    let writable = open_for_writing(Some(dir.path().into()), NOTHING_CHANGED).unwrap();
    let current = writable.journal.records.notes.get("welcome").cloned();
    // Another copy saves its edit between this command's read and its save.
    run(dir.path(), "welcome", NoteChange::Replace, "theirs", false);
    let out = save(
        writable,
        "welcome",
        "1. Why",
        NoteChange::Append,
        current,
        "first\n\nmine",
        0,
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    let journal = store::read(dir.path()).unwrap();
    let mut texts: Vec<&str> = journal
        .earlier_versions("welcome")
        .map(|k| k.text.as_str())
        .collect();
    texts.push(&journal.records.notes["welcome"].text);
    assert!(
        texts.contains(&"theirs") && texts.contains(&"first\n\nmine"),
        "{texts:?}"
    );
}

#[test]
fn unknown_sections_bad_input_and_read_only_journals_save_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let (out, _) = run(dir.path(), "nowhere", NoteChange::Write, "text", false);
    assert_eq!(out.code, super::super::EXIT_NOT_FOUND);
    assert!(
        out.stderr.contains("There is no section \"nowhere\""),
        "{}",
        out.stderr
    );
    let mut bad: &[u8] = b"caf\xe9";
    let mut prompts = Vec::new();
    let input = NoteInput {
        text: &mut bad,
        at_terminal: false,
        prompts: &mut prompts,
        width: 0,
    };
    let out = note(
        &built_in(),
        Some(dir.path().into()),
        "1",
        NoteChange::Write,
        input,
    );
    assert!(out.stderr.contains("not UTF-8"), "{}", out.stderr);
    let mut huge = std::io::repeat(b'a').take(MOST_BYTES + 1);
    let input = NoteInput {
        text: &mut huge,
        at_terminal: false,
        prompts: &mut prompts,
        width: 0,
    };
    let out = note(
        &built_in(),
        Some(dir.path().into()),
        "1",
        NoteChange::Write,
        input,
    );
    assert!(out.stderr.contains("at most 10 MB"), "{}", out.stderr);
    assert_eq!(note_on(dir.path(), "welcome"), None);
    std::fs::write(dir.path().join("journal.json"), r#"{"version":99}"#).unwrap();
    let (out, _) = run(dir.path(), "1", NoteChange::Write, "text", false);
    assert_eq!(out.code, 1);
    assert!(
        out.stderr
            .starts_with("Nothing was changed: your journal was made by a newer version"),
        "{}",
        out.stderr
    );
}

#[test]
fn prompts_from_a_hostile_toolkit_are_printed_as_visible_escapes() {
    let dir = tempfile::tempdir().unwrap();
    let mut toolkit = built_in();
    toolkit.parts[0].sections[0].reflect = vec!["evil \x1b]52;c;aGk=\x07 prompt".into()];
    let mut text: &[u8] = b"mine";
    let mut prompts = Vec::new();
    let input = NoteInput {
        text: &mut text,
        at_terminal: true,
        prompts: &mut prompts,
        width: 0,
    };
    let out = note(
        &toolkit,
        Some(dir.path().into()),
        "1",
        NoteChange::Write,
        input,
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    let prompts = String::from_utf8(prompts).unwrap();
    assert!(
        prompts.contains("evil \\u001b]52;c;aGk=\\u0007 prompt"),
        "{prompts}"
    );
    assert!(
        !prompts.contains('\x1b') && !prompts.contains('\x07'),
        "{prompts}"
    );
}
