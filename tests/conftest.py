"""Shared fixtures: small clause libraries built in tmp_path, the standard library."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from aanbesteding.cli.main import main
from aanbesteding.support.resources import standard_library_path

STANDARD = standard_library_path()


def clause_data(**overrides: Any) -> dict[str, Any]:
    """A valid clause as a dict; overrides replace top-level fields (None removes one)."""
    data: dict[str, Any] = {
        "id": "voorbeeld-clausule",
        "titel": "Voorbeeldclausule",
        "versie": "1.0.0",
        "status": "concept",
        "eigenaar": "Juridische Zaken",
        "bronnen": ["BIO2 5.21.02"],
        "sov": ["SOV-5"],
        "risicos": ["R10"],
        "lagen": {"kritiek": "eis", "gevoelig": "eis", "ondersteunend": "wens"},
        "contracttypen": ["saas", "paas"],
        "begrippen": ["Opdrachtnemer", "Subverwerker"],
        "parameters": {
            "termijn_dagen": {
                "type": "geheel-getal",
                "standaard": 30,
                "minimum": 10,
                "maximum": 90,
                "eenheid": "dagen",
                "omschrijving": "Meldtermijn",
            }
        },
        "tekst": "De Opdrachtnemer meldt elke nieuwe Subverwerker {{ termijn_dagen }} dagen vooraf.",
        "toelichting": "Zicht op de keten beperkt het risico van zwakke plekken in de keten.",
        "wijze_van_aantonen": "Een lijst, ondertekend door een tekenbevoegde.",
        "weging": 5,
        "scoringsleidraad": {0: "Niets aangeboden.", 10: "Volledige lijst met jurisdictie."},
    }
    for key, value in overrides.items():
        if value is None:
            data.pop(key, None)
        else:
            data[key] = value
    return data


LibraryFactory = Callable[..., Path]


@pytest.fixture(scope="session")
def _config_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A configuration folder for the whole run: the cache secret is made there, not in ~."""
    return tmp_path_factory.mktemp("config")


@pytest.fixture(autouse=True)
def _private_lint_cache(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch, _config_home: Path
) -> None:
    """Every test gets its own lint cache, so no test sees another's (or the user's) results."""
    monkeypatch.setenv("AANBESTEDING_CACHE", str(tmp_path_factory.mktemp("cache")))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(_config_home))


@pytest.fixture
def make_library(tmp_path: Path) -> LibraryFactory:
    """Build a library in tmp_path with the standard themes and definitions.

    Call with ``files={"keten/x.yaml": dict_or_text, ...}``.
    """

    def build(files: dict[str, dict[str, Any] | str], name: str = "bib") -> Path:
        root = tmp_path / name
        root.mkdir(parents=True)
        shutil.copy(STANDARD / "themas.yaml", root / "themas.yaml")
        shutil.copy(STANDARD / "begrippen.yaml", root / "begrippen.yaml")
        shutil.copy(STANDARD / "beleid.yaml", root / "beleid.yaml")
        shutil.copytree(STANDARD / "hoofdstukken", root / "hoofdstukken")
        for rel, content in files.items():
            path = root / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            text = content if isinstance(content, str) else yaml.safe_dump(content, allow_unicode=True, sort_keys=False)
            path.write_text(text, encoding="utf-8")
        return root

    return build


@pytest.fixture
def standard_copy(tmp_path: Path) -> Path:
    """A writable copy of the standard library."""
    target = tmp_path / "standaard"
    shutil.copytree(STANDARD, target)
    return target


Runner = Callable[[list[str]], tuple[int, str, str]]


@pytest.fixture
def run(capsys: pytest.CaptureFixture[str]) -> Runner:
    """Run the real entry point ``main`` and return exit code, stdout and stderr."""

    def invoke(args: list[str]) -> tuple[int, str, str]:
        capsys.readouterr()
        code = main(args)
        captured = capsys.readouterr()
        return code, captured.out, captured.err

    return invoke
