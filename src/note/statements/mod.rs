//! A note as statements: sentences, list items, table cells, headings and `Label: value`
//! lines, each with the topic it inherits from its surroundings.
//!
//! The Markdown is parsed with pulldown-cmark. A heading's words apply to its section, a
//! title line ending in `:` to the list below it, a list item's first sentence to its
//! sub-items, a question (`Who is the ASE?`, `Q: …`) to the answer after it, a table's
//! header and first column to each cell. A statement's own label (`Emergencies: page the
//! on-call engineer`) is kept apart from its content, so a label is a topic, never an
//! answer.

mod builder;
mod markdown;
mod sentences;

use std::ops::Range;

use super::text::{Token, visible_text};
use builder::Builder;
use markdown::{LeafKind, leaves};

/// What kind of block a statement comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Form {
    /// A heading: a topic for its section, never an answer.
    Heading,
    /// A sentence of a paragraph or list item, or a `Label: value` line.
    Sentence,
    /// A table cell (not in the header row).
    Cell,
}

/// One statement of a note.
#[derive(Debug, Clone)]
pub struct Statement {
    pub form: Form,
    /// Where the statement stands in the note.
    pub span: Range<usize>,
    /// The statement's own label (`Emergencies` in `Emergencies: …`); empty when none.
    pub label: Vec<Token>,
    /// The words after the label.
    pub content: Vec<Token>,
    /// The topic inherited from headings, titles, parent items, a preceding question or the
    /// table's header and first column; parts are separated by a `|` token.
    pub context: Vec<Token>,
    /// The statement asks something (ends with `?`, or is a `Q:` line).
    pub asks: bool,
    /// The statement sits under a heading or title that tells the past ("### History",
    /// "Changelog:", "Timeline") in a note that also says how things are now. (A note that
    /// is all changelog keeps its entries.)
    pub past: bool,
}

impl Statement {
    /// Label and content, in order.
    pub fn tokens(&self) -> impl Iterator<Item = &Token> {
        self.label.iter().chain(&self.content)
    }

    /// The statement leaves its value as question marks: "kw on pto → ??", "PTO: ?".
    pub fn leaves_unknown(&self) -> bool {
        sentences::unknown_value(&self.content)
            || self.content.is_empty() && sentences::unknown_value(&self.label)
    }

    /// The statement's text as written in the note, on one line.
    pub fn text(&self, note: &str) -> String {
        let raw = note.get(self.span.clone()).unwrap_or("");
        raw.split_whitespace().collect::<Vec<_>>().join(" ")
    }
}

/// A block of text the Markdown parser found.
/// The note's statements and its visible text (Markdown blanked, offsets kept).
pub fn statements(note: &str) -> (Vec<Statement>, String) {
    let (leaves, keep) = leaves(note);
    let text = visible_text(note, &keep);
    let mut builder = Builder::default();
    let mut i = 0;
    while i < leaves.len() {
        if let LeafKind::Cell { table, .. } = leaves[i].kind {
            let end = leaves[i..]
                .iter()
                .position(|l| !matches!(l.kind, LeafKind::Cell { table: t, .. } if t == table))
                .map_or(leaves.len(), |p| i + p);
            builder.table(&text, &leaves[i..end]);
            i = end;
        } else {
            builder.leaf(&text, &leaves[i]);
            i += 1;
        }
    }
    let mut out = builder.out;
    let history = |s: &Statement| {
        s.context.iter().any(|t| {
            ["history", "changelog", "timeline", "background", "log"].contains(&t.lower.as_str())
        })
    };
    let says_now = out.iter().any(|s| s.form != Form::Heading && !history(s));
    for statement in &mut out {
        statement.past = says_now && history(statement);
    }
    (out, text)
}

#[cfg(test)]
mod tests;
