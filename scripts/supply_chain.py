#!/usr/bin/env python3
"""Supply-chain check for CI: every dependency in Cargo.lock must come from crates.io, its
license expression must be satisfiable with the `[licenses] allow` list of deny.toml, its
version must not be yanked, and the `[bans]` rules of deny.toml hold (`wildcards`: no
`*` version requirement in our manifests; `multiple-versions`: a crate in several
versions, a warning by default).

The yanked check reads each crate's file of the crates.io sparse index
(https://index.crates.io); when the index cannot be reached (CI without network) it is
skipped with a notice, and `--offline` skips it outright. Everything else needs no
network.

cargo-deny and cargo-audit need the RustSec advisory database from github.com, which CI
cannot reach, and compiling cargo-deny in CI is too slow; deny.toml is kept for people who
run `cargo deny check` elsewhere, and this script checks the same allow-list. The packages
come from `cargo metadata --locked --format-version 1` (every platform's, so a crate used
only on Windows is checked too); the workspace's own crates are skipped.

    python3 scripts/supply_chain.py               # exit 1 listing offenders, 2 on trouble
    python3 scripts/supply_chain.py --offline     # the same without the yanked check
    python3 scripts/supply_chain.py --self-test   # unit tests (no network)

SPDX expressions: `OR`, `AND` (binds tighter), `WITH` exceptions, parentheses, and the old
`/` separator (read as `OR`); operators in upper or lower case. A `WITH` term is allowed
only when the allow-list names it with its exception (e.g. "Apache-2.0 WITH
LLVM-exception"), as cargo-deny does. Python 3.11+ standard library only.
"""

import json
import re
import subprocess
import sys
import unittest
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CRATES_IO = {
    "registry+https://github.com/rust-lang/crates.io-index",
    "sparse+https://index.crates.io/",
}
TOKEN = re.compile(r"\(|\)|/|[^\s()/]+")
INDEX = "https://index.crates.io"
INDEX_TIMEOUT = 5


class SpdxError(ValueError):
    """A license expression that cannot be parsed."""


def parse(expression):
    """Parses an SPDX expression into nested tuples: ("license", id), ("and", a, b),
    ("or", a, b). Raises SpdxError when it is not a valid expression."""
    tokens = TOKEN.findall(expression or "")
    if not tokens:
        raise SpdxError("empty license expression")
    parser = _Parser(tokens)
    tree = parser.any_of()
    if parser.position != len(tokens):
        raise SpdxError(f"unexpected `{tokens[parser.position]}`")
    return tree


class _Parser:
    """Recursive descent: any_of := all_of (OR all_of)*; all_of := term (AND term)*;
    term := "(" any_of ")" | id [WITH id]."""

    def __init__(self, tokens):
        self.tokens = tokens
        self.position = 0

    def peek(self):
        if self.position < len(self.tokens):
            return self.tokens[self.position]
        return None

    def take(self):
        token = self.peek()
        if token is None:
            raise SpdxError("the expression ends too early")
        self.position += 1
        return token

    def is_operator(self, *names):
        token = self.peek()
        if token == "/" and "OR" in names:
            return True
        return token is not None and token.upper() in names

    def any_of(self):
        tree = self.all_of()
        while self.is_operator("OR"):
            self.take()
            tree = ("or", tree, self.all_of())
        return tree

    def all_of(self):
        tree = self.term()
        while self.is_operator("AND"):
            self.take()
            tree = ("and", tree, self.term())
        return tree

    def term(self):
        token = self.take()
        if token == "(":
            tree = self.any_of()
            if self.take() != ")":
                raise SpdxError("a `(` is not closed")
            return tree
        if token in (")", "/") or token.upper() in ("AND", "OR", "WITH"):
            raise SpdxError(f"a license is missing before `{token}`")
        if self.is_operator("WITH"):
            self.take()
            exception = self.take()
            if exception in ("(", ")", "/") or exception.upper() in ("AND", "OR", "WITH"):
                raise SpdxError(f"`{token} WITH` lacks its exception")
            return ("license", f"{token} WITH {exception}")
        return ("license", token)


def _key(license_id):
    return " ".join(license_id.split()).casefold()


def satisfied(tree, allowed):
    """True when the licenses in `allowed` (a set of _key()s) satisfy `tree`."""
    kind = tree[0]
    if kind == "license":
        return _key(tree[1]) in allowed
    if kind == "and":
        return satisfied(tree[1], allowed) and satisfied(tree[2], allowed)
    return satisfied(tree[1], allowed) or satisfied(tree[2], allowed)


def licenses_in(tree):
    """Every license id (with its exception) in `tree`, in order."""
    if tree[0] == "license":
        return [tree[1]]
    return licenses_in(tree[1]) + licenses_in(tree[2])


def license_problem(expression, allowed):
    """Why `expression` is not acceptable under `allowed`, or None when it is."""
    if not expression:
        return "no license expression (license field missing)"
    try:
        tree = parse(expression)
    except SpdxError as error:
        return f"license `{expression}` cannot be parsed: {error}"
    if satisfied(tree, allowed):
        return None
    missing = sorted({name for name in licenses_in(tree) if _key(name) not in allowed})
    return f"license `{expression}` is not satisfied by deny.toml's allow-list (not allowed: {', '.join(missing)})"


def source_problem(package, workspace):
    """Why the package's source is not acceptable, or None."""
    source = package.get("source")
    if source in CRATES_IO:
        return None
    if source is None:
        return None if package["id"] in workspace else "a path dependency, not from crates.io"
    return f"source `{source}` is not crates.io"


def offenders(metadata, allowed):
    """One line per dependency that breaks a rule, sorted."""
    workspace = set(metadata.get("workspace_members", []))
    found = []
    for package in metadata["packages"]:
        if package["id"] in workspace:
            continue
        name = f"{package['name']} {package['version']}"
        for problem in (
            license_problem(package.get("license"), allowed),
            source_problem(package, workspace),
        ):
            if problem:
                found.append(f"{name}: {problem}")
    return sorted(found)


def index_path(name):
    """The path of a crate's file in the crates.io sparse index."""
    name = name.lower()
    if len(name) <= 2:
        return f"{len(name)}/{name}"
    if len(name) == 3:
        return f"3/{name[0]}/{name}"
    return f"{name[:2]}/{name[2:4]}/{name}"


def is_yanked(index_text, version):
    """True or False from a sparse-index file (one JSON object per line); None when the
    version is not listed."""
    for line in index_text.splitlines():
        if line.strip():
            entry = json.loads(line)
            if entry.get("vers") == version:
                return bool(entry.get("yanked"))
    return None


def fetch_index(name):
    with urllib.request.urlopen(f"{INDEX}/{index_path(name)}", timeout=INDEX_TIMEOUT) as answer:
        return answer.read().decode("utf-8")


def yanked_problems(packages, fetch=fetch_index):
    """(problems, notice): one problem per crates.io package whose version is yanked; the
    notice says why the check was skipped (the index not reachable)."""
    registry = sorted(
        {(p["name"], p["version"]) for p in packages if p.get("source") in CRATES_IO}
    )
    if not registry:
        return [], None
    try:
        fetch(registry[0][0])
    except (OSError, ValueError) as error:
        return [], f"the crates.io index ({INDEX}) is not reachable ({error}); yanked versions were not checked"
    names = sorted({name for name, _ in registry})
    with ThreadPoolExecutor(max_workers=8) as pool:
        texts = dict(zip(names, pool.map(lambda n: _fetch_or_none(fetch, n), names)))
    problems = []
    for name, version in registry:
        text = texts.get(name)
        if text is None:
            problems.append(f"{name} {version}: its crates.io index file could not be read")
        elif is_yanked(text, version):
            problems.append(f"{name} {version}: this version is yanked from crates.io")
    return problems, None


def _fetch_or_none(fetch, name):
    try:
        return fetch(name)
    except (OSError, ValueError):
        return None


WILDCARD = re.compile(r"^\s*[=^~]?\s*\*\s*$")


def bans_problems(metadata, bans):
    """(problems, warnings) by deny.toml's `[bans]`: `wildcards` (a `*` requirement in a
    workspace manifest; path dependencies are exempt) and `multiple-versions` (a crate
    locked in several versions). Each rule's level is "deny", "warn" or "allow"."""
    found = {"deny": [], "warn": [], "allow": []}
    workspace = set(metadata.get("workspace_members", []))
    level = bans.get("wildcards", "allow")
    for package in metadata["packages"]:
        if package["id"] not in workspace:
            continue
        for dep in package.get("dependencies", []):
            if dep.get("path") is None and WILDCARD.match(dep.get("req", "")):
                found[level].append(f"{package['name']}: dependency `{dep['name']}` has a wildcard version (`{dep['req']}`)")
    versions = {}
    for package in metadata["packages"]:
        if package["id"] not in workspace:
            versions.setdefault(package["name"], set()).add(package["version"])
    level = bans.get("multiple-versions", "warn")
    for name, seen in sorted(versions.items()):
        if len(seen) > 1:
            found[level].append(f"{name}: {len(seen)} versions ({', '.join(sorted(seen))})")
    return found["deny"], found["warn"]


def deny_config(deny_toml):
    """deny.toml, parsed."""
    try:
        import tomllib
    except ImportError:
        sys.exit("supply chain: needs Python 3.11 or later (tomllib)")
    with open(deny_toml, "rb") as file:
        return tomllib.load(file)


def allowed_licenses(deny_toml):
    """The `[licenses] allow` list of deny.toml, as _key()s."""
    try:
        import tomllib
    except ImportError:
        sys.exit("supply chain: needs Python 3.11 or later (tomllib)")
    with open(deny_toml, "rb") as file:
        config = tomllib.load(file)
    allow = config.get("licenses", {}).get("allow", [])
    if not allow:
        sys.exit(f"supply chain: {deny_toml} has no [licenses] allow list")
    return {_key(name) for name in allow}


def cargo_metadata():
    command = ["cargo", "metadata", "--locked", "--format-version", "1"]
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        sys.stderr.write(result.stderr)
        print(f"supply chain: `{' '.join(command)}` failed (exit {result.returncode})", file=sys.stderr)
        sys.exit(2)
    return json.loads(result.stdout)


def main(offline=False):
    allowed = allowed_licenses(ROOT / "deny.toml")
    bans = deny_config(ROOT / "deny.toml").get("bans", {})
    metadata = cargo_metadata()
    found = offenders(metadata, allowed)
    banned, warnings = bans_problems(metadata, bans)
    found += banned
    if offline:
        notice = "--offline: yanked versions were not checked"
    else:
        yanked, notice = yanked_problems(metadata["packages"])
        found += yanked
    for line in warnings:
        print(f"supply chain: warning: {line}", file=sys.stderr)
    if notice:
        print(f"supply chain: notice: {notice}", file=sys.stderr)
    checked = len(metadata["packages"]) - len(metadata.get("workspace_members", []))
    if found:
        print(f"supply chain: {len(found)} problem(s) in {checked} dependencies:", file=sys.stderr)
        for line in found:
            print(f"  {line}", file=sys.stderr)
        print("Replace the dependency, or (after review) allow its license in deny.toml.", file=sys.stderr)
        return 1
    print(f"supply chain: {checked} dependencies, all from crates.io with licenses deny.toml allows, none banned" + ("" if notice else " or yanked"))
    return 0


class SpdxTests(unittest.TestCase):
    ALLOWED = {_key(name) for name in ["MIT", "Apache-2.0", "ISC", "Apache-2.0 WITH LLVM-exception"]}

    def ok(self, expression):
        return license_problem(expression, self.ALLOWED) is None

    def test_single_and_or(self):
        self.assertTrue(self.ok("MIT"))
        self.assertTrue(self.ok("GPL-3.0 OR MIT"))
        self.assertFalse(self.ok("GPL-3.0"))
        self.assertFalse(self.ok("GPL-3.0 OR LGPL-2.1"))

    def test_and_needs_every_part(self):
        self.assertTrue(self.ok("MIT AND ISC"))
        self.assertFalse(self.ok("MIT AND GPL-3.0"))

    def test_and_binds_tighter_than_or(self):
        self.assertTrue(self.ok("MIT OR GPL-3.0 AND LGPL-2.1"))
        self.assertFalse(self.ok("GPL-3.0 OR MIT AND LGPL-2.1"))

    def test_parentheses(self):
        self.assertTrue(self.ok("ISC AND (Apache-2.0 OR GPL-3.0)"))
        self.assertFalse(self.ok("(MIT OR Apache-2.0) AND BSD-3-Clause"))
        self.assertTrue(self.ok("((MIT))"))

    def test_with_exceptions_must_be_allowed_as_written(self):
        self.assertTrue(self.ok("Apache-2.0 WITH LLVM-exception"))
        self.assertFalse(self.ok("MIT WITH LLVM-exception"))
        self.assertFalse(self.ok("GPL-2.0 WITH Classpath-exception-2.0"))
        self.assertTrue(self.ok("GPL-2.0 WITH Classpath-exception-2.0 OR MIT"))

    def test_old_slash_separator_and_lowercase_operators(self):
        self.assertTrue(self.ok("MIT/Apache-2.0"))
        self.assertTrue(self.ok("Apache-2.0 / MIT"))
        self.assertTrue(self.ok("GPL-3.0/MIT"))
        self.assertFalse(self.ok("GPL-3.0/LGPL-3.0"))
        self.assertTrue(self.ok("mit or apache-2.0"))

    def test_unparsable_and_missing_expressions_are_problems(self):
        for bad in ["", None, "MIT OR", "(MIT", "MIT)", "AND MIT", "MIT WITH", "MIT Apache-2.0"]:
            self.assertFalse(self.ok(bad), bad)

    def test_problem_names_the_licenses_not_allowed(self):
        problem = license_problem("MIT AND (GPL-3.0 OR LGPL-2.1)", self.ALLOWED)
        self.assertIn("not allowed: GPL-3.0, LGPL-2.1", problem)

    def test_offenders_list_licenses_and_sources(self):
        def package(name, license_expression, source):
            return {"id": name, "name": name, "version": "1.0.0", "license": license_expression, "source": source}

        crates_io = "registry+https://github.com/rust-lang/crates.io-index"
        metadata = {
            "workspace_members": ["self"],
            "packages": [
                package("self", None, None),
                package("good", "MIT/Apache-2.0", crates_io),
                package("sparse", "MIT", "sparse+https://index.crates.io/"),
                package("gpl", "GPL-3.0", crates_io),
                package("forked", "MIT", "git+https://example.com/forked?rev=1#1"),
                package("vendored", "MIT", None),
            ],
        }
        found = offenders(metadata, self.ALLOWED)
        self.assertEqual(len(found), 3, found)
        self.assertTrue(found[0].startswith("forked 1.0.0: source `git+https://example.com"), found)
        self.assertTrue(found[1].startswith("gpl 1.0.0: license `GPL-3.0`"), found)
        self.assertEqual(found[2], "vendored 1.0.0: a path dependency, not from crates.io")

    def test_index_paths_follow_the_sparse_index_layout(self):
        self.assertEqual(index_path("a"), "1/a")
        self.assertEqual(index_path("cc"), "2/cc")
        self.assertEqual(index_path("syn"), "3/s/syn")
        self.assertEqual(index_path("Serde"), "se/rd/serde")

    def test_yanked_versions_are_problems(self):
        index = {
            "serde": '{"name":"serde","vers":"1.0.0","yanked":false}\n{"name":"serde","vers":"1.0.1","yanked":true}\n',
        }
        crates_io = "registry+https://github.com/rust-lang/crates.io-index"
        packages = [
            {"name": "serde", "version": "1.0.1", "source": crates_io},
            {"name": "serde", "version": "1.0.0", "source": crates_io},
            {"name": "local", "version": "0.1.0", "source": None},
        ]
        problems, notice = yanked_problems(packages, lambda name: index[name])
        self.assertIsNone(notice)
        self.assertEqual(problems, ["serde 1.0.1: this version is yanked from crates.io"])

    def test_an_unreachable_index_is_a_notice_not_a_failure(self):
        def offline(name):
            raise OSError("no network")

        packages = [{"name": "serde", "version": "1.0.0", "source": "sparse+https://index.crates.io/"}]
        problems, notice = yanked_problems(packages, offline)
        self.assertEqual(problems, [])
        self.assertIn("not reachable", notice)

    def test_bans_wildcards_deny_and_duplicates_warn(self):
        metadata = {
            "workspace_members": ["self"],
            "packages": [
                {"id": "self", "name": "self", "version": "0.1.0", "dependencies": [
                    {"name": "any", "req": "*"},
                    {"name": "pinned", "req": "^1.2"},
                    {"name": "local", "req": "*", "path": "/x"},
                ]},
                {"id": "a1", "name": "dup", "version": "1.0.0"},
                {"id": "a2", "name": "dup", "version": "2.0.0"},
            ],
        }
        banned, warned = bans_problems(metadata, {"wildcards": "deny", "multiple-versions": "warn"})
        self.assertEqual(banned, ["self: dependency `any` has a wildcard version (`*`)"])
        self.assertEqual(warned, ["dup: 2 versions (1.0.0, 2.0.0)"])

    def test_the_committed_bans_are_wildcards_deny_duplicates_warn(self):
        bans = deny_config(ROOT / "deny.toml")["bans"]
        self.assertEqual(bans["wildcards"], "deny")
        self.assertEqual(bans["multiple-versions"], "warn")

    def test_the_committed_allow_list_reads(self):
        allowed = allowed_licenses(ROOT / "deny.toml")
        self.assertIn("mit", allowed)
        self.assertIn("apache-2.0 with llvm-exception", allowed)


if __name__ == "__main__":
    if sys.argv[1:] == ["--self-test"]:
        suite = unittest.defaultTestLoader.loadTestsFromTestCase(SpdxTests)
        outcome = unittest.TextTestRunner(verbosity=1).run(suite)
        sys.exit(0 if outcome.wasSuccessful() else 1)
    if sys.argv[1:] == ["--offline"]:
        sys.exit(main(offline=True))
    if sys.argv[1:]:
        sys.exit(f"usage: {sys.argv[0]} [--self-test | --offline]")
    sys.exit(main())
