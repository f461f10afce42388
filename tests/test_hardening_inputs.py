"""Inputs that are not what they claim: devices and FIFOs as profile, answers file or manifest,
files over their limit, malformed and deeply nested manifests, escape sequences in a manifest,
the longest kenmerk, versions in other scripts' digits."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
import yaml

from tests.conftest import LibraryFactory, Runner, clause_data
from tests.hardening import (  # noqa: F401 (fixtures)
    BASE as HARDENING_BASE,
    full_set,
    module_cache_fixture,
    shared_lint_cache_fixture,
)

BASE = [*HARDENING_BASE, "--datum", "2026-11-23"]


def bounded(args: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    """Run the tool in its own process, so a read that never ends fails the test instead of
    hanging it."""
    return subprocess.run(
        [sys.executable, "-m", "aanbesteding", *args], cwd=cwd, capture_output=True, text=True, timeout=120, check=False
    )


@pytest.mark.parametrize("kind", ["apparaat", "fifo"])
def test_a_device_or_fifo_as_profile_is_refused_by_name_before_reading(tmp_path: Path, kind: str) -> None:
    """Before: 'genereer /dev/zero' read until it was killed; a FIFO waited for ever."""
    if kind == "apparaat":
        source, expected = "/dev/zero", "/dev/zero: dit is een apparaat, geen gewoon bestand"
    else:
        os.mkfifo(tmp_path / "profiel.yaml")
        source, expected = "profiel.yaml", "profiel.yaml: dit is een pijp (FIFO), geen gewoon bestand"
    result = bounded(["genereer", source, "--uitvoer", "b.docx"], tmp_path)
    assert result.returncode == 1, result.stderr
    assert expected in result.stderr
    assert not (tmp_path / "b.docx").exists()


def test_a_fifo_as_answers_file_is_refused_by_name(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "antwoorden.yaml")
    result = bounded(["classificeer", "--antwoorden", "antwoorden.yaml", "--geen-vragen"], tmp_path)
    assert result.returncode == 1, result.stderr
    assert "antwoordenbestand antwoorden.yaml: dit is een pijp (FIFO), geen gewoon bestand" in result.stderr


def test_a_profile_over_the_limit_is_refused_by_its_size(run: Runner, tmp_path: Path) -> None:
    big = tmp_path / "groot.yaml"
    with big.open("wb") as handle:
        handle.truncate(6_000_000)
    code, _, err = run(["genereer", str(big), "--uitvoer", str(tmp_path / "b.docx")])
    assert code == 1
    assert f"{big}: het bestand is te groot (6,0 MB; het maximum is 5,0 MB)" in err


def test_a_clause_file_that_links_to_a_device_is_reported(run: Runner, standard_copy: Path) -> None:
    (standard_copy / "keten" / "nul.yaml").symlink_to("/dev/zero")
    (standard_copy / "keten" / "groot.yaml").write_bytes(b"#" * 6_000_000)
    code, _, err = run(["bibliotheek", "controleer", str(standard_copy)])
    assert code == 1
    assert "groot.yaml: het bestand kan niet worden gelezen (het bestand is te groot" in err


def manifest(folder: Path, name: str, data: object) -> Path:
    path = folder / f"{name}.manifest.json"
    path.write_text(data if isinstance(data, str) else json.dumps(data), encoding="utf-8")
    return path


GOOD = {
    "manifest": "aanbesteding-manifest/1",
    "programma": "aanbesteding 0.1.0",
    "bibliotheek": {"inhoudshash": "0" * 64, "bronnen": ["standaard"]},
    "aanbesteding": {"kenmerk": "INK-1", "datum": "2026-11-23", "laag": 2, "contracttype": "saas"},
    "clausules": [
        {
            "nummer": "E-01",
            "id": "subverwerkers",
            "versie": "1.0.0",
            "status": "concept",
            "sha256": "0" * 64,
            "herkomst": "standaard",
        }
    ],
    "bestanden": [],
}


def test_malformed_and_deeply_nested_manifests_are_listed_as_unreadable(tmp_path: Path) -> None:
    folder = tmp_path / "dossiers"
    folder.mkdir()
    manifest(folder, "goed", GOOD)
    manifest(folder, "diep", "[" * 200_000)
    manifest(folder, "diep2", '{"manifest": "aanbesteding-manifest/1", "x": ' + "[" * 200_000)
    manifest(folder, "tekst", {**GOOD, "clausules": "subverwerkers"})
    manifest(folder, "getal", {**GOOD, "clausules": [1, 2]})
    manifest(folder, "lijst", {**GOOD, "aanbesteding": ["INK-1"]})
    manifest(folder, "hoofdstuk", {**GOOD, "hoofdstukken": ["inleiding"]})
    os.mkfifo(folder / "pijp.manifest.json")
    result = bounded(["bibliotheek", "gebruik", "dossiers"], tmp_path)
    assert result.returncode == 0, result.stderr
    assert "1 aanbesteding(en) gevonden" in result.stdout
    for name in ("diep", "diep2", "tekst", "getal", "lijst", "hoofdstuk", "pijp"):
        assert f"Niet te lezen als manifest: dossiers/{name}.manifest.json" in result.stdout


def test_escape_sequences_in_a_manifest_never_reach_the_terminal(run: Runner, tmp_path: Path) -> None:
    hostile = {
        **GOOD,
        "aanbesteding": {
            **GOOD["aanbesteding"],  # type: ignore[dict-item]
            "kenmerk": "\x1b]0;gehackt\x07\x1b[2J\x9b31mINK",
        },
        "clausules": [
            {"nummer": "E-01", "id": "x\x1b[8m", "versie": "1.0.0\x1b[0m", "status": "concept", "herkomst": "\u202e"}
        ],
    }
    manifest(tmp_path, "vijandig", hostile)
    for formaat in ("tabel", "json"):
        code, out, err = run(["bibliotheek", "gebruik", str(tmp_path), "--formaat", formaat])
        assert code == 0, err
        assert not any(c in out for c in "\x1b\x07\x9b\u202e"), repr(out)
        assert "INK" in out
    assert json.loads(out)[0]["aanbesteding"] == "\x1b]0;gehackt\x07\x1b[2J\x9b31mINK"


def test_the_longest_kenmerk_gives_documents_not_an_internal_error(run: Runner, tmp_path: Path) -> None:
    """Before: exit 70, the Word keywords property (255 characters at most) was too long."""
    kenmerk = "K" * 200
    code, _, err = run([*BASE, "--kenmerk", kenmerk, "--uitvoer", str(tmp_path / "b.docx")])
    assert code == 0, err
    for name in ("b.docx", "b-verantwoording.docx"):
        with zipfile.ZipFile(tmp_path / name) as package:
            core = package.read("docProps/core.xml").decode("utf-8")
        keywords = core.split("<cp:keywords>")[1].split("</cp:keywords>")[0]
        assert len(keywords) <= 255 and keywords.startswith("digitale soevereiniteit")
        assert f"<dc:identifier>{kenmerk}</dc:identifier>" in core


def test_the_longest_kenmerk_gives_a_default_name_that_fits(
    run: Runner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    code, _, err = run([*BASE, "--kenmerk", "INK/" * 50])
    assert code == 0, err
    names = sorted(p.name for p in tmp_path.iterdir())
    assert len(names) == len(full_set("x")) and all(len(n.encode()) <= 200 for n in names)
    assert names[0].startswith("bijlage-soevereiniteit-ink-ink-")


@pytest.mark.parametrize("version", ["١.٠.٠", "１.0.0", "1.0.٣"])
def test_controleer_refuses_a_version_in_other_digits(run: Runner, make_library: LibraryFactory, version: str) -> None:
    root = make_library(
        {"keten/voorbeeld-clausule.yaml": yaml.safe_dump(clause_data(versie=version), allow_unicode=True)}
    )
    code, _, err = run(["bibliotheek", "controleer", str(root)])
    assert code == 1
    assert "voorbeeld-clausule.yaml" in err and "versie" in err
