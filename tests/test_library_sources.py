"""Library sources (folder, git revision), layering, the content hash and the lint cache."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

from aanbesteding.cli.main import main
from aanbesteding.errors import LibraryError, SourceError
from aanbesteding.library.cache import LibraryCache
from aanbesteding.library.loader import load_library, load_library_with_problems
from aanbesteding.library.sources import FolderSource, open_source
from tests.conftest import LibraryFactory, clause_data

BAD_TEXT = "De Opdrachtnemer meldt {{ niet_gedeclareerd }} dagen vooraf."


def _git(repo: Path, *args: str) -> None:
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "t",
        "GIT_AUTHOR_EMAIL": "t@x",
        "GIT_COMMITTER_NAME": "t",
        "GIT_COMMITTER_EMAIL": "t@x",
    }
    subprocess.run(["git", "-C", str(repo), *args], check=True, capture_output=True, env=env)


def test_editing_a_yml_clause_changes_the_library_hash(make_library: LibraryFactory) -> None:
    root = make_library({"keten/voorbeeld-clausule.yml": clause_data()})
    library = load_library(root)
    assert [c.path for c in library.clauses] == ["keten/voorbeeld-clausule.yml"]
    path = root / "keten" / "voorbeeld-clausule.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("Voorbeeldclausule", "Nieuwe titel"), encoding="utf-8")
    assert load_library(root).content_hash != library.content_hash


def test_files_the_loader_does_not_read_leave_the_hash_alone(make_library: LibraryFactory) -> None:
    root = make_library({"keten/voorbeeld-clausule.yaml": clause_data()})
    before = load_library(root).content_hash
    (root / "README.md").write_text("Toelichting voor juristen", encoding="utf-8")
    assert load_library(root).content_hash == before


def test_a_lint_problem_added_after_a_cached_pass_is_still_reported_by_genereer(
    make_library: LibraryFactory, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = make_library({"keten/voorbeeld-clausule.yaml": clause_data()})
    assert main(["bibliotheek", "controleer", str(root)]) == 0
    assert any((Path(os.environ["AANBESTEDING_CACHE"]) / "lint").rglob("*.json"))
    path = root / "keten" / "voorbeeld-clausule.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["tekst"] = BAD_TEXT
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    capsys.readouterr()
    out = tmp_path / "uit.docx"
    code = main(
        ["genereer", "--laag", "1", "--contracttype", "saas", "--bibliotheek", str(root), "--uitvoer", str(out)]
    )
    err = capsys.readouterr().err
    assert code == 1
    assert "keten/voorbeeld-clausule.yaml:" in err and "niet_gedeclareerd" in err
    assert not out.exists()


def test_a_cached_failure_is_still_a_failure(make_library: LibraryFactory) -> None:
    root = make_library({"keten/voorbeeld-clausule.yaml": clause_data(tekst=BAD_TEXT)})
    first = load_library_with_problems(root)[1]
    second = load_library_with_problems(root)[1]  # now answered from the cache
    assert first and [str(p) for p in second] == [str(p) for p in first]


def test_the_cache_is_used_when_the_clause_is_unchanged(
    make_library: LibraryFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = make_library({"keten/voorbeeld-clausule.yaml": clause_data()})
    load_library(root)
    import aanbesteding.library.lint as lint

    def fail(*_: object) -> list[tuple[tuple[str | int, ...], str]]:
        raise AssertionError("the lint ran although the cache holds the result")

    monkeypatch.setattr(lint, "lint_clause", fail)
    load_library(root)  # served from the cache
    with pytest.raises(AssertionError):
        load_library(root, lint="full")  # controleer always lints


def test_the_cache_can_be_switched_off(
    make_library: LibraryFactory, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("AANBESTEDING_CACHE", "uit")
    assert LibraryCache.default() is None
    root = make_library({"keten/voorbeeld-clausule.yaml": clause_data()})
    load_library(root)
    monkeypatch.setenv("AANBESTEDING_CACHE", str(tmp_path / "elders"))
    default = LibraryCache.default()
    assert default is not None and default.folder == tmp_path / "elders"


def test_a_corrupt_cache_entry_means_lint_again(make_library: LibraryFactory) -> None:
    root = make_library({"keten/voorbeeld-clausule.yaml": clause_data(tekst=BAD_TEXT)})
    load_library_with_problems(root)
    for entry in (Path(os.environ["AANBESTEDING_CACHE"]) / "lint").rglob("*.json"):
        entry.write_text("[[", encoding="utf-8")
    assert load_library_with_problems(root)[1]


def test_an_organisation_layer_replaces_one_clause_and_records_its_origin(
    make_library: LibraryFactory, tmp_path: Path
) -> None:
    base = make_library(
        {"keten/voorbeeld-clausule.yaml": clause_data(), "keten/tweede.yaml": clause_data(id="tweede", titel="Tweede")},
        name="basis",
    )
    layer = tmp_path / "organisatie" / "keten"
    layer.mkdir(parents=True)
    (layer / "tweede.yaml").write_text(yaml.safe_dump(clause_data(id="tweede", titel="Eigen tekst")), encoding="utf-8")
    library = load_library(FolderSource(base, "standaard"), FolderSource(tmp_path / "organisatie", "gemeente"))
    by_id = library.by_id()
    assert by_id["tweede"].clause.titel == "Eigen tekst"
    assert by_id["tweede"].origin == "gemeente"
    assert by_id["voorbeeld-clausule"].origin == "standaard"
    assert library.origins == ("standaard", "gemeente")
    assert library.content_hash != load_library(base).content_hash


def test_a_problem_in_a_layer_names_the_layer(make_library: LibraryFactory, tmp_path: Path) -> None:
    base = make_library({"keten/voorbeeld-clausule.yaml": clause_data()})
    layer = tmp_path / "org" / "keten"
    layer.mkdir(parents=True)
    (layer / "kapot.yaml").write_text("id: kapot\ntitel: [open\n", encoding="utf-8")
    with pytest.raises(LibraryError) as info:
        load_library(base, tmp_path / "org")
    assert f"{tmp_path / 'org'}/keten/kapot.yaml:" in str(info.value)


def test_a_library_is_read_from_a_git_revision(
    make_library: LibraryFactory, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    if shutil.which("git") is None:
        pytest.skip("git is niet geïnstalleerd")
    root = make_library({"keten/voorbeeld-clausule.yaml": clause_data()}, name="repo/clauses")
    repo = tmp_path / "repo"
    _git(repo, "init", "-q")
    _git(repo, "add", "-A")
    _git(repo, "commit", "-qm", "v1")
    first = load_library(root).content_hash
    path = root / "keten" / "voorbeeld-clausule.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("Voorbeeldclausule", "Gewijzigd"), encoding="utf-8")
    monkeypatch.chdir(repo)
    old = load_library("HEAD:clauses")
    assert old.clauses[0].clause.titel == "Voorbeeldclausule"
    assert old.origins == ("HEAD:clauses",)
    assert old.content_hash == first  # the same bytes give the same hash, wherever they live
    assert load_library("clauses").clauses[0].clause.titel == "Gewijzigd"
    with pytest.raises(SourceError, match="HEAD~5:clauses"):
        load_library(open_source("HEAD~5:clauses"))


def test_an_unchanged_clause_file_is_not_parsed_again(
    make_library: LibraryFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = make_library({"keten/voorbeeld-clausule.yaml": clause_data()})
    first = load_library(root)
    import aanbesteding.library.layer as loader  # where every library file is parsed

    calls: list[str] = []
    real = loader.parse_yaml

    def counting(text: str) -> object:
        calls.append(text[:20])
        return real(text)

    monkeypatch.setattr(loader, "parse_yaml", counting)
    second = load_library(root)
    assert second.clauses[0].clause == first.clauses[0].clause
    files = 3 + len(list((root / "hoofdstukken").glob("*.yaml")))  # themas, begrippen, beleid
    assert len(calls) == files  # and the chapters; the clause came from the cache
    load_library(root, lint="full")
    assert len(calls) == 2 * files + 1  # controleer reads every file again


def test_a_file_with_a_duplicate_key_is_reported_on_every_load(make_library: LibraryFactory) -> None:
    text = yaml.safe_dump(clause_data(), allow_unicode=True, sort_keys=False)
    root = make_library({"keten/voorbeeld-clausule.yaml": text + "titel: Nogmaals\n"})
    for _ in range(2):
        problems = [str(p) for p in load_library_with_problems(root)[1]]
        assert any("titel: dubbele sleutel" in p for p in problems)
