//! `table/region`: region is not AMER, EMEA or APAC.

use crate::declare_rule;
use crate::model::{AseTable, Cell, Column, Row};
use crate::rules::util;
use crate::rules::{Rule, RuleContext};

/// The support regions, as the table writes them.
pub const REGIONS: [&str; 3] = ["AMER", "EMEA", "APAC"];

/// Regions older data used; all three are in the Americas, now `AMER`.
const LEGACY: [&str; 3] = ["LATAM", "NCSA", "NORAM"];

/// Spelled-out names (lowercase, words separated by one space) and their code.
const SPELLED_OUT: [(&str, &str); 12] = [
    ("americas", "AMER"),
    ("americas usa", "AMER"),
    ("america", "AMER"),
    ("north america", "AMER"),
    ("europe middle east africa", "EMEA"),
    ("europe middle east and africa", "EMEA"),
    ("europe", "EMEA"),
    ("asia pacific", "APAC"),
    ("asia pac", "APAC"),
    ("asia", "APAC"),
    ("apj", "APAC"),
    ("asia pacific japan", "APAC"),
];

declare_rule! {
    /// ## What it does
    /// When the ASE table has a Region column, checks that each filled-in Region cell is
    /// one of the support regions `AMER`, `EMEA` or `APAC`. It offers a fix for a
    /// different case (`emea`), for a spelled-out name ("Europe, Middle East, Africa",
    /// "Americas", "Asia Pacific"), for a code with extra text (`AMER (US East)`) and for
    /// the legacy Americas regions `LATAM`, `NCSA` and `NORAM`. An empty cell is allowed
    /// while `region` is listed in `columns.may_be_empty`.
    ///
    /// ## Why is this bad?
    /// Support works in three regions; the region says whose working hours the ASE keeps
    /// and which regional group covers when the ASE is away. A value outside the three is
    /// missed by anyone filtering the table by region.
    ///
    /// ## Example
    /// ```markdown
    /// | Acme | Jill Doe | Europe | … | | f6438d0c Acme Corp | 361092349520 | 370415907240 |
    /// ```
    /// Use instead:
    /// ```markdown
    /// | Acme | Jill Doe | EMEA | … | | f6438d0c Acme Corp | 361092349520 | 370415907240 |
    /// ```
    pub TableRegion, name = "table/region", severity = Error,
    summary = "Region is not AMER, EMEA or APAC"
}

impl Rule for TableRegion {
    fn check_table(&self, table: &AseTable, cx: &mut RuleContext<'_>) {
        for (row, cell) in util::filled_cells(table, Column::Region) {
            check(table, row, cell, cx);
        }
    }
}

/// What a Region cell holds when it is not exactly a region code.
#[derive(Debug, PartialEq, Eq)]
enum Finding {
    Case(&'static str),
    Legacy(String),
    SpelledOut(&'static str),
    ExtraText(&'static str),
    Several(Vec<&'static str>),
    Unknown,
}

fn check(table: &AseTable, row: &Row, cell: &Cell, cx: &mut RuleContext<'_>) {
    let value = util::value(cell);
    let Some(finding) = classify(&value) else {
        return;
    };
    let (message, help, fix) = describe(&finding, &value);
    let diagnostic = cx
        .report(cell.span.clone(), message)
        .label("expected AMER, EMEA or APAC")
        .help(help)
        .key(util::cell_key(table, row, Column::Region));
    if let Some(code) = fix {
        diagnostic.fix(cell.span.clone(), code);
    }
}

fn classify(value: &str) -> Option<Finding> {
    if REGIONS.contains(&value) {
        return None;
    }
    if let Some(code) = REGIONS.iter().find(|r| r.eq_ignore_ascii_case(value)) {
        return Some(Finding::Case(code));
    }
    if LEGACY.iter().any(|l| l.eq_ignore_ascii_case(value)) {
        return Some(Finding::Legacy(value.to_ascii_uppercase()));
    }
    let words = words(value);
    let phrase = words.join(" ");
    if let Some((_, code)) = SPELLED_OUT.iter().find(|(name, _)| *name == phrase) {
        return Some(Finding::SpelledOut(code));
    }
    let codes: Vec<&'static str> = REGIONS
        .into_iter()
        .filter(|r| words.iter().any(|w| w.eq_ignore_ascii_case(r)))
        .collect();
    match codes.as_slice() {
        [] => Some(Finding::Unknown),
        [code] => Some(Finding::ExtraText(code)),
        _ => Some(Finding::Several(codes)),
    }
}

fn words(value: &str) -> Vec<String> {
    value
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// Message, help and the code to replace the cell with (if any).
fn describe(finding: &Finding, value: &str) -> (String, String, Option<&'static str>) {
    match finding {
        Finding::Case(code) => (
            format!("write the region `{value}` in capitals: `{code}`"),
            "regions are written as the codes AMER, EMEA and APAC".to_owned(),
            Some(*code),
        ),
        Finding::Legacy(old) => (
            format!("`{old}` is a legacy region; the support regions are AMER, EMEA and APAC"),
            format!("{old} is in the Americas, which is `AMER` now"),
            Some("AMER"),
        ),
        Finding::SpelledOut(code) => (
            format!("write the region `{value}` as its code `{code}`"),
            "regions are written as the codes AMER, EMEA and APAC".to_owned(),
            Some(*code),
        ),
        Finding::ExtraText(code) => (
            format!("the Region cell `{value}` has text besides the region `{code}`"),
            "write only the region code; put other details in Special Notes".to_owned(),
            Some(*code),
        ),
        Finding::Several(codes) => (
            format!("the Region cell names {} regions: {}", codes.len(), codes.join(", ")),
            "a row has one ASE, in one region; write the ASE's region and put coverage details in Special Notes".to_owned(),
            None,
        ),
        Finding::Unknown => (
            format!("`{value}` is not a support region"),
            "write AMER, EMEA or APAC (the ASE's region)".to_owned(),
            None,
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn regions_and_near_misses() {
        assert_eq!(classify("EMEA"), None);
        assert_eq!(classify("emea"), Some(Finding::Case("EMEA")));
        assert_eq!(classify("latam"), Some(Finding::Legacy("LATAM".into())));
        assert_eq!(
            classify("Europe, Middle East, Africa"),
            Some(Finding::SpelledOut("EMEA"))
        );
        assert_eq!(classify("Americas, USA"), Some(Finding::SpelledOut("AMER")));
        assert_eq!(classify("Asia-Pacific"), Some(Finding::SpelledOut("APAC")));
        assert_eq!(classify("AMER (US East)"), Some(Finding::ExtraText("AMER")));
        assert_eq!(
            classify("AMER/EMEA"),
            Some(Finding::Several(vec!["AMER", "EMEA"]))
        );
        assert_eq!(classify("Mars"), Some(Finding::Unknown));
    }

    #[test]
    fn fixes_replace_the_cell_with_the_code() {
        let text = "| Account | ASE | Region | Zendesk Org Name |\n|---|---|---|---|\n| Acme | Jill | Asia Pacific | f6438d0c Acme |\n";
        let d = crate::testing::lint_readme(text, true);
        let found = crate::testing::only(&d, "table/region");
        assert_eq!(found.len(), 1);
        let start = text.find("Asia Pacific").unwrap_or_default();
        assert_eq!(
            found[0].fix.as_ref().map(|f| f.span.clone()),
            Some(start..start + 12)
        );
        assert_eq!(
            found[0].fix.as_ref().map(|f| f.replacement.as_str()),
            Some("APAC")
        );
        assert!(found[0].message.contains("as its code `APAC`"));
    }
}
