//! `docs/rules/<group>/<rule>.md` are made from the rules' own docs (what `ase-lint
//! explain` prints): this test fails when a page is missing, stale or left over, and
//! `UPDATE_RULE_PAGES=1 cargo test --test rule_pages` rewrites them.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use ase_lint::report::rule_pages;
use ase_lint::rules;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Every `.md` file under `dir`, relative to the crate root.
fn pages_under(dir: &Path) -> BTreeSet<String> {
    let mut found = BTreeSet::new();
    let Ok(entries) = std::fs::read_dir(dir) else {
        return found;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            found.extend(pages_under(&path));
        } else if path.extension().is_some_and(|e| e == "md") {
            let relative = path.strip_prefix(root()).unwrap_or(&path);
            found.insert(relative.to_string_lossy().replace('\\', "/"));
        }
    }
    found
}

#[test]
fn every_rule_has_its_page_in_sync_with_explain() {
    let update = std::env::var_os("UPDATE_RULE_PAGES").is_some();
    let mut expected = BTreeSet::new();
    let mut stale = Vec::new();
    for rule in rules::ALL {
        let meta = rule.meta();
        let path = rule_pages::page_path(meta.name);
        let text = rule_pages::page(meta);
        let file = root().join(&path);
        if update {
            if let Some(dir) = file.parent() {
                std::fs::create_dir_all(dir).unwrap_or_else(|e| panic!("{e}"));
            }
            std::fs::write(&file, &text).unwrap_or_else(|e| panic!("{e}"));
        } else if std::fs::read_to_string(&file).ok().as_deref() != Some(text.as_str()) {
            stale.push(path.clone());
        }
        expected.insert(path);
    }
    assert!(
        stale.is_empty(),
        "missing or stale rule pages (run `UPDATE_RULE_PAGES=1 cargo test --test rule_pages`): {stale:?}"
    );
    let left_over: Vec<String> = pages_under(&root().join("docs/rules"))
        .difference(&expected)
        .cloned()
        .collect();
    assert!(left_over.is_empty(), "pages of no rule: {left_over:?}");
}
