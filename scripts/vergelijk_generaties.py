"""Compare two sets of generated documents: bytes first, then the text inside.

Used to show that a change to the clause files or the code keeps what bidders and the dossier
read. Generate the same combinations twice (before and after), for example::

    for l in 1 2 3; do for t in saas paas iaas hosting licentie; do
      python -m aanbesteding genereer --laag $l --contracttype $t --organisatie X --kenmerk K \\
        --datum 2026-12-07 --json --uitvoer BEFORE/l$l-$t
    done; done

(``python scripts/vergelijk_generaties.py --maak DIR`` does exactly that with the code and the
library it runs with) and run ``python scripts/vergelijk_generaties.py BEFORE AFTER``. Per file it prints
``identiek`` (same bytes), ``zelfde tekst`` (other bytes, same extracted text) or the differing
paragraphs. The verantwoording's file hashes and the library hash change with any edit of the
library; they are reported apart (``alleen hashes``), and so is a verantwoording that only lost
rows of its parameter table (``alleen parameterrijen weg``: since December 2026 it lists only
the parameters the tier's texts use). The exit status is 1 when a text differs otherwise.
"""

from __future__ import annotations

import argparse
import difflib
import json
import re
import sys
from pathlib import Path
from typing import Any

from docx import Document
from openpyxl import load_workbook

HASH = re.compile(r"\b[0-9a-f]{64}\b")
# A row of the verantwoording's parameter table (Nr. | Clausule | Parameter | Waarde | Herkomst).
PARAMETER_ROW = re.compile(r"^[EWB]-\d+ \| [a-z0-9-]+ \| [a-z][a-z0-9_]* \| .* \| (?:standaard|gewijzigd)$")


def docx_text(path: Path) -> list[str]:
    """Every paragraph and table cell of a Word file, in document order, one per line."""
    doc = Document(str(path))
    lines: list[str] = []
    body = doc.element.body
    for child in body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            lines.append("".join(t.text or "" for t in child.iter() if t.tag.endswith("}t")))
        elif tag == "tbl":
            for row in child.iter():
                if row.tag.endswith("}tr"):
                    cells = [
                        "".join(t.text or "" for t in cell.iter() if t.tag.endswith("}t"))
                        for cell in row
                        if cell.tag.endswith("}tc")
                    ]
                    lines.append(" | ".join(cells))
    return lines


def xlsx_text(path: Path) -> list[str]:
    workbook = load_workbook(path)
    return [
        f"{sheet.title}!{cell.coordinate}: {cell.value}"
        for sheet in workbook.worksheets
        for row in sheet.iter_rows()
        for cell in row
        if cell.value is not None
    ]


def json_text(path: Path) -> list[str]:
    def walk(value: Any, where: str) -> list[str]:
        if isinstance(value, dict):
            return [x for k, v in value.items() for x in walk(v, f"{where}.{k}")]
        if isinstance(value, list):
            return [x for i, v in enumerate(value) for x in walk(v, f"{where}[{i}]")]
        return [f"{where}: {value}"]

    return walk(json.loads(path.read_text(encoding="utf-8")), "$")


def text_of(path: Path) -> list[str]:
    if path.suffix == ".docx":
        return docx_text(path)
    if path.suffix == ".xlsx":
        return xlsx_text(path)
    if path.suffix == ".json":
        return json_text(path)
    return path.read_text(encoding="utf-8").splitlines()


def compare(before: Path, after: Path) -> tuple[str, list[str]]:
    if before.read_bytes() == after.read_bytes():
        return "identiek", []
    old, new = text_of(before), text_of(after)
    if old == new:
        return "zelfde tekst", []
    old, new = [HASH.sub("#", x) for x in old], [HASH.sub("#", x) for x in new]
    if old == new:
        return "alleen hashes", []
    diff = [
        line for line in difflib.unified_diff(old, new, lineterm="", n=0) if not line.startswith(("---", "+++", "@@"))
    ]
    if all(line.startswith("-") and PARAMETER_ROW.match(line[1:]) for line in diff):
        return "alleen parameterrijen weg", diff
    return "verschilt", diff


TIERS = ("1", "2", "3")
CONTRACT_TYPES = ("saas", "paas", "iaas", "hosting", "licentie")


def make(folder: Path) -> None:
    """Generate the 15 tier x contract type combinations into ``folder`` (fixed inputs)."""
    import subprocess

    folder.mkdir(parents=True, exist_ok=True)
    for tier in TIERS:
        for contract_type in CONTRACT_TYPES:
            args = ["--laag", tier, "--contracttype", contract_type, "--organisatie", "Gemeente Voorbeeld"]
            args += ["--kenmerk", "INK-2026-042", "--datum", "2026-12-07", "--json", "--force"]
            args += ["--uitvoer", str(folder / f"l{tier}-{contract_type}")]
            subprocess.run([sys.executable, "-m", "aanbesteding", "genereer", *args], check=True, capture_output=True)


def main(argv: list[str] | None = None) -> int:
    if argv is None:
        argv = sys.argv[1:]
    if argv[:1] == ["--maak"] and len(argv) == 2:
        make(Path(argv[1]))
        return 0
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("before", type=Path)
    parser.add_argument("after", type=Path)
    parser.add_argument("--details", action="store_true", help="print the differing lines")
    args = parser.parse_args(argv)
    summary: dict[str, dict[str, int]] = {}
    differs = False
    for old in sorted(args.before.glob("*")):
        if old.suffix not in (".docx", ".xlsx", ".json") or old.name.endswith(".manifest.json"):
            continue
        new = args.after / old.name
        kind = re.sub(r"^l\d-[a-z]+", "", old.name) or old.suffix
        if not new.exists():
            print(f"{old.name}: ontbreekt in {args.after}")
            differs = True
            continue
        verdict, diff = compare(old, new)
        summary.setdefault(kind, {}).setdefault(verdict, 0)
        summary[kind][verdict] += 1
        if diff:
            differs = differs or verdict == "verschilt"
            print(f"{old.name}: {verdict} ({len(diff)} regels)")
            if args.details:
                for line in diff:
                    print(f"    {line[:300]}")
    for kind, verdicts in sorted(summary.items()):
        print(f"{kind}: " + ", ".join(f"{n} {v}" for v, n in sorted(verdicts.items())))
    return 1 if differs else 0


if __name__ == "__main__":
    sys.exit(main())
