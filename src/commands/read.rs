//! `list`, `read` and `read --all`: the toolkit as numbered contents and
//! wrapped plain text (coloured only when asked or on a real terminal).

use super::practice::{answers_hint, outcomes_text};
use super::{Output, actions};
use crate::journal::record::Journal;
use crate::journal::report;
use crate::theme::Theme;
use crate::toolkit::content::Toolkit;
use crate::toolkit::render;
use std::fmt::Write as _;

mod addresses;

/// `allyship list`: every part and section, numbered, with ids and the
/// journal's marks (read, revisited, bookmarked, with a note) when there is
/// a journal, explained in words on a legend line.
pub fn list(toolkit: &Toolkit, journal: Option<&Journal>) -> Output {
    let mut out = format!("{} (version {})\n", toolkit.title, toolkit.version);
    let mut part = usize::MAX;
    for entry in toolkit.entries() {
        if entry.part_index != part {
            part = entry.part_index;
            // The part's id too: `present` takes it (`present top-tips`).
            let _ = write!(out, "\n{} ({})\n", entry.part.title, entry.part.id);
            outcomes_text(&mut out, &entry.part.outcomes);
        }
        let mark = journal.map_or(String::new(), |j| marks(j, &entry.section.id));
        let _ = writeln!(
            out,
            "{:>3}. {mark}{} ({})",
            entry.index + 1,
            entry.section.title,
            entry.section.id
        );
    }
    if journal.is_some() {
        let _ = write!(out, "\n{}{LIST_LEGEND}\n", report::MARKS_LEGEND);
    }
    out.push_str("\nRead one with: allyship read NUMBER (for example: allyship read 1)\n");
    Output::ok(out)
}

/// What `list`'s legend adds to the reading marks.
const LIST_LEGEND: &str = "   ★ bookmarked   ✎ has a note";

/// A section's marks in `list`: "✓ ", then "★ " when bookmarked and "✎ "
/// with a note (the symbols the app's contents use).
fn marks(journal: &Journal, id: &str) -> String {
    use crate::journal::report::{BOOKMARK_MARK, NOTE_MARK};
    let mut out = format!("{} ", report::mark(journal.status(id)));
    if journal.records.bookmarks.contains_key(id) {
        out = out + BOOKMARK_MARK + " ";
    }
    if journal.records.notes.contains_key(id) {
        out = out + NOTE_MARK + " ";
    }
    out
}

/// `allyship read`: one section as wrapped plain text, or a helpful error.
/// With `answers`, a scenario's feedback follows each option.
/// A `width` of 0 (`addresses::NO_WRAP`) wraps nothing; web addresses are never cut.
pub fn read(toolkit: &Toolkit, query: &str, width: u16, colour: bool, answers: bool) -> Output {
    let width = addresses::layout_width(width);
    match toolkit.resolve(query) {
        Ok(index) => {
            let mut text = section_text(toolkit, index, width, (colour, answers));
            if let Some(hint) = answers_hint(toolkit, index, answers) {
                text.push('\n');
                text.push_str(&wrapped(&hint, width));
            }
            Output::ok(text)
        }
        Err(suggestions) => actions::not_found(toolkit, &[(query, suggestions)]),
    }
}

/// `allyship read --all`: the whole toolkit, section after section (with
/// `answers`, scenarios' feedback too).
pub fn read_all(toolkit: &Toolkit, width: u16, colour: bool, answers: bool) -> Output {
    let width = addresses::layout_width(width);
    let title = format!("{} (version {})", toolkit.title, toolkit.version);
    let mut out = wrapped(&title, width);
    for index in 0..toolkit.section_count() {
        out.push('\n');
        out.push_str(&section_text(toolkit, index, width, (colour, answers)));
    }
    out.push_str(&sources_text(toolkit, width));
    Output::ok(out)
}

/// A section as plain text, led by where it sits ("Top tips · section 18 of 35").
fn section_text(
    toolkit: &Toolkit,
    index: usize,
    width: u16,
    (colour, answers): (bool, bool),
) -> String {
    let part = toolkit.entry(index).map_or("", |e| e.part.title.as_str());
    let place = format!(
        "{part} · section {} of {}",
        index + 1,
        toolkit.section_count()
    );
    let (theme, output): (_, fn(&[ratatui::text::Line<'_>]) -> String) = if colour {
        (Theme::standard(), render::ansi)
    } else {
        (Theme::mono(), render::plain)
    };
    let body = render::section_lines_with(toolkit, index, width, &theme, answers);
    let body = addresses::keep_whole(output(&body), toolkit, index, width, output, theme.quiet);
    wrapped(&place, width) + &body
}

/// Plain text wrapped to `width`, one line per line.
fn wrapped(text: &str, width: u16) -> String {
    let plain_style = ratatui::style::Style::new();
    let mut lines = Vec::new();
    render::wrap_into(&mut lines, text, width, ("", ""), plain_style, plain_style);
    render::plain(&lines)
}

/// The sources, credited once, as `read --all` ends.
fn sources_text(toolkit: &Toolkit, width: u16) -> String {
    let mut out = String::from("\nSources\n");
    for source in &toolkit.sources {
        let date = source
            .date
            .as_deref()
            .map(|d| format!(", {d}"))
            .unwrap_or_default();
        out.push_str(&wrapped(
            &format!("{}: {}{date}", source.title, source.publisher),
            width,
        ));
    }
    out
}

/// When plain output may use colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ColorChoice {
    /// Only on a terminal, never with NO_COLOR or TERM=dumb.
    Auto,
    /// Always, even into a pipe.
    Always,
    /// Never.
    Never,
}

/// Whether `read` should colour its output: `--color always`/`never`, or
/// with `auto` only for a terminal that is not `dumb` and with no `NO_COLOR`.
pub fn use_colour(choice: ColorChoice, terminal: bool, term: Option<&str>, no_color: bool) -> bool {
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => terminal && term != Some("dumb") && !no_color,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::commands::EXIT_NOT_FOUND;
    use crate::toolkit::content::built_in;

    #[test]
    fn list_numbers_every_section_with_its_id() {
        let toolkit = built_in();
        let out = list(&toolkit, None);
        assert_eq!(out.code, 0);
        assert!(out.stdout.contains("  1. "));
        assert!(out.stdout.contains("(tip-speak-up)"));
        let count = toolkit.section_count();
        assert!(out.stdout.contains(&format!("{count:>3}. ")));
    }

    #[test]
    fn list_shows_marks_from_the_journal() {
        let toolkit = built_in();
        let mut journal = Journal::new();
        let mut session = crate::journal::record::Session::new("s");
        let at = jiff::Timestamp::from_second(1_700_000_000).unwrap();
        session.record_read("welcome", at, crate::journal::record::local_day(at));
        journal.apply(&session.pending, &session.id);
        let out = list(&toolkit, Some(&journal));
        assert!(
            out.stdout
                .contains("  1. ✓ Why this toolkit exists (welcome)"),
            "{}",
            out.stdout
        );
        assert!(out.stdout.contains("  2. · "));
        assert!(out.stdout.contains("Marks:"));
    }

    #[test]
    fn list_marks_bookmarks_and_notes_and_says_so_in_words() {
        let toolkit = built_in();
        let mut journal = Journal::new();
        let mut session = crate::journal::record::Session::new("s");
        let at = jiff::Timestamp::from_second(1_700_000_000).unwrap();
        session.record_read("welcome", at, crate::journal::record::local_day(at));
        session.set_bookmark("welcome", None, at);
        session.set_note("welcome", "mine", at);
        session.set_note("tip-speak-up", "mine too", at);
        journal.apply(&session.pending, &session.id);
        let out = list(&toolkit, Some(&journal)).stdout;
        assert!(
            out.contains("  1. ✓ ★ ✎ Why this toolkit exists (welcome)"),
            "{out}"
        );
        assert!(out.contains(". · ✎ Speak up"), "{out}");
        assert!(out.contains("★ bookmarked   ✎ has a note"), "{out}");
    }

    #[test]
    fn reading_an_unknown_section_suggests_and_fails() {
        let out = read(&built_in(), "tip-speek-up", 80, false, false);
        assert_eq!(out.code, EXIT_NOT_FOUND);
        assert!(
            out.stderr.contains("Did you mean: tip-speak-up"),
            "{}",
            out.stderr
        );
        assert!(out.stdout.is_empty());
    }

    #[test]
    fn reading_wraps_to_the_width_asked() {
        let out = read(&built_in(), "2", 30, false, false);
        assert_eq!(out.code, 0);
        assert!(out.stdout.lines().all(|l| l.chars().count() <= 30));
        assert!(!out.stdout.contains('\u{1b}'));
    }

    #[test]
    fn web_addresses_are_never_cut_and_width_0_wraps_nothing() {
        let toolkit = built_in();
        let long = "https://www.local.gov.uk/our-support/partners-care-and-health/adult-social-care-workforce/leading-middle-learning-and/leading-inclusively";
        let has = |out: &str| {
            out.lines()
                .any(|l| l.trim() == long || l.contains(&format!("m{long}\x1b")))
        };
        for colour in [false, true] {
            let out = read_all(&toolkit, 80, colour, false).stdout;
            assert!(has(&out), "the address whole on one line (colour {colour})");
            let short = "https://youtu.be/csSeez6Y_6g?si=bMied_w7NH_Qx8_j";
            assert!(read_all(&toolkit, 20, colour, false).stdout.contains(short));
        }
        let narrow = read_all(&toolkit, 20, false, false).stdout;
        assert!(has(&narrow), "at 20 columns too");
        let other = narrow
            .lines()
            .filter(|l| !l.trim_start().starts_with("http"));
        assert!(
            other.clone().all(|l| l.chars().count() <= 20),
            "the rest still wraps"
        );
        let unwrapped = read(&toolkit, "18", addresses::NO_WRAP, false, false).stdout;
        let para = toolkit
            .entry(17)
            .unwrap()
            .section
            .blocks
            .iter()
            .find_map(|b| match b {
                crate::toolkit::content::Block::Paragraph(p) if p.len() > 100 => Some(p.clone()),
                _ => None,
            });
        let para = para.expect("section 18 has a long paragraph");
        assert!(unwrapped.lines().any(|l| l == para), "{unwrapped}");
    }

    #[test]
    fn read_all_has_every_section_and_the_sources() {
        let toolkit = built_in();
        let out = read_all(&toolkit, 80, false, false);
        for entry in toolkit.entries() {
            assert!(
                out.stdout.contains(&entry.section.title),
                "{}",
                entry.section.id
            );
        }
        assert!(out.stdout.contains("ADASS"));
    }

    #[test]
    fn colour_only_when_asked_or_on_a_real_terminal() {
        use super::ColorChoice::*;
        assert!(use_colour(Always, false, Some("dumb"), true));
        assert!(!use_colour(Never, true, Some("xterm"), false));
        assert!(use_colour(Auto, true, Some("xterm"), false));
        assert!(!use_colour(Auto, false, Some("xterm"), false), "a pipe");
        assert!(!use_colour(Auto, true, Some("dumb"), false));
        assert!(!use_colour(Auto, true, Some("xterm"), true), "NO_COLOR");
        let coloured = read(&built_in(), "1", 80, true, false);
        assert!(coloured.stdout.contains("\x1b[1;36m"));
    }
}
