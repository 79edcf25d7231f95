//! The Markdown format as a whole: a small folder read, its problems
//! placed at FILE:LINE:COL, and any toolkit written and read back equal.

use super::*;
use crate::toolkit::content::{Block, Severity};

fn file(path: &str, text: &str) -> File {
    File {
        path: path.into(),
        text: text.into(),
    }
}

/// A small valid folder: a part with two sections (one a scenario).
pub(super) fn small() -> Vec<File> {
    vec![
        file(
            "SUMMARY.md",
            "+++\nversion = \"1\"\n\n[[sources]]\nid = \"ours\"\ntitle = \"Our guide\"\npublisher = \"Our council\"\n+++\n\n# Our toolkit\n\n- [Start](01-start/part.md)\n  - [Welcome](01-start/01-welcome.md)\n  - [A remark](01-start/02-remark.md)\n",
        ),
        file(
            "01-start/part.md",
            "+++\nid = \"start\"\n+++\n\n# Start here\n\n## Outcomes\n\n- say who we are\n- find help here\n",
        ),
        file(
            "01-start/01-welcome.md",
            "+++\nid = \"welcome\"\nsource = \"ours\"\n+++\n\n# Welcome\n\nWe are glad\nyou are here.\n\n- Ask first.\n- Listen.\n\n> Words said.\n>\n> — A Person, a role\n\n- [A web page](https://example.org/a) (web)\n- *A book* by An Author (book)\n- [](#remark)\n\n## Reflect\n\n- What will you do?\n\n## Facilitator notes\n\nAllow ten minutes.\n\n- Ask who has seen this.\n",
        ),
        file(
            "01-start/02-remark.md",
            "+++\nid = \"remark\"\nsource = \"ours\"\n+++\n\n# A remark\n\nSomeone says something.\n\n## Reflect\n\n- What would you say?\n\n## Choice: What could you do?\n\n1. Say nothing.\n   Feedback: It keeps the peace, for now.\n2. Speak up.\n\n   Feedback: It shows where you stand.\n\n   See: welcome\n3. Ask later.\n\n   Feedback: It gives time.\n",
        ),
    ]
}

#[test]
fn a_small_folder_reads_into_a_toolkit() {
    let loaded = load("kit", &small());
    // The small folder is about form; the course's warnings (outcomes,
    // feedback that names its tip) are the example toolkit's to meet.
    assert!(
        loaded
            .problems
            .iter()
            .all(|p| p.severity != crate::toolkit::content::Severity::Error),
        "{:#?}",
        loaded.problems
    );
    let toolkit = loaded.toolkit.unwrap();
    assert_eq!(toolkit.title, "Our toolkit");
    let part = &toolkit.parts[0];
    assert_eq!(part.outcomes, ["say who we are", "find help here"]);
    let welcome = &part.sections[0];
    assert_eq!(
        welcome.blocks[0],
        Block::Paragraph("We are glad you are here.".into())
    );
    assert!(matches!(&welcome.blocks[2], Block::Quote(q) if q.by == "A Person, a role"));
    let Block::Links(links) = &welcome.blocks[3] else {
        panic!("{:?}", welcome.blocks)
    };
    assert_eq!(links[1].by.as_deref(), Some("An Author"));
    assert_eq!(links[1].kind.as_deref(), Some("book"));
    // A cross-reference without words takes its target's title.
    assert_eq!(links[2].title, "A remark");
    assert_eq!(
        welcome.facilitator_notes,
        ["Allow ten minutes.", "Ask who has seen this."]
    );
    let choice = part.sections[1].choice.as_ref().unwrap();
    assert_eq!(choice.question, "What could you do?");
    assert_eq!(choice.options[0].feedback, "It keeps the peace, for now.");
    assert_eq!(choice.options[1].section.as_deref(), Some("welcome"));
}

#[test]
fn every_problem_is_reported_at_once_at_its_file_line_and_column() {
    let mut files = small();
    files[2].text = files[2]
        .text
        .replace("We are glad", "## Notes\n\n<b>We</b> are ![x](y.png) glad");
    files[3].text = files[3]
        .text
        .replace("source = \"ours\"", "source = \"ours\"\nsorce = 1");
    let loaded = load("kit", &files);
    assert!(loaded.toolkit.is_none());
    let shown: Vec<String> = loaded.problems.iter().map(ToString::to_string).collect();
    let has = |start: &str, words: &str| {
        shown
            .iter()
            .any(|line| line.starts_with(start) && line.contains(words))
    };
    assert!(
        has("kit/01-start/01-welcome.md:8:1: error:", "## Notes"),
        "{shown:#?}"
    );
    assert!(
        has("kit/01-start/01-welcome.md:10:1: error:", "HTML"),
        "{shown:#?}"
    );
    assert!(
        has("kit/01-start/01-welcome.md:10:15: error:", "image"),
        "{shown:#?}"
    );
    assert!(
        has("kit/01-start/02-remark.md:4:1: error:", "sorce"),
        "{shown:#?}"
    );
    // Only errors of form: none of the meaning checks' echoes of them.
    assert_eq!(shown.len(), 5, "{shown:#?}");
}

#[test]
fn the_meaning_checks_point_into_the_file_of_the_section() {
    let mut files = small();
    files[3].text = files[3].text.replace("See: welcome", "See: nowhere");
    let loaded = load("kit", &files);
    assert!(loaded.toolkit.is_none());
    let problem = &loaded.problems[0];
    assert_eq!(problem.severity, Severity::Error);
    let shown = problem.to_string();
    assert!(
        shown.starts_with("kit/01-start/02-remark.md:6:1: error: section \"remark\""),
        "{shown}"
    );
    assert!(shown.contains("nowhere"), "{shown}");
}

#[test]
fn a_file_left_out_of_the_summary_is_said_to_be() {
    let mut files = small();
    files.push(file("01-start/03-extra.md", "+++\n+++\n# Extra\n"));
    let loaded = load("kit", &files);
    let shown: Vec<String> = loaded.problems.iter().map(ToString::to_string).collect();
    assert!(
        shown
            .iter()
            .any(|l| l.starts_with("kit/01-start/03-extra.md:1:1:") && l.contains("not listed")),
        "{shown:#?}"
    );
}

#[test]
fn without_a_summary_the_names_give_the_order() {
    let mut files = small();
    let summary = files.remove(0);
    let front_and_title = summary.text.split("\n- ").next().unwrap().to_owned();
    files.push(file("part.md", &front_and_title));
    files.reverse();
    let loaded = load("kit", &files);
    // The small folder is about form; the course's warnings (outcomes,
    // feedback that names its tip) are the example toolkit's to meet.
    assert!(
        loaded
            .problems
            .iter()
            .all(|p| p.severity != crate::toolkit::content::Severity::Error),
        "{:#?}",
        loaded.problems
    );
    let toolkit = loaded.toolkit.unwrap();
    let ids: Vec<&str> = toolkit.parts[0]
        .sections
        .iter()
        .map(|s| s.id.as_str())
        .collect();
    assert_eq!(ids, ["welcome", "remark"]);
}

#[test]
fn the_small_folder_goes_to_markdown_and_back_unchanged() {
    let toolkit = load("kit", &small()).toolkit.unwrap();
    let again = load("kit", &to_files(&toolkit));
    // The small folder is about form; the course's warnings (outcomes,
    // feedback that names its tip) are the example toolkit's to meet.
    assert!(
        again
            .problems
            .iter()
            .all(|p| p.severity != crate::toolkit::content::Severity::Error),
        "{:#?}",
        again.problems
    );
    assert_eq!(again.toolkit.unwrap(), toolkit);
}

#[test]
fn markup_characters_in_the_words_stay_words() {
    let mut toolkit = load("kit", &small()).toolkit.unwrap();
    let awkward = [
        "*not emphasis* and _this_ [not a link](x) `code` <b> &amp; \\ back",
        "# not a heading",
        "- not a point",
        "1. not a number",
        "> not a quote",
        "  spaces around  ",
        "+ plus",
        "Title with a closing #",
    ];
    let section = &mut toolkit.parts[0].sections[0];
    section.blocks = awkward
        .iter()
        .map(|w| Block::Paragraph((*w).into()))
        .chain([
            Block::Points(vec!["a".into()]),
            Block::Points(vec!["b".into()]),
        ])
        .collect();
    section.title = awkward[7].into();
    section.reflect = awkward.iter().map(|w| (*w).to_string()).collect();
    let again = load("kit", &to_files(&toolkit));
    let again = again.toolkit.expect("reads back");
    assert_eq!(again.parts[0].sections[0], toolkit.parts[0].sections[0]);
}

#[test]
fn the_built_in_toolkit_goes_to_markdown_and_back_as_written() {
    let written: Toolkit = serde_json::from_str(content::BUILT_IN).unwrap();
    let files = to_files(&written);
    let loaded = load("kit", &files);
    assert!(loaded.problems.is_empty(), "{:#?}", loaded.problems);
    assert_eq!(loaded.toolkit.unwrap(), content::built_in());
    assert_eq!(as_written(&files).unwrap(), written);
}

#[test]
fn the_example_toolkit_has_no_problem_not_even_a_warning() {
    let loaded = load("kit", &example::files());
    assert!(loaded.problems.is_empty(), "{:#?}", loaded.problems);
    let toolkit = loaded.toolkit.unwrap();
    let sections = &toolkit.parts[0].sections;
    assert_eq!(sections.len(), 4);
    assert!(sections.iter().any(|s| s.choice.is_some()));
    assert!(sections.iter().any(|s| s.id.ends_with("-recap")));
}

#[test]
fn points_then_links_in_one_list_are_two_blocks() {
    let mut files = small();
    files[2].text = files[2].text.replace(
        "- Listen.\n",
        "- Listen.\n- [A web page](https://example.org/b)\n",
    );
    let toolkit = load("kit", &files).toolkit.unwrap();
    let blocks = &toolkit.parts[0].sections[0].blocks;
    assert_eq!(
        blocks[1],
        Block::Points(vec!["Ask first.".into(), "Listen.".into()])
    );
    assert!(
        matches!(&blocks[2], Block::Links(links) if links[0].url.as_deref() == Some("https://example.org/b"))
    );
}
