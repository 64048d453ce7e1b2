//! `link/salesforce`: the Links cell lacks a valid Salesforce account link.

use crate::declare_rule;
use crate::model::{AseTable, Cell, Column, Link, Row};
use crate::rules::link::sfdc_id::{self, SfIdError};
use crate::rules::link::target::{self, LinkKind, LinkUrl};
use crate::rules::link::{Finding, RowLinks, report, rows_with_links};
use crate::rules::util;
use crate::rules::{Rule, RuleContext};
use crate::source::Span;

declare_rule! {
    /// ## What it does
    /// Checks that the Links cell has a link to the customer's Salesforce account:
    /// `https://<instance>.my.salesforce.com/<id>` or
    /// `https://<instance>.lightning.force.com/lightning/r/Account/<id>/view`, where `<id>`
    /// is a 15- or 18-character Account id (it starts with `001`) and an 18-character id
    /// ends in the correct case-safe suffix. The Salesforce link is recognised by its host
    /// (`salesforce.com`, `force.com`) or its text (`Salesforce`, `SFDC`, `SF`); accepted
    /// hosts are `links.salesforce_hosts` in the configuration.
    ///
    /// Fixes are offered for `http://` (to `https://`) and for a wrong case-safe suffix.
    /// An empty Links cell is `table/empty-cell`'s finding.
    ///
    /// ## Why is this bad?
    /// ASEs have no Salesforce access; the link is how their manager and the account team
    /// reach the account the row is about. A link to an opportunity, another instance, or an
    /// id with a typo sends them to the wrong record, or to none.
    ///
    /// ## Example
    /// ```markdown
    /// | Acme | Jill Doe | AMER | [SFDC](http://gitlab.my.salesforce.com/0064M00001hHV5C) \| [Org Note](…) | … |
    /// ```
    /// Use instead:
    /// ```markdown
    /// | Acme | Jill Doe | AMER | [Salesforce](https://gitlab.my.salesforce.com/0014M00001hHV5CQAW) \| [Org Note](…) | … |
    /// ```
    pub Salesforce, name = "link/salesforce", severity = Error,
    summary = "The Links cell lacks a valid Salesforce account link"
}

impl Rule for Salesforce {
    fn check_table(&self, table: &AseTable, cx: &mut RuleContext<'_>) {
        for RowLinks { row, cell, links } in
            rows_with_links(table, LinkKind::Salesforce, cx.settings)
        {
            if links.is_empty() {
                report_missing(table, row, cell, cx);
            }
            for link in links {
                if let Some(finding) = finding(link, cx) {
                    report(table, row, link, finding, cx);
                }
            }
        }
    }
}

fn report_missing(table: &AseTable, row: &Row, cell: &Cell, cx: &mut RuleContext<'_>) {
    cx.report(cell.span.clone(), "the Links cell has no Salesforce account link")
        .label("no Salesforce link")
        .help("add `[Salesforce](https://gitlab.my.salesforce.com/<account id>)`; your manager can look the account up in Salesforce")
        .key(util::cell_key(table, row, Column::Links));
}

fn finding(link: &Link, cx: &RuleContext<'_>) -> Option<Finding> {
    let hosts = &cx.settings.config.links.salesforce_hosts;
    let Some(url) = target::parse_url(&link.url) else {
        return Some(Finding {
            message: format!("the Salesforce link `{}` is not a web address", link.url),
            label: "not a URL",
            help: EXAMPLE.to_owned(),
            fix: None,
        });
    };
    if url.scheme == "http" {
        return Some(Finding {
            message: "the Salesforce link uses `http://`; use `https://`".to_owned(),
            label: "insecure link",
            help: "Salesforce only serves https; an http link is redirected or blocked".to_owned(),
            fix: target::https_fix(cx.source, link),
        });
    }
    if url.scheme != "https" || !target::host_in(&url.host, hosts) {
        return Some(Finding {
            message: format!(
                "the Salesforce link points at `{}`, not a Salesforce account page",
                url.host
            ),
            label: "unexpected host",
            help: format!(
                "accepted hosts: {} (`links.salesforce_hosts` in the configuration); {}",
                hosts.join(", "),
                EXAMPLE
            ),
            fix: None,
        });
    }
    check_path(link, &url, cx)
}

fn check_path(link: &Link, url: &LinkUrl, cx: &RuleContext<'_>) -> Option<Finding> {
    let id = match account_id(&url.path) {
        Ok(id) => id,
        Err(object) => {
            let what = object.map_or_else(
                || "is not a Salesforce record page".to_owned(),
                |o| format!("opens a Salesforce {o}, not an Account"),
            );
            return Some(Finding {
                message: format!("the Salesforce link `{}` {what}", link.url),
                label: "not an account link",
                help: EXAMPLE.to_owned(),
                fix: None,
            });
        }
    };
    let error = sfdc_id::check_account_id(id).err()?;
    Some(id_finding(link, id, &error, cx))
}

/// The record id of an account page URL path; `Err(Some(object))` for a Lightning page of
/// another object type, `Err(None)` for any other path.
fn account_id(path: &str) -> Result<&str, Option<&str>> {
    let segments: Vec<&str> = path.split('/').filter(|s| !s.is_empty()).collect();
    match segments.as_slice() {
        [id] => Ok(*id),
        ["lightning", "r", "Account", id] | ["lightning", "r", "Account", id, "view"] => Ok(*id),
        ["lightning", "r", object, _, ..] => Err(Some(*object)),
        _ => Err(None),
    }
}

fn id_finding(link: &Link, id: &str, error: &SfIdError, cx: &RuleContext<'_>) -> Finding {
    let (message, fix) = match error {
        SfIdError::BadCharacter(c) => (
            format!("the Salesforce id `{id}` contains `{c}`; ids are letters and digits"),
            None,
        ),
        SfIdError::BadLength(n) => (
            format!("the Salesforce id `{id}` has {n} characters; account ids have 15 or 18"),
            None,
        ),
        SfIdError::NotAccount { prefix, kind } => (
            format!(
                "the Salesforce id `{id}` starts with `{prefix}`{}; account ids start with `001`",
                kind.map(|k| format!(" ({k})")).unwrap_or_default()
            ),
            None,
        ),
        SfIdError::BadChecksum { found, expected } => (
            format!(
                "the Salesforce id `{id}` ends in `{found}`, but the case-safe suffix of `{}` is `{expected}`",
                &id[..15]
            ),
            suffix_fix(link, id, expected, cx),
        ),
    };
    Finding {
        message,
        label: "not a valid account id",
        help: "copy the link from the account's page in Salesforce; a 15-character id works too"
            .to_owned(),
        fix,
    }
}

/// Replaces the three suffix characters of the id inside the link.
fn suffix_fix(
    link: &Link,
    id: &str,
    expected: &str,
    cx: &RuleContext<'_>,
) -> Option<(Span, String)> {
    let span = util::locate(cx.source, &link.span, id)?;
    Some((span.start + 15..span.end, expected.to_owned()))
}

/// How a good link looks, for help texts.
const EXAMPLE: &str = "link the account as `https://<instance>.my.salesforce.com/<account id>` or `https://<instance>.lightning.force.com/lightning/r/Account/<account id>/view`";

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::{lint_readme, only};

    const HEAD: &str = "| Account | ASE | Links |\n|---|---|---|\n";

    fn found(links: &str) -> Vec<crate::diagnostic::Diagnostic> {
        let d = lint_readme(&format!("{HEAD}| Acme | Jill | {links} |\n"), true);
        only(&d, "link/salesforce").into_iter().cloned().collect()
    }

    #[test]
    fn account_paths() {
        assert_eq!(account_id("/0014M00001hHV5C"), Ok("0014M00001hHV5C"));
        assert_eq!(account_id("/0014M00001hHV5C/"), Ok("0014M00001hHV5C"));
        assert_eq!(
            account_id("/lightning/r/Account/0014M00001hHV5CQAW/view"),
            Ok("0014M00001hHV5CQAW")
        );
        assert_eq!(
            account_id("/lightning/r/Opportunity/0064M00001hHV5C/view"),
            Err(Some("Opportunity"))
        );
        assert_eq!(account_id("/"), Err(None));
    }

    #[test]
    fn good_links_in_any_common_layout() {
        for cell in [
            "[Salesforce](https://gitlab.my.salesforce.com/0014M00001hHV5CQAW) \\| [Org Note](https://gitlab.zendesk.com/agent/organizations/1)",
            "[SFDC](https://gitlab.lightning.force.com/lightning/r/Account/0014M00001hHV5C/view), [ZD Org](https://gitlab.zendesk.com/agent/organizations/1)",
            "https://gitlab.my.salesforce.com/0014M00001hHV5C<br>https://gitlab.zendesk.com/agent/organizations/1",
        ] {
            assert!(found(cell).is_empty(), "{cell}");
        }
    }

    #[test]
    fn missing_link_is_reported_on_the_cell() {
        let f = found("[Org Note](https://gitlab.zendesk.com/agent/organizations/1)");
        assert_eq!(f.len(), 1);
        assert_eq!((f[0].start.line, f[0].start.column), (3, 17));
        assert!(f[0].message.contains("no Salesforce account link"));
    }

    #[test]
    fn wrong_suffix_is_fixed_in_place() {
        let cell = "[SF](https://gitlab.my.salesforce.com/0014M00001hHV5CQAA)";
        let f = found(cell);
        assert_eq!(f.len(), 1);
        assert!(
            f[0].message
                .contains("case-safe suffix of `0014M00001hHV5C` is `QAW`"),
            "{}",
            f[0].message
        );
        let fix = f[0].fix.clone().unwrap_or_else(|| panic!("no fix"));
        let text = format!("{HEAD}| Acme | Jill | {cell} |\n");
        assert_eq!(&text[fix.span.clone()], "QAA");
        assert_eq!(fix.replacement, "QAW");
    }

    #[test]
    fn http_wrong_host_and_wrong_record() {
        let f = found("[SF](http://gitlab.my.salesforce.com/0014M00001hHV5C)");
        assert!(f[0].message.contains("uses `http://`"));
        assert_eq!(
            f[0].fix.as_ref().map(|x| x.replacement.as_str()),
            Some("https")
        );
        let f = found("[Salesforce](https://login.salesforce.com/0014M00001hHV5C)");
        assert!(f[0].message.contains("points at `login.salesforce.com`"));
        let f = found("[SF](https://gitlab.my.salesforce.com/0064M00001hHV5C)");
        assert!(f[0].message.contains("starts with `006` (an Opportunity)"));
        let f = found(
            "[SF](https://gitlab.lightning.force.com/lightning/r/Opportunity/0064M00001hHV5C/view)",
        );
        assert!(f[0].message.contains("opens a Salesforce Opportunity"));
        let f = found("[SF](https://gitlab.my.salesforce.com/0014M00001hHV5)");
        assert!(f[0].message.contains("has 14 characters"));
    }
}
