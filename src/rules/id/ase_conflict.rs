//! `id/ase-conflict`: one ASE with two user ids, or one user id with two ASEs.

use std::collections::HashMap;
use std::collections::hash_map::Entry;

use crate::declare_rule;
use crate::model::{AseTable, Cell, Column, Row};
use crate::rules::id::zendesk_id::{self, ZendeskId};
use crate::rules::util;
use crate::rules::{Rule, RuleContext};

declare_rule! {
    /// ## What it does
    /// Reports an ASE who appears with two different Zendesk User (ASE) IDs, or a user id
    /// that appears with two different ASE names. Names are compared ignoring case,
    /// spacing and a leading `@`. The finding is on the later row (on the user id cell
    /// when one name has two ids, on the ASE cell when one id has two names) and names
    /// the earlier row's line. Rows whose user id is empty or malformed are skipped.
    ///
    /// ## Why is this bad?
    /// The user id is what Zendesk assigns tickets to; the name is what people read. When
    /// they disagree, one of the accounts auto-assigns its tickets to the wrong engineer,
    /// or to nobody.
    ///
    /// ## Example
    /// ```markdown
    /// | Acme | Jill Doe | AMER | … | | f6438d0c Acme Corp | 361092349520 | 370415907240 |
    /// | Beta | Jill Doe | AMER | … | | 0b3c51aa Beta Inc | 27946339528 | 370415907241 |
    /// ```
    /// Use instead (the same id on every row of the same ASE):
    /// ```markdown
    /// | Beta | Jill Doe | AMER | … | | 0b3c51aa Beta Inc | 27946339528 | 370415907240 |
    /// ```
    pub AseConflict, name = "id/ase-conflict", severity = Error,
    summary = "One ASE with two user ids, or one user id with two ASEs"
}

/// Where a name or an id was first seen.
struct First {
    line: usize,
    /// The ASE name as written there.
    name: String,
    id: i64,
}

impl Rule for AseConflict {
    fn check_table(&self, table: &AseTable, cx: &mut RuleContext<'_>) {
        let mut by_name: HashMap<String, First> = HashMap::new();
        let mut by_id: HashMap<i64, First> = HashMap::new();
        for row in util::aligned_rows(table) {
            let Some((ase, user, id)) = ase_and_id(table, row) else {
                continue;
            };
            let seen = First {
                line: row.line,
                name: util::value(ase),
                id: id.value,
            };
            let key = util::normalize_name(&seen.name);
            if let Some(first) = remember(&mut by_name, key, &seen, |f| f.id != id.value) {
                report(Conflict::TwoIds, (table, row, user), &seen, first, cx);
            }
            if let Some(first) = remember(&mut by_id, id.value, &seen, |f| {
                util::normalize_name(&f.name) != util::normalize_name(&seen.name)
            }) {
                report(Conflict::TwoNames, (table, row, ase), &seen, first, cx);
            }
        }
    }
}

/// The row's ASE cell, user id cell and valid user id.
fn ase_and_id<'a>(table: &AseTable, row: &'a Row) -> Option<(&'a Cell, &'a Cell, ZendeskId)> {
    let ase = util::filled_cell(table, row, Column::Ase)?;
    let user = table.cell(row, Column::UserId)?;
    let id = zendesk_id::cell_id(user)?;
    Some((ase, user, id))
}

/// Records `seen` under `key` if new; returns the first sighting when it conflicts.
fn remember<'m, K: std::hash::Hash + Eq>(
    map: &'m mut HashMap<K, First>,
    key: K,
    seen: &First,
    conflicts: impl Fn(&First) -> bool,
) -> Option<&'m First> {
    match map.entry(key) {
        Entry::Occupied(entry) => {
            let first: &'m First = entry.into_mut();
            conflicts(first).then_some(first)
        }
        Entry::Vacant(entry) => {
            entry.insert(First {
                line: seen.line,
                name: seen.name.clone(),
                id: seen.id,
            });
            None
        }
    }
}

/// What a later row disagrees with an earlier one about.
#[derive(Clone, Copy)]
enum Conflict {
    /// One ASE name with two user ids: reported on the user id cell.
    TwoIds,
    /// One user id with two ASE names: reported on the ASE cell.
    TwoNames,
}

/// Reports `conflict` of `seen` (this row) with `first` on this row's `cell`.
fn report(
    conflict: Conflict,
    (table, row, cell): (&AseTable, &Row, &Cell),
    seen: &First,
    first: &First,
    cx: &mut RuleContext<'_>,
) {
    let (column, here, says, help) = match conflict {
        Conflict::TwoIds => (
            Column::UserId,
            format!("{} has the Zendesk user id {}", seen.name, seen.id),
            first.id.to_string(),
            TWO_IDS,
        ),
        Conflict::TwoNames => (
            Column::Ase,
            format!("the Zendesk user id {} is {}", seen.id, seen.name),
            first.name.clone(),
            TWO_NAMES,
        ),
    };
    let message = format!("{here} here but {says} on line {}", first.line);
    cx.report(cell.span.clone(), message)
        .label(format!("line {} says {says}", first.line))
        .help(help)
        .key(util::cell_key(table, row, column));
}

/// The help for one ASE name with two user ids.
const TWO_IDS: &str = "an ASE has one Zendesk user: use the same id on every row (look it up at `/agent/users/<id>` in Zendesk)";

/// The help for one user id with two ASE names.
const TWO_NAMES: &str = "one Zendesk user is one ASE: correct the id or the name; if both name the same person, write the name the same way on every row";

#[cfg(test)]
mod tests {
    use crate::testing::{lint_readme, only};

    const HEAD: &str = "| Account | ASE | Zendesk User (ASE) ID |\n|---|---|---|\n";

    fn found(rows: &str) -> Vec<(usize, usize, String)> {
        let d = lint_readme(&format!("{HEAD}{rows}"), true);
        only(&d, "id/ase-conflict")
            .into_iter()
            .map(|x| (x.start.line, x.start.column, x.message.clone()))
            .collect()
    }

    #[test]
    fn same_person_written_differently_is_not_a_conflict() {
        let rows = "| A | Jill Doe | 370415907240 |\n| B | @jill  doe | 370415907240 |\n| C | Ben Roe | 370415907241 |\n";
        assert!(found(rows).is_empty());
    }

    #[test]
    fn one_name_two_ids_and_one_id_two_names() {
        let rows = "| A | Jill Doe | 370415907240 |\n| B | jill doe | 370415907299 |\n| C | Ben Roe | 370415907240 |\n";
        let f = found(rows);
        assert_eq!(f.len(), 2, "{f:?}");
        assert_eq!((f[0].0, f[0].1), (4, 18));
        assert!(f[0].2.contains(
            "jill doe has the Zendesk user id 370415907299 here but 370415907240 on line 3"
        ));
        assert_eq!((f[1].0, f[1].1), (5, 7));
        assert!(
            f[1].2
                .contains("370415907240 is Ben Roe here but Jill Doe on line 3")
        );
    }

    #[test]
    fn malformed_or_empty_ids_are_skipped() {
        let rows =
            "| A | Jill Doe | 370415907240 |\n| B | Jill Doe | ID 1 / 2 |\n| C | Jill Doe | |\n";
        assert!(found(rows).is_empty());
    }
}
