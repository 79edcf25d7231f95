//! The `--json` shapes of the plain commands, said once as structs
//! (issue 25): what each key holds is read here, not pieced together from
//! `json!` maps in each command. One convention: keys are snake_case words,
//! a time is RFC 3339 (UTC), a day `YYYY-MM-DD`, and a value not there is
//! `null`, never a missing key.
//!
//! Fields are declared in alphabetical order: the output has always had
//! its keys sorted (serde_json's maps sort them), and scripts may compare
//! it byte for byte, so it stays exactly as it was.

use jiff::Timestamp;
use jiff::civil::Date;
use serde::Serialize;
use serde_json::Value;

/// A shape as a JSON value, for the callers that add to it or print it.
pub fn value(shape: impl Serialize) -> Value {
    // These shapes hold only strings, numbers, times and string-keyed maps,
    // which always serialise.
    serde_json::to_value(shape).unwrap_or(Value::Null)
}

/// `list --json`: the toolkit with its parts and its sections.
#[derive(Serialize)]
pub struct List<'a> {
    pub parts: Vec<ListPart<'a>>,
    pub sections: Vec<ListSection<'a>>,
    pub title: &'a str,
    pub version: &'a str,
}

/// A part in `list --json`, its sections named by id.
#[derive(Serialize)]
pub struct ListPart<'a> {
    pub id: &'a str,
    pub outcomes: &'a [String],
    pub sections: Vec<&'a str>,
    pub title: &'a str,
}

/// A section in `list --json`, with its marks in words.
#[derive(Serialize)]
pub struct ListSection<'a> {
    pub bookmarked: bool,
    pub id: &'a str,
    pub label: Option<&'a str>,
    pub note: bool,
    pub number: usize,
    pub part: &'a str,
    pub status: &'static str,
    pub title: &'a str,
}

/// The part a section in `read --json` belongs to.
#[derive(Serialize)]
pub struct PartOf<'a> {
    pub id: &'a str,
    pub title: &'a str,
}

/// `notes --json`: the notes keyed by section id, and the versions kept aside.
#[derive(Serialize)]
pub struct Notes<'a> {
    pub also_kept: Vec<KeptNote<'a>>,
    pub notes: std::collections::BTreeMap<&'a str, NoteOf<'a>>,
}

/// A note in `notes --json`.
#[derive(Serialize)]
pub struct NoteOf<'a> {
    pub changed: Timestamp,
    pub created: Timestamp,
    pub edits: u32,
    pub number: Option<usize>,
    pub text: &'a str,
    pub title: Option<&'a str>,
}

/// A version of a note kept aside, in `notes --json`.
#[derive(Serialize)]
pub struct KeptNote<'a> {
    pub changed: Timestamp,
    pub created: Timestamp,
    pub number: Option<usize>,
    pub section: &'a str,
    pub text: &'a str,
    pub title: Option<&'a str>,
}

/// A section's reading state in `journal --json`.
#[derive(Serialize)]
pub struct SectionState<'a> {
    pub first_read: Option<Timestamp>,
    pub last_read: Option<Timestamp>,
    pub number: Option<usize>,
    pub read: bool,
    pub revisited: bool,
    pub sessions: u32,
    pub status: &'static str,
    pub title: Option<&'a str>,
}

/// A bookmark in `bookmarks --json`.
#[derive(Serialize)]
pub struct BookmarkOf<'a> {
    pub added: Timestamp,
    pub id: &'a str,
    pub label: Option<&'a str>,
    pub number: Option<usize>,
    pub title: String,
}

/// A commitment in `commitments --json`, where it stands on the day asked.
#[derive(Serialize)]
pub struct CommitmentOf<'a> {
    pub check_ins: Vec<CheckInOf<'a>>,
    pub id: &'a str,
    pub let_go: Option<Timestamp>,
    pub made_at: Timestamp,
    pub number: usize,
    pub review_on: Date,
    pub section: Option<&'a str>,
    pub section_title: Option<String>,
    pub status: &'static str,
    pub text: &'a str,
}

/// A check-in on a commitment, in `commitments --json`.
#[derive(Serialize)]
pub struct CheckInOf<'a> {
    pub at: Timestamp,
    pub text: &'a str,
}

#[cfg(test)]
mod tests {
    //! Each shape against the `json!` map it replaced, byte for byte.
    use super::*;
    use serde_json::json;

    fn same(shape: impl Serialize, before: Value) {
        let after = serde_json::to_string_pretty(&shape).expect("serialises");
        let before = serde_json::to_string_pretty(&before).expect("serialises");
        assert_eq!(after, before);
    }

    fn at(second: i64) -> Timestamp {
        Timestamp::from_second(second).expect("a time")
    }

    #[test]
    fn every_shape_prints_as_the_json_map_it_replaced() {
        let outcomes = vec!["say why".to_string()];
        same(
            ListPart {
                id: "start",
                outcomes: &outcomes,
                sections: vec!["welcome", "why"],
                title: "Start here",
            },
            json!({ "id": "start", "title": "Start here", "outcomes": outcomes,
                    "sections": ["welcome", "why"] }),
        );
        for label in [None, Some("again")] {
            let section = ListSection {
                bookmarked: label.is_some(),
                id: "why",
                label,
                note: true,
                number: 2,
                part: "start",
                status: "revisited",
                title: "Why",
            };
            let before = json!({ "number": 2, "id": "why", "title": "Why", "part": "start",
                "status": "revisited", "bookmarked": label.is_some(), "label": label,
                "note": true });
            same(section, before);
        }
        same(
            List {
                parts: vec![],
                sections: vec![],
                title: "T",
                version: "1",
            },
            json!({ "title": "T", "version": "1", "parts": [], "sections": [] }),
        );
        same(
            PartOf {
                id: "p",
                title: "P",
            },
            json!({ "id": "p", "title": "P" }),
        );
        for (number, title) in [(Some(3), Some("Three")), (None, None)] {
            let note = sample_note(number, title);
            let before = json!({ "number": number, "title": title, "text": "mine",
                "created": at(1), "changed": at(2), "edits": 4 });
            same(note, before.clone());
            let kept = KeptNote {
                changed: at(2),
                created: at(1),
                number,
                section: "gone",
                text: "older",
                title,
            };
            same(
                kept,
                json!({ "section": "gone", "number": number, "title": title,
                    "text": "older", "created": at(1), "changed": at(2) }),
            );
            let notes = Notes {
                also_kept: vec![],
                notes: [
                    ("b", sample_note(number, title)),
                    ("a", sample_note(number, title)),
                ]
                .into_iter()
                .collect(),
            };
            same(
                notes,
                json!({ "notes": { "b": before.clone(), "a": before }, "also_kept": [] }),
            );
            for first in [None, Some(at(5))] {
                let state = SectionState {
                    first_read: first,
                    last_read: first,
                    number,
                    read: first.is_some(),
                    revisited: false,
                    sessions: 1,
                    status: "read",
                    title,
                };
                let before = json!({ "number": number, "title": title, "status": "read",
                    "read": first.is_some(), "revisited": false, "first_read": first,
                    "last_read": first, "sessions": 1 });
                same(state, before);
            }
            let bookmark = BookmarkOf {
                added: at(7),
                id: "why",
                label: Some("again"),
                number,
                title: "Why".into(),
            };
            same(
                bookmark,
                json!({ "id": "why", "number": number, "title": "Why", "label": "again",
                    "added": at(7) }),
            );
        }
        let day = Date::new(2026, 12, 19).expect("a day");
        for (section, let_go) in [(None, None), (Some("why"), Some(at(9)))] {
            let commitment = CommitmentOf {
                check_ins: vec![CheckInOf {
                    at: at(8),
                    text: "went ok",
                }],
                id: "c1",
                let_go,
                made_at: at(6),
                number: 1,
                review_on: day,
                section,
                section_title: section.map(|_| "2. Why".to_string()),
                status: "answered",
                text: "I will ask",
            };
            let before = json!({ "number": 1, "id": "c1", "text": "I will ask",
                "section": section, "section_title": section.map(|_| "2. Why"),
                "made_at": at(6), "review_on": day, "status": "answered", "let_go": let_go,
                "check_ins": [json!({ "at": at(8), "text": "went ok" })] });
            same(commitment, before);
        }
    }

    /// The one note every shape test prints, numbered and titled as given.
    fn sample_note<'a>(number: Option<usize>, title: Option<&'a str>) -> NoteOf<'a> {
        NoteOf {
            changed: at(2),
            created: at(1),
            edits: 4,
            number,
            text: "mine",
            title,
        }
    }
}
