"""One view over many registers: every contract's end dates per supplier, across organisations."""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from collections.abc import Sequence

from openpyxl import Workbook
from openpyxl.writer.excel import ExcelWriter

from aanbesteding.portfolio.analysis import Portfolio
from aanbesteding.portfolio.report_rows import Cell
from aanbesteding.portfolio.report_xlsx import table
from aanbesteding.support.output import normalize_zip

_LEGAL_FORM = re.compile(r"[\s,.]*\b(b\.?\s?v\.?|n\.?\s?v\.?|gmbh|ltd\.?|inc\.?|s\.?a\.?)\s*$", re.IGNORECASE)


def supplier_key(name: str) -> str:
    """``Acme B.V.`` and ``ACME bv`` are one supplier."""
    return " ".join(_LEGAL_FORM.sub("", name).casefold().split()) or "(onbekend)"


def combined_rows(portfolios: Sequence[Portfolio]) -> tuple[list[tuple[Cell, ...]], list[tuple[Cell, ...]]]:
    """(per supplier: summary rows, per contract: detail rows), both sorted by supplier."""
    names: dict[str, str] = {}
    details: list[tuple[Cell, ...]] = []
    for p in portfolios:
        for c in p.contracts:
            key = supplier_key(c.contract.supplier)
            names.setdefault(key, c.contract.supplier or "(onbekend)")
            s = c.schedule
            details.append(
                (
                    names[key],
                    p.organisation,
                    c.contract.name,
                    c.laag.value,
                    s.current_end,
                    s.certain_end,
                    c.contract.terms.max_end,
                    s.notice_day,
                    c.decision,
                    c.action,
                    c.bucket,
                )
            )
    details.sort(key=lambda r: (supplier_key(str(r[0])), str(r[5]), str(r[1]).casefold(), str(r[2]).casefold()))
    summary: list[tuple[Cell, ...]] = []
    for key in sorted(names):
        rows = [r for r in details if supplier_key(str(r[0])) == key]
        ends = sorted(r[5] for r in rows if isinstance(r[5], dt.date))
        summary.append(
            (
                names[key],
                len({r[1] for r in rows}),
                len(rows),
                ends[0] if ends else None,
                ends[-1] if ends else None,
                sum(r[9] == "aanbesteden" for r in rows),
                ", ".join(sorted({str(r[1]) for r in rows})),
            )
        )
    return summary, details


def combined_bytes(portfolios: Sequence[Portfolio], peildatum: dt.date) -> bytes:
    """The combined workbook: Leveranciers (summary) and Einddata (every contract)."""
    summary, details = combined_rows(portfolios)
    wb = Workbook()
    first = wb.active
    assert first is not None
    first.title = "Leveranciers"
    table(
        first,
        (
            "Leverancier",
            "Organisaties",
            "Contracten",
            "Eerste einde",
            "Laatste einde",
            "Aanbesteden",
            "Organisaties (namen)",
        ),
        summary,
        (26, 12, 11, 13, 13, 12, 60),
    )
    table(
        wb.create_sheet("Einddata"),
        (
            "Leverancier",
            "Organisatie",
            "Contract",
            "Laag",
            "Lopende periode tot",
            "Loopt zeker tot",
            "Uiterste einddatum",
            "Uiterste opzegdag",
            "Beslisdatum",
            "Actie",
            "Termijn",
        ),
        details,
        (24, 20, 24, 6, 13, 13, 13, 13, 13, 16, 16),
    )
    stamp = dt.datetime.combine(peildatum, dt.time())
    wb.properties.created = wb.properties.modified = stamp
    wb.properties.creator = wb.properties.lastModifiedBy = "aanbesteding"
    wb.properties.title = "Contracteinddata per leverancier"
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        ExcelWriter(wb, archive).write_data()
    return normalize_zip(buffer.getvalue(), peildatum)
