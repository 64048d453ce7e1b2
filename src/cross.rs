//! The other project, as context for the `cross/*` rules: the ASE table of the ASE
//! project's README and the org files of the Organizations project, read from local
//! checkouts (`--ase-readme`, `--orgs-dir`). The files read here are context only: they
//! are not checked and get no findings.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::config::Settings;
use crate::model::{AseTable, OrgDoc};
use crate::parse;
use crate::rules::cross::OrgSet;
use crate::source::SourceFile;
use crate::source::display_path;

/// The ASE table of the README at `path` (as shown to users).
#[derive(Debug, Clone)]
pub struct ContextReadme {
    pub path: String,
    pub table: AseTable,
}

/// What is at hand of the other project(s); empty: no cross-project checks.
#[derive(Debug, Clone, Default)]
pub struct CrossContext {
    /// For checking org files.
    pub readme: Option<ContextReadme>,
    /// For checking READMEs.
    pub orgs: Option<OrgSet>,
}

/// A context file or folder that cannot be used (exit status 2).
#[derive(Debug, thiserror::Error)]
pub enum ContextError {
    #[error(
        "cannot read the `--ase-readme` file `{path}`: {}",
        crate::words::io_problem(source)
    )]
    Readme {
        path: String,
        source: std::io::Error,
    },
    #[error("the `--ase-readme` file `{path}` holds no ASE table")]
    NoTable { path: String },
    #[error(
        "`--orgs-dir {path}`: no `organizations` folder there ({})",
        crate::words::io_problem(source)
    )]
    Orgs {
        path: String,
        source: std::io::Error,
    },
}

impl CrossContext {
    /// Reads the context from local checkouts; either may be absent.
    pub fn load_local(
        ase_readme: Option<&Path>,
        orgs_dir: Option<&Path>,
        settings: &Settings,
    ) -> Result<Self, ContextError> {
        Ok(Self {
            readme: ase_readme.map(|p| read_readme(p, settings)).transpose()?,
            orgs: orgs_dir.map(read_orgs).transpose()?,
        })
    }
}

/// Parses a README's text as the context's ASE table; `None` without a table.
pub fn readme_from_text(path: &str, text: &[u8], settings: &Settings) -> Option<ContextReadme> {
    let (source, _) = SourceFile::from_bytes(path, text);
    let doc = parse::readme::parse(source, settings, true);
    doc.table.map(|table| ContextReadme {
        path: path.to_owned(),
        table,
    })
}

/// Parses an org file's text; `stem` is its `<id>`.
pub fn org_from_text(path: &str, stem: &str, text: &[u8]) -> OrgDoc {
    let (source, _) = SourceFile::from_bytes(path, text);
    parse::orgnote::parse(source, stem)
}

fn read_readme(path: &Path, settings: &Settings) -> Result<ContextReadme, ContextError> {
    let shown = display_path(path);
    let bytes = std::fs::read(path).map_err(|source| ContextError::Readme {
        path: shown.clone(),
        source,
    })?;
    readme_from_text(&shown, &bytes, settings).ok_or(ContextError::NoTable { path: shown })
}

/// Reads every `*.yaml`/`*.yml` of `dir/organizations` (or of `dir` when it is itself the
/// `organizations` folder).
fn read_orgs(dir: &Path) -> Result<OrgSet, ContextError> {
    let folder = if dir.file_name().is_some_and(|n| n == "organizations") {
        dir.to_path_buf()
    } else {
        dir.join("organizations")
    };
    let entries = std::fs::read_dir(&folder).map_err(|source| ContextError::Orgs {
        path: display_path(dir),
        source,
    })?;
    let paths: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| {
            p.is_file() && matches!(p.extension().and_then(|e| e.to_str()), Some("yaml" | "yml"))
        })
        .collect();
    let docs: BTreeMap<String, OrgDoc> = paths
        .par_iter()
        .filter_map(|path| {
            let stem = path.file_stem()?.to_string_lossy().into_owned();
            // Context only: a symlink, special file or oversized file is left out.
            let cap = crate::config::Config::builtin().limits.max_file_bytes;
            let bytes = crate::fsafe::read_regular(path, cap).ok()?;
            Some((
                stem.clone(),
                org_from_text(&display_path(path), &stem, &bytes),
            ))
        })
        .collect();
    Ok(OrgSet {
        docs,
        complete: true,
        absent: BTreeSet::new(),
        origin: display_path(&folder),
    })
}
