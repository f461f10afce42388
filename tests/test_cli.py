"""The command line: exit codes, Dutch messages, no tracebacks, files left intact."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import click
import pytest

from tests.conftest import Runner


def test_controleer_accepts_the_standard_library(run: Runner) -> None:
    code, out, err = run(["bibliotheek", "controleer"])
    assert code == 0, err
    assert out.startswith("Bibliotheek in orde:")
    assert len(out.strip().splitlines()) == 1


def test_controleer_names_all_three_broken_files_in_one_run(run: Runner, standard_copy: Path) -> None:
    source = standard_copy / "keten" / "subverwerkerslijst.yaml"
    shutil.copy(source, standard_copy / "gegevens" / "subverwerkerslijst.yaml")
    (standard_copy / "keten" / "kapot.yaml").write_text("id: kapot\ntitel: [open\n", encoding="utf-8")
    injected = standard_copy / "techniek" / "open-api.yaml"
    text = injected.read_text(encoding="utf-8")
    injected.write_text(text.replace("tekst: |\n", "tekst: |\n  {{ ''.__class__.__mro__ }}\n", 1), encoding="utf-8")
    code, out, err = run(["bibliotheek", "controleer", str(standard_copy)])
    assert code == 1
    assert "Traceback" not in out + err
    assert "gegevens/subverwerkerslijst.yaml" in err
    assert "keten/kapot.yaml:" in err and "ongeldige YAML" in err
    assert "techniek/open-api.yaml:" in err and "niet-toegestane sjabloonconstructies" in err
    for line in err.splitlines()[1:]:
        file, line_no, rest = line.split(":", 2)
        assert file.endswith(".yaml") and line_no.isdigit() and rest.strip()


def test_overzicht_json_lists_at_least_40_clauses_covering_everything(run: Runner) -> None:
    code, out, _ = run(["bibliotheek", "overzicht", "--formaat", "json"])
    assert code == 0
    rows = json.loads(out)
    assert len(rows) >= 40
    for key in ("id", "titel", "versie", "status", "sov", "lagen", "contracttypen", "soort_per_laag"):
        assert all(key in row for row in rows)
    assert {s for r in rows for s in r["sov"]} == {f"SOV-{i}" for i in range(1, 9)}
    assert {t for r in rows for t in r["lagen"]} == {1, 2, 3}
    assert {c for r in rows for c in r["contracttypen"]} == {"saas", "paas", "iaas", "hosting", "licentie"}
    assert {r["status"] for r in rows} == {"concept"}


def test_overzicht_table_has_one_row_per_clause(run: Runner) -> None:
    code, out, _ = run(["bibliotheek", "overzicht"])
    assert code == 0
    assert "L1L2L3" in out.splitlines()[0]
    assert out.strip().splitlines()[-1].split()[0].isdigit()


def test_genereer_writes_annex_and_grid_with_only_tier_and_type(
    run: Runner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    code, out, err = run(["genereer", "--laag", "2", "--contracttype", "saas", "--datum", "2026-11-23"])
    assert code == 0, err
    assert (tmp_path / "bijlage-soevereiniteit-laag2-saas.docx").stat().st_size > 10_000
    assert (tmp_path / "bijlage-soevereiniteit-laag2-saas.xlsx").stat().st_size > 5_000
    assert "Bijlage geschreven" in out


def test_genereer_refuses_to_overwrite_and_leaves_the_file_untouched(
    run: Runner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    args = ["genereer", "--laag", "kritiek", "--contracttype", "iaas", "--uitvoer", "b.docx", "--datum", "2026-11-23"]
    assert run(args)[0] == 0
    before = (tmp_path / "b.docx").read_bytes()
    stamp = (tmp_path / "b.docx").stat().st_mtime_ns
    code, _, err = run([*args, "--organisatie", "Andere Gemeente"])
    assert code == 1
    assert "b.docx bestaat al; gebruik --force" in err
    assert (tmp_path / "b.docx").read_bytes() == before
    assert (tmp_path / "b.docx").stat().st_mtime_ns == stamp
    assert run([*args, "--organisatie", "Andere Gemeente", "--force"])[0] == 0
    assert (tmp_path / "b.docx").read_bytes() != before


def test_genereer_twice_gives_identical_bytes(run: Runner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    base = ["genereer", "--laag", "3", "--contracttype", "licentie", "--datum", "2026-11-23"]
    assert run([*base, "--uitvoer", "a.docx"])[0] == 0
    assert run([*base, "--uitvoer", "b.docx"])[0] == 0
    assert (tmp_path / "a.docx").read_bytes() == (tmp_path / "b.docx").read_bytes()
    assert (tmp_path / "a.xlsx").read_bytes() == (tmp_path / "b.xlsx").read_bytes()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["genereer", "--laag", "5", "--contracttype", "saas"],
            "ongeldige waarde voor '--laag': '5' is geen geldige keuze",
        ),
        (["genereer", "--contracttype", "saas"], "--laag ontbreekt"),
        (["genereer", "--laag", "1"], "--contracttype ontbreekt"),
        (
            ["genereer", "--laag", "1", "--contracttype", "saas", "--datum", "23-11-2026"],
            "--datum: '23-11-2026' is geen geldige datum (schrijf JJJJ-MM-DD",
        ),
        (
            ["genereer", "--laag", "1", "--contracttype", "saas", "--param", "zonderwaarde"],
            "--param 'zonderwaarde': gebruik de vorm NAAM=WAARDE",
        ),
        (
            ["genereer", "--laag", "1", "--contracttype", "saas", "--param", "onbekend=3"],
            "parameter 'onbekend' bestaat niet",
        ),
        (
            ["genereer", "--laag", "1", "--contracttype", "saas", "--verhouding", "kwaliteit=90"],
            "kwaliteit, soevereiniteit en prijs moeten samen 100 zijn",
        ),
        (
            ["genereer", "--laag", "1", "--contracttype", "saas", "--uitvoer", "bijlage.pdf"],
            "de bijlage moet de extensie .docx hebben",
        ),
        (
            ["genereer", "--laag", "1", "--contracttype", "saas", "--sjabloon", "ontbreekt.docx"],
            "sjabloon ontbreekt.docx bestaat niet",
        ),
        (["genereer", "--laag", "1", "--contracttype", "saas", "--profiel", "ontbreekt.yaml"], "ontbreekt.yaml"),
        (["bibliotheek", "overzicht", "--formaat", "xml"], "'xml' is geen geldige keuze"),
        (["bestaat-niet"], "Fout:"),
    ],
)
def test_bad_input_gives_a_dutch_error_and_no_traceback(
    run: Runner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, args: list[str], message: str
) -> None:
    monkeypatch.chdir(tmp_path)
    code, out, err = run(args)
    assert code in (1, 2)
    assert message in err
    assert "Traceback" not in out + err
    assert list(tmp_path.iterdir()) == []


def test_a_profile_supplies_tender_details_and_options_override_it(
    run: Runner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "profiel.yaml").write_text(
        "laag: 2\ncontracttype: saas\norganisatie: Waterschap Voorbeeld\nkenmerk: WS-1\n"
        "datum: 2026-11-23\ninschrijvers: [Alfa, Beta]\n",
        encoding="utf-8",
    )
    code, _, err = run(["genereer", "--profiel", "profiel.yaml", "--kenmerk", "WS-2"])
    assert code == 0, err
    import docx

    document = docx.Document(str(tmp_path / "bijlage-soevereiniteit-ws-2-laag2-saas.docx"))
    values = {r.cells[0].text: r.cells[1].text for r in document.tables[0].rows}
    assert values["Aanbestedende Dienst"] == "Waterschap Voorbeeld"
    assert values["Kenmerk"] == "WS-2"


def test_a_profile_with_an_unknown_field_is_refused(
    run: Runner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "profiel.yaml").write_text("laag: 2\ncontracttype: saas\norganisatei: X\n", encoding="utf-8")
    code, _, err = run(["genereer", "--profiel", "profiel.yaml"])
    assert code == 1
    # the line of the key, and the nearest key it could have meant
    assert "profiel.yaml:3: onbekende sleutel 'organisatei' (bedoelt u 'organisatie'?)" in err


def test_genereer_warns_that_concept_clauses_are_not_yet_adopted(
    run: Runner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    code, _, err = run(["genereer", "--laag", "3", "--contracttype", "hosting", "--geen-matrix"])
    assert code == 0
    assert "nog niet vastgesteld door de juridische afdeling" in err
    assert not (tmp_path / "bijlage-soevereiniteit-laag3-hosting.xlsx").exists()


def test_genereer_and_batch_share_their_output_options() -> None:
    from aanbesteding.cli.batch import batch
    from aanbesteding.cli.generate import genereer

    def options(command: click.Command) -> dict[str, str | None]:
        return {
            p.name: getattr(p, "help", None)
            for p in command.params
            if p.name in ("sjabloon", "geen_matrix", "geen_verantwoording", "pdf", "json_", "force")
        }

    assert options(genereer) == options(batch)
    assert len(options(genereer)) == 6
