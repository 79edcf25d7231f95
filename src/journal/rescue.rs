//! Rescue files: when notes or bookmarks could not be written to the
//! journal (a read-only or newer-version journal, a full disk, a folder that
//! can't be written, another copy holding the lock at the very end), the
//! words are written here on the way out and the person is told where.
//!
//! A rescue file is an allyship JSON export holding only what was not
//! saved, so `allyship import FILE` merges it back once the journal can be
//! written (nothing is lost by importing twice: notes that differ are both
//! kept). It goes in the first of these that takes it: the platform's state
//! folder (`~/.local/state/allyship` on Linux), its cache folder, the
//! system's temp folder; each file new (never over another), 0600, in a
//! folder created 0700.

use std::collections::BTreeMap;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use crate::journal::record::{Bookmark, Commitment, Note};

/// What could not be saved: notes and bookmarks by section id, and
/// commitments (with their check-ins) by id.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Unsaved {
    /// Notes whose text is not on disk.
    pub notes: BTreeMap<String, Note>,
    /// Bookmarks set but not on disk.
    pub bookmarks: BTreeMap<String, Bookmark>,
    /// Commitments made or answered but not on disk, whole.
    pub commitments: BTreeMap<String, Commitment>,
}

impl Unsaved {
    /// Whether there is anything to rescue.
    pub fn is_empty(&self) -> bool {
        self.notes.is_empty() && self.bookmarks.is_empty() && self.commitments.is_empty()
    }
}

/// The folders a rescue file may go in, best first.
pub fn places() -> Vec<PathBuf> {
    let mut places = Vec::new();
    if let Some(dirs) = directories::ProjectDirs::from("", "", "allyship") {
        if let Some(state) = dirs.state_dir() {
            places.push(state.join("rescued"));
        }
        places.push(dirs.cache_dir().join("rescued"));
    }
    places.push(std::env::temp_dir().join(format!("allyship-rescued-{}", user_tag())));
    // A relative HOME or TMPDIR would mean the folder one happens to be in.
    places.retain(|place| place.is_absolute());
    places
}

/// Something that tells this person's temp folder from another's.
fn user_tag() -> String {
    #[cfg(unix)]
    {
        directories::BaseDirs::new()
            .and_then(|dirs| std::fs::metadata(dirs.home_dir()).ok())
            .map_or_else(
                || "user".into(),
                |m| std::os::unix::fs::MetadataExt::uid(&m).to_string(),
            )
    }
    #[cfg(not(unix))]
    {
        std::env::var("USERNAME").unwrap_or_else(|_| "user".into())
    }
}

/// Writes `unsaved` to a new rescue file in the first of `places` that takes
/// it; the file's path, or every place's error when none did.
pub fn write(unsaved: &Unsaved, places: &[PathBuf]) -> Result<PathBuf, String> {
    let text = to_export(unsaved);
    let mut errors = Vec::new();
    for place in places {
        match write_in(place, &text) {
            Ok(path) => return Ok(path),
            Err(err) => errors.push(format!("{} ({err})", place.display())),
        }
    }
    Err(errors.join("; "))
}

fn write_in(dir: &Path, text: &str) -> io::Result<PathBuf> {
    write_in_with(dir, text, |file, text| {
        file.write_all(text.as_bytes())?;
        file.sync_all()
    })
}

/// [`write_in`], filling the new file with `fill`; a file that could not
/// be filled (a full disk, a size limit) is removed, never left empty or
/// cut short to look like a rescue.
fn write_in_with(
    dir: &Path,
    text: &str,
    fill: impl FnOnce(&mut std::fs::File, &str) -> io::Result<()>,
) -> io::Result<PathBuf> {
    crate::journal::store::create_private_dir(dir)?;
    let stamp = jiff::Zoned::now().strftime("%Y%m%d-%H%M%S");
    let names = (1..100).map(|n| {
        let suffix = if n == 1 {
            String::new()
        } else {
            format!("-{n}")
        };
        dir.join(format!("rescued-{stamp}{suffix}.json"))
    });
    let (mut file, path) = crate::journal::store::create_new_private(names)?;
    if let Err(err) = fill(&mut file, text) {
        drop(file);
        let _ = std::fs::remove_file(&path);
        return Err(err);
    }
    Ok(path)
}

/// The rescue as an allyship JSON export (what `allyship import` reads).
fn to_export(unsaved: &Unsaved) -> String {
    let record = serde_json::json!({
        "format": crate::journal::EXPORT_FORMAT,
        "version": crate::journal::EXPORT_VERSION,
        "generated_at": jiff::Timestamp::now(),
        "about": format!(
            "{} allyship could not save to your journal. Bring {} back with: \
             allyship import THIS-FILE",
            capitalised(&describe(unsaved)),
            if unsaved.notes.len() + unsaved.bookmarks.len() + unsaved.commitments.len() == 1 {
                "it"
            } else {
                "them"
            }
        ),
        "data": { "notes": unsaved.notes, "bookmarks": unsaved.bookmarks,
                  "commitments": unsaved.commitments },
    });
    serde_json::to_string_pretty(&record).unwrap_or_default() + "\n"
}

/// Whether the words were only printed (no rescue file could be written):
/// the app then exits non-zero, since nothing kept them.
pub fn only_printed(written: &Result<PathBuf, String>) -> bool {
    written.is_err()
}

/// The lines to print after the terminal is restored: where the words went,
/// or (when no rescue file could be written) the words themselves. Control
/// characters are made visible, so nothing typed can drive the terminal.
pub fn farewell(unsaved: &Unsaved, why: &str, written: &Result<PathBuf, String>) -> Vec<String> {
    let lines = farewell_lines(unsaved, why, written);
    lines
        .into_iter()
        .map(|line| crate::sanitise::printable(&line).into_owned())
        .collect()
}

fn farewell_lines(unsaved: &Unsaved, why: &str, written: &Result<PathBuf, String>) -> Vec<String> {
    let what = describe(unsaved);
    match written {
        Ok(path) => vec![
            format!("allyship could not save {what} to your journal: {why}."),
            format!("They are kept in {}", path.display()),
            format!("Bring them back with: allyship import {}", path.display()),
        ],
        Err(errors) => {
            let mut lines = vec![
                format!("allyship could not save {what} to your journal: {why}."),
                format!("No rescue file could be written either: {errors}."),
                "Your words are only printed here: copy them somewhere safe before you \
                 close this window."
                    .to_owned(),
            ];
            for (id, note) in &unsaved.notes {
                lines.push(format!("--- note on {id} ---"));
                lines.extend(note.text.lines().map(str::to_owned));
            }
            for (id, bookmark) in &unsaved.bookmarks {
                let label = bookmark.label.as_deref().unwrap_or("");
                lines.push(format!("--- bookmark on {id} {label}"));
            }
            for commitment in unsaved.commitments.values() {
                lines.push("--- commitment ---".to_owned());
                lines.extend(commitment.text.lines().map(str::to_owned));
                for check in &commitment.check_ins {
                    lines.push("--- how it went ---".to_owned());
                    lines.extend(check.text.lines().map(str::to_owned));
                }
            }
            lines
        }
    }
}

/// "your note on 3 sections and 1 bookmark", in words.
/// `text` with its first letter a capital ("1 note" stays as it is).
fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
}

fn describe(unsaved: &Unsaved) -> String {
    let count = |n: usize, one: &str, many: &str| match n {
        1 => format!("1 {one}"),
        n => format!("{n} {many}"),
    };
    let mut parts: Vec<String> = [
        (unsaved.notes.len(), "note", "notes"),
        (unsaved.bookmarks.len(), "bookmark", "bookmarks"),
        (unsaved.commitments.len(), "commitment", "commitments"),
    ]
    .into_iter()
    .filter(|(n, _, _)| *n > 0)
    .map(|(n, one, many)| count(n, one, many))
    .collect();
    let last = parts.pop().unwrap_or_else(|| count(0, "note", "notes"));
    match parts.is_empty() {
        true => last,
        false => format!("{} and {last}", parts.join(", ")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::Timestamp;

    fn unsaved() -> Unsaved {
        let at = Timestamp::from_second(1_700_000_000).expect("valid");
        let note = Note {
            text: "what I saw 😀\nsecond line".into(),
            created: at,
            changed: at,
            ..Note::default()
        };
        Unsaved {
            notes: BTreeMap::from([("welcome".to_owned(), note)]),
            ..Unsaved::default()
        }
    }

    #[test]
    fn an_unsaved_commitment_and_its_answers_are_rescued_and_import_back() {
        let at = Timestamp::from_second(1_700_000_000).expect("valid");
        let mut commitment = Commitment::new(
            "I will listen first",
            None,
            at,
            jiff::civil::date(2023, 11, 28),
        );
        commitment.check_in("It went well", at);
        let mut rescue = unsaved();
        rescue
            .commitments
            .insert(commitment.id(), commitment.clone());
        let tmp = tempfile::tempdir().expect("tempdir");
        let path = write(&rescue, &[tmp.path().join("r")]).expect("written");
        let text = std::fs::read_to_string(&path).expect("read");
        let mut journal = crate::journal::record::Journal::new();
        let (import, report) = crate::records::export::import(&journal, &text).expect("imports");
        assert_eq!(report.commitments_added, 1, "{report}");
        import.merge_into(&mut journal);
        assert_eq!(journal.records.commitments[&commitment.id()], commitment);
        let failed: Result<PathBuf, String> = Err("no room".into());
        let lines = farewell(&rescue, "the disk is full", &failed).join("\n");
        assert!(lines.contains("1 note and 1 commitment"), "{lines}");
        assert!(
            lines.contains("I will listen first\n--- how it went ---\nIt went well"),
            "{lines}"
        );
    }

    #[test]
    fn a_rescue_file_is_new_private_and_imports_back() {
        let tmp = tempfile::tempdir().expect("tempdir");
        let places = [tmp.path().join("a/rescued")];
        let first = write(&unsaved(), &places).expect("written");
        let second = write(&unsaved(), &places).expect("written");
        assert_ne!(first, second, "never over another rescue");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = |p: &Path| std::fs::metadata(p).expect("meta").permissions().mode() & 0o777;
            assert_eq!(mode(&first), 0o600);
            assert_eq!(mode(&places[0]), 0o700);
        }
        let text = std::fs::read_to_string(&first).expect("read");
        let journal = crate::journal::record::Journal::new();
        let (import, _) = crate::records::export::import(&journal, &text).expect("imports");
        let mut merged = journal.clone();
        import.merge_into(&mut merged);
        assert_eq!(
            merged.records.notes["welcome"].text,
            "what I saw 😀\nsecond line"
        );
    }

    #[test]
    fn the_next_place_is_tried_and_with_none_the_words_are_printed() {
        let tmp = tempfile::tempdir().expect("tempdir");
        let file = tmp.path().join("file");
        std::fs::write(&file, "x").expect("write");
        let good = tmp.path().join("good");
        let path = write(&unsaved(), &[file.join("sub"), good.clone()]).expect("second place");
        assert!(path.starts_with(&good));
        let failed = write(&unsaved(), &[file.join("sub")]);
        assert!(failed.is_err());
        let lines = farewell(&unsaved(), "the disk is full", &failed).join("\n");
        assert!(lines.contains("1 note") && lines.contains("the disk is full"));
        assert!(lines.contains("what I saw 😀\nsecond line"), "{lines}");
    }

    /// Issue 27, item 11: a rescue file that could not be filled (a full
    /// disk, a file size limit) is removed, not left empty, and the next
    /// place is tried; with none, the words are said to be only printed.
    #[test]
    fn a_rescue_file_that_could_not_be_filled_is_removed_and_the_words_said_only_printed() {
        let tmp = tempfile::tempdir().expect("tempdir");
        let dir = tmp.path().join("r");
        let full = |_: &mut std::fs::File, _: &str| Err(io::Error::other("no space left"));
        let err = write_in_with(&dir, "text", full).expect_err("fails");
        assert!(err.to_string().contains("no space left"));
        let left: Vec<_> = std::fs::read_dir(&dir).expect("dir").flatten().collect();
        assert!(left.is_empty(), "no empty rescue file left: {left:?}");
        let failed: Result<PathBuf, String> = Err("no space left".into());
        assert!(only_printed(&failed));
        let lines = farewell(&unsaved(), "the disk is full", &failed).join("\n");
        assert!(
            lines.contains("Your words are only printed here"),
            "{lines}"
        );
    }

    #[test]
    fn printed_words_pass_the_one_sanitiser_and_the_file_says_what_it_holds() {
        let mut hostile = unsaved();
        if let Some(note) = hostile.notes.values_mut().next() {
            note.text = "before\u{1b}]52;c;bad\u{7}\u{202e}after".into();
        }
        let failed: Result<PathBuf, String> = Err("no room".into());
        let lines = farewell(&hostile, "the disk is full", &failed).join("\n");
        assert!(
            !lines.contains('\u{1b}') && !lines.contains('\u{202e}'),
            "{lines:?}"
        );
        assert!(
            lines.contains("\\u001b") && lines.contains("\\u202e"),
            "{lines}"
        );
        // The file's own words name what it holds.
        let text = to_export(&hostile);
        assert!(
            text.contains("\"about\": \"1 note allyship could not save"),
            "{text}"
        );
        assert!(text.contains("Bring it back"), "{text}");
    }
}
