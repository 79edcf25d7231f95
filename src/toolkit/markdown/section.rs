//! A section file (`NN-id.md`) read into a [`Section`]: `# Title`, then the
//! body (paragraphs, `-` lists of points or of links, `>` quotations ending
//! `— Name, role`), then the reserved headings `## Reflect`, `## Discuss`,
//! `## Choice: QUESTION` and `## Facilitator notes`. Anything else is a
//! problem at its place, with how to mend it.

use super::front::{self, SectionFront};
use super::spot::Problems;
use super::tree::{self, Item, Node, Piece, Placed};
use crate::toolkit::content::{Block, Choice, ChoiceOption, Link, Quote, Section};

/// Where in a section the blocks being read belong.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Part {
    BeforeTitle,
    Body,
    Reflect,
    Discuss,
    Choice,
    Notes,
}

/// The reserved headings, as written (for messages).
const HEADINGS: &str = "## Reflect, ## Discuss, ## Choice: QUESTION and ## Facilitator notes";

/// The section in `text` (the file `file`) and the line its title is on,
/// or `None` when it has errors (each reported to `problems`).
pub fn read(file: &str, text: &str, problems: &mut Problems) -> Option<(Section, usize)> {
    let before = problems.len();
    let front = front::read::<SectionFront>(file, text, problems);
    let body_at = match &front {
        Some((_, body_at, _)) => *body_at,
        None => front::split(text).map_or(text.len(), |s| s.body_at),
    };
    let mut reader = Reader {
        file,
        text,
        body_at,
        problems,
        section: Section {
            id: String::new(),
            title: String::new(),
            source: String::new(),
            blocks: Vec::new(),
            reflect: Vec::new(),
            discuss: Vec::new(),
            choice: None,
            facilitator_notes: Vec::new(),
        },
        part: Part::BeforeTitle,
        seen: Vec::new(),
        title_line: 1,
    };
    for node in tree::parse(&text[body_at..]) {
        reader.node(node);
    }
    if reader.part == Part::BeforeTitle {
        reader.error(
            0,
            "the section has no title: add a line # Title after the front matter".into(),
        );
    }
    let (mut section, title_line) = (reader.section, reader.title_line);
    let (front, ..) = front?;
    section.id = front.id;
    section.source = front.source;
    (problems.len() == before).then_some((section, title_line))
}

/// The state of reading one section file.
struct Reader<'r> {
    file: &'r str,
    text: &'r str,
    body_at: usize,
    problems: &'r mut Problems,
    section: Section,
    part: Part,
    seen: Vec<Part>,
    title_line: usize,
}

impl Reader<'_> {
    /// An error at `at`, an offset in the body.
    fn error(&mut self, at: usize, message: String) {
        self.problems
            .error(self.file, self.text, self.body_at + at, message);
    }

    fn node(&mut self, node: Node) {
        match node {
            Node::Heading { level, pieces, at } => self.heading(level, &pieces, at),
            _ if self.part == Part::BeforeTitle => {
                let at = at_of(&node);
                self.error(
                    at,
                    "this comes before the section's title: begin the body with # Title".into(),
                );
            }
            Node::Other { what, at } => self.error(at, what),
            Node::Para { pieces, at } => match self.part {
                Part::Body => {
                    let words = self.words(&pieces);
                    self.section.blocks.push(Block::Paragraph(words));
                }
                Part::Notes => {
                    let words = self.words(&pieces);
                    self.section.facilitator_notes.push(words);
                }
                Part::Reflect | Part::Discuss => self.error(
                    at,
                    "under this heading each prompt is a list item: - What would you do?".into(),
                ),
                _ => self.error(
                    at,
                    "under ## Choice each option is a numbered list item: 1. What you might do"
                        .into(),
                ),
            },
            Node::List { ordered, items, at } => self.list(ordered, &items, at),
            Node::Quote { children, at } => match self.part {
                Part::Body => {
                    if let Some(quote) = self.quote(&children, at) {
                        self.section.blocks.push(Block::Quote(quote));
                    }
                }
                _ => self.error(
                    at,
                    "a quotation belongs in the body, before the ## headings: move it up".into(),
                ),
            },
        }
    }

    fn heading(&mut self, level: usize, pieces: &[Placed], at: usize) {
        let words = self.words(pieces);
        let part = match (level, self.part) {
            (1, Part::BeforeTitle) => {
                self.section.title = words;
                self.title_line = super::spot::line_col(self.text, self.body_at + at).0;
                Part::Body
            }
            (1, _) => {
                return self.error(
                    at,
                    "a section has one # Title: make this a paragraph, or start a new section \
                     file"
                        .into(),
                );
            }
            (_, Part::BeforeTitle) => {
                return self.error(at, "the section's title comes first: # Title".into());
            }
            (2, _) => match reserved(&words) {
                Some((part, question)) => {
                    if let Some(question) = question {
                        self.section.choice = Some(Choice {
                            question,
                            options: Vec::new(),
                        });
                    }
                    part
                }
                None => {
                    return self.error(
                        at,
                        format!(
                            "\"## {words}\" is not a heading a section has ({HEADINGS}): \
                             make it a paragraph, or start a new section file"
                        ),
                    );
                }
            },
            _ => {
                return self.error(
                    at,
                    format!(
                        "a heading of level {level} has no place in a section (it has # Title, \
                         then {HEADINGS}): make it a paragraph"
                    ),
                );
            }
        };
        if self.seen.contains(&part) {
            return self.error(at, "this heading is given twice: keep one".into());
        }
        self.seen.push(part);
        self.part = part;
    }

    fn list(&mut self, ordered: bool, items: &[Item], at: usize) {
        match self.part {
            Part::Body => {
                let starts_with_link = |item: &Item| {
                    matches!(
                        first_para(item).and_then(|p| p.first()),
                        Some((Piece::Link { .. } | Piece::Emphasis(_), _))
                    )
                };
                // Points and links one after the other in one list are two
                // blocks: a list of points, then a list of links.
                for run in items.chunk_by(|a, b| starts_with_link(a) == starts_with_link(b)) {
                    if starts_with_link(&run[0]) {
                        let links = run.iter().filter_map(|i| self.link(i)).collect();
                        self.section.blocks.push(Block::Links(links));
                    } else {
                        let points = run.iter().map(|i| self.item_words(i)).collect();
                        self.section.blocks.push(Block::Points(points));
                    }
                }
            }
            Part::Reflect | Part::Discuss | Part::Notes => {
                let lines: Vec<String> = items.iter().map(|i| self.item_words(i)).collect();
                match self.part {
                    Part::Reflect => self.section.reflect.extend(lines),
                    Part::Discuss => self.section.discuss.extend(lines),
                    _ => self.section.facilitator_notes.extend(lines),
                }
            }
            Part::Choice if !ordered => self.error(
                at,
                "the options of a choice are numbered: 1. What you might do".into(),
            ),
            Part::Choice => {
                let options: Vec<ChoiceOption> =
                    items.iter().filter_map(|i| self.option(i)).collect();
                match &mut self.section.choice {
                    Some(choice) if choice.options.is_empty() => choice.options = options,
                    _ => self.error(
                        at,
                        "a choice has one numbered list of options: join the two".into(),
                    ),
                }
            }
            Part::BeforeTitle => {}
        }
    }

    /// The words of a list item with one paragraph.
    fn item_words(&mut self, item: &Item) -> String {
        for child in item.children.iter().skip(1) {
            self.error(
                at_of(child),
                "a list item here is one paragraph: join its lines, or make this a list or \
                 paragraph of its own (without indenting it)"
                    .into(),
            );
        }
        first_para(item).map_or_else(String::new, |pieces| self.words(pieces))
    }

    /// Plain words: a link, emphasis or markup inside them is a problem.
    fn words(&mut self, pieces: &[Placed]) -> String {
        for (piece, at) in pieces {
            let problem = match piece {
                Piece::Link { .. } => "a link inside words is not shown as a link: put it in a \
                                       list of links of its own (- [Title](#section-id) or \
                                       - [Title](https://…))"
                    .to_owned(),
                Piece::Emphasis(_) => "emphasis (*…* or _…_) is not shown by the toolkit: write \
                                       plain words (a * in the words is written \\*)"
                    .to_owned(),
                Piece::Bad(what) => what.clone(),
                Piece::Text(_) | Piece::Break => continue,
            };
            self.error(*at, problem);
        }
        tree::plain(pieces)
    }

    /// A quotation: its lines, the last one `— Name, role`.
    fn quote(&mut self, children: &[Node], at: usize) -> Option<Quote> {
        let mut lines: Vec<String> = Vec::new();
        for child in children {
            match child {
                Node::Para { pieces, .. } => {
                    for line in split_lines(pieces) {
                        lines.push(self.words(&line));
                    }
                }
                other => self.error(
                    at_of(other),
                    "a quotation holds words only: the quoted words, then — Name, role".into(),
                ),
            }
        }
        let last = lines.pop().unwrap_or_default();
        let by = last
            .strip_prefix('—')
            .or_else(|| last.strip_prefix("--"))
            .map(one_space_off);
        match by {
            Some(by) if !lines.is_empty() => Some(Quote {
                text: lines.join(" "),
                by: by.to_owned(),
            }),
            _ => {
                self.error(
                    at,
                    "a quotation ends with a line saying who said it: > — Name, role".into(),
                );
                None
            }
        }
    }

    /// A link item: `[Title](address)` or `*Title*`, then `by AUTHOR` and
    /// `(kind)`, both optional.
    fn link(&mut self, item: &Item) -> Option<Link> {
        let pieces = first_para(item)?;
        let ((first, _), rest) = pieces.split_first()?;
        let (title, dest) = match first {
            Piece::Link { dest, text } => (text.clone(), Some(dest.clone())),
            Piece::Emphasis(title) => (title.clone(), None),
            _ => return None,
        };
        let tail = self.words(rest);
        let (by, kind) = match tail_of(&tail) {
            Some(parts) => parts,
            None => {
                self.error(
                    rest.first().map_or(item.at, |(_, at)| *at),
                    format!(
                        "after a link only \"by AUTHOR\" and \"(kind)\" may follow, not \
                         \"{tail}\": - [Title](https://…) by Author (book)"
                    ),
                );
                return None;
            }
        };
        let (url, section) = match dest {
            Some(dest) => match dest.strip_prefix('#') {
                Some(id) => (None, Some(id.to_owned())),
                None => (Some(dest), None),
            },
            None => (None, None),
        };
        Some(Link {
            title,
            url,
            section,
            by,
            kind,
        })
    }

    /// A choice's option: its words, `Feedback: …` and `See: section-id`.
    fn option(&mut self, item: &Item) -> Option<ChoiceOption> {
        let (mut text, mut feedback, mut see) = (Vec::new(), Vec::new(), None::<String>);
        let mut into_feedback = false;
        for child in &item.children {
            let Node::Para { pieces, .. } = child else {
                self.error(
                    at_of(child),
                    "an option holds its words, then Feedback: …, then See: section-id".into(),
                );
                continue;
            };
            for line in split_lines(pieces) {
                let target = line.iter().find_map(|(p, _)| match p {
                    Piece::Link { dest, .. } => dest.strip_prefix('#').map(str::to_owned),
                    _ => None,
                });
                let words = tree::plain(&line);
                let words = words.trim();
                if let Some(rest) = words.strip_prefix("See:") {
                    see = target.or_else(|| Some(rest.trim().to_owned()));
                    continue;
                }
                let words = self.words(&line);
                if let Some(rest) = words.strip_prefix("Feedback:") {
                    into_feedback = true;
                    feedback.push(one_space_off(rest).to_owned());
                } else if into_feedback {
                    feedback.push(words);
                } else {
                    text.push(words);
                }
            }
        }
        if !into_feedback {
            self.error(
                item.at,
                "this option has no feedback: add a paragraph Feedback: what it does well or \
                 misses, indented under it"
                    .into(),
            );
        }
        Some(ChoiceOption {
            text: text.join(" "),
            feedback: feedback.join(" "),
            section: see,
        })
    }
}

/// `words` without the one space that follows a marker (`— `,
/// `Feedback: `), so any other space written (`&#32;`) is kept.
fn one_space_off(words: &str) -> &str {
    words.strip_prefix(' ').unwrap_or(words)
}

/// The heading's part, with a choice's question.
fn reserved(words: &str) -> Option<(Part, Option<String>)> {
    let lower = words.to_lowercase();
    match lower.as_str() {
        "reflect" => Some((Part::Reflect, None)),
        "discuss" => Some((Part::Discuss, None)),
        "facilitator notes" => Some((Part::Notes, None)),
        _ if lower.starts_with("choice:") => {
            let question = one_space_off(&words["choice:".len()..]).to_owned();
            Some((Part::Choice, Some(question)))
        }
        _ => None,
    }
}

/// `by AUTHOR (kind)`, each part optional, or `None` if there is more.
fn tail_of(tail: &str) -> Option<(Option<String>, Option<String>)> {
    let mut rest = tail.trim();
    let mut kind = None;
    if let Some(open) = rest.rfind('(')
        && rest.ends_with(')')
    {
        let word = &rest[open + 1..rest.len() - 1];
        if !word.is_empty() && word.chars().all(|c| c.is_ascii_lowercase()) {
            kind = Some(word.to_owned());
            rest = rest[..open].trim_end();
        }
    }
    let by = match rest.strip_prefix("by ") {
        Some(by) => Some(by.trim().to_owned()),
        None if rest.is_empty() => None,
        None => return None,
    };
    Some((by, kind))
}

/// The pieces of the first paragraph of an item.
fn first_para(item: &Item) -> Option<&[Placed]> {
    match item.children.first() {
        Some(Node::Para { pieces, .. }) => Some(pieces),
        _ => None,
    }
}

/// A paragraph's pieces cut at its line breaks.
fn split_lines(pieces: &[Placed]) -> Vec<Vec<Placed>> {
    pieces
        .split(|(p, _)| *p == Piece::Break)
        .map(<[Placed]>::to_vec)
        .filter(|line| !line.is_empty())
        .collect()
}

/// Where a block starts.
fn at_of(node: &Node) -> usize {
    match node {
        Node::Heading { at, .. }
        | Node::Para { at, .. }
        | Node::List { at, .. }
        | Node::Quote { at, .. }
        | Node::Other { at, .. } => *at,
    }
}
