"""Baseline for ``aanbesteding bibliotheek overzicht PAD``: parse every .yaml file in PAD with libyaml.

Usage: ``python benchmarks/parse_yaml.py PAD``

Reads each ``*.yaml`` file under PAD (recursively) and loads it with PyYAML's C loader
(``yaml.CSafeLoader``). No validation, no output. Runs as a fresh process, so interpreter start
and the import of PyYAML count, as for ``aanbesteding``.
"""

from __future__ import annotations

import sys
from pathlib import Path

import yaml


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print(__doc__, file=sys.stderr)
        return 2
    loaded = 0
    for path in sorted(Path(argv[0]).rglob("*.yaml")):
        yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
        loaded += 1
    return 0 if loaded else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
