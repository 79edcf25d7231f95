//! `allyship present --notes`: the facilitator's own screen. It follows
//! the walkthrough running in another terminal (same data folder) through
//! [`super::beacon`]'s file, read five times a second, and shows the
//! section's facilitator notes, the next step and the discussion timer.
//! Nothing here is ever drawn on the shared screen.

use super::beacon::{self, Now};
use crate::sanitise::printable;
use jiff::Timestamp;
use ratatui::Frame;
use ratatui::crossterm::event::{self, Event, KeyCode, KeyEventKind, KeyModifiers};
use ratatui::layout::{Constraint, Layout};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};
use std::path::Path;
use std::time::Duration;

/// How often the file is read: well within the half second it may lag.
pub const POLL: Duration = Duration::from_millis(200);

/// What the screen says when no walkthrough is running.
pub const NONE_RUNNING: &str = "No walkthrough running";

/// Follows the walkthrough from `dir` on `terminal` until q, Esc or
/// Ctrl-C. The terminal is set up and restored by the caller.
pub fn run<B>(terminal: &mut ratatui::Terminal<B>, dir: &Path) -> anyhow::Result<()>
where
    B: ratatui::backend::Backend,
    B::Error: Send + Sync + 'static,
{
    loop {
        let now = beacon::read(dir);
        terminal.draw(|frame| draw(frame, now.as_ref(), Timestamp::now()))?;
        if event::poll(POLL)?
            && let Event::Key(key) = event::read()?
            && key.kind != KeyEventKind::Release
        {
            let ctrl_c =
                key.code == KeyCode::Char('c') && key.modifiers.contains(KeyModifiers::CONTROL);
            if ctrl_c || matches!(key.code, KeyCode::Char('q') | KeyCode::Esc) {
                return Ok(());
            }
        }
    }
}

/// The follower's screen: where the room is, the notes, what comes next
/// and the timer; or that no walkthrough is running.
pub fn draw(frame: &mut Frame, now: Option<&Now>, wall: Timestamp) {
    let [body, footer] =
        Layout::vertical([Constraint::Min(0), Constraint::Length(1)]).areas(frame.area());
    let bold = Style::default().add_modifier(Modifier::BOLD);
    let lines = match now {
        None => vec![
            Line::from(Span::styled(NONE_RUNNING, bold)),
            Line::from(""),
            Line::from(
                "Start one in another terminal with allyship present, using the same \
                 data folder; its notes show here as it goes.",
            ),
        ],
        Some(now) => {
            let mut lines = vec![
                Line::from(vec![
                    Span::styled(printable(&now.place), bold),
                    Span::raw(" · "),
                    Span::styled(printable(&now.section), bold),
                ]),
                Line::from(format!("On screen: {}", printable(&now.step))),
                Line::from(format!("Next: {}", printable(&now.next))),
                Line::from(format!("Discussion timer: {}", timer(now, wall))),
                Line::from(""),
                Line::from(Span::styled("Facilitator notes", bold)),
            ];
            if now.notes.is_empty() {
                lines.push(Line::from("None for this section."));
            }
            lines.extend(
                now.notes
                    .iter()
                    .map(|note| Line::from(format!("• {}", printable(note)))),
            );
            lines
        }
    };
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), body);
    frame.render_widget(
        Paragraph::new(" Your screen only · q leaves (the walkthrough goes on)"),
        footer,
    );
}

/// The timer in words: "3:12 left", "Time's up" or "not started".
fn timer(now: &Now, wall: Timestamp) -> String {
    let Some(timer) = &now.timer else {
        return "not started (t on the shared screen starts it)".to_owned();
    };
    let left = timer.ends.as_second() - wall.as_second();
    if left <= 0 {
        "Time's up".to_owned()
    } else {
        format!("{}:{:02} left", left / 60, left % 60)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::present::beacon::TimerEnds;
    use ratatui::Terminal;
    use ratatui::backend::TestBackend;

    fn shown(now: Option<&Now>, wall: Timestamp) -> String {
        let mut terminal = Terminal::new(TestBackend::new(60, 12)).unwrap();
        terminal.draw(|frame| draw(frame, now, wall)).unwrap();
        terminal.backend().to_string()
    }

    #[test]
    fn the_notes_the_next_step_and_the_timer_show() {
        let wall = Timestamp::from_second(1_800_000_000).unwrap();
        let now = Now {
            version: 1,
            pid: 1,
            place: "Tip 2 of 9".into(),
            section: "Speak up".into(),
            step: "Point 1 of 4".into(),
            next: "Point 2 of 4".into(),
            notes: vec!["Ask who has seen this.".into()],
            timer: Some(TimerEnds {
                ends: Timestamp::from_second(1_800_000_192).unwrap(),
            }),
        };
        let screen = shown(Some(&now), wall);
        for words in [
            "Tip 2 of 9",
            "Next: Point 2 of 4",
            "3:12 left",
            "Ask who has seen",
        ] {
            assert!(screen.contains(words), "{screen}");
        }
        assert!(shown(None, wall).contains(NONE_RUNNING));
    }
}
