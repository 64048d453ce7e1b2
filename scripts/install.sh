#!/bin/sh
# Installs a released ase-lint binary after checking its SHA-256.
#
#   scripts/install.sh VERSION [--base-url URL] [--dir DIR] [--target TRIPLE]
#
# Downloads  URL/VERSION/ase-lint-VERSION-TRIPLE.tar.gz  and its  .sha256  (the layout of
# the ase-lint project's Generic Package Registry, where the release job uploads them),
# compares the tarball's SHA-256 with the one in the .sha256 file, and only then unpacks
# the `ase-lint` binary into DIR (default: $HOME/.local/bin). A missing file, an HTTP
# error, a malformed or mismatching checksum: nothing is installed and the exit status is 1
# (2 for usage errors).
#
# POSIX sh with curl or wget, sha256sum (or shasum), tar and gzip: runs in alpine (busybox)
# as well as debian/ubuntu images. It never sends credentials; run it with ASE_LINT_TOKEN
# unset (the CI/CD component does).
set -eu

DEFAULT_BASE_URL="https://gitlab.com/api/v4/projects/gitlab-com%2Fsupport%2Ftoolbox%2Fase-lint/packages/generic/ase-lint"

usage() {
    echo "usage: install.sh VERSION [--base-url URL] [--dir DIR] [--target TRIPLE]" >&2
    exit 2
}
fail() {
    echo "install.sh: error: $*" >&2
    exit 1
}

version=""
base_url="${ASE_LINT_BASE_URL:-$DEFAULT_BASE_URL}"
dir="${HOME:-/usr/local}/.local/bin"
target="x86_64-unknown-linux-musl"
while [ $# -gt 0 ]; do
    case "$1" in
        --base-url) [ $# -ge 2 ] || usage; base_url="$2"; shift 2 ;;
        --base-url=*) base_url="${1#*=}"; shift ;;
        --dir) [ $# -ge 2 ] || usage; dir="$2"; shift 2 ;;
        --dir=*) dir="${1#*=}"; shift ;;
        --target) [ $# -ge 2 ] || usage; target="$2"; shift 2 ;;
        --target=*) target="${1#*=}"; shift ;;
        -h|--help) usage ;;
        -*) echo "install.sh: unknown option $1" >&2; usage ;;
        *) [ -z "$version" ] || usage; version="$1"; shift ;;
    esac
done
[ -n "$version" ] || usage
version="${version#v}"
# X.Y.Z with an optional pre-release (-rc.1): also keeps the URL and file names plain.
if ! printf '%s\n' "$version" | grep -Eq '^[0-9]+\.[0-9]+\.[0-9]+(-[0-9A-Za-z.]+)?$'; then
    fail "\`$version\` is not a version like 1.2.3"
fi
case "$target" in
    *[!0-9A-Za-z_.-]*|"") fail "\`$target\` is not a target triple" ;;
esac
base_url="${base_url%/}"

name="ase-lint-$version-$target"
tarball="$name.tar.gz"

tmp="$(mktemp -d "${TMPDIR:-/tmp}/ase-lint-install.XXXXXX")"
trap 'rm -rf "$tmp"' EXIT INT TERM

fetch() { # URL FILE
    if command -v curl >/dev/null 2>&1; then
        curl --fail --silent --show-error --location --proto '=https,http' \
            --retry 3 --connect-timeout 20 --max-time 300 -o "$2" "$1"
    elif command -v wget >/dev/null 2>&1; then
        wget -q -T 60 -O "$2" "$1"
    else
        fail "neither curl nor wget is installed"
    fi
}

echo "install.sh: downloading $tarball from $base_url/$version/" >&2
fetch "$base_url/$version/$tarball" "$tmp/$tarball" || fail "cannot download $base_url/$version/$tarball"
fetch "$base_url/$version/$tarball.sha256" "$tmp/$tarball.sha256" \
    || fail "cannot download $base_url/$version/$tarball.sha256; refusing to install an unverified binary"

# The .sha256 file: `<64 hex digits>  <file name>` (sha256sum's format) or the digest alone.
expected="$(head -n 1 "$tmp/$tarball.sha256" | cut -d ' ' -f 1 | tr 'A-F' 'a-f')"
if ! printf '%s\n' "$expected" | grep -Eq '^[0-9a-f]{64}$'; then
    fail "$tarball.sha256 holds no SHA-256 digest; refusing to install"
fi
if command -v sha256sum >/dev/null 2>&1; then
    actual="$(sha256sum "$tmp/$tarball" | cut -d ' ' -f 1)"
elif command -v shasum >/dev/null 2>&1; then
    actual="$(shasum -a 256 "$tmp/$tarball" | cut -d ' ' -f 1)"
else
    fail "neither sha256sum nor shasum is installed; cannot verify the download"
fi
if [ "$actual" != "$expected" ]; then
    fail "checksum mismatch for $tarball: expected $expected, got $actual; refusing to install"
fi

mkdir -p "$tmp/unpacked"
tar -xzf "$tmp/$tarball" -C "$tmp/unpacked" "$name/ase-lint" \
    || fail "$tarball does not hold $name/ase-lint"
binary="$tmp/unpacked/$name/ase-lint"
[ -f "$binary" ] && [ ! -L "$binary" ] || fail "$tarball: $name/ase-lint is not a regular file"

mkdir -p "$dir" || fail "cannot create $dir"
# Copy next to the destination, then rename: an interrupted install never leaves half a binary.
cp "$binary" "$dir/.ase-lint.partial.$$" || fail "cannot write to $dir"
chmod 0755 "$dir/.ase-lint.partial.$$"
mv -f "$dir/.ase-lint.partial.$$" "$dir/ase-lint" || fail "cannot write $dir/ase-lint"
echo "install.sh: installed ase-lint $version ($target, sha256 $actual) to $dir/ase-lint" >&2
