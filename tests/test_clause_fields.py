"""Structured clause fields instead of cutting texts apart: risk codes only in ``risicos``,
reasons per tier only in ``verantwoording``, checked by ``bibliotheek controleer``; and the
verantwoording lists only the parameters the chosen tier's texts use."""

from __future__ import annotations

import datetime as dt
import importlib.util
import json
import shutil
import sys
from pathlib import Path
from types import ModuleType

import pytest
import yaml

from aanbesteding.assemble.accountability_content import accountability
from aanbesteding.assemble.blocks import Para, Table
from aanbesteding.compose.annex import Annex
from aanbesteding.compose.composer import compose_annex
from aanbesteding.errors import LibraryError
from aanbesteding.library.loader import load_library, load_library_with_problems
from aanbesteding.tender.model import build_tender
from aanbesteding.writers.docx.annex import annex_document
from aanbesteding.writers.export.ocds import ocds_release_package
from tests.conftest import LibraryFactory, Runner, clause_data

REPO = Path(__file__).resolve().parents[1]
MARKER = "Dossierzin-XYZ: in laag 1 is de eis zwaarder omdat uitval daar ontwrichtend is."


def _annex(root: Path, laag: int = 1, contracttype: str = "saas") -> Annex:
    library = load_library(None, root)
    tender = build_tender(
        {
            "laag": laag,
            "contracttype": contracttype,
            "organisatie": "Gemeente Test",
            "kenmerk": "INK-1",
            "datum": dt.date(2026, 12, 7),
        }
    )
    return compose_annex(library, tender)


def _texts(blocks: list[object]) -> str:
    out = []
    for block in blocks:
        if isinstance(block, Para):
            out.append(block.text)
        elif isinstance(block, Table):
            out.extend(" | ".join(row) for row in block.rows)
    return "\n".join(out)


def _docx_text(annex: Annex) -> str:
    doc = annex_document(annex)
    cells = [c.text for t in doc.tables for row in t.rows for c in row.cells]
    return "\n".join([p.text for p in doc.paragraphs] + cells)


def test_a_risk_code_in_a_toelichting_is_refused_by_controleer(make_library: LibraryFactory, run: Runner) -> None:
    data = clause_data(toelichting="De eis beperkt vendor lock-in (R2) en de afhankelijkheid.")
    root = make_library({"keten/voorbeeld-clausule.yaml": data})
    code, _, err = run(["bibliotheek", "controleer", str(root)])
    assert code != 0
    assert "keten/voorbeeld-clausule.yaml" in err and "toelichting" in err and "risicocode R2" in err
    assert "Traceback" not in err


@pytest.mark.parametrize("field", ["tekst", "wijze_van_aantonen"])
def test_a_risk_code_in_any_text_bidders_see_is_refused(make_library: LibraryFactory, field: str) -> None:
    data = clause_data(**{field: "De Opdrachtnemer levert een lijst van Subverwerkers (R10, R6)."})
    _, problems = load_library_with_problems(make_library({"keten/voorbeeld-clausule.yaml": data}))
    assert any(p.field == field and "R10, R6" in p.message for p in problems)


def test_controleer_warns_about_a_tier_sentence_in_the_toelichting(make_library: LibraryFactory, run: Runner) -> None:
    data = clause_data(
        toelichting="Zicht op de keten helpt. In laag 3 is de clausule een wens omdat het risico klein is."
    )
    root = make_library({"keten/voorbeeld-clausule.yaml": data})
    code, out, err = run(["bibliotheek", "controleer", str(root)])
    assert code == 0  # a heuristic: the library stays usable, the jurist decides
    assert "Bibliotheek in orde" in out
    assert "Waarschuwing" in err and "toelichting" in err and "'In laag 3 is de clausule" in err


def test_the_same_sentence_in_verantwoording_gives_no_warning(make_library: LibraryFactory, run: Runner) -> None:
    data = clause_data(
        toelichting="Zicht op de keten helpt.",
        verantwoording="In laag 3 is de clausule een wens omdat het risico klein is.",
    )
    root = make_library({"keten/voorbeeld-clausule.yaml": data})
    code, _, err = run(["bibliotheek", "controleer", str(root)])
    assert code == 0 and "Waarschuwing" not in err


def test_verantwoording_is_in_the_dossier_and_not_in_the_bijlage_or_ocds(make_library: LibraryFactory) -> None:
    data = clause_data(verantwoording=MARKER)
    annex = _annex(make_library({"keten/voorbeeld-clausule.yaml": data}))
    assert "Dossierzin-XYZ" in _texts(accountability(annex))
    assert "Dossierzin-XYZ" not in _docx_text(annex)
    assert "Dossierzin-XYZ" not in json.dumps(ocds_release_package(annex), ensure_ascii=False)
    assert "Zicht op de keten" in _docx_text(annex)  # the toelichting itself is public


def test_a_variant_with_its_own_toelichting_has_its_own_verantwoording(make_library: LibraryFactory) -> None:
    data = clause_data(
        verantwoording=MARKER,
        varianten={"kritiek": {"toelichting": "Voor dit systeem geldt de eis volledig."}},
    )
    root = make_library({"keten/voorbeeld-clausule.yaml": data})
    assert "Dossierzin-XYZ" not in _texts(accountability(_annex(root, laag=1)))
    assert "Dossierzin-XYZ" in _texts(accountability(_annex(root, laag=2)))


def test_a_clause_without_verantwoording_still_loads(make_library: LibraryFactory) -> None:
    data = clause_data()
    assert "verantwoording" not in data
    library = load_library(None, make_library({"keten/voorbeeld-clausule.yaml": data}))
    loaded = next(c for c in library.clauses if c.clause.id == "voorbeeld-clausule")
    assert loaded.clause.verantwoording is None
    annex = _annex(make_library({"keten/voorbeeld-clausule.yaml": data}, name="bib2"))
    assert next(r for r in annex.requirements if r.clause_id == "voorbeeld-clausule").verantwoording == ""


def test_an_empty_verantwoording_is_refused(make_library: LibraryFactory) -> None:
    data = clause_data(verantwoording="  ")
    with pytest.raises(LibraryError, match="verantwoording"):
        load_library(make_library({"keten/voorbeeld-clausule.yaml": data}))


def test_the_verantwoording_lists_only_parameters_the_tier_uses(make_library: LibraryFactory) -> None:
    params = {
        "termijn_dagen": {"type": "geheel-getal", "standaard": 30, "omschrijving": "Meldtermijn"},
        "audit_maanden": {"type": "geheel-getal", "standaard": 12, "omschrijving": "Auditfrequentie (laag 1)"},
        "saas_uren": {"type": "geheel-getal", "standaard": 4, "omschrijving": "Meldtermijn bij SaaS"},
        "route": {"type": "geheel-getal", "standaard": 1, "omschrijving": "Gekozen route (1 of 2)"},
    }
    data = clause_data(
        parameters=params,
        toelichting="Zicht op de keten helpt{% if route == 1 %} langs route 1{% endif %}. "
        "{% if contracttype == 'saas' and laag != 3 %}Bij SaaS binnen {{ saas_uren }} uur.{% endif %}",
        varianten={
            "kritiek": {
                "tekst": "De Opdrachtnemer meldt elke nieuwe Subverwerker {{ termijn_dagen }} dagen vooraf "
                "en laat elke {{ audit_maanden }} maanden een audit doen."
            }
        },
    )
    root = make_library({"keten/voorbeeld-clausule.yaml": data})

    def listed(laag: int, contracttype: str = "saas") -> set[str]:
        annex = _annex(root, laag=laag, contracttype=contracttype)
        tables = [b for b in accountability(annex) if isinstance(b, Table) and "Parameter" in b.headers]
        return {row[2] for t in tables for row in t.rows if row[1] == "voorbeeld-clausule"}

    assert listed(1) == {"termijn_dagen", "audit_maanden", "saas_uren", "route"}
    assert listed(2) == {"termijn_dagen", "saas_uren", "route"}  # audit_maanden: only laag 1's text
    assert listed(3) == {"termijn_dagen", "route"}  # saas_uren: in a branch laag 3 does not take
    assert listed(2, "paas") == {"termijn_dagen", "route"}  # a value that chooses the text is used


def _migration() -> ModuleType:
    spec = importlib.util.spec_from_file_location("splits_toelichting", REPO / "scripts" / "splits_toelichting.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["splits_toelichting"] = module
    spec.loader.exec_module(module)
    return module


OLD_STYLE = """\
# yaml-language-server: $schema=../schema.json
id: voorbeeld-clausule
titel: Voorbeeldclausule
versie: 1.0.0
status: concept
eigenaar: Juridische Zaken
bronnen: [BIO2 5.21.02]
sov: [SOV-5]
risicos: [R1, R10]
lagen:
  kritiek: eis
  gevoelig: eis
contracttypen: [saas, paas]
begrippen: [Opdrachtnemer, Subverwerker]
tekst: |
  De Opdrachtnemer meldt elke nieuwe Subverwerker vooraf.
toelichting: |
  De eis beperkt de afhankelijkheid in de keten (R1, R10). Zij is ook een voorwaarde voor
  laag 2. Het contract blijft verder gelijk.
  {% if laag == 1 %}Voor dit systeem is de eis zwaarder. {% endif %}In laag 3 geldt de clausule niet.
# a comment stays
wijze_van_aantonen: |
  Een lijst, ondertekend door een tekenbevoegde (R10).
"""


def test_the_migration_moves_what_the_old_split_moved_and_is_idempotent(tmp_path: Path) -> None:
    migration = _migration()
    path = tmp_path / "keten" / "voorbeeld-clausule.yaml"
    path.parent.mkdir()
    path.write_text(OLD_STYLE, encoding="utf-8")
    assert migration.main([str(tmp_path)]) == 0
    first = path.read_text(encoding="utf-8")
    data = yaml.safe_load(first)
    assert "(R1" not in first and "(R10)" not in first and "risicos: [R1, R10]" in first
    assert "# a comment stays" in first
    assert "laag" not in data["toelichting"].replace("laag ==", "")
    # a sentence that leans on the one before takes it along into the dossier, as before
    assert data["verantwoording"].startswith("De eis beperkt de afhankelijkheid in de keten. Zij is ook")
    assert data["toelichting"].startswith("De eis beperkt de afhankelijkheid in de keten. Het contract")
    assert migration.main([str(tmp_path)]) == 0
    assert path.read_text(encoding="utf-8") == first


def test_review_and_redline_show_the_verantwoording(run: Runner, tmp_path: Path) -> None:
    import docx

    from aanbesteding.reports.diff import compare_libraries
    from aanbesteding.support.resources import standard_library_path

    out = tmp_path / "review.docx"
    code, _, err = run(["bibliotheek", "review", "--uitvoer", str(out)])
    assert code == 0, err
    paragraphs = [p.text for p in docx.Document(str(out)).paragraphs]
    assert any(p.startswith("Verantwoording (alleen dossier)") for p in paragraphs)

    new = tmp_path / "nieuw"
    shutil.copytree(standard_library_path(), new)
    path = new / "techniek" / "open-source.yaml"
    text = path.read_text(encoding="utf-8")
    assert "\nverantwoording: |\n" in text
    path.write_text(text.replace("\nverantwoording: |\n", "\nverantwoording: |\n  Gewijzigde onderbouwing.\n"), "utf-8")
    diff = compare_libraries(load_library(lint="skip"), load_library(new, lint="skip"), "oud", "nieuw")
    change = next(c for c in diff.changed if c.id == "open-source")
    assert [t.field for t in change.texts] == ["verantwoording"]
    assert "Gewijzigde onderbouwing." in " ".join(p.text for p in change.texts[0].pieces)


def test_risk_codes_are_found_as_whole_words_only() -> None:
    from aanbesteding.library.checks import risk_codes

    assert risk_codes("R3 en zie (R1, R10) en BR2, R12, _R4, R5x en R1") == ["R3", "R1", "R10"]
