"""Static checks run with the tests: ruff (lint) and mypy (strict types).

The tools are looked up in this interpreter (``python -m``), not on PATH, so a venv that is
not activated still runs them. Without them the tests skip, except under CI (``CI`` set),
where a missing tool is a failure: CI must never pass a check it did not run.
"""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _missing(tool: str) -> None:
    reason = f"{tool} is niet geïnstalleerd in {sys.executable} (pip install '.[test]')"
    if os.environ.get("CI", "").lower() not in ("", "0", "false", "no"):
        pytest.fail(f"{reason}; onder CI mag deze controle niet worden overgeslagen")
    pytest.skip(reason)


def _run(tool: str, *args: str) -> subprocess.CompletedProcess[str]:
    if importlib.util.find_spec(tool) is None:
        _missing(tool)
    return subprocess.run(
        [sys.executable, "-m", tool, *args], cwd=ROOT, capture_output=True, text=True, check=False, timeout=300
    )


def test_ruff_finds_nothing() -> None:
    result = _run("ruff", "check", "src", "tests", "scripts", "benchmarks")
    assert result.returncode == 0, result.stdout + result.stderr


def test_mypy_strict_finds_nothing() -> None:
    result = _run("mypy")
    assert result.returncode == 0, result.stdout + result.stderr


def test_a_missing_tool_fails_under_ci_and_skips_otherwise(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match="onder CI"):
        _run("geen_bestaand_hulpmiddel")
    monkeypatch.delenv("CI")
    with pytest.raises(pytest.skip.Exception):
        _run("geen_bestaand_hulpmiddel")
