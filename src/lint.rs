//! The engine: finds the files to check, reads each once, parses and runs the rules in
//! parallel, and collects the diagnostics in the contract's order.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use rayon::prelude::*;

use crate::config::Settings;
use crate::cross::CrossContext;
use crate::diagnostic::Diagnostic;
use crate::parse;
use crate::rules;
use crate::rules::cross::CrossInput;
use crate::rules::file::FileProblem;
use crate::source::SourceFile;
pub use crate::source::display_path;

/// What kind of document a file is checked as.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    /// A Markdown file looked at for the ASE table; `required`: it must hold it.
    Readme { required: bool },
    /// An org file (`organizations/<id>.yaml`).
    Org,
}

/// One file to check.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Target {
    pub path: PathBuf,
    /// The path shown to users, with `/`.
    pub display: String,
    pub kind: FileKind,
}

/// A file that could not be checked at all (exit status 2).
#[derive(Debug, thiserror::Error)]
pub enum FileError {
    #[error("cannot check `{path}`: no such file or folder")]
    NotFound { path: String },
    #[error("cannot read `{path}`: {}", crate::words::io_problem(source))]
    Unreadable {
        path: String,
        source: std::io::Error,
    },
    #[error(
        "cannot look through `{path}`: {}",
        crate::words::visible_controls(message)
    )]
    Walk { path: String, message: String },
}

/// The result of a run.
#[derive(Debug, Default)]
pub struct LintRun {
    /// Sorted by path, line, column, rule.
    pub diagnostics: Vec<Diagnostic>,
    /// Sources of the files that have diagnostics (for snippets), by display path.
    pub sources: HashMap<String, SourceFile>,
    /// Number of files checked.
    pub files: usize,
    /// Display paths of every checked file, clean or not, in check order (JUnit lists the
    /// clean ones as passing).
    pub checked: Vec<String>,
    /// Files that could not be read.
    pub errors: Vec<FileError>,
}

impl LintRun {
    /// A run over already-checked files: counts and lists them, keeps the sources of those
    /// with diagnostics, and sorts the diagnostics in the contract's order.
    pub fn from_files(files: impl IntoIterator<Item = FileResult>) -> Self {
        let mut run = files.into_iter().fold(Self::default(), Self::with_file);
        run.sort_diagnostics();
        run
    }

    /// Adds one checked file; its source is kept only when it has diagnostics (a clean
    /// file's text is dropped at once, so memory follows the findings, not the project).
    fn with_file(mut self, file: FileResult) -> Self {
        self.files += 1;
        self.checked.push(file.source.path.clone());
        if !file.diagnostics.is_empty() {
            self.diagnostics.extend(file.diagnostics);
            self.sources.insert(file.source.path.clone(), file.source);
        }
        self
    }

    /// Adds a file that could not be read.
    fn with_error(mut self, error: FileError) -> Self {
        self.errors.push(error);
        self
    }

    /// Appends a run over later files (check order is kept).
    fn merge(mut self, later: Self) -> Self {
        self.files += later.files;
        self.checked.extend(later.checked);
        self.diagnostics.extend(later.diagnostics);
        self.sources.extend(later.sources);
        self.errors.extend(later.errors);
        self
    }

    /// Adds findings about a file already checked in this run (e.g. what a change did to
    /// it); a rule's finding already reported at the same place is not repeated.
    pub fn add_findings(&mut self, file: FileResult) {
        let fresh: Vec<Diagnostic> = file
            .diagnostics
            .into_iter()
            .filter(|d| !self.diagnostics.iter().any(|e| same_place(e, d)))
            .collect();
        if fresh.is_empty() {
            return;
        }
        self.diagnostics.extend(fresh);
        self.sources
            .entry(file.source.path.clone())
            .or_insert(file.source);
        self.sort_diagnostics();
    }

    /// This run followed by `later`, diagnostics sorted again.
    pub fn combine(self, later: Self) -> Self {
        let mut run = self.merge(later);
        run.sort_diagnostics();
        run
    }

    fn sort_diagnostics(&mut self) {
        self.diagnostics
            .sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
    }
}

/// Whether two findings are one rule's at the same place of the same file.
fn same_place(a: &Diagnostic, b: &Diagnostic) -> bool {
    a.rule == b.rule && a.path == b.path && a.start == b.start
}

/// The result of checking one file.
#[derive(Debug)]
pub struct FileResult {
    pub source: SourceFile,
    pub diagnostics: Vec<Diagnostic>,
}

/// Checks one file's text as `kind`; `display` is the path shown to users.
pub fn lint_text(display: &str, kind: FileKind, bytes: &[u8], settings: &Settings) -> FileResult {
    lint_text_with(display, kind, bytes, settings, &CrossContext::default())
}

/// Checks one file's text as `kind`, then against what `cross` holds of the other project.
pub fn lint_text_with(
    display: &str,
    kind: FileKind,
    bytes: &[u8],
    settings: &Settings,
    cross: &CrossContext,
) -> FileResult {
    let (source, bad_utf8) = SourceFile::from_bytes(display, bytes);
    let mut diagnostics = Vec::new();
    let source = match kind {
        FileKind::Readme { required } => {
            let doc = parse::readme::parse(source, settings, required);
            rules::check_readme(&doc, settings, &mut diagnostics);
            if let (Some(table), Some(orgs)) = (&doc.table, &cross.orgs) {
                let input = CrossInput::Readme { table, orgs };
                rules::check_cross(&input, &doc.source, settings, &mut diagnostics);
            }
            crate::suppress::apply_to_readme(
                &doc.source,
                doc.table.as_ref(),
                &mut diagnostics,
                settings,
            );
            doc.source
        }
        FileKind::Org => {
            let mut doc = parse::orgnote::parse(source, &file_stem(display));
            if let Some(valid_up_to) = bad_utf8 {
                let line_end = doc
                    .source
                    .line_span(doc.source.line_col(valid_up_to).line)
                    .end;
                doc.syntax_error = Some((
                    valid_up_to..line_end.max(valid_up_to),
                    "the file is not valid UTF-8 text from here on; save it as UTF-8".to_owned(),
                ));
            }
            rules::check_org(&doc, settings, &mut diagnostics);
            if let Some(readme) = &cross.readme {
                let input = CrossInput::Org {
                    doc: &doc,
                    table: &readme.table,
                    readme: &readme.path,
                };
                rules::check_cross(&input, &doc.source, settings, &mut diagnostics);
            }
            crate::suppress::apply_to_org(&doc.source, &mut diagnostics, settings);
            doc.source
        }
    };
    diagnostics.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
    FileResult {
        source,
        diagnostics,
    }
}

/// Findings about what a change did to an org file: its text at the head (`head`) against
/// its text at the merge request's base (`base`); e.g. an ASE note emptied.
pub fn lint_org_change(display: &str, head: &[u8], base: &[u8], settings: &Settings) -> FileResult {
    let stem = file_stem(display);
    let (head_source, _) = SourceFile::from_bytes(display, head);
    let (base_source, _) = SourceFile::from_bytes(display, base);
    let head = parse::orgnote::parse(head_source, &stem);
    let base = parse::orgnote::parse(base_source, &stem);
    let mut diagnostics = Vec::new();
    rules::check_org_change(&head, &base, settings, &mut diagnostics);
    FileResult {
        source: head.source,
        diagnostics,
    }
}

/// The result for a file whose content was not read: one `file/*` finding at line 1,
/// column 1 of an empty source (its content, or a symlink's target, is never shown).
pub fn problem_result(display: &str, problem: &FileProblem, settings: &Settings) -> FileResult {
    let source = SourceFile::new(display, "");
    let mut diagnostics = Vec::new();
    rules::check_file(problem, &source, settings, &mut diagnostics);
    FileResult {
        source,
        diagnostics,
    }
}

/// Reads a file to check with [`crate::fsafe::read_regular`]: `Ok(Err(problem))` for a
/// file that gets a `file/*` finding instead of being read.
pub fn read_target(
    path: &Path,
    display: &str,
    settings: &Settings,
) -> Result<Result<Vec<u8>, FileProblem>, FileError> {
    use crate::fsafe::ReadProblem;
    match crate::fsafe::read_regular(path, settings.max_file_bytes()) {
        Ok(bytes) => Ok(Ok(bytes)),
        Err(ReadProblem::NotRegular { what }) => Ok(Err(FileProblem::NotRegular {
            what: what.to_owned(),
        })),
        Err(ReadProblem::TooLarge { size, limit }) => {
            Ok(Err(FileProblem::TooLarge { size, limit }))
        }
        Err(ReadProblem::Io(source)) => Err(FileError::Unreadable {
            path: display.to_owned(),
            source,
        }),
    }
}

/// Checks bytes as read by [`read_target`], or reports why they were not read.
pub fn lint_read(
    display: &str,
    kind: FileKind,
    read: &Result<Vec<u8>, FileProblem>,
    settings: &Settings,
    cross: &CrossContext,
) -> FileResult {
    match read {
        Ok(bytes) => lint_text_with(display, kind, bytes, settings, cross),
        Err(problem) => problem_result(display, problem, settings),
    }
}

fn file_stem(display: &str) -> String {
    Path::new(display)
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// Finds the files to check under `paths` (files or directories).
pub fn discover(paths: &[PathBuf], settings: &Settings) -> (Vec<Target>, Vec<FileError>) {
    let mut targets = Vec::new();
    let mut errors = Vec::new();
    for path in paths {
        // A named symlink or special file with a README's or org file's name is a target
        // (it gets `file/not-regular`); its target is never read.
        let named_file = std::fs::symlink_metadata(path)
            .is_ok_and(|m| !m.is_dir() && (!m.file_type().is_symlink() || !path.is_dir()));
        let named_kind = explicit_kind(path).filter(|_| named_file);
        if let Some(kind) = named_kind {
            targets.push(target(path, kind));
        } else if path.is_dir() {
            walk(path, settings, &mut targets, &mut errors);
        } else if named_file {
            // Not a README or org file by its name: nothing to check.
        } else {
            errors.push(FileError::NotFound {
                path: display_path(path),
            });
        }
    }
    targets.sort_by(|a, b| a.display.cmp(&b.display));
    targets.dedup_by(|a, b| a.display == b.display);
    (targets, errors)
}

/// Finds every README and org file under `root` without consulting any ignore file
/// (`ase-lint ci`: the merge request controls `.gitignore` and `.ignore`), with paths
/// shown relative to `root`.
pub fn discover_unfiltered(root: &Path, settings: &Settings) -> (Vec<Target>, Vec<FileError>) {
    let mut targets = Vec::new();
    let mut errors = Vec::new();
    walk_with(root, settings, false, &mut targets, &mut errors);
    let mut targets: Vec<Target> = targets
        .into_iter()
        .filter_map(|mut t| {
            t.display = display_path(t.path.strip_prefix(root).ok()?);
            Some(t)
        })
        .collect();
    targets.sort_by(|a, b| a.display.cmp(&b.display));
    (targets, errors)
}

fn explicit_kind(path: &Path) -> Option<FileKind> {
    match extension(path).as_deref() {
        Some("md" | "markdown") => Some(FileKind::Readme { required: true }),
        Some("yaml" | "yml") => Some(FileKind::Org),
        _ => None,
    }
}

/// How a file found in a directory walk is checked (`None`: not at all).
pub fn walked_kind(path: &Path, settings: &Settings) -> Option<FileKind> {
    let name = path.file_name()?.to_str()?;
    if name == "README.md" {
        let required = settings
            .ase_readme
            .as_ref()
            .is_some_and(|wanted| same_file(wanted, path));
        return Some(FileKind::Readme { required });
    }
    let is_yaml = matches!(extension(path).as_deref(), Some("yaml" | "yml"));
    let in_orgs = path
        .parent()
        .into_iter()
        .flat_map(Path::components)
        .any(|c| c.as_os_str() == "organizations");
    (is_yaml && in_orgs).then_some(FileKind::Org)
}

fn same_file(a: &Path, b: &Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}

fn extension(path: &Path) -> Option<String> {
    path.extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
}

fn walk(root: &Path, settings: &Settings, targets: &mut Vec<Target>, errors: &mut Vec<FileError>) {
    walk_with(root, settings, true, targets, errors);
}

/// Walks `root` in parallel; `respect_ignore`: skip what `.gitignore`/`.ignore` list.
fn walk_with(
    root: &Path,
    settings: &Settings,
    respect_ignore: bool,
    targets: &mut Vec<Target>,
    errors: &mut Vec<FileError>,
) {
    let found = Mutex::new((Vec::new(), Vec::new()));
    ignore::WalkBuilder::new(root)
        .standard_filters(respect_ignore)
        .require_git(false)
        .filter_entry(|entry| entry.file_name() != "target" && entry.file_name() != ".git")
        .build_parallel()
        .run(|| {
            Box::new(|entry| {
                let sink = |t: Option<Target>, e: Option<FileError>| {
                    if let Ok(mut guard) = found.lock() {
                        guard.0.extend(t);
                        guard.1.extend(e);
                    }
                };
                match entry {
                    // Symlinks and special files too: they get `file/not-regular`.
                    Ok(entry) if entry.file_type().is_some_and(|t| !t.is_dir()) => {
                        let path = entry.path();
                        sink(walked_kind(path, settings).map(|k| target(path, k)), None);
                    }
                    Ok(_) => {}
                    Err(err) => sink(
                        None,
                        Some(FileError::Walk {
                            path: display_path(root),
                            message: err
                                .io_error()
                                .map_or_else(|| err.to_string(), crate::words::io_problem),
                        }),
                    ),
                }
                ignore::WalkState::Continue
            })
        });
    if let Ok((found_targets, found_errors)) = found.into_inner() {
        targets.extend(found_targets);
        errors.extend(found_errors);
    }
}

fn target(path: &Path, kind: FileKind) -> Target {
    Target {
        path: path.to_path_buf(),
        display: display_path(path),
        kind,
    }
}

/// Reads and checks every target in parallel.
pub fn lint_targets(targets: &[Target], settings: &Settings) -> LintRun {
    lint_targets_with(targets, settings, &CrossContext::default())
}

/// Reads and checks every target in parallel, each also against `cross`.
pub fn lint_targets_with(targets: &[Target], settings: &Settings, cross: &CrossContext) -> LintRun {
    // Folded as the files are checked, so a clean file's text is freed right away.
    let mut run = targets
        .par_iter()
        .map(|t| {
            read_target(&t.path, &t.display, settings)
                .map(|read| lint_read(&t.display, t.kind, &read, settings, cross))
        })
        .fold(LintRun::default, |run, result| match result {
            Ok(file) => run.with_file(file),
            Err(error) => run.with_error(error),
        })
        .reduce(LintRun::default, LintRun::merge);
    run.sort_diagnostics();
    run
}

/// Discovers and checks `paths`.
pub fn lint_paths(paths: &[PathBuf], settings: &Settings) -> LintRun {
    lint_paths_with(paths, settings, &CrossContext::default())
}

/// Discovers and checks `paths`, each file also against `cross`.
pub fn lint_paths_with(paths: &[PathBuf], settings: &Settings, cross: &CrossContext) -> LintRun {
    let (targets, errors) = discover(paths, settings);
    let mut run = lint_targets_with(&targets, settings, cross);
    run.errors.splice(0..0, errors);
    run
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn display_paths_use_slashes_without_dot_prefix() {
        assert_eq!(display_path(Path::new("./README.md")), "README.md");
        assert_eq!(display_path(Path::new("a/b.yaml")), "a/b.yaml");
        assert_eq!(display_path(Path::new(".")), ".");
    }

    #[test]
    fn walked_files_are_classified_by_name_and_folder() {
        let s = Settings::defaults();
        assert_eq!(
            walked_kind(Path::new("x/README.md"), &s),
            Some(FileKind::Readme { required: false })
        );
        assert_eq!(
            walked_kind(Path::new("p/organizations/1.yaml"), &s),
            Some(FileKind::Org)
        );
        assert_eq!(walked_kind(Path::new("p/config/1.yaml"), &s), None);
        assert_eq!(walked_kind(Path::new("p/organizations/notes.md"), &s), None);
    }
}
