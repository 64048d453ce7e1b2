//! The full configuration: [`Config`] and its sections, every key with its value (the
//! built-in defaults of `src/default-config.yml` with a user's file merged over them).
//! Not deserialized itself: YAML is only ever read as a `UserConfig` (`config/user.rs`,
//! every key optional); the leaf types both trees share (an `allow:` entry, `cross:`, a
//! phrase set) are the only ones here that derive `Deserialize`.

use std::collections::BTreeMap;

use serde::Deserialize;

use super::Level;
use crate::config_words::ConfigOrigin;
use crate::handbook::HandbookConfig;

/// The whole configuration (defaults merged with the user's file).
#[derive(Debug, Clone)]
pub struct Config {
    pub ase_readme: Option<String>,
    /// The handbook's address, for the links ase-lint suggests and writes.
    pub handbook_url: String,
    pub columns: ColumnsConfig,
    pub rules: BTreeMap<String, Level>,
    pub ids: IdsConfig,
    pub links: LinksConfig,
    pub questions: BTreeMap<String, PhraseSetConfig>,
    /// The other project for the `cross/*` rules (flags `--ase-readme`/`--orgs-dir` win).
    pub cross: CrossConfig,
    /// The user's file this configuration was read from (locates errors found later).
    pub origin: Option<std::sync::Arc<ConfigOrigin>>,
    /// Size and request caps (the files and the merge request are untrusted).
    pub limits: LimitsConfig,
    /// Findings silenced on README rows, each with its reason (see [`crate::suppress`]).
    pub allow: Vec<AllowConfig>,
    /// The Zendesk instance `ase-lint verify` reads.
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
#[derive(Debug, Clone)]
pub struct LimitsConfig {
    /// A README or org file larger than this is not read (`file/too-large`).
    pub max_file_bytes: u64,
    /// Repository files `ase-lint ci` reads through the API per run (base versions and
    /// the other project's files); the rest are named in the summary as not checked.
    pub max_api_reads: usize,
    /// Accounts one ASE looks after at most (`table/ase-capacity`).
    pub max_accounts_per_ase: usize,
}

/// `zendesk:`: the instance `ase-lint verify` reads and its organization field keys.
#[derive(Debug, Clone)]
pub struct ZendeskConfig {
    pub url: String,
    pub fields: ZendeskFields,
    /// True when a user's file sets `url` (then `ase-lint ci` verifies changed rows).
    pub url_set: bool,
}

/// `zendesk.fields`: organization field keys.
#[derive(Debug, Clone)]
pub struct ZendeskFields {
    pub assigned_se: String,
    pub ase_subscription: String,
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

#[derive(Debug, Clone)]
pub struct ColumnsConfig {
    pub required: Vec<String>,
    pub may_be_empty: Vec<String>,
    pub aliases: BTreeMap<String, Vec<String>>,
}

#[derive(Debug, Clone)]
pub struct IdsConfig {
    pub min_digits: usize,
    pub max_digits: usize,
}

#[derive(Debug, Clone)]
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
