//! The text of the steps that are not a section's own reading: a part's
//! outcomes as it opens, and a practice scenario run as a team exercise
//! (its options one at a time, the question put to the room, then the
//! feedback on each option in turn). Nothing is scored, and nothing of
//! anyone's journal is here: the presenter is never given it.

use super::slide::{Piece, wrapped};
use super::walkthrough::Step;
use crate::theme::Theme;
use crate::toolkit::content::{Choice, Section, Toolkit};
use crate::toolkit::render::{feedback_lines, outcome_lines};
use ratatui::style::Modifier;

/// What the room is asked once every option is on screen.
pub const DISCUSS_CHOICE: &str = "Discuss: which would you choose, and why?";

/// The outcomes of the part `section` opens ("After this part you can:").
pub(super) fn outcomes(
    toolkit: &Toolkit,
    section: &Section,
    width: u16,
    theme: &Theme,
) -> Vec<(Piece, Option<usize>)> {
    let entry = toolkit.index_of(&section.id).and_then(|i| toolkit.entry(i));
    let mut piece = Vec::new();
    if let Some(entry) = entry {
        outcome_lines(&mut piece, entry.part, width, theme);
    }
    vec![(piece, None)]
}

/// A scenario's step after its situation (`intro`, every point shown):
/// the pieces to add and the newest of them, marked by its number.
pub(super) fn choice(
    toolkit: &Toolkit,
    choice: &Choice,
    step: Step,
    width: u16,
    theme: &Theme,
    intro: Vec<(Piece, Option<usize>)>,
) -> (Vec<(Piece, Option<usize>)>, Option<usize>) {
    // The situation's own points are not what is newest now.
    let mut out: Vec<(Piece, Option<usize>)> = intro.into_iter().map(|(p, _)| (p, None)).collect();
    out.push((
        wrapped(&choice.question, width, ("", ""), theme.label),
        None,
    ));
    let (shown, feedback, newest) = match step {
        Step::Options(n) => (n, 0, Some(n)),
        Step::Choose => (choice.options.len(), 0, None),
        Step::Feedback(n) => (choice.options.len(), n, Some(n)),
        _ => (choice.options.len(), 0, None),
    };
    let bold = theme.text.add_modifier(Modifier::BOLD);
    for (i, option) in choice.options.iter().enumerate().take(shown) {
        let n = i + 1;
        let (prefix, style) = if Some(n) == newest {
            (format!("▸ {n}. "), bold)
        } else {
            (format!("  {n}. "), theme.text)
        };
        let mut piece = wrapped(&option.text, width, (&prefix, "     "), style);
        if n <= feedback {
            feedback_lines(&mut piece, toolkit, option, width, theme, "     ");
        }
        out.push((piece, Some(n)));
    }
    if step == Step::Choose {
        let loud = theme.label.add_modifier(Modifier::BOLD);
        out.push((wrapped(DISCUSS_CHOICE, width, ("", ""), loud), Some(0)));
        return (out, Some(0));
    }
    (out, newest)
}
