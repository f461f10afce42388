"""Messages in Dutch that name their subject, and the Windows cases that can be simulated here:
a cp1252 console, paths with spaces and accents, no POSIX-only imports, the platform cache folder.
"""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest

from aanbesteding.cli.main import main
from tests.hardening import (  # noqa: F401 (fixtures)
    BASE,
    Runner,
    module_cache_fixture,
    refused,
    shared_lint_cache_fixture,
)

# 9. Messages in Dutch, with their subject ------------------------------------------------------


def test_a_folder_given_as_profile_gets_a_dutch_message(run: Runner, tmp_path: Path) -> None:
    code, _, err = run([*BASE, "--profiel", str(tmp_path)])
    assert code == 1
    assert f"profiel {tmp_path}: dit is een map, geen profielbestand" in err
    assert "directory" not in err


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--schaal", "4,2"], "--schaal: de schaal moet oplopend zijn"),
        (
            ["--inschrijver", "A", "--inschrijver", "A"],
            "--inschrijver: elke inschrijver moet een andere naam hebben; dubbel: 'A'",
        ),
        (
            ["--organisatie", "x" * 100_000],
            "--organisatie: mag hoogstens 200 tekens lang zijn (gegeven: 100.000 tekens)",
        ),
    ],
)
def test_a_tender_error_names_the_option(run: Runner, tmp_path: Path, args: list[str], message: str) -> None:
    err = refused(run, [*BASE, *args, "--uitvoer", str(tmp_path / "b.docx")], tmp_path, message)
    assert "(bestand)" not in err and len(err) < 400


def test_a_profile_with_a_wrong_type_names_the_field_in_dutch(run: Runner, tmp_path: Path) -> None:
    profile = tmp_path / "profiel.yaml"
    profile.write_text("laag: 2\ncontracttype: saas\ninschrijvers: []\nversie: [1]\n", encoding="utf-8")
    err = refused(
        run,
        ["genereer", "--profiel", str(profile), "--uitvoer", str(tmp_path / "b.docx")],
        tmp_path,
        f"{profile}: inschrijvers: mag niet leeg zijn",
        f"{profile}: versie: moet tekst zijn",
    )
    assert "should" not in err


# Windows: console code page, paths ------------------------------------------------------------


def test_a_cp1252_console_shows_euro_and_accents_and_does_not_crash(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out_buffer, err_buffer = io.BytesIO(), io.BytesIO()
    monkeypatch.setattr(sys, "stdout", io.TextIOWrapper(out_buffer, encoding="cp1252"))
    monkeypatch.setattr(sys, "stderr", io.TextIOWrapper(err_buffer, encoding="cp1252"))
    target = tmp_path / "Gemeente Zoë – €≥ map" / "bijlage.docx"
    target.parent.write_text("een bestand, geen map", encoding="utf-8")  # a missing map is made
    code = main([*BASE, "--uitvoer", str(target)])
    sys.stdout.flush()
    sys.stderr.flush()
    err = err_buffer.getvalue().decode("cp1252")
    assert code == 1
    assert "de map" in err and "Zoë – €? map" in err  # ≥ is not in cp1252


def test_a_path_with_spaces_and_accents_works(run: Runner, tmp_path: Path) -> None:
    folder = tmp_path / "Aanbesteding Café – ’s-Hertogenbosch"
    folder.mkdir()
    profile = folder / "profiel ë.yaml"
    profile.write_text("laag: 1\ncontracttype: saas\norganisatie: Gemeente ’s-Hertogenbosch\n", encoding="utf-8")
    code, out, err = run(["genereer", "--profiel", str(profile), "--uitvoer", str(folder / "bijlage één.docx")])
    assert code == 0, err
    assert str(folder / "bijlage één.docx") in out
    assert (folder / "bijlage één.xlsx").stat().st_size > 0


def test_a_missing_library_folder_is_named_without_a_field_label(run: Runner, tmp_path: Path) -> None:
    missing = tmp_path / "nergens"
    err = refused(
        run,
        [*BASE, "--bibliotheek", str(missing), "--uitvoer", str(tmp_path / "b.docx")],
        tmp_path,
        f"{missing}: de map van de clausulebibliotheek bestaat niet",
    )
    assert "(map)" not in err


def test_an_unreadable_library_file_gets_a_dutch_reason(run: Runner, tmp_path: Path) -> None:
    (tmp_path / "bib").mkdir()
    code, _, err = run(["bibliotheek", "controleer", str(tmp_path / "bib")])
    assert code == 1
    assert "themas.yaml: het bestand kan niet worden gelezen (bestaat niet)" in err
    assert "No such file" not in err


def test_a_long_wrong_choice_is_not_echoed_in_full(run: Runner, tmp_path: Path) -> None:
    code, _, err = run(["genereer", "--laag", "9" * 100_000, "--contracttype", "saas"])
    assert code in (1, 2)
    assert len(err) < 1000 and "tekens)" in err


def test_no_posix_only_module_is_imported_at_module_level() -> None:
    import ast

    import aanbesteding

    posix_only = {"fcntl", "pwd", "grp", "termios", "tty", "pty", "resource", "posix", "crypt", "syslog", "spwd", "nis"}
    root = Path(aanbesteding.__file__).parent
    found = []
    for module in root.rglob("*.py"):
        for node in ast.parse(module.read_text(encoding="utf-8")).body:
            names = (
                [a.name for a in node.names]
                if isinstance(node, ast.Import)
                else [node.module or ""]
                if isinstance(node, ast.ImportFrom)
                else []
            )
            found += [f"{module.relative_to(root)}: {n}" for n in names if n.split(".")[0] in posix_only]
    assert found == []


def test_the_cache_lives_in_the_platform_cache_folder(monkeypatch: pytest.MonkeyPatch) -> None:
    import platformdirs

    from aanbesteding.library.cache import default_cache_dir

    monkeypatch.delenv("AANBESTEDING_CACHE", raising=False)
    assert default_cache_dir() == Path(platformdirs.user_cache_dir("aanbesteding", appauthor=False))
    monkeypatch.setenv("AANBESTEDING_CACHE", "uit")
    assert default_cache_dir() is None


def test_a_library_in_a_folder_with_spaces_and_accents_works(run: Runner, standard_copy: Path, tmp_path: Path) -> None:
    folder = tmp_path / "Clausules Gemeente Zoë – 2026"
    standard_copy.rename(folder)
    code, out, err = run(["bibliotheek", "controleer", str(folder)])
    assert code == 0, err
    assert str(folder) in out
    code, _, err = run([*BASE, "--bibliotheek", str(folder), "--uitvoer", str(tmp_path / "b é.docx")])
    assert code == 0, err


def test_a_long_malformed_assignment_is_not_echoed_in_full(run: Runner, tmp_path: Path) -> None:
    err = refused(
        run,
        [*BASE, "--param", "x" * 100_000, "--uitvoer", str(tmp_path / "b.docx")],
        tmp_path,
        "--param 'xxxx",
        "(100.000 tekens): gebruik de vorm NAAM=WAARDE",
    )
    assert len(err) < 300


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["genereer", "--laag", "2", "--contracttype", "saas", "--pmin", "100", "--pmax", "1e308"],
            "--pmax: '1e308' is geen bedrag",
        ),
        (
            ["genereer", "--laag", "2", "--contracttype", "saas", "--pmin", "100", "--pmax", "3_0"],
            "--pmax: '3_0' is geen bedrag",
        ),
        (
            ["genereer", "--laag", "2", "--contracttype", "saas", "--pmin", "100", "--pmax", "50"],
            "--pmax: moet groter zijn dan pmin",
        ),
        (
            ["genereer", "--laag", "2", "--contracttype", "saas", "extra", "argument"],
            "onverwachte extra argumenten: argument",
        ),
        (["batch", "p.yaml", "--uitvoer", "uit", "--processen", "0"], "0 ligt niet in het bereik 1<=x<=256"),
    ],
)
def test_newcomer_mistakes_get_dutch_messages(
    run: Runner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, args: list[str], message: str
) -> None:
    monkeypatch.chdir(tmp_path)
    code, out, err = run(args)
    assert code in (1, 2)
    assert message in err, err
    assert "Traceback" not in out + err
    assert not list(tmp_path.glob("*.docx"))


def test_a_yaml_mistake_is_explained_in_dutch(run: Runner, tmp_path: Path) -> None:
    profile = tmp_path / "p.yaml"
    profile.write_text("laag: 2\nopdracht: Zaaksysteem: fase 2\n", encoding="utf-8")
    code, _, err = run(["genereer", str(profile)])
    assert code == 1
    assert f"{profile}:2: ongeldige YAML: een dubbele punt op een plek waar geen veldnaam" in err


def test_help_shows_defaults_in_dutch(run: Runner) -> None:
    code, out, _ = run(["bibliotheek", "overzicht", "--help"])
    assert code == 0 and "[standaard: tabel]" in out and "default" not in out
