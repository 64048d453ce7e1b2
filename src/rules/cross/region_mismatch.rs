//! `cross/region-mismatch`: the org note gives another region than the row's Region.

use std::collections::BTreeSet;

use crate::config::Settings;
use crate::declare_rule;
use crate::model::Column;
use crate::rules::cross::{CrossInput, Mismatch, Pair, ase_note_and_cell, check_pairs, org_path};
use crate::rules::util;
use crate::rules::{Rule, RuleContext};

declare_rule! {
    /// ## What it does
    /// When the ASE table has a Region column, compares each row's region with the regions
    /// its org file's ASE note names (`AMER`, `EMEA`, `APAC`; the legacy `LATAM`, `NCSA`
    /// and `NORAM` count as `AMER`) and reports when the note names regions and the row's
    /// is not among them. Mentions of other people's regions ("the EMEA team") and of the
    /// customer's location are not the ASE's region and are ignored, as in `note/region`.
    /// Checked from either project: on the row's Region cell when the README is checked
    /// (`--orgs-dir`), on the `notes` key when the org file is checked (`--ase-readme`).
    ///
    /// ## Why is this bad?
    /// The region says whose working hours the ASE keeps and which regional group covers
    /// when the ASE is away. When the two projects disagree, engineers follow the note and
    /// leave tickets waiting for an ASE who is asleep.
    ///
    /// ## Example
    /// README row with Region `AMER`; its note says "Jill is the EMEA ASE".
    /// Use instead: the same region in both.
    pub RegionMismatch, name = "cross/region-mismatch", severity = Error,
    summary = "The org note gives another region than the README row"
}

impl Rule for RegionMismatch {
    fn check_cross(&self, input: &CrossInput<'_>, cx: &mut RuleContext<'_>) {
        check_pairs(input, cx, compare);
    }
}

fn compare(pair: &Pair<'_>, settings: &Settings) -> Option<Mismatch> {
    let (analysis, cell) = ase_note_and_cell(pair, Column::Region, settings)?;
    let expected = single(regions(&util::value(cell)))?;
    let said: BTreeSet<&'static str> = analysis.regions.iter().copied().collect();
    if said.is_empty() || said.contains(expected) {
        return None;
    }
    let said = said.into_iter().collect::<Vec<_>>().join(", ");
    Some(Mismatch {
        column: Column::Region,
        org_span: pair.doc.notes_anchor(),
        on_readme: format!(
            "the note in `{}` gives the ASE's region as {said}, not this row's {expected}",
            org_path(&pair.doc.file_stem)
        ),
        on_org: format!(
            "the note gives the ASE's region as {said}, but the ASE table says {expected}"
        ),
        help: "write the ASE's region the same way in the README row and in the org note"
            .to_owned(),
    })
}

/// The region codes written in `text` (legacy Americas codes as `AMER`).
fn regions(text: &str) -> BTreeSet<&'static str> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter_map(|word| match word {
            "AMER" | "Amer" | "LATAM" | "NCSA" | "NORAM" => Some("AMER"),
            "EMEA" | "Emea" => Some("EMEA"),
            "APAC" | "Apac" => Some("APAC"),
            _ => None,
        })
        .collect()
}

fn single(set: BTreeSet<&'static str>) -> Option<&'static str> {
    let mut codes = set.into_iter();
    let first = codes.next()?;
    codes.next().is_none().then_some(first)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn regions_are_codes_as_written() {
        assert_eq!(regions("Jill is the EMEA ASE"), BTreeSet::from(["EMEA"]));
        assert_eq!(regions("NORAM hours"), BTreeSet::from(["AMER"]));
        assert!(regions("our amerika team").is_empty());
    }
}
