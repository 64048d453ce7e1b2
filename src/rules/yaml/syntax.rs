//! `yaml/syntax`: an org file is not valid YAML.

use crate::declare_rule;
use crate::model::OrgDoc;
use crate::rules::{Rule, RuleContext};

declare_rule! {
    /// ## What it does
    /// Reports an org file that is not valid YAML, at the parser's position. Duplicate
    /// keys, alias bombs ("billion laughs") and excessive nesting are rejected quickly.
    ///
    /// ## Why is this bad?
    /// Zendesk sync cannot read the file, so the org note never reaches engineers.
    ///
    /// ## Example
    /// ```yaml
    /// notes: |
    /// This organization has an ASE.
    /// ```
    /// Use instead (note text indented under `notes: |`):
    /// ```yaml
    /// notes: |
    ///   This organization has an ASE.
    /// ```
    pub Syntax, name = "yaml/syntax", severity = Error,
    summary = "An org file is not valid YAML"
}

impl Rule for Syntax {
    fn check_org(&self, doc: &OrgDoc, cx: &mut RuleContext<'_>) {
        if let Some((span, message)) = &doc.syntax_error {
            cx.report(span.clone(), message.clone())
                .label("not valid YAML here")
                .help("org files are `id: <number>`, `name: <text>` and `notes: |` followed by the note indented by two spaces");
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::testing::{lint_org, rules_of};

    #[test]
    fn unindented_block_scalar() {
        let d = lint_org("1", "id: 1\nname: a b\nnotes: |\nx: [\n");
        assert_eq!(rules_of(&d).first().map(|r| r.0), Some("yaml/syntax"));
        assert!(d[0].start.line >= 4, "{:?}", d[0]);
    }

    #[test]
    fn valid_yaml_is_fine() {
        let d = lint_org(
            "1",
            "id: 1\nname: 5a1f9965 Test\nnotes: |\n  PS Project in Progress\n",
        );
        assert!(d.iter().all(|x| x.rule != "yaml/syntax"));
    }
}
