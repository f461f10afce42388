"""The inschrijversformulier: one row per numbered item in the bijlage's order, only typed and
validated input cells unlocked, hidden identification, no formulas, the same bytes every time,
and LibreOffice keeps its protection and validation."""

from __future__ import annotations

import io
from pathlib import Path

import openpyxl
import pytest
from openpyxl.workbook.workbook import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from aanbesteding.compose.annex import Annex
from aanbesteding.compose.composer import compose_annex
from aanbesteding.library.loader import load_library
from aanbesteding.responses.form_spec import (
    COL_ANSWER,
    COL_CLAIM,
    COL_DOCUMENT,
    COL_LEVEL_EVIDENCE,
    COL_NUMBER,
    COL_OFFER,
    COL_PAGE,
    COL_REMARK,
    COL_TEXT,
    FIRST_DIGEST,
    FORM_KIND,
    IDENT_COLUMN,
    IDENT_FIELDS,
    INSCHRIJVER,
    KENMERKEN,
    PRICE_COLUMN,
    PRICE_ROW,
    PRIJS,
    SEAL,
    VRAGENLIJST,
    FormLayout,
    form_layout,
    row_digest,
)
from aanbesteding.tender.model import build_tender
from aanbesteding.writers.xlsx.form import form_bytes
from tests.forms import BIDDERS, KENMERK, form_path, generate
from tests.libreoffice import convert

XLSX_FILTER = "xlsx:Calc MS Excel 2007 XML"


@pytest.fixture(scope="module")
def annex() -> Annex:
    return compose_annex(
        load_library(),
        build_tender(
            {
                "laag": "2",
                "contracttype": "saas",
                "kenmerk": KENMERK,
                "datum": "2026-12-01",
                "inschrijvers": list(BIDDERS),
                "pmin": 100000,
                "pmax": 300000,
            }
        ),
    )


def load(data: bytes) -> Workbook:
    return openpyxl.load_workbook(io.BytesIO(data))


def expected_inputs(layout: FormLayout) -> dict[str, set[str]]:
    """Every input cell the layout defines, per sheet."""

    def at(row: int, column: int) -> str:
        return f"{openpyxl.utils.get_column_letter(column)}{row}"

    questions = set()
    for item in layout.items:
        if item.role == "seal":
            continue
        first = COL_OFFER if item.role == "offer" else COL_ANSWER
        questions |= {at(item.row, c) for c in (first, COL_DOCUMENT, COL_PAGE, COL_REMARK)}
    seal = {
        at(o.row, c) for o in layout.objectives for c in (COL_CLAIM, *range(COL_LEVEL_EVIDENCE, COL_LEVEL_EVIDENCE + 4))
    }
    ident = {at(f.row, IDENT_COLUMN) for f in IDENT_FIELDS}
    return {INSCHRIJVER: ident, VRAGENLIJST: questions, SEAL: seal, PRIJS: {at(PRICE_ROW, PRICE_COLUMN)}}


def unlocked(ws: Worksheet) -> set[str]:
    return {c.coordinate for row in ws.iter_rows() for c in row if c.has_style and c.protection.locked is False}


def validations(ws: Worksheet) -> dict[str, tuple[str, str | None]]:
    """Cell -> (validation type, formula1) for every validated cell."""
    found = {}
    for dv in ws.data_validations.dataValidation:
        for cell_range in dv.sqref.ranges:
            for row in range(cell_range.min_row, cell_range.max_row + 1):
                for column in range(cell_range.min_col, cell_range.max_col + 1):
                    coordinate = f"{openpyxl.utils.get_column_letter(column)}{row}"
                    found[coordinate] = (str(dv.type), dv.formula1)
    return found


def test_one_row_per_numbered_item_in_the_bijlages_order_with_its_number_and_text(annex: Annex) -> None:
    ws = load(form_bytes(annex))[VRAGENLIJST]
    layout = form_layout(annex)
    assert [i.number for i in layout.items] == [r.number for r in annex.requirements]
    for item, req in zip(layout.items, annex.requirements, strict=True):
        assert ws.cell(row=item.row, column=COL_NUMBER).value == req.number
        assert ws.cell(row=item.row, column=COL_TEXT).value == item.text
    assert {i.role for i in layout.items} == {"answer", "acceptance", "offer", "seal"}


def test_only_the_input_cells_are_unlocked_and_every_sheet_is_protected(annex: Annex) -> None:
    wb = load(form_bytes(annex))
    expected = expected_inputs(form_layout(annex))
    for ws in wb.worksheets:
        assert ws.protection.sheet, ws.title
        assert unlocked(ws) == expected.get(ws.title, set()), ws.title
    assert wb.security is not None and wb.security.lockStructure


def test_every_input_is_typed_and_validated(annex: Annex) -> None:
    wb = load(form_bytes(annex))
    layout = form_layout(annex)
    questions = validations(wb[VRAGENLIJST])
    for item in layout.items:
        if item.role in ("answer", "acceptance"):
            assert questions[f"F{item.row}"] == ("list", '"Ja,Nee"'), item.number
        if item.role != "seal":
            assert questions[f"H{item.row}"][0] == "textLength"
            assert questions[f"J{item.row}"][0] == "textLength"
    seal = validations(wb[SEAL])
    assert all(seal[f"C{o.row}"] == ("list", '"0,1,2,3,4"') for o in layout.objectives)
    kind, formula = validations(wb[PRIJS])["C4"]
    assert kind == "custom" and formula is not None and "ROUND(C4,2)=C4" in formula
    ident = validations(wb[INSCHRIJVER])
    kvk = next(f for f in IDENT_FIELDS if f.key == "kvk")
    date = next(f for f in IDENT_FIELDS if f.key == "datum")
    assert ident[f"C{kvk.row}"][0] == "custom" and "LEN(C5)=8" in str(ident[f"C{kvk.row}"][1])
    assert ident[f"C{date.row}"][0] == "date"
    assert wb[INSCHRIJVER][f"C{kvk.row}"].number_format == "@"  # leading zeros stay
    assert "2" in wb[PRIJS].cell(row=2, column=1).value  # the decimals rule is stated


def test_the_form_holds_no_formula(annex: Annex) -> None:
    wb = load(form_bytes(annex))
    formulas = [
        (ws.title, c.coordinate) for ws in wb.worksheets for row in ws.iter_rows() for c in row if c.data_type == "f"
    ]
    assert formulas == []


def test_hidden_identification_names_the_tender_form_version_and_a_hash_per_row(annex: Annex) -> None:
    wb = load(form_bytes(annex))
    ws = wb[KENMERKEN]
    layout = form_layout(annex)
    assert ws.sheet_state == "veryHidden" and ws.protection.sheet
    assert [ws.cell(row=r, column=2).value for r in range(1, 5)] == [FORM_KIND, KENMERK, layout.form_id, "1.0"]
    first = layout.items[0]
    assert ws.cell(row=FIRST_DIGEST, column=1).value == first.number
    assert ws.cell(row=FIRST_DIGEST, column=2).value == row_digest(first.number, first.title, first.text)
    text = " ".join(str(c.value) for ws in wb.worksheets for row in ws.iter_rows() for c in row if c.value is not None)
    assert annex.library_hash not in text  # never to bidders
    assert all(r.clause_id not in text.split() for r in annex.requirements if "-" in r.clause_id)


def test_another_version_or_tender_gets_another_form_id(annex: Annex) -> None:
    other = compose_annex(
        load_library(),
        build_tender(
            {
                "laag": "2",
                "contracttype": "saas",
                "kenmerk": KENMERK,
                "datum": "2026-12-01",
                "versie": "1.1",
                "inschrijvers": list(BIDDERS),
            }
        ),
    )
    assert form_layout(other).form_id != form_layout(annex).form_id


def test_same_annex_same_bytes_and_bidders_names_do_not_change_the_form(annex: Annex) -> None:
    assert form_bytes(annex) == form_bytes(annex)
    published = compose_annex(
        load_library(),
        build_tender(
            {
                "laag": "2",
                "contracttype": "saas",
                "kenmerk": KENMERK,
                "datum": "2026-12-01",
                "pmin": 100000,
                "pmax": 300000,
            }
        ),
    )  # before the bids: placeholder bidders
    assert form_bytes(published) == form_bytes(annex)


def test_genereer_writes_the_form_beside_the_matrix_unless_told_not_to(tmp_path: Path) -> None:
    matrix = generate(tmp_path / "met")
    assert form_path(matrix).is_file()
    skipped = generate(tmp_path / "zonder", "--geen-formulier")
    assert skipped.is_file() and not form_path(skipped).exists()


@pytest.mark.libreoffice
def test_libreoffice_keeps_the_protection_and_the_validations(annex: Annex, tmp_path: Path) -> None:
    path = tmp_path / "formulier.xlsx"
    path.write_bytes(form_bytes(annex))
    wb = openpyxl.load_workbook(convert(path, XLSX_FILTER, tmp_path / "uit"))
    expected = expected_inputs(form_layout(annex))
    for title in (INSCHRIJVER, VRAGENLIJST, SEAL, PRIJS):
        ws = wb[title]
        assert ws.protection.sheet, title
        assert unlocked(ws) == expected[title], title
    layout = form_layout(annex)
    eis = next(i for i in layout.items if i.role == "answer")
    kind, formula = validations(wb[VRAGENLIJST])[f"F{eis.row}"]
    assert kind == "list" and formula is not None and "Ja" in formula and "Nee" in formula
    assert validations(wb[PRIJS])["C4"][0] == "custom"
    assert wb[KENMERKEN].sheet_state in ("hidden", "veryHidden")
