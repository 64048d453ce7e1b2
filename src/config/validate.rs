//! Checks of a configuration that its YAML shape cannot express: every `allow:` entry has
//! a reason, the handbook steps use known placeholders, limits are above 0, the rule names
//! used are rules, and a user's phrase that does not compile is located.

use super::ConfigError;
use super::schema::{Config, PhraseSetConfig};
use crate::config_words::{ConfigOrigin, regex_explanation};
use crate::phrases::PhraseMatcher;

/// The first pattern of `set` the regex engine refuses, located, with the engine's own
/// explanation (`fallback`: the phrase compiler's message, when it cannot be found).
pub(super) fn bad_pattern(
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

/// The checks of `config`'s sections, in order: `allow:` reasons, `handbook:` placeholders,
/// `limits:` above 0.
pub(super) fn check_sections(config: &Config, origin: &ConfigOrigin) -> Result<(), ConfigError> {
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
    Ok(())
}

/// Checks the rule names `config` uses (`rules:` keys, `allow[].rule`) with
/// `describe_unknown` (see [`Settings::check_rule_names`](super::Settings::check_rule_names)).
pub(super) fn check_rule_names(
    config: &Config,
    describe_unknown: impl Fn(&str) -> Option<String>,
) -> Result<(), ConfigError> {
    let fallback = ConfigOrigin::new("<configuration>", "");
    let origin = config.origin.as_deref().unwrap_or(&fallback);
    for rule in config.rules.keys() {
        if let Some(problem) = describe_unknown(rule) {
            return Err(origin.unknown_rule(rule, &problem));
        }
    }
    for (i, allow) in config.allow.iter().enumerate() {
        if let Some(problem) = describe_unknown(&allow.rule) {
            return Err(origin.allow_error(i, &problem));
        }
    }
    Ok(())
}
