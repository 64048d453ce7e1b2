//! Rules that compare the ASE table with Zendesk itself (`zendesk/*`), run by `ase-lint
//! verify` (and by `ase-lint ci` on the rows a merge request adds or changes).
//!
//! Rules never do I/O: the command reads the organizations and users from Zendesk
//! (`crate::zendesk`), then hands the facts to the rules as a [`ZendeskInput`]. Only rows
//! whose organization was asked about are checked; findings go on the README cell they
//! concern.

use std::collections::{BTreeMap, BTreeSet};

use crate::model::{AseTable, Cell, Column, Row};
use crate::rules::RuleContext;
use crate::rules::id::zendesk_id;
use crate::rules::util;

pub mod ase_name_mismatch;
pub mod ase_not_assigned;
pub mod ase_subscription;
pub mod org_name_mismatch;
pub mod org_not_found;
pub mod user_not_agent;
pub mod user_not_found;

/// An organization as Zendesk holds it (the fields the rules read).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ZendeskOrg {
    pub name: String,
    /// The `assigned_se` field (`zendesk.fields.assigned_se`) as text; `None` when unset.
    pub assigned_se: Option<String>,
    /// The ASE subscription checkbox (`zendesk.fields.ase_subscription`); `None` when unset.
    pub ase_subscription: Option<bool>,
}

/// A user as Zendesk holds it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ZendeskUser {
    pub name: String,
    /// `end-user`, `agent` or `admin`.
    pub role: String,
    pub active: bool,
    pub suspended: bool,
}

/// What was read from Zendesk: the ids asked about and those found.
#[derive(Debug, Clone, Default)]
pub struct ZendeskFacts {
    /// The instance, for messages (`https://gitlab.zendesk.com`).
    pub instance: String,
    pub asked_orgs: BTreeSet<u64>,
    pub asked_users: BTreeSet<u64>,
    pub orgs: BTreeMap<u64, ZendeskOrg>,
    pub users: BTreeMap<u64, ZendeskUser>,
}

/// What a `zendesk/*` rule checks: the README's ASE table against the facts.
#[derive(Debug, Clone, Copy)]
pub struct ZendeskInput<'a> {
    pub table: &'a AseTable,
    pub facts: &'a ZendeskFacts,
}

/// One row to verify: its valid ids (an invalid or empty id is the `id/*` rules' finding).
#[derive(Debug, Clone, Copy)]
pub struct Checked<'a> {
    pub row: &'a Row,
    pub org_id: u64,
    pub user_id: Option<u64>,
}

/// A cell's value as a Zendesk id.
pub fn cell_id(cell: &Cell) -> Option<u64> {
    zendesk_id::cell_id(cell).and_then(|id| u64::try_from(id.value).ok())
}

impl<'a> ZendeskInput<'a> {
    /// The aligned rows whose organization was asked about, with their ids.
    pub fn rows(&self) -> impl Iterator<Item = Checked<'a>> + '_ {
        let table = self.table;
        util::aligned_rows(table).filter_map(move |row| {
            let org_id = table.cell(row, Column::AccountId).and_then(cell_id)?;
            self.facts.asked_orgs.contains(&org_id).then(|| Checked {
                row,
                org_id,
                user_id: table.cell(row, Column::UserId).and_then(cell_id),
            })
        })
    }

    /// The rows whose organization Zendesk has, with it.
    pub fn found_orgs(&self) -> impl Iterator<Item = (Checked<'a>, &'a ZendeskOrg)> + '_ {
        let facts = self.facts;
        self.rows()
            .filter_map(move |c| facts.orgs.get(&c.org_id).map(|org| (c, org)))
    }

    /// The rows whose user id was asked about, with that id.
    pub fn asked_users(&self) -> impl Iterator<Item = (Checked<'a>, u64)> + '_ {
        let facts = self.facts;
        self.rows().filter_map(move |c| {
            let id = c.user_id?;
            facts.asked_users.contains(&id).then_some((c, id))
        })
    }

    /// Reports on the row's `column` cell (nothing when the column is missing).
    pub fn report(
        &self,
        row: &Row,
        column: Column,
        message: String,
        help: String,
        cx: &mut RuleContext<'_>,
    ) {
        let Some(cell) = self.table.cell(row, column) else {
            return;
        };
        cx.report(cell.span.clone(), message)
            .help(help)
            .key(util::cell_key(self.table, row, column));
    }

    /// The agent-view address of an organization, for help texts.
    pub fn org_url(&self, id: u64) -> String {
        format!(
            "{}/agent/organizations/{id}",
            self.facts.instance.trim_end_matches('/')
        )
    }

    /// The agent-view address of a user, for help texts.
    pub fn user_url(&self, id: u64) -> String {
        format!(
            "{}/agent/users/{id}",
            self.facts.instance.trim_end_matches('/')
        )
    }
}

/// Text from Zendesk as quoted in a message: one line, at most 80 characters.
pub fn quoted(text: &str) -> String {
    crate::rules::cross::quote(text, 80)
}
