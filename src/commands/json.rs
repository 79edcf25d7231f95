//! The `--json` shapes of `list`, `read`, `notes` and `journal`, for scripts.
//! Each is stable: keys are only ever added, never renamed or removed.
//! Sections are named by their id everywhere (`"id"` in lists, the key in
//! maps), with their number in the contents (`null` for an id the toolkit
//! no longer has); times are RFC 3339 UTC, as in the journal file.
//! The README's "JSON for scripts" shows each shape.

use super::shapes::{self, KeptNote, List, ListPart, ListSection, NoteOf, Notes, PartOf};
use super::{Output, failure, journal_to_show};
use crate::journal::record::{Journal, ReadStatus};
use crate::toolkit::content::Toolkit;
use serde_json::{Map, Value, json};
use std::path::PathBuf;

/// A status in words, as `--json` gives it: `unread`, `read` or `revisited`.
pub fn status_word(status: ReadStatus) -> &'static str {
    match status {
        ReadStatus::Unread => "unread",
        ReadStatus::Read => "read",
        ReadStatus::Revisited => "revisited",
    }
}

/// Pretty JSON and a final newline, as every `--json` prints.
pub fn text(value: &Value) -> String {
    // A `Value` always serialises: its keys are strings.
    serde_json::to_string_pretty(value).unwrap_or_else(|_| "null".into()) + "\n"
}

/// `list --json`: the toolkit's parts in order and its sections in reading
/// order, each with its marks in words (status, bookmarked and its label,
/// whether it has a note).
pub fn list(toolkit: &Toolkit, journal: &Journal) -> Value {
    let parts = toolkit
        .parts
        .iter()
        .map(|part| ListPart {
            id: &part.id,
            outcomes: &part.outcomes,
            sections: part.sections.iter().map(|s| s.id.as_str()).collect(),
            title: &part.title,
        })
        .collect();
    let sections = toolkit
        .entries()
        .map(|entry| {
            let id = &entry.section.id;
            let bookmark = journal.records.bookmarks.get(id);
            ListSection {
                bookmarked: bookmark.is_some(),
                id,
                label: bookmark.and_then(|b| b.label.as_deref()),
                note: journal.records.notes.contains_key(id),
                number: entry.index + 1,
                part: &entry.part.id,
                status: status_word(journal.status(id)),
                title: &entry.section.title,
            }
        })
        .collect();
    shapes::value(List {
        parts,
        sections,
        title: &toolkit.title,
        version: &toolkit.version,
    })
}

/// `read --json`: one section as the toolkit file holds it (`data/SCHEMA.md`),
/// with its number and part; a scenario's feedback only with `answers`, as
/// in plain text.
pub fn section(toolkit: &Toolkit, index: usize, answers: bool) -> Value {
    let Some(entry) = toolkit.entry(index) else {
        return Value::Null;
    };
    let mut fields = match serde_json::to_value(entry.section) {
        Ok(Value::Object(fields)) => fields,
        _ => Map::new(),
    };
    if !answers {
        hide_feedback(&mut fields);
    }
    // The facilitator's notes are for whoever runs a walkthrough, shown
    // only by `present --notes`: never printed by `read`.
    fields.remove("facilitator_notes");
    let mut out = Map::new();
    out.insert("number".into(), json!(index + 1));
    let part = PartOf {
        id: &entry.part.id,
        title: &entry.part.title,
    };
    out.insert("part".into(), shapes::value(part));
    out.extend(fields);
    Value::Object(out)
}

/// Takes a scenario's feedback out (it is shown only with `--answers`).
fn hide_feedback(fields: &mut Map<String, Value>) {
    let options = fields
        .get_mut("choice")
        .and_then(|c| c.get_mut("options"))
        .and_then(Value::as_array_mut);
    for option in options.into_iter().flatten() {
        if let Some(option) = option.as_object_mut() {
            option.remove("feedback");
        }
    }
}

/// `read --all --json`: the toolkit's title, version and sources, and every
/// section in reading order (each as [`section`] gives it).
pub fn all_sections(toolkit: &Toolkit, answers: bool) -> Value {
    let sections: Vec<Value> = (0..toolkit.section_count())
        .map(|i| section(toolkit, i, answers))
        .collect();
    json!({ "title": toolkit.title, "version": toolkit.version,
            "sources": toolkit.sources, "sections": sections })
}

/// The number and title of a section id, `None`s (`null`s) for one the
/// toolkit no longer has.
fn place<'a>(toolkit: &'a Toolkit, id: &str) -> (Option<usize>, Option<&'a str>) {
    match toolkit.index_of(id).and_then(|i| toolkit.entry(i)) {
        Some(entry) => (Some(entry.index + 1), Some(entry.section.title.as_str())),
        None => (None, None),
    }
}

/// `notes --json`: every note keyed by section id, and the versions kept
/// aside when two copies of the app (or an import, or `note --replace`)
/// changed the same note, oldest first.
pub fn notes(toolkit: &Toolkit, journal: &Journal) -> Value {
    let notes = journal
        .records
        .notes
        .iter()
        .map(|(id, note)| {
            let (number, title) = place(toolkit, id);
            let shown = NoteOf {
                changed: note.changed,
                created: note.created,
                edits: note.edits,
                number,
                text: &note.text,
                title,
            };
            (id.as_str(), shown)
        })
        .collect();
    let also_kept = journal
        .records
        .superseded_notes
        .iter()
        .map(|kept| {
            let (number, title) = place(toolkit, &kept.section);
            KeptNote {
                changed: kept.changed,
                created: kept.created,
                number,
                section: &kept.section,
                text: &kept.text,
                title,
            }
        })
        .collect();
    shapes::value(Notes { also_kept, notes })
}

/// `journal --json`'s `sections`: every section's reading state keyed by
/// id, the toolkit's in full (unread ones too) and any the journal holds
/// that the toolkit no longer has (`number` is `null`).
pub fn section_states(toolkit: &Toolkit, journal: &Journal) -> Value {
    let mut states = Map::new();
    let ids = toolkit.entries().map(|e| e.section.id.as_str());
    let gone = journal
        .records
        .sections
        .keys()
        .map(String::as_str)
        .filter(|id| toolkit.index_of(id).is_none());
    for id in ids.chain(gone) {
        let (number, title) = place(toolkit, id);
        let status = journal.status(id);
        let record = journal.records.sections.get(id);
        let state = shapes::SectionState {
            first_read: record.map(|r| r.first_read),
            last_read: record.map(|r| r.last_read),
            number,
            read: status != ReadStatus::Unread,
            revisited: status == ReadStatus::Revisited,
            sessions: record.map_or(0, |r| r.sessions),
            status: status_word(status),
            title,
        };
        states.insert(id.to_owned(), shapes::value(state));
    }
    Value::Object(states)
}

/// `allyship list --json`: fails, like `notes`, when there is a journal
/// that can't be read, rather than calling every section unread.
pub fn list_output(toolkit: &Toolkit, data_dir: Option<PathBuf>) -> Output {
    match journal_to_show(data_dir) {
        Ok((journal, notices)) => Output::ok(text(&list(toolkit, &journal))).noting(&notices),
        Err(e) => failure(format!("{e}\n")),
    }
}

/// `allyship read --json`: one section, or with no query every section.
pub fn read_output(toolkit: &Toolkit, query: Option<&str>, answers: bool) -> Output {
    let Some(query) = query else {
        return Output::ok(text(&all_sections(toolkit, answers)));
    };
    match toolkit.resolve(query) {
        Ok(index) => Output::ok(text(&section(toolkit, index, answers))),
        Err(suggestions) => super::actions::not_found(toolkit, &[(query, suggestions)]),
    }
}

/// `allyship notes --json`.
pub fn notes_output(toolkit: &Toolkit, data_dir: Option<PathBuf>) -> Output {
    match journal_to_show(data_dir) {
        Ok((journal, notices)) => Output::ok(text(&notes(toolkit, &journal))).noting(&notices),
        Err(e) => failure(format!("{e}\n")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::journal::record::Session;
    use crate::toolkit::content::built_in;

    fn journal() -> Journal {
        let mut journal = Journal::new();
        let at = jiff::Timestamp::from_second(1_700_000_000).unwrap();
        let day = crate::journal::record::local_day(at);
        for session_id in ["s1", "s2"] {
            let mut session = Session::new(session_id);
            session.record_read("welcome", at, day);
            journal.apply(&session.pending, &session.id);
        }
        let mut session = Session::new("s3");
        session.record_read("tip-speak-up", at, day);
        session.record_read("gone-section", at, day);
        session.set_note("tip-speak-up", "say it", at);
        session.set_bookmark("tip-speak-up", Some("team".into()), at);
        journal.apply(&session.pending, &session.id);
        journal
    }

    #[test]
    fn list_gives_every_section_in_order_with_marks_in_words() {
        let toolkit = built_in();
        let value = list(&toolkit, &journal());
        let sections = value["sections"].as_array().unwrap();
        assert_eq!(sections.len(), toolkit.section_count());
        assert_eq!(sections[0]["id"], "welcome");
        assert_eq!(sections[0]["number"], 1);
        assert_eq!(sections[0]["status"], "revisited");
        let tip = sections.iter().find(|s| s["id"] == "tip-speak-up").unwrap();
        assert_eq!(tip["status"], "read");
        assert_eq!(tip["bookmarked"], true);
        assert_eq!(tip["label"], "team");
        assert_eq!(tip["note"], true);
        assert_eq!(sections[1]["status"], "unread");
        assert_eq!(sections[1]["bookmarked"], false);
        assert!(sections[1]["label"].is_null());
        let parts = value["parts"].as_array().unwrap();
        assert_eq!(parts.len(), toolkit.parts.len());
        assert_eq!(parts[0]["sections"][0], "welcome");
    }

    #[test]
    fn a_section_is_its_schema_shape_with_number_and_part() {
        let toolkit = built_in();
        let index = toolkit.index_of("tip-speak-up").unwrap();
        let value = section(&toolkit, index, false);
        assert_eq!(value["id"], "tip-speak-up");
        assert_eq!(value["number"], index + 1);
        assert_eq!(value["part"]["id"], "top-tips");
        assert!(value["blocks"].is_array());
        assert!(!value["reflect"].as_array().unwrap().is_empty());
    }

    #[test]
    fn feedback_shows_only_with_answers() {
        let toolkit = built_in();
        let index = toolkit
            .entries()
            .find(|e| e.section.choice.is_some())
            .map(|e| e.index)
            .expect("a scenario");
        let hidden = section(&toolkit, index, false);
        let shown = section(&toolkit, index, true);
        assert!(hidden["choice"]["options"][0].get("feedback").is_none());
        assert!(hidden["choice"]["options"][0]["text"].is_string());
        assert!(shown["choice"]["options"][0]["feedback"].is_string());
        let all = all_sections(&toolkit, false);
        assert_eq!(all["sections"][index], hidden);
        assert_eq!(
            all["sections"].as_array().unwrap().len(),
            toolkit.section_count()
        );
    }

    #[test]
    fn notes_are_keyed_by_section_id() {
        let toolkit = built_in();
        let mut journal = journal();
        let at = jiff::Timestamp::from_second(1_700_000_100).unwrap();
        journal.set_aside(
            "tip-speak-up",
            &crate::journal::record::Note {
                text: "older".into(),
                created: at,
                changed: at,
                ..Default::default()
            },
        );
        let value = notes(&toolkit, &journal);
        let note = &value["notes"]["tip-speak-up"];
        assert_eq!(note["text"], "say it");
        assert_eq!(note["edits"], 1);
        assert_eq!(
            note["number"],
            toolkit.index_of("tip-speak-up").unwrap() + 1
        );
        assert_eq!(value["also_kept"][0]["section"], "tip-speak-up");
        assert_eq!(value["also_kept"][0]["text"], "older");
    }

    #[test]
    fn section_states_cover_every_section_and_ids_no_longer_here() {
        let toolkit = built_in();
        let value = section_states(&toolkit, &journal());
        let states = value.as_object().unwrap();
        assert_eq!(states.len(), toolkit.section_count() + 1);
        let welcome = &states["welcome"];
        assert_eq!(welcome["read"], true);
        assert_eq!(welcome["revisited"], true);
        assert_eq!(welcome["sessions"], 2);
        assert_eq!(welcome["first_read"], "2023-11-14T22:13:20Z");
        let unread = &states["tip-listen-actively"];
        assert_eq!(unread["read"], false);
        assert_eq!(unread["sessions"], 0);
        assert!(unread["first_read"].is_null());
        assert!(states["gone-section"]["number"].is_null());
        assert_eq!(states["gone-section"]["status"], "read");
    }
}
