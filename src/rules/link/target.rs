//! What a link in the Links cell points at: a minimal URL reader, host globs from the
//! configuration, and the classification of a link as the Salesforce link, the org note
//! link, or something else. Shared by `link/salesforce` and `link/org-note`.

use crate::config::Settings;
use crate::model::Link;
use crate::rules::util;
use crate::source::{SourceFile, Span};

/// Words of a link's text that name the Salesforce link.
const SALESFORCE_WORDS: [&str; 3] = ["salesforce", "sfdc", "sf"];

/// Words of a link's text that name the org note (or Zendesk organization) link.
const ORG_NOTE_WORDS: [&str; 6] = [
    "note",
    "zendesk",
    "zd",
    "org",
    "organization",
    "organisation",
];

/// The parts of an absolute URL the link rules look at.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LinkUrl {
    /// Lowercase scheme (`https`).
    pub scheme: String,
    /// Lowercase host, without user info or port.
    pub host: String,
    /// The path, without query or fragment (`/` when empty).
    pub path: String,
}

/// Reads `scheme://host/path?query#fragment`; `None` when there is no scheme or host.
pub fn parse_url(url: &str) -> Option<LinkUrl> {
    let (scheme, rest) = url.trim().split_once("://")?;
    if scheme.is_empty() || !scheme.chars().all(|c| c.is_ascii_alphabetic()) {
        return None;
    }
    let authority_end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let (authority, tail) = rest.split_at(authority_end);
    let host_port = authority.rsplit('@').next().unwrap_or(authority);
    let host = host_port.split(':').next().unwrap_or(host_port);
    if host.is_empty() {
        return None;
    }
    let path_end = tail.find(['?', '#']).unwrap_or(tail.len());
    let path = match &tail[..path_end] {
        "" => "/",
        path => path,
    };
    Some(LinkUrl {
        scheme: scheme.to_ascii_lowercase(),
        host: host.trim_end_matches('.').to_ascii_lowercase(),
        path: path.to_owned(),
    })
}

/// Does `host` match a configured host pattern? `*.example.com` matches any subdomain of
/// `example.com` (not `example.com` itself); `*` matches every host; otherwise the names
/// must be equal. Case is ignored.
pub fn host_matches(host: &str, pattern: &str) -> bool {
    let host = host.to_ascii_lowercase();
    let pattern = pattern.trim().to_ascii_lowercase();
    match pattern.strip_prefix("*.") {
        Some(domain) => host
            .strip_suffix(domain)
            .and_then(|sub| sub.strip_suffix('.'))
            .is_some_and(|sub| !sub.is_empty()),
        None => pattern == "*" || host == pattern,
    }
}

/// Does `host` match any of the patterns?
pub fn host_in(host: &str, patterns: &[String]) -> bool {
    patterns.iter().any(|p| host_matches(host, p))
}

/// Is `host` `domain` or one of its subdomains?
fn in_domain(host: &str, domain: &str) -> bool {
    host == domain
        || host
            .strip_suffix(domain)
            .is_some_and(|sub| sub.ends_with('.'))
}

/// What a link in the Links cell is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LinkKind {
    Salesforce,
    OrgNote,
    Other,
}

/// Classifies a link, by where it points first, then by its text.
pub fn classify(link: &Link, settings: &Settings) -> LinkKind {
    if let Some(kind) = parse_url(&link.url).and_then(|url| kind_of_url(&url, settings)) {
        return kind;
    }
    let words = words(&link.text);
    if words.iter().any(|w| SALESFORCE_WORDS.contains(&w.as_str())) {
        LinkKind::Salesforce
    } else if words.iter().any(|w| ORG_NOTE_WORDS.contains(&w.as_str())) {
        LinkKind::OrgNote
    } else {
        LinkKind::Other
    }
}

fn kind_of_url(url: &LinkUrl, settings: &Settings) -> Option<LinkKind> {
    let links = &settings.config.links;
    if in_domain(&url.host, "salesforce.com")
        || in_domain(&url.host, "force.com")
        || host_in(&url.host, &links.salesforce_hosts)
    {
        return Some(LinkKind::Salesforce);
    }
    let org_file = url.path.contains("/organizations/")
        && (url.path.ends_with(".yaml") || url.path.ends_with(".yml"));
    if in_domain(&url.host, "zendesk.com")
        || host_in(&url.host, &links.zendesk_hosts)
        || project_path(url, &links.orgs_project_url).is_some()
        || org_file
    {
        return Some(LinkKind::OrgNote);
    }
    None
}

/// The part of `url`'s path after the project at `project_url` (same host, path below the
/// project's, compared ignoring case and scheme), e.g. `/-/blob/master/organizations/1.yaml`.
pub fn project_path<'a>(url: &'a LinkUrl, project_url: &str) -> Option<&'a str> {
    let project = parse_url(project_url)?;
    if url.host != project.host {
        return None;
    }
    let prefix = project.path.trim_end_matches('/');
    let head = url.path.get(..prefix.len())?;
    let rest = &url.path[prefix.len()..];
    (head.eq_ignore_ascii_case(prefix) && (rest.is_empty() || rest.starts_with('/')))
        .then_some(rest)
}

fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// Where the link's URL stands in the source (inside a Markdown link, or the bare URL).
pub fn url_span(source: &SourceFile, link: &Link) -> Option<Span> {
    util::locate(source, &link.span, &link.url)
}

/// For a `http://` link: the span of `http` in the source and its replacement `https`.
pub fn https_fix(source: &SourceFile, link: &Link) -> Option<(Span, String)> {
    let span = url_span(source, link)?;
    let scheme = span.start..span.start + "http".len();
    source
        .slice(&span)
        .get(..7)
        .is_some_and(|s| s.eq_ignore_ascii_case("http://"))
        .then(|| (scheme, "https".to_owned()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::DEFAULTS;

    fn link(text: &str, url: &str) -> Link {
        Link {
            text: text.to_owned(),
            url: url.to_owned(),
            span: 0..0,
        }
    }

    #[test]
    fn urls_are_split_into_scheme_host_and_path() {
        let url = parse_url("HTTPS://user@GitLab.My.Salesforce.com:443/0014M00001hHV5C?x=1#y");
        assert_eq!(
            url,
            Some(LinkUrl {
                scheme: "https".into(),
                host: "gitlab.my.salesforce.com".into(),
                path: "/0014M00001hHV5C".into()
            })
        );
        assert_eq!(
            parse_url("https://example.com").map(|u| u.path),
            Some("/".into())
        );
        assert_eq!(parse_url("gitlab.com/x"), None);
        assert_eq!(parse_url("https:///x"), None);
    }

    #[test]
    fn host_globs_match_subdomains_only() {
        assert!(host_matches(
            "gitlab.my.salesforce.com",
            "*.my.salesforce.com"
        ));
        assert!(host_matches(
            "GitLab.My.Salesforce.com",
            "*.my.salesforce.com"
        ));
        assert!(!host_matches("my.salesforce.com", "*.my.salesforce.com"));
        assert!(!host_matches(
            "evilmy.salesforce.com",
            "*.my.salesforce.com"
        ));
        assert!(host_matches("gitlab.zendesk.com", "gitlab.zendesk.com"));
        assert!(host_matches("anything.example", "*"));
    }

    #[test]
    fn links_are_classified_by_url_then_text() {
        let kind = |text, url| classify(&link(text, url), &DEFAULTS);
        let sf = "https://gitlab.my.salesforce.com/0014M00001hHV5C";
        let note = "https://gitlab.com/gitlab-com/support/zendesk-global/organizations/-/blob/master/organizations/1.yaml";
        assert_eq!(kind("Account", sf), LinkKind::Salesforce);
        assert_eq!(kind(sf, sf), LinkKind::Salesforce);
        assert_eq!(kind("x", note), LinkKind::OrgNote);
        assert_eq!(
            kind("Org", "https://gitlab.zendesk.com/agent/organizations/1"),
            LinkKind::OrgNote
        );
        assert_eq!(
            kind(
                "x",
                "https://gitlab-federal-support.zendesk.com/agent/organizations/1"
            ),
            LinkKind::OrgNote
        );
        assert_eq!(kind("SFDC", "https://example.com/x"), LinkKind::Salesforce);
        assert_eq!(kind("ZD Org", "https://example.com/x"), LinkKind::OrgNote);
        assert_eq!(kind("Org Note", "not a url"), LinkKind::OrgNote);
        assert_eq!(kind("Dashboard", "https://example.com/x"), LinkKind::Other);
    }

    #[test]
    fn project_paths_respect_the_project_boundary() {
        let project = "https://gitlab.com/gitlab-com/support/zendesk-global/organizations";
        let path =
            |u: &str| parse_url(u).and_then(|u| project_path(&u, project).map(str::to_owned));
        assert_eq!(
            path("http://GitLab.com/gitlab-com/support/zendesk-global/organizations/-/blob/m/x"),
            Some("/-/blob/m/x".into())
        );
        assert_eq!(
            path("https://gitlab.com/gitlab-com/support/zendesk-global/organizations-old/x"),
            None
        );
    }

    #[test]
    fn https_fix_replaces_only_the_scheme() {
        let text = "[SF](http://gitlab.my.salesforce.com/1)";
        let src = SourceFile::new("a.md", text);
        let l = Link {
            text: "SF".into(),
            url: "http://gitlab.my.salesforce.com/1".into(),
            span: 0..text.len(),
        };
        assert_eq!(https_fix(&src, &l), Some((5..9, "https".to_owned())));
    }
}
