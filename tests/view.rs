//! Snapshots of the views drawn on ratatui's TestBackend (every size is
//! swept in `sizes.rs`).

mod common;

use allyship::reader::action::Action;
use allyship::reader::app::App;
use allyship::reader::ui;
use allyship::reader::update::update;
use allyship::toolkit::content::built_in;
use common::frames::text;
use common::input::typed;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::style::Modifier;

fn app_at(width: u16, height: u16, actions: &[Action]) -> App {
    static TOOLKIT: std::sync::LazyLock<allyship::toolkit::content::Toolkit> =
        std::sync::LazyLock::new(built_in);
    let mut app = App::new(TOOLKIT.clone(), width, height);
    for action in actions {
        update(&mut app, *action);
    }
    app
}

fn draw(app: &App) -> Terminal<TestBackend> {
    let mut terminal =
        Terminal::new(TestBackend::new(app.screen.width, app.screen.height)).unwrap();
    terminal.draw(|frame| ui::draw(frame, app)).unwrap();
    terminal
}

#[test]
fn reader_80x24() {
    let app = app_at(80, 24, &[]);
    insta::assert_snapshot!(draw(&app).backend());
}

#[test]
fn reader_80x24_a_tip_with_points() {
    let app = app_at(80, 24, &[Action::Digit(1), Action::Digit(9), Action::Open]);
    insta::assert_snapshot!(draw(&app).backend());
}

#[test]
fn reader_40x12() {
    let app = app_at(40, 12, &[]);
    insta::assert_snapshot!(draw(&app).backend());
}

#[test]
fn reader_40x12_with_contents_open() {
    let app = app_at(40, 12, &[Action::ToggleContents, Action::Down]);
    insta::assert_snapshot!(draw(&app).backend());
}

#[test]
fn help_80x24() {
    let app = app_at(80, 24, &[Action::Help]);
    insta::assert_snapshot!(draw(&app).backend());
}

#[test]
fn too_small_20x6() {
    let app = app_at(20, 6, &[]);
    insta::assert_snapshot!(draw(&app).backend());
}

#[test]
fn the_selected_contents_entry_is_reverse_video() {
    let app = app_at(80, 24, &[Action::SwitchFocus, Action::Down]);
    let terminal = draw(&app);
    let buffer = terminal.backend().buffer();
    let area = app.contents_area().unwrap();
    // Row 0 is the part heading, row 1 section 1, row 2 section 2 (selected).
    let selected = &buffer[(area.x + 4, area.y + 2)];
    assert!(selected.modifier.contains(Modifier::REVERSED));
    let other = &buffer[(area.x + 4, area.y + 1)];
    assert!(!other.modifier.contains(Modifier::REVERSED));
}

#[test]
fn the_focused_pane_is_marked_without_colour() {
    let app = app_at(80, 24, &[Action::SwitchFocus]);
    let text = format!("{:?}", draw(&app).backend());
    assert!(text.contains("▸ Contents"));
    assert!(!text.contains("▸ Start here"));
    assert!(text.contains("┌ Start here"));
}

fn journal_with_reading() -> allyship::journal::record::Journal {
    use allyship::journal::record::{Journal, Session};
    use jiff::civil::date;
    let mut journal = Journal::new();
    let reads = [
        ("one", "welcome", date(2026, 11, 2)),
        ("one", "tip-speak-up", date(2026, 11, 2)),
        ("two", "welcome", date(2026, 11, 20)),
        ("two", "defining-allyship", date(2026, 11, 20)),
    ];
    for (session, id, day) in reads {
        let at = day
            .at(10, 0, 0, 0)
            .to_zoned(jiff::tz::TimeZone::UTC)
            .unwrap()
            .timestamp();
        let mut s = Session::new(session);
        s.record_read(id, at, day);
        s.add_active_secs(day, 1500);
        journal.apply(&s.pending, &s.id);
    }
    journal
}

fn with_journal(width: u16, height: u16, actions: &[Action]) -> App {
    let mut app = app_at(width, height, &[]);
    app.journal = journal_with_reading();
    app.journal_kept = true;
    app.today = jiff::civil::date(2026, 11, 23);
    for action in actions {
        update(&mut app, *action);
    }
    app
}

#[test]
fn journal_80x24() {
    let app = with_journal(80, 24, &[Action::Journal]);
    insta::assert_snapshot!(draw(&app).backend());
}

#[test]
fn journal_80x24_scrolled_to_the_revisits() {
    let app = with_journal(80, 24, &[Action::Journal, Action::Bottom]);
    insta::assert_snapshot!(draw(&app).backend());
}

#[test]
fn contents_marks_read_and_revisited_80x24() {
    let app = with_journal(80, 24, &[]);
    insta::assert_snapshot!(draw(&app).backend());
}

#[test]
fn mono_draws_no_colour_in_any_cell_of_any_view() {
    use allyship::theme::Theme;
    use ratatui::style::Color;
    for actions in [
        &[][..],
        &[Action::Help][..],
        &[Action::Journal][..],
        &[Action::Search][..],
        &[Action::EditNote][..],
        &[Action::Bookmarks][..],
        &[Action::Bookmarks, Action::Relabel][..],
    ] {
        let mut app = app_at(80, 24, actions);
        app.theme = Theme::mono();
        let terminal = draw(&app);
        for cell in terminal.backend().buffer().content() {
            assert_eq!(
                (cell.fg, cell.bg),
                (Color::Reset, Color::Reset),
                "{actions:?}"
            );
        }
    }
}

#[test]
fn high_contrast_paints_every_cell_white_on_black() {
    use allyship::theme::Theme;
    use ratatui::style::Color;
    let mut app = app_at(80, 24, &[]);
    app.theme = Theme::high_contrast();
    let terminal = draw(&app);
    let buffer = terminal.backend().buffer();
    assert!(buffer.content().iter().all(|c| c.bg == Color::Black));
    let text = app.text_area().unwrap();
    assert_eq!(buffer[(text.x, text.y + 2)].fg, Color::White);
}

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
    app.journal.notes.insert("tip-check-in".into(), note);
    let bookmark = Bookmark {
        label: Some("for supervision".into()),
        added: at,
        ..Bookmark::default()
    };
    app.journal
        .bookmarks
        .insert("tip-speak-up".into(), bookmark);
    for action in actions {
        update(&mut app, *action);
    }
    app
}

#[test]
fn note_editor_80x24() {
    let app = with_notes_and_bookmarks(&[
        Action::Digit(2),
        Action::Digit(1),
        Action::Open,
        Action::EditNote,
    ]);
    insta::assert_snapshot!(draw(&app).backend());
}

/// A journal nothing can be written to: the editor's hint must not claim
/// that Esc saves.
#[test]
fn note_editor_read_only_80x24_says_esc_does_not_save() {
    let mut app = with_notes_and_bookmarks(&[]);
    app.read_only = Some("the journal was made by a newer version of allyship".into());
    for action in [
        Action::Digit(2),
        Action::Digit(1),
        Action::Open,
        Action::EditNote,
    ] {
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

#[test]
fn search_80x24() {
    let actions = [vec![Action::Search], typed("listen")].concat();
    let app = app_at(80, 24, &actions);
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
    app.journal.superseded_notes.push(SupersededNote {
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

#[test]
fn reader_80x24_part_way_down_says_so_in_words() {
    let app = app_at(
        80,
        24,
        &[
            Action::Digit(1),
            Action::Digit(8),
            Action::Open,
            Action::Down,
            Action::Down,
            Action::Down,
        ],
    );
    let frame = draw(&app);
    let footer = text(frame.backend().buffer());
    assert!(footer.contains("% of this section"), "{footer}");
    insta::assert_snapshot!(frame.backend());
}

/// The note's section open at `width` x `height`, scrolled to its end.
fn a_note_under_its_prompts(width: u16, height: u16) -> App {
    let mut app = with_notes_and_bookmarks(&[
        Action::Resize { width, height },
        Action::Digit(2),
        Action::Digit(1),
        Action::Open,
        Action::Bottom,
    ]);
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
    app.journal.notes.insert("tip-check-in".into(), note);
    assert_eq!(
        app.text_lines(),
        before + 1,
        "the cached lines were rebuilt"
    );
    app.journal.notes.remove("tip-check-in");
    let screen = allyship::toolkit::render::plain(&app.section_lines());
    assert!(!screen.contains("Your note"), "{screen}");
}

/// Opened again with the journal at section 19: the welcome back.
fn welcomed_back(width: u16, height: u16) -> App {
    let mut app = app_at(width, height, &[]);
    let mut session = allyship::journal::record::Session::new("earlier");
    session.set_position("tip-listen-actively", 0);
    app.journal.apply(&session.pending, &session.id);
    app.resume();
    app
}

#[test]
fn welcome_back_40x12_is_the_footer_not_a_box() {
    let app = welcomed_back(40, 12);
    let frame = draw(&app);
    let screen = text(frame.backend().buffer());
    assert!(!screen.contains("Message"), "{screen}");
    let footer = screen.lines().last().unwrap_or_default();
    assert!(footer.contains("Welcome back"), "{footer}");
    insta::assert_snapshot!(frame.backend());
}

#[test]
fn welcome_back_80x24_names_the_section_and_goes_with_a_key() {
    let mut app = welcomed_back(80, 24);
    let screen = text(draw(&app).backend().buffer());
    let footer = screen.lines().last().unwrap_or_default().to_string();
    assert!(
        footer.contains("Welcome back: continuing at 19. Listen actively"),
        "{footer}"
    );
    insta::assert_snapshot!(draw(&app).backend());
    update(&mut app, Action::Down);
    let screen = text(draw(&app).backend().buffer());
    assert!(!screen.contains("Welcome back"), "{screen}");
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

#[test]
fn wide_screens_show_every_contents_title_in_full() {
    let app = app_at(200, 60, &[]);
    let contents = app.contents_area().unwrap();
    let screen = text(draw(&app).backend().buffer());
    for line in screen
        .lines()
        .skip(usize::from(contents.y))
        .take(usize::from(contents.height))
    {
        let row: String = line
            .chars()
            .skip(usize::from(contents.x))
            .take(usize::from(contents.width))
            .collect();
        assert!(!row.contains('…'), "cut at 200 columns: {row:?}");
    }
    let longest = app
        .toolkit
        .entries()
        .map(|e| e.section.title.clone())
        .max_by_key(|t| unicode_width::UnicodeWidthStr::width(t.as_str()))
        .unwrap();
    assert!(screen.contains(&longest), "{longest}");
    // At 80 columns the text keeps its room: the contents stay as they were.
    assert_eq!(app_at(80, 24, &[]).contents_area().unwrap().width, 24);
    // In between, the contents grow only into what the text cannot use.
    let mid = app_at(120, 30, &[]);
    let text_pane = mid.layout().unwrap().text.unwrap();
    assert!(text_pane.width >= 80, "{text_pane:?}");
}

fn links_of_learn_online(width: u16, height: u16) -> App {
    let mut app = app_at(width, height, &[]);
    app.current = app.toolkit.index_of("learn-online").unwrap();
    update(&mut app, Action::Links);
    app
}

#[test]
fn links_80x24_show_whole_addresses() {
    let app = links_of_learn_online(80, 24);
    let screen = text(draw(&app).backend().buffer());
    assert!(!screen.contains('…'), "{screen}");
    assert!(screen.contains("y copies"), "{screen}");
    insta::assert_snapshot!(draw(&app).backend());
}

#[test]
fn links_40x12_show_whole_addresses() {
    let app = links_of_learn_online(40, 12);
    let screen = text(draw(&app).backend().buffer());
    let lines: Vec<&str> = screen.lines().collect();
    let window = lines[1..lines.len() - 1].join("\n");
    assert!(!window.contains('…'), "{screen}");
    insta::assert_snapshot!(draw(&app).backend());
}

/// The "joke in a meeting" scenario open at `width` x `height`, then `actions`.
fn on_a_scenario(width: u16, height: u16, actions: &[Action]) -> App {
    let number = built_in().index_of("scenario-joke-in-a-meeting").unwrap() + 1;
    let digits = number.to_string();
    let mut go: Vec<Action> = digits.bytes().map(|b| Action::Digit(b - b'0')).collect();
    go.push(Action::Open);
    go.extend_from_slice(actions);
    app_at(width, height, &go)
}

#[test]
fn choose_window_80x24_and_40x12() {
    for (width, height) in [(80, 24), (40, 12)] {
        let app = on_a_scenario(width, height, &[Action::Choose, Action::Down]);
        let frame = draw(&app);
        let screen = text(frame.backend().buffer());
        assert!(screen.contains("Choose an option"), "{screen}");
        assert!(screen.contains("Enter choose"), "{screen}");
        // The highlighted option is reverse video, not colour alone.
        let shown = allyship::reader::layout::choosing::layout(&app, 1).unwrap();
        let row = shown.inner.y + (shown.options[1].start - shown.offset) as u16;
        let cell = &frame.backend().buffer()[(shown.inner.x + 4, row)];
        assert!(
            cell.modifier.contains(Modifier::REVERSED),
            "{width}x{height}"
        );
        insta::assert_snapshot!(format!("choose_window_{width}x{height}"), frame.backend());
    }
}

#[test]
fn scenario_feedback_after_choosing_80x24_and_40x12() {
    for (width, height) in [(80, 24), (40, 12)] {
        let app = on_a_scenario(width, height, &[Action::Choose, Action::Down, Action::Open]);
        let frame = draw(&app);
        let screen = text(frame.backend().buffer());
        assert!(screen.contains("Your choice and its feedback"), "{screen}");
        assert!(screen.contains("▸ 2."), "{screen}");
        assert!(screen.contains("Feedback:"), "{screen}");
        insta::assert_snapshot!(
            format!("scenario_feedback_{width}x{height}"),
            frame.backend()
        );
    }
}

#[test]
fn scenario_feedback_80x24_scrolled_to_the_other_options() {
    let app = on_a_scenario(
        80,
        24,
        &[
            Action::Choose,
            Action::Down,
            Action::Open,
            Action::Down,
            Action::Down,
            Action::Down,
            Action::Down,
            Action::Down,
            Action::Down,
        ],
    );
    let frame = draw(&app);
    let screen = text(frame.backend().buffer());
    assert!(
        screen.contains("The other options and their feedback"),
        "{screen}"
    );
    insta::assert_snapshot!(frame.backend());
}
