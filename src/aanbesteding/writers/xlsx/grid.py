"""The Excel scoring grid (beoordelingsmatrix) that goes with the Word annex.

Sheets: Toelichting, Eisen, Wensen, Soevereiniteit, Prijs, Resultaat. Inputs are unlocked and
coloured; everything else is locked under sheet protection without a password. Formulas use
English function names that both Excel and LibreOffice compute.

Entry points for other front ends: ``grid_bytes(annex, responses=None)`` gives the .xlsx bytes,
optionally with bidders' responses pre-filled; ``GridLayout.from_annex(annex)`` (module
:mod:`aanbesteding.writers.xlsx.layout`) tells where every input cell is, and the workbook holds
the same ranges as defined names (``Eisen_antwoord_1``, ``SEAL_geclaimd_2``, ...).
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.utils.indexed_list import IndexedList
from openpyxl.workbook.defined_name import DefinedName
from openpyxl.worksheet.worksheet import Worksheet
from openpyxl.writer.excel import ExcelWriter

from aanbesteding.compose.annex import Annex
from aanbesteding.responses.model import Responses
from aanbesteding.support.output import normalize_zip, write_atomic
from aanbesteding.writers.xlsx.cells import BASE_FONT
from aanbesteding.writers.xlsx.charts import alt_texts, with_alt_text
from aanbesteding.writers.xlsx.criteria import build_criteria, unexplained_total
from aanbesteding.writers.xlsx.eisen import build_eisen
from aanbesteding.writers.xlsx.layout import (
    CRITERIA,
    EISEN,
    PRIJS,
    RESULTAAT,
    SOEVEREINITEIT,
    TOELICHTING,
    WENSEN,
    GridLayout,
    eisen_items,
    wensen_items,
)
from aanbesteding.writers.xlsx.prefill import prefill
from aanbesteding.writers.xlsx.prijs import build_prijs
from aanbesteding.writers.xlsx.resultaat import (
    build_resultaat,
    quality_expressions,
    result_plan,
    sov_needed,
)
from aanbesteding.writers.xlsx.soevereiniteit import build_soevereiniteit
from aanbesteding.writers.xlsx.toelichting import build_toelichting
from aanbesteding.writers.xlsx.wensen import build_wensen

__all__ = ["GridLayout", "build_workbook", "grid_bytes", "write_grid"]


def _sheet(wb: Workbook, title: str) -> Worksheet:
    ws = wb.create_sheet(title)
    assert isinstance(ws, Worksheet)
    return ws


def _default_font(wb: Workbook) -> None:
    """Make Arial the font of the Normal style and of every cell without a font of its own.

    openpyxl's default is Calibri, which LibreOffice replaces by a font of other widths.
    """
    book: Any = wb  # openpyxl keeps the style tables private
    book._fonts = IndexedList([BASE_FONT])  # index 0 is the font of unstyled cells
    book._named_styles["Normal"].font = BASE_FONT


def build_workbook(annex: Annex, responses: Responses | None = None) -> Workbook:
    """The scoring grid as an openpyxl workbook (not yet saved), with ``responses`` pre-filled.

    Raises InputError when a response does not fit the grid (unknown bidder or number).
    """
    g = annex.award.gunning
    others = g.others() if g is not None and annex.award.has_model else []
    layout = GridLayout.from_annex(annex)
    wb = Workbook()
    _default_font(wb)
    first = wb.active
    assert isinstance(first, Worksheet)
    first.title = TOELICHTING
    names = (EISEN, WENSEN, SOEVEREINITEIT, *((CRITERIA,) if others else ()), PRIJS, RESULTAAT)
    sheets = {name: _sheet(wb, name) for name in names}
    settings = build_toelichting(wb, first, annex)
    eisen = build_eisen(sheets[EISEN], layout, eisen_items(annex))
    wensen = build_wensen(sheets[WENSEN], layout, wensen_items(annex), settings)
    sov = build_soevereiniteit(sheets[SOEVEREINITEIT], layout, annex, sov_needed(annex))
    criteria = build_criteria(sheets[CRITERIA], annex, layout, others) if others else None
    plan = result_plan(annex)
    price = build_prijs(wb, sheets[PRIJS], layout, annex, quality_expressions(annex, plan))
    build_resultaat(
        sheets[RESULTAAT],
        sheets[SOEVEREINITEIT],
        annex,
        plan,
        settings,
        eisen,
        wensen,
        sov,
        criteria,
        price,
        unexplained_total(layout, len(others)) if others else None,
    )
    for name, target in sorted(layout.names().items()):
        wb.defined_names[name] = DefinedName(name, attr_text=target)
    if responses is not None:
        prefill(wb, layout, responses)
    # openpyxl stores no computed values, so ask the spreadsheet to calculate on opening.
    wb.calculation.fullCalcOnLoad = True
    wb.active = 0
    stamp = dt.datetime.combine(annex.tender.datum, dt.time())
    wb.properties.created = stamp
    wb.properties.modified = stamp
    wb.properties.creator = "aanbesteding"
    wb.properties.lastModifiedBy = "aanbesteding"
    wb.properties.title = f"Beoordelingsmatrix - {annex.tender.opdracht_titel}"
    return wb


def grid_bytes(annex: Annex, responses: Responses | None = None) -> bytes:
    """The scoring grid as .xlsx bytes, optionally with bidders' ``responses`` pre-filled in the
    input cells of :class:`GridLayout`; the same input always gives the same bytes.

    Raises InputError when a response does not fit the grid (unknown bidder or number).
    """
    workbook = build_workbook(annex, responses)
    buffer = io.BytesIO()
    # Workbook.save() stamps the current time as "modified"; the writer itself does not.
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        ExcelWriter(workbook, archive).write_data()
    return normalize_zip(with_alt_text(buffer.getvalue(), alt_texts(annex)), annex.tender.datum)


def write_grid(annex: Annex, path: Path, force: bool = False, responses: Responses | None = None) -> None:
    """Write the scoring grid to ``path`` atomically.

    Raises OutputError if ``path`` exists and ``force`` is false, or it cannot be written.
    """
    write_atomic(path, grid_bytes(annex, responses), force=force)
