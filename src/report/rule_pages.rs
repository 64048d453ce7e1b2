//! The rules' web pages, `docs/rules/<group>/<rule>.md`: made from the same docs as
//! `ase-lint explain` (a test keeps the files in sync), linked from the bot's comments
//! and from SARIF's `helpUri`.

use crate::rules::{self, RuleMeta};

/// Where ase-lint's documentation is read on the web (the project's own `docs/`).
pub const DOCS_BASE: &str =
    "https://gitlab.com/gitlab-com/support/toolbox/ase-lint/-/blob/main/docs";

/// The path of a rule's page inside the repository.
pub fn page_path(rule: &str) -> String {
    format!("docs/rules/{rule}.md")
}

/// The web address of a rule's page in ase-lint's own docs.
pub fn page_url(rule: &str) -> String {
    page_url_at(DOCS_BASE, rule)
}

/// The web address of a rule's page under `docs` (a copy of ase-lint's `docs/`).
pub fn page_url_at(docs: &str, rule: &str) -> String {
    format!("{}/rules/{rule}.md", docs.trim_end_matches('/'))
}

/// True when `url` can be a docs address in a note's links: http(s), and nothing that
/// would end a Markdown link or start HTML.
pub fn is_docs_url(url: &str) -> bool {
    (url.starts_with("https://") || url.starts_with("http://"))
        && url.chars().all(|c| {
            c.is_ascii_graphic()
                && !matches!(c, '(' | ')' | '<' | '>' | '"' | '\'' | '`' | '[' | ']')
        })
}

/// A rule's page: its name, default severity and summary, then its docs as `explain`
/// prints them.
pub fn page(meta: &RuleMeta) -> String {
    format!(
        "<!-- Generated from the rule's docs (`ase-lint explain {name}`); \
         `UPDATE_RULE_PAGES=1 cargo test --test rule_pages` rewrites it. -->\n\
         # `{name}`\n\n\
         **Default severity:** {severity}. {summary}.\n\n\
         {docs}\n",
        name = meta.name,
        severity = meta.severity,
        summary = meta.summary.trim_end_matches('.'),
        docs = rules::docs_text(meta).trim()
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_name_their_rule_and_carry_its_docs() {
        let meta = rules::ALL[0].meta();
        let page = page(meta);
        assert!(page.contains(&format!("# `{}`", meta.name)), "{page}");
        assert!(page.contains("## What it does"), "{page}");
        assert_eq!(page_path("note/emergency"), "docs/rules/note/emergency.md");
        assert!(page_url("note/emergency").ends_with("/docs/rules/note/emergency.md"));
        assert_eq!(
            page_url_at("https://d.example/x/", "a/b"),
            "https://d.example/x/rules/a/b.md"
        );
        assert!(is_docs_url("https://d.example/docs"));
        assert!(!is_docs_url("javascript:alert(1)") && !is_docs_url("https://x/a)b"));
    }
}
