"""The jurist's organisation library: files wherever they sit, nieuw, vaststellen, verschil."""

from __future__ import annotations

import json
import re
from pathlib import Path

import docx
import pytest

from tests.conftest import Runner


def _copy(run: Runner, folder: str, *ids: str) -> Path:
    code, _, err = run(["bibliotheek", "nieuw", folder, *ids])
    assert code == 0, err
    return Path(folder)


def _adopt_by_hand(path: Path, reviewed_on: str | None) -> None:
    text = path.read_text(encoding="utf-8")
    text = text.replace("status: concept", "status: vastgesteld", 1)
    text = text.replace("beoordeeld_door:\n", "beoordeeld_door: mr. J. de Vries\n", 1)
    if reviewed_on:
        text = text.replace("beoordeeld_op:\n", f"beoordeeld_op: {reviewed_on}\n", 1)
    path.write_text(text, encoding="utf-8")


def test_a_clause_at_the_root_of_an_organisation_library_is_read_and_checked(
    run: Runner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    org = _copy(run, "zwolle", "exitplan")
    (org / "continuiteit" / "exitplan.yaml").rename(org / "exitplan.yaml")
    _adopt_by_hand(org / "exitplan.yaml", reviewed_on=None)
    code, _, err = run(["bibliotheek", "controleer", "--bibliotheek", "zwolle"])
    assert code == 1
    assert re.search(r"zwolle/exitplan\.yaml:\d+: beoordeeld_op: een vastgestelde clausule", err)

    _adopt_by_hand(org / "exitplan.yaml", reviewed_on="2026-12-07")
    assert run(["bibliotheek", "controleer", "--bibliotheek", "zwolle"])[0] == 0
    code, out, _ = run(["bibliotheek", "overzicht", "--bibliotheek", "zwolle", "--formaat", "json"])
    row = next(r for r in json.loads(out) if r["id"] == "exitplan")
    assert row["herkomst"] == "zwolle" and row["status"] == "vastgesteld"
    assert row["thema"] == "continuiteit"  # taken over from the standard clause it replaces


def test_a_clause_file_the_library_will_not_read_is_refused_by_name(
    run: Runner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    org = _copy(run, "zwolle", "exitplan")
    text = (org / "continuiteit" / "exitplan.yaml").read_text(encoding="utf-8")
    (org / "nieuw-id.yaml").write_text(text.replace("id: exitplan", "id: nieuw-id"), encoding="utf-8")
    (org / "continuiteit" / "oud").mkdir()
    (org / "continuiteit" / "oud" / "exitplan.yaml").write_text(text, encoding="utf-8")
    code, _, err = run(["bibliotheek", "controleer", "--bibliotheek", "zwolle"])
    assert code == 1
    assert "zwolle/nieuw-id.yaml: clausule 'nieuw-id' staat in de hoofdmap" in err
    assert "zet haar in een themamap" in err
    assert "zwolle/continuiteit/oud/exitplan.yaml: dit bestand wordt niet gelezen" in err


def test_nieuw_takes_the_organisation_name_and_adds_to_an_existing_library(
    run: Runner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    code, _, err = run(["bibliotheek", "nieuw", "zwolle", "exitplan", "--organisatie", "Gemeente Zwolle"])
    assert code == 0, err
    readme = (tmp_path / "zwolle" / "README.md").read_text(encoding="utf-8")
    assert readme.startswith("# Clausulebibliotheek van Gemeente Zwolle")
    assert "beleid.yaml" in readme and "bibliotheek vaststellen" in readme
    assert json.loads((tmp_path / "zwolle" / "schema.json").read_text(encoding="utf-8"))
    assert (tmp_path / "zwolle" / "WIJZIGINGEN.md").is_file()
    copy = (tmp_path / "zwolle" / "continuiteit" / "exitplan.yaml").read_text(encoding="utf-8")
    assert "\nstatus: concept\nbeoordeeld_door:\nbeoordeeld_op:\n" in copy
    assert copy.startswith("# yaml-language-server: $schema=../schema.json")

    code, out, err = run(["bibliotheek", "nieuw", "zwolle", "zeggenschapswijziging"])
    assert code == 0, err
    assert "toegevoegd aan zwolle" in out
    assert (tmp_path / "zwolle" / "zeggenschap" / "zeggenschapswijziging.yaml").is_file()
    assert (tmp_path / "zwolle" / "README.md").read_text(encoding="utf-8") == readme
    code, _, err = run(["bibliotheek", "nieuw", "zwolle", "exitplan"])
    assert code == 1 and "heeft al een kopie van exitplan" in err
    assert run(["bibliotheek", "controleer", "--bibliotheek", "zwolle"])[0] == 0


def test_from_an_empty_folder_to_a_final_annex_in_four_commands(
    run: Runner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    assert run(["bibliotheek", "nieuw", "zwolle", "exitplan", "--organisatie", "Zwolle"])[0] == 0
    clause = tmp_path / "zwolle" / "continuiteit" / "exitplan.yaml"
    text = clause.read_text(encoding="utf-8")
    version = re.search(r"^versie: (\S+)$", text, flags=re.M)
    assert version is not None
    # the one edit: new wording under a new version
    clause.write_text(
        text.replace(f"versie: {version.group(1)}", "versie: 9.0.0").replace(
            "ten minste eenmaal per", "minstens eenmaal per"
        ),
        encoding="utf-8",
    )

    code, out, err = run(
        [
            "bibliotheek",
            "vaststellen",
            "alle",
            "--door",
            "mr. J. de Vries",
            "--op",
            "2026-12-07",
            "--bibliotheek",
            "zwolle",
        ]
    )
    assert code == 0, err
    assert "vastgesteld in zwolle" in out
    adopted = clause.read_text(encoding="utf-8")
    assert "status: vastgesteld" in adopted and "versie: 9.0.0" in adopted
    assert 'beoordeeld_door: "mr. J. de Vries"' in adopted and "beoordeeld_op: 2026-12-07" in adopted
    # A final document also needs the leidraad's award model (the award inputs).
    award = [
        "--gunning",
        "leidraad=paragraaf 5 van de leidraad",
        "--gunning",
        "subcriterium=K2 Digitale soevereiniteit",
        "--gunning",
        "weging=20",
        "--gunning",
        "beslisregel=hoogste score op K1; daarna loting door een notaris",
    ]
    code, _, err = run(
        [
            "genereer",
            "--laag",
            "2",
            "--contracttype",
            "saas",
            "--status",
            "definitief",
            "--bibliotheek",
            "zwolle",
            "--uitvoer",
            "uit/b.docx",
            *award,
        ]
    )
    assert code == 0, err
    assert "Let op" not in err
    assert docx.Document(str(tmp_path / "uit" / "b.docx")).core_properties.content_status == "Definitief"
    accountability = docx.Document(str(tmp_path / "uit" / "b-verantwoording.docx"))
    cells = " ".join(c.text for t in accountability.tables for row in t.rows for c in row.cells)
    assert "9.0.0" in cells and "mr. J. de Vries" in cells


def test_vaststellen_refuses_a_changed_text_under_the_old_version_and_a_dirty_library(
    run: Runner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    org = _copy(run, "zwolle", "exitplan")
    clause = org / "continuiteit" / "exitplan.yaml"
    before = clause.read_text(encoding="utf-8")
    clause.write_text(before.replace("ten minste eenmaal per", "minstens eenmaal per"), encoding="utf-8")
    args = ["bibliotheek", "vaststellen", "exitplan", "--door", "J", "--op", "2026-12-07", "--bibliotheek", "zwolle"]
    code, _, err = run(args)
    assert code == 1 and "hetzelfde versienummer" in err and "verhoog eerst 'versie'" in err
    assert clause.read_text(encoding="utf-8") != before  # untouched by the refusal
    assert "status: concept" in clause.read_text(encoding="utf-8")
    clause.write_text(before.replace("titel:", "titel: [", 1), encoding="utf-8")
    code, _, err = run(args)
    assert code == 1 and "bibliotheek controleer --bibliotheek zwolle' geen problemen" in err
    clause.write_text(before, encoding="utf-8")
    code, _, err = run(
        ["bibliotheek", "vaststellen", "bestaat-niet", "--door", "J", "--op", "2026-12-07", "--bibliotheek", "zwolle"]
    )
    assert code == 1 and "bestaat-niet" in err
    code, _, err = run(
        ["bibliotheek", "vaststellen", "alle", "--door", "J", "--op", "7-12-2026", "--bibliotheek", "zwolle"]
    )
    assert code == 1 and "--op 7-12-2026: geen geldige datum" in err


def test_the_status_gate_says_how_to_adopt(run: Runner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    code, _, err = run(["genereer", "--laag", "2", "--contracttype", "saas", "--status", "definitief"])
    assert code == 1 and "bibliotheek vaststellen alle --door NAAM" in err
    assert not list(tmp_path.iterdir())


def test_verschil_redlines_the_organisation_against_the_standard(
    run: Runner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    org = _copy(run, "zwolle", "exitplan")
    clause = org / "continuiteit" / "exitplan.yaml"
    text = clause.read_text(encoding="utf-8")
    clause.write_text(
        re.sub(r"^versie: .*$", "versie: 9.0.0", text, count=1, flags=re.M).replace(
            "ten minste eenmaal per", "minstens eenmaal per"
        ),
        encoding="utf-8",
    )
    code, out, err = run(["bibliotheek", "verschil", "--bibliotheek", "zwolle", "--uitvoer", "w.docx"])
    assert code == 0, err
    assert "Verschil standaard -> standaard + zwolle: 0 nieuw, 0 verwijderd, 1 gewijzigd." in out
    assert re.search(r"~ exitplan v\S+ -> v9\.0\.0: tekst", out)
    document = docx.Document(str(tmp_path / "w.docx"))
    struck = [r.text for p in document.paragraphs for r in p.runs if r.font.strike]
    assert any("ten minste" in t for t in struck)


def test_verschil_errors_say_which_side_and_how_to_compare_an_overlay(
    run: Runner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    _copy(run, "zwolle", "exitplan")
    code, _, err = run(["bibliotheek", "verschil", "standaard", "zwolle"])
    assert code == 1
    assert "NIEUW (zwolle):" in err and "themas.yaml" in err
    assert "verschil --bibliotheek zwolle" in err
    code, _, err = run(["bibliotheek", "verschil", "bestaat-niet", "standaard"])
    assert code == 1 and "OUD (bestaat-niet):" in err
    code, _, err = run(["bibliotheek", "verschil"])
    assert code == 1 and "--bibliotheek MAP" in err
