"""The lint cache as an attacker sees it: a shared or planted cache folder with forged entries,
an unusable cache folder (no home, a user unknown to the system, a file, a FIFO), corrupt and
deeply nested entries. The cache may only save time; it never decides what a document says.
"""

from __future__ import annotations

import hashlib
import json
import os
import stat
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from aanbesteding.library.cache import LibraryCache
from aanbesteding.library.loader import load_library_with_problems
from tests.conftest import STANDARD, LibraryFactory, Runner, clause_data
from tests.hardening import full_set

BASE = ["genereer", "--laag", "2", "--contracttype", "saas", "--datum", "2026-11-23"]
BAD_TEXT = "De Opdrachtnemer meldt {{ niet_gedeclareerd }} dagen vooraf."


def cache_folder() -> Path:
    return Path(os.environ["AANBESTEDING_CACHE"])


def entries(kind: str) -> list[Path]:
    return sorted((cache_folder() / kind).rglob("*.json"))


def document_text(path: Path) -> str:
    with zipfile.ZipFile(path) as package:
        return package.read("word/document.xml").decode("utf-8")


def test_a_forged_clause_in_the_cache_neither_passes_the_status_gate_nor_reaches_the_document(
    run: Runner, tmp_path: Path
) -> None:
    """Before: with every cached clause edited to 'vastgesteld' and a new text, --status
    definitief passed, the forged text was in the bijlage and the manifest hashes unchanged."""
    assert run([*BASE, "--uitvoer", str(tmp_path / "eerst.docx")])[0] == 0
    forged = 0
    for entry in entries("clausules"):
        data = entry.read_bytes()
        new = data.replace(b'"status":"concept"', b'"status":"vastgesteld"').replace(
            b'"tekst":"', b'"tekst":"VERVALST door een collega. '
        )
        if new != data:
            entry.write_bytes(new)
            forged += 1
    assert forged > 30
    code, _, err = run([*BASE, "--status", "definitief", "--uitvoer", str(tmp_path / "b.docx")])
    assert code == 1
    assert "niet vastgesteld" in err or "vastgesteld" in err
    assert not (tmp_path / "b.docx").exists()
    code, _, err = run([*BASE, "--uitvoer", str(tmp_path / "b.docx")])
    assert code == 0, err
    assert "VERVALST" not in document_text(tmp_path / "b.docx")
    manifest = json.loads((tmp_path / "b.manifest.json").read_text(encoding="utf-8"))
    by_id = {c["id"]: c for c in manifest["clausules"]}
    for path in STANDARD.rglob("*.yaml"):
        if path.stem in by_id:
            assert by_id[path.stem]["sha256"] == hashlib.sha256(path.read_bytes()).hexdigest()
            assert by_id[path.stem]["status"] in path.read_text(encoding="utf-8")


def test_a_forged_lint_pass_in_the_cache_does_not_hide_a_problem(make_library: LibraryFactory) -> None:
    root = make_library({"keten/voorbeeld-clausule.yaml": clause_data(tekst=BAD_TEXT)})
    assert load_library_with_problems(root)[1]
    for entry in entries("lint"):
        data = entry.read_bytes()
        entry.write_bytes(data[: data.index(b"[")] + b"[]")  # "no problems", seal (if any) kept
    assert load_library_with_problems(root)[1]


def test_an_entry_sealed_with_another_users_secret_is_ignored(make_library: LibraryFactory, tmp_path: Path) -> None:
    root = make_library({"keten/voorbeeld-clausule.yaml": clause_data()})
    other = LibraryCache(cache_folder(), b"k" * 32)  # a co-user of a shared cache folder
    data = (root / "keten" / "voorbeeld-clausule.yaml").read_bytes()
    other.put_clause(
        LibraryCache.clause_key(data), json.dumps(clause_data(status="vastgesteld", tekst="Vervalst.")).encode()
    )
    library, problems = load_library_with_problems(root)
    assert problems == [] and library is not None
    assert library.clauses[0].clause.status == "concept"
    assert library.clauses[0].clause.tekst != "Vervalst."


@pytest.mark.parametrize("nesting", ["[" * 100_000, '{"a":' * 100_000])
def test_a_deeply_nested_cache_entry_means_lint_again(make_library: LibraryFactory, nesting: str) -> None:
    root = make_library({"keten/voorbeeld-clausule.yaml": clause_data(tekst=BAD_TEXT)})
    load_library_with_problems(root)
    for entry in [*entries("lint"), *entries("clausules")]:
        data = entry.read_bytes()
        entry.write_bytes(data[: data.index(b"[" if "lint" in str(entry) else b"{")] + nesting.encode())
    assert load_library_with_problems(root)[1]


def test_no_home_and_a_user_unknown_to_the_system_means_no_cache_not_an_error(
    run: Runner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Before: every command ended in exit 70 looking for the cache folder."""
    import pwd

    def unknown(uid: int) -> pwd.struct_passwd:
        raise KeyError(f"getpwuid(): uid not found: {uid}")

    monkeypatch.setattr(pwd, "getpwuid", unknown)
    for name in ("HOME", "AANBESTEDING_CACHE", "XDG_CACHE_HOME", "XDG_CONFIG_HOME"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.chdir(tmp_path)
    code, _, err = run([*BASE, "--uitvoer", "b.docx"])
    assert code == 0, err
    assert sorted(p.name for p in tmp_path.iterdir()) == full_set("b")  # no "~" folder
    code, _, err = run(["bibliotheek", "controleer"])
    assert code == 0, err


@pytest.mark.parametrize("kind", ["bestand", "apparaat"])
def test_a_cache_folder_that_cannot_be_a_folder_means_no_cache(
    run: Runner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, kind: str
) -> None:
    target = tmp_path / "cache-is-een-bestand"
    target.write_text("x", encoding="utf-8")
    monkeypatch.setenv("AANBESTEDING_CACHE", str(target) if kind == "bestand" else "/dev/null")
    code, _, err = run([*BASE, "--uitvoer", str(tmp_path / "b.docx")])
    assert code == 0, err
    assert target.read_text(encoding="utf-8") == "x"


def test_cache_entries_that_are_fifos_are_not_read(tmp_path: Path) -> None:
    """A FIFO planted at an entry's name would block the read for ever; the run is bounded."""
    env = {**os.environ, "AANBESTEDING_CACHE": str(tmp_path / "cache")}
    command = [sys.executable, "-m", "aanbesteding", *BASE]
    first = subprocess.run(
        [*command, "--uitvoer", str(tmp_path / "a.docx")],
        env=env,
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    assert first.returncode == 0, first.stderr
    planted = [*entries_in(tmp_path / "cache")]
    for entry in planted:
        entry.unlink()
        os.mkfifo(entry)
    second = subprocess.run(
        [*command, "--uitvoer", str(tmp_path / "b.docx")],
        env=env,
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    assert second.returncode == 0, second.stderr
    assert planted and all(stat.S_ISFIFO(p.stat().st_mode) or p.is_file() for p in planted)


def entries_in(folder: Path) -> list[Path]:
    return sorted(folder.rglob("*.json"))


def test_a_secret_others_can_read_is_not_used(tmp_path: Path) -> None:
    from aanbesteding.library.cache import load_secret

    secret = tmp_path / "config" / "cache-sleutel"
    assert load_secret(secret) is not None
    assert stat.S_IMODE(secret.stat().st_mode) == 0o600
    secret.chmod(0o644)
    assert load_secret(secret) is None
    secret.unlink()
    secret.symlink_to(tmp_path / "elders")
    assert load_secret(secret) is None
