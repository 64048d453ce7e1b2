#!/bin/sh
# Packs a release binary for the Generic Package Registry (the release job runs it).
#
#   scripts/package-release.sh VERSION TARGET BINARY OUTDIR
#
# Writes OUTDIR/ase-lint-VERSION-TARGET.tar.gz (one folder ase-lint-VERSION-TARGET/ holding
# `ase-lint`, README.md) and OUTDIR/ase-lint-VERSION-TARGET.tar.gz.sha256 (sha256sum's
# format: `<digest>  <file name>`), the two files scripts/install.sh downloads. File times
# and owners in the tarball are fixed, so the same binary gives the same tarball.
set -eu

[ $# -eq 4 ] || { echo "usage: package-release.sh VERSION TARGET BINARY OUTDIR" >&2; exit 2; }
version="${1#v}"
target="$2"
binary="$3"
outdir="$4"
here="$(cd "$(dirname "$0")/.." && pwd)"

printf '%s\n' "$version" | grep -Eq '^[0-9]+\.[0-9]+\.[0-9]+(-[0-9A-Za-z.]+)?$' \
    || { echo "package-release.sh: \`$version\` is not a version like 1.2.3" >&2; exit 2; }
[ -f "$binary" ] || { echo "package-release.sh: no binary at $binary" >&2; exit 2; }

name="ase-lint-$version-$target"
stage="$(mktemp -d "${TMPDIR:-/tmp}/ase-lint-package.XXXXXX")"
trap 'rm -rf "$stage"' EXIT INT TERM
mkdir -p "$stage/$name" "$outdir"
cp "$binary" "$stage/$name/ase-lint"
chmod 0755 "$stage/$name/ase-lint"
cp "$here/README.md" "$stage/$name/README.md"
chmod 0644 "$stage/$name/README.md"

(cd "$stage" && tar --sort=name --mtime='@0' --owner=0 --group=0 --numeric-owner \
    -cf - "$name") | gzip -n -9 > "$outdir/$name.tar.gz"
(cd "$outdir" && sha256sum "$name.tar.gz" > "$name.tar.gz.sha256")
echo "$outdir/$name.tar.gz"
echo "$outdir/$name.tar.gz.sha256"
