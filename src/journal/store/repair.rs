//! Mending a journal that is whole JSON but holds a value out of range (a
//! time after the year 9999, a 30 February, a choice of -1 or 2.5): rather
//! than set the whole journal aside, that one value is clamped (a time to
//! the latest one there can be, a day to its month's last) or, where it
//! can't be, the one entry holding it is left out; everything else is
//! kept, and the person is told which. The file as it was is copied aside
//! byte for byte by the caller before anything is written over it.

use crate::journal::record::Journal;
use serde_json::{Map, Value};

/// The journal in `bytes` with its out-of-range values mended, and one line
/// per change saying where and what; `None` if it is not a JSON object
/// with a version, or still does not read once mended.
pub(super) fn repair(bytes: &[u8]) -> Option<(Journal, Vec<String>)> {
    let Ok(Value::Object(mut top)) = serde_json::from_slice::<Value>(bytes) else {
        return None;
    };
    let version = top.get("version")?.clone();
    let mut changes = Vec::new();
    let fields: Vec<String> = top.keys().cloned().collect();
    for field in fields {
        if field == "version" || field == "ids" {
            continue;
        }
        let context = Context {
            version: &version,
            ids: top.get("ids").filter(|_| field == "days"),
            field: &field,
        };
        let Some(value) = top.get(&field).cloned() else {
            continue;
        };
        // A field of the wrong shape altogether is a broken file, not a
        // value out of range: the caller sets the file aside whole.
        let mended = context.mend_field(value, &mut changes)?;
        top.insert(field, mended);
    }
    let journal = serde_json::from_value::<Journal>(Value::Object(top)).ok()?;
    Some((journal, changes))
}

/// What one field of the journal is checked with: the version, and for
/// the days the table of ids they point into.
struct Context<'a> {
    version: &'a Value,
    ids: Option<&'a Value>,
    field: &'a str,
}

impl Context<'_> {
    /// Whether a journal holding only `value` under this field reads.
    fn reads(&self, value: &Value) -> bool {
        let mut doc = Map::new();
        doc.insert("version".into(), self.version.clone());
        if let Some(ids) = self.ids {
            doc.insert("ids".into(), ids.clone());
        }
        doc.insert(self.field.to_owned(), value.clone());
        serde_json::from_value::<Journal>(Value::Object(doc)).is_ok()
    }

    /// The field as it reads, entry by entry; `None` when it is not a map
    /// or a list of entries (nothing to mend one by one).
    fn mend_field(&self, value: Value, changes: &mut Vec<String>) -> Option<Value> {
        if self.reads(&value) {
            return Some(value);
        }
        let field = self.field;
        match value {
            Value::Object(entries) => {
                let taken: Vec<String> = entries.keys().cloned().collect();
                let mut kept = Map::new();
                for (key, entry) in entries {
                    let place = format!("{field} → {key}");
                    // A day that can't be (30 February), as a key: its
                    // month's last day, unless that day is there already.
                    let as_day = mend_text(&key)
                        .filter(|day| !taken.contains(day) && self.reads(&one(day, &entry)));
                    if let Some(day) = as_day {
                        changes.push(format!("{place}: the day set to {day}"));
                        kept.insert(day, entry);
                        continue;
                    }
                    let alone = |v: &Value| self.reads(&one(&key, v));
                    match mend_entry(entry, &alone, &place, changes) {
                        Some(entry) => {
                            kept.insert(key, entry);
                        }
                        None => changes.push(format!("{place}: left out")),
                    }
                }
                Some(Value::Object(kept))
            }
            Value::Array(items) => {
                let mut kept = Vec::new();
                for (n, item) in items.into_iter().enumerate() {
                    let place = format!("{field} → {}", n + 1);
                    let alone = |v: &Value| self.reads(&Value::Array(vec![v.clone()]));
                    match mend_entry(item, &alone, &place, changes) {
                        Some(item) => kept.push(item),
                        None => changes.push(format!("{place}: left out")),
                    }
                }
                Some(Value::Array(kept))
            }
            _ => None,
        }
    }
}

/// `{key: value}`.
fn one(key: &str, value: &Value) -> Value {
    Value::Object(Map::from_iter([(key.to_owned(), value.clone())]))
}

/// `entry` mended so that `reads` holds, each value clamped where it can
/// be; `None` when it can't be.
fn mend_entry(
    entry: Value,
    reads: &dyn Fn(&Value) -> bool,
    place: &str,
    changes: &mut Vec<String>,
) -> Option<Value> {
    if reads(&entry) {
        return Some(entry);
    }
    let Value::Object(fields) = entry else {
        return None;
    };
    let mut mended = fields.clone();
    let mut said = Vec::new();
    for (name, value) in &fields {
        if let Some(text) = value.as_str().and_then(mend_text) {
            said.push(format!("{place} → {name}: set to {text}"));
            mended.insert(name.clone(), Value::String(text));
        }
    }
    let mended = Value::Object(mended);
    if reads(&mended) {
        changes.extend(said);
        return Some(mended);
    }
    None
}

/// A time or a day that can't be, made one that can: a time past the
/// latest (or before the earliest) there can be becomes that one, and a
/// day past its month's end becomes the month's last day. `None` for any
/// other text (left as it is).
fn mend_text(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let dated = bytes.len() >= 10
        && bytes[4] == b'-'
        && bytes[7] == b'-'
        && text.is_char_boundary(10)
        && text[..4].bytes().all(|b| b.is_ascii_digit());
    if !dated {
        return None;
    }
    if bytes.len() == 10 {
        if text.parse::<jiff::civil::Date>().is_ok() {
            return None;
        }
        let year: i16 = text[..4].parse().ok()?;
        let month: i8 = text[5..7].parse().ok()?;
        let day: i8 = text[8..10].parse().ok()?;
        let first = jiff::civil::Date::new(year, month, 1).ok()?;
        let last = first.last_of_month();
        return (day > last.day()).then(|| last.to_string());
    }
    if bytes[10] != b'T' || text.parse::<jiff::Timestamp>().is_ok() {
        return None;
    }
    // Whole as a civil time (its offset aside), and only out of range.
    let civil = text[..19].parse::<jiff::civil::DateTime>().ok()?;
    let latest = civil.year() >= 9999;
    Some(
        if latest {
            jiff::Timestamp::MAX
        } else {
            jiff::Timestamp::MIN
        }
        .to_string(),
    )
    .filter(|_| latest || civil.year() <= -9999)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_impossible_times_and_days_are_mended() {
        assert_eq!(mend_text("2026-02-30").as_deref(), Some("2026-02-28"));
        assert_eq!(mend_text("2024-02-31").as_deref(), Some("2024-02-29"));
        assert_eq!(mend_text("2026-02-28"), None);
        assert_eq!(mend_text("2026-13-01"), None, "no month to clamp to");
        let latest = mend_text("9999-12-31T23:59:59Z").expect("clamped");
        assert!(latest.parse::<jiff::Timestamp>().is_ok(), "{latest}");
        assert_eq!(mend_text("2026-01-01T10:00:00Z"), None);
        assert_eq!(mend_text("an ordinary note"), None);
        assert_eq!(mend_text("2026-01-01 and then some words"), None);
    }
}
