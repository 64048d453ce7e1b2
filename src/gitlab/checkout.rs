//! The merge request's files as `ase-lint ci` reads them from the checkout, which the
//! merge request's author controls entirely: exactly the diff's paths (no ignore file
//! can hide one), each a plain relative path (no absolute path, no `..`), of a regular
//! file's mode (a symlink or submodule entry is `file/not-regular` without being
//! opened), read without following symlinks and no larger than `limits.max_file_bytes`.

use std::collections::BTreeSet;
use std::path::Path;

use rayon::prelude::*;

use super::position::ChangedFile;
use crate::config::Settings;
use crate::cross::CrossContext;
use crate::fsafe::{self, ReadProblem};
use crate::lint::{self, FileError, FileKind, LintRun};
use crate::rules::file::FileProblem;

/// One changed README or org file of the merge request, as read from the checkout.
#[derive(Debug)]
pub struct CheckoutFile {
    /// The path in the repository (`new_path`), as GitLab and the reports show it.
    pub path: String,
    pub kind: FileKind,
    /// Its bytes, or why they were not read (a `file/*` finding).
    pub read: Result<Vec<u8>, FileProblem>,
}

impl CheckoutFile {
    /// The bytes, when the file was read.
    pub fn bytes(&self) -> Option<&[u8]> {
        self.read.as_ref().ok().map(Vec::as_slice)
    }
}

/// What reading the changed files gave.
#[derive(Debug, Default)]
pub struct Checkout {
    pub files: Vec<CheckoutFile>,
    /// Files that could not be read for another reason (exit status 2).
    pub errors: Vec<FileError>,
    /// Sentences for the log and the summary: paths refused or missing.
    pub notices: Vec<String>,
}

/// Git modes of regular files; anything else (`120000` symlink, `160000` submodule) is
/// not read.
const REGULAR_MODES: [&str; 2] = ["100644", "100755"];

/// Reads the README and org files the merge request adds or changes from `dir`.
pub fn read_changed(dir: &Path, changed: &[ChangedFile], settings: &Settings) -> Checkout {
    let mut checkout = Checkout::default();
    for file in changed.iter().filter(|f| !f.deleted) {
        let Some(kind) = lint::walked_kind(Path::new(&file.new_path), settings) else {
            continue;
        };
        let Some(relative) = fsafe::checked_relative(&file.new_path) else {
            checkout.notices.push(format!(
                "`{}` is not a plain path inside the project (absolute, or with `..`); it was not checked",
                file.new_path
            ));
            continue;
        };
        let read = match mode_problem(file.new_mode.as_deref()) {
            Some(problem) => Ok(Err(problem)),
            None => read_one(dir, relative, &file.new_path, settings),
        };
        match read {
            Ok(read) => checkout.files.push(CheckoutFile {
                path: file.new_path.clone(),
                kind,
                read,
            }),
            Err(Some(error)) => checkout.errors.push(error),
            Err(None) => checkout.notices.push(format!(
                "`{}` is changed by the merge request but is not in the checkout; it was not checked",
                file.new_path
            )),
        }
    }
    checkout
}

/// The finding for a diff entry whose mode is not a regular file's.
fn mode_problem(mode: Option<&str>) -> Option<FileProblem> {
    let mode = mode?;
    if REGULAR_MODES.contains(&mode) {
        return None;
    }
    let what = match mode {
        "120000" => "a symbolic link (git mode 120000)".to_owned(),
        "160000" => "a submodule (git mode 160000)".to_owned(),
        other => format!("not a regular file (git mode {other})"),
    };
    Some(FileProblem::NotRegular { what })
}

/// Reads one file inside `dir`; `Err(None)`: it is not there.
fn read_one(
    dir: &Path,
    relative: &Path,
    shown: &str,
    settings: &Settings,
) -> Result<Result<Vec<u8>, FileProblem>, Option<FileError>> {
    match fsafe::read_inside(dir, relative, settings.max_file_bytes()) {
        Ok(bytes) => Ok(Ok(bytes)),
        Err(ReadProblem::NotRegular { what }) => Ok(Err(FileProblem::NotRegular {
            what: what.to_owned(),
        })),
        Err(ReadProblem::TooLarge { size, limit }) => {
            Ok(Err(FileProblem::TooLarge { size, limit }))
        }
        Err(ReadProblem::Io(err)) if err.kind() == std::io::ErrorKind::NotFound => Err(None),
        Err(ReadProblem::Io(source)) => Err(Some(FileError::Unreadable {
            path: shown.to_owned(),
            source,
        })),
    }
}

/// Lints the changed files (in parallel), each also against `cross`.
pub fn lint(checkout: &Checkout, settings: &Settings, cross: &CrossContext) -> LintRun {
    let results: Vec<_> = checkout
        .files
        .par_iter()
        .map(|f| lint::lint_read(&f.path, f.kind, &f.read, settings, cross))
        .collect();
    LintRun::from_files(results)
}

/// Lints every README and org file under `dir` (no ignore file consulted), except
/// `skip`; paths are shown relative to `dir`.
pub fn lint_tree(
    dir: &Path,
    settings: &Settings,
    skip: &BTreeSet<&str>,
    cross: &CrossContext,
) -> (LintRun, Vec<FileError>) {
    let (targets, walk_errors) = lint::discover_unfiltered(dir, settings);
    let targets: Vec<_> = targets
        .into_iter()
        .filter(|t| !skip.contains(t.display.as_str()))
        .collect();
    (
        lint::lint_targets_with(&targets, settings, cross),
        walk_errors,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_regular_modes_are_read() {
        assert_eq!(mode_problem(Some("100644")), None);
        assert_eq!(mode_problem(Some("100755")), None);
        assert_eq!(mode_problem(None), None);
        for mode in ["120000", "160000", "040000"] {
            assert!(
                matches!(mode_problem(Some(mode)), Some(FileProblem::NotRegular { what }) if what.contains(mode)),
                "{mode}"
            );
        }
    }
}
