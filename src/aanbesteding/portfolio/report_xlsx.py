"""The portfolio report as an Excel workbook: overview, systems, contracts, conflicts,
reading problems and the lead times. Every text goes through ``put_text`` (never a formula)."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from collections.abc import Sequence

from openpyxl import Workbook
from openpyxl.worksheet.worksheet import Worksheet
from openpyxl.writer.excel import ExcelWriter

from aanbesteding.domain import Laag
from aanbesteding.portfolio import report_rows as rr
from aanbesteding.portfolio.analysis import Portfolio
from aanbesteding.support.output import normalize_zip
from aanbesteding.writers.xlsx.cells import (
    BOLD,
    EURO,
    TITLE_FONT,
    TOP,
    WRAP,
    col,
    fit_height,
    header_row,
    put_number,
    put_text,
    widths,
)

DATE_FORMAT = "dd-mm-yyyy"


def put(ws: Worksheet, row: int, column: int, value: rr.Cell, number_format: str | None = None) -> None:
    """A value of a report row: dates and numbers as such, everything else as literal text."""
    if isinstance(value, dt.date):
        cell = put_number(ws, row, column, None)
        cell.value = value
        cell.number_format = DATE_FORMAT
        cell.alignment = TOP
    elif isinstance(value, int | float) and not isinstance(value, bool):
        put_number(ws, row, column, value, number_format).alignment = TOP
    elif value not in (None, ""):
        put_text(ws, row, column, str(value)).alignment = WRAP


def table(
    ws: Worksheet,
    headers: Sequence[str],
    rows: Sequence[Sequence[rr.Cell]],
    sizes: Sequence[float],
    formats: dict[int, str] | None = None,
) -> None:
    """A sheet holding one table: header, rows, filter, frozen header."""
    header_row(ws, headers, height=30)
    for r, row in enumerate(rows, start=2):
        for c, value in enumerate(row, start=1):
            put(ws, r, c, value, (formats or {}).get(c))
        fit_height(ws, r, [(str(v), w) for v, w in zip(row, sizes, strict=False) if isinstance(v, str)])
    widths(ws, {i: w for i, w in enumerate(sizes, start=1)})
    ws.freeze_panes = "B2"
    ws.auto_filter.ref = f"A1:{col(len(headers))}{max(len(rows) + 1, 2)}"
    fit_width(ws)


def fit_width(ws: Worksheet, landscape: bool = True) -> None:
    """Print the sheet one page wide (as many pages long as needed)."""
    ws.page_setup.orientation = "landscape" if landscape else "portrait"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    if ws.sheet_properties.pageSetUpPr is not None:
        ws.sheet_properties.pageSetUpPr.fitToPage = True


def _overview(ws: Worksheet, p: Portfolio) -> None:
    put_text(ws, 1, 1, f"Portfolio en verlengingstoets – {p.organisation}", font=TITLE_FONT)
    facts: list[tuple[str, rr.Cell]] = [
        ("Register", p.register.source),
        ("Peildatum", p.peildatum),
        ("Horizon (maanden)", p.horizon),
        ("Systemen", len(p.systems)),
        ("Contracten", len(p.contracts)),
        ("Conflicten", len(p.conflicts)),
        ("Meldingen bij het inlezen", len(p.issues)),
    ]
    for r, (label, value) in enumerate(facts, start=3):
        put_text(ws, r, 1, label, font=BOLD)
        put(ws, r, 2, value)
    row = 3 + len(facts) + 1
    blocks: tuple[tuple[str, tuple[str, ...], list[tuple[str, int, int, int]]], ...] = (
        ("Systemen per laag", ("Laag", "Systemen", "waarvan uit BIA", "waarvan opgegeven"), rr.tier_counts(p)),
        ("Contracten per termijn", ("Termijn", "Contracten", "verlengingstoets", "aanbesteden"), rr.bucket_counts(p)),
    )
    for title, headers, rows in blocks:
        put_text(ws, row, 1, title, font=BOLD)
        for c, head in enumerate(headers, start=1):
            put_text(ws, row + 1, c, head, font=BOLD)
        for r, values in enumerate(rows, start=row + 2):
            cells: tuple[rr.Cell, ...] = values
            for c, item in enumerate(cells, start=1):
                put(ws, r, c, item)
        row += len(rows) + 3
    widths(ws, {1: 30, 2: 20, 3: 18, 4: 18})
    fit_width(ws, landscape=False)


def _policy(ws: Worksheet, p: Portfolio) -> None:
    header_row(ws, ("Laag", "Verlengingstoets (maanden)", "Aanbesteden (maanden)"), height=30)
    for r, laag in enumerate(Laag, start=2):
        put_text(ws, r, 1, laag.label)
        put_number(ws, r, 2, p.lead_times[laag].verlengingstoets)
        put_number(ws, r, 3, p.lead_times[laag].aanbesteden)
    put_text(ws, 6, 1, "Zo is gerekend", font=BOLD)
    for r, paragraph in enumerate(rr.METHOD, start=7):
        put_text(ws, r, 1, paragraph).alignment = WRAP
        ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=3)
        ws.row_dimensions[r].height = 14 * (len(paragraph) // 95 + 1)
    widths(ws, {1: 50, 2: 28, 3: 28})
    fit_width(ws, landscape=False)


def report_xlsx_bytes(p: Portfolio) -> bytes:
    """The report workbook; the same portfolio gives the same bytes."""
    wb = Workbook()
    overview = wb.active
    assert overview is not None
    overview.title = "Overzicht"
    _overview(overview, p)
    table(
        wb.create_sheet("Contracten"),
        rr.CONTRACT_HEADERS,
        rr.contract_rows(p),
        (14, 18, 16, 16, 5, 20, 11, 11, 13, 15, 10, 11, 10, 12, 44),
        {14: EURO},
    )
    table(
        wb.create_sheet("Systemen"),
        rr.SYSTEM_HEADERS,
        rr.system_rows(p),
        (22, 16, 11, 16, 16, 16, 11, 16, 14, 12, 12, 22, 50),
    )
    table(wb.create_sheet("Conflicten"), ("Conflict", "Betreft", "Toelichting"), rr.conflict_rows(p), (32, 24, 80))
    table(
        wb.create_sheet("Meldingen"),
        ("Bestand", "Blad", "Rij", "Kolom", "Melding"),
        rr.issue_rows(p),
        (22, 12, 6, 18, 80),
    )
    _policy(wb.create_sheet("Beslistermijnen"), p)
    stamp = dt.datetime.combine(p.peildatum, dt.time())
    wb.properties.created = wb.properties.modified = stamp
    wb.properties.creator = wb.properties.lastModifiedBy = "aanbesteding"
    wb.properties.title = f"Portfolio en verlengingstoets – {p.organisation}"[:200]
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        ExcelWriter(wb, archive).write_data()
    return normalize_zip(buffer.getvalue(), p.peildatum)
