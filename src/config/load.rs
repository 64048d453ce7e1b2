//! Reading a configuration: the built-in defaults (parsed once per process), a user's
//! `.ase-lint.yml` (every key optional) merged over them, and finding that file.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::LazyLock;

use serde::Deserialize;

use super::schema::{AllowConfig, Config, CrossConfig, PhraseSetConfig, ZendeskConfig};
use super::{CONFIG_FILE_NAME, ConfigError, DEFAULT_CONFIG_YAML, Level};
use crate::config_words::ConfigOrigin;
use crate::handbook::UserHandbook;

/// A user's file: every key optional; merged over the defaults.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct UserConfig {
    ase_readme: Option<String>,
    handbook_url: Option<String>,
    columns: Option<UserColumns>,
    rules: Option<BTreeMap<String, Level>>,
    ids: Option<UserIds>,
    links: Option<UserLinks>,
    questions: Option<BTreeMap<String, PhraseSetConfig>>,
    cross: Option<CrossConfig>,
    limits: Option<UserLimits>,
    allow: Option<Vec<AllowConfig>>,
    zendesk: Option<UserZendesk>,
    handbook: Option<UserHandbook>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct UserColumns {
    required: Option<Vec<String>>,
    may_be_empty: Option<Vec<String>>,
    aliases: Option<BTreeMap<String, Vec<String>>>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct UserIds {
    min_digits: Option<usize>,
    max_digits: Option<usize>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct UserLinks {
    salesforce_hosts: Option<Vec<String>>,
    zendesk_hosts: Option<Vec<String>>,
    orgs_project_url: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct UserLimits {
    max_file_bytes: Option<u64>,
    max_api_reads: Option<usize>,
    max_accounts_per_ase: Option<usize>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct UserZendesk {
    url: Option<String>,
    fields: Option<UserZendeskFields>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct UserZendeskFields {
    assigned_se: Option<String>,
    ase_subscription: Option<String>,
}

impl Config {
    /// The built-in defaults.
    pub fn default_config() -> Config {
        // The embedded file is covered by a unit test; fall back to an error message that
        // names it rather than a panic if it ever stops parsing. Parsed once per process.
        static DEFAULTS: LazyLock<Config> = LazyLock::new(|| {
            parse_yaml("<built-in defaults>", DEFAULT_CONFIG_YAML).unwrap_or_else(|e| {
                unreachable!("built-in default configuration does not parse: {e}")
            })
        });
        DEFAULTS.clone()
    }

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
            if let Some(required) = columns.required {
                self.columns.required = required;
            }
            if let Some(may_be_empty) = columns.may_be_empty {
                self.columns.may_be_empty = may_be_empty;
            }
            for (key, names) in columns.aliases.unwrap_or_default() {
                self.columns.aliases.entry(key).or_default().extend(names);
            }
        }
        if let Some(limits) = user.limits {
            self.limits.max_file_bytes =
                limits.max_file_bytes.unwrap_or(self.limits.max_file_bytes);
            self.limits.max_api_reads = limits.max_api_reads.unwrap_or(self.limits.max_api_reads);
            self.limits.max_accounts_per_ase = limits
                .max_accounts_per_ase
                .unwrap_or(self.limits.max_accounts_per_ase);
        }
        if let Some(zendesk) = user.zendesk {
            self.zendesk.merge(zendesk);
        }
        if let Some(handbook) = user.handbook {
            self.handbook.merge(handbook);
        }
        self.rules.extend(user.rules.unwrap_or_default());
        if let Some(ids) = user.ids {
            self.ids.min_digits = ids.min_digits.unwrap_or(self.ids.min_digits);
            self.ids.max_digits = ids.max_digits.unwrap_or(self.ids.max_digits);
        }
        if let Some(links) = user.links {
            if let Some(hosts) = links.salesforce_hosts {
                self.links.salesforce_hosts = hosts;
            }
            if let Some(hosts) = links.zendesk_hosts {
                self.links.zendesk_hosts = hosts;
            }
            if let Some(url) = links.orgs_project_url {
                self.links.orgs_project_url = url;
            }
        }
        for (question, set) in user.questions.unwrap_or_default() {
            let entry = self.questions.entry(question).or_default();
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

    /// Finds `.ase-lint.yml` in `start` or its ancestors.
    pub fn discover(start: &Path) -> Option<PathBuf> {
        start
            .ancestors()
            .map(|dir| dir.join(CONFIG_FILE_NAME))
            .find(|candidate| candidate.is_file())
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

fn parse_yaml<T: for<'de> Deserialize<'de>>(path: &str, text: &str) -> Result<T, ConfigError> {
    let options = serde_saphyr::options! {
        budget: serde_saphyr::budget! { max_events: 100_000, max_depth: 64 },
    };
    serde_saphyr::from_str_with_options(text, options)
        .map_err(|err| crate::config_words::parse_error(path, text, &err))
}
