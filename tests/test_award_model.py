"""The award model fits the aanbestedingsleidraad: the bijlage works out one sub-criterion with a
schakelbepaling, the grid computes the leidraad's total with the published rounding and
beslisregel, and nothing is final while an award input is missing."""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from typing import Any

import docx
import openpyxl
import pytest

from aanbesteding.assemble.award_content import award
from aanbesteding.assemble.blocks import Bullets, Para, Table
from aanbesteding.compose.annex import Annex
from aanbesteding.compose.composer import compose_annex
from aanbesteding.compose.rules import status_gate
from aanbesteding.compose.seal_score import seal_percentage
from aanbesteding.domain import SOVS, Kind
from aanbesteding.errors import InputError, PolicyError
from aanbesteding.library.loader import Library, load_library
from aanbesteding.tender.model import build_tender
from aanbesteding.writers.xlsx.grid import GridLayout, grid_bytes
from tests.conftest import STANDARD, Runner
from tests.libreoffice import convert
from tests.test_xlsx_grid import XLSX_FILTER, column_of, half_up, no_error_values, row_of

GUNNING: dict[str, Any] = {
    "leidraad": "paragraaf 5.2 van de Aanbestedingsleidraad",
    "subcriterium": "K3 Digitale soevereiniteit",
    "weging": 20,
    "criteria": [
        {"naam": "K1 Functionaliteit", "weging": 30},
        {"naam": "K2 Implementatie", "weging": 10},
        {"naam": "K3 Digitale soevereiniteit", "weging": 20},
        {"naam": "Prijs", "weging": 40, "prijs": True},
    ],
    "beslisregel": "hoogste score op K1; daarna loting door een notaris",
    "prijsdefinitie": "de totale prijs over de looptijd van vier jaar, exclusief btw",
}
BIDDERS = ["Alfa", "Beta", "Gamma"]
PMIN, PMAX = 400_000, 900_000


@pytest.fixture(scope="module")
def library() -> Library:
    return load_library()


def annex_for(library: Library, laag: str = "2", contracttype: str = "saas", **values: Any) -> Annex:
    return compose_annex(
        library,
        build_tender(
            {"laag": laag, "contracttype": contracttype, "inschrijvers": BIDDERS, "datum": "2026-12-07", **values}
        ),
    )


def chapter_text(annex: Annex) -> str:
    parts: list[str] = []
    for block in award(annex):
        if isinstance(block, Para):
            parts.append(block.text)
        elif isinstance(block, Bullets):
            parts.extend(block.items)
        elif isinstance(block, Table):
            parts.extend(" ".join(row) for row in block.rows)
        else:
            parts.append(getattr(block, "text", ""))
    return "\n".join(parts)


# --- the bijlage ---------------------------------------------------------------------------------


def test_without_gunning_the_bijlage_has_no_total_formula_and_names_what_is_missing(library: Library) -> None:
    annex = annex_for(library)
    text = chapter_text(annex)
    assert "Eindscore" not in text and "Totaalscore =" not in text
    assert "nog niet volledig opgegeven" in text and "concept" in text
    assert any("gunningsmodel van de aanbestedingsleidraad" in m for m in annex.award.missing)
    warnings = status_gate(annex)
    assert any("nog niet opgegeven" in w for w in warnings)


def test_with_gunning_the_bijlage_names_the_sub_criterion_its_share_and_the_leidraad(library: Library) -> None:
    annex = annex_for(library, gunning=GUNNING, pmin=PMIN, pmax=PMAX)
    text = chapter_text(annex)
    assert "K3 Digitale soevereiniteit" in text and "voor 20% meetelt in de totaalscore" in text
    assert "paragraaf 5.2 van de Aanbestedingsleidraad" in text
    assert (
        "Totaalscore = 30% × score K1 Functionaliteit + 10% × score K2 Implementatie + 20% × "
        "score K3 Digitale soevereiniteit + 40% × prijsscore"
    ) in text
    assert "Score K3 Digitale soevereiniteit = 70% × wensenscore + 30% × Soevereiniteitsscore" in text
    assert "hoogste score op K1; daarna loting door een notaris" in text
    assert "op 2 decimalen afgerond" in text and "voordat zij in een volgende stap" in text
    assert "P is de totale prijs over de looptijd van vier jaar" in text
    assert annex.award.missing == ()


def test_the_method_is_based_on_the_eu_csf_and_names_the_buyers_own_choices(library: Library) -> None:
    text = chapter_text(annex_for(library, gunning=GUNNING))
    assert "gebaseerd op het EU Cloud Sovereignty Framework" in text
    assert "volgt de methode van" not in text
    assert "keuzes zijn die van de Aanbestedende Dienst" in text
    assert "telt niet" in text  # a published EU CSF score


def test_the_sub_criterion_share_is_capped_per_tier(library: Library) -> None:
    with pytest.raises(PolicyError, match=r"gunning\.weging.*hoogstens 25%"):
        annex_for(library, gunning={**GUNNING, "weging": 30, "criteria": []})


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (
            {"criteria": [{"naam": "K1", "weging": 50}, {"naam": "Prijs", "weging": 40, "prijs": True}]},
            "tellen op tot 90%",
        ),
        ({"weging": 25}, "verschilt van de weging"),
        ({"subcriterium": "K9 Onbekend"}, "staat niet in criteria"),
    ],
)
def test_an_inconsistent_gunning_block_is_refused_naming_the_field(
    library: Library, change: dict[str, Any], message: str
) -> None:
    with pytest.raises(InputError, match=message):
        annex_for(library, gunning={**GUNNING, **change})


def test_laag_3_licentie_has_no_award_part_and_mentions_no_seal_minimum(library: Library) -> None:
    annex = annex_for(library, "3", "licentie")
    assert not annex.award.part
    assert annex.of_kind(Kind.WENS) == ()  # eisen and bepalingen only
    assert any(e.reason.startswith("geen eigen gunningscriterium") for e in annex.exclusions)
    text = chapter_text(annex)
    assert "geen gunningscriterium" in text and "juridische afdeling" not in text
    assert "SEAL" not in text and "minimum" not in text
    with pytest.raises(PolicyError, match="geen eigen gunningsdeel"):
        annex_for(library, "3", "licentie", gunning=GUNNING)


def test_exclusion_rule_is_the_same_in_bijlage_and_grid(library: Library) -> None:
    annex = annex_for(library, gunning=GUNNING, pmin=PMIN, pmax=PMAX)
    text = chapter_text(annex)
    ws = openpyxl.load_workbook(__import__("io").BytesIO(grid_bytes(annex)))["Toelichting"]
    rule = str(ws.cell(row=row_of(ws, "Uitsluiting"), column=3).value)
    for line in (
        "een eis (KO) die de Inschrijver met 'nee' beantwoordt",
        "een contractbepaling die de Inschrijver niet of onder voorbehoud aanvaardt",
        "een SEAL-niveau onder het minimum",
    ):
        assert line in text and line in rule
    for key in ("Afronding", "Beslisregel"):
        assert str(ws.cell(row=row_of(ws, key), column=3).value) in text


def test_the_laag_1_justification_is_never_the_library_default(library: Library) -> None:
    annex = annex_for(library, "1", "saas", gunning={**GUNNING, "weging": 20})
    texts = " ".join(r.text + r.toelichting for r in annex.requirements)
    assert "heeft vastgesteld dat wezenlijke veiligheidsbelangen" not in texts
    assert "nog niet vastgesteld" in texts
    assert annex.award.justification_open
    assert any(m.startswith("veiligheidsanalyse") for m in annex.award.missing)
    given = annex_for(
        library,
        "1",
        "saas",
        gunning=GUNNING,
        parameters={
            "rechtvaardiging": "de veiligheidsanalyse VA-2026-3 van 1 "
            "november 2026 toont aan dat de BRP-koppeling een wezenlijk "
            "veiligheidsbelang raakt"
        },
        veiligheidsanalyse="VA-2026-3, 1 november 2026",
        route="artikel-2.24",
    )
    assert not given.award.justification_open
    assert not any("rechtvaardiging" in m or "veiligheidsanalyse" in m or "route" in m for m in given.award.missing)


# --- definitief refuses, and writes nothing -----------------------------------------------------


def _adopt(folder: Path) -> None:
    for path in folder.rglob("*.yaml"):
        text = path.read_text(encoding="utf-8")
        if re.search(r"^status: (concept|in-review)$", text, re.MULTILINE):
            text = re.sub(r"^status: .*$", "status: vastgesteld", text, count=1, flags=re.M)
            text = re.sub(r"^beoordeeld_door: .*$", "beoordeeld_door: mr. J. Jansen", text, count=1, flags=re.M)
            text = re.sub(r"^beoordeeld_op: .*$", "beoordeeld_op: 2026-11-01", text, count=1, flags=re.M)
            path.write_text(text, encoding="utf-8")


def test_definitief_without_gunning_refuses_and_writes_nothing(tmp_path: Path, run: Runner) -> None:
    adopted = tmp_path / "bib"
    shutil.copytree(STANDARD, adopted)
    _adopt(adopted)
    out = tmp_path / "uit"
    out.mkdir()
    code, _, err = run(
        [
            "genereer",
            "--laag",
            "2",
            "--contracttype",
            "saas",
            "--bibliotheek",
            str(adopted),
            "--status",
            "definitief",
            "--uitvoer",
            str(out / "b"),
        ]
    )
    assert code != 0
    assert "gunningsmodel" in err and "Traceback" not in err
    assert list(out.iterdir()) == []
    profile = tmp_path / "profiel.yaml"
    import yaml

    profile.write_text(
        yaml.safe_dump(
            {"laag": 2, "contracttype": "saas", "gunning": GUNNING, "pmin": PMIN, "pmax": PMAX, "status": "definitief"},
            allow_unicode=True,
        ),
        encoding="utf-8",
    )
    code, _, err = run(["genereer", str(profile), "--bibliotheek", str(adopted), "--uitvoer", str(out / "b")])
    assert code == 0, err
    assert (out / "b.docx").exists()


# --- the grid, filled for three bidders and recalculated ---------------------------------------


def _fill(path: Path, annex: Annex, bids: dict[str, dict[str, Any]]) -> None:
    layout = GridLayout.from_annex(annex, criteria=("K1 Functionaliteit", "K2 Implementatie"))
    wb = openpyxl.load_workbook(path)
    for i, name in enumerate(layout.bidders):
        bid = bids[name]
        for row in layout.eisen_rows.values():
            wb["Eisen"].cell(row=row, column=layout.eis_answer(i)).value = "Ja"
            wb["Eisen"].cell(row=row, column=layout.eis_motivering(i)).value = "Bewijs klopt."
        for number, row in layout.wensen_rows.items():
            wb["Wensen"].cell(row=row, column=layout.wens_score(i)).value = bid["wensen"][number]
        for sov, row in layout.sov_rows.items():
            wb["Soevereiniteit"].cell(row=row, column=layout.seal(i)).value = bid["seal"][sov]
        for k, criterion in enumerate(("K1", "K2")):
            wb["Criteria"].cell(row=layout.criteria_row(i), column=layout.criterion_score(k)).value = bid[criterion]
        wb["Prijs"].cell(row=layout.price_row(i), column=2).value = bid["price"]
    wb.save(path)


def _hand(annex: Annex, bid: dict[str, Any]) -> tuple[float, float]:
    """The K3 score and the total as the bijlage's text defines them (fractions)."""
    wensen = [r for r in annex.of_kind(Kind.WENS) if not r.scored_in_sov_table]
    quality = sum(bid["wensen"][r.number] / 10 * (r.weight or 0) for r in wensen) / sum(r.weight or 0 for r in wensen)
    weights = annex.weights
    sovereignty = sum(seal_percentage(s, bid["seal"][s]) * weights[s] for s in SOVS) / 100
    # Every score is rounded before the next step uses it (the bijlage's rounding rule).
    k3 = half_up(0.70 * half_up(quality) + 0.30 * half_up(sovereignty / 100))
    price = half_up(min(1.0, max(0.0, (PMAX - bid["price"]) / (PMAX - PMIN))))
    total = half_up(0.30 * bid["K1"] / 100 + 0.10 * bid["K2"] / 100 + 0.20 * k3 + 0.40 * price)
    return k3, total


def _bids(annex: Annex) -> dict[str, dict[str, Any]]:
    numbers = [r.number for r in annex.of_kind(Kind.WENS) if not r.scored_in_sov_table]
    high = dict.fromkeys(numbers, 8)
    mixed = {n: (10, 6, 4)[k % 3] for k, n in enumerate(numbers)}
    seal_a = {"SOV-1": 3, "SOV-2": 3, "SOV-3": 4, "SOV-4": 3, "SOV-5": 2, "SOV-6": 3, "SOV-7": 2, "SOV-8": 1}
    seal_b = {"SOV-1": 1, "SOV-2": 3, "SOV-3": 3, "SOV-4": 3, "SOV-5": 3, "SOV-6": 2, "SOV-7": 3, "SOV-8": 0}
    # Beta and Gamma tie on the total (same bid, K1/K2 traded off: 0.3*70+0.1*40 =
    # 0.3*60+0.1*70); the beslisregel (highest K1) puts Beta first.
    return {
        "Alfa": {"wensen": mixed, "seal": seal_a, "K1": 80, "K2": 50, "price": 650_000},
        "Beta": {"wensen": high, "seal": seal_b, "K1": 70, "K2": 40, "price": 600_000},
        "Gamma": {"wensen": high, "seal": seal_b, "K1": 60, "K2": 70, "price": 600_000},
    }


def _recalculated(tmp_path: Path, annex: Annex, bids: dict[str, dict[str, Any]]) -> Any:
    path = tmp_path / "in" / "matrix.xlsx"
    path.parent.mkdir(parents=True)
    path.write_bytes(grid_bytes(annex))
    _fill(path, annex, bids)
    return openpyxl.load_workbook(convert(path, XLSX_FILTER, tmp_path / "uit"), data_only=True)


@pytest.mark.libreoffice
def test_filled_grid_gives_the_hand_computed_totals_and_applies_the_beslisregel(
    library: Library, tmp_path: Path
) -> None:
    annex = annex_for(library, gunning=GUNNING, pmin=PMIN, pmax=PMAX)
    bids = _bids(annex)
    wb = _recalculated(tmp_path, annex, bids)
    assert no_error_values(wb) == []
    ws = wb["Resultaat"]
    got = {ws.cell(row=r, column=1).value: r for r in range(2, 5)}
    total, rank = column_of(ws, "Totaal"), column_of(ws, "Rangorde")
    k3 = column_of(ws, "K3 Digitale soevereiniteit (score)")
    tie = column_of(ws, "Beslisregel")
    expected = {name: _hand(annex, bid) for name, bid in bids.items()}
    for name, row in got.items():
        assert ws.cell(row=row, column=2).value == "Geldig", ws.cell(row=row, column=2).value
        assert ws.cell(row=row, column=k3).value == pytest.approx(expected[name][0], abs=1e-9)
        assert ws.cell(row=row, column=total).value == pytest.approx(expected[name][1], abs=1e-9)
    assert expected["Beta"][1] == expected["Gamma"][1]
    order = sorted(bids, key=lambda n: (-expected[n][1], -bids[n]["K1"]))
    assert [ws.cell(row=got[n], column=rank).value for n in order] == [1, 2, 3]
    assert all(ws.cell(row=got[n], column=tie).value in (None, "") for n in bids)


@pytest.mark.libreoffice
def test_equal_bids_on_total_and_tie_criterion_are_marked_for_the_beslisregel(library: Library, tmp_path: Path) -> None:
    annex = annex_for(library, gunning=GUNNING, pmin=PMIN, pmax=PMAX)
    bids = _bids(annex)
    bids["Gamma"] = dict(bids["Beta"])
    wb = _recalculated(tmp_path, annex, bids)
    ws = wb["Resultaat"]
    rank, tie = column_of(ws, "Rangorde"), column_of(ws, "Beslisregel")
    assert ws.cell(row=3, column=rank).value == ws.cell(row=4, column=rank).value
    assert str(ws.cell(row=3, column=tie).value).startswith("Gelijke stand met Gamma")
    assert str(ws.cell(row=4, column=tie).value).startswith("Gelijke stand met Beta")


@pytest.mark.libreoffice
def test_excluded_bids_show_no_score_and_name_every_failed_item(library: Library, tmp_path: Path) -> None:
    annex = annex_for(library, gunning=GUNNING, pmin=PMIN, pmax=PMAX)
    layout = GridLayout.from_annex(annex)
    path = tmp_path / "in" / "matrix.xlsx"
    path.parent.mkdir(parents=True)
    path.write_bytes(grid_bytes(annex))
    _fill(path, annex, _bids(annex))
    wb = openpyxl.load_workbook(path)
    numbers = list(layout.eisen_rows)
    eis, bepaling = numbers[1], next(n for n in numbers if n.startswith("B-"))
    for number in (eis, bepaling):
        wb["Eisen"].cell(row=layout.eisen_rows[number], column=layout.eis_answer(0)).value = "Nee"
    wb["Soevereiniteit"].cell(row=layout.sov_rows["SOV-5"], column=layout.seal(0)).value = 1
    wb.save(path)
    out = openpyxl.load_workbook(convert(path, XLSX_FILTER, tmp_path / "uit"), data_only=True)
    ws = out["Resultaat"]
    status = str(ws.cell(row=2, column=2).value)
    assert status.startswith("Uitgesloten: Nee bij ")
    assert eis in status and bepaling in status and "SEAL onder minimum bij SOV-5" in status
    assert all(
        ws.cell(row=2, column=c).value in (None, "")
        for c in range(3, ws.max_column + 1)
        if ws.cell(row=1, column=c).value != "SEAL (laagste)"
    )


@pytest.mark.libreoffice
def test_laag_3_licentie_ranks_three_bidders_without_any_sovereignty_input(library: Library, tmp_path: Path) -> None:
    gunning = {
        "leidraad": "paragraaf 4 van de Aanbestedingsleidraad",
        "criteria": [{"naam": "K1 Kwaliteit", "weging": 60}, {"naam": "Prijs", "weging": 40, "prijs": True}],
        "beslisregel": "hoogste score op K1; daarna loting door een notaris",
        "prijsdefinitie": "de licentieprijs over vier jaar, exclusief btw",
    }
    annex = annex_for(library, "3", "licentie", gunning=gunning, pmin=100_000, pmax=200_000)
    layout = GridLayout.from_annex(annex, criteria=("K1 Kwaliteit",))
    path = tmp_path / "in" / "matrix.xlsx"
    path.parent.mkdir(parents=True)
    path.write_bytes(grid_bytes(annex))
    wb = openpyxl.load_workbook(path)
    for i, (k1, price) in enumerate(((80, 150_000), (60, 120_000), (100, 190_000))):
        for row in layout.eisen_rows.values():
            wb["Eisen"].cell(row=row, column=layout.eis_answer(i)).value = "Ja"
        wb["Criteria"].cell(row=layout.criteria_row(i), column=layout.criterion_score(0)).value = k1
        wb["Prijs"].cell(row=layout.price_row(i), column=2).value = price
    wb.save(path)
    out = openpyxl.load_workbook(convert(path, XLSX_FILTER, tmp_path / "uit"), data_only=True)
    ws = out["Resultaat"]
    assert no_error_values(out) == []
    headers = [c.value for c in ws[1]]
    assert "Soevereiniteitsscore" not in headers and "SEAL (laagste)" not in headers
    totals = [ws.cell(row=r, column=column_of(ws, "Totaal")).value for r in (2, 3, 4)]
    assert totals == pytest.approx([0.68, 0.68, 0.64])
    # 0.68 = 0.68: the beslisregel (highest K1) separates Alfa (80) from Beta (60).
    assert [ws.cell(row=r, column=column_of(ws, "Rangorde")).value for r in (2, 3, 4)] == [1, 2, 3]


def test_the_grid_of_laag_3_licentie_without_gunning_needs_no_seal_input(library: Library) -> None:
    annex = annex_for(library, "3", "licentie")
    wb = openpyxl.load_workbook(__import__("io").BytesIO(grid_bytes(annex)))
    status = str(wb["Resultaat"]["B2"].value)
    assert "Soevereiniteit" not in status.split(",IF(")[-1] or "Soevereiniteit" not in status


def test_the_docx_bijlage_is_concept_when_gunning_is_missing(library: Library, tmp_path: Path) -> None:
    from aanbesteding.api import generate

    result = generate(build_tender({"laag": 2, "contracttype": "saas"}), library, tmp_path / "b.docx")
    assert any("nog niet opgegeven" in w for w in result.warnings)
    text = "\n".join(p.text for p in docx.Document(str(tmp_path / "b.docx")).paragraphs)
    assert "Eindscore" not in text and "nog niet volledig opgegeven" in text


# --- award criteria concern the offer, not the company ---------------------------------------------

_MANAGEMENT_SYSTEM = re.compile(r"\bISO(?:/IEC)?\s?\d{4,5}\b")
_CERTIFICATE = re.compile(r"\bcertifica(?:at|ten|ering)\b", re.IGNORECASE)


def _scores_a_certificate(guidance: dict[int, str]) -> bool:
    """Whether scoring guidance rewards holding a management-system certificate (a suitability
    attribute of the company, HvJ C-532/06 Lianakis), rather than what the offer provides."""
    text = " ".join(guidance.values())
    return bool(_MANAGEMENT_SYSTEM.search(text)) and any(_CERTIFICATE.search(step) for step in guidance.values())


def _wens_clauses() -> list[Any]:
    return [
        pytest.param(item, id=item.clause.id)
        for item in load_library().clauses
        if "wens" in item.clause.lagen.model_dump().values()
    ]


def test_the_certificate_rule_recognises_a_certificate_as_scoring_element() -> None:
    assert _scores_a_certificate({0: "Geen certificaat volgens ISO/IEC 27001.", 10: "Ja."})
    assert not _scores_a_certificate({0: "Recycling door een volgens EN 50625 gecertificeerde verwerker.", 10: "Ja."})


@pytest.mark.parametrize("item", _wens_clauses())
def test_no_wens_scores_a_certificate(item: Any) -> None:
    assert not _scores_a_certificate(dict(item.clause.scoringsleidraad or {})), item.clause.id


def test_the_commented_gunning_block_of_init_works_when_uncommented(tmp_path: Path) -> None:
    from aanbesteding.tender.profile import profile_template, tender_from_options

    lines = profile_template({"laag": 2, "contracttype": "saas"}).splitlines()
    start = lines.index("# gunning:")
    end = start + 1
    while lines[end].startswith("#   "):
        end += 1
    profile = tmp_path / "p.yaml"
    profile.write_text(
        "\n".join(lines[:start] + [x[2:] for x in lines[start:end]] + lines[end:]) + "\n", encoding="utf-8"
    )
    tender = tender_from_options(profile, {})
    assert tender.gunning is not None and tender.gunning.share == 20
    assert tender.gunning.tie_criterion() is not None
    assert tender.gunning.tie_criterion().naam == "K1 Functionaliteit"  # type: ignore[union-attr]


def test_gunning_option_items_are_parsed_and_bad_items_named(run: Runner, tmp_path: Path) -> None:
    code, _, err = run(
        [
            "genereer",
            "--laag",
            "2",
            "--contracttype",
            "saas",
            "--gunning",
            "criterium=K1",
            "--uitvoer",
            str(tmp_path / "b.docx"),
        ]
    )
    assert code != 0 and "--gunning 'criterium=K1'" in err and "Traceback" not in err
    code, _, err = run(
        [
            "genereer",
            "--laag",
            "2",
            "--contracttype",
            "saas",
            "--gunning",
            "subcriterium=K3",
            "--gunning",
            "weging=40",
            "--uitvoer",
            str(tmp_path / "b.docx"),
        ]
    )
    assert code != 0 and "hoogstens 25%" in err and not (tmp_path / "b.docx").exists()


# --- the verantwoording and chapter 1 ---------------------------------------------------------------


def _blocks_text(blocks: list[Any]) -> str:
    parts: list[str] = []
    for block in blocks:
        if isinstance(block, Table):
            parts.extend(" | ".join(row) for row in block.rows)
        elif isinstance(block, Bullets):
            parts.extend(block.items)
        else:
            parts.append(getattr(block, "text", ""))
    return "\n".join(parts)


def test_the_verantwoording_records_the_award_model_and_where_each_default_came_from(library: Library) -> None:
    from aanbesteding.assemble.accountability_content import accountability

    k3 = _blocks_text(accountability(annex_for(library, gunning=GUNNING, pmin=PMIN, pmax=PMAX)))
    assert "Gunningsmodel en motivering van de weging" in k3
    assert "K3 Digitale soevereiniteit, 20% van de totaalscore (maximum in deze laag: 25%)" in k3
    assert "Pmin € 400.000,00, Pmax € 900.000,00" in k3.replace("\xa0", " ")
    assert "Marktconsultatie bij zware knock-outs" in k3
    assert "Herkomst van de standaarden" in k3 and "opgegeven door de inkoper" in k3
    assert "standaard van de clausulebibliotheek" in k3
    assert "Motivering van de weging: Nog niet vastgelegd" in k3
    laag1 = _blocks_text(accountability(annex_for(library, "1", "iaas")))
    assert "Veiligheidsanalyse en rechtvaardiging (laag 1)" in laag1
    assert "in te vullen door de inkoper" in laag1
    licence = _blocks_text(accountability(annex_for(library, "3", "licentie")))
    assert "Dit is de standaard die de clausulebibliotheek" not in licence
    assert "geen: de wensen die de bibliotheek voor deze laag en dit contracttype kent, wegen samen 5 punten" in licence
    assert "geen eigen gunningscriterium in deze bijlage" in licence  # the wens is left out


def test_chapter_1_has_one_rule_for_evidence_and_an_applicable_precedence_rule(library: Library) -> None:
    from aanbesteding.assemble.annex_content import introduction

    text = _blocks_text(introduction(annex_for(library)))
    assert "kan de Aanbestedende Dienst volstaan" not in text
    assert "tenzij de algemene voorwaarden" not in text
    assert "Wat bij de Inschrijving moet worden gevoegd, staat bij het onderdeel zelf" in text
    assert "gaat deze bijlage voor." in text
    assert "een Inschrijving die een bepaling niet of onder voorbehoud aanvaardt, wordt terzijde gelegd" in text
    licence = _blocks_text(introduction(annex_for(library, "3", "licentie")))
    assert "geen eigen gunningscriterium" in licence
