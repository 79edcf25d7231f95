//! Update for commitments: `C` opens "I will …" with a review date; when
//! the app opens on a commitment whose review day has come, the status
//! line says a check-in is due (never its words: the screen may be
//! shared) and the journal window (`J`, opening on it) asks "How did it
//! go?" when the person presses Enter, on that or any commitment.
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
    if let Some(editing) = window.editing.clone() {
        match action {
            Action::Open | Action::Leaving => return keep_edit(app, &window, &editing, effects),
            Action::Close => {
                app.message = Some("Not changed.".into());
                return back_to_journal(app, editing.selected);
            }
            _ => {}
        }
    }
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

/// The journal window, with row `selected` highlighted.
fn back_to_journal(app: &mut App, selected: usize) {
    app.overlay = Some(Overlay::Journal {
        selected,
        scroll: 0,
    });
}

/// `e` on a commitment in the journal window: its words and review day in
/// the "I will …" window, to change (Enter keeps, Esc changes nothing).
pub(crate) fn open_edit(app: &mut App, id: &str, selected: usize) {
    let Some(commitment) = app.journal.records.commitments.get(id) else {
        return;
    };
    let review_on = commitment.scheduled(app.today).1;
    let days = app.today.until(review_on).map_or(1, |span| span.get_days());
    let days = u16::try_from(days.max(1)).unwrap_or(MOST_DAYS);
    let section = commitment.section.as_deref().unwrap_or("");
    let window = CommitWindow::edit(id, (section, &commitment.text), days, selected);
    app.overlay = Some(Overlay::Commit(Box::new(window)));
}

/// Keeps a changed commitment: new words (an empty one keeps the old
/// words, and says so) and a review day only when it was moved.
fn keep_edit(
    app: &mut App,
    window: &CommitWindow,
    editing: &crate::reader::windows::commitments::state::Editing,
    effects: &mut Vec<Effect>,
) {
    back_to_journal(app, editing.selected);
    let Some(text) = window.words() else {
        app.message =
            Some("Not changed: there was nothing after \"I will\" (d removes it).".into());
        return;
    };
    let review_on = (window.days != editing.days).then(|| review_day(app, window.days));
    let same = app
        .journal
        .records
        .commitments
        .get(&editing.id)
        .is_some_and(|c| c.text == text);
    if same && review_on.is_none() {
        app.message = Some("Not changed.".into());
        return;
    }
    effects.push(Effect::Commitment(CommitmentChange::Reword {
        id: editing.id.clone(),
        text,
        review_on,
    }));
}

/// `d` on a commitment in the journal window: takes it out, answers and
/// all, kept here so `u` puts it back.
pub(crate) fn remove(app: &mut App, id: &str, effects: &mut Vec<Effect>) {
    let Some(commitment) = app.journal.records.commitments.get(id) else {
        return;
    };
    app.removed_commitment = Some((id.to_owned(), Box::new(commitment.clone())));
    effects.push(Effect::Commitment(CommitmentChange::Remove {
        id: id.to_owned(),
    }));
}

/// `u` in the journal window: puts back the commitment last removed.
pub(crate) fn restore(app: &mut App, effects: &mut Vec<Effect>) {
    match app.removed_commitment.take() {
        Some((id, commitment)) => {
            effects.push(Effect::Commitment(CommitmentChange::Restore {
                id,
                commitment,
            }));
        }
        None => app.message = Some("Nothing to undo.".into()),
    }
}

/// Keeps the commitment written, if there are words after "I will".
fn keep_commitment(app: &mut App, window: &CommitWindow, effects: &mut Vec<Effect>) {
    let already = window
        .words()
        .and_then(|text| app.journal.open_commitment_like(&text, app.today));
    if let Some(number) = already {
        app.message = Some(format!(
            "Already kept, as commitment {number}: nothing new was added (J lists your commitments)."
        ));
        return;
    }
    match window.words() {
        Some(text) => effects.push(Effect::Commitment(CommitmentChange::Make {
            text,
            section: Some(window.input.section.clone()),
            review_on: review_day(app, window.days),
        })),
        None => app.message = Some("Nothing kept: there was nothing after \"I will\".".into()),
    }
}

/// What the status line says when the app opens on commitments whose
/// review day has come: how many, never their words (the screen may be
/// shared), and the key that asks about them.
pub fn due_message(due: usize) -> String {
    match due {
        1 => "A check-in is due: press J, then Enter on it.".to_owned(),
        n => format!("{n} check-ins are due: press J, then Enter on each."),
    }
}

/// At launch: says on the status line that check-ins are due, without
/// their words, and opens nothing (a projector may be showing the app;
/// `J` then Enter asks). A message already there (the journal's own news)
/// is kept before it.
pub fn announce_due(app: &mut App) {
    let due = app.journal.due_commitments(app.today).len();
    if due == 0 {
        return;
    }
    let said = due_message(due);
    app.message = Some(match app.message.take() {
        Some(before) => format!("{before} {said}"),
        None => said,
    });
}

/// Opens the check-in on the commitments whose review day has come by
/// `app.today`, oldest first, if there are any and no window is open: one
/// after another, as a round.
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
        if app.journal.records.commitments.contains_key(&id) {
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
        CommitmentChange::Reword {
            review_on: Some(on),
            ..
        } => format!(
            "Commitment changed. On {} allyship will ask how it went.",
            date_text(*on)
        ),
        CommitmentChange::Reword { .. } => "Commitment changed.".into(),
        CommitmentChange::Remove { .. } => {
            "Commitment removed, with its answers: u puts it back.".into()
        }
        CommitmentChange::Restore { .. } => "Commitment put back.".into(),
    }
}

/// What to say once a change is on disk, as `journal` (the one saved)
/// holds it on `today`: a "not yet" or a letting go that a later decision
/// made in another copy outweighs says so, rather than promise what will
/// not happen.
pub fn saved_message_in(change: &CommitmentChange, journal: &Journal, today: Date) -> String {
    let standing = match change {
        CommitmentChange::AskAgain { id, .. } | CommitmentChange::LetGo { id } => journal
            .records
            .commitments
            .get(id)
            .map(|c| c.standing(today)),
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
