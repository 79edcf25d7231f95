//! Snapshots and checks of writing in the reader: the note editor (its
//! placeholder, wrapping, cursor and a version kept from another copy),
//! the notes and bookmarks lists, their help, and a note shown under its
//! section's prompts.

use super::common::frames::text;
use super::common::input::{open_section, typed};
use super::{app_at, draw, with_journal};
use allyship::reader::action::Action;
use allyship::reader::app::App;
use allyship::reader::update::update;

fn with_notes_and_bookmarks(actions: &[Action]) -> App {
    use allyship::journal::record::{Bookmark, Note};
    let at = jiff::civil::date(2026, 11, 20)
        .at(10, 0, 0, 0)
        .to_zoned(jiff::tz::TimeZone::UTC)
        .unwrap()
        .timestamp();
    let mut app = with_journal(80, 24, &[]);
    let note = Note {
        text: "I will ask colleagues how they prefer to be supported.".into(),
        created: at,
        changed: at,
        ..Note::default()
    };
    app.journal
        .records
        .notes
        .insert("tip-check-in".into(), note);
    let bookmark = Bookmark {
        label: Some("for supervision".into()),
        added: at,
        ..Bookmark::default()
    };
    app.journal
        .records
        .bookmarks
        .insert("tip-speak-up".into(), bookmark);
    for action in actions {
        update(&mut app, *action);
    }
    app
}

#[test]
fn note_editor_80x24() {
    let app =
        with_notes_and_bookmarks(&[open_section("tip-check-in"), vec![Action::EditNote]].concat());
    insta::assert_snapshot!(draw(&app).backend());
}

/// A journal nothing can be written to: the editor's hint must not claim
/// that Esc saves.
#[test]
fn note_editor_read_only_80x24_says_esc_does_not_save() {
    let mut app = with_notes_and_bookmarks(&[]);
    app.read_only = Some("the journal was made by a newer version of allyship".into());
    for action in [open_section("tip-check-in"), vec![Action::EditNote]].concat() {
        update(&mut app, action);
    }
    let screen = text(draw(&app).backend().buffer());
    assert!(!screen.contains("saves"), "{screen}");
    assert!(
        screen.contains("Esc closes: not saved (read-only)"),
        "{screen}"
    );
    insta::assert_snapshot!(draw(&app).backend());
}

#[test]
fn bookmarks_list_80x24() {
    let app = with_notes_and_bookmarks(&[Action::Bookmarks]);
    insta::assert_snapshot!(draw(&app).backend());
}

#[test]
fn my_notes_80x24() {
    let app = with_notes_and_bookmarks(&[Action::Notes]);
    insta::assert_snapshot!(draw(&app).backend());
}

/// Where the terminal cursor is after drawing (screen readers and
/// magnifiers follow it), and whether it is shown.
fn cursor_after_drawing(app: &App) -> Option<ratatui::layout::Position> {
    let terminal = draw(app);
    let backend = terminal.backend();
    backend.cursor_visible().then(|| backend.cursor_position())
}

#[test]
fn the_cursor_follows_focus_in_lists_and_the_editor() {
    let app = app_at(80, 24, &[Action::SwitchFocus, Action::Down]);
    let area = app.contents_area().unwrap();
    let cursor = cursor_after_drawing(&app).expect("shown in the contents");
    assert_eq!(
        cursor.y,
        area.y + 2,
        "on the selected entry (row 0 is the part)"
    );
    let down = app_at(80, 24, &[Action::SwitchFocus, Action::Down, Action::Down]);
    assert_eq!(cursor_after_drawing(&down).unwrap().y, cursor.y + 1);

    let bookmarks = with_notes_and_bookmarks(&[Action::Bookmarks]);
    let terminal = draw(&bookmarks);
    let row = cursor_after_drawing(&bookmarks)
        .expect("shown in the list")
        .y;
    let screen = text(terminal.backend().buffer());
    let line = screen.lines().nth(usize::from(row)).unwrap_or_default();
    assert!(line.contains("for supervision"), "{line}");

    let typing = [vec![Action::EditNote], typed("abc")].concat();
    let editor = with_notes_and_bookmarks(&typing);
    let cursor = cursor_after_drawing(&editor).expect("shown in the editor");
    let terminal = draw(&editor);
    let before: String = (cursor.x - 3..cursor.x)
        .map(|x| {
            terminal.backend().buffer()[(x, cursor.y)]
                .symbol()
                .to_string()
        })
        .collect();
    assert_eq!(before, "abc", "the cursor follows what is typed");
}

#[test]
fn the_note_editor_shows_a_version_kept_from_another_copy() {
    use allyship::journal::record::SupersededNote;
    let mut app = with_notes_and_bookmarks(&[]);
    let at: jiff::Timestamp = "2026-11-20T10:00:00Z".parse().unwrap();
    app.journal.records.superseded_notes.push(SupersededNote {
        section: "welcome".into(),
        text: "Written on the office computer.\nA second line.".into(),
        created: at,
        changed: at,
        extra: Default::default(),
    });
    update(&mut app, Action::EditNote);
    let terminal = draw(&app);
    let screen = text(terminal.backend().buffer());
    assert!(
        screen.contains("Also kept: an earlier version, from"),
        "{screen}"
    );
    assert!(
        screen.contains("┃ Written on the office computer."),
        "{screen}"
    );
    assert!(screen.contains("┃ A second line."), "{screen}");
}

#[test]
fn help_for_the_bookmarks_80x24() {
    let app = with_notes_and_bookmarks(&[Action::Bookmarks, Action::Help]);
    insta::assert_snapshot!(draw(&app).backend());
}

#[test]
fn help_for_the_note_editor_40x12() {
    let mut app = app_at(40, 12, &[Action::EditNote, Action::Help]);
    update(
        &mut app,
        Action::Resize {
            width: 40,
            height: 12,
        },
    );
    insta::assert_snapshot!(draw(&app).backend());
}

/// The note's section open at `width` x `height`, scrolled to its end.
fn a_note_under_its_prompts(width: u16, height: u16) -> App {
    let mut app = with_notes_and_bookmarks(
        &[
            vec![Action::Resize { width, height }],
            open_section("tip-check-in"),
            vec![Action::Bottom],
        ]
        .concat(),
    );
    update(&mut app, Action::Bottom);
    app
}

#[test]
fn reader_80x24_shows_your_note_under_the_prompts() {
    let app = a_note_under_its_prompts(80, 24);
    let frame = draw(&app);
    let screen = text(frame.backend().buffer());
    assert!(screen.contains("Your note (private"), "{screen}");
    assert!(screen.contains("┃ I will ask colleagues"), "{screen}");
    insta::assert_snapshot!(frame.backend());
}

#[test]
fn reader_40x12_shows_your_note_under_the_prompts() {
    let app = a_note_under_its_prompts(40, 12);
    let frame = draw(&app);
    let screen = text(frame.backend().buffer());
    assert!(screen.contains("┃ prefer to be supported."), "{screen}");
    insta::assert_snapshot!(frame.backend());
}

#[test]
fn a_changed_note_shows_at_once() {
    use allyship::journal::record::Note;
    let mut app = a_note_under_its_prompts(80, 24);
    let before = app.text_lines();
    let at = jiff::Timestamp::from_second(1_700_000_000).unwrap();
    let note = Note {
        text: "First line.\nSecond line.\nThird line.".into(),
        created: at,
        changed: at,
        ..Note::default()
    };
    app.journal
        .records
        .notes
        .insert("tip-check-in".into(), note);
    assert_eq!(
        app.text_lines(),
        before + 1,
        "the cached lines were rebuilt"
    );
    app.journal.records.notes.remove("tip-check-in");
    let screen = allyship::toolkit::render::plain(&app.section_lines());
    assert!(!screen.contains("Your note"), "{screen}");
}

/// The note editor's rows, as text between its borders.
fn editor_rows(app: &App) -> Vec<String> {
    let screen = text(draw(app).backend().buffer());
    let lines: Vec<&str> = screen.lines().collect();
    let top = lines
        .iter()
        .position(|l| l.contains("▸ Your note"))
        .expect("the editor");
    lines[top + 1..]
        .iter()
        .take_while(|l| !l.starts_with('└'))
        .map(|l| l.trim_start_matches('│').trim_end_matches('│').to_string())
        .collect()
}

#[test]
fn the_note_placeholder_starts_where_the_typing_does() {
    let empty = editor_rows(&app_at(80, 24, &[Action::EditNote]));
    let typed_in = [vec![Action::EditNote], typed("Write")].concat();
    let typed_in = editor_rows(&app_at(80, 24, &typed_in));
    assert!(
        empty[0].starts_with(" Write your thoughts"),
        "{:?}",
        empty[0]
    );
    assert!(typed_in[0].starts_with(" Write"), "{:?}", typed_in[0]);
}

#[test]
fn wrapped_note_lines_do_not_start_with_a_space() {
    let words = "This is a rather long note that must wrap over several lines in here";
    let actions = [vec![Action::EditNote], typed(words)].concat();
    let app = app_at(40, 16, &actions);
    let rows = editor_rows(&app);
    let written: Vec<&String> = rows.iter().filter(|r| !r.trim().is_empty()).collect();
    assert!(written.len() >= 2, "{rows:?}");
    for row in &written {
        assert!(
            !row.starts_with("  "),
            "a wrapped row starts with a space: {rows:?}"
        );
    }
    let joined: Vec<&str> = written.iter().map(|r| r.trim()).collect();
    assert_eq!(joined.join(" "), words);
    // The cursor is just after the last letter.
    let terminal = draw(&app);
    let cursor = cursor_after_drawing(&app).expect("shown");
    let cell = &terminal.backend().buffer()[(cursor.x - 1, cursor.y)];
    assert_eq!(cell.symbol(), "e");
}
