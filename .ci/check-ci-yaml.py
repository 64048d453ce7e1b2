#!/usr/bin/env python3
"""Validates GitLab CI YAML against GitLab's CI schema (check-jsonschema's vendored
`vendor.gitlab-ci`): .gitlab-ci.yml and every templates/*.yml. A CI/CD component is two
YAML documents (the `spec:` header, `---`, the jobs), which check-jsonschema does not read
as one file; each document is validated on its own. Needs PyYAML (a check-jsonschema
dependency's dependency) and check-jsonschema on PATH."""

import glob
import json
import re
import subprocess
import sys
import tempfile
from pathlib import Path

import yaml


def inputs_match(name, header, text) -> bool:
    """Every `$[[ inputs.X ]]` the component uses is declared under spec:inputs, and every
    declared input is used (the schema does not check either)."""
    declared = set((header.get("spec") or {}).get("inputs") or {})
    used = set(re.findall(r"\$\[\[\s*inputs\.([A-Za-z0-9_-]+)", text))
    for missing in sorted(used - declared):
        print(f"{name}: $[[ inputs.{missing} ]] is not declared in spec:inputs", file=sys.stderr)
    for unused in sorted(declared - used):
        print(f"{name}: input `{unused}` is declared but never used", file=sys.stderr)
    return used == declared


def main() -> int:
    root = Path(__file__).resolve().parent.parent
    files = [root / ".gitlab-ci.yml", *sorted(Path(p) for p in glob.glob(str(root / "templates" / "*.yml")))]
    failed = False
    with tempfile.TemporaryDirectory() as tmp:
        for path in files:
            docs = [d for d in yaml.safe_load_all(path.read_text()) if d is not None]
            if not docs:
                print(f"{path.relative_to(root)}: empty", file=sys.stderr)
                failed = True
                continue
            if len(docs) > 2 or (len(docs) == 2 and set(docs[0]) != {"spec"}):
                print(f"{path.relative_to(root)}: expected `spec:` --- jobs", file=sys.stderr)
                failed = True
            if len(docs) == 2:
                failed |= not inputs_match(path.relative_to(root), docs[0], path.read_text())
            for index, doc in enumerate(docs):
                part = Path(tmp) / f"{path.stem}-{index}.json"
                part.write_text(json.dumps(doc))
                result = subprocess.run(
                    ["check-jsonschema", "--builtin-schema", "vendor.gitlab-ci", str(part)],
                    capture_output=True,
                    text=True,
                )
                where = f"{path.relative_to(root)} (document {index + 1} of {len(docs)})"
                if result.returncode != 0:
                    print(f"{where}: invalid\n{result.stdout}{result.stderr}", file=sys.stderr)
                    failed = True
                else:
                    print(f"{where}: ok")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
