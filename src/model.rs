//! What the parsers produce and the rules read: the ASE table and org files, with spans.
//!
//! Parse once, lint many: rules never re-parse text; they read these structures.

use std::sync::OnceLock;

use crate::note::NoteAnalysis;
use crate::source::{SourceFile, Span};

/// A column of the ASE table that ase-lint knows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Column {
    Account,
    Ase,
    Region,
    Links,
    SpecialNotes,
    OrgName,
    AccountId,
    UserId,
}

impl Column {
    /// All known columns, in the handbook's order.
    pub const ALL: [Column; 8] = [
        Column::Account,
        Column::Ase,
        Column::Region,
        Column::Links,
        Column::SpecialNotes,
        Column::OrgName,
        Column::AccountId,
        Column::UserId,
    ];

    /// The column's canonical header text.
    pub fn title(self) -> &'static str {
        match self {
            Column::Account => "Account",
            Column::Ase => "ASE",
            Column::Region => "Region",
            Column::Links => "Links",
            Column::SpecialNotes => "Special Notes",
            Column::OrgName => "Zendesk Org Name",
            Column::AccountId => "Zendesk Account ID",
            Column::UserId => "Zendesk User (ASE) ID",
        }
    }

    /// The key used for this column in the configuration (`columns.aliases.<key>`).
    pub fn config_key(self) -> &'static str {
        match self {
            Column::Account => "account",
            Column::Ase => "ase",
            Column::Region => "region",
            Column::Links => "links",
            Column::SpecialNotes => "special_notes",
            Column::OrgName => "zendesk_org_name",
            Column::AccountId => "zendesk_account_id",
            Column::UserId => "zendesk_user_id",
        }
    }

    /// Looks a column up by its configuration key.
    pub fn from_config_key(key: &str) -> Option<Column> {
        Column::ALL.into_iter().find(|c| c.config_key() == key)
    }
}

/// A link found in a cell: a Markdown link, an autolink or a bare URL.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Link {
    /// The link text (for a bare URL, the URL itself).
    pub text: String,
    pub url: String,
    /// Where the link stands in the source.
    pub span: Span,
}

/// One table cell.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cell {
    /// Span of the cell's content, without the surrounding pipes and padding.
    pub span: Span,
    /// The cell's source text (trimmed), Markdown included.
    pub raw: String,
    /// The cell's plain text: Markdown removed, whitespace trimmed.
    pub text: String,
    pub links: Vec<Link>,
}

/// One table row (the header or a body row).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    /// 1-based line of the row.
    pub line: usize,
    /// Span of the whole row line, without the line ending.
    pub span: Span,
    /// Cells as the Markdown parser sees them (padded/truncated to the header's width).
    pub cells: Vec<Cell>,
    /// Cells counted in the raw line (escaped `\|` is not a separator).
    pub raw_cell_count: usize,
}

/// The ASE table of a README.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AseTable {
    pub header: Row,
    /// For each header cell, the known column it names (if any).
    pub columns: Vec<Option<Column>>,
    pub rows: Vec<Row>,
}

impl AseTable {
    /// Index of a known column in the header.
    pub fn column_index(&self, column: Column) -> Option<usize> {
        self.columns.iter().position(|c| *c == Some(column))
    }

    /// A row's cell in a known column (None when the column or the cell is missing).
    pub fn cell<'a>(&self, row: &'a Row, column: Column) -> Option<&'a Cell> {
        self.column_index(column).and_then(|i| row.cells.get(i))
    }
}

/// A Markdown file checked for the ASE table.
#[derive(Debug, Clone)]
pub struct ReadmeDoc {
    pub source: SourceFile,
    /// The first table whose header looks like the ASE table.
    pub table: Option<AseTable>,
    /// True when this file must hold the table (named on the command line or in the config).
    pub required: bool,
}

/// A scalar value read from YAML, with where it stands.
#[derive(Debug, Clone, PartialEq)]
pub struct YamlField<T> {
    pub value: T,
    /// Span of the value in the source.
    pub span: Span,
    /// Span of the key (`id`, `name`, `notes`) in the source.
    pub key_span: Span,
}

/// What an org file's `id`/`name`/`notes` key holds.
#[derive(Debug, Clone, PartialEq)]
pub enum YamlValue {
    Integer(i128),
    String(String),
    /// Anything else (list, map, bool, float, null), described for messages.
    Other(&'static str),
}

/// An org file from the Organizations project.
#[derive(Debug, Clone)]
pub struct OrgDoc {
    pub source: SourceFile,
    /// The file stem (the `<id>` of `<id>.yaml`).
    pub file_stem: String,
    /// Invalid YAML: where and why. When set, the fields below are empty.
    pub syntax_error: Option<(Span, String)>,
    /// Valid YAML of the wrong shape (e.g. a list at the top): where and why.
    pub shape_error: Option<(Span, String)>,
    pub id: Option<YamlField<YamlValue>>,
    pub name: Option<YamlField<YamlValue>>,
    pub notes: Option<YamlField<YamlValue>>,
    /// The note's analysis, made once by the first rule that asks (see
    /// `rules::note::questions::note_analysis`).
    pub analysis: OnceLock<NoteAnalysis>,
}

impl OrgDoc {
    /// The note text, when `notes` is a string.
    pub fn notes_text(&self) -> Option<&str> {
        match &self.notes {
            Some(YamlField {
                value: YamlValue::String(s),
                ..
            }) => Some(s),
            _ => None,
        }
    }

    /// Span to point at for findings about the note: the `notes` key, else the file start.
    pub fn notes_anchor(&self) -> Span {
        self.notes.as_ref().map_or(0..0, |f| f.key_span.clone())
    }

    /// Where a stretch of the note's text stands in the file (its first line only), found
    /// by looking for the note's lines in order after the `notes` key: exact for block
    /// scalars (`|`, `>`) and for plain or quoted text that keeps its lines. `None` when
    /// a line cannot be found (escapes in a quoted note).
    pub fn note_span_in_source(&self, span: &Span) -> Option<Span> {
        let note = self.notes_text()?;
        let text = &self.source.text;
        let mut cursor = self.notes.as_ref()?.key_span.end;
        let mut line_start = 0;
        for line in note.split_inclusive('\n') {
            let line_end = line_start + line.len();
            let trimmed = line.trim();
            let indent = line.len() - line.trim_start().len();
            if !trimmed.is_empty() {
                let at = cursor + text.get(cursor..)?.find(trimmed)?;
                cursor = at + trimmed.len();
                if (line_start..line_end).contains(&span.start) {
                    let column = span.start.checked_sub(line_start + indent)?;
                    let len = span
                        .end
                        .min(line_start + indent + trimmed.len())
                        .saturating_sub(span.start);
                    return Some(at + column..at + column + len);
                }
            }
            line_start = line_end;
        }
        None
    }
}
