//! The configuration `ase-lint ci` reviews with: `.ase-lint.yml` of the merge request's
//! target branch (at the diff's base commit), read through the API — never the
//! checkout's, which the merge request could rewrite to switch every rule off. When the
//! merge request changes `.ase-lint.yml`, [`compare`] tells which rules' severities the
//! new file would change once merged.

use std::path::Path;

use gitlab::api::common::NameOrId;

use super::args::CiArgs;
use super::client::Client;
use super::files::{self, Fetched};
use super::position::ChangedFile;
use crate::commands;
use crate::config::{CONFIG_FILE_NAME, Config, Settings};
use crate::report::mr_comment::{ConfigChange, SeverityChange};
use crate::rules;

/// The settings for the review, and sentences for the log and summary about them.
pub async fn load(
    args: &CiArgs,
    client: &Client,
    project: &NameOrId<'_>,
    base_sha: Option<&str>,
) -> Result<(Settings, Vec<String>), String> {
    if let Some(explicit) = args.options.config.as_deref() {
        // The job's own command line (`--config`) is the operator's choice.
        let settings = commands::load_settings(Some(explicit)).map_err(|e| e.to_string())?;
        return Ok((settings, Vec::new()));
    }
    let Some(base) = base_sha else {
        return Ok((Settings::defaults(), Vec::new()));
    };
    let fetched = files::fetch_all(client, project, base, [CONFIG_FILE_NAME.to_owned()], 1).await;
    let shown = format!("{CONFIG_FILE_NAME}@{}", short(base));
    match fetched.get(CONFIG_FILE_NAME) {
        Some(Fetched::Found(bytes)) => Ok((parse(&shown, bytes, &args.project_dir)?, Vec::new())),
        Some(Fetched::Missing) | None => Ok((Settings::defaults(), Vec::new())),
        Some(Fetched::Failed(why)) => Ok((
            Settings::defaults(),
            vec![format!(
                "the target branch's {CONFIG_FILE_NAME} could not be read ({why}); the built-in defaults were used"
            )],
        )),
    }
}

/// Settings from a configuration file's bytes, held to the default size cap.
fn parse(shown: &str, bytes: &[u8], dir: &Path) -> Result<Settings, String> {
    let cap = Config::builtin().limits.max_file_bytes;
    if bytes.len() as u64 > cap {
        return Err(format!("{shown} is larger than {cap} bytes"));
    }
    let text = std::str::from_utf8(bytes).map_err(|e| format!("{shown}: not UTF-8: {e}"))?;
    let config = Config::from_user_yaml(shown, text).map_err(|e| e.to_string())?;
    let base = std::path::absolute(dir).unwrap_or_else(|_| dir.to_path_buf());
    let settings = Settings::new(config, &base, shown).map_err(|e| e.to_string())?;
    settings
        .check_rule_names(crate::rules::unknown_rule_problem)
        .map_err(|e| e.to_string())?;
    Ok(settings)
}

fn short(sha: &str) -> &str {
    sha.get(..8).unwrap_or(sha)
}

/// When the merge request adds, changes, renames or deletes `.ase-lint.yml` at the
/// project's root: the rules whose severity the new file would change (read from the
/// checkout like any changed file; an unusable file is said so).
pub fn compare(current: &Settings, dir: &Path, changed: &[ChangedFile]) -> Option<ConfigChange> {
    let entry = changed
        .iter()
        .find(|f| f.new_path == CONFIG_FILE_NAME || f.old_path == CONFIG_FILE_NAME)?;
    let removed = entry.deleted || entry.new_path != CONFIG_FILE_NAME;
    let proposed = if removed {
        Ok(Settings::defaults())
    } else {
        read_proposed(dir, entry.new_mode.as_deref())
    };
    Some(match proposed {
        Ok(proposed) => ConfigChange {
            changes: severity_changes(current, &proposed),
            problem: None,
        },
        Err(problem) => ConfigChange {
            changes: Vec::new(),
            problem: Some(problem),
        },
    })
}

fn read_proposed(dir: &Path, mode: Option<&str>) -> Result<Settings, String> {
    if mode.is_some_and(|m| m != "100644" && m != "100755") {
        return Err("it is not a regular file".to_owned());
    }
    let cap = Config::builtin().limits.max_file_bytes;
    let bytes =
        crate::fsafe::read_inside(dir, Path::new(CONFIG_FILE_NAME), cap).map_err(|e| match e {
            crate::fsafe::ReadProblem::NotRegular { what } => format!("it is {what}"),
            crate::fsafe::ReadProblem::TooLarge { .. } => format!("it is larger than {cap} bytes"),
            crate::fsafe::ReadProblem::Io(err) => format!("it cannot be read: {err}"),
        })?;
    parse(CONFIG_FILE_NAME, &bytes, dir)
}

/// Every rule whose effective severity differs between the two settings.
fn severity_changes(current: &Settings, proposed: &Settings) -> Vec<SeverityChange> {
    rules::ALL
        .iter()
        .map(|rule| rule.meta())
        .filter_map(|meta| {
            let before = current.severity(meta.name, meta.severity);
            let after = proposed.severity(meta.name, meta.severity);
            (before != after).then_some(SeverityChange {
                rule: meta.name,
                before,
                after,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::Severity;

    #[test]
    fn switching_rules_off_is_listed() {
        let current = Settings::defaults();
        let config = Config::from_user_yaml(
            "x",
            "rules:\n  note/emergency: off\n  table/region: warning\n",
        )
        .unwrap_or_else(|e| panic!("{e}"));
        let proposed = Settings::new(config, Path::new("."), "x").unwrap_or_else(|e| panic!("{e}"));
        let changes = severity_changes(&current, &proposed);
        let names: Vec<_> = changes.iter().map(|c| (c.rule, c.after)).collect();
        assert!(names.contains(&("note/emergency", None)), "{names:?}");
        assert!(
            names.contains(&("table/region", Some(Severity::Warning)))
                || names.iter().all(|n| n.0 != "table/region"),
            "{names:?}"
        );
    }
}
