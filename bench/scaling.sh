#!/usr/bin/env bash
# Scaling: ase-lint over generated corpora of growing size (default 1000 5000 10000 50000 org
# files, each with a README of a tenth as many rows). Prints median wall time, CPU time,
# peak RSS and the cost per file, which stays flat when the cost grows linearly.
#
#   bench/scaling.sh [SIZES...]     (RUNS=3 by default)
set -euo pipefail
cd "$(dirname "$0")/.."

SIZES=("${@:-1000 5000 10000 50000}")
read -r -a SIZES <<<"${SIZES[*]}"
RUNS=${RUNS:-3}
command -v hyperfine >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq hyperfine >/dev/null; }
cargo build --release --quiet --bin ase-lint --example gen-corpus
BIN=target/release/ase-lint

echo "| org files | README rows | median wall | CPU (user+sys) | peak RSS | wall per 1,000 files |"
echo "|---|---|---|---|---|---|"
for orgs in "${SIZES[@]}"; do
  rows=$((orgs / 10))
  corpus=target/bench-corpus-$orgs   # shared with compare.sh (same rows: a tenth)
  [ -d "$corpus" ] || target/release/examples/gen-corpus --orgs "$orgs" --rows "$rows" "$corpus" >/dev/null 2>&1
  hyperfine --style none --warmup 1 --runs "$RUNS" -i --export-json /tmp/ase-lint-scaling.json \
    "$BIN check --quiet --format json $corpus" >/dev/null 2>&1
  /usr/bin/time -f '%M' "$BIN" check --quiet --format json "$corpus" >/dev/null 2>/tmp/ase-lint-scaling-rss || true
  python3 - "$orgs" "$rows" <<'PY'
import json, sys
r = json.load(open("/tmp/ase-lint-scaling.json"))["results"][0]
rss = int(open("/tmp/ase-lint-scaling-rss").read().split()[-1]) / 1024
orgs, rows = int(sys.argv[1]), int(sys.argv[2])
cpu = r["user"] + r["system"]
print(f"| {orgs:,} | {rows:,} | {r['median']:.2f} s | {cpu:.2f} s | {rss:.1f} MiB | {r['median'] / orgs * 1000 * 1000:.0f} ms |")
PY
done
