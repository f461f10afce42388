"""Benchmark: library load + validation, one annex, one grid, and a plain python-docx baseline.

Run from the repository root: ``python scripts/bench.py [--herhalingen N]``. Prints medians;
numbers go into issue notes, never into tests.
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import statistics
import subprocess
import sys
import time
from collections.abc import Callable

import docx

from aanbesteding.compose.composer import compose_annex
from aanbesteding.library.loader import load_library
from aanbesteding.tender.model import build_tender
from aanbesteding.writers.docx.annex import annex_bytes


def median_ms(func: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        func()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def plain_docx(paragraphs: int, tables: int) -> bytes:
    """The baseline: python-docx writing the same number of paragraphs and tables, no logic."""
    doc = docx.Document()
    for i in range(paragraphs):
        doc.add_paragraph(f"Alinea {i} " + "tekst " * 40)
    for _ in range(tables):
        table = doc.add_table(rows=10, cols=3)
        for row in table.rows:
            for cell in row.cells:
                cell.text = "cel"
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--herhalingen", type=int, default=7)
    repeat = parser.parse_args().herhalingen

    library = load_library()
    tender = build_tender({"laag": "1", "contracttype": "saas", "datum": dt.date(2026, 11, 23)})
    annex = compose_annex(library, tender)
    document = docx.Document(io.BytesIO(annex_bytes(annex)))
    paragraphs, tables = len(document.paragraphs), len(document.tables)

    print(f"bibliotheek: {len(library.clauses)} clausules; bijlage laag 1 saas: "
          f"{len(annex.requirements)} eisen/wensen/bepalingen, {paragraphs} alinea's, "
          f"{tables} tabellen; mediaan van {repeat} runs")
    cold = median_ms(lambda: subprocess.run(
        [sys.executable, "-m", "aanbesteding", "bibliotheek", "controleer"],
        check=True, capture_output=True), repeat)
    print(f"'bibliotheek controleer' (nieuw proces, incl. opstart): {cold:8.1f} ms")
    print(f"laden + valideren bibliotheek (warm): {median_ms(load_library, repeat):8.1f} ms")
    print(f"samenstellen (compose)        : {median_ms(lambda: compose_annex(library, tender), repeat):8.1f} ms")
    print(f"Word-bijlage (docx-bytes)     : {median_ms(lambda: annex_bytes(annex), repeat):8.1f} ms")
    print(f"kale python-docx, zelfde omvang: {median_ms(lambda: plain_docx(paragraphs, tables), repeat):8.1f} ms")
    try:
        from aanbesteding.writers.xlsx.grid import grid_bytes
    except ImportError:
        return
    print(f"Excel-matrix (xlsx-bytes)     : {median_ms(lambda: grid_bytes(annex), repeat):8.1f} ms")


if __name__ == "__main__":
    main()
