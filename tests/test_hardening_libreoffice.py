"""LibreOffice that hangs or never starts, and a UNO Python that never answers: the error
comes in bounded time, says what to try, and no process is left running."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from aanbesteding.writers.export import pdf
from tests.hardening import (  # noqa: F401 (fixtures)
    BASE as HARDENING_BASE,
    Runner,
    module_cache_fixture,
    shared_lint_cache_fixture,
)

BASE = [*HARDENING_BASE, "--datum", "2026-11-23", "--pdf"]
pytestmark = pytest.mark.skipif(os.name != "posix", reason="procesgroepen zijn POSIX")


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text(encoding="ascii").split(")")[-1].split()[0]
    except OSError:
        return False
    return state != "Z"  # a zombie has ended; only its parent's bookkeeping is left


def gone(pid: int, seconds: float = 10) -> bool:
    deadline = time.monotonic() + seconds
    while alive(pid) and time.monotonic() < deadline:
        time.sleep(0.1)
    return not alive(pid)


def fake_program(folder: Path, name: str, marker: Path) -> Path:
    """A program that starts a child (as soffice starts soffice.bin), notes its pid and hangs."""
    folder.mkdir(exist_ok=True)
    program = folder / name
    program.write_text(f"#!/bin/sh\nsleep 600 &\necho $! > {marker}\nwait\n", encoding="utf-8")
    program.chmod(0o755)
    return program


def test_a_libreoffice_that_never_answers_is_ended_with_everything_it_started(
    run: Runner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Before: the error came after about 51 s and soffice.bin was left running."""
    if pdf.uno_python() is None:
        pytest.skip("python3-uno ontbreekt")
    marker = tmp_path / "kind.pid"
    fake = fake_program(tmp_path / "bin", "soffice", marker)
    monkeypatch.setenv("PATH", f"{fake.parent}{os.pathsep}{os.environ['PATH']}")
    monkeypatch.setattr(pdf, "START_TIMEOUT", 3)
    code, _, err = run([*BASE, "--uitvoer", str(tmp_path / "b.docx")])
    assert code == 1
    assert (
        "PDF kan niet worden gemaakt: LibreOffice startte niet binnen 3 seconden; probeer "
        "het opnieuw als de computer minder druk is" in err
    )
    assert "laat --pdf weg" in err
    assert gone(int(marker.read_text(encoding="ascii")))
    assert not (tmp_path / "b.docx").exists()


def test_a_uno_python_that_never_answers_is_named_and_ended(
    run: Runner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Before: the probe of AANBESTEDING_UNO_PYTHON waited for ever."""
    marker = tmp_path / "kind.pid"
    fake = fake_program(tmp_path / "bin", "python-die-hangt", marker)
    monkeypatch.setenv("AANBESTEDING_UNO_PYTHON", str(fake))
    monkeypatch.setattr(pdf, "PROBE_TIMEOUT", 2)
    code, _, err = run([*BASE, "--uitvoer", str(tmp_path / "b.docx")])
    assert code == 1
    assert f"AANBESTEDING_UNO_PYTHON={fake}: dit programma antwoordt niet binnen 2 seconden" in err
    assert gone(int(marker.read_text(encoding="ascii")))


def test_a_missing_uno_python_is_named(run: Runner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("AANBESTEDING_UNO_PYTHON", str(tmp_path / "geen-python"))
    code, _, err = run([*BASE, "--uitvoer", str(tmp_path / "b.docx")])
    assert code == 1
    assert f"AANBESTEDING_UNO_PYTHON={tmp_path / 'geen-python'}: dit programma bestaat niet" in err
