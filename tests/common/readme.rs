//! ASE-table rows and the README merge requests built from them, shared by the bot's
//! end-to-end and fault tests.

use super::{FakeGitlab, Workspace};

pub const HEADER: &str = "| Account | ASE | Region | Links | Special Notes | Zendesk Org Name | Zendesk Account ID | Zendesk User (ASE) ID |\n|---|---|---|---|---|---|---|---|\n";
pub const ACME: &str = "| Acme Corporation | Jill Doe | AMER | [Salesforce](https://gitlab.my.salesforce.com/0014M00001hHV5CQAW) \\| [Org Note](https://gitlab.com/gitlab-com/support/zendesk-global/organizations/-/blob/master/organizations/361092349520.yaml) | | f6438d0c Acme Corporation | 361092349520 | 370415907240 |\n";
pub const BLUE: &str = "| Blue Harbor Logistics | Priya Raman | EMEA | [SFDC](https://gitlab.lightning.force.com/lightning/r/Account/0014M00001kPq2ZQAS/view), [ZD Org](https://gitlab.zendesk.com/agent/organizations/27946339528) | | 5a1f9965 Blue Harbor Logistics | 27946339528 | 411273650918 |\n";
/// A row with a cell missing (`table/cell-count`).
pub const SHORT_ROW: &str = "| Cobalt Analytics | Kenji Watanabe | APAC | https://gitlab.my.salesforce.com/0016100001Xy7bR | | 0b3c51aa Cobalt Analytics |\n";

pub fn readme(rows: &[&str]) -> String {
    format!("# Assigned Support Engineers\n\n{HEADER}{}", rows.concat())
}

/// The line of `row` in `readme(rows)` (1-based).
pub fn line_of(rows: &[&str], row: &str) -> u32 {
    let text = readme(rows);
    let index = text.lines().position(|l| format!("{l}\n") == row).unwrap();
    u32::try_from(index + 1).unwrap()
}

/// The merge request changes a README that held `before` into one holding `after`.
pub fn readme_mr(fake: &FakeGitlab, work: &Workspace, before: &[&str], after: &[&str]) {
    fake.change(
        work,
        "README.md",
        Some(&readme(before)),
        Some(&readme(after)),
    );
}
