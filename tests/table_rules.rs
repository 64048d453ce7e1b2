//! The README-table rules (`table/*`, `id/*`, `link/*`) over their fixtures: each rule's
//! `fixtures/rules/<group>/<rule>/bad.md` gives exactly the findings listed here (rule,
//! line, column, what the message says, the fix), its `good.md` gives none; and the example
//! ASE project README (`fixtures/ase-project/README.md`, rows described in its `ROWS.md`)
//! gives exactly its deliberate mistakes.

use std::sync::LazyLock;

use ase_lint::config::Settings;
use ase_lint::diagnostic::Diagnostic;
use ase_lint::lint::{FileKind, lint_text};

static SETTINGS: LazyLock<Settings> = LazyLock::new(Settings::defaults);

/// The groups of rules that read the ASE table.
const TABLE_GROUPS: [&str; 3] = ["table/", "id/", "link/"];

/// Lints a Markdown file under `fixtures/` as a README that must hold the ASE table.
fn lint_fixture(path: &str) -> Vec<Diagnostic> {
    let full = format!("{}/fixtures/{path}", env!("CARGO_MANIFEST_DIR"));
    let bytes = std::fs::read(&full).unwrap_or_else(|e| panic!("cannot read {full}: {e}"));
    lint_text(path, FileKind::Readme { required: true }, &bytes, &SETTINGS).diagnostics
}

/// The findings of `rule` in its bad fixture.
fn bad(rule: &str) -> Vec<Diagnostic> {
    lint_fixture(&format!("rules/{rule}/bad.md"))
        .into_iter()
        .filter(|d| d.rule == rule)
        .collect()
}

/// (line, column) of each finding.
fn positions(found: &[Diagnostic]) -> Vec<(usize, usize)> {
    found
        .iter()
        .map(|d| (d.start.line, d.start.column))
        .collect()
}

/// Asserts that each finding's message contains the matching fragment, in order.
fn assert_messages(found: &[Diagnostic], fragments: &[&str]) {
    assert_eq!(found.len(), fragments.len(), "{found:#?}");
    for (d, fragment) in found.iter().zip(fragments) {
        assert!(
            d.message.contains(fragment),
            "line {}: {:?} does not contain {fragment:?}",
            d.start.line,
            d.message
        );
    }
}

/// The replacement text of each finding's fix (`None` without one).
fn fixes(found: &[Diagnostic]) -> Vec<Option<&str>> {
    found
        .iter()
        .map(|d| d.fix.as_ref().map(|f| f.replacement.as_str()))
        .collect()
}

/// Asserts that the rule's good fixture has no finding of any table, id or link rule.
fn assert_good(rule: &str) {
    let found: Vec<_> = lint_fixture(&format!("rules/{rule}/good.md"))
        .into_iter()
        .filter(|d| TABLE_GROUPS.iter().any(|g| d.rule.starts_with(g)))
        .collect();
    assert!(found.is_empty(), "{rule}/good.md: {found:#?}");
}

#[test]
fn not_found() {
    let found = bad("table/not-found");
    assert_eq!(positions(&found), vec![(1, 1)]);
    assert_messages(&found, &["no ASE table found in this file"]);
    assert_good("table/not-found");
}

#[test]
fn missing_column() {
    let found = bad("table/missing-column");
    assert_eq!(positions(&found), vec![(3, 1), (3, 1)]);
    assert_messages(
        &found,
        &[
            "the ASE table has no `Zendesk Account ID` column",
            "the ASE table has no `Zendesk User (ASE) ID` column",
        ],
    );
    assert_good("table/missing-column");
}

#[test]
fn cell_count() {
    let found = bad("table/cell-count");
    // The extra cell itself; for a short row, its end, where the missing cells belong.
    assert_eq!(positions(&found), vec![(6, 307), (7, 163)]);
    assert_messages(
        &found,
        &[
            "this row has 9 cells but the header has 8",
            "this row has 7 cells but the header has 8",
        ],
    );
    assert_good("table/cell-count");
}

#[test]
fn empty_cell() {
    let found = bad("table/empty-cell");
    assert_eq!(positions(&found), vec![(7, 21), (7, 272), (8, 273)]);
    assert_messages(
        &found,
        &[
            "the `ASE` cell is empty",
            "the `Zendesk User (ASE) ID` cell holds only the placeholder `TBD`",
            "the `Zendesk Account ID` cell is empty",
        ],
    );
    assert!(found.iter().all(|d| d.severity.as_str() == "error"));
    assert_good("table/empty-cell");
}

#[test]
fn duplicate_account() {
    let found = bad("table/duplicate-account");
    assert_eq!(positions(&found), vec![(8, 279), (9, 242), (10, 266)]);
    assert_messages(
        &found,
        &[
            "Zendesk Account ID `361092349520` is also on line 7",
            "Zendesk Org Name `f6438d0c  acme corporation` is also on line 7",
            "repeats the Zendesk organization of line 7",
        ],
    );
    assert_good("table/duplicate-account");
}

#[test]
fn org_name_format() {
    let found = bad("table/org-name-format");
    assert_eq!(
        positions(&found),
        vec![
            (7, 238),
            (8, 245),
            (9, 242),
            (10, 240),
            (11, 248),
            (12, 230)
        ]
    );
    assert_messages(
        &found,
        &[
            "prefix `F6438D0C` has uppercase letters",
            "prefix `5a1f996` has 7 hex digits, not 8",
            "prefix `0b3c51aa` is followed by `-`, not a space",
            "the org name `Dunmore Financial Group` has no 8-digit hex prefix",
            "has only its prefix `4be09c6a`, no account name",
            "hex prefix `7e1d0b35` is at the end, not the start",
        ],
    );
    assert_eq!(
        fixes(&found),
        vec![Some("f6438d0c"), None, Some("0b3c51aa "), None, None, None]
    );
    assert!(found.iter().all(|d| d.severity.as_str() == "warning"));
    assert_good("table/org-name-format");
}

#[test]
fn region() {
    let found = bad("table/region");
    assert_eq!(
        positions(&found),
        vec![(7, 33), (8, 41), (9, 34), (10, 39), (11, 44)]
    );
    assert_messages(
        &found,
        &[
            "write the region `amer` in capitals: `AMER`",
            "write the region `Europe, Middle East, Africa` as its code `EMEA`",
            "`NORAM` is a legacy region",
            "names 2 regions: EMEA, APAC",
            "`US East` is not a support region",
        ],
    );
    assert_eq!(
        fixes(&found),
        vec![Some("AMER"), Some("EMEA"), Some("AMER"), None, None]
    );
    assert_good("table/region");
}

#[test]
fn id_format() {
    let found = bad("id/format");
    assert_eq!(
        positions(&found),
        vec![
            (7, 270),
            (8, 292),
            (9, 279),
            (10, 263),
            (10, 267),
            (11, 286),
            (12, 269),
            (12, 300),
        ]
    );
    assert_messages(
        &found,
        &[
            "the Zendesk Account ID `ID: 361092349520` has text around the number",
            "the Zendesk User (ASE) ID `411,273,650,918` has thousands separators (`,`)",
            "the Zendesk Account ID `-9306291514524` is negative",
            "the Zendesk Account ID `0` is zero",
            "the Zendesk User (ASE) ID `0370415907240` starts with a zero",
            "`2.5591930077E+10` is written in scientific notation",
            "`361092349520 / 4410392817999` holds more than one number",
            "`99999999999999999999` is too large",
        ],
    );
    assert_eq!(
        fixes(&found),
        vec![
            Some("361092349520"),
            Some("411273650918"),
            Some("9306291514524"),
            None,
            None,
            None,
            None,
            None,
        ]
    );
    assert_good("id/format");
}

#[test]
fn suspicious_length() {
    let found = bad("id/suspicious-length");
    assert_eq!(positions(&found), vec![(7, 261), (8, 292)]);
    assert_messages(
        &found,
        &[
            "the Zendesk Account ID 3610923 has 7 digits, fewer than the 8",
            "the Zendesk User (ASE) ID 41127365091841127 has 17 digits, more than the 16",
        ],
    );
    assert!(found.iter().all(|d| d.severity.as_str() == "warning"));
    assert_good("id/suspicious-length");
}

#[test]
fn ase_conflict() {
    let found = bad("id/ase-conflict");
    assert_eq!(positions(&found), vec![(8, 291), (9, 27)]);
    assert_messages(
        &found,
        &[
            "Jill Doe has the Zendesk user id 370415907241 here but 370415907240 on line 7",
            "the Zendesk user id 370415907240 is Dana Whitfield here but Jill Doe on line 7",
        ],
    );
    assert_good("id/ase-conflict");
}

#[test]
fn salesforce_link() {
    let found = bad("link/salesforce");
    assert_eq!(
        positions(&found),
        vec![(7, 40), (8, 48), (9, 46), (10, 41), (11, 51), (12, 31)]
    );
    assert_messages(
        &found,
        &[
            "the Links cell has no Salesforce account link",
            "the Salesforce link uses `http://`; use `https://`",
            "points at `gitlab.salesforce.com`, not a Salesforce account page",
            "opens a Salesforce Opportunity, not an Account",
            "ends in `AAA`, but the case-safe suffix of `0016100000Gh8JL` is `AAZ`",
            "the Salesforce id `0014M00001hHV5` has 14 characters",
        ],
    );
    assert_eq!(
        fixes(&found),
        vec![None, Some("https"), None, None, Some("AAZ"), None]
    );
    assert_good("link/salesforce");
}

#[test]
fn org_note_link() {
    let found = bad("link/org-note");
    assert_eq!(
        positions(&found),
        vec![(7, 40), (8, 117), (9, 112), (10, 110), (11, 120)]
    );
    assert_messages(
        &found,
        &[
            "the Links cell has no Zendesk Org Note link",
            "the Org Note link is for organization 27946339582 but the row's Zendesk Account ID is 27946339528",
            "points into the Organizations project, but not at an organization",
            "points at `docs.google.com`, neither the org note file nor the Zendesk organization",
            "the Org Note link uses `http://`",
        ],
    );
    assert_eq!(fixes(&found), vec![None, None, None, None, Some("https")]);
    assert_good("link/org-note");
}

#[test]
fn fixes_apply_to_the_text_they_replace() {
    let path = "rules/link/salesforce/bad.md";
    let text = std::fs::read_to_string(format!("{}/fixtures/{path}", env!("CARGO_MANIFEST_DIR")))
        .unwrap_or_default();
    let found = bad("link/salesforce");
    let replaced: Vec<&str> = found
        .iter()
        .filter_map(|d| d.fix.as_ref())
        .map(|f| &text[f.span.clone()])
        .collect();
    assert_eq!(replaced, vec!["http", "AAA"]);
}

#[test]
fn ase_project_readme() {
    let found: Vec<_> = lint_fixture("ase-project/README.md")
        .iter()
        .map(|d| (d.rule, d.start.line, d.start.column))
        .collect();
    assert_eq!(
        found,
        vec![
            ("table/org-name-format", 31, 281),
            ("id/format", 32, 269),
            ("table/region", 34, 34),
            ("link/salesforce", 34, 42),
            ("table/empty-cell", 35, 284),
            ("table/duplicate-account", 36, 271),
            ("id/ase-conflict", 37, 333),
            ("link/org-note", 38, 109),
            ("id/suspicious-length", 39, 286),
        ]
    );
}

#[test]
fn five_thousand_rows_are_checked_in_one_pass() {
    let mut text = String::from(
        "| Account | ASE | Zendesk Org Name | Zendesk Account ID | Zendesk User (ASE) ID |\n|---|---|---|---|---|\n",
    );
    for i in 0..5_000u64 {
        let org = 100_000_000_000 + i % 2_500;
        let user = 200_000_000_000 + i;
        text.push_str(&format!(
            "| Account {i} | ASE {i} | {i:08x} Account {i} | {org} | {user} |\n"
        ));
    }
    let found = lint_text(
        "README.md",
        FileKind::Readme { required: true },
        text.as_bytes(),
        &SETTINGS,
    )
    .diagnostics;
    let duplicates = found
        .iter()
        .filter(|d| d.rule == "table/duplicate-account")
        .count();
    assert_eq!(duplicates, 2_500);
    assert!(found.iter().all(|d| d.rule != "id/ase-conflict"));
}

#[test]
fn ase_capacity() {
    let found = bad("table/ase-capacity");
    assert_eq!(positions(&found), vec![(12, 15)]);
    assert_messages(
        &found,
        &[
            "Jill Doe has 6 accounts in the table (lines 7, 8, 9, 10, 11, 12); an ASE looks after at most 5",
        ],
    );
    assert!(found.iter().all(|d| d.severity.as_str() == "warning"));
    assert_good("table/ase-capacity");
}
