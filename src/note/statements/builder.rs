//! Turns the Markdown's text blocks into statements, carrying topics from one block to
//! the next: headings to their sections, titles to their lists, items to their sub-items,
//! questions to their answers, a table's header and first column to its cells.

use std::ops::Range;

use super::markdown::{Leaf, LeafKind};
use super::sentences::{
    is_title, push_part, sentences, span_of, split_label, unknown_value, words,
};
use super::{Form, Statement};
use crate::note::lexicon::FIELD_WORDS;
use crate::note::text::{Token, tokenize};

/// Turns blocks into statements, carrying topics from one block to the next.
#[derive(Default)]
pub(super) struct Builder {
    pub(super) out: Vec<Statement>,
    /// Active headings by level (1-6).
    headings: Vec<(usize, Vec<Token>)>,
    /// A title line ending in `:` that introduces the list below it.
    title: Option<Vec<Token>>,
    /// The title's list has begun: a paragraph after the list is out of its reach.
    title_listed: bool,
    /// The first sentence of the enclosing list items, by depth.
    items: Vec<Vec<Token>>,
    /// A question waiting for its answer.
    question: Option<Vec<Token>>,
}

impl Builder {
    pub(super) fn leaf(&mut self, text: &str, leaf: &Leaf) {
        let tokens = tokenize(text, leaf.range.clone());
        if tokens.is_empty() {
            return;
        }
        if let LeafKind::Heading(level) = leaf.kind {
            self.heading(level, tokens, leaf.range.clone());
            return;
        }
        self.items.truncate(leaf.depth.saturating_sub(1));
        if leaf.depth == 0 && std::mem::take(&mut self.title_listed) {
            self.title = None;
        }
        self.title_listed |= leaf.depth > 0 && self.title.is_some();
        let pending_question = self.question.take();
        let mut first = None;
        let title = leaf.depth == 0 && is_title(&tokens);
        for (i, sentence) in sentences(text, &tokens).into_iter().enumerate() {
            let mut statement = self.sentence(sentence);
            if title {
                // `**Emergencies:**` over a list or paragraph is a heading, never an answer.
                statement.form = Form::Heading;
            }
            if i == 0 {
                first = Some(statement.tokens().cloned().collect::<Vec<_>>());
                if let Some(q) = &pending_question {
                    push_part(&mut statement.context, q);
                }
            }
            if let Some(q) = self.question.as_ref().filter(|_| !statement.asks) {
                push_part(&mut statement.context, q);
            }
            if statement.asks {
                self.question = Some(statement.tokens().cloned().collect());
            }
            self.out.push(statement);
        }
        if leaf.kind == LeafKind::ItemHead && leaf.depth > 0 {
            self.items.truncate(leaf.depth - 1);
            self.items.push(first.unwrap_or_default());
        }
        if leaf.depth == 0 {
            self.title = (is_title(&tokens) || is_bare_title(&tokens)).then_some(tokens);
        }
    }

    fn heading(&mut self, level: usize, tokens: Vec<Token>, range: Range<usize>) {
        self.headings.retain(|(l, _)| *l < level);
        self.title = None;
        self.question = None;
        let asks = tokens.last().is_some_and(|t| t.is_punct('?'));
        self.out.push(Statement {
            form: Form::Heading,
            span: span_of(&tokens).unwrap_or(range),
            label: Vec::new(),
            content: tokens.clone(),
            context: self.context(),
            asks,
            past: false,
        });
        self.headings.push((level, tokens));
    }

    /// The topic every statement at this point inherits.
    fn context(&self) -> Vec<Token> {
        let mut context = Vec::new();
        for (_, heading) in &self.headings {
            push_part(&mut context, heading);
        }
        if let Some(title) = &self.title {
            push_part(&mut context, title);
        }
        for item in &self.items {
            push_part(&mut context, item);
        }
        context
    }

    fn sentence(&self, tokens: Vec<Token>) -> Statement {
        let (label, content) = split_label(tokens);
        let q_marker = label.len() == 1 && (label[0].is("q") || label[0].is("question"));
        let asks =
            q_marker || content.last().is_some_and(|t| t.is_punct('?')) && !unknown_value(&content);
        let span = span_of(&label)
            .into_iter()
            .chain(span_of(&content))
            .reduce(|a, b| a.start.min(b.start)..a.end.max(b.end))
            .unwrap_or(0..0);
        Statement {
            form: Form::Sentence,
            span,
            label,
            content,
            context: self.context(),
            asks,
            past: false,
        }
    }

    /// A table: each body cell is a statement whose topic is its column's header and its
    /// row's first cell.
    pub(super) fn table(&mut self, text: &str, cells: &[Leaf]) {
        let header: Vec<(usize, Vec<Token>)> = cells
            .iter()
            .filter_map(|l| match l.kind {
                LeafKind::Cell {
                    col, header: true, ..
                } => Some((col, tokenize(text, l.range.clone()))),
                _ => None,
            })
            .collect();
        let rows = cells
            .iter()
            .filter_map(|l| match l.kind {
                LeafKind::Cell {
                    row, header: false, ..
                } => Some(row),
                _ => None,
            })
            .collect::<std::collections::BTreeSet<_>>()
            .len();
        // `| ASE | Region | Hours |` over one row of values, or `| ASE | Former ASE |` over
        // any: each header cell is a label. Otherwise the first column labels its row
        // (`| Who is the ASE? | Jill |`).
        let column_wise = header.len() >= 3 && rows <= 2
            || header.len() == 2 && header.iter().all(|(_, cell)| names_a_field(cell));
        // `| Who is the ASE? | Hoa Tran |` as the header row: a question and its answer.
        let answer_in_header = |l: &&Leaf| {
            matches!(
                l.kind,
                LeafKind::Cell {
                    col: 1,
                    header: true,
                    ..
                }
            )
        };
        if header.len() == 2
            && !column_wise
            && !GENERIC_HEADERS.contains(&words(&header[1].1).as_str())
            && let Some(leaf) = cells.iter().find(answer_in_header)
        {
            let tokens = tokenize(text, leaf.range.clone());
            let mut context = self.context();
            push_part(&mut context, &header[0].1);
            self.push_cell(tokens, context, leaf.range.clone());
        }
        let mut first_cell: Vec<Token> = Vec::new();
        for leaf in cells {
            let LeafKind::Cell {
                col, header: false, ..
            } = leaf.kind
            else {
                continue;
            };
            let tokens = tokenize(text, leaf.range.clone());
            let mut context = self.context();
            // The nearest topic of a cell (pushed last): its column's header in a table of
            // one row of values, its row's first cell otherwise.
            let header_part = header
                .iter()
                .find(|(c, _)| *c == col)
                .map(|(_, h)| h.as_slice());
            if col == 0 {
                first_cell = tokens.clone();
            }
            let (outer, nearest) = if column_wise {
                (
                    if col == 0 {
                        &[][..]
                    } else {
                        first_cell.as_slice()
                    },
                    header_part.unwrap_or(&[]),
                )
            } else {
                (
                    header_part.unwrap_or(&[]),
                    if col == 0 {
                        &[][..]
                    } else {
                        first_cell.as_slice()
                    },
                )
            };
            push_part(&mut context, outer);
            push_part(&mut context, nearest);
            if col == 0 && !column_wise && header.len() > 1 {
                continue;
            }
            self.push_cell(tokens, context, leaf.range.clone());
        }
    }

    fn push_cell(&mut self, tokens: Vec<Token>, context: Vec<Token>, range: Range<usize>) {
        if tokens.is_empty() {
            return;
        }
        let asks = tokens.last().is_some_and(|t| t.is_punct('?'));
        self.out.push(Statement {
            form: Form::Cell,
            span: span_of(&tokens).unwrap_or(range),
            label: Vec::new(),
            content: tokens,
            context,
            asks,
            past: false,
        });
    }
}

/// A line of one to three words with no punctuation ("Changelog", "Current handling"): the
/// title of a list right below it. It stays a statement (it may be an answer: "EMEA").
fn is_bare_title(tokens: &[Token]) -> bool {
    let words = tokens.iter().filter(|t| t.is_wordlike()).count();
    (1..=3).contains(&words) && tokens.iter().all(|t| t.is_wordlike() || t.is_punct('*'))
}

/// A header cell made only of [`FIELD_WORDS`] (`Former ASE`, `Region`).
fn names_a_field(cell: &[Token]) -> bool {
    let mut words = cell.iter().filter(|t| t.is_wordlike()).peekable();
    words.peek().is_some() && words.all(|t| FIELD_WORDS.contains(&t.lower.as_str()))
}

/// Header cells that title a column of answers rather than being an answer.
const GENERIC_HEADERS: &[&str] = &[
    "",
    "answer",
    "answers",
    "value",
    "values",
    "details",
    "detail",
    "name",
    "notes",
    "note",
    "info",
    "information",
    "response",
    "what to do",
    "description",
    "action",
    "actions",
    "handling",
    "how",
    "who",
    "contact",
    "comment",
    "comments",
    "guidance",
    "instructions",
    "process",
    "owner",
    "person",
    "role",
    "status",
    "where",
    "when",
    "what",
    "link",
    "links",
];
