//! The period's learning as dated activities. Each piece of the journal
//! goes into exactly one: a day's reading time and sections, the notes
//! last changed that day, commitments made and check-ins written that day
//! and scenarios practised that day make one "self-directed reading and
//! reflection" activity; each peer discussion is one activity of its own,
//! all of its time participatory.

use std::collections::BTreeMap;

use jiff::civil::Date;

use super::super::{Record, missing_title};
use super::{Activity, Learned, PracticeLine};
use crate::journal::record::local_day;
use crate::journal::report::learning_minutes;
use crate::toolkit::content::Toolkit;

/// How a day of reading is described.
pub(super) const READING: &str = "Self-directed reading and reflection";
/// How a peer discussion is described.
pub(super) const DISCUSSION: &str = "Peer discussion";

/// The activities in `record`, oldest first (a day's reading before its
/// discussions).
pub fn activities(toolkit: &Toolkit, record: &Record) -> Vec<Activity> {
    let title = |id: &str| {
        toolkit
            .index_of(id)
            .and_then(|i| toolkit.entry(i))
            .map_or_else(|| missing_title(id), |e| e.section.title.clone())
    };
    let order = |id: &str| (toolkit.index_of(id).unwrap_or(usize::MAX), id.to_owned());
    let period = record.period;
    let mut days: BTreeMap<Date, (Activity, Vec<String>)> = BTreeMap::new();
    for (date, day) in &record.data.days {
        let (activity, ids) = at(&mut days, *date);
        activity.minutes = learning_minutes(day.active_secs);
        ids.extend(day.sections.iter().map(|id| id.to_string()));
    }
    for note in &record.notes {
        let changed = local_day(note.changed);
        let date = if period.contains(changed) {
            changed
        } else {
            local_day(note.created)
        };
        let (activity, ids) = at(&mut days, date);
        ids.push(note.id.clone());
        activity.learned.push(Learned {
            section: note.title.clone(),
            prompts: note.prompts.clone(),
            text: note.text.clone(),
        });
    }
    for entry in &record.commitments {
        let section = record
            .data
            .commitments
            .get(&entry.id)
            .and_then(|c| c.section.clone());
        let made = local_day(entry.made_at);
        if period.contains(made) {
            let (activity, ids) = at(&mut days, made);
            ids.extend(section.clone());
            activity.practice.push(PracticeLine {
                commitment: entry.text.clone(),
                check_in: None,
            });
        }
        for check in &entry.check_ins {
            let (activity, ids) = at(&mut days, local_day(check.at));
            ids.extend(section.clone());
            activity.practice.push(PracticeLine {
                commitment: entry.text.clone(),
                check_in: Some(check.text.clone()),
            });
        }
    }
    for entry in &record.practised {
        let (activity, ids) = at(&mut days, local_day(entry.chosen_at));
        ids.push(entry.id.clone());
        let option = entry.chosen(str::to_owned);
        activity
            .practised
            .push(format!("{}: I chose {option}", entry.title));
    }
    let mut all: Vec<Activity> = days
        .into_values()
        .map(|(mut activity, mut ids)| {
            ids.sort_by_key(|id| order(id));
            ids.dedup();
            activity.topics = ids.iter().map(|id| title(id)).collect();
            activity
        })
        .filter(|a| {
            a.minutes > 0 || !a.topics.is_empty() || !a.learned.is_empty() || !a.practice.is_empty()
        })
        .collect();
    let mut talks: Vec<_> = record.data.discussions.iter().collect();
    talks.sort_by(|(a_id, a), (b_id, b)| {
        (a.on, a.recorded_at, a_id).cmp(&(b.on, b.recorded_at, b_id))
    });
    for (_, talk) in talks {
        let mut ids = talk.sections.clone();
        ids.sort_by_key(|id| order(id));
        ids.dedup();
        let minutes = u64::from(talk.minutes);
        all.push(Activity {
            date: talk.on,
            method: DISCUSSION.to_owned(),
            topics: ids.iter().map(|id| title(id)).collect(),
            minutes,
            participatory_minutes: minutes,
            with: Some(talk.with.clone()),
            outcome: talk.outcome.clone(),
            learned: Vec::new(),
            practice: Vec::new(),
            practised: Vec::new(),
        });
    }
    // Stable: a day's reading stays before its discussions.
    all.sort_by_key(|a| (a.date, a.method != READING));
    all
}

/// The day of reading and reflection on `date`, with its section ids.
fn at(
    days: &mut BTreeMap<Date, (Activity, Vec<String>)>,
    date: Date,
) -> &mut (Activity, Vec<String>) {
    days.entry(date)
        .or_insert_with(|| (reading(date), Vec::new()))
}

/// An empty day of reading and reflection.
fn reading(date: Date) -> Activity {
    Activity {
        date,
        method: READING.to_owned(),
        topics: Vec::new(),
        minutes: 0,
        participatory_minutes: 0,
        with: None,
        outcome: None,
        learned: Vec::new(),
        practice: Vec::new(),
        practised: Vec::new(),
    }
}
