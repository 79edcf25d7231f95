//! The shape of a toolkit file (which fields, of which kinds), checked on
//! the parsed JSON so that every misshapen field is reported at once, with
//! its line and column, rather than only the first one serde meets. Each
//! problem is repaired in the parsed value (an unknown field dropped, a
//! missing or wrong one given an empty value) so the meaning checks can
//! still run over the rest of the file.
//!
//! Used only when a file does not load as it is: a file that loads never
//! pays for this.

use super::{Loaded, Place, Problem, Severity, Toolkit};
use serde_json::{Map, Value};

mod schema;
mod spots;
use schema::Need::{Nullable, Required};
use schema::Shape::{List, Object, OneOf, Text};
use schema::{Field, Shape, TOOLKIT, empty, empty_block, found_kind, kind, names};
use spots::{Spots, child};

/// Loads a file that parsed as JSON but not as a toolkit: every misshapen
/// field, then every problem of meaning in the rest. `first` is serde's
/// own error, reported should this check find nothing (it never reports
/// less than serde did).
pub(super) fn load_misshapen(text: &str, first: &serde_json::Error) -> Loaded {
    let mut value: Value = match serde_json::from_str(text) {
        Ok(value) => value,
        // Bad JSON after the first misshapen field: both are real.
        Err(syntax) => {
            return Loaded {
                toolkit: None,
                problems: vec![at_serde(first), at_serde(&syntax)],
            };
        }
    };
    let spots = spots::scan(text);
    let mut walk = Walk {
        spots: &spots,
        problems: Vec::new(),
        repaired: Vec::new(),
    };
    for (path, spot) in &spots.repeated {
        let name = path.rsplit('/').next().unwrap_or_default();
        walk.report(*spot, format!("the field \"{name}\" is given twice"));
    }
    walk.value(&mut value, &Object(TOOLKIT), "", &Owner::top());
    let Walk {
        mut problems,
        repaired,
        ..
    } = walk;
    problems.sort_by_key(|p| match p.place {
        Place::Text { line, column } => (line, column),
        Place::Field { .. } | Place::File { .. } => (usize::MAX, 0),
    });
    match serde_json::from_value::<Toolkit>(value) {
        Ok(toolkit) if !problems.is_empty() => {
            let follows = |p: &Problem| match &p.place {
                Place::Field { owner, field } => repaired.iter().any(|(o, f)| {
                    o.as_ref().is_none_or(|o| o == owner)
                        && (f == "*" || field == f || field.starts_with(&format!("{f} ")))
                }),
                Place::Text { .. } | Place::File { .. } => false,
            };
            let meaning = super::validate(&toolkit);
            problems.extend(meaning.into_iter().filter(|p| !follows(p)));
        }
        _ => {
            if problems.is_empty() {
                problems.push(at_serde(first));
            }
        }
    }
    Loaded {
        toolkit: None,
        problems,
    }
}

/// A problem at the place serde gives, with serde's own words.
pub(super) fn at_serde(e: &serde_json::Error) -> Problem {
    Problem {
        severity: Severity::Error,
        place: Place::Text {
            line: e.line(),
            column: e.column(),
        },
        message: e.to_string().split(" at line ").next().unwrap_or("").into(),
    }
}

/// Who a field belongs to, as the meaning checks name it (`section "a"`),
/// and the field's name within it so far (`block 3, link 2`).
#[derive(Debug, Clone)]
struct Owner {
    name: String,
    within: Vec<String>,
}

impl Owner {
    fn top() -> Self {
        Owner {
            name: "toolkit".into(),
            within: Vec::new(),
        }
    }

    /// The owner and field for a problem with `name`.
    fn describe(&self, name: &str) -> String {
        let mut parts = self.within.clone();
        if !name.is_empty() {
            parts.push(name.into());
        }
        if parts.is_empty() {
            self.name.clone()
        } else {
            format!("{}, {}", self.name, parts.join(", "))
        }
    }

    fn first_field(&self, name: &str) -> String {
        self.within.first().cloned().unwrap_or_else(|| name.into())
    }
}

struct Walk<'a> {
    spots: &'a Spots,
    problems: Vec<Problem>,
    /// Fields given an empty value (owner, field; no owner: every owner):
    /// the meaning checks would only say again that they are empty.
    repaired: Vec<(Option<String>, String)>,
}

impl Walk<'_> {
    fn report(&mut self, (line, column): (usize, usize), message: String) {
        self.problems.push(Problem {
            severity: Severity::Error,
            place: Place::Text { line, column },
            message,
        });
    }

    fn repaired(&mut self, owner: &Owner, name: &str) {
        // A source, part or section replaced whole: all it would say is
        // that it is empty.
        let whole = owner.within.is_empty() && name.is_empty();
        let field = if whole {
            "*".into()
        } else {
            owner.first_field(name)
        };
        self.repaired
            .push((Some(owner.name.clone()), field.clone()));
        // With no sources, every section's source would be unknown.
        if owner.name == "toolkit" && field == "sources" {
            self.repaired.push((None, "source".into()));
        }
    }

    /// Checks `value` against `shape`, repairing it; `name` is how the
    /// value is called within its owner ("" for an owner itself).
    fn value(&mut self, value: &mut Value, shape: &Shape, path: &str, owner: &Owner) {
        match (shape, &mut *value) {
            (Text, Value::String(_)) => {}
            (List(item), Value::Array(items)) => {
                for (n, value) in items.iter_mut().enumerate() {
                    let path = child(path, &n.to_string());
                    let owner = item_owner(owner, path.as_str(), value, n, item);
                    self.value(value, item, &path, &owner);
                }
            }
            (Object(fields), Value::Object(map)) => self.object(map, fields, path, owner),
            (OneOf(fields), Value::Object(map)) if map.len() == 1 => {
                let Some((key, inner)) = map.iter_mut().next() else {
                    return;
                };
                match fields.iter().find(|f| f.name == key) {
                    Some(f) => {
                        let mut within = owner.clone();
                        within.within.push(key.clone());
                        self.value(inner, &f.shape, &child(path, key), &within);
                    }
                    None => {
                        let spot = self.spots.of(&child(path, key));
                        let message = format!(
                            "{}: \"{key}\" is not a kind of block (one of {})",
                            owner.describe(""),
                            names(fields)
                        );
                        self.report(spot, message);
                        *value = empty_block();
                    }
                }
            }
            (OneOf(fields), _) => {
                let message = format!(
                    "{}: a block is an object with one of {}",
                    owner.describe(""),
                    names(fields)
                );
                self.report(self.spots.of(path), message);
                *value = empty_block();
            }
            (shape, found) => {
                let message = format!(
                    "{} should be {}, not {}",
                    owner.describe(""),
                    kind(shape),
                    found_kind(found)
                );
                self.report(self.spots.of(path), message);
                self.repaired(owner, "");
                *value = empty(shape);
            }
        }
    }

    fn object(
        &mut self,
        map: &mut Map<String, Value>,
        fields: &[Field],
        path: &str,
        owner: &Owner,
    ) {
        let unknown: Vec<String> = map
            .keys()
            .filter(|key| !fields.iter().any(|f| f.name == key.as_str()))
            .cloned()
            .collect();
        for key in unknown {
            map.remove(&key);
            let message = format!(
                "{}: unknown field \"{key}\" (the fields are {})",
                owner.describe(""),
                names(fields)
            );
            self.report(self.spots.of(&child(path, &key)), message);
        }
        for f in fields {
            let at = child(path, f.name);
            let mut within = owner.clone();
            within.within.push(f.name.into());
            match map.get_mut(f.name) {
                Some(Value::Null) if f.need == Nullable => {}
                Some(value) => match (&f.shape, &*value) {
                    (Text, Value::String(_))
                    | (List(_), Value::Array(_))
                    | (Object(_) | OneOf(_), Value::Object(_)) => {
                        self.value(value, &f.shape, &at, &within);
                    }
                    (shape, found) => {
                        let message = format!(
                            "{}: \"{}\" should be {}, not {}",
                            owner.describe(""),
                            f.name,
                            kind(shape),
                            found_kind(found)
                        );
                        self.report(self.spots.of(&at), message);
                        self.repaired(owner, f.name);
                        if f.need == Required {
                            *value = empty(shape);
                        } else {
                            map.remove(f.name);
                        }
                    }
                },
                None if f.need == Required => {
                    let message = format!(
                        "{}: the field \"{}\" is missing",
                        owner.describe(""),
                        f.name
                    );
                    self.report(self.spots.of(path), message);
                    self.repaired(owner, f.name);
                    map.insert(f.name.into(), empty(&f.shape));
                }
                None => {}
            }
        }
    }
}

/// Who an item of a list belongs to: sources, parts and sections are their
/// own owners (named by id, as the meaning checks name them); anything else
/// is "block 3", "link 2" within its owner.
fn item_owner(owner: &Owner, path: &str, value: &Value, n: usize, shape: &Shape) -> Owner {
    let kind = match path.rsplit('/').nth(1) {
        Some("sources") if owner.name == "toolkit" => Some("source"),
        Some("parts") if owner.name == "toolkit" => Some("part"),
        Some("sections") if owner.name.starts_with("part ") => Some("section"),
        _ => None,
    };
    match (kind, shape) {
        (Some(kind), Object(_)) => {
            let id = value.get("id").and_then(Value::as_str).unwrap_or_default();
            Owner {
                name: format!("{kind} \"{id}\""),
                within: Vec::new(),
            }
        }
        _ => {
            let mut owner = owner.clone();
            let list = owner.within.pop().unwrap_or_default();
            let one = match list.as_str() {
                "reflect" | "discuss" => list.clone(),
                other => other.strip_suffix('s').unwrap_or(other).to_string(),
            };
            owner.within.push(format!("{one} {}", n + 1));
            owner
        }
    }
}

#[cfg(test)]
mod tests;
