//! The Markdown walk: pulldown-cmark's events become text blocks ("leaves": paragraphs,
//! headings, list items, table cells, HTML lines) with their nesting, and the byte ranges
//! of the note's visible text.

use std::ops::Range;

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

#[derive(Debug, Clone)]
pub(super) struct Leaf {
    pub(super) range: Range<usize>,
    pub(super) kind: LeafKind,
    /// Nesting depth of list items around it (0: not in a list).
    pub(super) depth: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum LeafKind {
    Paragraph,
    Heading(usize),
    /// The first block of a list item.
    ItemHead,
    Cell {
        table: usize,
        row: usize,
        col: usize,
        header: bool,
    },
}

/// The range of a block with no text yet (grown by each text event).
fn unset() -> Range<usize> {
    Range {
        start: usize::MAX,
        end: 0,
    }
}

/// Walks the Markdown events and records the text blocks and the byte ranges of visible
/// text.
pub(super) fn leaves(note: &str) -> (Vec<Leaf>, Vec<Range<usize>>) {
    let mut leaves: Vec<Leaf> = Vec::new();
    let mut keep = Vec::new();
    let mut open: Option<Leaf> = None;
    let mut depth = 0usize;
    let (mut table, mut row, mut col, mut header) = (0usize, 0usize, 0usize, false);
    let mut struck = 0usize;
    let flush = |open: &mut Option<Leaf>, leaves: &mut Vec<Leaf>| {
        if let Some(leaf) = open.take().filter(|l| !l.range.is_empty()) {
            leaves.push(leaf);
        }
    };
    let options = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH;
    for (event, range) in Parser::new_ext(note, options).into_offset_iter() {
        let start_leaf = |kind| {
            Some(Leaf {
                range: unset(),
                kind,
                depth,
            })
        };
        match event {
            Event::Start(Tag::Paragraph) => {
                let kind = match &open {
                    Some(l) if l.kind == LeafKind::ItemHead && l.range.is_empty() => {
                        LeafKind::ItemHead
                    }
                    _ => LeafKind::Paragraph,
                };
                flush(&mut open, &mut leaves);
                open = start_leaf(kind);
            }
            Event::Start(Tag::Heading { level, .. }) => {
                flush(&mut open, &mut leaves);
                open = start_leaf(LeafKind::Heading(level as usize));
            }
            Event::Start(Tag::Item) => {
                flush(&mut open, &mut leaves);
                depth += 1;
                open = Some(Leaf {
                    range: unset(),
                    kind: LeafKind::ItemHead,
                    depth,
                });
            }
            Event::End(TagEnd::Item) => {
                flush(&mut open, &mut leaves);
                depth = depth.saturating_sub(1);
            }
            Event::Start(Tag::Table(_)) => table += 1,
            Event::Start(Tag::TableHead) => (header, row, col) = (true, 0, 0),
            Event::End(TagEnd::TableHead) => header = false,
            Event::Start(Tag::TableRow) => (row, col) = (row + 1, 0),
            Event::Start(Tag::TableCell) => {
                flush(&mut open, &mut leaves);
                open = start_leaf(LeafKind::Cell {
                    table,
                    row,
                    col,
                    header,
                });
            }
            Event::End(TagEnd::TableCell) => {
                flush(&mut open, &mut leaves);
                col += 1;
            }
            Event::Start(Tag::Strikethrough) => struck += 1,
            Event::End(TagEnd::Strikethrough) => struck = struck.saturating_sub(1),
            Event::Html(_) => {
                flush(&mut open, &mut leaves);
                for line in html_text(note, range) {
                    keep.push(line.clone());
                    leaves.push(Leaf {
                        range: line,
                        kind: LeafKind::Paragraph,
                        depth,
                    });
                }
            }
            Event::Text(_) | Event::Code(_) if struck == 0 => {
                keep.push(range.clone());
                let leaf = open.get_or_insert(Leaf {
                    range: unset(),
                    kind: LeafKind::Paragraph,
                    depth,
                });
                leaf.range.start = leaf.range.start.min(range.start);
                leaf.range.end = leaf.range.end.max(range.end);
            }
            Event::End(TagEnd::Paragraph | TagEnd::Heading(_))
            | Event::Start(Tag::List(_) | Tag::BlockQuote(_) | Tag::CodeBlock(_))
            | Event::End(TagEnd::List(_) | TagEnd::BlockQuote(_))
            | Event::Rule => {
                flush(&mut open, &mut leaves);
            }
            _ => {}
        }
    }
    flush(&mut open, &mut leaves);
    (leaves, keep)
}

/// The text of an HTML block outside its tags, one range per line: notes pasted from a
/// rich-text editor (`<p><strong>ASE:</strong> Jill</p>`).
fn html_text(note: &str, range: Range<usize>) -> Vec<Range<usize>> {
    let Some(block) = note.get(range.clone()) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    let mut offset = range.start;
    for line in block.split_inclusive('\n') {
        let mut in_tag = false;
        let (mut start, mut end) = (None, 0);
        for (i, c) in line.char_indices() {
            match c {
                '<' => in_tag = true,
                '>' if in_tag => in_tag = false,
                c if !in_tag && !c.is_whitespace() => {
                    start.get_or_insert(offset + i);
                    end = offset + i + c.len_utf8();
                }
                _ => {}
            }
        }
        if let Some(start) = start {
            out.push(start..end);
        }
        offset += line.len();
    }
    out
}
