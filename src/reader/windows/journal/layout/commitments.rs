//! The journal window's commitments: due ones first, then open, answered
//! and let go, each saying where it stands in words. Enter on one asks how
//! it went (another check-in can always follow).

use super::{Row, heading, plain};
use crate::journal::record::{Commitment, Standing, local_day};
use crate::journal::report::count;
use crate::reader::app::App;
use crate::reader::layout::lines::{Piece, Tone, fit};
use jiff::civil::Date;

/// "3 Nov", with the year when it is not `today`'s: short enough for a row.
pub fn short_date(day: Date, today: Date) -> String {
    if day.year() == today.year() {
        day.strftime("%-d %b").to_string()
    } else {
        day.strftime("%-d %b %Y").to_string()
    }
}

/// Where a commitment stands, in words, for its row: the word first (so
/// it shows however narrow the window), the date or count after the words.
fn standing_words(
    commitment: &Commitment,
    standing: Standing,
    today: Date,
) -> (&'static str, String) {
    let day = |d: Date| short_date(d, today);
    let after = match standing {
        Standing::Due { since } => format!("since {}", day(since)),
        Standing::Open { review_on } => format!("review on {}", day(review_on)),
        Standing::Answered => count(commitment.check_ins.len(), "answer", "answers"),
        Standing::LetGo => commitment
            .let_go_on(today)
            .map(|at| format!("on {}", day(local_day(at))))
            .unwrap_or_default(),
    };
    (standing.word(), after)
}

/// The order they are listed in: what needs an answer first.
fn rank(standing: Standing) -> u8 {
    match standing {
        Standing::Due { .. } => 0,
        Standing::Open { .. } => 1,
        Standing::Answered => 2,
        Standing::LetGo => 3,
    }
}

/// Adds the commitments' heading and rows at `width`.
pub(super) fn rows(out: &mut Vec<Row>, app: &App, width: u16) {
    let mut all: Vec<(&str, &Commitment, Standing)> = app
        .journal
        .commitments_in_order()
        .into_iter()
        .map(|(id, c)| (id, c, c.standing(app.today)))
        .collect();
    all.sort_by_key(|(_, _, standing)| rank(*standing));
    let due = all
        .iter()
        .filter(|(_, _, s)| matches!(s, Standing::Due { .. }))
        .count();
    let title = match (all.len(), due) {
        (0, _) => "Your commitments".to_owned(),
        (n, 0) => format!("Your commitments: {n}"),
        (n, due) => format!("Your commitments: {n}, {due} due"),
    };
    heading(out, &title, width);
    if all.is_empty() {
        let none = "None yet: press C on any section to write \"I will …\".";
        plain(out, none, width, Tone::Text);
        return;
    }
    for (id, commitment, standing) in all {
        let (word, after) = standing_words(commitment, standing, app.today);
        let text = format!("  {word}: {}", commitment.text.trim());
        let text = fit(&text.replace(['\n', '\r'], " "), usize::from(width));
        out.push(Row {
            line: vec![Piece::new(text, Tone::Text)],
            target: None,
            commitment: Some(id.to_owned()),
        });
        // Under it, on lines of their own so no width cuts them off: the
        // review date (or where it stands) and the latest answers.
        if !after.is_empty() {
            detail(out, &after, width);
        }
        answers(out, commitment, app.today, width);
    }
}

/// How many of a commitment's answers the journal window shows (the
/// latest); `allyship commitments` lists them all.
const ANSWERS_SHOWN: usize = 3;

/// The latest check-in answers under a commitment: "3 Nov: It went well",
/// each on one line cut to fit, with how many earlier ones there are.
fn answers(out: &mut Vec<Row>, commitment: &Commitment, today: Date, width: u16) {
    let all = &commitment.check_ins;
    let shown = all.len().saturating_sub(ANSWERS_SHOWN);
    for check in &all[shown..] {
        let said = check.text.split_whitespace().collect::<Vec<_>>().join(" ");
        detail(
            out,
            &format!("{}: {said}", short_date(local_day(check.at), today)),
            width,
        );
    }
    if shown > 0 {
        let earlier = count(shown, "earlier answer", "earlier answers");
        detail(
            out,
            &format!("(and {earlier}: allyship commitments lists them)"),
            width,
        );
    }
}

/// One line under a commitment, indented past its word, cut to fit.
fn detail(out: &mut Vec<Row>, text: &str, width: u16) {
    let text = fit(&format!("      {text}"), usize::from(width));
    out.push(Row {
        line: vec![Piece::new(text, Tone::Quiet)],
        ..Row::default()
    });
}
