//! Snapshots of the views drawn on ratatui's TestBackend (every size is
//! swept in `sizes.rs`).
//!
//! Here: the reader and its contents, the journal, the themes, search,
//! links and the welcome back; the note editor, notes and bookmarks are in
//! `view/writing.rs`, a scenario's choose window and feedback in
//! `view/choosing.rs`, "Leave anyway?" after a failed save in
//! `view/saving.rs` (their snapshots in `view/snapshots/`).

#[path = "view/choosing.rs"]
mod choosing;
use crate::common;
#[path = "view/saving.rs"]
mod saving;
#[path = "view/writing.rs"]
mod writing;

use allyship::reader::action::Action;
use allyship::reader::app::App;
use allyship::reader::ui;
use allyship::reader::update::update;
use allyship::toolkit::content::built_in;
use common::frames::text;
use common::input::{open_section, typed};
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
    let app = app_at(80, 24, &open_section("tip-listen-actively"));
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
fn after_a_walkthrough_nothing_private_shows_until_a_key() {
    let mut app = with_journal(80, 24, &[]);
    app.journal.records.notes.insert(
        "welcome".into(),
        allyship::journal::record::Note {
            text: "My private words".into(),
            created: jiff::Timestamp::now(),
            changed: jiff::Timestamp::now(),
            edits: 1,
            extra: Default::default(),
        },
    );
    assert!(text(draw(&app).backend().buffer()).contains('✓'));
    app.covered = true;
    app.message = Some("Walkthrough kept in the facilitator's log.".into());
    let covered = text(draw(&app).backend().buffer());
    assert!(covered.contains("Press any key to come back"), "{covered}");
    assert!(covered.contains("facilitator's log"), "{covered}");
    for private in ['✓', '↺', '★', '✎'] {
        assert!(!covered.contains(private), "{private} shows:\n{covered}");
    }
    assert!(!covered.contains("My private words"));
    let at = app.current;
    update(&mut app, Action::NextSection);
    assert_eq!(app.current, at, "the key only lifts the cover");
    assert!(!app.covered);
    assert!(text(draw(&app).backend().buffer()).contains('✓'));
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

#[test]
fn search_80x24() {
    let actions = [vec![Action::Search], typed("listen")].concat();
    let app = app_at(80, 24, &actions);
    insta::assert_snapshot!(draw(&app).backend());
}

#[test]
fn reader_80x24_part_way_down_says_so_in_words() {
    let app = app_at(
        80,
        24,
        &[
            open_section("why-these-tips"),
            vec![Action::Down, Action::Down, Action::Down],
        ]
        .concat(),
    );
    let frame = draw(&app);
    let footer = text(frame.backend().buffer());
    assert!(footer.contains("% of this section"), "{footer}");
    insta::assert_snapshot!(frame.backend());
}

/// Opened again with the journal at the listening tip: the welcome back.
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
    let number = built_in().index_of("tip-listen-actively").unwrap() + 1;
    let expected = format!("Welcome back: continuing at {number}. Listen actively");
    assert!(footer.contains(&expected), "{footer}");
    insta::assert_snapshot!(draw(&app).backend());
    update(&mut app, Action::Down);
    let screen = text(draw(&app).backend().buffer());
    assert!(!screen.contains("Welcome back"), "{screen}");
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
