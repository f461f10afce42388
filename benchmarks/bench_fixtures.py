"""Preparation for the benchmark (not timed): content extraction and a synthetic clause library.

- :func:`extract_content` reads the annex (.docx) and grid (.xlsx) that ``aanbesteding genereer``
  wrote and stores their content as JSON for ``plain_baseline.py``.
- :func:`build_library` copies a clause library and replicates its clauses under new ids.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
from pathlib import Path
from typing import Any

import docx
import openpyxl
from docx.table import Table

ID_LINE = re.compile(r"^id:[^\n]*$", re.MULTILINE)


def _table_rows(table: Table) -> list[list[str]]:
    return [[cell.text for cell in row.cells] for row in table.rows]


def docx_content(path: Path) -> list[dict[str, Any]]:
    """Body paragraphs (text, style name) and tables (cell texts), in document order."""
    document = docx.Document(str(path))
    items: list[dict[str, Any]] = []
    for block in document.iter_inner_content():
        if isinstance(block, Table):
            items.append({"tabel": _table_rows(block)})
        else:
            style = block.style.name if block.style is not None else None
            items.append({"alinea": block.text, "stijl": style})
    return items


def encode_value(value: object) -> object:
    """A cell value as JSON: numbers, text (formulas included) and booleans as they are."""
    if value is None or isinstance(value, str | int | float | bool):
        return value
    if isinstance(value, dt.datetime | dt.date | dt.time):
        return {"iso": value.isoformat(), "soort": type(value).__name__}
    text = getattr(value, "text", None)  # ArrayFormula and the like keep their formula in .text
    return text if isinstance(text, str) else str(value)


def xlsx_content(path: Path) -> list[dict[str, Any]]:
    """Per sheet: its title and every non-empty cell as [row, column, value] (formula strings kept)."""
    workbook = openpyxl.load_workbook(path)  # data_only=False: formulas stay formula strings
    sheets: list[dict[str, Any]] = []
    for sheet in workbook.worksheets:
        cells = [
            [cell.row, cell.column, encode_value(cell.value)]
            for row in sheet.iter_rows()
            for cell in row
            if cell.value is not None
        ]
        sheets.append({"naam": sheet.title, "cellen": cells})
    return sheets


def extract_content(annex: Path, grid: Path, target: Path) -> dict[str, int]:
    """Write the content of ``annex`` and ``grid`` to ``target`` (JSON); return a few counts."""
    paragraphs = docx_content(annex)
    sheets = xlsx_content(grid)
    target.write_text(json.dumps({"docx": paragraphs, "xlsx": sheets}, ensure_ascii=False), encoding="utf-8")
    return {
        "alineas": sum(1 for item in paragraphs if "alinea" in item),
        "tabellen": sum(1 for item in paragraphs if "tabel" in item),
        "tabelcellen": sum(len(row) for item in paragraphs for row in item.get("tabel", [])),
        "bladen": len(sheets),
        "cellen": sum(len(sheet["cellen"]) for sheet in sheets),
    }


def build_library(source: Path, target: Path, total: int) -> int:
    """Copy the library ``source`` to ``target`` and add copies of its clauses until there are ``total``.

    A copy of ``<thema>/<id>.yaml`` becomes ``<thema>/<id>-sNNNN.yaml`` with its ``id:`` line
    rewritten to match the file name. Returns the number of clause files.
    """
    shutil.copytree(source, target, ignore=shutil.ignore_patterns("__pycache__", ".*"))
    originals = sorted(target.glob("*/*.yaml"), key=lambda p: p.relative_to(target).as_posix())
    if not originals:
        raise ValueError(f"geen clausulebestanden (<thema>/<id>.yaml) gevonden in {source}")
    count = len(originals)
    round_no = 0
    while count < total:
        round_no += 1
        for path in originals:
            if count >= total:
                break
            new_id = f"{path.stem}-s{round_no:04d}"
            text, found = ID_LINE.subn(f"id: {new_id}", path.read_text(encoding="utf-8"), count=1)
            if found != 1:
                raise ValueError(f"geen regel 'id: ...' gevonden in {path}")
            (path.parent / f"{new_id}.yaml").write_text(text, encoding="utf-8")
            count += 1
    return count
