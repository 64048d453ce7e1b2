//! Reading a user's `.ase-lint.yml` (a [`UserConfig`], every key optional), merging it
//! over the built-in defaults, and finding that file.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use super::schema::{ColumnsConfig, Config, IdsConfig, LimitsConfig, LinksConfig};
use super::schema::{PhraseSetConfig, ZendeskConfig};
use super::user::{UserColumns, UserConfig, UserIds, UserLimits, UserLinks, UserZendesk};
use super::{CONFIG_FILE_NAME, ConfigError};
use crate::config_words::ConfigOrigin;

impl Config {
    /// Reads a user's file and merges it over the defaults.
    pub fn load(path: &Path) -> Result<Config, ConfigError> {
        let display = path.display().to_string();
        let text = std::fs::read_to_string(path).map_err(|source| ConfigError::Read {
            path: display.clone(),
            source,
        })?;
        Self::from_user_yaml(&display, &text)
    }

    /// Merges a user's YAML text over the defaults.
    pub fn from_user_yaml(path: &str, text: &str) -> Result<Config, ConfigError> {
        let user: UserConfig = if text.trim().is_empty() {
            UserConfig::default()
        } else {
            parse_yaml(path, text)?
        };
        let mut config = Config::default_config();
        config.merge(user);
        config.origin = Some(std::sync::Arc::new(ConfigOrigin::new(path, text)));
        Ok(config)
    }

    /// `user` over `self`: a value given replaces the default, except the lists that add
    /// to it (`allow`, `rules`, column aliases, phrase sets without `replace: true`).
    fn merge(&mut self, user: UserConfig) {
        self.allow.extend(user.allow.unwrap_or_default());
        if user.ase_readme.is_some() {
            self.ase_readme = user.ase_readme;
        }
        if let Some(url) = user.handbook_url {
            self.handbook_url = url;
        }
        if let Some(cross) = user.cross {
            self.cross.ase_readme = cross.ase_readme.or(self.cross.ase_readme.take());
            self.cross.orgs_dir = cross.orgs_dir.or(self.cross.orgs_dir.take());
        }
        if let Some(columns) = user.columns {
            self.columns.merge(columns);
        }
        if let Some(limits) = user.limits {
            self.limits.merge(limits);
        }
        if let Some(zendesk) = user.zendesk {
            self.zendesk.merge(zendesk);
        }
        if let Some(handbook) = user.handbook {
            self.handbook.merge(handbook);
        }
        self.rules.extend(user.rules.unwrap_or_default());
        if let Some(ids) = user.ids {
            self.ids.merge(ids);
        }
        if let Some(links) = user.links {
            self.links.merge(links);
        }
        merge_questions(&mut self.questions, user.questions.unwrap_or_default());
    }

    /// Finds `.ase-lint.yml` in `start` or its ancestors.
    pub fn discover(start: &Path) -> Option<PathBuf> {
        start
            .ancestors()
            .map(|dir| dir.join(CONFIG_FILE_NAME))
            .find(|candidate| candidate.is_file())
    }
}

/// A user's phrase set extends the default one (its `asks` replaces), or replaces it with
/// `replace: true`.
fn merge_questions(
    questions: &mut BTreeMap<String, PhraseSetConfig>,
    user: BTreeMap<String, PhraseSetConfig>,
) {
    for (question, set) in user {
        let entry = questions.entry(question).or_default();
        if set.replace {
            *entry = set;
        } else {
            entry.patterns.extend(set.patterns);
            entry.guards.extend(set.guards);
            if set.asks.is_some() {
                entry.asks = set.asks;
            }
        }
    }
}

impl ColumnsConfig {
    fn merge(&mut self, user: UserColumns) {
        if let Some(required) = user.required {
            self.required = required;
        }
        if let Some(may_be_empty) = user.may_be_empty {
            self.may_be_empty = may_be_empty;
        }
        for (key, names) in user.aliases.unwrap_or_default() {
            self.aliases.entry(key).or_default().extend(names);
        }
    }
}

impl LimitsConfig {
    fn merge(&mut self, user: UserLimits) {
        self.max_file_bytes = user.max_file_bytes.unwrap_or(self.max_file_bytes);
        self.max_api_reads = user.max_api_reads.unwrap_or(self.max_api_reads);
        self.max_accounts_per_ase = user
            .max_accounts_per_ase
            .unwrap_or(self.max_accounts_per_ase);
    }
}

impl IdsConfig {
    fn merge(&mut self, user: UserIds) {
        self.min_digits = user.min_digits.unwrap_or(self.min_digits);
        self.max_digits = user.max_digits.unwrap_or(self.max_digits);
    }
}

impl LinksConfig {
    fn merge(&mut self, user: UserLinks) {
        if let Some(hosts) = user.salesforce_hosts {
            self.salesforce_hosts = hosts;
        }
        if let Some(hosts) = user.zendesk_hosts {
            self.zendesk_hosts = hosts;
        }
        if let Some(url) = user.orgs_project_url {
            self.orgs_project_url = url;
        }
    }
}

impl ZendeskConfig {
    fn merge(&mut self, user: UserZendesk) {
        if let Some(url) = user.url {
            self.url = url;
            self.url_set = true;
        }
        let fields = user.fields.unwrap_or_default();
        if let Some(key) = fields.assigned_se {
            self.fields.assigned_se = key;
        }
        if let Some(key) = fields.ase_subscription {
            self.fields.ase_subscription = key;
        }
    }
}

/// `text` read as a configuration file (a user's or the built-in defaults), within a
/// budget; errors located in `path`.
pub(super) fn parse_yaml(path: &str, text: &str) -> Result<UserConfig, ConfigError> {
    let options = serde_saphyr::options! {
        budget: serde_saphyr::budget! { max_events: 100_000, max_depth: 64 },
    };
    serde_saphyr::from_str_with_options(text, options)
        .map_err(|err| crate::config_words::parse_error(path, text, &err))
}
