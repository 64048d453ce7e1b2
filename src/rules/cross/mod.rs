//! Rules across the two projects (`cross/*`): a README row of the ASE table and the org
//! file `organizations/<Zendesk Account ID>.yaml` must tell the same story.
//!
//! What they read is [`CrossInput`]: the file being checked plus the other project's
//! parsed documents, which are context only. Findings always go to the file being checked:
//! on a README cell when the README is checked, on the org file when an org file is.

use std::collections::{BTreeMap, BTreeSet};

use crate::config::Settings;
use crate::model::{AseTable, Cell, Column, OrgDoc, Row, YamlField, YamlValue};
use crate::note::NoteAnalysis;
use crate::rules::RuleContext;
use crate::rules::note::questions;
use crate::rules::util;
use crate::source::Span;

pub mod ase_mismatch;
pub mod org_id_mismatch;
pub mod org_name_mismatch;
pub mod org_note_missing;
pub mod region_mismatch;
pub mod unlisted_ase_note;

/// The org files of the Organizations project at hand, by file stem (`<id>`).
#[derive(Debug, Clone, Default)]
pub struct OrgSet {
    pub docs: BTreeMap<String, OrgDoc>,
    /// True when every org file of the project is here (a local checkout), so an
    /// absent file really is missing and every ASE note can be looked at.
    pub complete: bool,
    /// Ids whose org file is known not to exist (the API answered 404), when not complete.
    pub absent: BTreeSet<String>,
    /// Where the files come from, for messages (`../organizations`, `group/project@master`).
    pub origin: String,
}

/// What a cross rule checks: one file of one project against the other project's files.
#[derive(Debug, Clone, Copy)]
pub enum CrossInput<'a> {
    /// The README's ASE table is checked against the org files at hand.
    Readme {
        table: &'a AseTable,
        orgs: &'a OrgSet,
    },
    /// An org file is checked against the (whole) ASE table of the README at `readme`.
    Org {
        doc: &'a OrgDoc,
        table: &'a AseTable,
        readme: &'a str,
    },
}

/// A README row and the org file it names (`organizations/<Zendesk Account ID>.yaml`).
#[derive(Debug, Clone, Copy)]
pub struct Pair<'a> {
    pub table: &'a AseTable,
    pub row: &'a Row,
    pub doc: &'a OrgDoc,
}

/// What a rule found wrong with a pair, worded for each side.
#[derive(Debug, Clone)]
pub struct Mismatch {
    /// The README cell to point at when the README is checked.
    pub column: Column,
    /// Where to point in the org file when it is checked.
    pub org_span: Span,
    /// The message on the README side (about the org file).
    pub on_readme: String,
    /// The message on the org side (about the README row).
    pub on_org: String,
    pub help: String,
}

/// The org file path a row names, as the Organizations project spells it.
pub fn org_path(id: &str) -> String {
    format!("organizations/{id}.yaml")
}

/// A row's Zendesk Account ID as written (empty when blank or missing).
pub fn row_id(table: &AseTable, row: &Row) -> Option<String> {
    util::filled_cell(table, row, Column::AccountId).map(util::value)
}

/// The first aligned row whose Zendesk Account ID is `id`.
pub fn row_for<'a>(table: &'a AseTable, id: &str) -> Option<&'a Row> {
    util::aligned_rows(table).find(|row| row_id(table, row).as_deref() == Some(id))
}

/// True when the org file is well-formed YAML holding an ASE note.
pub fn is_ase_note(doc: &OrgDoc, settings: &Settings) -> bool {
    questions::analysis(doc, settings).is_some()
}

/// What a rule comparing a row's cell with its org file's ASE note reads: the note's
/// analysis and the row's non-blank `column` cell; `None` when the file holds no ASE note
/// or the cell is blank.
pub fn ase_note_and_cell<'a>(
    pair: &Pair<'a>,
    column: Column,
    settings: &Settings,
) -> Option<(&'a NoteAnalysis, &'a Cell)> {
    let analysis = questions::analysis(pair.doc, settings)?;
    let cell = util::filled_cell(pair.table, pair.row, column)?;
    Some((analysis, cell))
}

/// A YAML value as text for comparisons and messages.
pub fn yaml_text(field: &YamlField<YamlValue>) -> Option<String> {
    match &field.value {
        YamlValue::Integer(n) => Some(n.to_string()),
        YamlValue::String(s) => Some(s.trim().to_owned()),
        YamlValue::Other(_) => None,
    }
}

impl<'a> CrossInput<'a> {
    /// The ASE table, whichever side it is on.
    pub fn table(&self) -> &'a AseTable {
        match *self {
            CrossInput::Readme { table, .. } | CrossInput::Org { table, .. } => table,
        }
    }

    /// Every README row paired with its org file, on the side being checked: all rows with
    /// an org file at hand for a README, the file's own row for an org file.
    pub fn pairs(&self) -> Vec<Pair<'a>> {
        match *self {
            _ if !self.table().columns.contains(&Some(Column::AccountId)) => Vec::new(),
            CrossInput::Readme { table, orgs } => util::aligned_rows(table)
                .filter_map(|row| {
                    let doc = orgs.docs.get(&row_id(table, row)?)?;
                    Some(Pair { table, row, doc })
                })
                .collect(),
            CrossInput::Org { doc, table, .. } => row_for(table, &doc.file_stem)
                .map(|row| Pair { table, row, doc })
                .into_iter()
                .collect(),
        }
    }

    /// Reports `mismatch` of `pair` on the side being checked.
    pub fn report(&self, pair: &Pair<'_>, mismatch: Mismatch, cx: &mut RuleContext<'_>) {
        let (span, message, key) = match self {
            CrossInput::Readme { .. } => {
                let Some(cell) = pair.table.cell(pair.row, mismatch.column) else {
                    return;
                };
                let key = util::cell_key(pair.table, pair.row, mismatch.column);
                (cell.span.clone(), mismatch.on_readme, key)
            }
            CrossInput::Org { readme, .. } => {
                let message = format!("{} ({readme}:{})", mismatch.on_org, pair.row.line);
                (mismatch.org_span, message, pair.doc.file_stem.clone())
            }
        };
        cx.report(span, message).help(mismatch.help).key(key);
    }
}

/// Runs a rule that compares each row with its org file: `compare` says what differs.
pub fn check_pairs(
    input: &CrossInput<'_>,
    cx: &mut RuleContext<'_>,
    compare: impl Fn(&Pair<'_>, &Settings) -> Option<Mismatch>,
) {
    for pair in input.pairs() {
        if let Some(mismatch) = compare(&pair, cx.settings) {
            input.report(&pair, mismatch, cx);
        }
    }
}

/// Quotes text from a linted file for a message, cut to `max` characters.
pub fn quote(text: &str, max: usize) -> String {
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if flat.chars().count() <= max {
        return flat;
    }
    let cut: String = flat.chars().take(max).collect();
    format!("{cut}…")
}
