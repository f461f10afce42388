"""The grid as a contract: one layout of every input cell, defined names, and responses
pre-filled into those cells (what a bidder-form importer writes into)."""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

from aanbesteding.domain import SOVS
from aanbesteding.errors import InputError
from aanbesteding.responses.model import BidderResponse, ItemAnswer, Responses, SealClaim
from aanbesteding.writers.xlsx.cells import PROMPT_END
from aanbesteding.writers.xlsx.grid import GridLayout, grid_bytes
from tests.libreoffice import convert
from tests.test_xlsx_grid import XLSX_FILTER, column_of, load, make_annex, row_of

RESPONSES = Responses(
    bidders=(
        BidderResponse(
            bidder="Beta",
            items=(
                ItemAnswer("E-01", "Ja", evidence="Bijlage A, p. 3"),
                ItemAnswer("B-01", "Nee", remark="Wij aanvaarden artikel 4 niet"),
                ItemAnswer("W-02", offer="Exit binnen 30 dagen", evidence="Plan, p. 7"),
            ),
            seal=(SealClaim("SOV-1", 3, evidence="Concernschema"), SealClaim("SOV-8", 2)),
            price=Decimal("123456.78"),
        ),
    )
)


def test_layout_gives_rows_per_number_and_columns_per_bidder_matching_the_sheets() -> None:
    annex = make_annex()
    layout = GridLayout.from_annex(annex)
    wb = load(grid_bytes(annex))
    eisen, wensen, sov = wb["Eisen"], wb["Wensen"], wb["Soevereiniteit"]
    assert list(layout.eisen_rows) == ["E-01", "E-02", "E-03", "B-01"]
    for number, row in layout.eisen_rows.items():
        assert eisen.cell(row=row, column=1).value == number
    for number, row in layout.wensen_rows.items():
        assert wensen.cell(row=row, column=1).value == number
    for sov_name, row in layout.sov_rows.items():
        assert str(sov.cell(row=row, column=1).value).startswith(sov_name)
    for i, name in enumerate(layout.bidders):
        assert layout.eis_answer(i) == column_of(eisen, name)
        assert layout.wens_score(i) == column_of(wensen, name)
        assert layout.seal_claimed(i) == column_of(sov, f"{name} SEAL geclaimd")
        assert layout.seal(i) == column_of(sov, f"{name} SEAL")
        assert layout.price_row(i) == row_of(wb["Prijs"], name)


def test_every_input_range_has_a_defined_name_that_covers_only_input_cells() -> None:
    annex = make_annex()
    wb = load(grid_bytes(annex))
    names = GridLayout.from_annex(annex).names()
    assert set(names) <= set(wb.defined_names)
    assert {
        "Eisen_antwoord_1",
        "Wensen_score_4",
        "SEAL_geclaimd_2",
        "SEAL_vastgesteld_3",
        "Prijs_inschrijving_1",
    } <= set(names)
    for name, target in names.items():
        assert wb.defined_names[name].attr_text == target
        for title, cells in wb.defined_names[name].destinations:
            for row in wb[title][cells.replace("$", "")]:
                for cell in row if isinstance(row, tuple) else (row,):
                    assert cell.protection.locked is False, (name, cell.coordinate)


def test_responses_are_placed_in_the_layouts_input_cells() -> None:
    annex = make_annex()
    layout = GridLayout.from_annex(annex)
    wb = load(grid_bytes(annex, RESPONSES))
    beta = layout.bidders.index("Beta")
    eisen, wensen, sov = wb["Eisen"], wb["Wensen"], wb["Soevereiniteit"]
    assert eisen.cell(row=layout.eisen_rows["E-01"], column=layout.eis_answer(beta)).value == "Ja"
    assert eisen.cell(row=layout.eisen_rows["B-01"], column=layout.eis_answer(beta)).value == "Nee"
    prompt = eisen.cell(row=layout.eisen_rows["E-01"], column=layout.eis_motivering(beta)).value
    assert prompt == f"Bewijs volgens inschrijver: Bijlage A, p. 3. {PROMPT_END}"
    offer = wensen.cell(row=layout.wensen_rows["W-02"], column=layout.wens_motivering(beta)).value
    assert "Aanbod inschrijver: Exit binnen 30 dagen." in str(offer)
    # A wens score stays the committee's; the claimed SEAL sits next to its own SEAL input.
    assert wensen.cell(row=layout.wensen_rows["W-02"], column=layout.wens_score(beta)).value is None
    assert sov.cell(row=layout.sov_rows["SOV-1"], column=layout.seal_claimed(beta)).value == 3
    assert sov.cell(row=layout.sov_rows["SOV-1"], column=layout.seal(beta)).value is None
    assert wb["Prijs"].cell(row=layout.price_row(beta), column=2).value == pytest.approx(123456.78)
    # The other bidders are untouched, and so are the bytes without responses.
    assert eisen.cell(row=layout.eisen_rows["E-01"], column=layout.eis_answer(0)).value is None
    assert grid_bytes(annex, None) == grid_bytes(annex)
    assert grid_bytes(annex, RESPONSES) == grid_bytes(annex, RESPONSES)


@pytest.mark.parametrize(
    ("responses", "message"),
    [
        (Responses((BidderResponse("Omega"),)), "onbekende inschrijver(s) 'Omega'"),
        (
            Responses((BidderResponse("Alfa", items=(ItemAnswer("E-99", "Ja"),)),)),
            "nummer 'E-99' staat niet in deze bijlage",
        ),
        (
            Responses((BidderResponse("Alfa", items=(ItemAnswer("E-01", "Misschien"),)),)),
            "'Misschien' is geen Ja of Nee",
        ),
        (Responses((BidderResponse("Alfa", seal=(SealClaim("SOV-9", 2),)),)), "SOV-9"),
        (Responses((BidderResponse("Alfa"), BidderResponse("Alfa"))), "meer dan eens"),
    ],
)
def test_responses_that_do_not_fit_the_grid_are_refused_in_dutch(responses: Responses, message: str) -> None:
    with pytest.raises(InputError, match=re.escape(message)):
        grid_bytes(make_annex(), responses)


@pytest.mark.libreoffice
def test_prefilled_grid_computes_and_a_prompt_alone_is_no_motivering(tmp_path: Path) -> None:
    annex = make_annex()
    path = tmp_path / "matrix.xlsx"
    path.write_bytes(grid_bytes(annex, RESPONSES))
    out = openpyxl.load_workbook(convert(path, XLSX_FILTER, tmp_path / "uit"), data_only=True)
    eisen = out["Eisen"]
    beta = column_of(eisen, "Beta")
    assert eisen.cell(row=row_of(eisen, "Aantal Nee", column=2), column=beta).value == 1
    # Two answers pre-filled (E-01 with a prompt, B-01 without): both count as unexplained.
    assert eisen.cell(row=row_of(eisen, "Zonder motivering", column=2), column=beta).value == 2
    assert str(out["Resultaat"]["B3"].value).startswith("Uitgesloten")
    assert len(SOVS) == 8


def test_the_layout_knows_the_leidraads_other_criteria_by_itself() -> None:
    from aanbesteding.compose.composer import compose_annex
    from aanbesteding.library.loader import load_library
    from aanbesteding.tender.model import build_tender

    gunning = {
        "leidraad": "paragraaf 5",
        "subcriterium": "K3",
        "weging": 20,
        "criteria": [
            {"naam": "K1", "weging": 40},
            {"naam": "K3", "weging": 20},
            {"naam": "Prijs", "weging": 40, "prijs": True},
        ],
    }
    annex = compose_annex(load_library(), build_tender({"laag": 2, "contracttype": "saas", "gunning": gunning}))
    layout = GridLayout.from_annex(annex)
    assert layout.criteria == ("K1",)
    wb = load(grid_bytes(annex))
    assert "Criterium_1_score_1" in wb.defined_names
    assert wb["Criteria"].cell(row=1, column=layout.criterion_score(0)).value == "K1 (40%) score"


@pytest.mark.libreoffice
def test_only_the_level_the_committee_determines_below_the_minimum_excludes(tmp_path: Path) -> None:
    annex = make_annex()
    minimum = next((sov, level) for sov, level in annex.min_seal.items() if level)
    claims = Responses(bidders=(BidderResponse(bidder="Beta", seal=(SealClaim(minimum[0], minimum[1] - 1),)),))
    layout = GridLayout.from_annex(annex)
    path = tmp_path / "matrix.xlsx"
    path.write_bytes(grid_bytes(annex, claims))
    # The claim alone (a statement that may hold a slip) does not exclude; the committee's level does.
    wb = openpyxl.load_workbook(path)
    beta = layout.seal_claimed(layout.bidders.index("Beta"))
    row = layout.sov_rows[minimum[0]]
    wb["Soevereiniteit"].cell(row=row, column=layout.seal(layout.bidders.index("Beta"))).value = minimum[1]
    wb.save(path)
    out = openpyxl.load_workbook(convert(path, XLSX_FILTER, tmp_path / "uit"), data_only=True)
    summary = row_of(out["Soevereiniteit"], "Alle minima gehaald", column=1)
    assert out["Soevereiniteit"].cell(row=summary, column=beta).value != "Nee"
    wb = openpyxl.load_workbook(path)
    wb["Soevereiniteit"].cell(row=row, column=layout.seal(layout.bidders.index("Beta"))).value = minimum[1] - 1
    wb.save(path)
    out = openpyxl.load_workbook(convert(path, XLSX_FILTER, tmp_path / "uit2"), data_only=True)
    sov = out["Soevereiniteit"]
    assert sov.cell(row=summary, column=beta).value == "Nee"
    assert minimum[0] in str(sov.cell(row=summary + 1, column=beta).value)
