//! A note as statements: sentences, list items, table cells, headings and `Label: value`
//! lines, each with the topic it inherits from its surroundings.
//!
//! The Markdown is parsed with pulldown-cmark. A heading's words apply to its section, a
//! title line ending in `:` to the list below it, a list item's first sentence to its
//! sub-items, a question (`Who is the ASE?`, `Q: …`) to the answer after it, a table's
//! header and first column to each cell. A statement's own label (`Emergencies: page the
//! on-call engineer`) is kept apart from its content, so a label is a topic, never an
//! answer.

use std::ops::Range;

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

use super::text::{Kind, Token, tokenize, visible_text};

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
}

impl Statement {
    /// Label and content, in order.
    pub fn tokens(&self) -> impl Iterator<Item = &Token> {
        self.label.iter().chain(&self.content)
    }

    /// The statement's text as written in the note, on one line.
    pub fn text(&self, note: &str) -> String {
        let raw = note.get(self.span.clone()).unwrap_or("");
        raw.split_whitespace().collect::<Vec<_>>().join(" ")
    }
}

/// A block of text the Markdown parser found.
#[derive(Debug, Clone)]
struct Leaf {
    range: Range<usize>,
    kind: LeafKind,
    /// Nesting depth of list items around it (0: not in a list).
    depth: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum LeafKind {
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
    (builder.out, text)
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
fn leaves(note: &str) -> (Vec<Leaf>, Vec<Range<usize>>) {
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

/// Turns blocks into statements, carrying topics from one block to the next.
#[derive(Default)]
struct Builder {
    out: Vec<Statement>,
    /// Active headings by level (1-6).
    headings: Vec<(usize, Vec<Token>)>,
    /// A title line ending in `:` that introduces the list below it.
    title: Option<Vec<Token>>,
    /// The first sentence of the enclosing list items, by depth.
    items: Vec<Vec<Token>>,
    /// A question waiting for its answer.
    question: Option<Vec<Token>>,
}

impl Builder {
    fn leaf(&mut self, text: &str, leaf: &Leaf) {
        let tokens = tokenize(text, leaf.range.clone());
        if tokens.is_empty() {
            return;
        }
        if let LeafKind::Heading(level) = leaf.kind {
            self.heading(level, tokens, leaf.range.clone());
            return;
        }
        self.items.truncate(leaf.depth.saturating_sub(1));
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
            self.title = is_title(&tokens).then_some(tokens);
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
        let asks = q_marker || content.last().is_some_and(|t| t.is_punct('?'));
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
        }
    }

    /// A table: each body cell is a statement whose topic is its column's header and its
    /// row's first cell.
    fn table(&mut self, text: &str, cells: &[Leaf]) {
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
        // `| ASE | Region | Hours |` over one row of values: each header cell is a label.
        // Otherwise the first column labels its row (`| Who is the ASE? | Jill |`).
        let column_wise = header.len() >= 3 && rows <= 2;
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
        });
    }
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

/// A token list's words, lowercase, joined by spaces.
fn words(tokens: &[Token]) -> String {
    tokens
        .iter()
        .filter(|t| t.is_wordlike())
        .map(|t| t.lower.as_str())
        .collect::<Vec<_>>()
        .join(" ")
}

fn push_part(context: &mut Vec<Token>, part: &[Token]) {
    if part.is_empty() {
        return;
    }
    let at = part[0].span.start;
    context.push(Token::punct('|', at..at));
    context.extend(part.iter().cloned());
}

fn span_of(tokens: &[Token]) -> Option<Range<usize>> {
    Some(tokens.first()?.span.start..tokens.last()?.span.end)
}

/// A short line ending in `:` with nothing after it: `Emergencies:`, `**Out of hours**:`.
fn is_title(tokens: &[Token]) -> bool {
    tokens.len() <= 24 && tokens.last().is_some_and(|t| t.is_punct(':'))
}

/// Words that abbreviate and end in a dot without ending the sentence.
const ABBREVIATIONS: &[&str] = &[
    "e", "i", "g", "etc", "vs", "approx", "incl", "dr", "mr", "ms", "mrs", "st", "no", "cf", "am",
    "pm",
];

/// Splits a block's tokens into sentences: at `.`, `!`, `?`, `;` and at line breaks that
/// end a line (after punctuation, before a `Label:` line, or after a short line).
fn sentences(text: &str, tokens: &[Token]) -> Vec<Vec<Token>> {
    let mut out = Vec::new();
    let mut current: Vec<Token> = Vec::new();
    for (i, token) in tokens.iter().enumerate() {
        let next = tokens.get(i + 1);
        if let Some(prev) = current.last()
            && line_break_between(text, prev, token)
            && ends_line(text, &current, &tokens[i..])
        {
            out.push(std::mem::take(&mut current));
        }
        current.push(token.clone());
        let ends = match token.kind {
            Kind::Punct('!' | '?' | ';' | '|' | '\u{b7}' | '\u{2022}') => true,
            Kind::Punct('.')
                if next.is_some_and(|n| n.is_punct('.'))
                    || i > 0 && tokens[i - 1].is_punct('.') =>
            {
                false
            }
            Kind::Punct('.') => {
                let prev = i.checked_sub(1).map(|p| &tokens[p]);
                let abbreviation = prev.is_some_and(|p| {
                    p.kind == Kind::Word
                        && (ABBREVIATIONS.contains(&p.lower.as_str())
                            || p.lower.chars().count() == 1)
                });
                let decimal = next.is_some_and(|n| n.span.start == token.span.end);
                !abbreviation && !decimal
            }
            _ => false,
        };
        if ends && next.is_none_or(|n| !n.is_punct(')') && !n.is_punct('?')) {
            out.push(std::mem::take(&mut current));
        }
    }
    if !current.is_empty() {
        out.push(current);
    }
    out.retain(|s| s.iter().any(Token::is_wordlike));
    out
}

fn line_break_between(text: &str, a: &Token, b: &Token) -> bool {
    text.get(a.span.end..b.span.start)
        .is_some_and(|gap| gap.contains('\n'))
}

/// True when a line break after `current` ends the statement.
fn ends_line(text: &str, current: &[Token], rest: &[Token]) -> bool {
    let after_punct = current
        .last()
        .is_some_and(|t| matches!(t.kind, Kind::Punct('.' | '!' | '?' | ':' | ';' | ')')));
    let line_len =
        current.last().map_or(0, |t| t.span.end) - current.first().map_or(0, |t| t.span.start);
    let next_starts_upper = rest
        .first()
        .is_some_and(|t| t.capitalised || t.kind == Kind::Handle || !t.is_wordlike());
    let _ = text;
    after_punct || label_end(rest).is_some() || (next_starts_upper && line_len < 50)
}

/// Where a `Label:` prefix ends (the separator's index), if the statement has one: a short
/// run of words, then `:`, `=`, `→`, `->` or a spaced dash, then more words.
fn label_end(tokens: &[Token]) -> Option<usize> {
    // Bullets and emoji before the label ("🏖️ away: …") are not part of it.
    let lead = tokens.iter().take_while(|t| !t.is_wordlike()).count();
    for (i, token) in tokens.iter().enumerate().skip(lead).take(14) {
        let separator = match token.kind {
            Kind::Punct(':' | '=' | '\u{2192}' | '>') => true,
            Kind::Punct('.') if tokens.get(i + 1).is_some_and(|n| n.is_punct('.')) => true,
            Kind::Punct('-') => {
                let spaced_before = i > 0 && tokens[i - 1].span.end < token.span.start;
                let spaced_after = tokens
                    .get(i + 1)
                    .is_some_and(|n| n.span.start > token.span.end);
                spaced_before && spaced_after
            }
            Kind::Punct('(' | ')' | '\'' | '/' | '&' | '*') => continue,
            Kind::Punct(_) => return None,
            _ => continue,
        };
        let words_before = tokens[lead..i].iter().filter(|t| t.is_wordlike()).count();
        let words_after = tokens[i + 1..].iter().any(Token::is_wordlike);
        // A dash ends a label only after a few words ("Jill Smith — EMEA"); in a sentence
        // it is an aside ("keep them with their engineers — we don't want …").
        let short_enough = !token.is_punct('-') || words_before <= 6;
        if separator && words_before > 0 && words_after && short_enough {
            // `->` is two tokens: skip the dash.
            return Some(i);
        }
        if separator {
            return None;
        }
    }
    None
}

/// Splits `Label: content`; without a label, all tokens are content.
fn split_label(tokens: Vec<Token>) -> (Vec<Token>, Vec<Token>) {
    let Some(at) = label_end(&tokens) else {
        let content = tokens
            .into_iter()
            .skip_while(|t| !t.is_wordlike())
            .collect();
        return (Vec::new(), content);
    };
    // The separator stays with the label, so label and content never read as one run of
    // words ("Ahmad Faris bin Yusof — Kuala Lumpur" is a name, then a place).
    let mut label = tokens;
    let rest = label.split_off(at);
    let separators = rest.iter().take_while(|t| !t.is_wordlike()).count();
    let mut rest = rest.into_iter();
    label.extend(rest.by_ref().take(separators));
    (label, rest.collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shown(note: &str) -> Vec<String> {
        let (statements, _) = statements(note);
        statements
            .iter()
            .map(|s| {
                let words = |ts: &[Token]| {
                    ts.iter()
                        .map(|t| t.lower.as_str())
                        .collect::<Vec<_>>()
                        .join(" ")
                };
                format!(
                    "{:?}[{}] {} {{{}}}",
                    s.form,
                    words(&s.label),
                    words(&s.content),
                    words(&s.context)
                )
            })
            .collect()
    }

    #[test]
    fn a_heading_gives_its_section_a_topic() {
        let got = shown("### Assigned Support Engineer\nJean-Paul Okafor — EMEA\n");
        assert_eq!(got[0], "Heading[] assigned support engineer {}");
        assert_eq!(
            got[1],
            "Sentence[jean - paul okafor —] emea {| assigned support engineer}"
        );
    }

    #[test]
    fn table_cells_take_the_row_and_header_as_topic() {
        let got = shown("| Question | Answer |\n|---|---|\n| Who is the ASE? | Hoa Tran |\n");
        assert_eq!(got, ["Cell[] hoa tran {| answer | who is the ase ?}"]);
        let got = shown("| Who is the ASE? | Hoa Tran |\n|---|---|\n| Region | APAC |\n");
        assert_eq!(
            got,
            [
                "Cell[] hoa tran {| who is the ase ?}",
                "Cell[] apac {| hoa tran | region}"
            ]
        );
    }

    #[test]
    fn a_question_is_the_topic_of_its_answer() {
        let got = shown("1. Which region? — APAC\n2. Emergencies? On-call handles them.\n");
        assert_eq!(got[0], "Sentence[] which region ? {}");
        assert_eq!(got[1], "Sentence[] apac {| which region ?}");
        assert_eq!(
            got[3],
            "Sentence[] on - call handles them . {| emergencies ?}"
        );
    }

    #[test]
    fn label_lines_split_and_wrapped_prose_joins() {
        let got = shown(
            "ASE: Jill\nRegion: AMER\nJill handles all new tickets and will\nshadow older ones.\n",
        );
        assert_eq!(got[0], "Sentence[ase :] jill {}");
        assert_eq!(got[1], "Sentence[region :] amer {}");
        assert_eq!(
            got[2],
            "Sentence[] jill handles all new tickets and will shadow older ones . {}"
        );
    }

    #[test]
    fn a_title_line_and_parent_items_give_sub_items_a_topic() {
        let got = shown(
            "**Emergencies:**\n\n- page the on-call engineer\n- Outside hours\n  - the queue takes them\n",
        );
        assert_eq!(
            got[1],
            "Sentence[] page the on - call engineer {| emergencies :}"
        );
        assert_eq!(
            got[3],
            "Sentence[] the queue takes them {| emergencies : | outside hours}"
        );
    }
}
