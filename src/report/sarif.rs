//! SARIF 2.1.0 output (`--format sarif`) for code-scanning tools.
//!
//! One run: `tool.driver` lists every rule of [`crate::rules::ALL`] (summary, the "What it
//! does" docs, the full docs as help, default level); each diagnostic is a result with
//! its rule, level, message (plus its help on a second line), one physical location and
//! a `partialFingerprints` entry (`aseLint/v1`, see [`unique_fingerprints`]). Columns
//! count characters, so the run says `columnKind: unicodeCodePoints` (SARIF's default is
//! UTF-16 code units); end columns are exclusive, as in SARIF. Paths become
//! percent-encoded relative URI references. `informationUri` comes from Cargo.toml's
//! `homepage` or `repository` and is left out while neither is set.

use std::collections::BTreeMap;
use std::io::Write;

use serde::Serialize;

use crate::diagnostic::Diagnostic;
use crate::lint::LintRun;
use crate::report::unique_fingerprints;
use crate::rules::{self, RuleMeta};

const SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";
const FINGERPRINT_KEY: &str = "aseLint/v1";

#[derive(Serialize)]
struct Log<'a> {
    #[serde(rename = "$schema")]
    schema: &'static str,
    version: &'static str,
    runs: [Run<'a>; 1],
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Run<'a> {
    tool: Tool,
    column_kind: &'static str,
    results: Vec<SarifResult<'a>>,
}

#[derive(Serialize)]
struct Tool {
    driver: Driver,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Driver {
    name: &'static str,
    version: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    information_uri: Option<&'static str>,
    rules: Vec<RuleDescriptor>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct RuleDescriptor {
    id: &'static str,
    /// The rule's web page (`docs/rules/<group>/<rule>.md`).
    help_uri: String,
    short_description: Message,
    full_description: Message,
    help: Help,
    default_configuration: Configuration,
}

#[derive(Serialize)]
struct Message {
    text: String,
}

#[derive(Serialize)]
struct Help {
    text: String,
    markdown: String,
}

#[derive(Serialize)]
struct Configuration {
    level: &'static str,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SarifResult<'a> {
    rule_id: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    rule_index: Option<usize>,
    level: &'static str,
    message: Message,
    locations: [Location; 1],
    partial_fingerprints: BTreeMap<&'static str, String>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Location {
    physical_location: PhysicalLocation,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct PhysicalLocation {
    artifact_location: ArtifactLocation,
    region: Region,
}

#[derive(Serialize)]
struct ArtifactLocation {
    uri: String,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Region {
    start_line: usize,
    start_column: usize,
    end_line: usize,
    end_column: usize,
}

/// Writes the run as a SARIF 2.1.0 log.
pub fn write(out: &mut dyn Write, run: &LintRun) -> std::io::Result<()> {
    let results = run
        .diagnostics
        .iter()
        .zip(unique_fingerprints(&run.diagnostics))
        .map(|(d, fingerprint)| result(d, fingerprint))
        .collect();
    let log = Log {
        schema: SCHEMA,
        version: "2.1.0",
        runs: [Run {
            tool: Tool { driver: driver() },
            column_kind: "unicodeCodePoints",
            results,
        }],
    };
    serde_json::to_writer_pretty(&mut *out, &log)?;
    writeln!(out)
}

fn driver() -> Driver {
    Driver {
        name: "ase-lint",
        version: env!("CARGO_PKG_VERSION"),
        information_uri: [env!("CARGO_PKG_HOMEPAGE"), env!("CARGO_PKG_REPOSITORY")]
            .into_iter()
            .find(|uri| !uri.is_empty()),
        rules: rules::ALL
            .iter()
            .map(|rule| descriptor(rule.meta()))
            .collect(),
    }
}

fn descriptor(meta: &'static RuleMeta) -> RuleDescriptor {
    let docs = rules::docs_text(meta);
    RuleDescriptor {
        id: meta.name,
        help_uri: crate::report::rule_pages::page_url(meta.name),
        short_description: Message {
            text: meta.summary.to_owned(),
        },
        full_description: Message {
            text: what_it_does(&docs),
        },
        help: Help {
            text: docs.clone(),
            markdown: docs,
        },
        default_configuration: Configuration {
            level: meta.severity.as_str(),
        },
    }
}

/// The "What it does" section of a rule's docs, as one paragraph.
fn what_it_does(docs: &str) -> String {
    docs.lines()
        .skip_while(|line| !line.starts_with("## What it does"))
        .skip(1)
        .take_while(|line| !line.starts_with("## "))
        .map(str::trim)
        .filter(|line| !line.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

fn result(d: &Diagnostic, fingerprint: String) -> SarifResult<'_> {
    let text = match &d.help {
        Some(help) => format!("{}\nhelp: {help}", d.message),
        None => d.message.clone(),
    };
    SarifResult {
        rule_id: d.rule,
        rule_index: rules::ALL.iter().position(|r| r.meta().name == d.rule),
        level: d.severity.as_str(),
        message: Message { text },
        locations: [Location {
            physical_location: PhysicalLocation {
                artifact_location: ArtifactLocation { uri: uri(&d.path) },
                region: Region {
                    start_line: d.start.line,
                    start_column: d.start.column,
                    end_line: d.end.line,
                    end_column: d.end.column,
                },
            },
        }],
        partial_fingerprints: BTreeMap::from([(FINGERPRINT_KEY, fingerprint)]),
    }
}

/// A `/`-separated path as a URI reference: bytes other than unreserved characters and
/// `/` percent-encoded (so a space or a `:` in a file name cannot break the URI).
fn uri(path: &str) -> String {
    let mut uri = String::with_capacity(path.len());
    for byte in path.bytes() {
        if byte.is_ascii_alphanumeric() || b"-._~/".contains(&byte) {
            uri.push(char::from(byte));
        } else {
            uri.push_str(&format!("%{byte:02X}"));
        }
    }
    uri
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_are_percent_encoded() {
        assert_eq!(uri("organizations/1.yaml"), "organizations/1.yaml");
        assert_eq!(uri("a b/ü:x.md"), "a%20b/%C3%BC%3Ax.md");
    }

    #[test]
    fn full_description_is_the_what_it_does_section() {
        let docs = "## What it does\nFlags a row.\nOn its line.\n\n## Why is this bad?\nx\n";
        assert_eq!(what_it_does(docs), "Flags a row. On its line.");
    }
}
