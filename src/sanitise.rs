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
//! Invisible characters that can hide or disguise text are treated the same
//! way too: the direction marks (LRM, RLM, ALM), the line and paragraph
//! separators (U+2028, U+2029: a new line to some programs), the zero-width
//! space, the byte-order mark, the interlinear annotation marks (U+FFF9 to
//! U+FFFB) and tag characters (U+E0000 to U+E007F: invisible ASCII), except
//! where tags spell a flag (a black flag, U+1F3F4, then tags, as the flags
//! of Scotland and Wales are written). The zero-width joiner and non-joiner,
//! which emoji and Persian need, are kept.
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
    (c.is_control() && c != '\n' && c != '\t') || is_bidi_control(c) || is_invisible_format(c)
}

/// Whether `c` is an invisible character that can hide or disguise text
/// (see the module's comment): direction marks, line and paragraph
/// separators, zero-width space, byte-order mark, annotation marks, tags.
pub fn is_invisible_format(c: char) -> bool {
    matches!(
        c,
        '\u{061C}'
            | '\u{200B}'
            | '\u{200E}'
            | '\u{200F}'
            | '\u{2028}'
            | '\u{2029}'
            | '\u{FEFF}'
            | '\u{FFF9}'..='\u{FFFB}'
    ) || is_tag(c)
}

/// Whether `c` is a tag character (U+E0000 to U+E007F).
fn is_tag(c: char) -> bool {
    matches!(c, '\u{E0000}'..='\u{E007F}')
}

/// The black flag that begins a flag written with tags (Scotland, Wales).
const BLACK_FLAG: char = '\u{1F3F4}';

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
    escape_into(&mut out, &text[..first], &text[first..], |_| false);
    Cow::Owned(out)
}

/// [`printable`] for text printed on one line (a commitment in a list, a web
/// address in a report): a line break in it is shown as `\u000a` too, so
/// it can never make a line of its own that looks like the program's.
pub fn one_line(text: &str) -> Cow<'_, str> {
    let Some(first) = text.find(|c| c == '\n' || c == '\t' || is_unsafe(c)) else {
        return Cow::Borrowed(text);
    };
    let mut out = String::with_capacity(text.len() + 16);
    out.push_str(&text[..first]);
    escape_into(&mut out, &text[..first], &text[first..], |c| {
        c == '\n' || c == '\t'
    });
    Cow::Owned(out)
}

/// Pushes `rest` (which follows `before`) to `out`, unsafe characters and
/// those `also` picks as escapes; tags that spell a flag are kept.
fn escape_into(out: &mut String, before: &str, rest: &str, also: impl Fn(char) -> bool) {
    // Inside a flag: after a black flag, through its tags to the cancel tag.
    let mut in_flag = before.ends_with(BLACK_FLAG);
    for c in rest.chars() {
        let flag_tag = in_flag && is_tag(c);
        in_flag = c == BLACK_FLAG || (flag_tag && c != '\u{E007F}');
        if flag_tag || !(is_unsafe(c) || also(c)) {
            out.push(c);
        } else {
            // As JSON writes it: beyond U+FFFF, a pair of UTF-16 halves.
            for unit in c.encode_utf16(&mut [0; 2]) {
                let _ = write!(out, "\\u{unit:04x}");
            }
        }
    }
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
        // Right-to-left text itself is kept.
        let arabic = "مرحبا שלום";
        assert!(matches!(printable(arabic), Cow::Borrowed(_)));
    }

    /// Issue 27, item 14: invisible characters that hide or disguise text
    /// become visible escapes; joiners and flags written with tags stay.
    #[test]
    fn invisible_marks_separators_and_tags_become_visible_escapes() {
        let hidden = "a\u{200E}b\u{200F}c\u{061C}d\u{2028}e\u{2029}f\u{200B}g\u{FEFF}h\u{FFF9}i\u{FFFB}j\u{E0041}\u{E007F}";
        assert_eq!(
            printable(hidden),
            "a\\u200eb\\u200fc\\u061cd\\u2028e\\u2029f\\u200bg\\ufeffh\\ufff9i\\ufffbj\\udb40\\udc41\\udb40\\udc7f"
        );
        let scotland = "\u{1F3F4}\u{E0067}\u{E0062}\u{E0073}\u{E0063}\u{E0074}\u{E007F}";
        let family = "👩\u{200D}👩\u{200D}👧 می\u{200C}خواهم";
        for kept in [scotland, family] {
            assert_eq!(printable(kept), kept);
        }
        // A tag after the flag's end is hidden text again.
        assert_eq!(
            printable(&format!("{scotland}\u{E0041}")),
            format!("{scotland}\\udb40\\udc41")
        );
    }

    #[test]
    fn one_line_text_never_breaks_the_line() {
        let forged = "https://example.org/\r\nallyship.json: looks good\u{2028}x\ty";
        assert_eq!(
            one_line(forged),
            "https://example.org/\\u000d\\u000aallyship.json: looks good\\u2028x\\u0009y"
        );
        assert!(matches!(one_line("plain"), Cow::Borrowed("plain")));
    }

    #[test]
    fn printable_text_is_kept_and_not_copied() {
        let text = "Ça va?\n\tListen — 你好 👋🏽";
        assert!(matches!(printable(text), Cow::Borrowed(t) if t == text));
    }

    #[test]
    fn escaped_json_is_still_json_with_the_same_text() {
        let value = serde_json::json!({ "note": "x\u{9b}y\u{7f}z\u{1b}\u{202e}\u{e0041}" });
        let text = serde_json::to_string(&value).expect("serialises");
        let back: serde_json::Value = serde_json::from_str(&printable(&text)).expect("still JSON");
        assert_eq!(back, value);
    }
}
