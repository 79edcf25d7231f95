//! Where each value of a JSON text is, by its path, so a problem found in
//! the parsed value can be reported at its line and column. Only used on
//! text that has already parsed as JSON, and only when a toolkit did not
//! load, so it favours being short over being fast.

use std::collections::HashMap;

/// A line and column (1-based; columns count characters, as editors do).
pub type Spot = (usize, usize);

/// Every value's place by its path (`/parts/0/sections/2/title`); a member
/// of an object is placed at its key, an item of a list at its first
/// character. Keys given twice in one object are listed too.
#[derive(Debug, Default)]
pub struct Spots {
    places: HashMap<String, Spot>,
    /// The path and place of each key given again in the same object.
    pub repeated: Vec<(String, Spot)>,
}

impl Spots {
    /// The place of `path`, or of the nearest value that holds it.
    pub fn of(&self, path: &str) -> Spot {
        let mut path = path;
        loop {
            if let Some(spot) = self.places.get(path) {
                return *spot;
            }
            match path.rfind('/') {
                Some(cut) => path = &path[..cut],
                None => return (1, 1),
            }
        }
    }
}

/// A path one step down: `path/key`, with `~` and `/` in keys escaped as in
/// a JSON pointer.
pub fn child(path: &str, key: &str) -> String {
    format!("{path}/{}", key.replace('~', "~0").replace('/', "~1"))
}

enum Frame {
    Object { path: String, key: Option<String> },
    List { path: String, index: usize },
}

/// Scans `text` (valid JSON) for the place of every value.
pub fn scan(text: &str) -> Spots {
    let mut spots = Spots::default();
    let mut stack: Vec<Frame> = Vec::new();
    let mut seen: Vec<std::collections::HashSet<String>> = Vec::new();
    let (mut line, mut column) = (1, 1);
    let mut chars = text.chars().peekable();
    // The path of the value starting here, and whether to record it (an
    // object's member was recorded at its key).
    let here = |stack: &[Frame]| -> (String, bool) {
        match stack.last() {
            None => (String::new(), true),
            Some(Frame::Object { path, key }) => {
                (child(path, key.as_deref().unwrap_or_default()), false)
            }
            Some(Frame::List { path, index }) => (child(path, &index.to_string()), true),
        }
    };
    while let Some(c) = chars.next() {
        let spot = (line, column);
        if c == '\n' {
            line += 1;
            column = 1;
            continue;
        }
        column += 1;
        match c {
            '{' | '[' => {
                let (path, record) = here(&stack);
                if record {
                    spots.places.insert(path.clone(), spot);
                }
                if c == '{' {
                    stack.push(Frame::Object { path, key: None });
                    seen.push(Default::default());
                } else {
                    stack.push(Frame::List { path, index: 0 });
                }
            }
            '}' | ']' => {
                if let Some(Frame::Object { .. }) = stack.pop() {
                    seen.pop();
                }
            }
            ',' => match stack.last_mut() {
                Some(Frame::List { index, .. }) => *index += 1,
                Some(Frame::Object { key, .. }) => *key = None,
                None => {}
            },
            '"' => {
                let mut raw = String::from('"');
                let mut escaped = false;
                for c in chars.by_ref() {
                    column += 1;
                    raw.push(c);
                    if escaped {
                        escaped = false;
                    } else if c == '\\' {
                        escaped = true;
                    } else if c == '"' {
                        break;
                    }
                }
                match stack.last_mut() {
                    Some(Frame::Object { path, key }) if key.is_none() => {
                        let name: String = serde_json::from_str(&raw).unwrap_or_default();
                        let at = child(path, &name);
                        let fresh = seen.last_mut().is_none_or(|s| s.insert(name.clone()));
                        if fresh {
                            spots.places.insert(at, spot);
                        } else {
                            spots.repeated.push((at, spot));
                        }
                        *key = Some(name);
                    }
                    _ => {
                        let (path, record) = here(&stack);
                        if record {
                            spots.places.insert(path, spot);
                        }
                    }
                }
            }
            c if c.is_whitespace() || c == ':' => {}
            _ => {
                // A number, true, false or null: record it, skip the rest.
                let (path, record) = here(&stack);
                if record {
                    spots.places.insert(path, spot);
                }
                while chars
                    .peek()
                    .is_some_and(|c| !matches!(c, ',' | ']' | '}') && !c.is_whitespace())
                {
                    chars.next();
                    column += 1;
                }
            }
        }
    }
    spots
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn members_are_placed_at_their_keys_and_items_at_their_start() {
        let text = "{\n  \"a\": [1, {\"b\": true}],\n  \"c/d\": \"x\\\"y\",\n  \"a\": null\n}";
        let spots = scan(text);
        assert_eq!(spots.of(""), (1, 1));
        assert_eq!(spots.of("/a"), (2, 3));
        assert_eq!(spots.of("/a/0"), (2, 9));
        assert_eq!(spots.of("/a/1"), (2, 12));
        assert_eq!(spots.of("/a/1/b"), (2, 13));
        assert_eq!(spots.of("/c~1d"), (3, 3));
        // Not in the text: the nearest value holding it.
        assert_eq!(spots.of("/a/1/missing"), (2, 12));
        assert_eq!(spots.repeated, vec![("/a".to_string(), (4, 3))]);
    }

    #[test]
    fn text_after_non_ascii_characters_is_placed_by_character() {
        let spots = scan("{\"é€\": 1, \"b\": 2}");
        assert_eq!(spots.of("/b"), (1, 11));
    }
}
