//! `file/not-regular`: a symlink or special file where a README or org file is expected.

use crate::declare_rule;
use crate::rules::file::FileProblem;
use crate::rules::{Rule, RuleContext};

declare_rule! {
    /// ## What it does
    /// Reports a README or org file that is a symbolic link (git mode 120000), a named
    /// pipe, a device, a socket or a submodule instead of a regular file. Its target is
    /// never opened, and never shown.
    ///
    /// ## Why is this bad?
    /// The projects hold plain files only. A symlink committed as `README.md` or
    /// `organizations/<id>.yaml` would make the linter (and the bot, with its token) read
    /// a file outside the checkout and quote it, and `README.md -> /dev/zero` never ends.
    ///
    /// ## Example
    /// ```text
    /// organizations/123.yaml -> /etc/passwd
    /// ```
    /// Use instead: commit the org file's text itself (`git rm` the link, add the file).
    pub NotRegular, name = "file/not-regular", severity = Error,
    summary = "A README or org file is a symlink or special file, not a regular file"
}

impl Rule for NotRegular {
    fn check_file(&self, problem: &FileProblem, cx: &mut RuleContext<'_>) {
        if let FileProblem::NotRegular { what } = problem {
            let path = cx.source.path.clone();
            cx.report(
                0..0,
                format!("`{path}` is {what}; a README or org file must be a regular file"),
            )
            .help("commit the file's content as a plain file; ase-lint does not follow links or read special files");
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::file::FileProblem;
    use crate::testing::{DEFAULTS, rules_of};

    #[test]
    fn a_symlink_is_reported_at_the_start_of_its_path() {
        let problem = FileProblem::NotRegular {
            what: "a symbolic link".into(),
        };
        let result = crate::lint::problem_result("README.md", &problem, &DEFAULTS);
        assert_eq!(rules_of(&result.diagnostics), [("file/not-regular", 1, 1)]);
        assert!(
            result.diagnostics[0]
                .message
                .contains("must be a regular file")
        );
    }
}
