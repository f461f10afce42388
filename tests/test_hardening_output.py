"""Faults while writing: a failing writer, a full disk, a file open in Word, a crash (kill -9).

After each: nothing at the target that was not there, no temporary file, an existing file
unchanged; after a crash the next run completes the set without --force and cleans up.
"""

from __future__ import annotations

import contextlib
import dataclasses
import hashlib
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from aanbesteding import api
from tests.hardening import (  # noqa: F401 (fixtures)
    BASE as HARDENING_BASE,
    Runner,
    module_cache_fixture,
    shared_lint_cache_fixture,
)

BASE = [*HARDENING_BASE, "--datum", "2026-11-23"]


def listing(folder: Path) -> dict[str, str]:
    """Every file in ``folder`` (hidden ones too) with the sha256 of its content."""
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir()) if p.is_file()}


def broken_writer(annex: object) -> bytes:
    raise RuntimeError("schrijver valt halverwege om")


def test_a_writer_failing_half_way_leaves_nothing_behind(
    run: Runner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(
        api.FORMATS,
        "xlsx",
        dataclasses.replace(api.FORMATS["xlsx"], writer="tests.test_hardening_output:broken_writer"),
    )
    code, _, err = run([*BASE, "--uitvoer", str(tmp_path / "b.docx")])
    assert code == 70 and "Traceback" not in err
    assert listing(tmp_path) == {}


@pytest.mark.parametrize("failing_call", [1, 2])
def test_a_failure_while_placing_the_files_restores_the_old_set(
    run: Runner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, failing_call: int
) -> None:
    target = tmp_path / "b.docx"
    (tmp_path / "b.docx").write_bytes(b"oude bijlage")
    (tmp_path / "b.xlsx").write_bytes(b"oude matrix")
    before = listing(tmp_path)
    real_replace = os.replace
    calls = {"n": 0}

    def replace(source: str, destination: str) -> None:
        if str(destination).endswith((".docx", ".xlsx")):
            calls["n"] += 1
            if calls["n"] == failing_call:
                raise OSError(28, "No space left on device")
        real_replace(source, destination)

    monkeypatch.setattr(os, "replace", replace)
    code, _, err = run([*BASE, "--force", "--uitvoer", str(target)])
    assert code == 1
    assert (
        f"{tmp_path / ('b.docx' if failing_call == 1 else 'b.xlsx')} kan niet worden "
        "geschreven: de schijf is vol" in err
    )
    assert listing(tmp_path) == before


def test_a_target_open_in_word_is_named_and_nothing_is_lost(
    run: Runner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Windows refuses to replace a file another program holds open (PermissionError)."""
    (tmp_path / "b.docx").write_bytes(b"oude bijlage")
    (tmp_path / "b.xlsx").write_bytes(b"oude matrix, open in Excel")
    before = listing(tmp_path)
    real_replace = os.replace

    def replace(source: str, destination: str) -> None:
        if str(destination).endswith("b.xlsx"):
            raise PermissionError(13, "Access is denied", str(destination))
        real_replace(source, destination)

    monkeypatch.setattr(os, "replace", replace)
    code, _, err = run([*BASE, "--force", "--uitvoer", str(tmp_path / "b.docx")])
    assert code == 1
    assert (
        f"{tmp_path / 'b.xlsx'} kan niet worden vervangen: het bestand is geopend in een ander "
        "programma (bijvoorbeeld Word of Excel)"
    ) in err
    assert "Sluit het bestand en probeer het opnieuw; er is niets gewijzigd." in err
    assert listing(tmp_path) == before


@contextlib.contextmanager
def small_disk(folder: Path, size: str) -> Iterator[Path]:
    folder.mkdir()
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(folder)], capture_output=True, check=False
    )
    if mounted.returncode != 0:
        pytest.skip("een tmpfs koppelen kan hier niet (geen root of geen mount)")
    try:
        yield folder
    finally:
        subprocess.run(["umount", str(folder)], capture_output=True, check=False)


@pytest.mark.parametrize("size", ["48k", "100k"])  # the docx (~85 KB) does not fit / fits alone
def test_a_full_disk_leaves_no_file_and_no_temporary(run: Runner, tmp_path: Path, size: str) -> None:
    if sys.platform != "linux" or os.geteuid() != 0:
        pytest.skip("een tmpfs koppelen vraagt Linux en root")
    with small_disk(tmp_path / "schijf", size) as disk:
        code, _, err = run([*BASE, "--uitvoer", str(disk / "b.docx")])
        assert code == 1, err
        assert "de schijf is vol" in err
        assert listing(disk) == {}


# Crash recovery ------------------------------------------------------------------------------

# One generation: the bijlage, the matrix, the verantwoording and the manifest.
FULL_SET = ["b-inschrijversformulier.xlsx", "b-verantwoording.docx", "b.docx", "b.manifest.json", "b.xlsx"]

_CRASH = """
import os, sys
from aanbesteding.cli.main import main
real_link = os.link
def link(source, target, *args, **kwargs):
    real_link(source, target, *args, **kwargs)
    if str(target).endswith({suffix!r}):
        os._exit(137)  # like kill -9: no finally, no cleanup
os.link = link
main(sys.argv[1:])
"""


def crash(args: list[str], after: str) -> None:
    """Run ``aanbesteding`` in a process that dies the moment ``after`` is linked in place."""
    env = {**os.environ, "PYTHONPATH": os.environ.get("PYTHONPATH", "")}
    result = subprocess.run(
        [sys.executable, "-c", _CRASH.format(suffix=after), *args],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
        check=False,
    )
    assert result.returncode == 137, result.stderr


def test_a_rerun_completes_the_set_a_crash_left_half_written(run: Runner, tmp_path: Path) -> None:
    target = tmp_path / "b.docx"
    crash([*BASE, "--uitvoer", str(target)], after=".docx")
    left = listing(tmp_path)
    assert "b.docx" in left and "b.xlsx" not in left
    assert any(name.endswith(".tmp") for name in left)  # the crashed run's xlsx temporary
    assert any(name.endswith(".onvolledig") for name in left)

    code, out, err = run([*BASE, "--uitvoer", str(target)])  # no --force
    assert code == 0, err
    assert "Beoordelingsmatrix geschreven" in out
    assert sorted(listing(tmp_path)) == FULL_SET

    fresh = tmp_path / "vers"
    fresh.mkdir()
    assert run([*BASE, "--uitvoer", str(fresh / "b.docx")])[0] == 0
    assert listing(fresh) == listing(tmp_path)


def test_a_file_changed_after_the_crash_is_not_overwritten_without_force(run: Runner, tmp_path: Path) -> None:
    target = tmp_path / "b.docx"
    crash([*BASE, "--uitvoer", str(target)], after=".docx")
    target.write_bytes(b"door de inkoper aangepast")
    code, _, err = run([*BASE, "--uitvoer", str(target)])
    assert code == 1
    assert f"{target} bestaat al; gebruik --force" in err
    assert target.read_bytes() == b"door de inkoper aangepast"


def test_a_run_removes_temporaries_of_a_crashed_run_but_not_of_a_running_one(run: Runner, tmp_path: Path) -> None:
    dead = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True, check=True
    ).stdout.strip()
    stray = [
        tmp_path / f".b.docx.{dead}.abc123.tmp",
        tmp_path / f".b.xlsx.{dead}.x9.tmp.oud",
        tmp_path / f".b.xlsx.{dead}.onvolledig",
    ]
    alive = tmp_path / f".b.docx.{os.getppid()}.def456.tmp"
    for path in [*stray, alive]:
        path.write_bytes(b"half")
    foreign = tmp_path / ".b.docx.notitie.txt"
    foreign.write_bytes(b"niet van ons")
    code, _, err = run([*BASE, "--uitvoer", str(tmp_path / "b.docx")])
    assert code == 0, err
    assert sorted(listing(tmp_path)) == sorted([*FULL_SET, alive.name, foreign.name])


def test_a_drive_without_hard_links_still_gets_the_set_and_keeps_no_clobber(
    run: Runner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """FAT/exFAT sticks and some network shares refuse os.link; rename is used instead."""

    def no_links(source: str, target: str, *args: object, **kwargs: object) -> None:
        raise OSError(1, "Operation not permitted")  # what Linux says on vfat

    monkeypatch.setattr(os, "link", no_links)
    code, _, err = run([*BASE, "--uitvoer", str(tmp_path / "b.docx")])
    assert code == 0, err
    assert sorted(listing(tmp_path)) == FULL_SET
    before = listing(tmp_path)
    code, _, err = run([*BASE, "--kenmerk", "ANDERS", "--uitvoer", str(tmp_path / "b.docx")])
    assert code == 1 and "bestaat al" in err
    code, _, err = run([*BASE, "--kenmerk", "ANDERS", "--force", "--uitvoer", str(tmp_path / "b.docx")])
    assert code == 0, err
    after = listing(tmp_path)
    assert sorted(after) == FULL_SET and after["b.docx"] != before["b.docx"]
