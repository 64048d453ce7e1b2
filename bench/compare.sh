#!/usr/bin/env bash
# Benchmark: ase-lint against yamllint, markdownlint-cli2 and `cat` on one generated corpus.
#
#   bench/compare.sh [ORGS] [ROWS]     (defaults: 50000 5000)
#
# Builds release, generates the corpus under target/bench-corpus-<ORGS>, installs the peers
# when missing (hyperfine from Debian, yamllint from PyPI, markdownlint-cli2 from npm), and
# prints medians, peak RSS and ratios. SKIP_PEERS=1 measures ase-lint and cat only.
# yamllint and markdownlint-cli2 take minutes per thousand files or rows, so they (and
# ase-lint beside them, for the ratio) run on a subset: the first PEER_ORGS org files
# (default 2000) and a README cut to its first PEER_ROWS rows (default 1000).
set -euo pipefail
cd "$(dirname "$0")/.."

ORGS=${1:-50000}
ROWS=${2:-5000}
CORPUS=target/bench-corpus-$ORGS
RUNS=${RUNS:-5}
PEER_ORGS=${PEER_ORGS:-2000}
PEER_ROWS=${PEER_ROWS:-1000}
PEERS=$CORPUS-peers-$PEER_ORGS-$PEER_ROWS

need() { command -v "$1" >/dev/null 2>&1; }
install_peers() {
  need hyperfine || { apt-get update -qq && apt-get install -y -qq hyperfine >/dev/null; }
  [ "${SKIP_PEERS:-0}" = 1 ] && return
  need yamllint || pip install -q yamllint
  need markdownlint-cli2 || npm install -g --silent markdownlint-cli2 >/dev/null
}

install_peers
cargo build --release --quiet --bin ase-lint --example gen-corpus
BIN=target/release/ase-lint
[ -d "$CORPUS" ] || target/release/examples/gen-corpus --orgs "$ORGS" --rows "$ROWS" "$CORPUS"

make_peer_subset() { # the first PEER_ORGS org files (hard links) and PEER_ROWS README rows
  [ -d "$PEERS" ] && return
  mkdir -p "$PEERS/organizations"
  find "$CORPUS/organizations" -name "*.yaml" | sort | sed -n "1,${PEER_ORGS}p" |
    xargs cp -l -t "$PEERS/organizations"
  awk -v rows="$PEER_ROWS" '/^\|/ { if (++n > rows + 2) next } { print }' \
    "$CORPUS/README.md" >"$PEERS/README.md"
}

median() { # hyperfine JSON -> median seconds
  python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["results"][0]["median"])' "$1"
}
peak_rss_mib() { # peak RSS of one run, MiB
  /usr/bin/time -f %M "$@" >/dev/null 2>/tmp/ase-lint-rss || true
  awk 'END { printf "%.1f", $1 / 1024 }' /tmp/ase-lint-rss
}
measure() { # name, runs, command...
  local name=$1 runs=$2; shift 2
  hyperfine --style none --warmup 1 --runs "$runs" -i --export-json "/tmp/bench-$name.json" \
    "$(printf '%q ' "$@")" >/dev/null
  printf '%s\t%s\t%s\n' "$name" "$(median "/tmp/bench-$name.json")" "$(peak_rss_mib "$@")"
}

ONE_ORG=$(find "$CORPUS/organizations" -name '*.yaml' | sort | sed -n 1p)
{
  measure cat "$RUNS" sh -c "find $CORPUS -type f \\( -name '*.yaml' -o -name README.md \\) -print0 | xargs -0 cat"
  measure ase-lint "$RUNS" "$BIN" check --quiet --format json "$CORPUS"
  measure ase-lint-one-file 20 "$BIN" check --quiet "$ONE_ORG"
  if [ "${SKIP_PEERS:-0}" != 1 ]; then
    make_peer_subset
    measure yamllint 1 yamllint -d relaxed "$PEERS/organizations"
    measure markdownlint-cli2 1 markdownlint-cli2 "$PEERS/README.md"
    measure ase-lint-orgs "$RUNS" "$BIN" check --quiet --format json "$PEERS/organizations"
    measure ase-lint-readme "$RUNS" "$BIN" check --quiet --format json "$PEERS/README.md"
  fi
} | tee /tmp/bench-results.tsv

python3 - "$ORGS" "$ROWS" "$PEER_ORGS" "$PEER_ROWS" <<'PY'
import sys
rows = dict((l.split("\t")[0], l.split("\t")[1:]) for l in open("/tmp/bench-results.tsv"))
t = {k: float(v[0]) for k, v in rows.items()}
print(f"\ncorpus: {sys.argv[1]} org files + a {sys.argv[2]}-row README")
print("| tool | median | peak RSS |\n|---|---|---|")
for k, (m, rss) in rows.items():
    print(f"| {k} | {float(m)*1000:.1f} ms | {rss.strip()} MiB |")
print(f"\nase-lint / cat: {t['ase-lint'] / t['cat']:.2f}x")
if "yamllint" in t:
    print(f"yamllint / ase-lint ({sys.argv[3]} org files): {t['yamllint'] / t['ase-lint-orgs']:.0f}x")
    print(f"markdownlint-cli2 / ase-lint ({sys.argv[4]}-row README): {t['markdownlint-cli2'] / t['ase-lint-readme']:.0f}x")
PY
