//! `cross/ase-mismatch`: the org note names someone other than the row's ASE as the ASE.

use crate::config::Settings;
use crate::declare_rule;
use crate::model::Column;
use crate::note::Question;
use crate::rules::cross::{
    CrossInput, Mismatch, Pair, ase_note_and_cell, check_pairs, org_path, quote,
};
use crate::rules::util;
use crate::rules::{Rule, RuleContext};

declare_rule! {
    /// ## What it does
    /// For a README row of the ASE table and the org file its Zendesk Account ID names,
    /// reports when the file holds an ASE note whose sentence naming the ASE ("Jill is the
    /// AMER ASE", "ASE: Jill Doe (@jdoe)") names none of the row's ASEs: neither the full
    /// name, the first name nor an `@handle` written in the ASE cell. Checked from either
    /// project: on the row's ASE cell when the README is checked (`--orgs-dir`), on the
    /// `notes` key when the org file is checked (`--ase-readme`). A note that names no ASE
    /// at all is `note/ase`'s finding.
    ///
    /// ## Why is this bad?
    /// Engineers assign the customer's tickets to the person the note names, while
    /// Zendesk auto-assigns them to the README's ASE. After a handover one of the two is
    /// usually forgotten, and tickets go to someone who no longer looks after the account.
    ///
    /// ## Example
    /// README row with ASE `Jill Doe`; its note says "Kenji is the APAC ASE for Acme".
    /// Use instead: "Jill is the AMER ASE for Acme", or update the README row.
    pub AseMismatch, name = "cross/ase-mismatch", severity = Error,
    summary = "The org note names another ASE than the README row"
}

impl Rule for AseMismatch {
    fn check_cross(&self, input: &CrossInput<'_>, cx: &mut RuleContext<'_>) {
        check_pairs(input, cx, compare);
    }
}

fn compare(pair: &Pair<'_>, settings: &Settings) -> Option<Mismatch> {
    let (analysis, cell) = ase_note_and_cell(pair, Column::Ase, settings)?;
    let ase = util::value(cell);
    if analysis.ase_names.is_empty() || analysis.ase_names.iter().any(|name| names_any(name, &ase))
    {
        return None;
    }
    let sentence = analysis
        .answer(Question::Ase)
        .evidence
        .as_ref()?
        .text
        .clone();
    let said = quote(&sentence, 80);
    Some(Mismatch {
        column: Column::Ase,
        org_span: pair.doc.notes_anchor(),
        on_readme: format!(
            "the note in `{}` names another ASE (\"{said}\"), not {}",
            org_path(&pair.doc.file_stem),
            quote(&ase, 60)
        ),
        on_org: format!(
            "the note names another ASE (\"{said}\") than the ASE table's {}",
            quote(&ase, 60)
        ),
        help: "after a handover, update both the README row and the org note (and ask your manager to change the assignee in Zendesk)".to_owned(),
    })
}

/// True when `sentence` names one of the people in an ASE cell (`Jill Doe`,
/// `Jill Doe (@jdoe)`, `Jill Doe, Kenji Sato`) by full name, first name or handle.
pub(crate) fn names_any(sentence: &str, cell: &str) -> bool {
    let sentence = sentence.to_lowercase();
    cell.split([',', ';', '/', '&', '\n'])
        .flat_map(|person| person.split(" and "))
        .flat_map(candidates)
        .any(|name| contains_word(&sentence, &name))
}

/// The ways a note may name one person of an ASE cell, lowercase.
fn candidates(person: &str) -> Vec<String> {
    let mut out = Vec::new();
    for word in person.split(|c: char| c.is_whitespace() || "()[]".contains(c)) {
        if let Some(handle) = word.strip_prefix('@').filter(|h| !h.is_empty()) {
            out.push(handle.to_lowercase());
        }
    }
    let name: Vec<&str> = person
        .split_whitespace()
        .take_while(|w| !w.starts_with(['(', '@']))
        .collect();
    if let Some(first) = name.first() {
        out.push(first.to_lowercase());
        out.push(name.join(" ").to_lowercase());
    }
    out
}

/// True when `needle` stands in `hay` as whole words.
fn contains_word(hay: &str, needle: &str) -> bool {
    let is_word = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
    hay.match_indices(needle).any(|(at, _)| {
        !is_word(hay[..at].chars().next_back()) && !is_word(hay[at + needle.len()..].chars().next())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_by_full_name_first_name_or_handle() {
        assert!(names_any("Jill is the AMER ASE", "Jill Doe"));
        assert!(names_any("ASE: Jill Doe", "Jill Doe"));
        assert!(names_any("ASE: @jdoe", "Jill Doe (@jdoe)"));
        assert!(names_any("Kenji Sato is the ASE", "Jill Doe, Kenji Sato"));
        assert!(!names_any("Kenji is the APAC ASE", "Jill Doe"));
        assert!(!names_any("Jillian is the ASE", "Jill Doe"));
    }
}
