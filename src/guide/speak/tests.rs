use super::*;
use crate::journal::record::{Journal, Session};
use crate::toolkit::content::built_in;

/// Characters the guide must never add: the reader's marks and arrows, and
/// box drawing (a screen reader says "box drawing light horizontal").
pub(in crate::guide) fn decorative(c: char) -> bool {
    matches!(
        c,
        '•' | '▸' | '→' | '✓' | '★' | '“' | '”' | '\u{2500}'..='\u{257F}'
    ) || c.is_control()
}

fn scenario(toolkit: &Toolkit) -> usize {
    toolkit
        .entries()
        .find(|e| e.section.choice.is_some())
        .map(|e| e.index)
        .expect("the toolkit has a scenario")
}

#[test]
fn a_section_begins_with_where_it_is_and_its_title() {
    let toolkit = built_in();
    let total = toolkit.section_count();
    for entry in toolkit.entries() {
        let lines = section(&toolkit, entry.index, &Journal::new());
        assert_eq!(
            lines[0],
            format!(
                "Section {} of {total}, {}: {}",
                entry.index + 1,
                entry.part.title,
                entry.section.title
            )
        );
    }
}

#[test]
fn no_section_says_a_symbol_for_a_word() {
    let toolkit = built_in();
    let mut journal = Journal::new();
    let mut session = Session::start(jiff::Timestamp::now());
    for entry in toolkit.entries() {
        session.set_bookmark(&entry.section.id, None, jiff::Timestamp::now());
        session.set_note(&entry.section.id, "mine", jiff::Timestamp::now());
    }
    journal.apply(&session.pending, &session.id);
    let mut said = Vec::new();
    for entry in toolkit.entries() {
        said.extend(section(&toolkit, entry.index, &journal));
        if let Some(choice) = &entry.section.choice {
            for n in 1..=choice.options.len() {
                said.extend(feedback(&toolkit, entry.index, n).unwrap());
            }
        }
    }
    said.extend(contents(&toolkit, &journal, 0));
    said.extend(journal_lines(&toolkit, &journal));
    for line in &said {
        // Content quotes a title in straight quotes; the guide adds none.
        assert!(!line.chars().any(decorative), "{line}");
        assert!(!line.trim().is_empty(), "an empty line says nothing");
    }
}

fn journal_lines(toolkit: &Toolkit, j: &Journal) -> Vec<String> {
    journal(toolkit, j, local_day(jiff::Timestamp::now()))
}

#[test]
fn points_quotes_and_links_are_said_in_words() {
    let toolkit = built_in();
    let mut all = Vec::new();
    for entry in toolkit.entries() {
        all.extend(section(&toolkit, entry.index, &Journal::new()));
    }
    let all = all.join("\n");
    assert!(all.contains("Point 1 of "), "points are numbered in words");
    assert!(all.contains(" said: "), "a quote says who said it");
    assert!(
        all.contains("See also section "),
        "a cross-reference names its section"
    );
    assert!(
        all.contains("Address: https://"),
        "an address is said as one"
    );
}

#[test]
fn a_scenario_says_how_to_choose_and_the_feedback_comes_chosen_first() {
    let toolkit = built_in();
    let index = scenario(&toolkit);
    let choice = toolkit
        .entry(index)
        .unwrap()
        .section
        .choice
        .clone()
        .unwrap();
    let lines = section(&toolkit, index, &Journal::new()).join("\n");
    assert!(lines.contains("type c and the option's number"), "{lines}");
    assert!(!lines.contains("Feedback:"), "no feedback before a choice");
    let said = feedback(&toolkit, index, 2).unwrap();
    assert!(said[0].contains(&choice.options[1].text), "{said:?}");
    assert_eq!(
        said[1],
        format!(
            "Feedback: {}",
            super::plain_quotes(&choice.options[1].feedback)
        )
    );
    let others = said
        .iter()
        .position(|l| l.starts_with(OTHERS_HEADING))
        .unwrap();
    let text = said.join("\n");
    for (n, option) in choice.options.iter().enumerate() {
        let at = text.find(&super::plain_quotes(&option.feedback)).unwrap();
        let heading_at = text.find(OTHERS_HEADING).unwrap();
        assert_eq!(n == 1, at < heading_at, "option {}", n + 1);
    }
    assert!(others > 1);
    assert_eq!(feedback(&toolkit, index, 0), None);
    assert_eq!(feedback(&toolkit, index, choice.options.len() + 1), None);
    assert_eq!(feedback(&toolkit, 0, 1), None, "not a scenario");
}

#[test]
fn the_contents_has_a_line_for_every_part_and_section() {
    let toolkit = built_in();
    let lines = contents(&toolkit, &Journal::new(), 2);
    assert_eq!(
        lines.len(),
        1 + toolkit.parts.len() + toolkit.section_count()
    );
    let third = toolkit.entry(2).unwrap().section.title.clone();
    assert!(
        lines.contains(&format!("3. {third}, you are here")),
        "{lines:?}"
    );
}

#[test]
fn search_results_are_named_by_the_numbers_g_takes() {
    let toolkit = built_in();
    let hits = crate::toolkit::search::Index::new(&toolkit).search("speak up", 5);
    assert!(!hits.is_empty());
    let lines = search_results(&toolkit, "speak up", &hits);
    let first = toolkit
        .entry(hits[0].section)
        .unwrap()
        .section
        .title
        .clone();
    assert!(lines[1].starts_with(&format!("{}. {first}: ", hits[0].section + 1)));
    assert!(search_results(&toolkit, "zzzz", &[])[0].starts_with("No section matches"));
}

#[test]
fn days_are_said_in_full() {
    let day = jiff::civil::date(2026, 12, 19);
    assert_eq!(day_in_words(day), "Saturday 19 December 2026");
}
