//! The folder as a whole: the toolkit's name and sources (front matter of
//! `SUMMARY.md`, or of `part.md` at the root), each part (`part.md` in its
//! folder: `# Title` and `## Outcomes`), and the reading order: the list
//! in `SUMMARY.md` (as mdBook writes it), or, without one, the file and
//! folder names in order (`01-start/02-welcome.md`).

use super::front::{self, PartFront, ToolkitFront};
use super::spot::{Owners, Problems, line_col};
use super::tree::{self, Node, Piece};
use super::{File, PART, Read, SUMMARY, section};
use crate::toolkit::content::{Part, Toolkit};
use std::collections::{BTreeMap, HashMap, HashSet};

/// The parts in order, each with its section files in order.
type Order = Vec<(String, Vec<String>)>;

/// The toolkit in `files`, or `None` when it cannot be put together (every
/// problem reported to `problems`).
pub fn toolkit(files: &[File], problems: &mut Problems) -> Option<Read> {
    let by_path: HashMap<&str, &File> = files.iter().map(|f| (f.path.as_str(), f)).collect();
    let mut places = Owners::default();
    let (root, order_from_summary) = match (by_path.get(SUMMARY), by_path.get(PART)) {
        (Some(summary), _) => (*summary, true),
        (None, Some(part)) => (*part, false),
        (None, None) => {
            problems.error(
                SUMMARY,
                "",
                0,
                "there is no SUMMARY.md (or part.md) at the top of the folder: it names the \
                 toolkit and lists its parts and sections (allyship new-toolkit DIR writes an \
                 example)"
                    .into(),
            );
            return None;
        }
    };
    let head = front::read::<ToolkitFront>(&root.path, &root.text, problems);
    let body_at = head.as_ref().map_or(root.text.len(), |(_, at, _)| *at);
    let nodes = tree::parse(&root.text[body_at..]);
    let mut doc = Doc {
        file: root,
        body_at,
        problems,
    };
    let (title, title_line, rest) = doc.title(nodes);
    let order = if order_from_summary {
        doc.summary(rest, &by_path)
    } else {
        doc.nothing_more(rest);
        by_name(files)
    };
    places.insert("toolkit".into(), &root.path, title_line);
    let problems = doc.problems;
    check_listed(files, root, &order, problems);
    let mut parts = Vec::new();
    for (part_path, section_paths) in &order {
        if !by_path.contains_key(part_path.as_str()) {
            problems.error(
                part_path,
                "",
                0,
                "the part has no part.md: add one with its id in the front matter, # Title and                  ## Outcomes"
                    .into(),
            );
        }
        let part = by_path.get(part_path.as_str()).and_then(|file| {
            let (part, line) = part(file, problems)?;
            places.insert(format!("part \"{}\"", part.id), &file.path, line);
            Some(part)
        });
        let mut sections = Vec::new();
        for path in section_paths {
            let Some(file) = by_path.get(path.as_str()) else {
                continue;
            };
            if let Some((section, line)) = section::read(&file.path, &file.text, problems) {
                places.insert(format!("section \"{}\"", section.id), &file.path, line);
                sections.push(section);
            }
        }
        if let Some(mut part) = part {
            part.sections = sections;
            parts.push(part);
        }
    }
    let (head, ..) = head?;
    Some(Read {
        toolkit: Toolkit {
            title,
            version: head.version,
            sources: head.sources,
            parts,
        },
        places,
    })
}

/// A part's `part.md`: its id, `# Title` and `## Outcomes` list.
fn part(file: &File, problems: &mut Problems) -> Option<(Part, usize)> {
    let before = problems.len();
    let head = front::read::<PartFront>(&file.path, &file.text, problems);
    let body_at = head.as_ref().map_or(file.text.len(), |(_, at, _)| *at);
    let mut doc = Doc {
        file,
        body_at,
        problems,
    };
    let (title, line, rest) = doc.title(tree::parse(&file.text[body_at..]));
    let mut outcomes = Vec::new();
    let mut rest = rest.into_iter();
    match rest.next() {
        Some(Node::Heading {
            level: 2,
            pieces,
            at,
        }) if tree::plain(&pieces).trim().eq_ignore_ascii_case("outcomes") => match rest.next() {
            Some(Node::List { items, .. }) => {
                outcomes = items.iter().map(|item| doc.item_text(item)).collect();
            }
            _ => doc.error(
                at,
                "## Outcomes is followed by a list: - explain what an ally does".into(),
            ),
        },
        Some(other) => doc.unexpected(&other),
        None => {}
    }
    doc.nothing_more(rest.collect());
    let (head, ..) = head?;
    (problems.len() == before).then_some((
        Part {
            id: head.id,
            title,
            outcomes,
            sections: Vec::new(),
        },
        line,
    ))
}

/// Reading one of the files that are not sections.
struct Doc<'d> {
    file: &'d File,
    body_at: usize,
    problems: &'d mut Problems,
}

impl Doc<'_> {
    fn error(&mut self, at: usize, message: String) {
        self.problems
            .error(&self.file.path, &self.file.text, self.body_at + at, message);
    }

    /// The `# Title` the body begins with, its line, and the blocks after.
    fn title(&mut self, nodes: Vec<Node>) -> (String, usize, Vec<Node>) {
        let mut nodes = nodes.into_iter();
        match nodes.next() {
            Some(Node::Heading {
                level: 1,
                pieces,
                at,
            }) => {
                let line = line_col(&self.file.text, self.body_at + at).0;
                (
                    tree::plain(&pieces).trim().to_owned(),
                    line,
                    nodes.collect(),
                )
            }
            other => {
                let at = other.as_ref().map_or(0, node_at);
                self.error(at, "the body begins with its title: # Title".into());
                (String::new(), 1, nodes.collect())
            }
        }
    }

    /// A problem for each block left over.
    fn nothing_more(&mut self, nodes: Vec<Node>) {
        for node in &nodes {
            self.unexpected(node);
        }
    }

    fn unexpected(&mut self, node: &Node) {
        let message = if self.file.path.ends_with(PART) {
            "a part's file holds its # Title and ## Outcomes only: an introduction goes in the \
             part's first section (such as 01-introduction.md)"
        } else {
            "SUMMARY.md holds the toolkit's # Title and one list of parts, each with its \
             sections nested under it: - [Part](01-part/part.md), then   - [Section](01-part/01-id.md)"
        };
        self.error(node_at(node), message.into());
    }

    /// The words of a list item.
    fn item_text(&mut self, item: &tree::Item) -> String {
        match item.children.first() {
            Some(Node::Para { pieces, .. }) => tree::plain(pieces).trim().to_owned(),
            _ => {
                self.error(
                    item.at,
                    "this item is empty: write it, or take it out".into(),
                );
                String::new()
            }
        }
    }

    /// The reading order in `SUMMARY.md`'s list.
    fn summary(&mut self, nodes: Vec<Node>, by_path: &HashMap<&str, &File>) -> Order {
        let mut order = Order::new();
        let mut nodes = nodes.into_iter();
        let Some(Node::List { items, .. }) = nodes.next() else {
            self.error(
                0,
                "SUMMARY.md lists the parts: - [Part](01-part/part.md)".into(),
            );
            return order;
        };
        for item in &items {
            let Some(path) = self.listed(item, by_path) else {
                continue;
            };
            let mut sections = Vec::new();
            for child in item.children.iter().skip(1) {
                match child {
                    Node::List { items, .. } => {
                        sections.extend(items.iter().filter_map(|i| self.listed(i, by_path)));
                    }
                    other => self.unexpected(other),
                }
            }
            order.push((path, sections));
        }
        self.nothing_more(nodes.collect());
        order
    }

    /// The file a list item of `SUMMARY.md` links to, when there is one.
    fn listed(&mut self, item: &tree::Item, by_path: &HashMap<&str, &File>) -> Option<String> {
        let link = match item.children.first() {
            Some(Node::Para { pieces, .. }) => match pieces.as_slice() {
                [(Piece::Link { dest, .. }, _)] => Some(dest.trim_start_matches("./").to_owned()),
                _ => None,
            },
            _ => None,
        };
        let Some(path) = link else {
            self.error(
                item.at,
                "each item of SUMMARY.md is a link to a file: - [Title](01-part/01-id.md)".into(),
            );
            return None;
        };
        if !by_path.contains_key(path.as_str()) {
            self.error(
                item.at,
                format!("there is no file {path} in the folder: mend the link, or add the file"),
            );
            return None;
        }
        Some(path)
    }
}

/// Without `SUMMARY.md`: each folder is a part, in name order, and each
/// `.md` file in it (but `part.md`) a section, in name order.
fn by_name(files: &[File]) -> Order {
    let mut parts: BTreeMap<&str, Vec<String>> = BTreeMap::new();
    for file in files {
        if let Some((folder, name)) = file.path.split_once('/')
            && !name.contains('/')
        {
            let sections = parts.entry(folder).or_default();
            if name != PART {
                sections.push(file.path.clone());
            }
        }
    }
    parts
        .into_iter()
        .map(|(folder, mut sections)| {
            sections.sort();
            (format!("{folder}/{PART}"), sections)
        })
        .collect()
}

/// Every Markdown file in the folder is in the toolkit, or said not to be:
/// none is left out silently.
fn check_listed(files: &[File], root: &File, order: &Order, problems: &mut Problems) {
    let listed: HashSet<&str> = order
        .iter()
        .flat_map(|(part, sections)| std::iter::once(part).chain(sections))
        .map(String::as_str)
        .chain([root.path.as_str()])
        .collect();
    for file in files {
        if listed.contains(file.path.as_str()) {
            continue;
        }
        let message = if file.path.matches('/').count() > 1 {
            "this file is in a folder inside a part, which is not read: a part is one folder \
             of section files (move it up)"
        } else if root.path == SUMMARY {
            "this file is not listed in SUMMARY.md, so it is not in the toolkit: list it \
             there, or take it out of the folder"
        } else {
            "this file is not in a part's folder, so it is not in the toolkit: move it into \
             one (such as 01-part/03-my-section.md)"
        };
        problems.error(&file.path, &file.text, 0, message.into());
    }
}

/// Where a block starts.
fn node_at(node: &Node) -> usize {
    match node {
        Node::Heading { at, .. }
        | Node::Para { at, .. }
        | Node::List { at, .. }
        | Node::Quote { at, .. }
        | Node::Other { at, .. } => *at,
    }
}
