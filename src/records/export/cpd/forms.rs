//! Each regulator's form, field by field in its own words and order, filled
//! from the activities (see the issue this follows for the fields):
//!
//! - **swe**: one piece of CPD for the period: title; date(s); type of CPD;
//!   description and why it is relevant; what I learned; the impact on my
//!   practice and on the people I work with; peer reflection.
//! - **nmc**: a CPD log row per activity (method, topic, dates, hours,
//!   participatory hours, the Code's theme), the totals, a reflective
//!   account in the four prompts, and the reflective discussion.
//! - **hcpc**: per dated activity, what was learned and how it benefits
//!   people who use services.
//! - **care**: per activity, date, learning, time taken, how it helped.
//!
//! With no regulator, a general log: date, activity, time, what I learned,
//! how it will change my practice.

use super::super::Record;
use super::activities::{DISCUSSION, activities};
use super::words::{
    NO_ACTIVITY, NO_CODE, NO_NOTES, NO_OUTCOME, NO_PEER, NO_PRACTICE, NO_RELEVANCE, dates, day,
    duration, hours,
};
use super::{Activity, CpdRecord, Entry, Field, Regulator};
use crate::toolkit::content::Toolkit;

/// The CPD record for `regulator` (`None`: a general log) from `record`.
pub fn cpd_record(toolkit: &Toolkit, record: &Record, regulator: Option<Regulator>) -> CpdRecord {
    let activities = activities(toolkit, record);
    let minutes = activities.iter().map(|a| a.minutes).sum();
    let participatory_minutes = activities.iter().map(|a| a.participatory_minutes).sum();
    let title = match regulator {
        Some(Regulator::Swe) => "Social Work England CPD record",
        Some(Regulator::Nmc) => "NMC revalidation: CPD log and reflective account",
        Some(Regulator::Hcpc) => "HCPC CPD record",
        Some(Regulator::Care) => "Learning log (Social Care Wales, NISCC, Skills for Care)",
        None => "Learning log",
    };
    let period = super::super::markdown::period_words(&record.period);
    let entries = match regulator {
        Some(Regulator::Swe) => swe(record, &activities, &period),
        Some(Regulator::Nmc) => nmc(&activities, minutes, participatory_minutes),
        Some(Regulator::Hcpc) => each(&activities, hcpc),
        Some(Regulator::Care) => each(&activities, care),
        None => each(&activities, general),
    };
    CpdRecord {
        regulator,
        title: title.to_owned(),
        period,
        minutes,
        participatory_minutes,
        activities,
        entries,
    }
}

/// One entry per activity, or one saying so per field when there is none.
fn each(activities: &[Activity], form: fn(Option<&Activity>) -> Vec<Field>) -> Vec<Entry> {
    if activities.is_empty() {
        return vec![Entry {
            heading: "No learning recorded in this period".to_owned(),
            fields: form(None),
        }];
    }
    activities
        .iter()
        .map(|a| Entry {
            heading: format!("{}: {}", day(a.date), a.method),
            fields: form(Some(a)),
        })
        .collect()
}

/// "Self-directed reading and reflection (45 minutes): Title; Title".
pub(super) fn described(a: &Activity) -> String {
    let with = a
        .with
        .as_deref()
        .map(|w| format!(" with {w}"))
        .unwrap_or_default();
    let topics = if a.topics.is_empty() {
        String::new()
    } else {
        format!(": {}", a.topics.join("; "))
    };
    format!("{}{with} ({}){topics}", a.method, duration(a.minutes))
}

/// What was learned: each note under its section and prompts, and what
/// came of a discussion.
pub(super) fn learned(a: &Activity) -> Vec<String> {
    let mut out = Vec::new();
    for note in &a.learned {
        let prompts = match note.prompts.as_slice() {
            [] => String::new(),
            prompts => format!(" (answering: {})", prompts.join(" ")),
        };
        out.push(format!("On \"{}\"{prompts}:", note.section));
        out.push(note.text.trim().to_owned());
    }
    if a.method == DISCUSSION {
        let outcome = a.outcome.as_deref().unwrap_or(NO_OUTCOME);
        out.push(format!("What came of it: {outcome}"));
    }
    out
}

/// Commitments made and answers given ("How it went: …").
pub(super) fn practice(a: &Activity) -> Vec<String> {
    let mut out: Vec<String> = a
        .practice
        .iter()
        .map(|line| match &line.check_in {
            None => format!("I committed: {}", line.commitment),
            Some(answer) => format!("{} How it went: {answer}", line.commitment),
        })
        .collect();
    out.extend(
        a.practised
            .iter()
            .map(|p| format!("Scenario practised: {p}")),
    );
    out
}

fn hcpc(a: Option<&Activity>) -> Vec<Field> {
    vec![
        Field::or_missing(
            "Date",
            a.map(|a| day(a.date)).into_iter().collect(),
            NO_ACTIVITY,
        ),
        Field::or_missing(
            "Activity",
            a.map(described).into_iter().collect(),
            NO_ACTIVITY,
        ),
        Field::or_missing(
            "What I learned",
            a.map(learned).unwrap_or_default(),
            NO_NOTES,
        ),
        Field::or_missing(
            "How it benefits people who use services",
            a.map(practice).unwrap_or_default(),
            NO_PRACTICE,
        ),
    ]
}

fn care(a: Option<&Activity>) -> Vec<Field> {
    let learning = a.map(|a| {
        let mut out = vec![described(a)];
        out.extend(learned(a));
        out
    });
    vec![
        Field::or_missing(
            "Date",
            a.map(|a| day(a.date)).into_iter().collect(),
            NO_ACTIVITY,
        ),
        Field::or_missing("Learning", learning.unwrap_or_default(), NO_ACTIVITY),
        Field::or_missing(
            "Time taken",
            a.map(|a| duration(a.minutes)).into_iter().collect(),
            NO_ACTIVITY,
        ),
        Field::or_missing(
            "How it helped",
            a.map(practice).unwrap_or_default(),
            NO_PRACTICE,
        ),
    ]
}

fn general(a: Option<&Activity>) -> Vec<Field> {
    vec![
        Field::or_missing(
            "Date",
            a.map(|a| day(a.date)).into_iter().collect(),
            NO_ACTIVITY,
        ),
        Field::or_missing(
            "Activity",
            a.map(described).into_iter().collect(),
            NO_ACTIVITY,
        ),
        Field::or_missing(
            "Time",
            a.map(|a| duration(a.minutes)).into_iter().collect(),
            NO_ACTIVITY,
        ),
        Field::or_missing(
            "What I learned",
            a.map(learned).unwrap_or_default(),
            NO_NOTES,
        ),
        Field::or_missing(
            "How it will change my practice",
            a.map(practice).unwrap_or_default(),
            NO_PRACTICE,
        ),
    ]
}

/// Every activity's lines of one kind, across the period.
fn all(activities: &[Activity], of: fn(&Activity) -> Vec<String>) -> Vec<String> {
    activities
        .iter()
        .filter(|a| a.method != DISCUSSION)
        .flat_map(of)
        .collect()
}

/// The peer discussions: who with, when, for how long, on what, and what
/// came of each.
fn peer(activities: &[Activity]) -> Vec<String> {
    activities
        .iter()
        .filter(|a| a.method == DISCUSSION)
        .map(|a| {
            format!(
                "With {}, on {}, for {}, discussing: {}. What came of it: {}",
                a.with.as_deref().unwrap_or(""),
                day(a.date),
                duration(a.minutes),
                a.topics.join("; "),
                a.outcome.as_deref().unwrap_or(NO_OUTCOME)
            )
        })
        .collect()
}

fn swe(record: &Record, activities: &[Activity], period: &str) -> Vec<Entry> {
    let mut days: Vec<_> = activities.iter().map(|a| a.date).collect();
    days.dedup();
    let mut kinds: Vec<&str> = Vec::new();
    for a in activities {
        if !kinds.contains(&a.method.as_str()) {
            kinds.push(&a.method);
        }
    }
    let title = (!activities.is_empty()).then(|| {
        format!(
            "Allyship learning: {} (version {})",
            record.toolkit.title, record.toolkit.version
        )
    });
    let description: Vec<String> = activities
        .iter()
        .map(|a| format!("{}: {}", day(a.date), described(a)))
        .collect();
    let fields = vec![
        Field::or_missing("Title", title.into_iter().collect(), NO_ACTIVITY),
        Field::or_missing(
            "Date(s)",
            [dates(&days)]
                .into_iter()
                .filter(|d| !d.is_empty())
                .collect(),
            NO_ACTIVITY,
        ),
        Field::or_missing(
            "Type of CPD",
            (!kinds.is_empty())
                .then(|| kinds.join("; "))
                .into_iter()
                .collect(),
            NO_ACTIVITY,
        ),
        if description.is_empty() {
            Field::or_missing(
                "Description and why it is relevant",
                description,
                NO_ACTIVITY,
            )
        } else {
            Field::with_missing(
                "Description and why it is relevant",
                description,
                NO_RELEVANCE,
            )
        },
        Field::or_missing("What I learned", all(activities, learned), NO_NOTES),
        Field::or_missing(
            "The impact on my practice and on the people I work with",
            all(activities, practice),
            NO_PRACTICE,
        ),
        Field::or_missing(
            "Peer reflection (who with, when, what came of it)",
            peer(activities),
            NO_PEER,
        ),
    ];
    vec![Entry {
        heading: format!("Registration year {period}"),
        fields,
    }]
}

fn nmc(activities: &[Activity], minutes: u64, participatory: u64) -> Vec<Entry> {
    let log = |a: Option<&Activity>| {
        let one = |text: Option<String>| text.into_iter().collect::<Vec<_>>();
        vec![
            Field::or_missing("Method", one(a.map(|a| a.method.clone())), NO_ACTIVITY),
            Field::or_missing(
                "Topic",
                one(a
                    .filter(|a| !a.topics.is_empty())
                    .map(|a| a.topics.join("; "))),
                NO_ACTIVITY,
            ),
            Field::or_missing("Dates", one(a.map(|a| day(a.date))), NO_ACTIVITY),
            Field::or_missing(
                "Number of hours",
                one(a.map(|a| hours(a.minutes))),
                NO_ACTIVITY,
            ),
            Field::or_missing(
                "Number of participatory hours",
                one(a.map(|a| hours(a.participatory_minutes))),
                NO_ACTIVITY,
            ),
            Field::with_missing("The Code's theme it relates to", Vec::new(), NO_CODE),
        ]
    };
    let mut entries: Vec<Entry> = if activities.is_empty() {
        vec![Entry {
            heading: "CPD log: no learning recorded in this period".to_owned(),
            fields: log(None),
        }]
    } else {
        activities
            .iter()
            .enumerate()
            .map(|(n, a)| Entry {
                heading: format!("CPD log, activity {}", n + 1),
                fields: log(Some(a)),
            })
            .collect()
    };
    entries.push(Entry {
        heading: "CPD totals".to_owned(),
        fields: vec![
            Field::or_missing("Number of hours", vec![hours(minutes)], NO_ACTIVITY),
            Field::or_missing(
                "Number of participatory hours",
                vec![hours(participatory)],
                NO_PEER,
            ),
            Field::or_missing(
                "Towards revalidation",
                vec![format!(
                    "Revalidation asks for 35 hours of CPD, 20 of them participatory: \
                     {} hours and {} participatory hours are recorded here.",
                    hours(minutes),
                    hours(participatory)
                )],
                NO_ACTIVITY,
            ),
        ],
    });
    let description: Vec<String> = activities
        .iter()
        .map(|a| format!("{}: {}", day(a.date), described(a)))
        .collect();
    entries.push(Entry {
        heading: "Reflective account".to_owned(),
        fields: vec![
            Field::or_missing("What was the activity?", description, NO_ACTIVITY),
            Field::or_missing("What did you learn?", all(activities, learned), NO_NOTES),
            Field::or_missing(
                "How did you change or improve your practice?",
                all(activities, practice),
                NO_PRACTICE,
            ),
            Field::with_missing("How is this relevant to the Code?", Vec::new(), NO_CODE),
        ],
    });
    entries.push(Entry {
        heading: "Reflective discussion".to_owned(),
        fields: vec![Field::or_missing(
            "Who with, when, and what came of it",
            peer(activities),
            NO_PEER,
        )],
    });
    entries
}
