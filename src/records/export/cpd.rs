//! A CPD record shaped for a regulator's online form (`allyship export
//! --for swe|nmc|hcpc|care`): the journal's period as dated activities
//! (a day of reading and reflection, a peer discussion), then the
//! regulator's fields, in its own words and order, filled from them.
//!
//! Nothing is invented: a field the journal holds nothing for says
//! "Nothing written yet: …" and how to add it. The fields are plain data
//! ([`Entry`], [`Field`]), written out by one writer per format: Markdown
//! ([`to_markdown`]), CSV ([`to_csv`]), HTML ([`to_html`]) and the JSON of
//! the whole [`super::Record`].

mod activities;
pub(super) mod csv;
mod forms;
mod html;
mod markdown;
mod words;

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

pub use activities::activities;
pub use csv::to_csv;
pub use forms::cpd_record;
pub use html::to_html;
pub use markdown::to_markdown;

/// The regulator (or kind of log) a CPD record is shaped for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Regulator {
    /// Social Work England.
    Swe,
    /// The Nursing and Midwifery Council (revalidation).
    Nmc,
    /// The Health and Care Professions Council.
    Hcpc,
    /// Social Care Wales, NISCC and Skills for Care style learning logs.
    Care,
}

/// The default period for a regulator that has one: Social Work England's
/// registration year (1 December to 30 November) that holds `today`.
pub fn registration_year(today: Date) -> (Date, Date) {
    let start_year = if today.month() == 12 {
        today.year()
    } else {
        today.year() - 1
    };
    let from = Date::new(start_year, 12, 1).unwrap_or(today);
    let to = Date::new(start_year + 1, 11, 30).unwrap_or(today);
    (from, to)
}

/// A CPD record: the activities, and the regulator's fields filled from them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CpdRecord {
    /// Who it is for; `None`: a general learning log.
    pub regulator: Option<Regulator>,
    /// The record's title ("Social Work England CPD record").
    pub title: String,
    /// The period in words ("1 December 2026 to 30 November 2027").
    pub period: String,
    /// Minutes of all activities.
    pub minutes: u64,
    /// Of those, minutes spent with others (peer discussions).
    pub participatory_minutes: u64,
    /// The activities, oldest first.
    pub activities: Vec<Activity>,
    /// The form's entries, each a run of fields in the regulator's order.
    pub entries: Vec<Entry>,
}

/// One dated learning activity.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Activity {
    /// The local day it took place.
    pub date: Date,
    /// How: "Self-directed reading and reflection" or "Peer discussion".
    pub method: String,
    /// The titles of the sections it was about, in toolkit order.
    pub topics: Vec<String>,
    /// Minutes it took (reading time recorded that day, or the discussion's).
    pub minutes: u64,
    /// Of those, minutes with others.
    pub participatory_minutes: u64,
    /// Who a discussion was with.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub with: Option<String>,
    /// What came of a discussion, in the person's words.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outcome: Option<String>,
    /// Notes written or changed that day, with the prompts they answer.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub learned: Vec<Learned>,
    /// Commitments made that day and check-ins written that day.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub practice: Vec<PracticeLine>,
    /// Scenarios practised that day, with the option chosen, in words.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub practised: Vec<String>,
}

/// A note, as what was learned.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Learned {
    /// The section's title.
    pub section: String,
    /// The section's reflection prompts the note answers.
    pub prompts: Vec<String>,
    /// The note, as written.
    pub text: String,
}

/// A commitment made, or an answer to "How did it go?".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PracticeLine {
    /// The commitment's words ("I will …").
    pub commitment: String,
    /// The answer written that day, if this is a check-in.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub check_in: Option<String>,
}

/// One entry of a form: a heading and its fields, in order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entry {
    /// The entry's heading.
    pub heading: String,
    /// The fields, in the regulator's order.
    pub fields: Vec<Field>,
}

/// One field of a form: its name in the regulator's words, what the
/// journal holds for it, and what is missing, in words.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Field {
    /// The field's name, in the regulator's words.
    pub name: String,
    /// Paragraphs from the journal (the person's words kept as written).
    pub text: Vec<String>,
    /// "Nothing written yet: …" when the journal lacks (part of) it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub missing: Option<String>,
}

impl Field {
    /// A field holding `text`, or saying `missing` when there is none.
    fn or_missing(name: &str, text: Vec<String>, missing: &str) -> Field {
        let missing = text.is_empty().then(|| missing.to_owned());
        Field {
            name: name.to_owned(),
            text,
            missing,
        }
    }

    /// A field holding `text` that always says what is still to be written.
    fn with_missing(name: &str, text: Vec<String>, missing: &str) -> Field {
        Field {
            name: name.to_owned(),
            text,
            missing: Some(missing.to_owned()),
        }
    }

    /// Every paragraph of the field, the missing part last.
    pub fn paragraphs(&self) -> impl Iterator<Item = &str> {
        self.text
            .iter()
            .map(String::as_str)
            .chain(self.missing.as_deref())
    }
}

#[cfg(test)]
mod tests;
