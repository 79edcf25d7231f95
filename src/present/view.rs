//! Drawing presenter mode: full screen, the title large, the text in a
//! short centred column, a discreet footer. A function of the presenter
//! and the time only; it changes nothing.

use super::keys::{self, PresentAction};
use super::numbers;
use super::slide;
use super::state::{Presenter, Timer};
use super::title::big_title;
use super::walkthrough::Step;
use crate::terminal::describe_keys;
use crate::toolkit::render::wrap_into;
use ratatui::Frame;
use ratatui::layout::{Alignment, Rect};
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Wrap};
use std::time::{Duration, Instant};
use unicode_width::UnicodeWidthStr;

/// The widest the text column gets: short lines are read from afar.
pub const COLUMN_WIDTH: u16 = 60;
/// The smallest screen presenter mode draws on.
pub const MIN_WIDTH: u16 = 40;
/// The smallest screen height presenter mode draws on.
pub const MIN_HEIGHT: u16 = 10;

/// What the help says about privacy, word for word.
pub const PRIVACY: &str = "Presenter mode never shows anyone's notes, bookmarks or progress.";

/// The width of the help's column of keys, where there is room for it.
const KEY_COLUMN: u16 = 22;

/// What `q` asks before the walkthrough ends.
pub const QUESTION: &str = "End the walkthrough? (y/n)";

/// Draws the whole screen for the presenter at time `now`.
pub fn draw(frame: &mut Frame, presenter: &Presenter, now: Instant) {
    let area = frame.area();
    frame.render_widget(Block::new().style(presenter.theme.base), area);
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        let message = format!(
            "Please make the window larger to present (at least {MIN_WIDTH}x{MIN_HEIGHT})."
        );
        frame.render_widget(Paragraph::new(message).wrap(Wrap { trim: true }), area);
        return;
    }
    if presenter.is_blank() {
        return;
    }
    let stage = Rect {
        height: area.height - 2,
        ..area
    };
    draw_slide(frame, presenter, stage);
    draw_notice(frame, presenter, now, area);
    draw_footer(frame, presenter, now, area);
    if presenter.help_open() {
        draw_help(frame, presenter, area);
    }
}

/// The width of the text column on a screen `width` columns wide.
pub(super) fn column_width(width: u16) -> u16 {
    COLUMN_WIDTH.min(width.saturating_sub(4))
}

/// The title and the step's text.
fn draw_slide(frame: &mut Frame, presenter: &Presenter, stage: Rect) {
    let theme = &presenter.theme;
    let walkthrough = presenter.walkthrough();
    let entry = walkthrough
        .current_index()
        .and_then(|i| presenter.toolkit().entry(i));
    let Some(entry) = entry else {
        let lines = vec![
            Line::from("Nothing to present.").style(theme.heading),
            Line::default(),
            Line::from("q then y leaves.").style(theme.quiet),
        ];
        let area = crate::terminal::centred(stage, COLUMN_WIDTH, 3);
        frame.render_widget(Paragraph::new(lines).alignment(Alignment::Center), area);
        return;
    };
    let tall = stage.height >= 28;
    let top = if tall { stage.height / 10 } else { 1 };
    let gap = if tall { 2 } else { 1 };
    let wide = Rect {
        x: stage.x + 2,
        width: stage.width - 4,
        ..stage
    };
    let column_width = column_width(stage.width);
    let column_x = stage.x + (stage.width - column_width) / 2;
    let mut y = stage.y + top;
    // A part opens with its own title over its outcomes.
    let title = if walkthrough.step() == Step::Outcomes {
        &entry.part.title
    } else {
        &entry.section.title
    };
    let big = big_title(title, frame.area(), wide.width, stage.height / 4);
    if let Some(big) = big {
        let area = Rect {
            y,
            height: big.rows,
            ..wide
        };
        big.render(area, frame.buffer_mut(), theme.heading);
        y += big.rows;
    } else {
        let mut lines = Vec::new();
        let bold = theme.heading.add_modifier(Modifier::BOLD);
        wrap_into(&mut lines, title, column_width, ("", ""), bold, bold);
        let height = u16::try_from(lines.len()).unwrap_or(u16::MAX);
        let area = Rect {
            x: column_x,
            y,
            width: column_width,
            height: height.min(stage.bottom().saturating_sub(y)),
        };
        frame.render_widget(Paragraph::new(lines).alignment(Alignment::Center), area);
        y = y.saturating_add(height);
    }
    y = y.saturating_add(gap);
    let height = stage.bottom().saturating_sub(y);
    if height == 0 {
        return;
    }
    let body = slide::body(
        presenter.toolkit(),
        entry.section,
        walkthrough.step(),
        column_width,
        theme,
    );
    let shown = slide::window(body, usize::from(height), presenter.scroll().by());
    presenter.scroll().note_reach(shown.reach);
    presenter.scroll().note_rows(shown.lines.len());
    let rows = u16::try_from(shown.lines.len()).unwrap_or(height);
    let area = Rect {
        x: column_x,
        y,
        width: column_width,
        height: rows.min(height),
    };
    frame.render_widget(Paragraph::new(shown.lines), area);
    if let Some(note) = shown.note {
        let row = Rect {
            y: y.saturating_add(height - 1),
            height: 1,
            ..area
        };
        let line = Line::styled(note, theme.quiet).centered();
        frame.render_widget(Paragraph::new(line), row);
    }
}

/// The number being typed, a passing message, or a quiet hint, centred
/// on the row above the footer.
fn draw_notice(frame: &mut Frame, presenter: &Presenter, now: Instant, area: Rect) {
    let theme = &presenter.theme;
    let (text, style) = if presenter.confirming() {
        let loud = Modifier::BOLD | Modifier::REVERSED;
        (format!(" {QUESTION} "), theme.label.add_modifier(loud))
    } else if !presenter.digits().is_empty() {
        let text = format!(
            "Go to section {}_  (Enter goes, Esc cancels)",
            presenter.digits()
        );
        (text, theme.label)
    } else if let Some(message) = presenter.message() {
        (message.to_string(), theme.label)
    } else if presenter.timer(now) == Some(Timer::TimesUp) {
        let loud = Modifier::BOLD | Modifier::REVERSED;
        (" Time's up ".to_string(), theme.label.add_modifier(loud))
    } else if matches!(presenter.walkthrough().step(), Step::Discuss | Step::Choose)
        && presenter.timer(now).is_none()
    {
        let minutes = presenter.discuss_length().as_secs().div_ceil(60);
        let text = format!("t starts a {minutes}-minute discussion timer");
        (text, theme.quiet)
    } else {
        return;
    };
    let row = Rect {
        y: area.bottom() - 2,
        height: 1,
        ..area
    };
    let line = Line::from(Span::styled(text, style)).centered();
    frame.render_widget(Paragraph::new(line), row);
}

/// "Tip 3 of 9" on the left; the timer, the time since the start and the
/// help key on the right, dropping the least needed where space is short.
fn draw_footer(frame: &mut Frame, presenter: &Presenter, now: Instant, area: Rect) {
    let theme = &presenter.theme;
    let row = Rect {
        y: area.bottom() - 1,
        height: 1,
        ..area
    };
    let walkthrough = presenter.walkthrough();
    let label = presenter.position_label();
    let position = walkthrough.position().section;
    let mut left = label.clone();
    if let Some(index) = walkthrough.current_index()
        && (index != position || presenter.counts_in_part())
    {
        left.push_str(&format!(" (section {})", numbers(&[index])));
    }
    let timer = presenter.timer(now).map(|timer| match timer {
        Timer::Running(left) => Span::styled(
            format!("Discuss: {}", minutes(left)),
            theme.label.add_modifier(Modifier::BOLD),
        ),
        Timer::TimesUp => Span::styled(
            " Time's up ",
            theme
                .label
                .add_modifier(Modifier::BOLD | Modifier::REVERSED),
        ),
    });
    let elapsed = Span::styled(clock(presenter.elapsed(now)), theme.quiet);
    let help = Span::styled("? keys", theme.quiet);
    let room = usize::from(area.width.saturating_sub(2));
    // On a narrow screen the section number goes before the timer does.
    let timer_width = timer.as_ref().map_or(0, |t| t.width() + 2);
    if UnicodeWidthStr::width(left.as_str()) + timer_width > room {
        left = label;
    }
    let left_width = UnicodeWidthStr::width(left.as_str());
    let candidates = [
        vec![timer.clone(), Some(elapsed.clone()), Some(help)],
        vec![timer.clone(), Some(elapsed)],
        vec![timer],
    ];
    let right = candidates
        .into_iter()
        .map(|spans| spaced(spans.into_iter().flatten().collect()))
        .find(|line| left_width + 2 + line.width() <= room)
        .unwrap_or_default();
    let inner = Rect {
        x: row.x + 1,
        width: row.width.saturating_sub(2),
        ..row
    };
    frame.render_widget(Paragraph::new(Span::styled(left, theme.quiet)), inner);
    frame.render_widget(Paragraph::new(right.right_aligned()), inner);
}

fn spaced(spans: Vec<Span<'static>>) -> Line<'static> {
    let mut out = Vec::new();
    for (n, span) in spans.into_iter().enumerate() {
        if n > 0 {
            out.push(Span::raw("   "));
        }
        out.push(span);
    }
    Line::from(out)
}

/// A countdown as "4:12" (rounded up, so it reads 5:00 at the start).
pub fn minutes(left: Duration) -> String {
    let secs = left.as_secs() + u64::from(left.subsec_nanos() > 0);
    format!("{}:{:02}", secs / 60, secs % 60)
}

/// Time since the start as "mm:ss", or "h:mm:ss" past an hour.
pub fn clock(elapsed: Duration) -> String {
    let secs = elapsed.as_secs();
    let (h, m, s) = (secs / 3600, secs / 60 % 60, secs % 60);
    if h > 0 {
        format!("{h}:{m:02}:{s:02}")
    } else {
        format!("{m:02}:{s:02}")
    }
}

/// The keys, from the key table, and the promise about privacy.
fn draw_help(frame: &mut Frame, presenter: &Presenter, area: Rect) {
    let theme = &presenter.theme;
    let width = 72.min(area.width);
    let inner_width = width.saturating_sub(4);
    let mut lines = vec![Line::styled("Keys in presenter mode", theme.heading)];
    lines.push(Line::default());
    wrap_into(
        &mut lines,
        PRIVACY,
        inner_width,
        ("", ""),
        theme.label,
        theme.label,
    );
    lines.push(Line::default());
    for binding in keys::PRESENTER {
        let keys = describe_keys(binding);
        if inner_width >= KEY_COLUMN + 20 {
            // Keys in a column of their own, what they do beside them.
            let first = format!("{keys:<w$} ", w = usize::from(KEY_COLUMN));
            let rest = " ".repeat(first.chars().count());
            let text = format!("{first}{}", binding.does);
            wrap_into(
                &mut lines,
                &text,
                inner_width,
                ("", &rest),
                theme.text,
                theme.text,
            );
        } else {
            // Narrow: the keys on a line, what they do indented below.
            wrap_into(
                &mut lines,
                &keys,
                inner_width,
                ("", ""),
                theme.label,
                theme.label,
            );
            wrap_into(
                &mut lines,
                binding.does,
                inner_width,
                ("  ", "  "),
                theme.text,
                theme.text,
            );
        }
    }
    lines.push(Line::default());
    for binding in keys::HELP
        .iter()
        .filter(|b| b.action == PresentAction::Cancel)
    {
        let text = format!("{}: {}.", describe_keys(binding), binding.does);
        wrap_into(
            &mut lines,
            &text,
            inner_width,
            ("", ""),
            theme.quiet,
            theme.quiet,
        );
    }
    let height = u16::try_from(lines.len() + 2).unwrap_or(u16::MAX);
    let popup = crate::terminal::centred(area, width, height);
    let mut block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.border_focused)
        .title(" Help ");
    let inner = Rect {
        x: popup.x.saturating_add(2),
        width: popup.width.saturating_sub(4),
        ..block.inner(popup)
    };
    // Too long for the screen: a window on it, scrolled with Up and Down,
    // the note on the bottom border.
    let body = slide::Body {
        lines,
        newest: None,
    };
    let room = usize::from(inner.height);
    let room = if body.lines.len() > room {
        room + 1
    } else {
        room
    };
    let shown = slide::window(body, room, presenter.help_scroll().by());
    presenter.help_scroll().note_reach(shown.reach);
    if let Some(note) = shown.note {
        block = block.title_bottom(Line::from(format!(" {note} ")).centered());
    }
    frame.render_widget(Clear, popup);
    frame.render_widget(block, popup);
    frame.render_widget(Paragraph::new(shown.lines), inner);
}
