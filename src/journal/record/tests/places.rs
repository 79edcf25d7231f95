//! A place and learning time per toolkit: reading another toolkit never
//! moves the built-in one's place, and the time says where it was spent.

use super::*;

const OURS: &str = "Our toolkit (version 2)";

#[test]
fn another_toolkit_keeps_its_own_place_and_time() {
    let mut journal = Journal::new();
    let mut built_in = Session::new("s1");
    built_in.set_position("tip-speak-up", 4);
    built_in.add_active_secs(day(1), 600);
    journal.apply(&built_in.pending, &built_in.id);
    let mut ours = Session::new("s2");
    ours.pending.toolkit = Some(OURS.into());
    ours.set_position("our-first", 1);
    ours.add_active_secs(day(1), 300);
    journal.apply(&ours.pending, &ours.id);
    assert_eq!(
        journal.place(None).map(|p| p.section.as_str()),
        Some("tip-speak-up")
    );
    assert_eq!(
        journal.place(Some(OURS)).map(|p| p.section.as_str()),
        Some("our-first")
    );
    assert_eq!(journal.records.days[&day(1)].active_secs, 900, "the total");
    assert_eq!(journal.time_in_other_toolkits(), [(OURS.to_owned(), 300)]);
    let text = serde_json::to_string(&journal).expect("serialises");
    let back: Journal = serde_json::from_str(&text).expect("parses");
    assert_eq!(back, journal, "{text}");
}

#[test]
fn the_journal_view_and_export_say_where_the_time_went() {
    let toolkit = crate::toolkit::content::built_in();
    let mut journal = Journal::new();
    let mut ours = Session::new("s");
    ours.add_active_secs(day(1), 3_600);
    journal.apply(&ours.pending, &ours.id);
    let report = crate::journal::report::report(&toolkit, &journal);
    let alone = crate::journal::report::headline(&report.summary);
    assert!(alone.ends_with("1 h spent learning"), "{alone}");
    let mut theirs = Session::new("t");
    theirs.pending.toolkit = Some(OURS.into());
    theirs.add_active_secs(day(2), 1_800);
    journal.apply(&theirs.pending, &theirs.id);
    let report = crate::journal::report::report(&toolkit, &journal);
    let both = crate::journal::report::headline(&report.summary);
    assert!(
        both.ends_with("1 h 30 min spent learning, of which 30 min in Our toolkit (version 2) and 1 h in the built-in toolkit"),
        "{both}"
    );
    let period = crate::records::export::Period::default();
    let record = crate::records::export::learning_record(&toolkit, &journal, &period, ts(0));
    assert_eq!(record.learning_minutes_by_toolkit[OURS], 30);
    let markdown = crate::records::export::to_markdown(&record);
    assert!(
        markdown.contains("of which 30 min in Our toolkit (version 2)"),
        "{markdown}"
    );
}

#[test]
fn the_built_in_place_survives_a_run_with_another_toolkit() {
    use crate::journal::progress::Progress;
    use std::time::Instant;
    let dir = tempfile::tempdir().expect("tempdir");
    let (mut progress, _, _) = Progress::start(Some(dir.path().into()), Instant::now());
    progress.save(Some(("tip-speak-up", 3)), Instant::now());
    let mut other = crate::toolkit::content::built_in();
    other.title = "Our toolkit".into();
    let name = crate::toolkit::content::other_toolkit_name(&other);
    assert_eq!(
        name.as_deref(),
        Some(format!("Our toolkit (version {})", other.version).as_str())
    );
    let (mut progress, _, _) = Progress::start(Some(dir.path().into()), Instant::now());
    progress.set_toolkit(name);
    progress.save(Some(("welcome", 1)), Instant::now());
    let (_, journal, _) = Progress::start(Some(dir.path().into()), Instant::now());
    let mut app = crate::reader::app::App::new(crate::toolkit::content::built_in(), 80, 24);
    app.journal = journal.clone();
    app.resume();
    assert_eq!(
        app.toolkit
            .entry(app.current)
            .map(|e| e.section.id.as_str()),
        Some("tip-speak-up")
    );
    let mut app = crate::reader::app::App::new(other, 80, 24);
    app.journal = journal;
    app.resume();
    assert_eq!(
        app.toolkit
            .entry(app.current)
            .map(|e| e.section.id.as_str()),
        Some("welcome")
    );
}
