"""Legal-owned chapter texts in the library (hoofdstukken/<id>.yaml): loaded, layered, checked,
rendered into the documents."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from aanbesteding.api import build_tender
from aanbesteding.compose.composer import compose_annex
from aanbesteding.errors import LibraryError
from aanbesteding.library.loader import load_library
from aanbesteding.writers.annex_content import introduction
from aanbesteding.writers.blocks import Heading, Para
from tests.conftest import STANDARD


def _chapter(root: Path, chapter_id: str) -> dict[str, object]:
    data: dict[str, object] = yaml.safe_load((root / "hoofdstukken" / f"{chapter_id}.yaml")
                                             .read_text(encoding="utf-8"))
    return data


def _write(root: Path, chapter_id: str, data: dict[str, object]) -> None:
    folder = root / "hoofdstukken"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{chapter_id}.yaml").write_text(
        yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def test_the_standard_chapters_load_with_version_and_status() -> None:
    library = load_library(cache=None)
    assert {"inleiding", "lagen"} <= set(library.chapters)
    lagen = library.chapters["lagen"]
    assert lagen.chapter.versie == "3.0.0" and lagen.chapter.status == "concept"
    assert lagen.path == "hoofdstukken/lagen.yaml" and len(lagen.digest) == 64


def test_an_organisation_chapter_replaces_the_standard_one_in_the_annex(tmp_path: Path) -> None:
    org = tmp_path / "org"
    data = _chapter(STANDARD, "lagen")
    texts = dict(data["teksten"])  # type: ignore[call-overload]
    texts["gevoelig"] = "Eigen tekst van {{ organisatie }} voor laag {{ laag }}."
    _write(org, "lagen", {**data, "versie": "2.0.0", "teksten": texts})
    library = load_library(None, org, cache=None)
    assert library.chapters["lagen"].origin != library.chapters["inleiding"].origin
    annex = compose_annex(library, build_tender({"laag": 2, "contracttype": "saas",
                                                 "organisatie": "Gemeente Zuid"}))
    paragraphs = [b.text for b in introduction(annex) if isinstance(b, Para)]
    assert any(p.endswith("Eigen tekst van Gemeente Zuid voor laag 2.") for p in paragraphs)
    assert annex.chapters["lagen"].version == "2.0.0"


def test_a_layer_must_keep_every_text_of_the_chapter_it_replaces(tmp_path: Path) -> None:
    org = tmp_path / "org"
    data = _chapter(STANDARD, "lagen")
    _write(org, "lagen", {**data, "teksten": {"kritiek": "Alleen laag 1."}})
    with pytest.raises(LibraryError) as caught:
        load_library(None, org, cache=None)
    assert "hoofdstukken/lagen.yaml" in str(caught.value)
    assert "gevoelig, ondersteunend" in str(caught.value)


def test_a_library_without_a_required_chapter_is_refused(standard_copy: Path) -> None:
    (standard_copy / "hoofdstukken" / "inleiding.yaml").unlink()
    with pytest.raises(LibraryError) as caught:
        load_library(standard_copy, cache=None)
    assert "hoofdstukken/inleiding.yaml: dit hoofdstuk ontbreekt" in str(caught.value)


@pytest.mark.parametrize(("text", "expected"), [
    ("Voor {{ leverancier }}.", "onbekende naam leverancier"),
    ("Voor {{ organisatie.__class__ }}.", "niet-toegestane"),
    ("Voor {% if %}.", "sjabloonfout"),
])
def test_controleer_checks_chapter_templates(standard_copy: Path, text: str, expected: str) -> None:
    data = _chapter(standard_copy, "lagen")
    texts = dict(data["teksten"])  # type: ignore[call-overload]
    texts["kritiek"] = text
    _write(standard_copy, "lagen", {**data, "teksten": texts})
    with pytest.raises(LibraryError) as caught:
        load_library(standard_copy, lint="full", cache=None)
    assert "hoofdstukken/lagen.yaml" in str(caught.value) and expected in str(caught.value)


def test_the_introduction_comes_from_the_chapter_with_the_same_words() -> None:
    annex = compose_annex(load_library(cache=None), build_tender(
        {"laag": 1, "contracttype": "saas", "systeem": "Zaken", "opdracht": "Zaaksysteem"}))
    blocks = introduction(annex)
    assert blocks[0] == Heading(1, "1 Inleiding en leeswijzer")
    first = next(b for b in blocks if isinstance(b, Para))
    assert first.text.startswith("Deze bijlage hoort bij de aanbestedingsstukken van de "
                                 "Aanbestedende Dienst voor de opdracht 'Zaaksysteem' voor het "
                                 "systeem Zaken. Zij bevat")
    assert "\n" not in first.text and "  " not in first.text


def test_review_shows_every_chapter_with_version_and_status() -> None:
    from aanbesteding.reports.review import library_review

    review = library_review(load_library(cache=None))
    by_id = {c.id: c for c in review.chapters}
    assert {"hoofdstukken/inleiding", "hoofdstukken/lagen"} <= set(by_id)
    metadata = dict(by_id["hoofdstukken/lagen"].metadata)
    assert metadata["Versie"] == "3.0.0" and metadata["Status"] == "concept"
    texts = dict(by_id["hoofdstukken/inleiding"].texts)
    marked = [s.text for _, segments in texts["doel"] for s in segments if s.placeholder]
    assert "[organisatie: naam van de Aanbestedende Dienst]" in marked


def test_verschil_redlines_a_changed_chapter(standard_copy: Path, tmp_path: Path) -> None:
    from aanbesteding.reports.diff import compare_libraries, summary

    data = _chapter(standard_copy, "lagen")
    texts = dict(data["teksten"])  # type: ignore[call-overload]
    texts["kritiek"] = str(texts["kritiek"]).replace("niet aanvaardbaar", "onaanvaardbaar")
    _write(standard_copy, "lagen", {**data, "versie": "3.1.0", "teksten": texts})
    diff = compare_libraries(load_library(cache=None), load_library(standard_copy, cache=None),
                             "oud", "nieuw")
    change = next(c for c in diff.changed if c.id == "hoofdstukken/lagen")
    assert [t.field for t in change.texts] == ["teksten.kritiek"]
    pieces = {(p.op, p.text.strip()) for p in change.texts[0].pieces}
    assert ("erbij", "onaanvaardbaar") in pieces
    assert "~ hoofdstukken/lagen v3.0.0 -> v3.1.0" in summary(diff)


def test_gebruik_reports_an_outdated_chapter(standard_copy: Path, tmp_path: Path) -> None:
    from aanbesteding.api import generate
    from aanbesteding.reports.usage import find_usage

    (tmp_path / "out").mkdir()
    generate(build_tender({"laag": 2, "contracttype": "saas"}), load_library(cache=None),
             tmp_path / "out" / "bijlage.docx", formats=("docx",))
    data = _chapter(standard_copy, "inleiding")
    _write(standard_copy, "inleiding", {**data, "versie": "2.1.0"})
    uses, _ = find_usage(tmp_path / "out", load_library(standard_copy, cache=None))
    states = {c.id: c.state for c in uses[0].clauses}
    assert states["hoofdstukken/inleiding"] == "verouderd"
    assert states["hoofdstukken/lagen"] == "actueel"
