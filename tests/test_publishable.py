"""The bijlage can go to bidders: nothing internal in it, the award method in full; the
verantwoording keeps what belongs in the dossier."""

from __future__ import annotations

import datetime as dt
import io
import re
import subprocess
import zipfile
from pathlib import Path

import docx
import pytest

from aanbesteding.api import generate
from aanbesteding.compose.composer import compose_annex
from aanbesteding.domain import SOVS
from aanbesteding.errors import PolicyError
from aanbesteding.library.loader import Library, load_library
from aanbesteding.tender.model import build_tender
from tests.conftest import LibraryFactory, clause_data
from tests.libreoffice import convert, soffice

BIDDERS = ["Alfa Cloud B.V.", "Beta Hosting N.V.", "Gamma Diensten"]
VERSION = re.compile(r"\b\d+\.\d+\.\d+\b")
RISK_CODE = re.compile(r"\bR(?:[1-9]|1[01])\b")


@pytest.fixture(scope="module")
def library() -> Library:
    return load_library()


def _weights(profile: str) -> dict[str, int]:
    return {str(sov): w for sov, w in load_library().policy.weight_profiles[profile].weging.items()}


def _all_text(data: bytes) -> str:
    """Every text in every XML part of a .docx: body, header, footer, properties."""
    parts = []
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        for name in package.namelist():
            if name.endswith(".xml"):
                xml = package.read(name).decode("utf-8")
                parts.append(" ".join(re.findall(r">([^<]+)<", xml)))
    return " ".join(parts)


@pytest.fixture(scope="module")
def generated(library: Library, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("stukken")
    gunning = {
        "leidraad": "paragraaf 5.2 van de Aanbestedingsleidraad",
        "subcriterium": "K3 Digitale soevereiniteit",
        "weging": 30,
        "criteria": [
            {"naam": "K1 Functionaliteit", "weging": 40},
            {"naam": "K3 Digitale soevereiniteit", "weging": 30},
            {"naam": "Prijs", "weging": 30, "prijs": True},
        ],
        "beslisregel": "hoogste score op K1; daarna loting door een notaris",
        "prijsdefinitie": "de totale prijs over vier jaar, exclusief btw",
    }
    tender = build_tender(
        {
            "laag": 1,
            "contracttype": "saas",
            "datum": dt.date(2026, 11, 23),
            "organisatie": "Gemeente Voorbeeld",
            "inschrijvers": BIDDERS,
            "weging": "eu-csf-2026",
            "gunning": gunning,
            "pmin": 400000,
            "pmax": 900000,
        }
    )
    result = generate(tender, library, folder / "bijlage.docx")
    return {f.format: f.path for f in result.files}


def test_the_bijlage_holds_nothing_internal(generated: dict[str, Path], library: Library) -> None:
    text = _all_text(generated["docx"].read_bytes())
    for bidder in BIDDERS:
        assert bidder not in text
    assert library.content_hash not in text and library.content_hash[:12] not in text
    versions = {c.clause.versie for c in library.clauses}
    assert set(VERSION.findall(text)) & versions == set()
    assert RISK_CODE.findall(text) == []
    assert not any(c.clause.id in text for c in library.clauses if c.clause.id.count("-") >= 2)


def test_the_verantwoording_keeps_hash_versions_risks_and_bidders(generated: dict[str, Path], library: Library) -> None:
    text = _all_text(generated["verantwoording"].read_bytes())
    assert library.content_hash in text
    assert VERSION.search(text)
    assert RISK_CODE.search(text)
    for bidder in BIDDERS:
        assert bidder in text


def test_the_bijlage_publishes_the_award_method(generated: dict[str, Path], library: Library) -> None:
    document = docx.Document(str(generated["docx"]))
    body = "\n".join(p.text for p in document.paragraphs)
    assert (
        "Totaalscore = 40% × score K1 Functionaliteit + 30% × score K3 Digitale soevereiniteit + 30% × prijsscore"
    ) in body
    assert "Score K3 Digitale soevereiniteit = 60% × wensenscore + 40% × Soevereiniteitsscore" in body
    weights = next(
        t for t in document.tables if [c.text for c in t.rows[0].cells] == ["Doelstelling", "Omschrijving", "Gewicht"]
    )
    assert {r.cells[0].text: r.cells[2].text for r in weights.rows[1:]} == {
        sov: f"{w}%" for sov, w in _weights("eu-csf-2026").items()
    }
    evidence = next(
        t for t in document.tables if [c.text for c in t.rows[0].cells] == ["Doelstelling", "Niveau", "Bewijs"]
    )
    levels = [r.cells[1].text for r in evidence.rows[1:]]
    assert levels.count("SEAL-1") == len(SOVS) and levels.count("SEAL-4") == len(SOVS)
    body = "\n".join(p.text for p in document.paragraphs)
    assert "Prijsscore = (Pmax − P) / (Pmax − Pmin)" in body
    assert "Pmin" in body and "Pmax" in body
    percentages = next(
        t for t in document.tables if [c.text for c in t.rows[0].cells][:2] == ["Doelstelling", "SEAL-0"]
    )
    assert [c.text for c in percentages.rows[1].cells] == ["SOV-1", "0%", "33%", "67%", "100%", "100%"]
    assert [c.text for c in percentages.rows[2].cells] == ["SOV-2", "0%", "25%", "50%", "75%", "100%"]
    annex = compose_annex(library, build_tender({"laag": 1, "contracttype": "saas"}))
    overview = next(
        t for t in document.tables if t.rows[0].cells[0].text == "Nr." and t.rows[0].cells[1].text == "Soort"
    )
    assert [r.cells[0].text for r in overview.rows[1:]] == [r.number for r in annex.requirements]
    assert {r.cells[1].text for r in overview.rows[1:]} == {"KO-eis", "Wens", "Bepaling"}


def test_a_cover_shows_only_details_that_have_a_value(library: Library) -> None:
    from aanbesteding.writers.docx.annex import annex_bytes

    annex = compose_annex(
        library,
        build_tender({"laag": 3, "contracttype": "saas", "aanduiding": "Bijlage 3 bij de Aanbestedingsleidraad"}),
    )
    document = docx.Document(io.BytesIO(annex_bytes(annex)))
    labels = [row.cells[0].text for row in document.tables[0].rows]
    values = [row.cells[1].text for row in document.tables[0].rows]
    assert "Kenmerk" not in labels and "Systeem" not in labels
    assert "Aanbestedende Dienst" not in labels  # no name given: no placeholder name either
    assert all(v.strip() and v != "—" for v in values)
    assert "Bijlage 3 bij de Aanbestedingsleidraad" in [p.text for p in document.paragraphs[:6]]


def test_laag_3_refuses_a_sovereignty_share_above_its_maximum(library: Library) -> None:
    tender = build_tender(
        {"laag": 3, "contracttype": "saas", "verhouding": {"kwaliteit": 40, "soevereiniteit": 30, "prijs": 30}}
    )
    with pytest.raises(PolicyError) as info:
        compose_annex(library, tender)
    message = str(info.value)
    assert "30%" in message and "hoogstens 15%" in message and "laag 3" in message


def test_without_a_share_the_tier_default_of_the_library_applies(library: Library) -> None:
    annex = compose_annex(library, build_tender({"laag": 3, "contracttype": "saas"}))
    shares = library.policy.shares_for(annex.laag)
    assert annex.ratio.soevereiniteit == shares.soevereiniteit <= shares.maximum_soevereiniteit


def test_a_clause_refers_to_another_by_its_number(make_library: LibraryFactory) -> None:
    target = clause_data(
        id="doel", titel="Doelclausule", lagen={"kritiek": "bepaling"}, weging=None, scoringsleidraad=None
    )
    source = clause_data(
        id="bron",
        tekst="Zie bepaling {{ 'doel' | verwijzing }}. De Opdrachtnemer "
        "meldt elke nieuwe Subverwerker {{ termijn_dagen }} dagen vooraf.",
    )
    root = make_library({"keten/doel.yaml": target, "keten/bron.yaml": source})
    library = load_library(root)
    annex = compose_annex(library, build_tender({"laag": 1, "contracttype": "saas"}))
    bron = next(r for r in annex.requirements if r.clause_id == "bron")
    doel = next(r for r in annex.requirements if r.clause_id == "doel")
    assert f"Zie bepaling {doel.number}." in bron.text
    laag2 = compose_annex(library, build_tender({"laag": 2, "contracttype": "saas"}))
    assert "'Doelclausule' (geen onderdeel van deze bijlage)" in laag2.requirements[0].text


def test_a_reference_to_an_unknown_clause_is_a_library_problem(make_library: LibraryFactory) -> None:
    from aanbesteding.library.loader import load_library_with_problems

    source = clause_data(
        tekst="Zie {{ 'bestaat-niet' | verwijzing }}. De Opdrachtnemer meldt elke "
        "nieuwe Subverwerker {{ termijn_dagen }} dagen vooraf."
    )
    root = make_library({"keten/voorbeeld-clausule.yaml": source})
    problems = [str(p) for p in load_library_with_problems(root)[1]]
    assert any("verwijzing naar clausule 'bestaat-niet'" in p for p in problems)


@pytest.mark.libreoffice
def test_the_rendered_bijlage_uses_one_type_family(generated: dict[str, Path], tmp_path: Path) -> None:
    soffice()
    pdf = convert(generated["docx"], "pdf", tmp_path)
    fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True)
    names = {line.split()[0].split("+")[-1] for line in fonts.stdout.splitlines()[2:] if line.strip()}
    families = {name.split("-")[0] for name in names}
    assert len(families) == 1, names


def test_notes_about_other_tiers_go_to_the_verantwoording_not_to_bidders(generated: dict[str, Path]) -> None:
    bijlage = _all_text(generated["docx"].read_bytes())
    dossier = _all_text(generated["verantwoording"].read_bytes())
    for other in ("laag 2", "laag 3", "In laag"):
        assert other not in bijlage
    assert "Zwaarte per laag en contracttype" in dossier
    assert "laag 3" in dossier


def test_outside_laag_1_no_minimum_seal_ties_bidders_to_ownership(library: Library) -> None:
    from aanbesteding.domain import Laag

    # SOV-1 (Zeggenschap) is tested by the eis zeggenschap-eu in laag 1, not a second time as a
    # minimum SEAL; outside laag 1 no minimum may test it at all.
    minimum = library.policy.seal_minimum  # legal's table, in beleid.yaml
    assert minimum[Laag.KRITIEK]["SOV-1"] is None
    assert minimum[Laag.GEVOELIG]["SOV-1"] is None
    assert minimum[Laag.ONDERSTEUNEND]["SOV-1"] is None
    assert (minimum[Laag.ONDERSTEUNEND]["SOV-3"] or 0) <= 1  # no customer-held keys in laag 3


def test_published_pmin_and_pmax_are_locked_values_in_the_grid(library: Library, tmp_path: Path) -> None:
    import openpyxl

    gunning = {
        "leidraad": "paragraaf 5.2 van de leidraad",
        "subcriterium": "K3",
        "weging": 20,
        "criteria": [
            {"naam": "K1", "weging": 40},
            {"naam": "K3", "weging": 20},
            {"naam": "Prijs", "weging": 40, "prijs": True},
        ],
        "prijsdefinitie": "de totale prijs over vier jaar, exclusief btw",
    }
    tender = build_tender({"laag": 2, "contracttype": "saas", "pmin": 100000, "pmax": 250000, "gunning": gunning})
    result = generate(tender, library, tmp_path / "p.docx", formats=("docx", "xlsx"))
    sheet = openpyxl.load_workbook(result.path("xlsx"))["Prijs"]
    values = {row[0].value: row[1] for row in sheet.iter_rows(min_col=1, max_col=2) if row[0].value}
    assert values["Pmin"].value == 100000 and values["Pmax"].value == 250000
    assert values["Pmin"].protection.locked and values["Pmax"].protection.locked
    text = _all_text(result.path("docx").read_bytes())  # type: ignore[union-attr]
    assert "Pmin is €\xa0100.000,00 en Pmax is €\xa0250.000,00" in text
