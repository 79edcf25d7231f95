use super::*;
use crate::toolkit::content::{BUILT_IN, load};

/// A toolkit using every field the format has, each optional one given.
fn every_field() -> Value {
    serde_json::json!({
        "title": "T", "version": "1",
        "sources": [{"id": "s", "title": "S", "publisher": "P", "date": "2024"}],
        "parts": [{"id": "p", "title": "P", "outcomes": ["do this", "do that"], "sections": [
            {"id": "a", "title": "A", "source": "s",
             "blocks": [
                {"paragraph": "Hello there."},
                {"points": ["one", "two"]},
                {"quote": {"text": "Words.", "by": "Someone"}},
                {"links": [
                    {"title": "Web", "url": "https://example.org/", "by": "B", "kind": "web"},
                    {"section": "b"}
                ]}
             ],
             "reflect": ["Why?"], "discuss": ["How?"],
             "choice": {"question": "What now?", "options": [
                {"text": "x", "feedback": "fx \"B\"", "section": "b"},
                {"text": "y", "feedback": "fy \"B\"", "section": "b"},
                {"text": "z", "feedback": "fz \"B\"", "section": "b"}
             ]}},
            {"id": "b", "title": "B", "source": "s",
             "blocks": [{"paragraph": "More."}], "reflect": ["Why?"]}
        ]}]
    })
}

/// The problems `load` finds in `value`, as lines.
fn report(value: &Value) -> Vec<String> {
    let text = serde_json::to_string_pretty(value).unwrap();
    load(&text)
        .problems
        .iter()
        .map(ToString::to_string)
        .collect()
}

/// Every object in `value`, by path.
fn objects(value: &Value, path: String, out: &mut Vec<String>) {
    match value {
        Value::Object(map) => {
            out.push(path.clone());
            for (key, inner) in map {
                objects(inner, child(&path, key), out);
            }
        }
        Value::Array(items) => {
            for (n, inner) in items.iter().enumerate() {
                objects(inner, child(&path, &n.to_string()), out);
            }
        }
        _ => {}
    }
}

fn shape_problems(value: &Value) -> usize {
    let text = value.to_string();
    let spots = spots::scan(&text);
    let mut walk = Walk {
        spots: &spots,
        problems: Vec::new(),
        repaired: Vec::new(),
    };
    walk.value(&mut value.clone(), &Object(TOOLKIT), "", &Owner::top());
    walk.problems.len()
}

#[test]
fn the_shapes_agree_with_the_types_field_by_field() {
    let full = every_field();
    assert!(serde_json::from_value::<Toolkit>(full.clone()).is_ok());
    assert_eq!(shape_problems(&full), 0);
    let builtin: Value = serde_json::from_str(BUILT_IN).unwrap();
    assert_eq!(shape_problems(&builtin), 0);
    let mut paths = Vec::new();
    objects(&full, String::new(), &mut paths);
    let mut changes = 0;
    for path in &paths {
        let keys: Vec<String> = full
            .pointer(path)
            .and_then(Value::as_object)
            .map(|m| m.keys().cloned().collect())
            .unwrap_or_default();
        let mut variants: Vec<Value> = Vec::new();
        let mut unknown = full.clone();
        unknown.pointer_mut(path).unwrap()["no-such-field"] = 1.into();
        variants.push(unknown);
        for key in &keys {
            for change in [None, Some(Value::Null), Some(7.into()), Some(true.into())] {
                let mut changed = full.clone();
                let map = changed.pointer_mut(path).unwrap().as_object_mut().unwrap();
                match change {
                    None => drop(map.remove(key)),
                    Some(v) => drop(map.insert(key.clone(), v)),
                }
                variants.push(changed);
            }
        }
        for variant in variants {
            changes += 1;
            let typed = serde_json::from_value::<Toolkit>(variant.clone()).is_ok();
            let shaped = shape_problems(&variant) == 0;
            assert_eq!(
                typed, shaped,
                "serde and the shape differ at {path}:\n{variant:#}"
            );
        }
    }
    assert!(changes > 100, "{changes}");
}

#[test]
fn every_problem_in_a_file_is_reported_at_once_with_its_place() {
    let mut v = every_field();
    v["titel"] = "typo".into();
    v["version"] = 2.into();
    let part = &mut v["parts"][0];
    part["title"] = " ".into();
    let section = &mut part["sections"][0];
    section["blokcs"] = serde_json::json!([]);
    section["source"] = "nowhere".into();
    section["blocks"][3]["links"][0]["adress"] = "x".into();
    section["blocks"][3]["links"][0]["url"] = "ftp://x".into();
    section["choice"]["options"][1]
        .as_object_mut()
        .unwrap()
        .remove("feedback");
    let other = &mut v["parts"][0]["sections"][1];
    other.as_object_mut().unwrap().remove("title");
    other["blocks"][0] = serde_json::json!({"picture": "x.png"});
    let problems = report(&v);
    let joined = problems.join("\n");
    for needle in [
        "toolkit: unknown field \"titel\"",
        "toolkit: \"version\" should be text, not a number",
        "section \"a\": unknown field \"blokcs\"",
        "section \"a\", block 4, link 1: unknown field \"adress\"",
        "section \"a\", choice, option 2: the field \"feedback\" is missing",
        "section \"b\": the field \"title\" is missing",
        "section \"b\", block 1: \"picture\" is not a kind of block",
        // Problems of meaning in the rest of the file.
        "part \"p\", title: the title is empty",
        "\"nowhere\" is not one of the toolkit's sources",
        "\"ftp://x\" is not a web address",
    ] {
        assert!(joined.contains(needle), "missing {needle:?} in\n{joined}");
    }
    // Every misshapen field has a line and column.
    let placed = problems.iter().filter(|p| p.contains(": line ")).count();
    assert_eq!(placed, 7, "{joined}");
    // What was missing is not also reported as empty.
    assert!(!joined.contains("section \"b\", title"), "{joined}");
    assert!(!joined.contains("has no feedback"), "{joined}");
    assert_eq!(problems.len(), 10, "{joined}");
}

#[test]
fn places_are_the_lines_and_columns_of_the_fields() {
    let text = "{\n  \"title\": \"T\",\n  \"version\": 1,\n  \"sources\": [],\n  \"parts\": [],\n  \"extra\": true,\n  \"title\": \"again\"\n}";
    let problems: Vec<String> = load(text)
        .problems
        .iter()
        .map(ToString::to_string)
        .collect();
    assert_eq!(
        problems,
        [
            "error: line 3, column 3: toolkit: \"version\" should be text, not a number",
            "error: line 6, column 3: toolkit: unknown field \"extra\" (the fields are \
             title, version, sources or parts)",
            "error: line 7, column 3: the field \"title\" is given twice",
            "error: toolkit, parts: there are no parts",
        ]
    );
}

#[test]
fn a_section_that_is_not_an_object_is_one_problem() {
    let mut v = every_field();
    v["parts"][0]["sections"][0] = 5.into();
    let problems = report(&v);
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(problems[0].contains("section \"\" should be an object, not a number"));
}

#[test]
fn a_missing_list_of_sources_does_not_make_every_source_unknown() {
    let mut v = every_field();
    v.as_object_mut().unwrap().remove("sources");
    let problems = report(&v);
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(problems[0].contains("the field \"sources\" is missing"));
}

#[test]
fn bad_json_after_a_misshapen_field_is_reported_too() {
    let loaded = load("{\"titel\": 1,\n  oops }");
    let lines: Vec<String> = loaded.problems.iter().map(ToString::to_string).collect();
    assert_eq!(lines.len(), 2, "{lines:?}");
    assert!(lines[0].contains("titel"), "{lines:?}");
    assert!(lines[1].starts_with("error: line 2, column 3"), "{lines:?}");
}

#[test]
fn a_file_that_is_json_but_no_object_is_one_problem() {
    for text in ["[]", "5", "\"toolkit\"", "null"] {
        let loaded = load(text);
        assert!(loaded.toolkit.is_none());
        assert_eq!(loaded.problems.len(), 1, "{text}: {:?}", loaded.problems);
    }
}
