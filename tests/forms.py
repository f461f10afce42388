"""Helpers that generate a tender's documents and fill inschrijversformulieren by script, as a
bidder would in Excel (cell by cell, through openpyxl)."""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Mapping
from pathlib import Path

import openpyxl

from aanbesteding.cli.main import main
from aanbesteding.responses.form_spec import (
    COL_ANSWER,
    COL_CLAIM,
    COL_DOCUMENT,
    COL_LEVEL_EVIDENCE,
    COL_OFFER,
    COL_PAGE,
    COL_TEXT,
    IDENT_COLUMN,
    IDENT_FIELDS,
    INSCHRIJVER,
    PRICE_COLUMN,
    PRICE_ROW,
    PRIJS,
    SEAL,
    VRAGENLIJST,
    FormLayout,
)

BIDDERS = ("Alfa", "Beta", "Gamma")
PMIN, PMAX = 100_000, 300_000
KENMERK = "INK-2026-042"


def generate(folder: Path, *extra: str, kenmerk: str = KENMERK, name: str = "bijlage") -> Path:
    """Generate laag 2 saas with three bidders into ``folder``; return the matrix path."""
    folder.mkdir(parents=True, exist_ok=True)
    bidders = [arg for b in BIDDERS for arg in ("--inschrijver", b)]
    code = main(
        [
            "genereer",
            "--laag",
            "2",
            "--contracttype",
            "saas",
            "--kenmerk",
            kenmerk,
            "--datum",
            "2026-12-01",
            "--pmin",
            str(PMIN),
            "--pmax",
            str(PMAX),
            *bidders,
            "--uitvoer",
            str(folder / f"{name}.docx"),
            *extra,
        ]
    )
    assert code == 0
    return folder / f"{name}.xlsx"


def form_path(matrix: Path) -> Path:
    return matrix.with_name(matrix.stem + "-inschrijversformulier.xlsx")


def fill(
    form: bytes,
    layout: FormLayout,
    bidder: str,
    *,
    price: object = 150_000,
    answers: Mapping[str, object] | None = None,
    claims: Mapping[str, object] | None = None,
    texts: Mapping[str, str] | None = None,
    kvk: str = "12345678",
    cells: Mapping[tuple[str, str], object] | None = None,
) -> bytes:
    """A filled form: every eis and bepaling Ja with its evidence, an offer on every wens, each
    SEAL claim at the minimum or 3 with evidence, and ``price``; ``answers``, ``claims`` and
    ``texts`` (changed requirement texts) override per number or objective, None empties."""
    wb = openpyxl.load_workbook(io.BytesIO(form))
    values: dict[str, object] = {
        "naam": bidder,
        "kvk": kvk,
        "contactpersoon": "J. Jansen",
        "email": "inkoop@example.nl",
        "telefoon": "030 123 45 67",
        "datum": dt.datetime(2027, 1, 15),
        "tekenbevoegde": "A. de Vries",
        "functie": "Directeur",
        "plaats": "Utrecht",
    }
    for field in IDENT_FIELDS:
        wb[INSCHRIJVER].cell(row=field.row, column=IDENT_COLUMN).value = values[field.key]
    ws = wb[VRAGENLIJST]
    for item in layout.items:
        if item.role == "seal":
            continue
        if item.role == "offer":
            ws.cell(row=item.row, column=COL_OFFER).value = f"Aanbod van {bidder} op {item.number}"
        else:
            ws.cell(row=item.row, column=COL_ANSWER).value = (answers or {}).get(item.number, "Ja")
        ws.cell(row=item.row, column=COL_DOCUMENT).value = f"{bidder} inschrijving.pdf"
        ws.cell(row=item.row, column=COL_PAGE).value = str(item.row)
        if item.number in (texts or {}):
            ws.cell(row=item.row, column=COL_TEXT).value = (texts or {})[item.number]
    seal = wb[SEAL]
    for objective in layout.objectives:
        level = (claims or {}).get(objective.objective, max(objective.minimum or 0, 3))
        seal.cell(row=objective.row, column=COL_CLAIM).value = level
        for offset in range(level if isinstance(level, int) else 0):
            seal.cell(
                row=objective.row, column=COL_LEVEL_EVIDENCE + offset
            ).value = f"Rapport {objective.objective} p. {offset + 1}"
    wb[PRIJS].cell(row=PRICE_ROW, column=PRICE_COLUMN).value = price
    for (sheet, coordinate), value in (cells or {}).items():
        wb[sheet][coordinate].value = value
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()
