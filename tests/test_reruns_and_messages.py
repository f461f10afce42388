"""Reruns that keep the earlier set, and messages in Dutch that name the file, line or side."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from tests.conftest import Runner

BASE = ["genereer", "--laag", "2", "--contracttype", "saas", "--geen-verantwoording"]


def test_uitvoer_makes_its_folder_and_a_rerun_offers_another_name(
    run: Runner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    code, _, err = run([*BASE, "--uitvoer", "v1/deel/b.docx"])
    assert code == 0, err
    assert (tmp_path / "v1" / "deel" / "b.xlsx").is_file()
    before = (tmp_path / "v1" / "deel" / "b.docx").read_bytes()
    code, _, err = run([*BASE, "--uitvoer", "v1/deel/b.docx"])
    assert code == 1
    assert "bestaat al; gebruik --force" in err and "--uitvoer v1/deel/b-2.docx" in err
    assert (tmp_path / "v1" / "deel" / "b.docx").read_bytes() == before


def test_a_document_version_goes_in_the_default_name(
    run: Runner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    assert run([*BASE, "--kenmerk", "ZW-1"])[0] == 0
    code, out, err = run([*BASE, "--kenmerk", "ZW-1", "--versie", "1.1"])
    assert code == 0, err
    assert "bijlage-soevereiniteit-zw-1-laag2-saas-v1.1.docx" in out
    assert (tmp_path / "bijlage-soevereiniteit-zw-1-laag2-saas.docx").is_file()
    assert (tmp_path / "bijlage-soevereiniteit-zw-1-laag2-saas-v1.1.xlsx").is_file()


def test_a_policy_refusal_names_the_beleid_file_it_read(
    run: Runner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    args = [
        "genereer",
        "--laag",
        "3",
        "--contracttype",
        "saas",
        "--verhouding",
        "kwaliteit=40,soevereiniteit=30,prijs=30",
    ]
    code, _, err = run(args)
    assert code == 1 and "hoogstens 15% toe (gelezen uit beleid.yaml in " in err
    org = tmp_path / "org"
    org.mkdir()
    (org / "beleid.yaml").write_text(
        "verhouding:\n  ondersteunend: {kwaliteit: 50, soevereiniteit: 10, prijs: 40, maximum_soevereiniteit: 20}\n",
        encoding="utf-8",
    )
    code, _, err = run([*args, "--bibliotheek", "org"])
    assert code == 1 and f"hoogstens 20% toe (gelezen uit beleid.yaml in {org.resolve()}" in err


def test_an_option_without_its_value_is_reported_in_dutch(run: Runner) -> None:
    code, _, err = run(["genereer", "--inschrijver"])
    assert code == 2
    assert "de optie --inschrijver vraagt een waarde" in err and "requires" not in err


# BIA answers that give laag 2 (everything but the offline question).
BIA_ANSWERS = [
    "--proces",
    "primair",
    "--persoonsgegevens",
    "gevoelig",
    "--uitval-24u",
    "beperkt",
    "--uitval-72u",
    "aanzienlijk",
    "--uitval-week",
    "ernstig",
    "--wettelijke-taak",
    "ja",
    "--buiten-eu",
    "nee",
]


def test_prompts_answer_a_wrong_choice_in_dutch() -> None:
    from click.testing import CliRunner

    from aanbesteding.cli.classify import classificeer

    answers = [*BIA_ANSWERS, "--vragen"]
    result = CliRunner().invoke(classificeer, answers, input="5\nNee\n")
    assert result.exit_code == 0, result.output
    assert "Fout: '5' is geen geldige keuze; kies uit: ja, nee" in result.output
    assert "Error" not in result.output and "Advies: Laag 2" in result.output


def test_git_messages_are_dutch_and_say_what_to_do(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, run: Runner
) -> None:
    monkeypatch.chdir(tmp_path)
    code, _, err = run(["bibliotheek", "verschil", "HEAD~5:clauses", "standaard"])
    assert code == 1 and "ligt niet in een git-repository" in err and "git-kloon" in err
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    code, _, err = run(["bibliotheek", "verschil", "v1.2:clauses", "standaard"])
    assert code == 1 and "OUD (v1.2:clauses)" in err
    assert "git kent deze revisie niet; 'git tag'" in err and "fatal" not in err


def test_an_answers_file_takes_option_spellings_and_names_file_and_line(run: Runner, tmp_path: Path) -> None:
    answers = tmp_path / "bia.yaml"
    answers.write_text(
        "proces: primair\npersoonsgegevens: gevoelig\nuitval-24u: beperkt\n"
        "--uitval-72u: aanzienlijk\nuitval_week: ernstig\nwettelijke-taak: ja\n"
        "buiten-eu: nee\noffline: nee\n",
        encoding="utf-8",
    )
    code, out, err = run(["classificeer", "--antwoorden", str(answers), "--geen-vragen"])
    assert code == 0, err
    assert "Advies: Laag 2" in out
    answers.write_text("proces: primair\nuitval-42u: beperkt\n", encoding="utf-8")
    code, _, err = run(["classificeer", "--antwoorden", str(answers), "--geen-vragen"])
    assert code == 1
    assert f"antwoordenbestand {answers}:2: onbekende vraag 'uitval-42u' (bedoelt u " in err
    answers.write_text("proces: primair\nuitval-24u: heel erg\n", encoding="utf-8")
    code, _, err = run(["classificeer", "--antwoorden", str(answers), "--geen-vragen"])
    assert code == 1 and f"{answers}:2: 'heel erg' is geen antwoord op 'uitval-24u'" in err


def test_init_completes_a_profile_written_by_classificeer(run: Runner, tmp_path: Path) -> None:
    profile = tmp_path / "zaak.yaml"
    code, _, err = run(["classificeer", *BIA_ANSWERS, "--offline", "nee", "--profiel", str(profile), "--geen-vragen"])
    assert code == 0, err
    classified = profile.read_text(encoding="utf-8")
    code, out, err = run(["init", str(profile), "--geen-vragen"])
    assert code == 0, err
    assert "Profiel aangevuld" in out
    text = profile.read_text(encoding="utf-8")
    assert text.startswith(classified.rstrip())  # what classificeer wrote stays as it was
    assert "\n# contracttype\n" in text and "\n# inschrijvers\n" in text
    assert text.count("\nlaag:") + text.startswith("laag:") == 1
    code, _, err = run(["genereer", str(profile), "--uitvoer", str(tmp_path / "z" / "b.docx")])
    assert code == 0, err


def test_batch_warnings_name_their_profiles(run: Runner, tmp_path: Path) -> None:
    first, second = tmp_path / "a.yaml", tmp_path / "b.yaml"
    first.write_text("laag: 2\ncontracttype: saas\n", encoding="utf-8")
    second.write_text("laag: 1\ncontracttype: iaas\n", encoding="utf-8")
    code, _, err = run(["batch", str(first), str(second), "--uitvoer", str(tmp_path / "uit"), "--processen", "1"])
    assert code == 0, err
    warnings = [line for line in err.splitlines() if line.startswith("Let op")]
    assert warnings and all(f"({first})" in w or f"({second})" in w for w in warnings)
    assert "Profielen" not in err  # no progress bar off a terminal
