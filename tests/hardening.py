"""Shared pieces of the hardening tests: the real entry point, refusal checks, one lint cache
per module (the standard library is linted once per module, not in every test).

A test module imports the ``*_fixture`` functions; pytest knows them by their ``name``.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import Runner

BASE = ["genereer", "--laag", "2", "--contracttype", "saas"]


@pytest.fixture(scope="module", name="module_cache")
def module_cache_fixture(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("cache")


@pytest.fixture(autouse=True, name="shared_lint_cache")
def shared_lint_cache_fixture(_private_lint_cache: None, module_cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """One lint cache per module instead of one per test."""
    monkeypatch.setenv("AANBESTEDING_CACHE", str(module_cache))


def refused(run: Runner, args: list[str], folder: Path, *expected: str) -> str:
    """Run, assert exit 1 with every expected text in the message and no file in ``folder``."""
    code, out, err = run(args)
    assert code == 1, (out, err)
    assert "Traceback" not in err and "Interne fout" not in err
    for text in expected:
        assert text in err, err
    assert sorted(p.name for p in folder.iterdir() if p.suffix in (".docx", ".xlsx", ".tmp")) == []
    return err


def full_set(stem: str) -> list[str]:
    """The names one default generation to ``<stem>.docx`` writes, sorted (manifest included)."""
    from aanbesteding.api import DEFAULT_FORMATS, FORMATS, MANIFEST_SUFFIX

    return sorted([*(stem + FORMATS[f].suffix for f in DEFAULT_FORMATS), stem + MANIFEST_SUFFIX])
