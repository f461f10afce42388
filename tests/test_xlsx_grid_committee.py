"""The grid as the evaluation committee uses it: motivering, EU CSF percentages, blank until
complete, locked published values, one font, and the status texts."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import openpyxl
import pytest
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from aanbesteding.compose.annex import Annex
from aanbesteding.compose.composer import compose_annex
from aanbesteding.domain import SOVS
from aanbesteding.library.loader import load_library
from aanbesteding.tender.model import build_tender
from aanbesteding.writers.xlsx.grid import grid_bytes
from tests.libreoffice import convert, pdf_text
from tests.test_xlsx_grid import (
    BIDS,
    GUNNING,
    PMAX,
    PMIN,
    XLSX_FILTER,
    column_of,
    load,
    make_annex,
    no_error_values,
    recalculated,
    results,
    row_of,
)

BIDDERS = ["Alfa", "Beta", "Gamma", "Delta"]


def real_annex(laag: str = "2") -> Annex:
    gunning = {
        **GUNNING,
        "weging": 20,
        "criteria": [
            {"naam": "K1 Functionaliteit", "weging": 40},
            {"naam": "K3 Soevereiniteit", "weging": 20},
            {"naam": "Prijs", "weging": 40, "prijs": True},
        ],
    }
    return compose_annex(
        load_library(),
        build_tender({"laag": laag, "contracttype": "saas", "inschrijvers": BIDDERS, "gunning": gunning}),
    )


@pytest.mark.libreoffice
def test_typed_seal_levels_give_the_published_percentages_by_formula(tmp_path: Path) -> None:
    path = tmp_path / "in" / "matrix.xlsx"
    path.parent.mkdir()
    path.write_bytes(grid_bytes(make_annex()))
    wb = openpyxl.load_workbook(path)
    sov = wb["Soevereiniteit"]
    seal = column_of(sov, "Alfa SEAL")
    for offset, level in enumerate([3, 2, 0, 1, 4, 3, 2, 1]):
        sov.cell(row=2 + offset, column=seal).value = level
    wb.save(path)
    out = openpyxl.load_workbook(convert(path, XLSX_FILTER, tmp_path / "uit"), data_only=True)
    got = out["Soevereiniteit"]
    percent = column_of(got, "Alfa score (%)")
    assert [got.cell(row=2 + k, column=percent).value for k in range(8)] == [
        100,
        50,
        0,
        25,
        100,
        75,
        50,
        25,
    ]  # SOV-1 SEAL-3 -> 100%, SOV-2 SEAL-2 -> 50%
    assert no_error_values(out) == []


def test_there_is_no_free_percentage_input_and_no_instruction_to_copy_a_published_score() -> None:
    wb = load(grid_bytes(make_annex()))
    sov = wb["Soevereiniteit"]
    for name in BIDDERS:
        column = column_of(sov, f"{name} score (%)")
        for row in range(2, 2 + len(SOVS)):
            cell = sov.cell(row=row, column=column)
            assert cell.protection.locked and cell.data_type == "f", cell.coordinate
    text = " ".join(str(c.value) for ws in wb.worksheets for row in ws.iter_rows() for c in row if c.value is not None)
    assert "zoals die is" not in text and "94 voor 94%" not in text


def test_motivering_columns_sit_next_to_each_bidders_input_on_eisen_wensen_soevereiniteit() -> None:
    wb = load(grid_bytes(make_annex()))
    for sheet, input_header in (("Eisen", "{}"), ("Wensen", "{}"), ("Soevereiniteit", "{} score (%)")):
        ws = wb[sheet]
        for name in BIDDERS:
            column = column_of(ws, f"{name} motivering")
            assert column == column_of(ws, input_header.format(name)) + 1, (sheet, name)
            cell = ws.cell(row=2, column=column)
            assert cell.protection.locked is False, (sheet, name)
            assert cell.alignment.wrap_text, (sheet, name)
            assert (ws.column_dimensions[get_column_letter(column)].width or 0) >= 24


def test_published_weights_minima_and_shares_are_locked_and_not_yellow() -> None:
    wb = load(grid_bytes(make_annex()))
    sov, toelichting = wb["Soevereiniteit"], wb["Toelichting"]
    published = [sov.cell(row=r, column=c) for r in range(2, 2 + len(SOVS)) for c in (2, 3)]
    published += [
        toelichting.cell(row=row_of(toelichting, label), column=2)
        for label in (
            "Aandeel wensen in het subcriterium (%)",
            "Aandeel Soevereiniteitsscore in het subcriterium (%)",
            "Weging K3 Soevereiniteit (%)",
            "Weging Prijs (%)",
        )
    ]
    for cell in published:
        assert cell.protection.locked, cell.coordinate
        assert cell.fill.fgColor.rgb != "00FFF2CC", cell.coordinate
    assert toelichting.cell(row=row_of(toelichting, "Weging Prijs (%)"), column=2).value == 40
    assert sov.cell(row=2, column=column_of(sov, "Alfa SEAL")).protection.locked is False


def test_every_written_cell_and_the_default_style_use_arial() -> None:
    data = grid_bytes(make_annex())
    wb = load(data)
    fonts = {
        (ws.title, c.coordinate): c.font.name
        for ws in wb.worksheets
        for row in ws.iter_rows()
        for c in row
        if c.value is not None or c.has_style
    }
    assert fonts and {name for name in fonts.values()} == {"Arial"}
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        styles = package.read("xl/styles.xml").decode()
    assert "Calibri" not in styles
    assert styles.index('<name val="Arial"') < styles.index("</font>")  # font 0: the default


def test_no_label_is_english() -> None:
    wb = load(grid_bytes(make_annex(prijsmethode="gunnen-op-waarde")))
    text = " ".join(str(c.value) for ws in wb.worksheets for row in ws.iter_rows() for c in row if c.value is not None)
    assert "Sovereignty Score" not in text
    assert "Soevereiniteitsscore" in text
    assert " invoer open" not in text


@pytest.mark.libreoffice
def test_unfilled_grid_shows_blanks_not_zeros_and_status_texts_that_read_well(tmp_path: Path) -> None:
    path = tmp_path / "matrix.xlsx"
    path.write_bytes(grid_bytes(real_annex()))
    wb = openpyxl.load_workbook(convert(path, XLSX_FILTER, tmp_path / "uit"), data_only=True)
    assert no_error_values(wb) == []
    got = results(wb)
    for name in BIDDERS:
        row = got[name]
        for header in (
            "Wensenscore",
            "Soevereiniteitsscore",
            "K3 Soevereiniteit (score)",
            "Prijsscore",
            "Totaal",
            "Rangorde",
            "SEAL (laagste)",
        ):
            assert row[header] in (None, ""), (name, header, row[header])
        assert str(row["Status"]).startswith("Onvolledig: nog ")
        assert str(row["Status"]).endswith(
            " invoervelden in te vullen op de tabbladen Eisen, Wensen, Soevereiniteit, Criteria en Prijs"
        )
    prijs = wb["Prijs"]
    texts = [str(c.value) for row in prijs.iter_rows() for c in row if c.value is not None]
    assert any(t.startswith("Let op: Pmin en Pmax zijn niet gepubliceerd;") for t in texts)
    resultaat = wb["Resultaat"]
    check = resultaat.cell(row=row_of(resultaat, "Prijsparameters"), column=2).value
    assert str(check).startswith("Let op: Pmin en Pmax zijn niet gepubliceerd op tabblad Prijs")
    wensen = wb["Wensen"]
    quality = wensen.cell(row=row_of(wensen, "Kwaliteit (%)", column=2), column=column_of(wensen, "Alfa punten")).value
    assert quality in (None, "")


@pytest.mark.libreoffice
def test_complete_input_gives_the_hand_checked_total(tmp_path: Path) -> None:
    wb = recalculated(make_annex(), tmp_path, BIDS, Pmin=PMIN, Pmax=PMAX)
    alfa = results(wb)["Alfa"]
    # Kwaliteit (8/10*20 + 6/10*10 + 10/10*5) / 35 = 27/35; soevereiniteit from SEAL 3,3,3,3,2,
    # 2,3,0 = 100,75,75,75,50,50,75,0% with the EU CSF 2025 weights 15,10,10,15,20,15,10,5:
    # (1500+750+750+1125+1000+750+750+0)/100 = 66.25%; prijs (150,000 - 110,000) / 70,000 = 4/7.
    # K3 = 50% x 77.142857% + 50% x 66.25% = 71.696...% -> 71.70% (two decimals); prijs
    # 57.142857% -> 57.14%; total = 60% x 71.70% + 40% x 57.14% = 43.02% + 22.856% = 65.876% ->
    # 65.88%.
    assert alfa["Status"] == "Geldig"
    assert alfa["Soevereiniteitsscore"] == pytest.approx(0.6625)
    assert alfa["K3 Soevereiniteit (score)"] == pytest.approx(0.7170)
    assert alfa["Totaal"] == pytest.approx(0.6588)
    # The team filled in no motivering: 4 bidders x (4 eisen and bepalingen + 3 wensen + 8 SOV).
    eisen = wb["Eisen"]
    assert eisen.cell(row=row_of(eisen, "Zonder motivering", column=2), column=column_of(eisen, "Alfa")).value == 4
    resultaat = wb["Resultaat"]
    assert resultaat.cell(row=row_of(resultaat, "Motivering"), column=2).value == (
        "Let op: 60 beoordelingen zonder motivering op de tabbladen Eisen, Wensen en Soevereiniteit."
    )


def test_wide_sheets_print_at_90_percent_with_each_bidders_columns_on_one_page() -> None:
    wb = load(grid_bytes(real_annex("1")))
    for name in ("Eisen", "Wensen", "Soevereiniteit"):
        ws = wb[name]
        assert ws.page_setup.scale == 90, name
        breaks = [int(b.id) for b in ws.col_breaks.brk]
        assert breaks, name
        headers = {c.column: str(c.value) for c in ws[1]}
        for after in breaks:  # a page never starts with a motivering or a score column
            assert not headers[after + 1].endswith((" motivering", " score (%)")), (name, after)
        assert ws.print_title_cols is not None and ws.print_title_cols.startswith("$A:")
    resultaat = wb["Resultaat"]
    assert isinstance(resultaat, Worksheet)
    (chart_break,) = [int(b.id) for b in resultaat.row_breaks.brk]
    anchors = [chart.anchor._from.row for chart in resultaat._charts]
    assert len(anchors) == 2 and all(row >= chart_break for row in anchors)


@pytest.mark.libreoffice
def test_exported_pdf_puts_the_charts_on_a_page_of_their_own(tmp_path: Path) -> None:
    path = tmp_path / "matrix.xlsx"
    path.write_bytes(grid_bytes(real_annex()))
    pages = pdf_text(convert(path, "pdf", tmp_path / "uit")).split("\f")
    chart_pages = [p for p in pages if "Grafieken: totaalscore" in p]
    assert len(chart_pages) == 1
    assert "Status" not in chart_pages[0] and "Controles" not in chart_pages[0]
    assert "Soevereiniteitsprofiel" in chart_pages[0]
