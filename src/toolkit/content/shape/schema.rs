//! The shape of a toolkit file: which fields each object has, of which
//! kind, and which may be left out, written out from the types in
//! `content.rs` and `content/practice.rs` (a test checks the two agree
//! field by field).

use serde_json::Value;

/// What a value must be.
#[derive(Debug)]
pub(super) enum Shape {
    /// A string.
    Text,
    /// A list of values of one shape.
    List(&'static Shape),
    /// An object with these fields.
    Object(&'static [Field]),
    /// An object with exactly one of these fields (a block of a section).
    OneOf(&'static [Field]),
}

/// Whether a field may be left out (or given as null).
#[derive(Debug, PartialEq)]
pub(super) enum Need {
    /// Must be given.
    Required,
    /// May be left out, but not null.
    Optional,
    /// May be left out or null.
    Nullable,
}

/// One field of an object.
#[derive(Debug)]
pub(super) struct Field {
    /// Its key.
    pub(super) name: &'static str,
    /// What its value must be.
    pub(super) shape: Shape,
    /// Whether it may be left out.
    pub(super) need: Need,
}

const fn field(name: &'static str, shape: Shape, need: Need) -> Field {
    Field { name, shape, need }
}

use Need::{Nullable, Optional, Required};
use Shape::{List, Object, OneOf, Text};

/// A whole toolkit.
pub(super) const TOOLKIT: &[Field] = &[
    field("title", Text, Required),
    field("version", Text, Required),
    field("sources", List(&Object(SOURCE)), Required),
    field("parts", List(&Object(PART)), Required),
];
const SOURCE: &[Field] = &[
    field("id", Text, Required),
    field("title", Text, Required),
    field("publisher", Text, Required),
    field("date", Text, Nullable),
];
const PART: &[Field] = &[
    field("id", Text, Required),
    field("title", Text, Required),
    field("outcomes", List(&Text), Optional),
    field("sections", List(&Object(SECTION)), Required),
];
const SECTION: &[Field] = &[
    field("id", Text, Required),
    field("title", Text, Required),
    field("source", Text, Required),
    field("blocks", List(&OneOf(BLOCK)), Required),
    field("reflect", List(&Text), Optional),
    field("discuss", List(&Text), Optional),
    field("choice", Object(CHOICE), Nullable),
    field("facilitator_notes", List(&Text), Optional),
];
const BLOCK: &[Field] = &[
    field("paragraph", Text, Required),
    field("points", List(&Text), Required),
    field("quote", Object(QUOTE), Required),
    field("links", List(&Object(LINK)), Required),
];
const QUOTE: &[Field] = &[field("text", Text, Required), field("by", Text, Required)];
const LINK: &[Field] = &[
    field("title", Text, Optional),
    field("url", Text, Nullable),
    field("section", Text, Nullable),
    field("by", Text, Nullable),
    field("kind", Text, Nullable),
];
const CHOICE: &[Field] = &[
    field("question", Text, Required),
    field("options", List(&Object(OPTION)), Required),
];
const OPTION: &[Field] = &[
    field("text", Text, Required),
    field("feedback", Text, Required),
    field("section", Text, Nullable),
];

/// What a block that is not one becomes: an empty paragraph, so the
/// blocks after it keep their numbers.
pub(super) fn empty_block() -> Value {
    serde_json::json!({ "paragraph": "" })
}

/// An empty value of a shape, with every required field, to check the rest by.
pub(super) fn empty(shape: &Shape) -> Value {
    match shape {
        Text => Value::String(String::new()),
        List(_) => Value::Array(Vec::new()),
        OneOf(_) => empty_block(),
        Object(fields) => Value::Object(
            fields
                .iter()
                .filter(|f| f.need == Required)
                .map(|f| (f.name.to_string(), empty(&f.shape)))
                .collect(),
        ),
    }
}

/// How the problems name what a shape wants ("a list").
pub(super) fn kind(shape: &Shape) -> &'static str {
    match shape {
        Text => "text",
        List(_) => "a list",
        Object(_) | OneOf(_) => "an object",
    }
}

/// How the problems name what was found instead ("a number").
pub(super) fn found_kind(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "true or false",
        Value::Number(_) => "a number",
        Value::String(_) => "text",
        Value::Array(_) => "a list",
        Value::Object(_) => "an object",
    }
}

/// "id, title or source".
pub(super) fn names(fields: &[Field]) -> String {
    let names: Vec<&str> = fields.iter().map(|f| f.name).collect();
    match names.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{} or {last}", rest.join(", ")),
        _ => names.concat(),
    }
}
