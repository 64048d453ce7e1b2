//! Unit tests of the configuration: the built-in defaults, merging a user's file, and
//! the errors a bad one gets.

use std::path::Path;

use super::*;
use crate::model::Column;
use crate::phrases::PhraseMatcher;

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
    let config = Config::from_user_yaml(".ase-lint.yml", user).unwrap_or_else(|e| panic!("{e}"));
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
    assert_eq!(defaults.zendesk.url, "https://gitlab.zendesk.com");
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
