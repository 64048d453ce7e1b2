//! `link/org-note`: the Links cell lacks a Zendesk Org Note link for the row's org id.

use crate::declare_rule;
use crate::model::{AseTable, Cell, Column, Link, Row};
use crate::rules::id::zendesk_id;
use crate::rules::link::target::{self, LinkKind, LinkUrl};
use crate::rules::link::{Finding, RowLinks, report, rows_with_links};
use crate::rules::util;
use crate::rules::{Rule, RuleContext};

declare_rule! {
    /// ## What it does
    /// Checks that the Links cell links to the account's Zendesk org note: either the org
    /// file in the Organizations project
    /// (`<orgs_project_url>/-/blob/<branch>/organizations/<id>.yaml`; `/-/tree/`, `/-/raw/`
    /// and `/blob/` work too) or the organization in Zendesk
    /// (`https://<instance>.zendesk.com/agent/organizations/<id>`, hosts from
    /// `links.zendesk_hosts`), where `<id>` is the row's Zendesk Account ID. The link is
    /// recognised by where it points or by its text (`Org Note`, `Zendesk`, `ZD`, `Note`).
    ///
    /// The id is compared only when the row's Zendesk Account ID is valid; an `http://`
    /// link gets a fix to `https://`. An empty Links cell is `table/empty-cell`'s finding.
    ///
    /// ## Why is this bad?
    /// The org note tells every engineer who the ASE is and how to treat the customer's
    /// tickets; the link is how reviewers check that it exists and says the right thing. A
    /// link to another organization's note sends them to the wrong customer.
    ///
    /// ## Example
    /// ```markdown
    /// | Acme | … | [Salesforce](…) \| [Org Note](https://gitlab.com/gitlab-com/support/zendesk-global/organizations/-/blob/master/organizations/27946339528.yaml) | | f6438d0c Acme Corp | 361092349520 | … |
    /// ```
    /// Use instead:
    /// ```markdown
    /// | Acme | … | [Salesforce](…) \| [Org Note](https://gitlab.com/gitlab-com/support/zendesk-global/organizations/-/blob/master/organizations/361092349520.yaml) | | f6438d0c Acme Corp | 361092349520 | … |
    /// ```
    pub OrgNote, name = "link/org-note", severity = Error,
    summary = "The Links cell lacks a Zendesk Org Note link for the row's org id"
}

impl Rule for OrgNote {
    fn check_table(&self, table: &AseTable, cx: &mut RuleContext<'_>) {
        for RowLinks { row, cell, links } in rows_with_links(table, LinkKind::OrgNote, cx.settings)
        {
            let row_id = table
                .cell(row, Column::AccountId)
                .and_then(zendesk_id::cell_id)
                .map(|id| id.value);
            if links.is_empty() {
                report_missing(table, row, cell, row_id, cx);
            }
            for link in links {
                if let Some(finding) = finding(link, row_id, cx) {
                    report(table, row, link, finding, cx);
                }
            }
        }
    }
}

/// Where an org note link points.
#[derive(Debug, PartialEq, Eq)]
enum Points<'a> {
    /// The org file or the Zendesk organization with this id (as written).
    Org(&'a str),
    /// Into the Organizations project or Zendesk, but not at an org.
    Elsewhere(&'static str),
    /// Neither.
    Outside,
}

fn report_missing(
    table: &AseTable,
    row: &Row,
    cell: &Cell,
    row_id: Option<i64>,
    cx: &mut RuleContext<'_>,
) {
    let help = format!("add `[Org Note]({})`", note_url(cx, row_id));
    cx.report(
        cell.span.clone(),
        "the Links cell has no Zendesk Org Note link",
    )
    .label("no org note link")
    .help(help)
    .key(util::cell_key(table, row, Column::Links));
}

/// The org note URL for an id (`<id>` when the row has none).
fn note_url(cx: &RuleContext<'_>, id: Option<i64>) -> String {
    let project = cx
        .settings
        .config
        .links
        .orgs_project_url
        .trim_end_matches('/');
    let id = id.map_or_else(|| "<id>".to_owned(), |id| id.to_string());
    format!("{project}/-/blob/master/organizations/{id}.yaml")
}

fn finding(link: &Link, row_id: Option<i64>, cx: &RuleContext<'_>) -> Option<Finding> {
    let Some(url) = target::parse_url(&link.url) else {
        return Some(Finding {
            message: format!("the Org Note link `{}` is not a web address", link.url),
            label: "not a URL",
            help: format!("link the org note as `{}`", note_url(cx, row_id)),
            fix: None,
        });
    };
    if url.scheme == "http" {
        return Some(Finding {
            message: "the Org Note link uses `http://`; use `https://`".to_owned(),
            label: "insecure link",
            help: "GitLab and Zendesk only serve https".to_owned(),
            fix: target::https_fix(cx.source, link),
        });
    }
    match points(&url, cx) {
        Points::Org(id) => id_finding(id, row_id),
        Points::Elsewhere(place) => Some(Finding {
            message: format!("the Org Note link points into {place}, but not at an organization"),
            label: "not an org note",
            help: format!("link the org note as `{}`", note_url(cx, row_id)),
            fix: None,
        }),
        Points::Outside => Some(Finding {
            message: format!(
                "the Org Note link points at `{}`, neither the org note file nor the Zendesk organization",
                url.host
            ),
            label: "not an org note",
            help: format!(
                "link the org note as `{}` or `https://gitlab.zendesk.com/agent/organizations/<id>` (`links.orgs_project_url` and `links.zendesk_hosts` in the configuration)",
                note_url(cx, row_id)
            ),
            fix: None,
        }),
    }
}

fn points<'u>(url: &'u LinkUrl, cx: &RuleContext<'_>) -> Points<'u> {
    let links = &cx.settings.config.links;
    if url.scheme == "https" && target::host_in(&url.host, &links.zendesk_hosts) {
        return zendesk_org(&url.path).map_or(Points::Elsewhere("Zendesk"), Points::Org);
    }
    if let Some(rest) = target::project_path(url, &links.orgs_project_url) {
        return org_file(rest).map_or(Points::Elsewhere("the Organizations project"), Points::Org);
    }
    Points::Outside
}

/// The id of `/agent/organizations/<id>[/…]`.
fn zendesk_org(path: &str) -> Option<&str> {
    let mut segments = path.split('/').filter(|s| !s.is_empty());
    let agent = segments.next()?;
    let organizations = segments.next()?;
    let id = segments.next()?;
    (agent == "agent" && organizations == "organizations").then_some(id)
}

/// The id of `/-/blob/<ref>/organizations/<id>.yaml` (also `tree`, `raw`, without `-/`),
/// where `<ref>` may hold slashes.
fn org_file(rest: &str) -> Option<&str> {
    let segments: Vec<&str> = rest.split('/').filter(|s| !s.is_empty()).collect();
    let segments = segments.strip_prefix(&["-"]).unwrap_or(&segments[..]);
    let (kind, tail) = segments.split_first()?;
    let [reference @ .., folder, file] = tail else {
        return None;
    };
    let kind_ok = matches!(*kind, "blob" | "tree" | "raw");
    let ok = kind_ok && !reference.is_empty() && *folder == "organizations";
    ok.then(|| file.strip_suffix(".yaml")).flatten()
}

fn id_finding(link_id: &str, row_id: Option<i64>) -> Option<Finding> {
    let Ok(parsed) = zendesk_id::parse(link_id) else {
        return Some(Finding {
            message: format!("the Org Note link's organization id `{link_id}` is not a number"),
            label: "not an organization id",
            help:
                "org notes are named after the Zendesk organization id: `organizations/<id>.yaml`"
                    .to_owned(),
            fix: None,
        });
    };
    let row_id = row_id?;
    (parsed.value != row_id).then(|| Finding {
        message: format!(
            "the Org Note link is for organization {} but the row's Zendesk Account ID is {row_id}",
            parsed.value
        ),
        label: "another organization",
        help: "one of the two is wrong: check the organization in Zendesk and correct the link or the id".to_owned(),
        fix: None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::{lint_readme, only};

    const HEAD: &str = "| Account | ASE | Links | Zendesk Account ID |\n|---|---|---|---|\n";
    const NOTE: &str = "https://gitlab.com/gitlab-com/support/zendesk-global/organizations";

    fn found(links: &str, id: &str) -> Vec<crate::diagnostic::Diagnostic> {
        let d = lint_readme(&format!("{HEAD}| Acme | Jill | {links} | {id} |\n"), true);
        only(&d, "link/org-note").into_iter().cloned().collect()
    }

    #[test]
    fn org_file_paths() {
        assert_eq!(org_file("/-/blob/master/organizations/1.yaml"), Some("1"));
        assert_eq!(org_file("/blob/master/organizations/1.yaml"), Some("1"));
        assert_eq!(
            org_file("/-/tree/feature/x/organizations/1.yaml"),
            Some("1")
        );
        assert_eq!(org_file("/-/raw/abc123/organizations/1.yaml"), Some("1"));
        assert_eq!(org_file("/-/blob/organizations/1.yaml"), None);
        assert_eq!(org_file("/-/merge_requests/12"), None);
        assert_eq!(org_file("/-/blob/master/organizations/1.yml"), None);
        assert_eq!(zendesk_org("/agent/organizations/1/tickets"), Some("1"));
        assert_eq!(zendesk_org("/agent/users/1"), None);
    }

    #[test]
    fn good_links() {
        for links in [
            format!(
                "[Org Note]({NOTE}/-/blob/master/organizations/361092349520.yaml?ref_type=heads)"
            ),
            format!(
                "[ZD Org](https://gitlab.zendesk.com/agent/organizations/361092349520), [Note]({NOTE}/blob/main/organizations/361092349520.yaml)"
            ),
            "https://gitlab-federal-support.zendesk.com/agent/organizations/361092349520"
                .to_owned(),
        ] {
            assert!(found(&links, "361092349520").is_empty(), "{links}");
        }
    }

    #[test]
    fn id_mismatch_names_both_ids() {
        let links = format!("[Org Note]({NOTE}/-/blob/master/organizations/27946339528.yaml)");
        let f = found(&links, "361092349520");
        assert_eq!(f.len(), 1);
        assert_eq!((f[0].start.line, f[0].start.column), (3, 17));
        assert!(f[0].message.contains(
            "for organization 27946339528 but the row's Zendesk Account ID is 361092349520"
        ));
        assert!(
            found(&links, "not an id").is_empty(),
            "ids are compared only when valid"
        );
    }

    #[test]
    fn missing_wrong_place_and_http() {
        let f = found(
            "[Salesforce](https://gitlab.my.salesforce.com/0014M00001hHV5C)",
            "361092349520",
        );
        assert!(f[0].message.contains("no Zendesk Org Note link"));
        assert!(
            f[0].help
                .as_deref()
                .unwrap_or("")
                .contains("organizations/361092349520.yaml")
        );
        let f = found(&format!("[Org Note]({NOTE}/-/merge_requests/12)"), "1");
        assert!(
            f[0].message
                .contains("points into the Organizations project")
        );
        let f = found("[Org Note](https://docs.google.com/d/1)", "1");
        assert!(f[0].message.contains("points at `docs.google.com`"));
        let f = found("[ZD](http://gitlab.zendesk.com/agent/organizations/1)", "1");
        assert_eq!(
            f[0].fix.as_ref().map(|x| x.replacement.as_str()),
            Some("https")
        );
    }
}
