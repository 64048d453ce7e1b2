#!/bin/sh
# Uploads release files to the project's Generic Package Registry (the release job runs it).
#
#   scripts/upload-release.sh VERSION FILE...
#
# PUTs each FILE to
#   $CI_API_V4_URL/projects/$CI_PROJECT_ID/packages/generic/ase-lint/VERSION/<file name>
# authenticated with the job's CI_JOB_TOKEN in the `JOB-TOKEN` header. The header is
# given to curl on stdin, never on its command line (process lists are public), and curl
# gets no redirect-following: the token goes to that URL only. Any failure: exit 1.
set -eu

fail() {
    echo "upload-release.sh: error: $*" >&2
    exit 1
}

[ $# -ge 2 ] || { echo "usage: upload-release.sh VERSION FILE..." >&2; exit 2; }
version="${1#v}"
shift
printf '%s\n' "$version" | grep -Eq '^[0-9]+\.[0-9]+\.[0-9]+(-[0-9A-Za-z.]+)?$' \
    || fail "\`$version\` is not a version like 1.2.3"
: "${CI_API_V4_URL:?upload-release.sh: CI_API_V4_URL is not set}"
: "${CI_PROJECT_ID:?upload-release.sh: CI_PROJECT_ID is not set}"
[ -n "${CI_JOB_TOKEN:-}" ] || fail "CI_JOB_TOKEN is not set"
package_url="${CI_API_V4_URL%/}/projects/$CI_PROJECT_ID/packages/generic/ase-lint/$version"

for file in "$@"; do
    [ -f "$file" ] || fail "no file $file"
    base="$(basename "$file")"
    case "$base" in
        *[!0-9A-Za-z_.+-]*) fail "\`$base\`: the registry accepts letters, digits, . _ - + only" ;;
    esac
    echo "upload-release.sh: PUT $package_url/$base" >&2
    status="$(printf 'JOB-TOKEN: %s\n' "$CI_JOB_TOKEN" \
        | curl --silent --show-error --header @- --upload-file "$file" \
            --retry "${ASE_LINT_UPLOAD_RETRIES:-3}" --retry-connrefused --connect-timeout 20 --max-time 600 \
            --output /dev/null --write-out '%{http_code}' "$package_url/$base")" \
        || fail "uploading $base failed (HTTP ${status:-no answer})"
    case "$status" in
        2??) ;;
        *) fail "uploading $base: HTTP $status from the package registry" ;;
    esac
done
echo "upload-release.sh: uploaded $# file(s) to $package_url" >&2
