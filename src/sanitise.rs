//! The one place that makes text from outside safe to print: notes, labels,
//! section ids, toolkit text and file names can hold terminal control
//! sequences (a clipboard write with OSC 52, a disguised link with OSC 8, a
//! title change, a switch of screen), so everything the plain commands and
//! error messages print goes through [`printable`] first.
//!
//! Bidirectional overrides, embeddings and isolates (U+202A to U+202E,
//! U+2066 to U+2069) are treated the same way: they print nothing
//! themselves but reorder what follows on the line, so a note or a file
//! name could make one text look like another ("Trojan Source"). Text in
//! right-to-left scripts needs none of them to show correctly.
//!
//! A control character other than a line break or a tab is shown as a
//! visible escape, `\u001b` for ESC: the person sees that something odd was
//! there, nothing reaches the terminal, and the escape is also valid inside
//! a JSON string, so `--json` output stays valid JSON and loses nothing.

use std::borrow::Cow;
use std::fmt::Write as _;

/// Whether `c` must not reach a terminal as it is: every C0 and C1 control
/// (ESC, BEL, CSI `U+009B`, carriage return...) and DEL, and the
/// bidirectional controls that reorder a line (see [`is_bidi_control`]),
/// but not the line break and the tab that plain text is made of.
pub fn is_unsafe(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t') || is_bidi_control(c)
}

/// Whether `c` overrides, embeds or isolates a direction of text: invisible,
/// and able to make a line read differently from what it holds.
pub fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// `text` with every unsafe character (see [`is_unsafe`]) replaced by a
/// visible escape such as `\u001b`; printable text comes back unchanged and
/// uncopied.
pub fn printable(text: &str) -> Cow<'_, str> {
    let Some(first) = text.find(is_unsafe) else {
        return Cow::Borrowed(text);
    };
    let mut out = String::with_capacity(text.len() + 16);
    out.push_str(&text[..first]);
    for c in text[first..].chars() {
        if is_unsafe(c) {
            let _ = write!(out, "\\u{:04x}", u32::from(c));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn controls_become_visible_escapes() {
        let hostile = "a\x1b]52;c;aGk=\x07b\u{9b}31mc\x1b[?1049h\r\x7f";
        assert_eq!(
            printable(hostile),
            "a\\u001b]52;c;aGk=\\u0007b\\u009b31mc\\u001b[?1049h\\u000d\\u007f"
        );
    }

    #[test]
    fn direction_overrides_become_visible_escapes() {
        // "Read: safe" displayed, while the text says otherwise.
        let spoof = "Read: \u{202E}efas\u{202C} and \u{2067}x\u{2069}";
        assert_eq!(
            printable(spoof),
            "Read: \\u202eefas\\u202c and \\u2067x\\u2069"
        );
        // Right-to-left text itself, and the marks it uses, are kept.
        let arabic = "مرحبا \u{200F}שלום";
        assert!(matches!(printable(arabic), Cow::Borrowed(_)));
    }

    #[test]
    fn printable_text_is_kept_and_not_copied() {
        let text = "Ça va?\n\tListen — 你好 👋🏽";
        assert!(matches!(printable(text), Cow::Borrowed(t) if t == text));
    }

    #[test]
    fn escaped_json_is_still_json_with_the_same_text() {
        let value = serde_json::json!({ "note": "x\u{9b}y\u{7f}z\u{1b}\u{202e}" });
        let text = serde_json::to_string(&value).expect("serialises");
        let back: serde_json::Value = serde_json::from_str(&printable(&text)).expect("still JSON");
        assert_eq!(back, value);
    }
}
