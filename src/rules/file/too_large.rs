//! `file/too-large`: a README or org file larger than `limits.max_file_bytes`.

use crate::declare_rule;
use crate::rules::file::FileProblem;
use crate::rules::{Rule, RuleContext};

declare_rule! {
    /// ## What it does
    /// Reports a README or org file larger than `limits.max_file_bytes` (1 MiB by
    /// default). ase-lint reads no more than that limit of it, and checks nothing else in
    /// it.
    ///
    /// ## Why is this bad?
    /// The ASE README is a table of some hundred rows and an org note a few paragraphs;
    /// a file of megabytes is a mistake (or an attempt to exhaust the CI runner's memory).
    ///
    /// ## Example
    /// ```text
    /// organizations/123.yaml   200 MB of blank lines
    /// ```
    /// Use instead: the org file's three keys and its note. If a real file needs more,
    /// raise `limits.max_file_bytes` in `.ase-lint.yml` (on the target branch).
    pub TooLarge, name = "file/too-large", severity = Error,
    summary = "A README or org file is larger than limits.max_file_bytes"
}

impl Rule for TooLarge {
    fn check_file(&self, problem: &FileProblem, cx: &mut RuleContext<'_>) {
        if let FileProblem::TooLarge { size, limit } = problem {
            let seen = if size > limit {
                format!("more than {limit} bytes")
            } else {
                format!("{size} bytes")
            };
            cx.report(
                0..0,
                format!("the file holds {seen}, above the limit of {limit} bytes (limits.max_file_bytes); it was not checked"),
            )
            .help("a README or org file this large is a mistake; the limit is `limits.max_file_bytes` in `.ase-lint.yml`");
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::file::FileProblem;
    use crate::testing::{DEFAULTS, rules_of};

    #[test]
    fn a_large_file_is_reported_once_at_line_one() {
        let problem = FileProblem::TooLarge {
            size: 11,
            limit: 10,
        };
        let result = crate::lint::problem_result("organizations/1.yaml", &problem, &DEFAULTS);
        assert_eq!(rules_of(&result.diagnostics), [("file/too-large", 1, 1)]);
        assert!(result.diagnostics[0].message.contains("limit of 10 bytes"));
    }
}
