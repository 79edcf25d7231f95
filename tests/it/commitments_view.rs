//! Snapshots of the commitment windows at 80x24 and 40x12: `C` ("I will …"
//! with its review date in words), the check-in asked when a commitment's
//! review day has come, and the journal window listing commitments. Also:
//! the cursor is where keys go, and mono draws no colour.

use crate::common;

use allyship::journal::record::Commitment;
use allyship::reader::action::Action;
use allyship::reader::app::App;
use allyship::reader::ui;
use allyship::reader::update::update;
use allyship::reader::windows::commitments::update::ask_if_due;
use allyship::toolkit::content::built_in;
use common::input::{open_section, typed};
use jiff::civil::date;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn app(width: u16, height: u16) -> App {
    let mut app = App::new(built_in(), width, height);
    app.today = date(2026, 11, 17);
    app.journal_kept = true;
    app
}

fn run(app: &mut App, actions: &[Action]) {
    for action in actions {
        update(app, *action);
    }
}

fn draw(app: &App) -> Terminal<TestBackend> {
    let mut terminal =
        Terminal::new(TestBackend::new(app.screen.width, app.screen.height)).unwrap();
    terminal.draw(|frame| ui::draw(frame, app)).unwrap();
    terminal
}

fn noon(day: i8) -> jiff::Timestamp {
    date(2026, 11, day)
        .at(12, 0, 0, 0)
        .to_zoned(jiff::tz::TimeZone::UTC)
        .unwrap()
        .timestamp()
}

/// A journal with one commitment due (made on 3 November), one open, one
/// answered and one let go.
fn with_commitments(width: u16, height: u16) -> App {
    let mut app = app(width, height);
    let due = Commitment::new(
        "I will ask how to say a colleague's name, and use it.",
        Some("tip-listen-actively"),
        noon(3),
        date(2026, 11, 17),
    );
    let open = Commitment::new(
        "I will speak up in the next team meeting.",
        Some("tip-speak-up"),
        noon(10),
        date(2026, 11, 24),
    );
    let mut answered = Commitment::new(
        "I will read one blog a week.",
        None,
        noon(1),
        date(2026, 11, 8),
    );
    answered.check_in("Read two so far.", noon(8));
    let mut gone = Commitment::new(
        "I will start a reading group.",
        None,
        noon(2),
        date(2026, 11, 9),
    );
    gone.let_it_go(noon(9));
    for c in [&due, &open, &answered, &gone] {
        app.journal.merge_commitment(&c.id(), c);
    }
    app
}

fn commit_window(width: u16, height: u16) -> App {
    let mut app = app(width, height);
    run(&mut app, &open_section("tip-listen-actively"));
    run(&mut app, &[Action::Commit]);
    run(&mut app, &typed("ask how to say a name before I use it"));
    app
}

#[test]
fn commit_window_80x24() {
    insta::assert_snapshot!(draw(&commit_window(80, 24)).backend());
}

#[test]
fn commit_window_40x12() {
    insta::assert_snapshot!(draw(&commit_window(40, 12)).backend());
}

#[test]
fn commit_window_80x24_on_the_date_a_week_later() {
    let mut app = commit_window(80, 24);
    run(&mut app, &[Action::SwitchFocus, Action::PageUp]);
    let screen = format!("{:?}", draw(&app).backend());
    assert!(screen.contains("in 21 days: on Tue 8 Dec 2026"), "{screen}");
    insta::assert_snapshot!(draw(&app).backend());
}

fn check_in(width: u16, height: u16) -> App {
    let mut app = with_commitments(width, height);
    ask_if_due(&mut app);
    app
}

#[test]
fn check_in_due_80x24() {
    let app = check_in(80, 24);
    let screen = format!("{:?}", draw(&app).backend());
    assert!(screen.contains("On 3 Nov you wrote:"), "{screen}");
    insta::assert_snapshot!(draw(&app).backend());
}

#[test]
fn check_in_due_40x12() {
    insta::assert_snapshot!(draw(&check_in(40, 12)).backend());
}

#[test]
fn a_long_commitment_is_cut_short_never_the_question_or_the_answer() {
    // Over a thousand characters (the command line takes them): the words
    // are cut short ("…"), and the question and both choices still show,
    // at 80x24 and at a small size.
    for (width, height) in [(80, 24), (40, 12), (200, 60)] {
        let mut app = app(width, height);
        let long = format!("I will {}", "listen before I answer ".repeat(50));
        let due = Commitment::new(&long, None, noon(3), date(2026, 11, 17));
        app.journal.merge_commitment(&due.id(), &due);
        ask_if_due(&mut app);
        let screen = screen_text(&app);
        assert!(
            screen.contains("How did it go?"),
            "{width}x{height}:\n{screen}"
        );
        // Cut short where it can't show whole (a large screen shows it all).
        let whole = width >= 200;
        assert_eq!(!screen.contains('…'), whole, "{width}x{height}:\n{screen}");
        assert!(screen.contains("Not yet"), "{width}x{height}:\n{screen}");
        assert!(screen.contains("Let it go"), "{width}x{height}:\n{screen}");
    }
}

#[test]
fn check_in_80x24_on_let_it_go_with_an_answer_written() {
    let mut app = check_in(80, 24);
    run(&mut app, &typed("I asked Ngozi; she was glad."));
    run(&mut app, &[Action::SwitchFocus, Action::Down]);
    insta::assert_snapshot!(draw(&app).backend());
}

#[test]
fn journal_lists_commitments_80x24() {
    let mut app = with_commitments(80, 24);
    run(&mut app, &[Action::Journal]);
    insta::assert_snapshot!(draw(&app).backend());
}

#[test]
fn journal_at_80_columns_shows_each_review_date_and_past_answers_whole() {
    let mut app = with_commitments(80, 24);
    run(&mut app, &[Action::Journal]);
    let screen = common::frames::text(draw(&app).backend().buffer());
    // On lines of their own, so a long commitment never cuts them off.
    for shown in [
        "review on 24 Nov",
        "since 17 Nov",
        "8 Nov: Read two so far.",
    ] {
        assert!(
            screen.lines().any(|l| l.trim_matches(['│', ' ']) == shown),
            "{shown}:\n{screen}"
        );
    }
}

#[test]
fn journal_lists_commitments_40x12() {
    let mut app = with_commitments(40, 12);
    run(&mut app, &[Action::Journal]);
    insta::assert_snapshot!(draw(&app).backend());
}

#[test]
fn journal_with_no_commitments_says_how_to_make_one() {
    let mut app = app(80, 24);
    run(&mut app, &[Action::Journal]);
    let screen = format!("{:?}", draw(&app).backend());
    assert!(
        screen.contains("None yet: press C on any section"),
        "{screen}"
    );
}

#[test]
fn enter_on_a_commitment_in_the_journal_asks_how_it_went() {
    let mut app = with_commitments(80, 24);
    run(&mut app, &[Action::Journal]);
    // The first selectable row is the due commitment (listed first).
    run(&mut app, &[Action::Open]);
    let screen = format!("{:?}", draw(&app).backend());
    assert!(screen.contains("How did it go?"), "{screen}");
    assert!(screen.contains("colleague's name"), "{screen}");
    run(&mut app, &[Action::Close]);
    assert!(matches!(
        app.overlay,
        Some(allyship::reader::app::Overlay::Journal { .. })
    ));
}

#[test]
fn the_cursor_is_where_keys_go() {
    let cursor = |app: &App| {
        let mut terminal = draw(app);
        terminal.get_cursor_position().ok()
    };
    let mut app = commit_window(80, 24);
    let in_words = cursor(&app).expect("a cursor");
    run(&mut app, &[Action::SwitchFocus]);
    let on_date = cursor(&app).expect("a cursor");
    assert!(on_date.y > in_words.y, "{in_words:?} then {on_date:?}");
    let mut app = check_in(80, 24);
    let answering = cursor(&app).expect("a cursor");
    run(&mut app, &[Action::SwitchFocus]);
    let not_yet = cursor(&app).expect("a cursor");
    run(&mut app, &[Action::Down]);
    let let_go = cursor(&app).expect("a cursor");
    assert!(answering.y < not_yet.y && not_yet.y + 1 == let_go.y);
}

#[test]
fn mono_draws_no_colour_in_the_commitment_windows() {
    use allyship::theme::Theme;
    use ratatui::style::Color;
    for mut app in [commit_window(80, 24), check_in(80, 24), {
        let mut app = with_commitments(80, 24);
        run(&mut app, &[Action::Journal]);
        app
    }] {
        app.theme = Theme::mono();
        for cell in draw(&app).backend().buffer().content() {
            assert_eq!((cell.fg, cell.bg), (Color::Reset, Color::Reset));
        }
    }
}

/// Why nothing is saved, as the app says it for a journal made by a newer
/// version.
const NEWER: &str = "your journal was made by a newer version of allyship";

/// The screen as plain text, one line per row.
fn screen_text(app: &App) -> String {
    let terminal = draw(app);
    let buffer = terminal.backend().buffer();
    let width = usize::from(buffer.area.width.max(1));
    let cells: Vec<&str> = buffer.content().iter().map(|c| c.symbol()).collect();
    cells
        .chunks(width)
        .map(|row| row.concat())
        .collect::<Vec<_>>()
        .join("\n")
}

/// Whether `screen` says anything saves, beyond "not saved".
fn promises_to_save(screen: &str) -> bool {
    screen.replace("not saved", "").contains("save")
}

/// A read-only journal (nothing reaches the disk): the check-in's hint and
/// the footer must not promise that Esc saves, on the answer or a choice.
#[test]
fn check_in_read_only_80x24_says_esc_does_not_save() {
    let mut app = check_in(80, 24);
    app.read_only = Some(NEWER.into());
    let screen = screen_text(&app);
    assert!(!promises_to_save(&screen), "{screen}");
    assert!(
        screen.contains("Esc closes: not saved (read-only)"),
        "{screen}"
    );
    assert!(screen.contains("Esc close"), "{screen}");
    insta::assert_snapshot!(draw(&app).backend());
    run(&mut app, &[Action::SwitchFocus]);
    let screen = screen_text(&app);
    assert!(!promises_to_save(&screen), "{screen}");
    assert!(screen.contains("not saved (read-only)"), "{screen}");
    let mut narrow = check_in(40, 12);
    narrow.read_only = Some(NEWER.into());
    let screen = screen_text(&narrow);
    assert!(!promises_to_save(&screen), "{screen}");
}

/// A read-only journal: the `C` window must not say "Enter or Esc keeps
/// it", nor the footer "Enter keep", wide or narrow, on the words or the date.
#[test]
fn commit_window_read_only_80x24_says_nothing_is_kept() {
    let mut app = commit_window(80, 24);
    app.read_only = Some(NEWER.into());
    let screen = screen_text(&app);
    assert!(!screen.contains("keep"), "{screen}");
    assert!(
        screen.contains("Enter closes: not saved (read-only)"),
        "{screen}"
    );
    insta::assert_snapshot!(draw(&app).backend());
    run(&mut app, &[Action::SwitchFocus]);
    assert!(!screen_text(&app).contains("keep"));
    let mut narrow = commit_window(40, 12);
    narrow.read_only = Some(NEWER.into());
    let screen = screen_text(&narrow);
    assert!(!screen.contains("keep"), "{screen}");
    assert!(screen.contains("Not saved (read-only)"), "{screen}");
}
