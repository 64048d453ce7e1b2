//! The configuration as written in YAML: [`Config`] and its sections, with the defaults
//! of the keys `src/default-config.yml` may leave out.

use std::collections::BTreeMap;

use serde::Deserialize;

use super::{DEFAULT_HANDBOOK_URL, Level};
use crate::config_words::ConfigOrigin;
use crate::handbook::HandbookConfig;

fn default_handbook_url() -> String {
    DEFAULT_HANDBOOK_URL.to_owned()
}

/// The whole configuration, as written in YAML (defaults merged with the user's file).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    pub ase_readme: Option<String>,
    /// The handbook's address, for the links ase-lint suggests and writes.
    #[serde(default = "default_handbook_url")]
    pub handbook_url: String,
    pub columns: ColumnsConfig,
    pub rules: BTreeMap<String, Level>,
    pub ids: IdsConfig,
    pub links: LinksConfig,
    pub questions: BTreeMap<String, PhraseSetConfig>,
    /// The other project for the `cross/*` rules (flags `--ase-readme`/`--orgs-dir` win).
    #[serde(default)]
    pub cross: CrossConfig,
    /// The user's file this configuration was read from (locates errors found later).
    #[serde(skip)]
    pub origin: Option<std::sync::Arc<ConfigOrigin>>,
    /// Size and request caps (the files and the merge request are untrusted).
    #[serde(default)]
    pub limits: LimitsConfig,
    /// Findings silenced on README rows, each with its reason (see [`crate::suppress`]).
    #[serde(default)]
    pub allow: Vec<AllowConfig>,
    /// The Zendesk instance `ase-lint verify` reads.
    #[serde(default)]
    pub zendesk: ZendeskConfig,
    /// The handbook's "remember to" steps the review note lists.
    pub handbook: HandbookConfig,
}

/// One `allow:` entry: silence `rule` on the README row whose Zendesk Account ID is
/// `account`, for `reason`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AllowConfig {
    pub rule: String,
    #[serde(deserialize_with = "text_or_number")]
    pub account: String,
    #[serde(default)]
    pub reason: Option<String>,
}

/// A YAML scalar as text: `account: 361092349520` and `account: "361092349520"` alike.
fn text_or_number<'de, D: serde::Deserializer<'de>>(deserializer: D) -> Result<String, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum Scalar {
        Number(u64),
        Text(String),
    }
    Ok(match Scalar::deserialize(deserializer)? {
        Scalar::Number(n) => n.to_string(),
        Scalar::Text(t) => t,
    })
}

/// `limits:`: what one run reads at most.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LimitsConfig {
    /// A README or org file larger than this is not read (`file/too-large`).
    pub max_file_bytes: u64,
    /// Repository files `ase-lint ci` reads through the API per run (base versions and
    /// the other project's files); the rest are named in the summary as not checked.
    pub max_api_reads: usize,
    /// Accounts one ASE looks after at most (`table/ase-capacity`).
    #[serde(default = "default_max_accounts_per_ase")]
    pub max_accounts_per_ase: usize,
}

fn default_max_accounts_per_ase() -> usize {
    5
}

impl Default for LimitsConfig {
    fn default() -> Self {
        Self {
            max_file_bytes: 1024 * 1024,
            max_api_reads: 200,
            max_accounts_per_ase: default_max_accounts_per_ase(),
        }
    }
}

/// `zendesk:`: the instance `ase-lint verify` reads and its organization field keys.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ZendeskConfig {
    pub url: String,
    pub fields: ZendeskFields,
    /// True when a user's file sets `url` (then `ase-lint ci` verifies changed rows).
    #[serde(skip)]
    pub url_set: bool,
}

/// `zendesk.fields`: organization field keys.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ZendeskFields {
    pub assigned_se: String,
    pub ase_subscription: String,
}

/// The default Zendesk instance.
pub const DEFAULT_ZENDESK_URL: &str = "https://gitlab.zendesk.com";

impl Default for ZendeskConfig {
    fn default() -> Self {
        Self {
            url: DEFAULT_ZENDESK_URL.to_owned(),
            fields: ZendeskFields {
                assigned_se: "assigned_se".to_owned(),
                ase_subscription: "sub_ss_ase".to_owned(),
            },
            url_set: false,
        }
    }
}

/// `cross:`: local checkouts of the other project, relative to the configuration file.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CrossConfig {
    #[serde(default)]
    pub ase_readme: Option<String>,
    #[serde(default)]
    pub orgs_dir: Option<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ColumnsConfig {
    pub required: Vec<String>,
    pub may_be_empty: Vec<String>,
    pub aliases: BTreeMap<String, Vec<String>>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct IdsConfig {
    pub min_digits: usize,
    pub max_digits: usize,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LinksConfig {
    pub salesforce_hosts: Vec<String>,
    pub zendesk_hosts: Vec<String>,
    pub orgs_project_url: String,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PhraseSetConfig {
    #[serde(default)]
    pub replace: bool,
    #[serde(default)]
    pub patterns: Vec<String>,
    #[serde(default)]
    pub guards: Vec<String>,
    /// The question as the team's handbook words it (the summary, the findings and
    /// `ase-lint questions` show it); `None`: the built-in wording.
    #[serde(default)]
    pub asks: Option<String>,
}
