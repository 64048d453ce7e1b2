//! What is built in: `ase-lint rules` (every rule, text or JSON), `ase-lint explain RULE`
//! (a rule's documentation) and `ase-lint config --default` (the default configuration).

use super::{EXIT_OK, RulesFormat};
use crate::config::DEFAULT_CONFIG_YAML;
use crate::rules;

/// Runs `ase-lint rules`.
pub fn print_rules(format: RulesFormat) -> Result<u8, String> {
    if format == RulesFormat::Json {
        return print_rules_json();
    }
    let width = rules::ALL
        .iter()
        .map(|r| r.meta().name.len())
        .max()
        .unwrap_or(0);
    let mut out = String::new();
    for rule in rules::ALL {
        let meta = rule.meta();
        out.push_str(&format!(
            "{:<width$}  {:<7}  {}\n",
            meta.name,
            meta.severity.as_str(),
            meta.summary
        ));
    }
    print!("{out}");
    Ok(EXIT_OK)
}

/// `ase-lint rules --format json`: one object per rule.
fn print_rules_json() -> Result<u8, String> {
    let all: Vec<serde_json::Value> = rules::ALL
        .iter()
        .map(|rule| {
            let meta = rule.meta();
            serde_json::json!({
                "id": meta.name,
                "default_severity": meta.severity.as_str(),
                "summary": meta.summary,
                "docs_url": rules::docs_url(meta.name),
            })
        })
        .collect();
    let text = serde_json::to_string_pretty(&all).map_err(|e| e.to_string())?;
    println!("{text}");
    Ok(EXIT_OK)
}

/// Runs `ase-lint explain RULE`.
pub fn explain(name: &str) -> Result<u8, String> {
    let rule = rules::find(name).ok_or_else(|| rules::unknown_rule(name))?;
    let meta = rule.meta();
    println!(
        "# {}\n\nDefault severity: {}\n\n{}",
        meta.name,
        meta.severity,
        rules::docs_text(meta).trim_end()
    );
    Ok(EXIT_OK)
}

/// Runs `ase-lint config`.
pub fn print_config(default: bool) -> Result<u8, String> {
    if !default {
        return Err("use `ase-lint config --default` to print the default configuration".into());
    }
    print!("{DEFAULT_CONFIG_YAML}");
    Ok(EXIT_OK)
}
