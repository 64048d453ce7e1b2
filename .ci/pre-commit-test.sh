#!/usr/bin/env bash
# The pre-commit hooks (.pre-commit-hooks.yaml) with the real pre-commit (PyPI), in a
# temporary git repository: `pre-commit try-repo` builds the hook from this repository
# exactly as users get it (cargo install --path ., default features) and runs it on what is
# staged. Asserts: a bad org file fails, a good one passes, a docs/README.md without an
# ASE table passes (never table/not-found), a root README.md without one fails, and the
# installed binary is the offline linter (no `ci` subcommand, no HTTP/TLS crate).
#
# Network: none beyond what cargo needs, and CARGO_NET_OFFLINE=true makes cargo use the
# registry cache (warm after the build of the tests). Run by .ci/run; needs `pre-commit`.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
fixture="$root/fixtures/organizations-project/organizations/361092349520.yaml"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
export PRE_COMMIT_HOME="$work/pre-commit-home"
# The hook is built from the committed HEAD: try-repo copies only tracked changes.
export CARGO_NET_OFFLINE=true
# pre-commit's `cargo install` builds here; under target/ so CI's cache keeps it.
export CARGO_TARGET_DIR="${HOOK_TARGET_DIR:-$root/target/pre-commit-hook}"
export GIT_CONFIG_GLOBAL="$work/gitconfig"
git config --global user.email ci@example.com
git config --global user.name CI
git config --global init.defaultBranch main
# try-repo clones this repository; a CI checkout may belong to another user.
git config --global --add safe.directory '*'

repo="$work/repo"
git init -q "$repo"
cd "$repo"

# Runs one hook (or, with "", every hook) of this repository on what is staged, as
# `pre-commit try-repo` does (it installs the hook each time, into a temporary store);
# $1 = expected outcome (pass|fail), $2 = hook id.
expect() {
    local want="$1" hook="$2" status=0 output
    output="$(pre-commit try-repo "$root" ${hook:+"$hook"} --color never 2>&1)" || status=$?
    if [[ "$want" == pass && $status -ne 0 ]] || [[ "$want" == fail && $status -eq 0 ]]; then
        echo "pre-commit-test: FAILED: expected $hook to $want on: $(git diff --cached --name-only | tr '\n' ' ')" >&2
        echo "$output" >&2
        exit 1
    fi
    printf '%s\n' "$output"
}
stage_only() {
    git rm -r -q --cached . >/dev/null 2>&1 || true
    git add -- "$@"
}

mkdir -p organizations docs
printf 'id: 2\nname: f6438d0c Acme Corp\nnotes: "x"\n' > organizations/1.yaml
cp "$fixture" organizations/361092349520.yaml
printf '# Docs\n\nNo table here.\n' > docs/README.md

echo "== a staged bad org file fails (the first run installs the hook: cargo install)"
stage_only organizations/1.yaml
SECONDS=0
out="$(expect fail ase-lint)"
echo "   hook environment installed and run in ${SECONDS}s (CARGO_TARGET_DIR=$CARGO_TARGET_DIR)"
grep -q 'note/schema' <<<"$out" || { echo "$out"; echo "pre-commit-test: no note/schema finding" >&2; exit 1; }

echo "== a staged good org file passes"
stage_only organizations/361092349520.yaml
expect pass ase-lint >/dev/null

echo "== a staged docs/README.md passes both hooks (not the ASE README: never table/not-found)"
stage_only docs/README.md
out="$(expect pass "")"
grep -q 'not-found' <<<"$out" && { echo "$out"; exit 1; }

echo "== a staged root README.md without the ASE table fails (it is the ase_readme)"
cp docs/README.md README.md
stage_only README.md
out="$(expect fail ase-lint)"
grep -q 'table/not-found' <<<"$out" || { echo "$out"; exit 1; }

# try-repo installs into a store it deletes afterwards; cargo install built the binary it
# copied in CARGO_TARGET_DIR, which stays.
echo "== the hook's binary is the offline linter"
bin="$CARGO_TARGET_DIR/release/ase-lint"
[[ -x "$bin" ]] || { echo "pre-commit-test: no $bin" >&2; exit 1; }
status=0
"$bin" ci --dry-run >/dev/null 2>"$work/ci.err" || status=$?
[[ $status -eq 2 ]] && grep -q "unrecognized subcommand 'ci'" "$work/ci.err" \
    || { cat "$work/ci.err"; echo "pre-commit-test: the hook binary has the bot" >&2; exit 1; }
if grep -aEqi 'reqwest|rustls|hyper-|tokio-' "$bin"; then
    echo "pre-commit-test: the hook binary holds HTTP/TLS code" >&2
    exit 1
fi
echo "pre-commit-test: ok ($bin)"
