//! The built-in defaults: `src/default-config.yml` ([`DEFAULT_CONFIG_YAML`]), the one
//! place they are written, read like a user's file (a `UserConfig`, every key optional)
//! and completed into the full [`Config`]: every key the full configuration needs must be
//! given there, and the unit tests below fail if one is left out. Parsed once per process.

use std::sync::LazyLock;

use super::load::parse_yaml;
use super::schema::{ColumnsConfig, Config, IdsConfig, LimitsConfig, LinksConfig};
use super::schema::{ZendeskConfig, ZendeskFields};
use super::user::{UserColumns, UserConfig, UserIds, UserLimits, UserLinks, UserZendesk};
use super::{DEFAULT_CONFIG_YAML, QUESTIONS};
use crate::handbook::HandbookConfig;

/// The path of a key the full configuration needs that the defaults leave out.
pub(crate) type Missing = &'static str;

impl Config {
    /// The built-in defaults, parsed once per process.
    pub fn builtin() -> &'static Config {
        // Ours, not a user's: the unit tests below read the embedded file; should it ever
        // stop parsing or leave a key out, the message says which.
        static DEFAULTS: LazyLock<Config> = LazyLock::new(|| {
            builtin(DEFAULT_CONFIG_YAML)
                .unwrap_or_else(|e| unreachable!("built-in default configuration: {e}"))
        });
        &DEFAULTS
    }

    /// A copy of the built-in defaults (to merge a user's file over).
    pub fn default_config() -> Config {
        Self::builtin().clone()
    }
}

/// The full configuration `yaml` gives, or why it is none: not a valid configuration
/// file, or a key left out.
fn builtin(yaml: &str) -> Result<Config, String> {
    let given = parse_yaml("<built-in defaults>", yaml).map_err(|e| e.to_string())?;
    let config = complete(given).map_err(|key| format!("`{key}` is not given"))?;
    match QUESTIONS
        .iter()
        .find(|q| !config.questions.contains_key(**q))
    {
        Some(question) => Err(format!("`questions.{question}` is not given")),
        None => Ok(config),
    }
}

/// Every key of the full configuration from `given`, or the first one it leaves out.
/// Optional: `ase_readme`, `cross` (local paths) and `allow` (no finding silenced).
fn complete(given: UserConfig) -> Result<Config, Missing> {
    Ok(Config {
        ase_readme: given.ase_readme,
        handbook_url: given.handbook_url.ok_or("handbook_url")?,
        columns: given.columns.ok_or("columns")?.complete()?,
        rules: given.rules.ok_or("rules")?,
        ids: given.ids.ok_or("ids")?.complete()?,
        links: given.links.ok_or("links")?.complete()?,
        questions: given.questions.ok_or("questions")?,
        cross: given.cross.unwrap_or_default(),
        origin: None,
        limits: given.limits.ok_or("limits")?.complete()?,
        allow: given.allow.unwrap_or_default(),
        zendesk: given.zendesk.ok_or("zendesk")?.complete()?,
        handbook: HandbookConfig::complete(given.handbook.ok_or("handbook")?)?,
    })
}

impl UserColumns {
    fn complete(self) -> Result<ColumnsConfig, Missing> {
        Ok(ColumnsConfig {
            required: self.required.ok_or("columns.required")?,
            may_be_empty: self.may_be_empty.ok_or("columns.may_be_empty")?,
            aliases: self.aliases.ok_or("columns.aliases")?,
        })
    }
}

impl UserIds {
    fn complete(self) -> Result<IdsConfig, Missing> {
        Ok(IdsConfig {
            min_digits: self.min_digits.ok_or("ids.min_digits")?,
            max_digits: self.max_digits.ok_or("ids.max_digits")?,
        })
    }
}

impl UserLinks {
    fn complete(self) -> Result<LinksConfig, Missing> {
        Ok(LinksConfig {
            salesforce_hosts: self.salesforce_hosts.ok_or("links.salesforce_hosts")?,
            zendesk_hosts: self.zendesk_hosts.ok_or("links.zendesk_hosts")?,
            orgs_project_url: self.orgs_project_url.ok_or("links.orgs_project_url")?,
        })
    }
}

impl UserLimits {
    fn complete(self) -> Result<LimitsConfig, Missing> {
        Ok(LimitsConfig {
            max_file_bytes: self.max_file_bytes.ok_or("limits.max_file_bytes")?,
            max_api_reads: self.max_api_reads.ok_or("limits.max_api_reads")?,
            max_accounts_per_ase: self
                .max_accounts_per_ase
                .ok_or("limits.max_accounts_per_ase")?,
        })
    }
}

impl UserZendesk {
    fn complete(self) -> Result<ZendeskConfig, Missing> {
        let fields = self.fields.ok_or("zendesk.fields")?;
        Ok(ZendeskConfig {
            url: self.url.ok_or("zendesk.url")?,
            fields: ZendeskFields {
                assigned_se: fields.assigned_se.ok_or("zendesk.fields.assigned_se")?,
                ase_subscription: fields
                    .ase_subscription
                    .ok_or("zendesk.fields.ase_subscription")?,
            },
            // Set by a user's file only (then `ase-lint ci` verifies changed rows).
            url_set: false,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The embedded defaults without the first line that starts with `prefix`.
    fn without_line(prefix: &str) -> String {
        let lines: Vec<&str> = DEFAULT_CONFIG_YAML.lines().collect();
        let at = lines
            .iter()
            .position(|line| line.starts_with(prefix))
            .unwrap_or_else(|| panic!("no line starts with {prefix:?}"));
        [&lines[..at], &lines[at + 1..]].concat().join("\n")
    }

    #[test]
    fn the_embedded_defaults_give_every_key() {
        let config = builtin(DEFAULT_CONFIG_YAML).unwrap_or_else(|e| panic!("{e}"));
        assert!(config.origin.is_none());
        assert!(!config.zendesk.url_set);
        assert!(config.allow.is_empty());
        assert_eq!(config.handbook_url, super::super::DEFAULT_HANDBOOK_URL);
        assert_eq!(Config::builtin().limits.max_file_bytes, 1024 * 1024);
    }

    #[test]
    fn a_key_left_out_of_the_defaults_is_named() {
        let cases = [
            ("handbook_url:", "handbook_url"),
            ("rules:", "rules"),
            ("  may_be_empty:", "columns.may_be_empty"),
            ("  min_digits:", "ids.min_digits"),
            ("  orgs_project_url:", "links.orgs_project_url"),
            ("  emergency:", "questions.emergency"),
            ("  max_accounts_per_ase:", "limits.max_accounts_per_ase"),
            ("  url: https://gitlab.zendesk.com", "zendesk.url"),
            ("    ase_subscription:", "zendesk.fields.ase_subscription"),
            (
                "  auto_assignment_closing:",
                "handbook.auto_assignment_closing",
            ),
        ];
        for (line, key) in cases {
            let error = builtin(&without_line(line)).err();
            assert_eq!(error, Some(format!("`{key}` is not given")), "{line}");
        }
    }

    #[test]
    fn defaults_that_do_not_parse_say_why() {
        let e = builtin("rulez: {}\n").err().unwrap_or_default();
        assert!(e.starts_with("<built-in defaults>:1:1: "), "{e}");
        assert!(e.contains("rulez"), "{e}");
    }
}
