//! Every rule against its fixtures, by walking `rules::ALL`: each rule has
//! `fixtures/rules/<group>/<rule>/` with a `bad` and a `good` input; the good one gives no
//! finding at all, the bad one at least one of the rule, and the bad one's text report (as
//! `ase-lint check` prints it) is the snapshot `rule_fixtures__<group>__<rule>`.
//!
//! An input is one of:
//! - `bad.md` / `good.md`: a README that must hold the ASE table, `ase-lint check bad.md`;
//! - `bad/` / `good/` holding `organizations/*.yaml` (and maybe a README, `.ase-lint.yml`,
//!   a symlink): a project, `ase-lint check <its files>` run inside it;
//! - `bad/` / `good/` holding `ase-project/README.md` and `orgs-project/organizations/`:
//!   two projects, checked both ways (`--orgs-dir`, `--ase-readme`), as `cross/*` needs;
//! - `bad/` / `good/` holding `README.md` and `zendesk.yaml` (what Zendesk returned for
//!   the table's ids): the `zendesk/*` rules judge the table against it, no HTTP.
//!
//! The files are named on the command line: `fixtures/rules/.ignore` keeps them out of
//! `ase-lint check fixtures/`.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use ase_lint::config::Settings;
use ase_lint::lint::{FileResult, LintRun};
use ase_lint::model::Column;
use ase_lint::report::TextOptions;
use ase_lint::rules::zendesk::{ZendeskFacts, ZendeskInput, ZendeskOrg, ZendeskUser, cell_id};
use ase_lint::rules::{self, RuleMeta, util};
use ase_lint::source::SourceFile;
use assert_cmd::Command;
use serde::Deserialize;
use serde_json::Value;

/// One run of ase-lint over a fixture: the command as a user types it, its text report,
/// and the rules it reported.
struct Run {
    command: String,
    text: String,
    rules: Vec<String>,
}

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/rules")
}

/// Runs `ase-lint check ARGS` in `dir`, in text (for people) and JSON (for the rules).
fn check(dir: &Path, args: &[String]) -> Run {
    let run = |format: &str| {
        let mut cmd = Command::cargo_bin("ase-lint").unwrap_or_else(|e| panic!("{e}"));
        let out = cmd
            .current_dir(dir)
            .env_remove("NO_COLOR")
            .args(["check", "--color", "never", "--format", format])
            .args(args)
            .output()
            .unwrap_or_else(|e| panic!("{e}"));
        assert!(
            matches!(out.status.code(), Some(0 | 1)),
            "{}: ase-lint check {args:?}: {}",
            dir.display(),
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    let json: Value = serde_json::from_str(&run("json")).unwrap_or(Value::Null);
    let rules = json["diagnostics"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|d| d["rule"].as_str().map(str::to_owned))
        .collect();
    Run {
        command: format!("ase-lint check {}", args.join(" ")),
        text: run("text"),
        rules,
    }
}

/// The files of a project fixture as a user names them: its Markdown files, then
/// everything in `organizations/` (symlinks too), sorted.
fn project_files(dir: &Path) -> Vec<String> {
    let names = |folder: &Path| -> Vec<String> {
        let mut names: Vec<String> = std::fs::read_dir(folder)
            .into_iter()
            .flatten()
            .filter_map(Result::ok)
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    };
    let markdown = names(dir).into_iter().filter(|n| n.ends_with(".md"));
    let orgs = names(&dir.join("organizations"))
        .into_iter()
        .map(|n| format!("organizations/{n}"));
    markdown.chain(orgs).collect()
}

/// What Zendesk returned, as a fixture writes it (`zendesk.yaml`).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Returned {
    instance: String,
    #[serde(default)]
    organizations: BTreeMap<u64, ReturnedOrg>,
    #[serde(default)]
    users: BTreeMap<u64, ReturnedUser>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ReturnedOrg {
    name: String,
    assigned_se: Option<String>,
    ase_subscription: Option<bool>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ReturnedUser {
    name: String,
    role: String,
    active: bool,
    suspended: bool,
}

/// The `zendesk/*` findings on `dir/README.md` given `dir/zendesk.yaml`, as `ase-lint
/// verify README.md` reports them (every id of the table asked about, as `verify` does).
fn verify(dir: &Path) -> Run {
    let settings = Settings::defaults();
    let read = |name: &str| {
        std::fs::read(dir.join(name)).unwrap_or_else(|e| panic!("{}/{name}: {e}", dir.display()))
    };
    let returned: Returned = serde_saphyr::from_slice(&read("zendesk.yaml"))
        .unwrap_or_else(|e| panic!("{}/zendesk.yaml: {e}", dir.display()));
    let (source, _) = SourceFile::from_bytes("README.md", &read("README.md"));
    let doc = ase_lint::parse::readme::parse(source, &settings, true);
    let table = doc
        .table
        .as_ref()
        .unwrap_or_else(|| panic!("{}/README.md has no ASE table", dir.display()));
    let mut facts = ZendeskFacts {
        instance: returned.instance,
        ..ZendeskFacts::default()
    };
    for row in util::aligned_rows(table) {
        facts
            .asked_orgs
            .extend(table.cell(row, Column::AccountId).and_then(cell_id));
        facts
            .asked_users
            .extend(table.cell(row, Column::UserId).and_then(cell_id));
    }
    for (id, org) in returned.organizations {
        let org = ZendeskOrg {
            name: org.name,
            assigned_se: org.assigned_se,
            ase_subscription: org.ase_subscription,
        };
        facts.orgs.insert(id, org);
    }
    for (id, user) in returned.users {
        let user = ZendeskUser {
            name: user.name,
            role: user.role,
            active: user.active,
            suspended: user.suspended,
        };
        facts.users.insert(id, user);
    }
    let mut diagnostics = Vec::new();
    let input = ZendeskInput {
        table,
        facts: &facts,
    };
    rules::check_zendesk(&input, &doc.source, &settings, &mut diagnostics);
    let rules = diagnostics.iter().map(|d| d.rule.to_owned()).collect();
    let run = LintRun::from_files([FileResult {
        source: doc.source.clone(),
        diagnostics,
    }]);
    let mut text = Vec::new();
    ase_lint::report::text::write(&mut text, &run, TextOptions::default())
        .unwrap_or_else(|e| panic!("{e}"));
    Run {
        command: "ase-lint verify README.md   # Zendesk answering as zendesk.yaml says".into(),
        text: String::from_utf8_lossy(&text).into_owned(),
        rules,
    }
}

/// Runs ase-lint over the rule's `side` input (`bad` or `good`), however it is given.
fn runs(rule_dir: &Path, side: &str) -> Vec<Run> {
    let markdown = format!("{side}.md");
    let dir = rule_dir.join(side);
    if rule_dir.join(&markdown).is_file() {
        vec![check(rule_dir, &[markdown])]
    } else if dir.join("zendesk.yaml").is_file() {
        vec![verify(&dir)]
    } else if dir.join("ase-project").is_dir() {
        let readme = "ase-project/README.md".to_owned();
        let mut org_side: Vec<String> = project_files(&dir.join("orgs-project"))
            .into_iter()
            .map(|f| format!("orgs-project/{f}"))
            .collect();
        org_side.extend(["--ase-readme".to_owned(), readme.clone()]);
        vec![
            check(
                &dir,
                &[readme, "--orgs-dir".to_owned(), "orgs-project".to_owned()],
            ),
            check(&dir, &org_side),
        ]
    } else if dir.is_dir() {
        let files = project_files(&dir);
        assert!(!files.is_empty(), "{}: no file to check", dir.display());
        vec![check(&dir, &files)]
    } else {
        Vec::new()
    }
}

fn rule_dir(meta: &RuleMeta) -> PathBuf {
    fixtures().join(meta.name)
}

#[test]
fn every_rule_has_fixtures_its_good_input_is_clean_and_its_bad_input_is_reported() {
    let mut problems = Vec::new();
    for rule in rules::ALL {
        let meta = rule.meta();
        let dir = rule_dir(meta);
        let good = runs(&dir, "good");
        let bad = runs(&dir, "bad");
        if good.is_empty() || bad.is_empty() {
            problems.push(format!(
                "{}: no fixtures (fixtures/rules/{}/ needs a bad and a good input)",
                meta.name, meta.name
            ));
            continue;
        }
        for run in &good {
            if !run.rules.is_empty() {
                problems.push(format!(
                    "{} good: `{}` reports {:?}\n{}",
                    meta.name, run.command, run.rules, run.text
                ));
            }
        }
        if !bad.iter().flat_map(|r| &r.rules).any(|r| r == meta.name) {
            let text: Vec<&str> = bad.iter().map(|r| r.text.as_str()).collect();
            problems.push(format!(
                "{} bad: no finding of the rule\n{}",
                meta.name,
                text.join("\n")
            ));
        }
        let report: Vec<String> = bad
            .iter()
            .map(|r| format!("$ {}\n{}", r.command, r.text))
            .collect();
        insta::assert_snapshot!(meta.name.replace('/', "__"), report.join("\n"));
    }
    assert!(problems.is_empty(), "{}", problems.join("\n\n"));
}

/// A fixture folder whose rule was renamed or removed would never run.
#[test]
fn every_fixture_folder_is_a_rule() {
    let mut strays = Vec::new();
    for group in std::fs::read_dir(fixtures())
        .into_iter()
        .flatten()
        .flatten()
    {
        if !group.path().is_dir() {
            continue;
        }
        for rule in std::fs::read_dir(group.path())
            .into_iter()
            .flatten()
            .flatten()
        {
            let name = format!(
                "{}/{}",
                group.file_name().to_string_lossy(),
                rule.file_name().to_string_lossy()
            );
            if rules::find(&name).is_none() {
                strays.push(name);
            }
        }
    }
    assert!(strays.is_empty(), "fixtures of no rule: {strays:?}");
}
