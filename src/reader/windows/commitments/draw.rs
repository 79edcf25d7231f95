//! Views for commitments: the `C` window ("I will …" and when to ask how
//! it went, the date in words) and the check-in ("On 3 Nov you wrote: 'I
//! will …'. How did it go?") with its answer and two choices. Keys are
//! shown on the window itself; the cursor sits where keys go.

use crate::journal::record::{ASK_AGAIN_IN_DAYS, days_after, local_day};
use crate::journal::report::date_text;
use crate::reader::app::{App, CheckInFocus, CheckInWindow, CommitWindow};
use crate::reader::editor::TextInput;
use crate::reader::layout;
use crate::reader::layout::lines::fit;
use crate::reader::windows::journal::layout::commitments::short_date;
use crate::toolkit::render::wrap_into;
use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::{Block, Clear, Padding, Paragraph};

/// The widest these windows grow: short lines are easier to read.
const WIDTH: u16 = 66;

/// Between the title bar and the footer.
fn body(screen: Rect) -> Rect {
    Rect {
        y: screen.y.saturating_add(1),
        height: screen.height.saturating_sub(2),
        ..screen
    }
}

fn rows(lines: &[Line]) -> u16 {
    u16::try_from(lines.len()).unwrap_or(u16::MAX)
}

/// "in 14 days", "tomorrow".
fn in_days(days: u16) -> String {
    match days {
        1 => "tomorrow".into(),
        n => format!("in {n} days"),
    }
}

/// Draws `input` in `area` with the theme, the placeholder where typing
/// starts, and the cursor where keys go when `focused`.
fn draw_input(frame: &mut Frame, app: &App, input: &TextInput, area: Rect, focused: bool) {
    let theme = &app.theme;
    let editor = input.styled(theme.text, theme.selected, theme.quiet);
    frame.render_widget(&*editor, area);
    let placeholder = editor.placeholder_text().to_string();
    drop(editor);
    if input.text().is_empty() {
        let mut lines = Vec::new();
        wrap_into(
            &mut lines,
            &placeholder,
            area.width,
            ("", ""),
            theme.quiet,
            theme.quiet,
        );
        frame.render_widget(Clear, area);
        frame.render_widget(Paragraph::new(lines), area);
    }
    let (row, col) = input.cursor_on_screen();
    let (row, col) = (
        u16::try_from(row).unwrap_or(u16::MAX),
        u16::try_from(col).unwrap_or(u16::MAX),
    );
    if focused && row < area.height && col < area.width {
        frame.set_cursor_position(Position::new(area.x + col, area.y + row));
    }
}

/// The `C` window over the reading view.
pub fn draw_commit(frame: &mut Frame, app: &App, window: &CommitWindow) {
    let theme = &app.theme;
    let outer = body(frame.area());
    let width = outer.width.saturating_sub(4).min(WIDTH);
    let text_width = width.saturating_sub(4).max(1);
    let mut head = Vec::new();
    let from = app
        .toolkit
        .numbered_title(&window.input.section)
        .map(|title| format!("From {title}"))
        .unwrap_or_default();
    head.push(Line::styled(
        fit(&from, usize::from(text_width)),
        theme.quiet,
    ));
    let review = review_words(app, window.days);
    let mut date = Vec::new();
    let (style, mark) = if window.on_date {
        (theme.selected, "▸ ")
    } else {
        (theme.label, "  ")
    };
    wrap_into(&mut date, &review, text_width, (mark, "  "), style, style);
    let hint = if window.on_date {
        "↑/↓ or +/- a day · PgUp/PgDn a week · Tab back to the words"
    } else {
        "Tab: change the date"
    };
    wrap_into(
        &mut date,
        hint,
        text_width,
        ("  ", "  "),
        theme.quiet,
        theme.quiet,
    );
    // Room for the words: three rows when it fits, at least one.
    let fixed = rows(&head) + rows(&date) + 2 + 2;
    let words = outer.height.saturating_sub(fixed).clamp(1, 3);
    let area = layout::centred(outer, width, fixed + words);
    // Where nothing can be saved, the hint says what Enter and Esc really
    // do (the words still go to a rescue file on the way out).
    let editing = window.editing.is_some();
    let keys = match (app.read_only.is_some(), width < 48, editing) {
        (false, true, false) => " Enter keeps it · Tab: date ",
        (false, false, false) => " Enter keeps it · Esc cancels · Tab: the date ",
        (false, true, true) => " Enter keeps · Esc: no change ",
        (false, false, true) => " Enter keeps the change · Esc changes nothing · Tab: the date ",
        (true, true, _) => " Not saved (read-only) · Tab: date ",
        (true, false, _) => " Enter closes: not saved (read-only) · Tab: the date ",
    };
    let title = if editing {
        " ▸ Change your commitment "
    } else {
        " ▸ What will you do? "
    };
    let block = Block::bordered()
        .title(title)
        .title_bottom(keys)
        .border_style(theme.border_focused)
        .padding(Padding::horizontal(1));
    let inner = block.inner(area);
    frame.render_widget(Clear, area);
    frame.render_widget(block, area);
    let mut y = inner.y;
    let put = |frame: &mut Frame, lines: Vec<Line<'static>>, y: &mut u16| {
        let height = rows(&lines).min(inner.bottom().saturating_sub(*y));
        let at = Rect::new(inner.x, *y, inner.width, height);
        frame.render_widget(Paragraph::new(lines), at);
        *y = y.saturating_add(height);
    };
    put(frame, head, &mut y);
    y = y.saturating_add(1).min(inner.bottom());
    let words_area = Rect::new(inner.x, y, inner.width, words.min(inner.bottom() - y));
    draw_input(frame, app, &window.input, words_area, !window.on_date);
    y = (y + words_area.height + 1).min(inner.bottom());
    let date_row = y;
    put(frame, date, &mut y);
    if window.on_date && date_row < inner.bottom() {
        frame.set_cursor_position(Position::new(inner.x, date_row));
    }
}

/// "Ask me how it went in 14 days: on Sun 13 Dec 2026".
pub fn review_words(app: &App, days: u16) -> String {
    let day = days_after(app.today, days);
    format!(
        "Ask me how it went {}: on {}",
        in_days(days),
        date_text(day)
    )
}

/// The question: "On 3 Nov you wrote: “I will …”. How did it go?"
pub fn question(app: &App, window: &CheckInWindow) -> String {
    question_cut(app, window, usize::MAX)
}

/// [`question`] with the person's words cut to `most` characters (ending
/// "…"), so that the question itself always fits.
fn question_cut(app: &App, window: &CheckInWindow, most: usize) -> String {
    let Some(commitment) = app.journal.records.commitments.get(&window.id) else {
        return "How did it go?".into();
    };
    let made = short_date(local_day(commitment.made_at), app.today);
    let text = commitment.text.trim_end_matches(['.', ' ']);
    let text = match text.char_indices().nth(most) {
        Some((cut, _)) => format!("{}…", &text[..cut]),
        None => text.to_owned(),
    };
    let answers = commitment.check_ins.len();
    let asked = match answers {
        0 => "How did it go?".to_owned(),
        _ => "How is it going now?".to_owned(),
    };
    format!("On {made} you wrote: “{text}”. {asked}")
}

/// The question wrapped to `width` in at most `room` rows: when the words
/// are too long to show whole they are cut short, never the question
/// ("How did it go?") at their end.
fn question_lines(app: &App, window: &CheckInWindow, width: u16, room: u16) -> Vec<Line<'static>> {
    let wrap = |text: &str| {
        let mut lines = Vec::new();
        let style = app.theme.heading;
        wrap_into(&mut lines, text, width, ("", ""), style, style);
        lines
    };
    let room = usize::from(room.max(1));
    let mut lines = wrap(&question(app, window));
    // Each try keeps a row's worth of characters fewer (a few tries at most).
    let mut most = (room * usize::from(width)).saturating_sub(40);
    while lines.len() > room && most > 0 {
        lines = wrap(&question_cut(app, window, most));
        most = most.saturating_sub(usize::from(width).max(1));
    }
    if lines.len() > room {
        // Too narrow even for a few words: the end, which asks.
        lines = wrap(&question_cut(app, window, 0));
        lines.drain(..lines.len().saturating_sub(room));
    }
    lines
}

/// The check-in window over the reading view.
pub fn draw_check_in(frame: &mut Frame, app: &App, window: &CheckInWindow) {
    let theme = &app.theme;
    let outer = body(frame.area());
    let width = outer.width.saturating_sub(4).min(WIDTH + 4);
    let text_width = width.saturating_sub(4).max(1);
    let section = app
        .journal
        .records
        .commitments
        .get(&window.id)
        .and_then(|c| c.section.as_deref())
        .and_then(|id| app.toolkit.numbered_title(id));
    let from = section.map(|title| {
        let from = fit(&format!("From {title}"), usize::from(text_width));
        Line::styled(from, theme.quiet)
    });
    let later = short_date(days_after(app.today, ASK_AGAIN_IN_DAYS), app.today);
    let choices = [
        (
            CheckInFocus::NotYet,
            format!("Not yet, ask me in a week ({later})"),
        ),
        (
            CheckInFocus::LetGo,
            "Let it go (your words stay in your journal)".to_owned(),
        ),
    ];
    let mut choice_lines = Vec::new();
    let mut choice_rows = Vec::new();
    for (focus, text) in &choices {
        let chosen = window.focus == *focus;
        let (style, mark): (Style, &str) = if chosen {
            (theme.selected, "▸ ")
        } else {
            (theme.text, "  ")
        };
        choice_rows.push(rows(&choice_lines));
        wrap_into(
            &mut choice_lines,
            text,
            text_width,
            (mark, "  "),
            style,
            style,
        );
    }
    // The choices and one row of answer always show; the question takes
    // what is left (its words cut short, never the question itself), then
    // a blank line on each side of the answer, and the answer grows to six
    // rows.
    let avail = outer.height.saturating_sub(2);
    let choices_height = rows(&choice_lines);
    // Long words take at most half the window (four rows at least), so
    // the answer keeps room to grow.
    let ask_room = avail
        .saturating_sub(choices_height + 1)
        .min((avail / 2).max(4))
        .max(1);
    // The question first (its words cut short if need be, never the
    // question itself), then where it came from if a row is left.
    let mut ask = question_lines(app, window, text_width, ask_room);
    ask.extend(from);
    ask.truncate(usize::from(ask_room));
    let rest = avail.saturating_sub(rows(&ask) + choices_height);
    let gaps = rest.saturating_sub(1).min(2);
    let answer = rest.saturating_sub(gaps).clamp(1, 6);
    let area = layout::centred(
        outer,
        width,
        rows(&ask) + gaps + answer + choices_height + 2,
    );
    let title = if window.of > 1 {
        format!(" ▸ How did it go? ({} of {}) ", window.number(), window.of)
    } else {
        " ▸ How did it go? ".to_owned()
    };
    let narrow = width < 56;
    let answering = window.focus == CheckInFocus::Answer;
    // Where nothing can be saved, the hint says what Esc really does, as
    // the note editor's does (an answer still goes to a rescue file).
    let footer = match (answering, narrow, app.read_only.is_some()) {
        (true, false, false) => " Esc saves your answer · Tab: not yet, let it go ",
        (true, true, false) => " Esc saves · Tab: choices ",
        (false, false, false) => " Enter chooses · Esc saves your answer · Tab: next ",
        (false, true, false) => " Enter chooses · Esc saves ",
        (true, false, true) => " Esc closes: not saved (read-only) · Tab: not yet, let it go ",
        (true, true, true) => " Esc closes: not saved (read-only) ",
        (false, false, true) => " Enter chooses, Esc closes: not saved (read-only) ",
        (false, true, true) => " Enter/Esc: not saved (read-only) ",
    };
    let block = Block::bordered()
        .title(title)
        .title_bottom(footer)
        .border_style(theme.border_focused)
        .padding(Padding::horizontal(1));
    let inner = block.inner(area);
    frame.render_widget(Clear, area);
    frame.render_widget(block, area);
    let ask_height = rows(&ask).min(inner.height);
    frame.render_widget(
        Paragraph::new(ask),
        Rect::new(inner.x, inner.y, inner.width, ask_height),
    );
    let gap = |n: u16| u16::from(gaps >= n);
    let mut y = (inner.y + ask_height + gap(1)).min(inner.bottom());
    let answer_area = Rect::new(inner.x, y, inner.width, answer.min(inner.bottom() - y));
    draw_input(frame, app, &window.input, answer_area, answering);
    y = (y + answer_area.height + gap(2)).min(inner.bottom());
    let choices_height = choices_height.min(inner.bottom() - y);
    frame.render_widget(
        Paragraph::new(choice_lines),
        Rect::new(inner.x, y, inner.width, choices_height),
    );
    let focused = choices.iter().position(|(f, _)| *f == window.focus);
    if let Some(row) = focused.and_then(|n| choice_rows.get(n)) {
        let row = y + row;
        if row < inner.bottom() {
            frame.set_cursor_position(Position::new(inner.x, row));
        }
    }
}
