//! Update for the search window: the search box, and stepping between
//! the matches of the last search across sections (`n`/`N`).

use crate::reader::action::Action;
use crate::reader::app::{App, Focus, Overlay};
use crate::reader::editor::TextInput;
use crate::reader::update::go_to;
use crate::toolkit::search::match_ranges;

/// `/`: the search box, holding the last search so it can be refined.
pub(crate) fn open_search(app: &mut App) {
    let last = app.highlight.clone().unwrap_or_default();
    let input = TextInput::label("", &last);
    app.overlay = Some(Overlay::Search {
        input: Box::new(input),
        selected: 0,
    });
}

pub(crate) fn search_window(
    app: &mut App,
    action: Action,
    mut input: Box<TextInput>,
    selected: usize,
) {
    let query = input.text();
    let count = if matches!(
        action,
        Action::Open | Action::Up | Action::Down | Action::PageUp | Action::PageDown
    ) {
        app.search_hits(&query).len()
    } else {
        0
    };
    let last = count.saturating_sub(1);
    let selected = match action {
        Action::Up => selected.saturating_sub(1),
        Action::Down => (selected + 1).min(last),
        Action::PageUp => selected.saturating_sub(10),
        Action::PageDown => (selected + 10).min(last),
        Action::Type(key) => {
            input.key(key);
            0
        }
        _ => selected,
    };
    match action {
        Action::Close => {}
        Action::Open => {
            let hits = app.search_hits(&query);
            match hits.get(selected) {
                Some(hit) => {
                    app.highlight = Some(highlight_for(hit, &query));
                    go_to(app, hit.section);
                    let shown = scroll_to_match(app, 0, true);
                    app.focus = Focus::Text;
                    app.message = Some(if shown {
                        "Matches are highlighted: n next, N previous, Esc clears.".into()
                    } else {
                        not_on_screen(app, &query)
                    });
                }
                None => {
                    app.message = Some(format!("Nothing matches \"{}\".", query.trim()));
                    app.overlay = Some(Overlay::Search { input, selected });
                }
            }
        }
        _ => app.overlay = Some(Overlay::Search { input, selected }),
    }
}

/// What to highlight for a hit: the words it actually matched (so a typo
/// such as "listne" highlights "listen"), or else the query.
fn highlight_for(hit: &crate::toolkit::search::Hit, query: &str) -> String {
    let mut words: Vec<&str> = Vec::new();
    for range in &hit.matches {
        if let Some(word) = hit.context.get(range.clone())
            && !words.iter().any(|w| w.eq_ignore_ascii_case(word))
        {
            words.push(word);
        }
    }
    if words.is_empty() {
        query.trim().to_string()
    } else {
        words.join(" ")
    }
}

/// Lines of the open section (at the current width) that hold a match.
fn matching_lines(app: &App, query: &str) -> Vec<usize> {
    app.section_lines()
        .iter()
        .enumerate()
        .filter(|(_, line)| !match_ranges(&line.to_string(), query).is_empty())
        .map(|(i, _)| i)
        .collect()
}

/// Scrolls to the first matching line after (or before) `from`; false if none.
fn scroll_to_match(app: &mut App, from: usize, forwards: bool) -> bool {
    let Some(query) = app.highlight.clone() else {
        return false;
    };
    let lines = matching_lines(app, &query);
    let found = if forwards {
        lines.into_iter().find(|l| *l >= from)
    } else {
        lines.into_iter().rev().find(|l| *l < from)
    };
    match found {
        Some(line) => {
            // Leave a little context above the match.
            app.scroll = u16::try_from(line.saturating_sub(2)).unwrap_or(u16::MAX);
            app.match_line = line;
            true
        }
        None => false,
    }
}

/// Where the match is when the open section shows none of it: a practice
/// scenario's feedback shows only once an option is chosen, so the
/// footer never says "highlighted" over a section with nothing lit.
fn not_on_screen(app: &App, query: &str) -> String {
    let query = query.trim();
    let unanswered = app
        .toolkit
        .entry(app.current)
        .is_some_and(|e| e.section.is_scenario())
        && app.chosen().is_none();
    if unanswered {
        format!("\"{query}\" is in the feedback, which shows once you choose: press c to choose.")
    } else {
        format!("\"{query}\" is not in the text shown here; n goes to the next section with it.")
    }
}

/// `n`/`N`: the next or previous match, moving on to other sections.
pub(crate) fn step_match(app: &mut App, forwards: bool) {
    let Some(query) = app.highlight.clone() else {
        app.message = Some("Search first with /, then n and N step between matches.".into());
        return;
    };
    let within = if forwards {
        app.match_line + 1
    } else {
        app.match_line
    };
    if scroll_to_match(app, within, forwards) {
        return;
    }
    let count = app.toolkit.section_count();
    let hits: Vec<usize> = app.search_hits(&query).iter().map(|h| h.section).collect();
    let order: Vec<usize> = if forwards {
        (app.current + 1..count).chain(0..app.current).collect()
    } else {
        (0..app.current)
            .rev()
            .chain((app.current + 1..count).rev())
            .collect()
    };
    match order.into_iter().find(|i| hits.contains(i)) {
        Some(index) => {
            go_to(app, index);
            let start = if forwards { 0 } else { usize::MAX };
            if !scroll_to_match(app, start, forwards) {
                app.message = Some(not_on_screen(app, &query));
            }
        }
        None => app.message = Some(format!("No other section matches \"{query}\".")),
    }
}

#[cfg(test)]
mod tests {
    use crate::reader::update::test_support::{run, typed};

    use super::*;
    use crate::toolkit::content::built_in;

    #[test]
    fn searching_and_enter_opens_the_best_match_highlighted() {
        let mut a = App::new(built_in(), 80, 24);
        run(&mut a, &[Action::Search]);
        run(&mut a, &typed("speak up"));
        run(&mut a, &[Action::Open]);
        assert_eq!(a.current, a.toolkit.index_of("tip-speak-up").unwrap());
        assert_eq!(
            a.highlight.as_deref().map(str::to_lowercase).as_deref(),
            Some("speak up")
        );
        assert!(a.overlay.is_none());
    }

    #[test]
    fn a_match_only_in_hidden_feedback_says_so_and_shows_once_chosen() {
        // "daunting" is only in the feedback of one option of a scenario,
        // which shows once an option is chosen.
        let mut a = App::new(built_in(), 80, 24);
        run(&mut a, &[Action::Search]);
        run(&mut a, &typed("daunting"));
        run(&mut a, &[Action::Open]);
        assert_eq!(
            a.current,
            a.toolkit.index_of("scenario-told-in-confidence").unwrap()
        );
        let said = a.message.clone().unwrap_or_default();
        assert!(
            said.contains("in the feedback") && said.contains("press c"),
            "{said}"
        );
        assert!(!said.contains("highlighted"), "nothing is lit: {said}");
        run(&mut a, &[Action::Choose, Action::Open]);
        assert!(a.chosen().is_some());
        // Now the feedback is on screen, and n finds the match in it.
        a.message = None;
        step_match(&mut a, true);
        assert!(a.message.is_none(), "{:?}", a.message);
        let line = a.section_lines()[a.match_line].to_string().to_lowercase();
        assert!(line.contains("daunting"), "{line}");
    }

    #[test]
    fn a_typo_highlights_the_word_it_found() {
        let mut a = App::new(built_in(), 80, 24);
        run(&mut a, &[Action::Search]);
        run(&mut a, &typed("microagression"));
        run(&mut a, &[Action::Open]);
        let highlight = a.highlight.clone().unwrap().to_lowercase();
        assert!(highlight.starts_with("microaggression"), "{highlight}");
    }

    #[test]
    fn j_and_k_are_typed_not_moved() {
        let mut a = App::new(built_in(), 80, 24);
        run(&mut a, &[Action::Search]);
        run(&mut a, &typed("jk"));
        match &a.overlay {
            Some(Overlay::Search { input, .. }) => assert_eq!(input.text(), "jk"),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn n_steps_through_sections_that_match_and_wraps() {
        let mut a = App::new(built_in(), 80, 24);
        a.highlight = Some("colleagues".into());
        let mut visited = Vec::new();
        for _ in 0..60 {
            run(&mut a, &[Action::NextMatch]);
            visited.push(a.current);
        }
        visited.sort();
        visited.dedup();
        let hits: Vec<usize> = a
            .search_hits("colleagues")
            .iter()
            .map(|h| h.section)
            .collect();
        let mut expected = hits.clone();
        expected.sort();
        assert_eq!(visited, expected, "n visits every section that matches");
        let (section, line) = (a.current, a.match_line);
        run(&mut a, &[Action::NextMatch, Action::PreviousMatch]);
        assert_eq!((a.current, a.match_line), (section, line), "N undoes n");
    }

    #[test]
    fn nothing_matching_says_so_and_keeps_the_box_open() {
        let mut a = App::new(built_in(), 80, 24);
        run(&mut a, &[Action::Search]);
        run(&mut a, &typed("zqxwv"));
        run(&mut a, &[Action::Open]);
        assert!(matches!(a.overlay, Some(Overlay::Search { .. })));
        assert!(a.message.as_deref().unwrap().contains("Nothing matches"));
    }
}
