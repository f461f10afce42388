"""The layout stays readable: no import circles, small modules, a light --help, picklable errors."""

from __future__ import annotations

import ast
import os
import pickle
import re
import subprocess
import sys
from pathlib import Path

import pytest

from aanbesteding.errors import (
    AanbestedingError,
    InputError,
    LibraryError,
    PolicyError,
    Problem,
    SourceError,
)

PACKAGE = Path(__file__).resolve().parent.parent / "src" / "aanbesteding"
HEAVY = ("docx", "openpyxl", "jinja2", "babel", "pydantic", "yaml", "lxml")


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _imports() -> dict[str, set[str]]:
    """Module -> the package modules it imports at module level (lazy imports inside
    functions excluded: they cannot form a circle at import time)."""
    modules = {_module_name(p): p for p in PACKAGE.rglob("*.py")}
    graph: dict[str, set[str]] = {}
    for name, path in modules.items():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        found: set[str] = set()
        for node in tree.body:
            targets: list[str] = []
            if isinstance(node, ast.ImportFrom) and node.module:
                targets = [node.module, *(f"{node.module}.{a.name}" for a in node.names)]
            elif isinstance(node, ast.Import):
                targets = [a.name for a in node.names]
            found |= {t for t in targets if t in modules and t != name}
        graph[name] = found
    return graph


def test_no_module_imports_itself_through_others() -> None:
    graph = _imports()
    state: dict[str, int] = {}
    cycles: list[list[str]] = []

    def visit(node: str, trail: list[str]) -> None:
        state[node] = 1
        for target in sorted(graph[node]):
            if state.get(target) == 1:
                cycles.append([*trail[trail.index(target) :], target] if target in trail else [node, target])
            elif target not in state:
                visit(target, [*trail, target])
        state[node] = 2

    for module in sorted(graph):
        if module not in state:
            visit(module, [module])
    assert cycles == []


def test_the_package_top_level_has_at_most_eight_modules() -> None:
    top = sorted(p.name for p in PACKAGE.glob("*.py"))
    assert len(top) <= 8, top


def test_no_module_is_longer_than_400_lines() -> None:
    long = {
        str(p.relative_to(PACKAGE)): n
        for p in PACKAGE.rglob("*.py")
        if (n := len(p.read_text(encoding="utf-8").splitlines())) > 400
    }
    assert long == {}


def test_the_library_never_imports_a_writer_or_the_cli() -> None:
    graph = _imports()
    for module, targets in graph.items():
        if module.startswith(("aanbesteding.library", "aanbesteding.compose", "aanbesteding.tender")):
            assert not {t for t in targets if t.startswith(("aanbesteding.writers", "aanbesteding.cli"))}, module
        if module.startswith("aanbesteding.writers"):
            assert not {t for t in targets if t.startswith(("aanbesteding.library.loader", "aanbesteding.cli"))}, module


def test_help_imports_no_heavy_library() -> None:
    probe = (
        "import runpy, sys\n"
        "sys.argv = ['aanbesteding', '--help']\n"
        "try:\n    runpy.run_module('aanbesteding', run_name='__main__')\n"
        "except SystemExit:\n    pass\n"
        f"print(sorted(m for m in {HEAVY!r} if m in sys.modules))\n"
    )
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True, timeout=60)
    assert "Opdrachten:" in result.stdout
    assert result.stdout.strip().splitlines()[-1] == "[]"


def test_overzicht_with_a_warm_cache_imports_no_writer_or_template_engine(tmp_path: Path) -> None:
    env = {
        "AANBESTEDING_CACHE": str(tmp_path / "cache"),
        "PATH": "/usr/bin:/bin",
        "XDG_CONFIG_HOME": os.environ["XDG_CONFIG_HOME"],
        "PYTHONPATH": os.environ.get("PYTHONPATH", ""),
    }  # the code under test, not an install
    subprocess.run(
        [sys.executable, "-m", "aanbesteding", "bibliotheek", "controleer"],
        check=True,
        timeout=120,
        env=env,
        capture_output=True,
    )
    probe = (
        "import runpy, sys\n"
        "sys.argv = ['aanbesteding', 'bibliotheek', 'overzicht']\n"
        "try:\n    runpy.run_module('aanbesteding', run_name='__main__')\n"
        "except SystemExit:\n    pass\n"
        "print(sorted(m for m in ('docx', 'openpyxl', 'jinja2', 'babel') if m in sys.modules))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True, timeout=120, env=env
    )
    assert "clausules" in result.stdout
    assert result.stdout.strip().splitlines()[-1] == "[]", result.stderr


@pytest.mark.parametrize(
    "error",
    [
        LibraryError(
            [
                Problem("keten/a.yaml", 3, "titel", "mag niet leeg zijn"),
                Problem("keten/b.yaml", None, "(bestand)", "ongeldige YAML"),
            ]
        ),
        InputError("--laag ontbreekt"),
        PolicyError("niet vastgesteld"),
        SourceError("HEAD~9:clauses: bestaat niet"),
    ],
)
def test_errors_survive_pickling_with_their_message(error: AanbestedingError) -> None:
    copy = pickle.loads(pickle.dumps(error))
    assert type(copy) is type(error)
    assert str(copy) == str(error)
    if isinstance(error, LibraryError):
        assert isinstance(copy, LibraryError)
        assert copy.problems == error.problems
        assert len(copy.problems) == 2


def test_a_run_without_a_grid_imports_no_spreadsheet_library(tmp_path: Path) -> None:
    probe = (
        "import sys\n"
        "from aanbesteding.cli.main import main\n"
        f"code = main(['genereer', '--laag', '3', '--contracttype', 'saas', '--geen-matrix', "
        "'--geen-formulier', "
        f"'--uitvoer', {str(tmp_path / 'b.docx')!r}])\n"
        "print(code, 'openpyxl' in sys.modules)\n"
    )
    env = {
        "AANBESTEDING_CACHE": str(tmp_path / "cache"),
        "PATH": "/usr/bin:/bin",
        "XDG_CONFIG_HOME": os.environ["XDG_CONFIG_HOME"],
        "PYTHONPATH": os.environ.get("PYTHONPATH", ""),
    }
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True, timeout=120, env=env
    )
    assert result.stdout.strip().splitlines()[-1] == "0 False", result.stderr


def test_a_command_added_from_another_module_gets_dutch_help(capsys: pytest.CaptureFixture[str]) -> None:
    import click

    from aanbesteding.cli.main import cli, main

    @click.command("proef")
    @click.option("--waarde", help="Een waarde.")
    def proef(waarde: str | None) -> None:
        """Een opdracht uit een andere module."""

    cli.add_command(proef)
    try:
        assert main(["proef", "--help"]) == 0
        out = capsys.readouterr().out
        assert out.startswith("Gebruik: aanbesteding proef [OPTIES]")
        assert "Opties:" in out and "--waarde TEKST" in out
        assert re.search(r"-h, --help +Toon deze hulp en stop.", out)
    finally:
        cli.commands.pop("proef")


def test_the_import_contracts_in_pyproject_hold(monkeypatch: pytest.MonkeyPatch) -> None:
    from importlinter.cli import lint_imports

    monkeypatch.chdir(PACKAGE.parent.parent)
    monkeypatch.syspath_prepend(str(PACKAGE.parent))
    assert lint_imports(no_cache=True) == 0  # the report names any broken contract


def test_the_package_top_level_holds_at_most_eight_modules() -> None:
    top = sorted(p.name for p in PACKAGE.glob("*.py"))
    assert len(top) <= 8, top


def test_profiles_are_read_in_one_module() -> None:
    """Every front end reads profiles through tender/profile.py: no other module parses YAML
    into a tender or defines its own profile reader."""
    src = PACKAGE
    readers = {
        str(path.relative_to(src))
        for path in src.rglob("*.py")
        for text in (path.read_text(encoding="utf-8"),)
        if re.search(r"^def (?:read_profile|load_profile|tender_from_options)\b", text, re.MULTILINE)
    }
    assert readers == {"tender/profile.py"}
    inputs = (src / "tender" / "inputs.py").read_text(encoding="utf-8")
    assert "import" not in " ".join(x for x in inputs.splitlines() if "tender.profile" in x)
    assert "load_yaml" not in inputs
