//! CommonMark, parsed by pulldown-cmark, as the small tree the toolkit
//! format needs: headings, paragraphs, lists and quotations, each with its
//! byte offset. Whatever the format has no place for (an image, HTML, a
//! table, code, emphasis outside a resource's title) is kept as a
//! [`Node::Other`] or a [`Piece::Bad`] with a mend, for the caller to
//! report: nothing is dropped silently.

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};
use std::ops::Range;

/// A piece of a paragraph, heading or list item.
#[derive(Debug, Clone, PartialEq)]
pub enum Piece {
    /// Words (entities and escapes already undone).
    Text(String),
    /// A line break inside a paragraph: read as a space.
    Break,
    /// `[text](dest)`.
    Link { dest: String, text: String },
    /// `*text*` or `**text**`: a resource's title, where it has no address.
    Emphasis(String),
    /// Something with no place in the format: what to say about it.
    Bad(String),
}

/// A piece and the byte offset it starts at.
pub type Placed = (Piece, usize);

/// A block of the file.
#[derive(Debug, Clone, PartialEq)]
pub enum Node {
    /// `#` to `######`.
    Heading {
        level: usize,
        pieces: Vec<Placed>,
        at: usize,
    },
    /// A paragraph (or the words of a tight list item).
    Para { pieces: Vec<Placed>, at: usize },
    /// A list: `-`, `*`, `+` or numbered.
    List {
        ordered: bool,
        items: Vec<Item>,
        at: usize,
    },
    /// `>` lines.
    Quote { children: Vec<Node>, at: usize },
    /// Something the format has no place for, and how to mend it.
    Other { what: String, at: usize },
}

/// One item of a list: its blocks.
#[derive(Debug, Clone, PartialEq)]
pub struct Item {
    /// Its paragraphs and any nested lists.
    pub children: Vec<Node>,
    /// Where it starts.
    pub at: usize,
}

/// The blocks of `markdown` (offsets from its start). No extension is
/// turned on: tables, footnotes and the like are plain CommonMark's.
pub fn parse(markdown: &str) -> Vec<Node> {
    let events: Vec<(Event<'_>, Range<usize>)> = Parser::new_ext(markdown, Options::empty())
        .into_offset_iter()
        .collect();
    let mut i = 0;
    nodes(&events, &mut i)
}

/// The words of `pieces`, links and emphasis read as their words.
pub fn plain(pieces: &[Placed]) -> String {
    let mut out = String::new();
    for (piece, _) in pieces {
        match piece {
            Piece::Text(text) | Piece::Emphasis(text) | Piece::Link { text, .. } => {
                out.push_str(text)
            }
            Piece::Break => out.push(' '),
            Piece::Bad(_) => {}
        }
    }
    out
}

type Events<'e, 't> = &'e [(Event<'t>, Range<usize>)];

/// Blocks until the end of the enclosing tag (consumed) or of the events.
fn nodes(events: Events<'_, '_>, i: &mut usize) -> Vec<Node> {
    let mut out = Vec::new();
    while let Some((event, range)) = events.get(*i) {
        let at = range.start;
        match event {
            Event::End(_) => {
                *i += 1;
                return out;
            }
            Event::Start(Tag::Paragraph) => {
                *i += 1;
                let pieces = inline(events, i);
                out.push(Node::Para { pieces, at });
            }
            Event::Start(Tag::Heading { level, .. }) => {
                *i += 1;
                let pieces = inline(events, i);
                out.push(Node::Heading {
                    level: *level as usize,
                    pieces,
                    at,
                });
            }
            Event::Start(Tag::List(first)) => {
                *i += 1;
                let mut items = Vec::new();
                while let Some((Event::Start(Tag::Item), range)) = events.get(*i) {
                    *i += 1;
                    let children = nodes(events, i);
                    items.push(Item {
                        children,
                        at: range.start,
                    });
                }
                *i += 1; // the list's end
                out.push(Node::List {
                    ordered: first.is_some(),
                    items,
                    at,
                });
            }
            Event::Start(Tag::BlockQuote(_)) => {
                *i += 1;
                let children = nodes(events, i);
                out.push(Node::Quote { children, at });
            }
            Event::Start(tag) if is_block(tag) => {
                let what = unknown_block(tag);
                skip(events, i);
                out.push(Node::Other { what, at });
            }
            Event::Rule => {
                *i += 1;
                out.push(Node::Other {
                    what: "a line across (---) has no place in a section: take it out \
                           (a new section is a new file)"
                        .into(),
                    at,
                });
            }
            // The words of a tight list item, with no paragraph around them.
            _ => {
                let pieces = inline(events, i);
                out.push(Node::Para { pieces, at });
            }
        }
    }
    out
}

/// Whether a tag starts a block (rather than words inside one).
fn is_block(tag: &Tag<'_>) -> bool {
    !matches!(
        tag,
        Tag::Emphasis
            | Tag::Strong
            | Tag::Strikethrough
            | Tag::Superscript
            | Tag::Subscript
            | Tag::Link { .. }
            | Tag::Image { .. }
    )
}

/// What to say about a block the format has no place for.
fn unknown_block(tag: &Tag<'_>) -> String {
    match tag {
        Tag::CodeBlock(_) => "a code block has no place in the toolkit: write it as a paragraph \
                              (an indented line is read as code: take the spaces away)"
            .into(),
        Tag::HtmlBlock => "HTML is not shown by the toolkit: write it as plain text \
                           (or escape the < as \\<)"
            .into(),
        _ => "this kind of block has no place in the toolkit: write it as paragraphs, \
              a list or a > quotation"
            .into(),
    }
}

/// Past the tag starting at `i` and everything inside it.
fn skip(events: Events<'_, '_>, i: &mut usize) {
    let mut depth = 0usize;
    while let Some((event, _)) = events.get(*i) {
        *i += 1;
        match event {
            Event::Start(_) => depth += 1,
            Event::End(_) => depth = depth.saturating_sub(1),
            _ => {}
        }
        if depth == 0 {
            return;
        }
    }
}

/// Words until the end of the enclosing tag (consumed) or the next block.
fn inline(events: Events<'_, '_>, i: &mut usize) -> Vec<Placed> {
    let mut out: Vec<Placed> = Vec::new();
    while let Some((event, range)) = events.get(*i) {
        let at = range.start;
        let piece = match event {
            Event::End(end) => {
                // The end of a paragraph or heading is ours; an item's, a
                // quotation's or a link's belongs to the caller.
                if matches!(end, TagEnd::Paragraph | TagEnd::Heading(_)) {
                    *i += 1;
                }
                return out;
            }
            Event::Start(tag) if is_block(tag) => return out,
            Event::Text(text) => {
                *i += 1;
                if let Some((Piece::Text(last), _)) = out.last_mut() {
                    last.push_str(text);
                    continue;
                }
                Piece::Text(text.to_string())
            }
            Event::SoftBreak | Event::HardBreak => {
                *i += 1;
                Piece::Break
            }
            Event::Start(Tag::Link { dest_url, .. }) => {
                *i += 1;
                let inner = inline(events, i);
                *i += 1; // the link's end
                let plain_words = inner
                    .iter()
                    .all(|(p, _)| matches!(p, Piece::Text(_) | Piece::Break));
                match plain_words {
                    false => Piece::Bad(inline_mend("markup inside a link's words")),
                    true => Piece::Link {
                        dest: dest_url.to_string(),
                        text: plain(&inner),
                    },
                }
            }
            Event::Start(Tag::Emphasis | Tag::Strong) => {
                *i += 1;
                let inner = inline(events, i);
                *i += 1;
                Piece::Emphasis(plain(&inner))
            }
            Event::Start(Tag::Image { .. }) => {
                skip(events, i);
                Piece::Bad(
                    "an image is not shown in the terminal: describe it in words, or list it \
                     as a link (- [What it shows](https://…))"
                        .into(),
                )
            }
            Event::Start(_) => {
                skip(events, i);
                Piece::Bad(inline_mend("this markup"))
            }
            Event::Code(_) => {
                *i += 1;
                Piece::Bad(
                    "`code` is not shown as code: write it as plain words \
                     (or escape each backtick as \\`)"
                        .into(),
                )
            }
            Event::Html(_) | Event::InlineHtml(_) => {
                *i += 1;
                Piece::Bad(
                    "HTML is not shown by the toolkit: write it as plain text \
                     (or escape the < as \\<)"
                        .into(),
                )
            }
            _ => {
                *i += 1;
                Piece::Bad(inline_mend("this markup"))
            }
        };
        out.push((piece, at));
    }
    out
}

/// What to say about markup inside words that the toolkit cannot show.
fn inline_mend(what: &str) -> String {
    format!("{what} is not shown by the toolkit: write plain words")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tight_and_loose_items_give_the_same_paragraphs() {
        let tight = parse("- one\n- two\n");
        let loose = parse("- one\n\n- two\n");
        let words = |nodes: &[Node]| match &nodes[0] {
            Node::List { items, .. } => items
                .iter()
                .map(|item| match &item.children[0] {
                    Node::Para { pieces, .. } => plain(pieces),
                    other => format!("{other:?}"),
                })
                .collect::<Vec<_>>(),
            other => vec![format!("{other:?}")],
        };
        assert_eq!(words(&tight), ["one", "two"]);
        assert_eq!(words(&loose), ["one", "two"]);
    }

    #[test]
    fn escapes_and_line_breaks_are_read_as_plain_words() {
        let nodes = parse("A \\*star\\* and\nQ&amp;A\n");
        let Node::Para { pieces, .. } = &nodes[0] else {
            panic!("{nodes:?}")
        };
        assert_eq!(plain(pieces), "A *star* and Q&A");
    }

    #[test]
    fn what_has_no_place_is_kept_to_be_reported() {
        let nodes = parse("![a](b.png) <b>x</b>\n\n    code\n");
        let Node::Para { pieces, .. } = &nodes[0] else {
            panic!("{nodes:?}")
        };
        assert!(matches!(pieces[0], (Piece::Bad(_), 0)));
        assert!(
            pieces
                .iter()
                .filter(|(p, _)| matches!(p, Piece::Bad(_)))
                .count()
                >= 2
        );
        assert!(matches!(nodes[1], Node::Other { .. }));
    }
}
