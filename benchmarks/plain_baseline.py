"""Baseline for ``aanbesteding genereer``: write the same content with python-docx and openpyxl, no composition.

Usage: ``python benchmarks/plain_baseline.py INHOUD.json UIT.docx UIT.xlsx``

INHOUD.json is made by ``bench_fixtures.extract_content`` from a generated annex and grid. This
script only writes: every body paragraph (with its style if the default template has that
paragraph style), every table with its cell texts, and every sheet with its cell values
(formulas as formula strings). No library loading, no validation, no formatting, no fields.
It runs as a fresh process, so interpreter start and imports count, as for ``aanbesteding``.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path
from typing import Any

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from openpyxl import Workbook


def decode_value(value: Any) -> Any:
    if not isinstance(value, dict):
        return value
    if value["soort"] == "datetime":
        return dt.datetime.fromisoformat(value["iso"])
    if value["soort"] == "date":
        return dt.date.fromisoformat(value["iso"])
    return dt.time.fromisoformat(value["iso"])


def write_docx(items: list[dict[str, Any]], target: Path) -> None:
    document = Document()
    styles = {style.name for style in document.styles if style.type == WD_STYLE_TYPE.PARAGRAPH}
    for item in items:
        if "tabel" in item:
            rows: list[list[str]] = item["tabel"]
            table = document.add_table(rows=len(rows), cols=max((len(row) for row in rows), default=1))
            for table_row, texts in zip(table.rows, rows, strict=True):
                for cell, text in zip(table_row.cells, texts, strict=False):
                    cell.text = text
        else:
            style = item["stijl"] if item["stijl"] in styles else None
            document.add_paragraph(item["alinea"], style=style)
    document.save(str(target))


def write_xlsx(sheets: list[dict[str, Any]], target: Path) -> None:
    workbook = Workbook()
    for index, sheet in enumerate(sheets):
        worksheet = workbook.active if index == 0 else workbook.create_sheet()
        assert worksheet is not None
        worksheet.title = sheet["naam"]
        for row, column, value in sheet["cellen"]:
            worksheet.cell(row=row, column=column, value=decode_value(value))
    workbook.save(target)


def main(argv: list[str]) -> int:
    if len(argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    content = json.loads(Path(argv[0]).read_text(encoding="utf-8"))
    write_docx(content["docx"], Path(argv[1]))
    write_xlsx(content["xlsx"], Path(argv[2]))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
