"""The inschrijversformulier: the bidder's answer file, generated beside the bijlage.

Sheets: Instructies, Inschrijver, Vragenlijst, SEAL (when the annex has a SEAL part), Prijs
(when the award model has a price) and the very hidden, locked Kenmerken sheet that identifies
the tender, the form and every requirement row (see :mod:`aanbesteding.responses.form_spec`).
Every sheet is protected and the workbook structure is locked; only input cells are unlocked.
The same annex always gives the same bytes.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from typing import Any

from openpyxl import Workbook
from openpyxl.utils.indexed_list import IndexedList
from openpyxl.workbook.protection import WorkbookProtection
from openpyxl.worksheet.worksheet import Worksheet
from openpyxl.writer.excel import ExcelWriter

from aanbesteding.compose.annex import Annex
from aanbesteding.responses.form_spec import (
    FIRST_DIGEST,
    FIRST_ITEM,
    FORM_KIND,
    IDENT_COLUMN,
    IDENT_FIELDS,
    INSCHRIJVER,
    INSTRUCTIES,
    KENMERKEN,
    PRIJS,
    SEAL,
    SIGNATURE_ROW,
    VRAGENLIJST,
    FormLayout,
    form_layout,
)
from aanbesteding.support.output import normalize_zip
from aanbesteding.writers.xlsx import form_text as txt
from aanbesteding.writers.xlsx.cells import (
    BASE_FONT,
    BOLD,
    INPUT_BORDER,
    INPUT_FILL,
    TITLE_FONT,
    WARN_FILL,
    cell_at,
    fit_height,
    highlight_when,
    put_text,
    widths,
)
from aanbesteding.writers.xlsx.form_sheets import (
    build_prijs,
    build_seal,
    build_vragenlijst,
    input_cell,
    text_limit,
    validation,
)
from aanbesteding.writers.xlsx.page import finish_sheet

__all__ = ["build_form", "form_bytes"]

TEXT_WIDTH = 95.0


def _sheet(wb: Workbook, title: str) -> Worksheet:
    ws = wb.create_sheet(title)
    assert isinstance(ws, Worksheet)
    return ws


def default_font(wb: Workbook) -> None:
    """Arial as the font of the Normal style and of unstyled cells (as in the grid)."""
    book: Any = wb  # openpyxl keeps the style tables private
    book._fonts = IndexedList([BASE_FONT])
    book._named_styles["Normal"].font = BASE_FONT


def _line(ws: Worksheet, row: int, label: str, text: str) -> int:
    put_text(ws, row, 1, label, font=BOLD, wrap=True)
    put_text(ws, row, 2, text, wrap=True)
    fit_height(ws, row, [(text, TEXT_WIDTH)])
    return row + 1


def _instructions(ws: Worksheet, annex: Annex, layout: FormLayout) -> None:
    tender = annex.tender
    widths(ws, {1: 24, 2: TEXT_WIDTH})
    put_text(ws, 1, 1, txt.TITLE, font=TITLE_FONT)
    row = 3
    details = [
        (label, value)
        for label, value in tender.details()
        if label in ("Aanbestedende Dienst", "Opdracht", "Kenmerk", "Datum", "Versie")
    ]
    details.append(("Formulier", f"{layout.form_id} (versie {layout.version})"))
    for label, value in details:
        row = _line(ws, row, label, value)
    row = _line(ws, row + 1, "Over dit formulier", txt.text(annex, "uitleg"))
    put_text(ws, row + 1, 1, "Zo vult u het in", font=BOLD)
    row += 2
    steps = [s for s in txt.STEPS if (s[0] != "5. SEAL" or layout.objectives) and (s[0] != "6. Prijs" or layout.price)]
    for label, key in steps:
        row = _line(ws, row, label, txt.text(annex, key))
    put_text(ws, row + 1, 1, "Legenda", font=BOLD)
    row += 2
    for label, key in txt.LEGEND:
        cell = put_text(ws, row, 1, label, font=BOLD)
        if label == "Geel":
            cell.fill, cell.border = INPUT_FILL, INPUT_BORDER
        elif label == "Oranje":
            cell.fill = WARN_FILL
        row = _line(ws, row, label, txt.text(annex, key))
    finish_sheet(ws, freeze=None, title_rows=None)


def _identification(ws: Worksheet, annex: Annex) -> None:
    widths(ws, {1: 36, 2: 2, 3: 50})
    put_text(ws, 1, 1, "Gegevens van de Inschrijver", font=TITLE_FONT)
    put_text(ws, 11, 1, "Ondertekeningsblok", font=BOLD)
    for field in IDENT_FIELDS:
        put_text(ws, field.row, 1, field.label)
        cell = input_cell(ws, field.row, IDENT_COLUMN, wrap=False, text=field.kind != "date")
        where = cell.coordinate
        if field.kind == "date":
            cell.number_format = "DD-MM-YYYY"
            validation(
                ws,
                [where],
                "date",
                txt.DATE,
                operator="between",
                formula1="DATE(2000,1,1)",
                formula2="DATE(2099,12,31)",
            )
        elif field.kind == "kvk":
            validation(ws, [where], "custom", txt.KVK, formula1=f"AND(LEN({where})=8,ISNUMBER(VALUE({where})))")
        else:
            text_limit(ws, [where], field.limit, txt.TEXT.format(limit=field.limit))
        if field.required:
            highlight_when(ws, where, f"LEN(TRIM({where}))=0", WARN_FILL)
    signature = txt.text(annex, "ondertekening")
    put_text(ws, SIGNATURE_ROW, 1, signature, wrap=True)
    ws.merge_cells(start_row=SIGNATURE_ROW, start_column=1, end_row=SIGNATURE_ROW, end_column=3)
    fit_height(ws, SIGNATURE_ROW, [(signature, 88.0)])
    put_text(ws, SIGNATURE_ROW + 2, 1, txt.SIGNATURE_LINE)
    # A box to sign on paper (or in the PDF): locked, since a typed signature means nothing.
    cell_at(ws, SIGNATURE_ROW + 2, IDENT_COLUMN).border = INPUT_BORDER
    ws.row_dimensions[SIGNATURE_ROW + 2].height = 48
    finish_sheet(ws, freeze=None, title_rows=None)


def _kenmerken(ws: Worksheet, layout: FormLayout) -> None:
    """The form's identification; very hidden and locked, read back by the importer."""
    values = (FORM_KIND, layout.kenmerk, layout.form_id, layout.version)
    for row, (key, value) in enumerate(
        zip(("formulier", "kenmerk", "formulier-id", "versie"), values, strict=True), start=1
    ):
        put_text(ws, row, 1, key)
        put_text(ws, row, 2, value)
    for offset, (label, digest) in enumerate(layout.digests):
        put_text(ws, FIRST_DIGEST + offset, 1, label)
        put_text(ws, FIRST_DIGEST + offset, 2, digest)
    ws.protection.sheet = True
    ws.sheet_state = "veryHidden"


def build_form(annex: Annex) -> Workbook:
    """The inschrijversformulier as an openpyxl workbook (not yet saved)."""
    layout = form_layout(annex)
    wb = Workbook()
    default_font(wb)
    first = wb.active
    assert isinstance(first, Worksheet)
    first.title = INSTRUCTIES
    _instructions(first, annex, layout)
    _identification(_sheet(wb, INSCHRIJVER), annex)
    questions = _sheet(wb, VRAGENLIJST)
    build_vragenlijst(questions, layout)
    header = FIRST_ITEM - 1
    # Printed: number, title and text on one page width, the answers on the next, the number
    # and title repeated, so every printed page can be read on its own.
    finish_sheet(
        questions, freeze=f"D{FIRST_ITEM}", title_rows=f"{header}:{header}", groups=[(1, 4), (5, 5), (6, 10)], repeat=3
    )
    questions.page_setup.pageOrder = "overThenDown"  # a row's text, proof and answers together
    if layout.objectives:
        seal = _sheet(wb, SEAL)
        build_seal(seal, annex, layout)
        finish_sheet(seal, freeze=None, title_rows=None)
    if layout.price:
        price = _sheet(wb, PRIJS)
        build_prijs(price, annex)
        finish_sheet(price, freeze=None, title_rows=None)
    _kenmerken(_sheet(wb, KENMERKEN), layout)
    wb.security = WorkbookProtection(lockStructure=True)
    wb.active = 0
    stamp = dt.datetime.combine(annex.tender.datum, dt.time())
    wb.properties.created = stamp
    wb.properties.modified = stamp
    wb.properties.creator = annex.tender.organisatie_naam
    wb.properties.lastModifiedBy = annex.tender.organisatie_naam
    wb.properties.title = f"{txt.TITLE} - {annex.tender.opdracht_titel}"
    return wb


def form_bytes(annex: Annex) -> bytes:
    """The form as .xlsx bytes; the same annex always gives the same bytes."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        ExcelWriter(build_form(annex), archive).write_data()
    return normalize_zip(buffer.getvalue(), annex.tender.datum)
