"""The Excel scoring grid: structure, formula safety, determinism, and real computation."""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass, field, replace
from decimal import ROUND_HALF_UP, Decimal
from functools import cache
from pathlib import Path

import openpyxl
import pytest
from openpyxl.utils import get_column_letter
from openpyxl.workbook.workbook import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from aanbesteding.compose.annex import Annex, Requirement, Section
from aanbesteding.compose.award import LIBRARY, AwardModel
from aanbesteding.compose.composer import compose_annex, compose_chapters
from aanbesteding.compose.seal_score import seal_percentage
from aanbesteding.domain import SOVS, Kind
from aanbesteding.errors import OutputError
from aanbesteding.library.loader import Library, load_library
from aanbesteding.library.model import Theme
from aanbesteding.library.policy import Policy
from aanbesteding.tender.model import Ratio, Tender, build_tender
from aanbesteding.writers.xlsx.grid import grid_bytes, write_grid
from tests.libreoffice import convert

# LibreOffice gets the filter name as one argument, so no shell quotes around it.
XLSX_FILTER = "xlsx:Calc MS Excel 2007 XML"
SHEETS = ["Toelichting", "Eisen", "Wensen", "Soevereiniteit", "Prijs", "Resultaat"]
WENS_WEIGHTS = {"W-01": 20, "W-02": 10, "W-03": 5}
NASTY = ['=HYPERLINK("http://x","y")', "+31 20 123", "@SUM(A1)", "-1"]


def requirement(number: str, kind: Kind, weight: int | None = None) -> Requirement:
    return Requirement(
        number=number,
        kind=kind,
        clause_id=f"clausule-{number.lower()}",
        version="1.0.0",
        status="vastgesteld",
        title=f"Titel {number}",
        theme_id="thema",
        text="De Opdrachtnemer doet iets.",
        toelichting="Omdat.",
        wijze_van_aantonen="Een ondertekende verklaring.",
        weight=weight,
        scoring_guidance={10: "Uitstekend.", 0: "Niets."} if weight else {},
        sov=("SOV-1",),
        risks=("R1",),
        sources=("BIO2 5.21.02",),
        terms=(),
        parameters={},
    )


# The leidraad's model for the hand-built annex: K3 (this bijlage) 60%, price 40%; inside K3
# the wensen and the Sovereignty Score weigh 50% each.
GUNNING = {
    "leidraad": "paragraaf 5 van de leidraad",
    "subcriterium": "K3 Soevereiniteit",
    "weging": 60,
    "criteria": [{"naam": "K3 Soevereiniteit", "weging": 60}, {"naam": "Prijs", "weging": 40, "prijs": True}],
    "beslisregel": "hoogste score op K3; daarna loting door een notaris",
    "prijsdefinitie": "de totale prijs over de looptijd",
}
SHARES = (0.6, 0.4)  # K3, price
INSIDE = (0.5, 0.5)  # wensen, Sovereignty Score


def _policy() -> Policy:
    return load_library().policy


def _weights(tender: Tender) -> dict[str, int]:
    """The weights of the tender's weight profile (from beleid.yaml)."""
    return {str(sov): w for sov, w in _policy().weight_profiles[tender.weging].weging.items()}


def make_annex(**values: object) -> Annex:
    """An annex with eisen E-01..E-03, bepaling B-01, three wensen and the SEAL knock-out and
    Sovereignty Score (E-04, W-04, judged on the Soevereiniteit sheet), built by hand."""
    values.setdefault("gunning", GUNNING)
    tender = build_tender(
        {
            "laag": "2",
            "contracttype": "saas",
            "datum": "2026-03-01",
            "inschrijvers": ["Alfa", "Beta", "Gamma", "Delta"],
            **values,
        }
    )
    reqs = (
        requirement("E-01", Kind.EIS),
        requirement("W-01", Kind.WENS, 20),
        requirement("E-02", Kind.EIS),
        requirement("B-01", Kind.BEPALING),
        requirement("W-02", Kind.WENS, 10),
        requirement("E-03", Kind.EIS),
        requirement("W-03", Kind.WENS, 5),
        replace(requirement("E-04", Kind.EIS), scored_in_sov_table=True),
        replace(requirement("W-04", Kind.WENS), scored_in_sov_table=True),
    )
    theme = Theme(id="thema", titel="Thema", volgorde=1, inleiding="Inleiding.")
    award = AwardModel(
        part=True,
        reason="",
        gunning=tender.gunning,
        wensen_share=50,
        sov_share=50,
        split_origin=LIBRARY,
        cap=100,
        decimals=2,
    )
    sections = (Section(theme, reqs),)
    return Annex(
        tender=tender,
        sections=sections,
        definitions=(),
        exclusions=(),
        min_seal=dict(_policy().seal_minimum[tender.laag]),
        library_hash="abc123",
        tool_version="0.1.0",
        award=award,
        weights=_weights(tender),
        weight_profile_label=_policy().weight_profiles[tender.weging].naam,
        chapters=compose_chapters(standard(), tender, Ratio(), sections, award),
    )


@cache
def standard() -> Library:
    return load_library()


def load(data: bytes) -> Workbook:
    return openpyxl.load_workbook(io.BytesIO(data))


def column_of(ws: Worksheet, header: str) -> int:
    for cell in ws[1]:
        if cell.value == header:
            return int(cell.column)
    raise AssertionError(f"kolom {header!r} niet gevonden op {ws.title}")


def row_of(ws: Worksheet, label: str, column: int = 1) -> int:
    for row in range(1, ws.max_row + 1):
        if ws.cell(row=row, column=column).value == label:
            return row
    raise AssertionError(f"rij {label!r} niet gevonden op {ws.title}")


def ids(ws: Worksheet) -> list[str]:
    return [str(c.value) for c in ws["A"][1:] if isinstance(c.value, str) and c.value[:2] in ("E-", "B-", "W-")]


def package_text(data: bytes, members: list[str]) -> str:
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        return "".join(package.read(m).decode() for m in members)


def validated(ws: Worksheet, coordinate: str) -> list[str]:
    """The kinds of data validation covering one cell."""
    return [str(dv.type) for dv in ws.data_validations.dataValidation if coordinate in dv.sqref]


# --- structure --------------------------------------------------------------------------------


def test_sheets_have_the_specified_names_in_order() -> None:
    assert load(grid_bytes(make_annex())).sheetnames == SHEETS


def test_eisen_lists_every_eis_and_bepaling_with_the_annex_numbers_and_clause_ids() -> None:
    annex = make_annex()
    ws = load(grid_bytes(annex))["Eisen"]
    headers = [c.value for c in ws[1]]
    assert headers[:5] == ["Nr.", "Titel", "Soort", "SOV", "Wijze van aantonen"]
    assert headers[5:13:2] == ["Alfa", "Beta", "Gamma", "Delta"]
    expected = [r for r in annex.of_kind(Kind.EIS) + annex.of_kind(Kind.BEPALING) if not r.scored_in_sov_table]
    assert ids(ws) == [r.number for r in expected]
    clause = column_of(ws, "Clausule")
    assert [ws.cell(row=2 + i, column=clause).value for i in range(len(expected))] == [r.clause_id for r in expected]
    assert "list" in validated(ws, "F2") and "list" in validated(ws, "L5")
    assert ws.freeze_panes == "C2"


def test_wensen_lists_every_wens_with_weight_and_a_score_dropdown_per_bidder() -> None:
    ws = load(grid_bytes(make_annex()))["Wensen"]
    assert [c.value for c in ws[1]][:4] == ["Nr.", "Titel", "Weging", "Scoringsleidraad"]
    assert ids(ws) == list(WENS_WEIGHTS)
    assert [ws.cell(row=r, column=3).value for r in (2, 3, 4)] == list(WENS_WEIGHTS.values())
    alfa = column_of(ws, "Alfa")
    assert "list" in validated(ws, f"{get_column_letter(alfa)}2")
    assert column_of(ws, "Alfa punten") == column_of(ws, "Alfa") + 2  # after the motivering
    assert "10: Uitstekend." in str(ws["D2"].value)


def test_soevereiniteit_has_profile_weights_tier_minima_and_validated_inputs() -> None:
    annex = make_annex(weging="eu-csf-2026")
    ws = load(grid_bytes(annex))["Soevereiniteit"]
    weight, minimum = column_of(ws, "Gewicht (%)"), column_of(ws, "Minimum SEAL")
    for offset, sov in enumerate(SOVS):
        row = 2 + offset
        assert str(ws.cell(row=row, column=1).value).startswith(f"{sov} ")
        assert ws.cell(row=row, column=weight).value == _policy().weight_profiles["eu-csf-2026"].weging[sov]
        assert ws.cell(row=row, column=minimum).value == annex.min_seal[sov]
    seal, score = column_of(ws, "Beta SEAL"), column_of(ws, "Beta score (%)")
    assert score == seal + 1
    assert column_of(ws, "Beta SEAL geclaimd") == seal - 1
    assert validated(ws, ws.cell(row=3, column=seal).coordinate) == ["whole"]
    # The percentage is a formula of the SEAL level: no free entry, no validation, locked.
    cell = ws.cell(row=3, column=score)
    assert validated(ws, cell.coordinate) == []
    assert str(cell.value).startswith("=IF(ISNUMBER(") and cell.protection.locked


def test_prijs_and_resultaat_have_one_row_per_bidder_and_resultaat_two_charts() -> None:
    data = grid_bytes(make_annex())
    wb = load(data)
    prijs, result = wb["Prijs"], wb["Resultaat"]
    assert [c.value for c in prijs[1]][:2] == ["Inschrijver", "Inschrijfprijs"]
    assert [prijs.cell(row=r, column=1).value for r in range(2, 6)] == ["Alfa", "Beta", "Gamma", "Delta"]
    assert prijs.cell(row=row_of(prijs, "Pmin"), column=2).protection.locked is False
    headers = [c.value for c in result[1]]
    for name in ("Inschrijver", "Status", "Totaal", "Rangorde"):
        assert name in headers
    assert [result.cell(row=r, column=1).value for r in range(2, 6)] == ["Alfa", "Beta", "Gamma", "Delta"]
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        charts = [n for n in package.namelist() if n.startswith("xl/charts/chart")]
        drawing = package.read("xl/drawings/drawing1.xml").decode()
    assert len(charts) == 2
    assert "barChart" in package_text(data, charts) and "radarChart" in package_text(data, charts)
    assert drawing.count("<c:chart ") == 2


def test_every_sheet_is_protected_with_only_marked_input_cells_unlocked() -> None:
    wb = load(grid_bytes(make_annex()))
    for ws in wb.worksheets:
        assert ws.protection.sheet, ws.title
        for row in ws.iter_rows():
            for cell in row:
                if not cell.protection.locked:
                    assert cell.fill.fgColor.rgb == "00FFF2CC", (ws.title, cell.coordinate)
                if cell.data_type == "f":
                    assert cell.protection.locked, (ws.title, cell.coordinate)
    assert wb["Eisen"]["F2"].protection.locked is False
    assert wb["Eisen"]["A2"].protection.locked is True
    assert wb["Resultaat"]["B2"].protection.locked is True


def test_sheets_freeze_headers_and_print_landscape_fit_to_width_or_readable_pages() -> None:
    wb = load(grid_bytes(make_annex()))
    for name in SHEETS[1:]:
        ws = wb[name]
        assert ws.freeze_panes is not None
        assert ws.page_setup.orientation == "landscape"
        assert str(ws.page_setup.paperSize) == ws.PAPERSIZE_A4
        setup = ws.sheet_properties.pageSetUpPr
        assert setup is not None
        if setup.fitToPage:
            assert ws.page_setup.fitToWidth == 1
        else:  # too wide for one readable page: 90% with whole bidders per page
            assert ws.page_setup.scale == 90 and ws.col_breaks.brk
            assert ws.print_title_cols is not None
        if name != "Resultaat":  # Resultaat's charts get a page without title rows
            assert ws.print_title_rows == "$1:$1"


def test_toelichting_explains_method_legend_ratio_and_provenance() -> None:
    ws = load(grid_bytes(make_annex(prijsmethode="gunnen-op-waarde")))["Toelichting"]
    text = " ".join(str(c.value) for row in ws.iter_rows() for c in row if c.value is not None)
    for expected in (
        "Legenda",
        "Invoercel",
        "abc123",
        "1 maart 2026",
        "Fictieve inschrijfprijs",
        "Aandeel wensen in het subcriterium (%)",
        "Weging Prijs (%)",
        "Beslisregel",
        "Afronding",
    ):
        assert expected in text
    assert ws.cell(row=row_of(ws, "Aandeel wensen in het subcriterium (%)"), column=2).value == 50
    assert ws.cell(row=row_of(ws, "Weging K3 Soevereiniteit (%)"), column=2).value == 60


def test_custom_scale_feeds_the_score_dropdown() -> None:
    wb = load(grid_bytes(make_annex(schaal=[0, 1, 2, 3])))
    destinations = list(wb.defined_names["Schaal"].destinations)
    sheet, cells = destinations[0]
    assert [c[0].value for c in wb[sheet][cells.replace("$", "")]] == [0, 1, 2, 3]


def test_grid_from_the_real_library_uses_the_annex_numbers() -> None:
    annex = compose_annex(load_library(), build_tender({"laag": "2", "contracttype": "saas"}))
    wb = load(grid_bytes(annex))
    per_clause = [r for r in annex.requirements if not r.scored_in_sov_table]
    expected = [r for r in per_clause if r.kind is not Kind.WENS]
    expected.sort(key=lambda r: r.kind is Kind.BEPALING)
    assert ids(wb["Eisen"]) == [r.number for r in expected]
    assert ids(wb["Wensen"]) == [r.number for r in per_clause if r.kind is Kind.WENS]
    clause = column_of(wb["Eisen"], "Clausule")
    assert [wb["Eisen"].cell(row=2 + i, column=clause).value for i in range(len(expected))] == [
        r.clause_id for r in expected
    ]


@pytest.mark.parametrize(("laag", "contracttype"), [("1", "saas"), ("2", "iaas"), ("3", "licentie")])
def test_the_ids_in_the_grid_equal_the_requirements_of_the_annex(laag: str, contracttype: str) -> None:
    annex = compose_annex(load_library(), build_tender({"laag": laag, "contracttype": contracttype}))
    wb = load(grid_bytes(annex))
    in_grid = [i for name in ("Eisen", "Wensen", "Soevereiniteit") for i in ids(wb[name])]
    assert sorted(in_grid) == sorted(r.number for r in annex.requirements)
    assert len(in_grid) == len(set(in_grid))
    sov_sheet = ids(wb["Soevereiniteit"])
    assert sov_sheet == [r.number for r in annex.requirements if r.scored_in_sov_table]
    # the minimum-SEAL eis and the sovereignty-score wens; neither applies to a licentie
    assert bool(sov_sheet) is (contracttype != "licentie")


# --- text stays text, determinism, writing ----------------------------------------------------


def test_bidder_names_that_look_like_formulas_are_written_as_text() -> None:
    wb = load(grid_bytes(make_annex(inschrijvers=NASTY)))
    for ws, first, step in ((wb["Eisen"], 6, 2), (wb["Wensen"], 5, 3)):
        for i, name in enumerate(NASTY):
            cell = ws.cell(row=1, column=first + step * i)
            assert (cell.value, cell.data_type) == (name, "s")
    for ws in (wb["Prijs"], wb["Resultaat"]):
        for i, name in enumerate(NASTY):
            cell = ws.cell(row=2 + i, column=1)
            assert (cell.value, cell.data_type) == (name, "s")
    assert wb["Soevereiniteit"]["F1"].value == f"{NASTY[0]} SEAL"
    assert wb["Soevereiniteit"]["D1"].data_type == "s"


def test_same_annex_gives_identical_bytes_stamped_with_the_tender_date() -> None:
    annex = make_annex()
    first, second = grid_bytes(annex), grid_bytes(annex)
    assert first == second
    with zipfile.ZipFile(io.BytesIO(first)) as package:
        core = package.read("docProps/core.xml").decode()
        assert all(info.date_time[:3] == (2026, 3, 1) for info in package.infolist())
    assert "2026-03-01T00:00:00Z" in core


def test_write_grid_refuses_to_overwrite_without_force(tmp_path: Path) -> None:
    path = tmp_path / "bijlage.xlsx"
    write_grid(make_annex(), path)
    assert load(path.read_bytes()).sheetnames == SHEETS
    with pytest.raises(OutputError):
        write_grid(make_annex(), path)
    write_grid(make_annex(), path, force=True)


# --- the evaluation team fills in the grid; LibreOffice computes it ---------------------------


@dataclass
class Bid:
    price: float
    seal: list[int]
    scores: dict[str, int]
    nee: set[str] = field(default_factory=set)

    @property
    def sov_score(self) -> list[float]:
        """The percentage per objective the bijlage's table gives for each SEAL level."""
        return [float(seal_percentage(sov, level)) for sov, level in zip(SOVS, self.seal, strict=True)]


BIDS = {
    "Alfa": Bid(110_000, [3, 3, 3, 3, 2, 2, 3, 0], {"W-01": 8, "W-02": 6, "W-03": 10}),
    "Beta": Bid(90_000, [4] * 8, {"W-01": 10, "W-02": 10, "W-03": 10}, {"E-02"}),
    "Gamma": Bid(85_000, [4, 4, 4, 4, 1, 4, 4, 4], {"W-01": 10, "W-02": 10, "W-03": 10}),
    "Delta": Bid(100_000, [4, 3, 3, 3, 3, 2, 3, 1], {"W-01": 6, "W-02": 4, "W-03": 6}),
}
PMIN, PMAX, FULL_VALUE = 80_000, 150_000, 30_000


def quality(bid: Bid) -> float:
    return sum(bid.scores[w] / 10 * weight for w, weight in WENS_WEIGHTS.items()) / sum(WENS_WEIGHTS.values())


def sovereignty(bid: Bid, weights: dict[str, int]) -> float:
    return sum(weights[sov] * score for sov, score in zip(SOVS, bid.sov_score, strict=True)) / 1e4


def valid(bid: Bid, annex: Annex) -> bool:
    minima = [annex.min_seal[sov] for sov in SOVS]
    return not bid.nee and all(m is None or s >= m for s, m in zip(bid.seal, minima, strict=True))


def fill(path: Path, bids: dict[str, Bid], **parameters: float) -> None:
    """Fill in every input as an evaluation team would, and save."""
    wb = openpyxl.load_workbook(path)
    eisen, wensen, sov, prijs = wb["Eisen"], wb["Wensen"], wb["Soevereiniteit"], wb["Prijs"]
    for name, bid in bids.items():
        column = column_of(eisen, name)
        for number in ids(eisen):
            answer = "Nee" if number in bid.nee else "Ja"
            eisen.cell(row=row_of(eisen, number), column=column).value = answer
        column = column_of(wensen, name)
        for number, score in bid.scores.items():
            wensen.cell(row=row_of(wensen, number), column=column).value = score
        seal = column_of(sov, f"{name} SEAL")
        for offset in range(len(SOVS)):
            sov.cell(row=2 + offset, column=seal).value = bid.seal[offset]
        prijs.cell(row=row_of(prijs, name), column=2).value = bid.price
    for label, value in parameters.items():
        prijs.cell(row=row_of(prijs, label), column=2).value = value
    wb.save(path)


def recalculated(annex: Annex, tmp_path: Path, bids: dict[str, Bid], **parameters: float) -> Workbook:
    path = tmp_path / "in" / "matrix.xlsx"
    path.parent.mkdir()
    path.write_bytes(grid_bytes(annex))
    fill(path, bids, **parameters)
    result = convert(path, XLSX_FILTER, tmp_path / "uit")
    return openpyxl.load_workbook(result, data_only=True)


def results(wb: Workbook) -> dict[str, dict[str, object]]:
    ws = wb["Resultaat"]
    headers = [c.value for c in ws[1]]
    return {
        str(ws.cell(row=r, column=1).value): {str(h): ws.cell(row=r, column=i + 1).value for i, h in enumerate(headers)}
        for r in range(2, 2 + len(BIDS))
    }


def no_error_values(wb: Workbook) -> list[str]:
    return [
        f"{ws.title}!{c.coordinate}={c.value}"
        for ws in wb.worksheets
        for row in ws.iter_rows()
        for c in row
        if isinstance(c.value, str) and c.value.startswith(("#", "Err:"))
    ]


def half_up(value: float, digits: int = 4) -> float:
    """Round as the bijlage says and the spreadsheet's ROUND does: a 5 rounds up."""
    return float(Decimal(repr(value)).quantize(Decimal(1).scaleb(-digits), ROUND_HALF_UP))


def expected_scores(bid: Bid, annex: Annex) -> tuple[float, float, float]:
    """The K3 score, the price score and the total as the bijlage defines them (rounded to two
    decimals in percent)."""
    weights = annex.weights
    # Every score is rounded before the next step uses it (the bijlage's rounding rule).
    k3 = half_up(INSIDE[0] * half_up(quality(bid)) + INSIDE[1] * half_up(sovereignty(bid, weights)))
    price = half_up(min(1.0, max(0.0, (PMAX - bid.price) / (PMAX - PMIN))))
    return k3, price, half_up(SHARES[0] * k3 + SHARES[1] * price)


@pytest.mark.libreoffice
def test_filled_grid_excludes_knock_outs_and_ranks_valid_bids_like_python(tmp_path: Path) -> None:
    annex = make_annex()
    wb = recalculated(annex, tmp_path, BIDS, Pmin=PMIN, Pmax=PMAX)
    assert no_error_values(wb) == []
    got = results(wb)
    assert got["Beta"]["Status"] == "Uitgesloten: Nee bij E-02"
    assert got["Gamma"]["Status"] == "Uitgesloten: SEAL onder minimum bij SOV-5"
    weights = annex.weights
    expected = {}
    for name, bid in BIDS.items():
        k3, price, total = expected_scores(bid, annex)
        if valid(bid, annex):
            expected[name] = total
            assert got[name]["Status"] == "Geldig"
            assert got[name]["Wensenscore"] == pytest.approx(half_up(quality(bid)))
            assert got[name]["Soevereiniteitsscore"] == pytest.approx(half_up(sovereignty(bid, weights)))
            assert got[name]["K3 Soevereiniteit (score)"] == pytest.approx(k3)
            assert got[name]["Prijsscore"] == pytest.approx(price)
            assert got[name]["Totaal"] == pytest.approx(total)
        else:  # an excluded bid shows no score at all
            for header in (
                "Wensenscore",
                "Soevereiniteitsscore",
                "K3 Soevereiniteit (score)",
                "Prijsscore",
                "Totaal",
                "Rangorde",
            ):
                assert got[name][header] in (None, ""), (name, header)
    ranking = sorted(expected, key=lambda n: -expected[n])
    assert [got[n]["Rangorde"] for n in ranking] == list(range(1, len(ranking) + 1))
    assert got["Gamma"]["SEAL (laagste)"] == 1
    # "SEAL (laagste)" counts only the objectives with a minimum (laag 2: SOV-5), not Alfa's
    # SOV-8 at SEAL-0.
    assert got["Alfa"]["SEAL (laagste)"] == 2
    sov = wb["Soevereiniteit"]
    assert not any("Let op" in str(c.value) for row in sov.iter_rows() for c in row)


@pytest.mark.libreoffice
def test_weights_not_totalling_100_percent_show_a_warning(tmp_path: Path) -> None:
    path = tmp_path / "matrix.xlsx"
    path.write_bytes(grid_bytes(make_annex()))
    wb = openpyxl.load_workbook(path)
    wb["Soevereiniteit"]["B2"] = 20  # SOV-1: 15 -> 20, total 105
    wb.save(path)
    out = openpyxl.load_workbook(convert(path, XLSX_FILTER, tmp_path / "uit"), data_only=True)
    sov = out["Soevereiniteit"]
    assert sov.cell(row=row_of(sov, "Totaal gewicht (%)"), column=2).value == 105
    warnings = [str(c.value) for row in sov.iter_rows() for c in row if str(c.value).startswith("Let op")]
    assert warnings == ["Let op: de gewichten tellen op tot 105% in plaats van 100%."]
    check = out["Resultaat"].cell(row=row_of(out["Resultaat"], "Gewichten soevereiniteit"), column=2).value
    assert str(check).startswith("Let op")


@pytest.mark.libreoffice
def test_award_on_value_ranks_on_the_lowest_fictitious_price(tmp_path: Path) -> None:
    annex = make_annex(prijsmethode="gunnen-op-waarde")
    label = "Waarde volledige score (€)"
    wb = recalculated(annex, tmp_path, BIDS, **{label: FULL_VALUE})
    assert no_error_values(wb) == []
    # The only quality criterion is K3, so the weighted quality score is the K3 score.
    fictitious = {n: b.price - FULL_VALUE * expected_scores(b, annex)[0] for n, b in BIDS.items()}
    prijs = wb["Prijs"]
    column = column_of(prijs, "Fictieve inschrijfprijs")
    for name, value in fictitious.items():
        if valid(BIDS[name], annex):
            assert prijs.cell(row=row_of(prijs, name), column=column).value == pytest.approx(value)
    lowest = min(v for n, v in fictitious.items() if valid(BIDS[n], annex))
    got = results(wb)
    ranking = sorted((n for n in BIDS if valid(BIDS[n], annex)), key=fictitious.__getitem__)
    assert [got[n]["Rangorde"] for n in ranking] == list(range(1, len(ranking) + 1))
    for name in ranking:
        assert got[name]["Totaal"] == pytest.approx(half_up(lowest / fictitious[name]))
    assert got[ranking[0]]["Totaal"] == pytest.approx(1.0)
    assert got["Gamma"]["Rangorde"] in (None, "")


@pytest.mark.libreoffice
def test_formula_like_bidder_names_stay_literal_after_recalculation(tmp_path: Path) -> None:
    bids = dict(zip(NASTY, BIDS.values(), strict=True))
    annex = make_annex(inschrijvers=NASTY)
    wb = recalculated(annex, tmp_path, bids, Pmin=PMIN, Pmax=PMAX)
    assert [wb["Eisen"].cell(row=1, column=6 + 2 * i).value for i in range(4)] == NASTY
    assert [wb["Resultaat"].cell(row=2 + i, column=1).value for i in range(4)] == NASTY
    assert [wb["Prijs"].cell(row=2 + i, column=1).value for i in range(4)] == NASTY
    assert wb["Soevereiniteit"]["F1"].value == f"{NASTY[0]} SEAL"
    assert wb["Resultaat"]["B3"].value == "Uitgesloten: Nee bij E-02"


@pytest.mark.libreoffice
def test_unfilled_grid_from_the_real_library_computes_without_errors(tmp_path: Path) -> None:
    annex = compose_annex(load_library(), build_tender({"laag": "1", "contracttype": "saas"}))
    path = tmp_path / "matrix.xlsx"
    path.write_bytes(grid_bytes(annex))
    wb = openpyxl.load_workbook(convert(path, XLSX_FILTER, tmp_path / "uit"), data_only=True)
    assert no_error_values(wb) == []
    statuses = [wb["Resultaat"].cell(row=r, column=2).value for r in (2, 3, 4)]
    assert all(str(s).startswith("Onvolledig: nog ") for s in statuses)


@pytest.mark.libreoffice
def test_grid_without_eisen_or_wensen_still_computes(tmp_path: Path) -> None:
    annex = make_annex()
    bare = Annex(
        tender=annex.tender,
        sections=(),
        definitions=(),
        exclusions=(),
        chapters=annex.chapters,
        min_seal=annex.min_seal,
        library_hash="abc123",
        tool_version="0.1.0",
        weights=annex.weights,
        weight_profile_label=annex.weight_profile_label,
    )
    path = tmp_path / "matrix.xlsx"
    path.write_bytes(grid_bytes(bare))
    wb = openpyxl.load_workbook(path)
    assert ids(wb["Eisen"]) == [] and ids(wb["Wensen"]) == []
    out = openpyxl.load_workbook(convert(path, XLSX_FILTER, tmp_path / "uit"), data_only=True)
    assert no_error_values(out) == []
    # Without the leidraad's model the price is not scored here: only the 8 SEAL levels are open.
    assert out["Resultaat"]["B2"].value == ("Onvolledig: nog 8 invoervelden in te vullen op tabblad Soevereiniteit")
