//! Configuration: the defaults (`src/default-config.yml`), a user's `.ase-lint.yml`, and the
//! compiled [`Settings`] rules read at run time (regexes compiled once per run).

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::sync::LazyLock;

use serde::Deserialize;

pub use crate::config_words::ConfigError;
use crate::config_words::{ConfigOrigin, regex_explanation};
use crate::diagnostic::Severity;
use crate::handbook::{HandbookConfig, UserHandbook};
use crate::model::Column;
use crate::phrases::PhraseMatcher;

/// The default configuration, printed by `ase-lint config --default`.
pub const DEFAULT_CONFIG_YAML: &str = include_str!("default-config.yml");

/// The file name searched for in the current directory and its ancestors.
pub const CONFIG_FILE_NAME: &str = ".ase-lint.yml";

/// The handbook's address when the configuration does not set `handbook_url`.
pub const DEFAULT_HANDBOOK_URL: &str = "https://handbook.gitlab.com";

/// The handbook page "Working on ASE tickets", below the handbook's address.
pub const WORKFLOW_PAGE: &str =
    "/handbook/support/workflows/assigned-support-engineer/working-on-ase-tickets/";

/// The absolute address of the ASE workflow page under `handbook_url`.
pub fn workflow_url(handbook_url: &str) -> String {
    format!("{}{WORKFLOW_PAGE}", handbook_url.trim_end_matches('/'))
}

fn default_handbook_url() -> String {
    DEFAULT_HANDBOOK_URL.to_owned()
}

/// The org-note phrase sets, by configuration key: ASE-note detection, the six questions in
/// the handbook's order, and the link to the ASE workflow page.
pub const QUESTIONS: [&str; 8] = [
    "ase_note",
    "ase",
    "region",
    "out_of_hours",
    "unavailable",
    "pre_existing",
    "emergency",
    "workflow_link",
];

/// A rule's configured level.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    Off,
    Warning,
    Error,
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

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct UserLimits {
    max_file_bytes: Option<u64>,
    max_api_reads: Option<usize>,
    max_accounts_per_ase: Option<usize>,
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

fn parse_yaml<T: for<'de> Deserialize<'de>>(path: &str, text: &str) -> Result<T, ConfigError> {
    let options = serde_saphyr::options! {
        budget: serde_saphyr::budget! { max_events: 100_000, max_depth: 64 },
    };
    serde_saphyr::from_str_with_options(text, options)
        .map_err(|err| crate::config_words::parse_error(path, text, &err))
}

impl crate::note::UserPhrases for Settings {
    fn matches(&self, key: &str, text: &str) -> bool {
        self.question(key)
            .is_some_and(|m| !m.is_empty() && m.is_match(text))
    }
}

/// Per-run compiled configuration that rules read.
#[derive(Debug)]
pub struct Settings {
    pub config: Config,
    /// Normalised header text → column.
    header_names: HashMap<String, Column>,
    pub required_columns: Vec<Column>,
    pub may_be_empty: Vec<Column>,
    /// Compiled phrase sets, by question key (see [`QUESTIONS`]).
    questions: HashMap<String, PhraseMatcher>,
    /// The configured ASE README, resolved against the configuration file's folder.
    pub ase_readme: Option<PathBuf>,
    /// `cross.ase_readme` and `cross.orgs_dir`, resolved like `ase_readme`.
    pub cross_ase_readme: Option<PathBuf>,
    pub cross_orgs_dir: Option<PathBuf>,
}

impl Settings {
    /// Compiles a configuration. `base` is the folder `ase_readme` is relative to.
    pub fn new(config: Config, base: &Path, config_path: &str) -> Result<Settings, ConfigError> {
        let fallback = ConfigOrigin::new(config_path, "");
        let origin = config.origin.as_deref().unwrap_or(&fallback);
        let column = |key: &String| {
            Column::from_config_key(key)
                .ok_or_else(|| origin.unknown_column(key, &Column::ALL.map(Column::config_key)))
        };
        let mut header_names = HashMap::new();
        for known in Column::ALL {
            header_names.insert(normalize_header(known.title()), known);
        }
        for (key, names) in &config.columns.aliases {
            let col = column(key)?;
            for name in names {
                header_names.insert(normalize_header(name), col);
            }
        }
        let required_columns = config
            .columns
            .required
            .iter()
            .map(column)
            .collect::<Result<_, _>>()?;
        let may_be_empty = config
            .columns
            .may_be_empty
            .iter()
            .map(column)
            .collect::<Result<_, _>>()?;
        let builtin = Config::default_config().questions;
        let mut questions = HashMap::new();
        for (key, set) in &config.questions {
            if !QUESTIONS.contains(&key.as_str()) {
                return Err(origin.unknown_question(key, &QUESTIONS));
            }
            let known_good = |pattern: &str| {
                builtin
                    .get(key)
                    .is_some_and(|b| b.patterns.iter().chain(&b.guards).any(|p| p == pattern))
            };
            let matcher = PhraseMatcher::compile_lazily(&set.patterns, &set.guards, known_good)
                .map_err(|e| bad_pattern(origin, key, set, &e.to_string()))?;
            questions.insert(key.clone(), matcher);
        }
        for (i, allow) in config.allow.iter().enumerate() {
            if allow.reason.as_deref().is_none_or(|r| r.trim().is_empty()) {
                return Err(
                    origin.allow_error(i, "has no `reason`: say why the finding does not apply")
                );
            }
        }
        if let Err(problem) = crate::handbook::check(&config.handbook) {
            return Err(origin.handbook_error(&problem));
        }
        if config.limits.max_file_bytes == 0 {
            return Err(origin.limit_error("max_file_bytes", "must be above 0"));
        }
        if config.limits.max_accounts_per_ase == 0 {
            return Err(origin.limit_error("max_accounts_per_ase", "must be above 0"));
        }
        let ase_readme = config.ase_readme.as_ref().map(|p| base.join(p));
        let cross_ase_readme = config.cross.ase_readme.as_ref().map(|p| base.join(p));
        let cross_orgs_dir = config.cross.orgs_dir.as_ref().map(|p| base.join(p));
        Ok(Settings {
            config,
            header_names,
            required_columns,
            may_be_empty,
            questions,
            ase_readme,
            cross_ase_readme,
            cross_orgs_dir,
        })
    }

    /// Checks the rule names the configuration uses (`rules:` keys, `allow[].rule`) with
    /// `describe_unknown`, which says why a name is not a rule (`None`: it is one). The
    /// rules are not `config`'s to know: whoever loads the configuration for a command
    /// passes [`crate::rules::unknown_rule_problem`].
    pub fn check_rule_names(
        &self,
        describe_unknown: impl Fn(&str) -> Option<String>,
    ) -> Result<(), ConfigError> {
        let fallback = ConfigOrigin::new("<configuration>", "");
        let origin = self.config.origin.as_deref().unwrap_or(&fallback);
        for rule in self.config.rules.keys() {
            if let Some(problem) = describe_unknown(rule) {
                return Err(origin.unknown_rule(rule, &problem));
            }
        }
        for (i, allow) in self.config.allow.iter().enumerate() {
            if let Some(problem) = describe_unknown(&allow.rule) {
                return Err(origin.allow_error(i, &problem));
            }
        }
        Ok(())
    }

    /// Settings from the built-in defaults only.
    pub fn defaults() -> Settings {
        Settings::new(
            Config::default_config(),
            Path::new("."),
            "<built-in defaults>",
        )
        .unwrap_or_else(|e| unreachable!("built-in default configuration is invalid: {e}"))
    }

    /// `limits.max_file_bytes`: the largest README or org file read.
    pub fn max_file_bytes(&self) -> u64 {
        self.config.limits.max_file_bytes
    }

    /// The known column a header cell names, if any.
    pub fn column_for_header(&self, header: &str) -> Option<Column> {
        self.header_names.get(&normalize_header(header)).copied()
    }

    /// The compiled phrase set of a question (see [`QUESTIONS`]).
    pub fn question(&self, key: &str) -> Option<&PhraseMatcher> {
        self.questions.get(key)
    }

    /// `question` as the handbook words it: `questions.<key>.asks`, else the built-in text.
    pub fn asks(&self, question: crate::note::Question) -> &str {
        self.config
            .questions
            .get(question.key())
            .and_then(|set| set.asks.as_deref())
            .filter(|text| !text.trim().is_empty())
            .unwrap_or(question.asks())
    }

    /// A rule's effective severity: the configured level, else its default; `None` = off.
    pub fn severity(&self, rule: &str, default: Severity) -> Option<Severity> {
        match self.config.rules.get(rule) {
            Some(Level::Off) => None,
            Some(Level::Warning) => Some(Severity::Warning),
            Some(Level::Error) => Some(Severity::Error),
            None => Some(default),
        }
    }
}

/// The first pattern of `set` the regex engine refuses, located, with the engine's own
/// explanation (`fallback`: the phrase compiler's message, when it cannot be found).
fn bad_pattern(
    origin: &ConfigOrigin,
    key: &str,
    set: &PhraseSetConfig,
    fallback: &str,
) -> ConfigError {
    let culprit =
        set.patterns.iter().chain(&set.guards).find(|p| {
            PhraseMatcher::compile_lazily(std::slice::from_ref(*p), &[], |_| false).is_err()
        });
    match culprit {
        Some(pattern) => {
            let testable = pattern.replace(crate::phrases::NAME_PLACEHOLDER, "x");
            let explanation = regex_explanation(&testable).unwrap_or_else(|| fallback.to_owned());
            origin.bad_pattern(key, pattern, &explanation)
        }
        None => origin.bad_pattern(key, "", fallback),
    }
}

/// Header text reduced to lowercase letters and digits ("Zendesk User (ASE) ID" →
/// "zendeskuseraseid").
pub fn normalize_header(text: &str) -> String {
    text.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_parse_and_compile() {
        let settings = Settings::defaults();
        assert_eq!(settings.required_columns.len(), 7);
        for q in QUESTIONS {
            assert!(
                settings.question(q).is_some(),
                "question {q} has no phrase set"
            );
        }
    }

    /// The built-in phrases are compiled lazily, trusted to be valid: this is the trust.
    #[test]
    fn the_builtin_handbook_steps_use_only_known_placeholders() {
        let handbook = Config::default_config().handbook;
        assert_eq!(crate::handbook::check(&handbook), Ok(()));
        assert_eq!(handbook.onboarding.len(), 7);
        assert_eq!(
            handbook.onboarding.iter().filter(|s| s.dedicated).count(),
            2
        );
        let user = "handbook:\n  offboarding: []\n";
        let c = Config::from_user_yaml("x", user).unwrap_or_else(|e| panic!("{e}"));
        assert!(c.handbook.offboarding.is_empty());
        assert_eq!(c.handbook.onboarding, handbook.onboarding);
    }

    #[test]
    fn every_builtin_phrase_compiles() {
        for (key, set) in Config::default_config().questions {
            if let Err(e) = PhraseMatcher::compile(&set.patterns, &set.guards) {
                panic!("questions.{key}: {e}");
            }
        }
    }

    #[test]
    fn a_bad_user_phrase_is_a_configuration_error_at_load() {
        let user = "questions:\n  emergency:\n    patterns: ['(P1']\n";
        let config =
            Config::from_user_yaml(".ase-lint.yml", user).unwrap_or_else(|e| panic!("{e}"));
        let err = Settings::new(config, Path::new("."), ".ase-lint.yml").err();
        let message = err.map(|e| e.to_string()).unwrap_or_default();
        assert!(
            message.starts_with(".ase-lint.yml:3:16: `questions.emergency.patterns[0]`: the pattern `(P1` is not a valid regular expression: unclosed group"),
            "{message}"
        );
    }

    #[test]
    fn aliases_match_ignoring_case_and_punctuation() {
        let settings = Settings::defaults();
        assert_eq!(
            settings.column_for_header("zendesk organization id"),
            Some(Column::AccountId)
        );
        assert_eq!(
            settings.column_for_header("Zendesk User (ASE) ID"),
            Some(Column::UserId)
        );
        assert_eq!(settings.column_for_header("Favourite colour"), None);
    }

    #[test]
    fn unknown_keys_are_located() {
        let err = Config::from_user_yaml(".ase-lint.yml", "ids:\n  min_digit: 3\n")
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default();
        assert!(err.starts_with(".ase-lint.yml:2:"), "{err}");
        assert!(err.contains("min_digit"), "{err}");
    }

    #[test]
    fn limits_default_and_merge() {
        let defaults = Settings::defaults();
        assert_eq!(defaults.max_file_bytes(), 1024 * 1024);
        assert_eq!(defaults.config.limits.max_api_reads, 200);
        let c = Config::from_user_yaml("x", "limits:\n  max_api_reads: 3\n")
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(c.limits.max_api_reads, 3);
        assert_eq!(c.limits.max_file_bytes, 1024 * 1024);
        let zero = Config::from_user_yaml("x", "limits:\n  max_file_bytes: 0\n")
            .unwrap_or_else(|e| panic!("{e}"));
        assert!(Settings::new(zero, Path::new("."), "x").is_err());
    }

    #[test]
    fn zendesk_defaults_and_an_explicit_url() {
        let defaults = Config::default_config();
        assert_eq!(defaults.zendesk.url, DEFAULT_ZENDESK_URL);
        assert!(!defaults.zendesk.url_set);
        assert_eq!(defaults.zendesk.fields.assigned_se, "assigned_se");
        assert_eq!(defaults.zendesk.fields.ase_subscription, "sub_ss_ase");
        assert_eq!(defaults.limits.max_accounts_per_ase, 5);
        let yaml = "zendesk:\n  url: https://gitlab-federal-support.zendesk.com\n  fields:\n    ase_subscription: sub_ase\nlimits:\n  max_accounts_per_ase: 6\n";
        let c = Config::from_user_yaml("x", yaml).unwrap_or_else(|e| panic!("{e}"));
        assert!(c.zendesk.url_set);
        assert_eq!(c.zendesk.fields.ase_subscription, "sub_ase");
        assert_eq!(c.zendesk.fields.assigned_se, "assigned_se");
        assert_eq!(c.limits.max_accounts_per_ase, 6);
        let zero = Config::from_user_yaml("x", "limits:\n  max_accounts_per_ase: 0\n")
            .unwrap_or_else(|e| panic!("{e}"));
        assert!(Settings::new(zero, Path::new("."), "x").is_err());
    }

    #[test]
    fn user_phrases_extend_unless_replaced() {
        let c = Config::from_user_yaml(
            "x",
            "questions:\n  workflow_link:\n    patterns: ['runbook/ase']\n  region:\n    replace: true\n    patterns: [LATAM]\n",
        )
        .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(c.questions["workflow_link"].patterns.len(), 2);
        assert_eq!(c.questions["region"].patterns, vec!["LATAM".to_owned()]);
    }
}
