//! `table/ase-capacity`: an ASE with more accounts in the table than
//! `limits.max_accounts_per_ase`.

use std::collections::BTreeMap;

use crate::declare_rule;
use crate::model::{AseTable, Column, Row};
use crate::rules::util;
use crate::rules::{Rule, RuleContext};

declare_rule! {
    /// ## What it does
    /// Counts the rows of each ASE (names compared ignoring case, spacing and a leading
    /// `@`) and reports an ASE with more than `limits.max_accounts_per_ase` (default 5)
    /// accounts, once, on the ASE cell of the first row over the limit; the message lists
    /// the lines of all their rows.
    ///
    /// ## Why is this bad?
    /// The handbook sizes the role at about 8 hours per account a week and at most five
    /// accounts per ASE. One more account means every one of them gets less than was sold.
    ///
    /// ## Example
    /// `Jill Doe` on six rows of the table. Fix: ask the manager to give the sixth account
    /// to another ASE (or raise `limits.max_accounts_per_ase` if your team's limit differs).
    pub AseCapacity, name = "table/ase-capacity", severity = Warning,
    summary = "An ASE has more accounts in the table than `limits.max_accounts_per_ase`"
}

impl Rule for AseCapacity {
    fn check_table(&self, table: &AseTable, cx: &mut RuleContext<'_>) {
        let limit = cx.settings.config.limits.max_accounts_per_ase;
        for rows in rows_by_ase(table).values() {
            let Some(over) = rows.get(limit) else {
                continue;
            };
            report(table, over, rows, limit, cx);
        }
    }
}

/// The rows of each ASE (by normalised name), in table order.
fn rows_by_ase(table: &AseTable) -> BTreeMap<String, Vec<&Row>> {
    let mut by_ase: BTreeMap<String, Vec<&Row>> = BTreeMap::new();
    for (row, cell) in util::filled_cells(table, Column::Ase) {
        let name = util::normalize_name(&util::value(cell));
        by_ase.entry(name).or_default().push(row);
    }
    by_ase
}

fn report(table: &AseTable, over: &Row, rows: &[&Row], limit: usize, cx: &mut RuleContext<'_>) {
    let Some(cell) = table.cell(over, Column::Ase) else {
        return;
    };
    let lines: Vec<String> = rows.iter().map(|r| r.line.to_string()).collect();
    let message = format!(
        "{} has {} accounts in the table (lines {}); an ASE looks after at most {limit}",
        crate::rules::cross::quote(&util::value(cell), 60),
        rows.len(),
        lines.join(", ")
    );
    cx.report(cell.span.clone(), message)
        .help(
            "ask your manager to give the extra accounts to another ASE \
             (limits.max_accounts_per_ase sets the limit)",
        )
        .key(format!(
            "ase-capacity@{}",
            util::normalize_name(&util::value(cell))
        ));
}
