"""Legal's rules at generation time: status gate, organisation libraries, locks, reasons, --met."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import docx
import pytest

from aanbesteding.compose.rules import reason_problem
from aanbesteding.library.loader import load_library_with_problems
from aanbesteding.support.resources import standard_library_path
from tests.conftest import LibraryFactory, Runner, clause_data

ADOPTION = "status: vastgesteld\nbeoordeeld_door: mr. A. Jurist\nbeoordeeld_op: 2026-10-01"
GOOD_REASON = "Het systeem draait volledig on-premises; marktconsultatie 2026"


def _genereer(*extra: str) -> list[str]:
    return ["genereer", "--laag", "1", "--contracttype", "saas", "--datum", "2026-11-23", *extra]


def _body_text(path: Path) -> str:
    document = docx.Document(str(path))
    cells = [c.text for t in document.tables for row in t.rows for c in row.cells]
    return "\n".join([p.text for p in document.paragraphs] + cells)


def test_a_clause_adopted_without_reviewer_and_date_fails_the_check(make_library: LibraryFactory, run: Runner) -> None:
    root = make_library({"keten/voorbeeld-clausule.yaml": clause_data(status="vastgesteld")})
    _, problems = load_library_with_problems(root)
    messages = {p.field: p.message for p in problems}
    assert "beoordeeld_door" in messages and "beoordeeld_op" in messages
    code, _, err = run(["bibliotheek", "controleer", str(root)])
    assert code == 1
    assert "voorbeeld-clausule.yaml:" in err and "beoordeeld_door" in err


def test_status_definitief_on_the_shipped_library_fails_and_writes_nothing(
    run: Runner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    code, out, err = run(_genereer("--status", "definitief"))
    assert code == 1 and out == ""
    assert "nog niet vastgesteld" in err and "hostingmodel-laag1 (status concept)" in err
    assert list(tmp_path.iterdir()) == []


def test_status_definitief_succeeds_over_an_organisation_library_that_adopts_every_clause(
    run: Runner, tmp_path: Path
) -> None:
    org = tmp_path / "org"
    shutil.copytree(standard_library_path(), org, ignore=shutil.ignore_patterns("*.json", "*.md"))
    for path in org.glob("*/*.yaml"):
        text = re.sub(r"^beoordeeld_(door|op):.*\n", "", path.read_text(encoding="utf-8"), flags=re.M)
        path.write_text(re.sub(r"^status: concept$", ADOPTION, text, count=1, flags=re.M), encoding="utf-8")
    out_file = tmp_path / "definitief.docx"
    award = [
        "--gunning",
        "leidraad=paragraaf 5.2 van de leidraad",
        "--gunning",
        "subcriterium=K2 Digitale soevereiniteit",
        "--gunning",
        "weging=20",
        "--gunning",
        "beslisregel=hoogste score op K1; daarna loting door een notaris",
        "--param",
        "rechtvaardiging=de veiligheidsanalyse VA-7 toont een wezenlijk "
        "veiligheidsbelang aan dat functionele eisen niet beschermen",
        "--veiligheidsanalyse",
        "VA-7 van 1 november 2026",
        "--route",
        "artikel-2.24",
    ]
    code, _, err = run(
        _genereer("--status", "definitief", "--bibliotheek", str(org), "--uitvoer", str(out_file), *award)
    )
    assert code == 0, err
    assert "Let op" not in err
    final = docx.Document(str(out_file))
    assert final.core_properties.content_status == "Definitief"
    assert not final.sections[0].header.paragraphs[0].text.startswith("Concept")
    assert "Definitief" in _body_text(out_file)


def test_an_adopted_clause_in_an_organisation_library_replaces_the_standard_one(
    run: Runner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    assert run(["bibliotheek", "nieuw", "org", "exitplan"])[0] == 0
    path = tmp_path / "org" / "continuiteit" / "exitplan.yaml"
    text = path.read_text(encoding="utf-8")
    # the copy carries the review fields, empty, to fill in
    assert re.search(r"^status: concept\nbeoordeeld_door:\nbeoordeeld_op:\n", text, flags=re.M)
    text = re.sub(r"^status: concept\nbeoordeeld_door:\nbeoordeeld_op:$", ADOPTION, text, count=1, flags=re.M)
    text = re.sub(r"^versie: .*$", "versie: 9.1.0", text, count=1, flags=re.M).replace(
        "tekst: |\n", "tekst: |\n  Volgens het exitbeleid van de Gemeente Voorbeeld geldt het volgende.\n", 1
    )
    path.write_text(text, encoding="utf-8")

    code, out, _ = run(["bibliotheek", "overzicht", "--bibliotheek", "org", "--formaat", "json"])
    assert code == 0
    rows = {r["id"]: r for r in json.loads(out)}
    assert rows["exitplan"]["herkomst"] == "org"
    assert rows["exitplan"]["beoordeeld_door"] == "mr. A. Jurist"
    assert rows["exitplan"]["versie"] == "9.1.0"
    assert {r["herkomst"] for i, r in rows.items() if i != "exitplan"} == {"standaard"}
    code, table, _ = run(["bibliotheek", "overzicht", "--bibliotheek", "org"])
    assert re.search(r"^exitplan .*mr\. A\. Jurist 2026-10-01\s+org ", table, flags=re.M)

    code, _, err = run(
        ["genereer", "--laag", "2", "--contracttype", "saas", "--bibliotheek", "org", "--uitvoer", "bijlage.docx"]
    )  # laag 2 uses the clause's own tekst
    assert code == 0, err
    concept = docx.Document(str(tmp_path / "bijlage.docx"))
    assert concept.sections[0].header.paragraphs[0].text.endswith(" · Concept")
    assert concept.core_properties.content_status == "Concept"
    body = _body_text(tmp_path / "bijlage.docx")
    assert "Volgens het exitbeleid van de Gemeente Voorbeeld geldt het volgende." in body
    assert "Clausules uit org" not in body  # internal: only in the verantwoording
    assert "Clausules uit org" in _body_text(tmp_path / "bijlage-verantwoording.docx")


def test_overzicht_filters_by_status_tier_and_contract_type(run: Runner) -> None:
    code, out, _ = run(
        ["bibliotheek", "overzicht", "--formaat", "json", "--laag", "kritiek", "--contracttype", "licentie"]
    )
    rows = json.loads(out)
    assert code == 0 and rows
    assert all(r["soort_per_laag"]["1"] and "licentie" in r["contracttypen"] for r in rows)
    assert "hostingmodel-laag1" not in {r["id"] for r in rows}  # not for licences
    code, out, _ = run(["bibliotheek", "overzicht", "--formaat", "json", "--status", "vastgesteld"])
    assert json.loads(out) == []


def test_excluding_a_locked_clause_is_refused_and_says_legal_decides(
    run: Runner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    code, _, err = run(_genereer("--uitsluiten", f"hostingmodel-laag1={GOOD_REASON}"))
    assert code == 1
    assert "vergrendeld" in err and "juridische afdeling" in err
    assert list(tmp_path.iterdir()) == []
    # In a tier where it is not locked the same clause may be left out with a reason.
    code, _, err = run(
        ["genereer", "--laag", "2", "--contracttype", "saas", "--uitsluiten", f"zeggenschap-eu={GOOD_REASON}"]
    )
    assert code == 0, err


def test_a_lock_on_a_tier_where_the_clause_does_not_apply_is_a_library_problem(make_library: LibraryFactory) -> None:
    data = clause_data(lagen={"kritiek": "eis"}, weging=None, scoringsleidraad=None, vergrendeld=["gevoelig"])
    _, problems = load_library_with_problems(make_library({"keten/voorbeeld-clausule.yaml": data}))
    assert [p.field for p in problems] == ["vergrendeld"]


@pytest.mark.parametrize("reason", ["x", "te duur", "n.v.t.", "             ", "duur duur"])
def test_a_reason_that_is_no_real_sentence_is_refused(reason: str) -> None:
    assert reason_problem(reason) is not None


def test_a_one_letter_reason_fails_and_a_real_one_goes_into_the_verantwoording(
    run: Runner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    code, _, err = run(_genereer("--uitsluiten", "open-source=x"))
    assert code == 1 and "geen volledige zin" in err and "open-source" in err
    assert list(tmp_path.iterdir()) == []
    code, _, err = run(_genereer("--uitsluiten", f"open-source={GOOD_REASON}", "--uitvoer", "b.docx"))
    assert code == 0, err
    assert GOOD_REASON in _body_text(tmp_path / "b-verantwoording.docx")
    assert GOOD_REASON not in _body_text(tmp_path / "b.docx")  # bidders never see the reasons


def test_met_adds_a_clause_the_tier_leaves_out_in_the_wording_of_the_nearest_tier(
    run: Runner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    args = ["genereer", "--laag", "3", "--contracttype", "saas", "--datum", "2026-11-23"]
    assert run([*args, "--uitvoer", "zonder.docx"])[0] == 0
    code, _, err = run([*args, "--met", "offline-bestendigheid", "--uitvoer", "met.docx"])
    assert code == 0, err
    without = _body_text(tmp_path / "zonder-verantwoording.docx")
    with_ = _body_text(tmp_path / "met-verantwoording.docx")

    def headings(path: Path) -> list[str]:
        return [
            p.text
            for p in docx.Document(str(path)).paragraphs
            if p.style is not None and p.style.name.startswith("Heading")
        ]

    assert not any("Offline-bestendigheid" in h for h in headings(tmp_path / "zonder.docx"))
    assert any("Offline-bestendigheid" in h for h in headings(tmp_path / "met.docx"))
    assert "niet van toepassing in laag 3" in without
    assert re.search(
        r"Toegevoegd offline-bestendigheid\nE-\d\d, toegevoegd door de Aanbestedende Dienst .* "
        r"in de formulering van laag 1",
        with_,
    )
    manifest = json.loads((tmp_path / "met.manifest.json").read_text(encoding="utf-8"))
    assert "offline-bestendigheid" in {c["id"] for c in manifest["clausules"]}
    assert manifest["aanbesteding"]["met"] == ["offline-bestendigheid"]


def test_met_refuses_a_clause_the_tier_already_has(
    run: Runner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    code, _, err = run(_genereer("--met", "exitplan"))
    assert code == 1 and "hoort al bij laag 1" in err
    code, _, err = run(_genereer("--met", "bestaat-niet"))
    assert code == 1 and "onbekende clausule(s) bestaat-niet" in err


def test_nieuw_refuses_a_folder_that_is_not_empty_and_unknown_ids(run: Runner, tmp_path: Path) -> None:
    (tmp_path / "vol").mkdir()
    (tmp_path / "vol" / "iets.txt").write_text("al in gebruik", encoding="utf-8")
    code, _, err = run(["bibliotheek", "nieuw", str(tmp_path / "vol"), "exitplan"])
    assert code == 1 and "niet leeg" in err
    code, _, err = run(["bibliotheek", "nieuw", str(tmp_path / "leeg"), "exitplam"])
    assert code == 1 and "exitplam" in err
    assert not (tmp_path / "leeg").exists()
    code, out, _ = run(["bibliotheek", "nieuw", str(tmp_path / "leeg")])
    assert code == 0 and (tmp_path / "leeg" / "README.md").is_file()
    assert "--bibliotheek" in out
    assert run(["bibliotheek", "controleer", "--bibliotheek", str(tmp_path / "leeg")])[0] == 0


def test_zonder_standaard_uses_the_given_library_on_its_own(
    run: Runner, make_library: LibraryFactory, tmp_path: Path
) -> None:
    root = make_library({"keten/voorbeeld-clausule.yaml": clause_data()})
    out = tmp_path / "alleen.docx"
    code, stdout, err = run(_genereer("--zonder-standaard", "--bibliotheek", str(root), "--uitvoer", str(out)))
    assert code == 0, err
    assert "(1 eisen, wensen en bepalingen;" in stdout
    manifest = json.loads(out.with_suffix(".manifest.json").read_text(encoding="utf-8"))
    assert [c["id"] for c in manifest["clausules"]] == ["voorbeeld-clausule"]
    assert manifest["bibliotheek"]["bronnen"] == [str(root)]
    code, _, err = run(_genereer("--zonder-standaard"))
    assert code == 1 and "--bibliotheek" in err
