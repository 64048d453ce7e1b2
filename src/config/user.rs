//! The configuration as a file gives it: [`UserConfig`], every key optional. The one tree
//! YAML is deserialized into: a user's `.ase-lint.yml` is merged over the defaults
//! (`load`), and the built-in defaults are read the same way and then completed into the
//! full [`Config`](super::Config) (`defaults`).

use std::collections::BTreeMap;

use serde::Deserialize;

use super::Level;
use super::schema::{AllowConfig, CrossConfig, PhraseSetConfig};
use crate::handbook::UserHandbook;

/// A configuration file: every key optional.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct UserConfig {
    pub ase_readme: Option<String>,
    pub handbook_url: Option<String>,
    pub columns: Option<UserColumns>,
    pub rules: Option<BTreeMap<String, Level>>,
    pub ids: Option<UserIds>,
    pub links: Option<UserLinks>,
    pub questions: Option<BTreeMap<String, PhraseSetConfig>>,
    pub cross: Option<CrossConfig>,
    pub limits: Option<UserLimits>,
    pub allow: Option<Vec<AllowConfig>>,
    pub zendesk: Option<UserZendesk>,
    pub handbook: Option<UserHandbook>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct UserColumns {
    pub required: Option<Vec<String>>,
    pub may_be_empty: Option<Vec<String>>,
    pub aliases: Option<BTreeMap<String, Vec<String>>>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct UserIds {
    pub min_digits: Option<usize>,
    pub max_digits: Option<usize>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct UserLinks {
    pub salesforce_hosts: Option<Vec<String>>,
    pub zendesk_hosts: Option<Vec<String>>,
    pub orgs_project_url: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct UserLimits {
    pub max_file_bytes: Option<u64>,
    pub max_api_reads: Option<usize>,
    pub max_accounts_per_ase: Option<usize>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct UserZendesk {
    pub url: Option<String>,
    pub fields: Option<UserZendeskFields>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct UserZendeskFields {
    pub assigned_se: Option<String>,
    pub ase_subscription: Option<String>,
}
