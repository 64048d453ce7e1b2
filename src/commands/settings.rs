//! Where a command's settings come from (`--config`, `.ase-lint.yml` found upwards, or
//! the defaults, with the rule names checked), and the paths it was asked for that do
//! not exist.

use std::path::{Path, PathBuf};

use crate::config::{Config, ConfigError, Settings};
use crate::lint;

/// Loads the settings from `--config`, or `.ase-lint.yml` found upwards, or the defaults.
pub fn load_settings(explicit: Option<&Path>) -> Result<Settings, ConfigError> {
    let found = match explicit {
        Some(path) => Some(path.to_path_buf()),
        None => std::env::current_dir().ok().and_then(|dir| {
            // Shown relative to the current directory when it is there (messages name it).
            let found = Config::discover(&dir)?;
            Some(
                found
                    .strip_prefix(&dir)
                    .map_or(found.clone(), Path::to_path_buf),
            )
        }),
    };
    match found {
        Some(path) => {
            let config = Config::load(&path)?;
            let base = path.parent().unwrap_or(Path::new(".")).to_path_buf();
            let settings = Settings::new(config, &base, &path.display().to_string())?;
            settings.check_rule_names(crate::rules::unknown_rule_problem)?;
            Ok(settings)
        }
        None => Ok(Settings::defaults()),
    }
}

/// One error per path that does not exist (nothing is checked then).
pub fn missing_paths(paths: &[PathBuf]) -> Result<(), String> {
    let missing: Vec<String> = paths
        .iter()
        .filter(|p| !p.exists())
        .map(|p| lint::FileError::NotFound {
            path: lint::display_path(p),
        })
        .map(|e| e.to_string())
        .collect();
    if missing.is_empty() {
        Ok(())
    } else {
        Err(missing.join("\nase-lint: error: "))
    }
}
