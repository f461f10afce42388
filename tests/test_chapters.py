"""Legal-owned chapter texts in the library (hoofdstukken/<id>.yaml): loaded, layered, checked,
rendered into the documents."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from aanbesteding.api import build_tender
from aanbesteding.assemble.annex_content import introduction
from aanbesteding.assemble.blocks import Heading, Para
from aanbesteding.compose.composer import compose_annex
from aanbesteding.errors import LibraryError
from aanbesteding.library.loader import load_library
from tests.conftest import STANDARD


def _chapter(root: Path, chapter_id: str) -> dict[str, object]:
    data: dict[str, object] = yaml.safe_load((root / "hoofdstukken" / f"{chapter_id}.yaml").read_text(encoding="utf-8"))
    return data


def _write(root: Path, chapter_id: str, data: dict[str, object]) -> None:
    folder = root / "hoofdstukken"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{chapter_id}.yaml").write_text(
        yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8"
    )


def test_the_standard_chapters_load_with_version_and_status() -> None:
    library = load_library(cache=None)
    assert {"inleiding", "lagen"} <= set(library.chapters)
    lagen = library.chapters["lagen"]
    assert lagen.chapter.versie == "4.0.0" and lagen.chapter.status == "concept"
    assert lagen.path == "hoofdstukken/lagen.yaml" and len(lagen.digest) == 64


def test_an_organisation_chapter_replaces_the_standard_one_in_the_annex(tmp_path: Path) -> None:
    org = tmp_path / "org"
    data = _chapter(STANDARD, "lagen")
    texts = dict(data["teksten"])  # type: ignore[call-overload]
    texts["gevoelig"] = "Eigen tekst van {{ organisatie }} voor laag {{ laag }}."
    _write(org, "lagen", {**data, "versie": "2.0.0", "teksten": texts})
    library = load_library(None, org, cache=None)
    assert library.chapters["lagen"].origin != library.chapters["inleiding"].origin
    annex = compose_annex(library, build_tender({"laag": 2, "contracttype": "saas", "organisatie": "Gemeente Zuid"}))
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


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Voor {{ leverancier }}.", "onbekende naam leverancier"),
        ("Voor {{ organisatie.__class__ }}.", "niet-toegestane"),
        ("Voor {% if %}.", "sjabloonfout"),
    ],
)
def test_controleer_checks_chapter_templates(standard_copy: Path, text: str, expected: str) -> None:
    data = _chapter(standard_copy, "lagen")
    texts = dict(data["teksten"])  # type: ignore[call-overload]
    texts["kritiek"] = text
    _write(standard_copy, "lagen", {**data, "teksten": texts})
    with pytest.raises(LibraryError) as caught:
        load_library(standard_copy, lint="full", cache=None)
    assert "hoofdstukken/lagen.yaml" in str(caught.value) and expected in str(caught.value)


def test_the_introduction_comes_from_the_chapter_with_the_same_words() -> None:
    annex = compose_annex(
        load_library(cache=None),
        build_tender({"laag": 1, "contracttype": "saas", "systeem": "Zaken", "opdracht": "Zaaksysteem"}),
    )
    blocks = introduction(annex)
    assert blocks[0] == Heading(1, "1 Inleiding en leeswijzer")
    first = next(b for b in blocks if isinstance(b, Para))
    assert first.text.startswith(
        "Deze bijlage hoort bij de aanbestedingsstukken van de "
        "Aanbestedende Dienst voor de opdracht 'Zaaksysteem' voor het "
        "systeem Zaken. Zij bevat"
    )
    assert "\n" not in first.text and "  " not in first.text


def test_review_shows_every_chapter_with_version_and_status() -> None:
    from aanbesteding.reports.review import library_review

    review = library_review(load_library(cache=None))
    by_id = {c.id: c for c in review.chapters}
    assert {"hoofdstukken/inleiding", "hoofdstukken/lagen"} <= set(by_id)
    metadata = dict(by_id["hoofdstukken/lagen"].metadata)
    assert metadata["Versie"] == "4.0.0" and metadata["Status"] == "concept"
    texts = dict(by_id["hoofdstukken/inleiding"].texts)
    marked = [s.text for _, segments in texts["doel"] for s in segments if s.placeholder]
    assert "[organisatie: naam van de Aanbestedende Dienst]" in marked


def test_verschil_redlines_a_changed_chapter(standard_copy: Path, tmp_path: Path) -> None:
    from aanbesteding.reports.diff import compare_libraries, summary

    data = _chapter(standard_copy, "lagen")
    texts = dict(data["teksten"])  # type: ignore[call-overload]
    texts["kritiek"] = str(texts["kritiek"]).replace("niet aanvaardbaar", "onaanvaardbaar")
    old = str(data["versie"])
    major, minor, _ = old.split(".")
    new = f"{major}.{int(minor) + 1}.0"
    _write(standard_copy, "lagen", {**data, "versie": new, "teksten": texts})
    diff = compare_libraries(load_library(cache=None), load_library(standard_copy, cache=None), "oud", "nieuw")
    change = next(c for c in diff.changed if c.id == "hoofdstukken/lagen")
    assert [t.field for t in change.texts] == ["teksten.kritiek"]
    pieces = {(p.op, p.text.strip()) for p in change.texts[0].pieces}
    assert ("erbij", "onaanvaardbaar") in pieces
    assert f"~ hoofdstukken/lagen v{old} -> v{new}" in summary(diff)


def test_gebruik_reports_an_outdated_chapter(standard_copy: Path, tmp_path: Path) -> None:
    from aanbesteding.api import generate
    from aanbesteding.reports.usage import find_usage

    (tmp_path / "out").mkdir()
    generate(
        build_tender({"laag": 2, "contracttype": "saas"}),
        load_library(cache=None),
        tmp_path / "out" / "bijlage.docx",
        formats=("docx",),
    )
    data = _chapter(standard_copy, "inleiding")
    major, minor, _ = str(data["versie"]).split(".")
    _write(standard_copy, "inleiding", {**data, "versie": f"{major}.{int(minor) + 1}.0"})
    uses, _ = find_usage(tmp_path / "out", load_library(standard_copy, cache=None))
    states = {c.id: c.state for c in uses[0].clauses}
    assert states["hoofdstukken/inleiding"] == "verouderd"
    assert states["hoofdstukken/lagen"] == "actueel"


def test_seal_minima_and_weight_profiles_come_from_beleid_yaml(standard_copy: Path) -> None:
    from aanbesteding.domain import Laag

    path = standard_copy / "beleid.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text.replace("ondersteunend: {SOV-1: null, SOV-2: null,", "ondersteunend: {SOV-1: null, SOV-2: 3,").replace(
            "naam: Voorbeeldweging uit de handreiking 2026", "naam: Eigen weging 2026"
        ),
        encoding="utf-8",
    )
    library = load_library(standard_copy, cache=None)
    assert library.policy.seal_minimum[Laag.ONDERSTEUNEND]["SOV-2"] == 3
    annex = compose_annex(library, build_tender({"laag": 3, "contracttype": "saas", "weging": "eu-csf-2026"}))
    assert annex.weight_profile_label == "Eigen weging 2026"
    assert sum(annex.weights.values()) == 100


def test_a_library_without_seal_minima_or_a_weight_profile_is_refused(standard_copy: Path) -> None:
    path = standard_copy / "beleid.yaml"
    text = path.read_text(encoding="utf-8")
    start, end = text.index("seal_minimum:"), text.index("\nversie: ") + 1
    path.write_text(text[:start] + text[end:], encoding="utf-8")
    with pytest.raises(LibraryError) as caught:
        load_library(standard_copy, cache=None)
    message = str(caught.value)
    assert "beleid.yaml: seal_minimum.kritiek: het minimale SEAL-niveau van deze laag ontbreekt" in message
    assert "wegingsprofielen.eu-csf-2025: dit wegingsprofiel ontbreekt" in message


def test_weights_that_do_not_add_up_to_100_are_refused(standard_copy: Path) -> None:
    path = standard_copy / "beleid.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("SOV-8: 5}", "SOV-8: 6}", 1), encoding="utf-8")
    with pytest.raises(LibraryError) as caught:
        load_library(standard_copy, cache=None)
    assert "de gewichten zijn samen 101, niet 100" in str(caught.value)


def test_review_and_verschil_show_the_policy_with_version_and_status(standard_copy: Path) -> None:
    from aanbesteding.reports.diff import compare_libraries
    from aanbesteding.reports.review import library_review

    review = library_review(load_library(cache=None))
    policy = next(c for c in review.chapters if c.id == "beleid")
    path = standard_copy / "beleid.yaml"
    text = path.read_text(encoding="utf-8")
    version = re.search(r"^versie: (\S+)$", text, re.M)
    assert version is not None
    assert (policy.versie, policy.status) == (version[1], "concept")
    assert "seal_minimum.kritiek" in dict(policy.texts)
    major = int(version[1].split(".")[0])
    path.write_text(
        text.replace("kritiek: {SOV-1: null,", "kritiek: {SOV-1: 3,").replace(
            f"versie: {version[1]}", f"versie: {major + 1}.0.0"
        ),
        encoding="utf-8",
    )
    diff = compare_libraries(load_library(cache=None), load_library(standard_copy, cache=None), "oud", "nieuw")
    change = next(c for c in diff.changed if c.id == "beleid")
    assert [t.field for t in change.texts] == ["seal_minimum.kritiek"]
    assert not change.unbumped


def test_the_classification_chapter_holds_every_question_answer_and_hosting_text() -> None:
    from aanbesteding.library.chapters import REQUIRED_CHAPTERS
    from aanbesteding.tender.classification import chapter_keys

    assert REQUIRED_CHAPTERS["classificatie"] == chapter_keys()


def test_classificeer_takes_its_texts_from_the_library_chapter() -> None:
    from aanbesteding.tender.classification import classify, questions

    texts = dict(load_library(cache=None).chapters["classificatie"].chapter.teksten)
    texts["hosting_ondersteunend"] = "- eigen advies van\n  de organisatie\n- tweede optie"
    texts["vraag_offline"] = "Werkt het offline?"
    answers = {
        "proces": "ondersteunend",
        "persoonsgegevens": "geen",
        "uitval_24u": "beperkt",
        "uitval_72u": "beperkt",
        "uitval_week": "beperkt",
        "wettelijke_taak": "nee",
        "buiten_eu": "nee",
        "offline": "nee",
    }
    assert classify(answers, texts).hosting == ("eigen advies van de organisatie", "tweede optie")
    assert questions(texts)[-1].text == "Werkt het offline?"


def test_verschil_reads_a_library_from_before_chapters(standard_copy: Path) -> None:
    import shutil

    from aanbesteding.reports.diff import compare_libraries

    shutil.rmtree(standard_copy / "hoofdstukken")
    old = load_library(standard_copy, lint="skip", cache=None)  # as verschil reads it
    diff = compare_libraries(old, load_library(cache=None), "oud", "nieuw")
    assert "hoofdstukken/inleiding" in [c.id for c in diff.added]
    with pytest.raises(LibraryError, match="dit hoofdstuk ontbreekt"):
        compose_annex(old, build_tender({"laag": 2, "contracttype": "saas"}))
