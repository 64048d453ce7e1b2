//! Rules over the Links cell of the ASE table (Salesforce, Zendesk Org Note), and their
//! shared steps: the links of one kind in each row's Links cell, and how a problem with
//! one link is reported.

use crate::config::Settings;
use crate::model::{AseTable, Cell, Column, Link, Row};
use crate::rules::RuleContext;
use crate::rules::util;
use crate::source::Span;
use target::LinkKind;

pub mod org_note;
pub mod salesforce;
pub mod sfdc_id;
pub mod target;

/// A row whose Links cell is filled, with that cell's links of one kind (maybe none).
pub struct RowLinks<'t> {
    pub row: &'t Row,
    pub cell: &'t Cell,
    pub links: Vec<&'t Link>,
}

/// For each aligned row with a non-blank Links cell (an empty one is `table/empty-cell`'s
/// finding): the cell and its links of `kind`.
pub fn rows_with_links<'t>(
    table: &'t AseTable,
    kind: LinkKind,
    settings: &'t Settings,
) -> impl Iterator<Item = RowLinks<'t>> {
    util::filled_cells(table, Column::Links).map(move |(row, cell)| {
        let links = cell
            .links
            .iter()
            .filter(|l| target::classify(l, settings) == kind)
            .collect();
        RowLinks { row, cell, links }
    })
}

/// A problem with one link, with an optional fix.
pub struct Finding {
    pub message: String,
    pub label: &'static str,
    pub help: String,
    pub fix: Option<(Span, String)>,
}

/// Reports `finding` on `link`, keyed by the row's Links cell.
pub fn report(
    table: &AseTable,
    row: &Row,
    link: &Link,
    finding: Finding,
    cx: &mut RuleContext<'_>,
) {
    let diagnostic = cx
        .report(link.span.clone(), finding.message)
        .label(finding.label)
        .help(finding.help)
        .key(util::cell_key(table, row, Column::Links));
    if let Some((span, replacement)) = finding.fix {
        diagnostic.fix(span, replacement);
    }
}
