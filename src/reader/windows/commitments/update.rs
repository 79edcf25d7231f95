//! Update for commitments: `C` opens "I will …" with a review date; when
//! the app opens on a commitment whose review day has come, the check-in
//! ("How did it go?") is asked first, one commitment after another; the
//! journal window (`J`) opens it on any commitment, for another answer.
//!
//! Keeping happens outside: these return [`Effect::Commitment`], and the
//! run loop says "saved" only once it is on disk. Words are never dropped
//! by accident: every way out of the app keeps them ([`Action::Leaving`]),
//! and Esc keeps a check-in's answer; a pause in typing does not (a
//! half-written answer is not an answer). Esc in the `C` window cancels a
//! commitment not yet kept (and says what it said), so a slip is not kept
//! for ever.

use crate::journal::record::{ASK_AGAIN_IN_DAYS, CommitmentChange, Journal, Standing, days_after};
use crate::journal::report::date_text;
use crate::reader::action::{Action, Effect};
use crate::reader::app::{App, CheckInFocus, CheckInWindow, CommitWindow, Overlay};
use jiff::civil::Date;

/// The furthest ahead a review may be set, in days (a year).
pub const MOST_DAYS: u16 = 365;

/// `C`: the "I will …" window for the open section.
pub(crate) fn open_commit(app: &mut App) {
    if let Some(id) = app.current_id().map(str::to_owned) {
        app.overlay = Some(Overlay::Commit(Box::new(CommitWindow::new(&id))));
    }
}

/// The day a commitment made today would be reviewed, `days` from now.
pub fn review_day(app: &App, days: u16) -> jiff::civil::Date {
    days_after(app.today, days)
}

/// Keys in the `C` window.
pub(crate) fn commit_window(
    app: &mut App,
    action: Action,
    mut window: Box<CommitWindow>,
    effects: &mut Vec<Effect>,
) {
    let change = |days: u16, by: i32| {
        let moved = i32::from(days)
            .saturating_add(by)
            .clamp(1, i32::from(MOST_DAYS));
        u16::try_from(moved).unwrap_or(days)
    };
    match action {
        Action::Open | Action::Leaving => {
            keep_commitment(app, &window, effects);
            return;
        }
        Action::Close => {
            app.message = Some(match window.words() {
                Some(text) => format!("Not kept (Esc cancels; Enter keeps): {text}"),
                None => "Nothing kept.".into(),
            });
            return;
        }
        Action::SwitchFocus => window.on_date = !window.on_date,
        Action::Up if window.on_date => window.days = change(window.days, 1),
        Action::Down if window.on_date => window.days = change(window.days, -1),
        Action::PageUp if window.on_date => window.days = change(window.days, 7),
        Action::PageDown if window.on_date => window.days = change(window.days, -7),
        Action::Undo if !window.on_date => window.input.undo(),
        Action::Type(key) if !window.on_date => window.input.key(key),
        _ => {}
    }
    app.overlay = Some(Overlay::Commit(window));
}

/// Keeps the commitment written, if there are words after "I will".
fn keep_commitment(app: &mut App, window: &CommitWindow, effects: &mut Vec<Effect>) {
    match window.words() {
        Some(text) => effects.push(Effect::Commitment(CommitmentChange::Make {
            text,
            section: Some(window.input.section.clone()),
            review_on: review_day(app, window.days),
        })),
        None => app.message = Some("Nothing kept: there was nothing after \"I will\".".into()),
    }
}

/// Opens the check-in on the commitments whose review day has come by
/// `app.today`, oldest first, if there are any and no window is open:
/// asked when the app opens, before the reading view.
pub fn ask_if_due(app: &mut App) {
    if app.overlay.is_some() {
        return;
    }
    let due: Vec<String> = app
        .journal
        .due_commitments(app.today)
        .into_iter()
        .map(|(id, _)| id.to_owned())
        .collect();
    if let Some((first, rest)) = due.split_first() {
        let window = CheckInWindow::new(first, rest.to_vec());
        app.overlay = Some(Overlay::CheckIn(Box::new(window)));
    }
}

/// The check-in on commitment `id`, from the journal window (row
/// `selected` highlighted there, to go back to).
pub(crate) fn open_check_in(app: &mut App, id: &str, selected: usize) {
    let mut window = CheckInWindow::new(id, Vec::new());
    window.from_journal = Some(selected);
    app.overlay = Some(Overlay::CheckIn(Box::new(window)));
}

/// Keys in the check-in window: write an answer (Esc keeps it), or choose
/// "not yet, ask me in a week" or "let it go" (an answer written is kept too).
pub(crate) fn check_in_window(
    app: &mut App,
    action: Action,
    mut window: Box<CheckInWindow>,
    effects: &mut Vec<Effect>,
) {
    use CheckInFocus::{Answer, LetGo, NotYet};
    match (window.focus, action) {
        (_, Action::Close | Action::Leaving) => {
            let answered = keep_answer(&window, effects);
            if !answered && window.from_journal.is_none() {
                app.message = Some(
                    "Not answered yet: allyship asks again next time it opens \
                     (J lists your commitments)."
                        .into(),
                );
            }
            return next(app, window);
        }
        (Answer, Action::SwitchFocus) | (LetGo, Action::Up) => window.focus = NotYet,
        (Answer, Action::Undo) => window.input.undo(),
        (Answer, Action::Type(key)) => window.input.key(key),
        (NotYet, Action::Down) => window.focus = LetGo,
        (NotYet, Action::Up) | (LetGo, Action::Down) => window.focus = Answer,
        (NotYet | LetGo, Action::Type(key)) => {
            // Typing on a choice goes back to the answer, and types there.
            window.focus = Answer;
            window.input.key(key);
        }
        (NotYet, Action::Open) => {
            keep_answer(&window, effects);
            let on = days_after(app.today, ASK_AGAIN_IN_DAYS);
            let id = window.id.clone();
            effects.push(Effect::Commitment(CommitmentChange::AskAgain { id, on }));
            return next(app, window);
        }
        (LetGo, Action::Open) => {
            keep_answer(&window, effects);
            let id = window.id.clone();
            effects.push(Effect::Commitment(CommitmentChange::LetGo { id }));
            return next(app, window);
        }
        _ => {}
    }
    app.overlay = Some(Overlay::CheckIn(window));
}

/// Keeps the answer written, if any; true when there was one.
fn keep_answer(window: &CheckInWindow, effects: &mut Vec<Effect>) -> bool {
    let Some(text) = window.answer() else {
        return false;
    };
    effects.push(Effect::Commitment(CommitmentChange::CheckIn {
        id: window.id.clone(),
        text,
    }));
    true
}

/// After one commitment: the next one due, or back to the journal window
/// it was opened from, or the reading view.
fn next(app: &mut App, window: Box<CheckInWindow>) {
    if let Some(selected) = window.from_journal {
        app.overlay = Some(Overlay::Journal {
            selected,
            scroll: 0,
        });
        return;
    }
    let mut rest = window.next.into_iter();
    while let Some(id) = rest.next() {
        if app.journal.commitments.contains_key(&id) {
            let mut following = CheckInWindow::new(&id, rest.collect());
            following.of = window.of;
            app.overlay = Some(Overlay::CheckIn(Box::new(following)));
            return;
        }
    }
}

/// What to say once a change is on disk (never before).
pub fn saved_message(change: &CommitmentChange) -> String {
    match change {
        CommitmentChange::Make { review_on, .. } => format!(
            "Commitment kept. On {} allyship will ask how it went (J lists your commitments).",
            date_text(*review_on)
        ),
        CommitmentChange::CheckIn { .. } => "Your answer is saved.".into(),
        CommitmentChange::AskAgain { on, .. } => {
            format!("Saved: allyship will ask again on {}.", date_text(*on))
        }
        CommitmentChange::LetGo { .. } => {
            "Let go. Your words stay in your journal (J lists them).".into()
        }
    }
}

/// What to say once a change is on disk, as `journal` (the one saved)
/// holds it on `today`: a "not yet" or a letting go that a later decision
/// made in another copy outweighs says so, rather than promise what will
/// not happen.
pub fn saved_message_in(change: &CommitmentChange, journal: &Journal, today: Date) -> String {
    let standing = match change {
        CommitmentChange::AskAgain { id, .. } | CommitmentChange::LetGo { id } => {
            journal.commitments.get(id).map(|c| c.standing(today))
        }
        _ => None,
    };
    match (change, standing) {
        (CommitmentChange::AskAgain { .. }, Some(Standing::Open { review_on })) => {
            format!(
                "Saved: allyship will ask again on {}.",
                date_text(review_on)
            )
        }
        (CommitmentChange::AskAgain { .. } | CommitmentChange::LetGo { .. }, Some(other))
            if other != Standing::LetGo || matches!(change, CommitmentChange::AskAgain { .. }) =>
        {
            let word = other.word();
            format!(
                "Saved, but a later change made in another copy of allyship stands: \
                 it is {word} (J lists your commitments)."
            )
        }
        _ => saved_message(change),
    }
}

/// A pasted text goes into the words or the answer in one piece (a choice
/// highlighted goes back to the answer); false where it does not fit.
pub(crate) fn paste(app: &mut App, text: &str) -> bool {
    match &mut app.overlay {
        Some(Overlay::Commit(window)) if !window.on_date => window.input.paste(text),
        Some(Overlay::CheckIn(window)) => {
            window.focus = CheckInFocus::Answer;
            window.input.paste(text);
        }
        _ => return false,
    }
    true
}

#[cfg(test)]
mod tests;
