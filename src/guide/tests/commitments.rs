//! Commitments in the guide: `i` makes one, and one whose review day has
//! come is asked about before the first section.

use super::{id, run, saved};
use crate::journal::record::{
    ASK_AGAIN_IN_DAYS, Commitment, REVIEW_IN_DAYS, Standing, days_after, local_day,
};
use crate::journal::store::Store;
use crate::toolkit::content::built_in;
use jiff::Timestamp;
use std::path::Path;

#[test]
fn a_commitment_is_kept_with_its_review_day_in_words() {
    let dir = tempfile::tempdir().unwrap();
    let toolkit = built_in();
    let said = run(dir.path(), "i\nI will ask first.\n0\nsoon\n3\nq");
    let today = local_day(Timestamp::now());
    let on = crate::guide::speak::day_in_words(days_after(today, 3));
    assert!(said.contains("Finish the sentence I will"), "{said}");
    assert!(
        said.contains(&format!("Press Enter for in {REVIEW_IN_DAYS} days")),
        "{said}"
    );
    assert!(
        said.contains("'0' is not a number of days from 1 to 365."),
        "{said}"
    );
    assert!(said.contains("'soon' is not a number of days"), "{said}");
    assert!(
        said.contains(&format!(
            "Kept: I will ask first. On {on} the guide asks how it went."
        )),
        "{said}"
    );
    let journal = saved(dir.path());
    let (_, made) = journal.commitments_in_order()[0];
    assert_eq!(made.text, "I will ask first");
    assert_eq!(made.review_on, days_after(today, 3));
    assert_eq!(made.section.as_deref(), Some(id(&toolkit, 0).as_str()));
    // Enter alone takes the usual review day; Enter at the words keeps nothing.
    run(dir.path(), "commit\nlisten\n\nq");
    let journal = saved(dir.path());
    assert_eq!(journal.records.commitments.len(), 2);
    let said = run(dir.path(), "i\n\nq");
    assert!(said.contains("Nothing was kept."), "{said}");
    assert_eq!(saved(dir.path()).records.commitments.len(), 2);
}

/// A journal in `dir` with one commitment made `days` ago, due today.
fn due_commitment(dir: &Path, text: &str) {
    let (mut store, _, _) = Store::open(dir.to_path_buf());
    let today = local_day(Timestamp::now());
    let made = Timestamp::now() - jiff::SignedDuration::from_hours(24 * 14);
    let commitment = Commitment::new(text, None, made, today);
    store
        .update(|journal| {
            journal
                .records
                .commitments
                .insert(commitment.id(), commitment.clone())
        })
        .expect("saved");
}

#[test]
fn a_due_commitment_is_asked_about_first() {
    let today = local_day(Timestamp::now());
    let standing = |dir: &Path| {
        let journal = saved(dir);
        let (_, c) = journal.commitments_in_order()[0];
        (c.standing(today), c.check_ins.len())
    };
    let dir = tempfile::tempdir().unwrap();
    due_commitment(dir.path(), "I will ask first");
    let said = run(dir.path(), "It went well\nq");
    let asked = said.find("A commitment is due. On ").expect(&said);
    assert!(said[asked..].contains("you wrote: I will ask first. How did it go?"));
    assert!(
        asked < said.find("Section 1 of").unwrap(),
        "asked first: {said}"
    );
    assert!(said.contains("Your answer is kept."), "{said}");
    assert_eq!(standing(dir.path()), (Standing::Answered, 1));
    // Not yet: asked again in a week.
    let dir = tempfile::tempdir().unwrap();
    due_commitment(dir.path(), "I will ask first");
    let said = run(dir.path(), "n\nq");
    let week = days_after(today, ASK_AGAIN_IN_DAYS);
    assert!(said.contains(&format!(
        "Not yet: asked again on {}.",
        crate::guide::speak::day_in_words(week)
    )));
    assert_eq!(
        standing(dir.path()),
        (Standing::Open { review_on: week }, 0)
    );
    // Let go; and Enter alone asks next time.
    let dir = tempfile::tempdir().unwrap();
    due_commitment(dir.path(), "I will ask first");
    let said = run(dir.path(), "\nq");
    assert!(said.contains("It is asked about next time."), "{said}");
    assert!(matches!(standing(dir.path()).0, Standing::Due { .. }));
    run(dir.path(), "let go\nq");
    assert_eq!(standing(dir.path()).0, Standing::LetGo);
}
