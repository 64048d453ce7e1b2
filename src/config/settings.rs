//! [`Settings`]: a configuration compiled for one run (header aliases resolved to
//! columns, phrase sets compiled, paths resolved against the configuration's folder), and
//! what rules ask of it (a column for a header, a question's phrases, a rule's severity).

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use super::schema::Config;
use super::validate::{bad_pattern, check_rule_names, check_sections};
use super::{ConfigError, Level, QUESTIONS};
use crate::config_words::ConfigOrigin;
use crate::diagnostic::Severity;
use crate::model::Column;
use crate::phrases::PhraseMatcher;

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
        let builtin = &Config::builtin().questions;
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
        check_sections(&config, origin)?;
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
        check_rule_names(&self.config, describe_unknown)
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

/// Header text reduced to lowercase letters and digits ("Zendesk User (ASE) ID" →
/// "zendeskuseraseid").
pub fn normalize_header(text: &str) -> String {
    text.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}
