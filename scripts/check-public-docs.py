#!/usr/bin/env python3
"""Lists every public or open declaration in Sources/ without a doc comment (`///` or a
closing `*/` directly above it, attributes skipped) and exits 1 when there is one.
Run by `scripts/dev.sh test`. Package and internal declarations are not checked."""
import pathlib
import re
import sys

root = pathlib.Path(__file__).resolve().parent.parent
declaration = re.compile(r'^\s*(@\w+(\([^)]*\))?\s+)*(public|open)\s')
attribute = re.compile(r'^\s*@\w+')
missing = []
total = 0
for path in sorted((root / "Sources").rglob("*.swift")):
    lines = path.read_text(encoding="utf-8").split("\n")
    for i, line in enumerate(lines):
        if not declaration.match(line) or re.match(r'^\s*public\s+(extension|import)\b', line):
            continue
        total += 1
        j = i - 1
        while j >= 0 and attribute.match(lines[j]):
            j -= 1
        above = lines[j].strip() if j >= 0 else ""
        if not (above.startswith("///") or above.endswith("*/")):
            missing.append(f"{path.relative_to(root)}:{i + 1}: {line.strip()}")
for m in missing:
    print(m)
print(f"{len(missing)} of {total} public declarations have no doc comment", file=sys.stderr)
sys.exit(1 if missing else 0)
