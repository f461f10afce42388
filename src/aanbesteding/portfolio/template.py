"""The empty register: the sheets Systemen and Contracten with a commented header row,
dropdowns for the columns with fixed values, and a sheet that explains them."""

from __future__ import annotations

import datetime as dt
import io
import zipfile

from openpyxl import Workbook
from openpyxl.comments import Comment
from openpyxl.worksheet.worksheet import Worksheet
from openpyxl.writer.excel import ExcelWriter

from aanbesteding.portfolio.columns import (
    CONTRACT_COLUMNS,
    CONTRACTS_SHEET,
    SYSTEM_COLUMNS,
    SYSTEMS_SHEET,
    Column,
)
from aanbesteding.support.output import normalize_zip
from aanbesteding.writers.xlsx.cells import (
    WRAP,
    col,
    header_row,
    list_validation,
    number_validation,
    put_text,
    quote,
    widths,
)

INPUT_ROWS = 500  # rows that get the dropdowns
STAMP = dt.date(2026, 1, 1)  # a fixed date: the empty register is the same file every time

EXPLANATION = (
    "Het register heeft twee bladen. Systemen: één rij per systeem, met de laag (1, 2 of 3) of de "
    "antwoorden op de BIA-vragen, waaruit het rapport de laag afleidt. Contracten: één rij per "
    "contract, met de systemen die eronder vallen en de looptijd: einddatum van de initiële "
    "looptijd, soort verlenging, verlengingsperiode, resterende opties, uiterste einddatum en "
    "opzegtermijn. Het rapport berekent daaruit per contract de uiterste opzegdag van de lopende "
    "periode en de beslisdatum.",
    "Kolomkoppen worden op naam herkend, ook in een andere volgorde en met gangbare andere "
    "namen (bijvoorbeeld uit een export van de GEMMA Softwarecatalogus). Kolommen die het rapport "
    "niet kent, worden overgeslagen.",
    "Datums als JJJJ-MM-DD. Een opzegtermijn als '3 maanden' of '90 dagen'. Het rapport verandert "
    "niets aan dit bestand.",
)


def _sheet(ws: Worksheet, columns: tuple[Column, ...]) -> None:
    header_row(ws, [c.heading for c in columns], height=32)
    ws.freeze_panes = "B2"
    for index, column in enumerate(columns, start=1):
        note = column.help + (" Verplicht." if column.required else "")
        comment = Comment(note, "aanbesteding", width=320, height=140)
        ws.cell(row=1, column=index).comment = comment
        cells = f"{col(index)}2:{col(index)}{INPUT_ROWS + 1}"
        if column.kind == "keuze":
            list_validation(ws, quote(",".join(column.choices)), cells, f"Kies uit: {', '.join(column.choices)}")
        elif column.kind == "geheel":
            number_validation(ws, cells, 0, 600, "Een geheel getal (0 of meer).", whole=True)
        elif column.kind == "bedrag":
            number_validation(ws, cells, 0, None, "Een bedrag in euro's (0 of meer).")
        if column.kind == "datum":
            for row in range(2, INPUT_ROWS + 2):
                ws.cell(row=row, column=index).number_format = "yyyy-mm-dd"
    widths(ws, {i: c.width for i, c in enumerate(columns, start=1)})


def register_bytes() -> bytes:
    """The empty register as .xlsx bytes (always the same bytes)."""
    wb = Workbook()
    systems = wb.active
    assert systems is not None
    systems.title = SYSTEMS_SHEET
    _sheet(systems, SYSTEM_COLUMNS)
    _sheet(wb.create_sheet(CONTRACTS_SHEET), CONTRACT_COLUMNS)
    info = wb.create_sheet("Toelichting")
    info.column_dimensions["A"].width = 110
    put_text(info, 1, 1, "Portfolioregister voor aanbesteding portfolio rapport")
    for row, paragraph in enumerate(EXPLANATION, start=3):
        put_text(info, row, 1, paragraph).alignment = WRAP
        info.row_dimensions[row].height = 15 * (len(paragraph) // 100 + 1)
    stamp = dt.datetime.combine(STAMP, dt.time())
    wb.properties.created = wb.properties.modified = stamp
    wb.properties.creator = wb.properties.lastModifiedBy = "aanbesteding"
    wb.properties.title = "Portfolioregister"
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        ExcelWriter(wb, archive).write_data()
    return normalize_zip(buffer.getvalue(), STAMP)
