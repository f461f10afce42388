"""Legal's documents: the review document, the redline between two libraries, tender usage."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import docx
import pytest

from aanbesteding.library.loader import load_library
from aanbesteding.reports.diff import compare_libraries, word_diff
from aanbesteding.reports.usage import MANIFEST_KIND
from aanbesteding.support.resources import standard_library_path
from tests.conftest import Runner
from tests.libreoffice import convert, pdf_text


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _change_library(root: Path) -> None:
    """One clause reworded without a version bump, one removed, one added."""
    _edit(
        root / "techniek" / "open-source.yaml",
        "waardeert het als de Dienst bestaat uit",
        "geeft de voorkeur aan een Dienst die bestaat uit",
    )
    (root / "continuiteit" / "datacentra-spreiding.yaml").unlink()
    text = (root / "techniek" / "open-api.yaml").read_text(encoding="utf-8")
    (root / "techniek" / "open-api-v2.yaml").write_text(
        text.replace("id: open-api\n", "id: open-api-v2\n", 1), encoding="utf-8"
    )


def _copy_standard(target: Path) -> Path:
    shutil.copytree(standard_library_path(), target)
    return target


def test_the_review_document_holds_every_clause_and_an_applicability_table(run: Runner, tmp_path: Path) -> None:
    out = tmp_path / "review.docx"
    code, stdout, err = run(["bibliotheek", "review", "--uitvoer", str(out)])
    assert code == 0, err
    count = len(load_library().clauses)
    assert f"{count} clausules" in stdout
    document = docx.Document(str(out))
    text = "\n".join(p.text for p in document.paragraphs)
    library = load_library()
    for item in library.clauses:
        assert f"{item.clause.id} – {item.clause.titel}" in text
    matrix = document.tables[1]
    assert matrix.rows[0].cells[0].text == "Clausule"
    assert len(matrix.rows) == len(library.clauses) + 1 and len(matrix.columns) == 16
    hosting = next(r for r in matrix.rows if r.cells[0].text == "hostingmodel-laag1")
    assert [c.text for c in hosting.cells[1:6]] == ["E", "E", "E", "E", "-"]  # laag 1, no licence
    assert [c.text for c in hosting.cells[6:]] == ["-"] * 10
    cells = {c.text for t in document.tables for row in t.rows for c in row.cells}
    assert "Opmerkingen" in cells and "standaard (zeggenschap/hostingmodel-laag1.yaml)" in cells
    assert re.search(r"\[beoordeling_max_maanden: 12 maanden \(3 t/m \d+\)\]", text)
    code, _, err = run(["bibliotheek", "review", "--uitvoer", str(out)])
    assert code == 1 and "--force" in err


def test_the_review_document_is_the_same_bytes_for_the_same_library_and_date(run: Runner, tmp_path: Path) -> None:
    first, second = tmp_path / "a.docx", tmp_path / "b.docx"
    for out in (first, second):
        code, _, err = run(["bibliotheek", "review", "--datum", "2026-11-23", "--uitvoer", str(out)])
        assert code == 0, err
    assert first.read_bytes() == second.read_bytes()
    assert "23 november 2026" in {c.text for c in docx.Document(str(first)).tables[0].columns[1].cells}
    code, _, err = run(["bibliotheek", "review", "--datum", "23-11-2026", "--uitvoer", str(tmp_path / "c.docx")])
    assert code == 1 and "JJJJ-MM-DD" in err


def test_word_diff_keeps_equal_words_and_marks_the_changed_ones() -> None:
    pieces = word_diff(
        "De Opdrachtnemer meldt dit binnen 5 dagen.", "De Opdrachtnemer meldt dit binnen 3 Werkdagen schriftelijk."
    )
    assert [(p.op, p.text) for p in pieces if p.op != "gelijk"] == [
        ("weg", "5 dagen"),
        ("erbij", "3 Werkdagen schriftelijk"),
    ]
    assert "".join(p.text for p in pieces if p.op != "erbij") == "De Opdrachtnemer meldt dit binnen 5 dagen."


def test_rewrapping_a_clause_text_is_no_change(tmp_path: Path) -> None:
    root = _copy_standard(tmp_path / "nieuw")
    path = root / "techniek" / "open-source.yaml"
    _edit(path, "beschikbaar is\n  onder een licentie", "beschikbaar\n  is onder een licentie")
    diff = compare_libraries(load_library(lint="skip"), load_library(root, lint="skip"), "a", "b")
    assert diff.changed == () and diff.added == () and diff.removed == ()


def _assert_redline(out: Path, stdout: str, html_dir: Path) -> None:
    version = next(c.clause.versie for c in load_library(lint="skip").clauses if c.clause.id == "open-source")
    assert "1 nieuw, 1 verwijderd, 1 gewijzigd" in stdout
    assert "+ open-api-v2" in stdout and "- datacentra-spreiding" in stdout
    assert f"de tekst van open-source is gewijzigd maar het versienummer ({version}) niet" in stdout
    document = docx.Document(str(out))
    runs = [r for p in document.paragraphs for r in p.runs]
    struck = " ".join(r.text for r in runs if r.font.strike)
    underlined = " ".join(r.text for r in runs if r.font.underline)
    assert "waardeert het als" in struck
    assert "geeft de voorkeur aan een" in underlined
    text = "\n".join(p.text for p in document.paragraphs)
    assert f"de tekst is gewijzigd, maar het versienummer ({version}) niet" in text
    # LibreOffice reads the formatting as strike-through and underline.
    html = convert(out, "html", html_dir).read_text(encoding="utf-8", errors="replace")
    assert re.search(r"<strike>[^<]*waardeert", html)
    assert re.search(r"<u>[^<]*geeft", html)


@pytest.mark.libreoffice
def test_the_redline_between_two_folders_strikes_and_underlines_and_flags_the_version(
    run: Runner, tmp_path: Path
) -> None:
    old = _copy_standard(tmp_path / "oud")
    new = _copy_standard(tmp_path / "nieuw")
    _change_library(new)
    out = tmp_path / "wijzigingen.docx"
    code, stdout, err = run(["bibliotheek", "verschil", str(old), str(new), "--uitvoer", str(out)])
    assert code == 0, err
    _assert_redline(out, stdout, tmp_path / "html")
    pdf = convert(out, "pdf", tmp_path / "pdf")
    text = " ".join(pdf_text(pdf).split())
    assert "Gewijzigde clausules" in text and "open-source – Voorkeur voor open source" in text


def _git(repo: Path, *args: str) -> None:
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "t",
        "GIT_AUTHOR_EMAIL": "t@example.org",
        "GIT_COMMITTER_NAME": "t",
        "GIT_COMMITTER_EMAIL": "t@example.org",
    }
    subprocess.run(["git", "-C", str(repo), *args], check=True, capture_output=True, env=env)


@pytest.mark.libreoffice
def test_the_redline_between_two_git_revisions(run: Runner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    repo = tmp_path / "repo"
    repo.mkdir()
    _git(repo, "init", "-q")
    _copy_standard(repo / "clauses")
    _git(repo, "add", "-A")
    _git(repo, "commit", "-qm", "v1")
    _git(repo, "tag", "v1.2")
    _change_library(repo / "clauses")
    _git(repo, "add", "-A")
    _git(repo, "commit", "-qm", "v2")
    monkeypatch.chdir(repo)
    out = tmp_path / "wijzigingen.docx"
    code, stdout, err = run(["bibliotheek", "verschil", "v1.2:clauses", "HEAD:clauses", "--uitvoer", str(out)])
    assert code == 0, err
    assert stdout.startswith("Verschil v1.2:clauses -> HEAD:clauses")
    _assert_redline(out, stdout, tmp_path / "html")


def test_gebruik_lists_the_tenders_with_their_clause_versions_and_outdated_ones(
    run: Runner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    tenders = tmp_path / "aanbestedingen"
    (tenders / "brp").mkdir(parents=True)
    (tenders / "zaak").mkdir()
    monkeypatch.chdir(tenders)
    for folder, kenmerk in (("brp", "INK-2026-042"), ("zaak", "INK-2026-043")):
        code, out, err = run(
            [
                "genereer",
                "--laag",
                "2",
                "--contracttype",
                "saas",
                "--kenmerk",
                kenmerk,
                "--datum",
                "2026-11-23",
                "--geen-matrix",
                "--uitvoer",
                f"{folder}/bijlage.docx",
            ]
        )
        assert code == 0, err
        assert f"Manifest geschreven: {folder}/bijlage.manifest.json" in out
    manifest = json.loads((tenders / "brp" / "bijlage.manifest.json").read_text(encoding="utf-8"))
    assert manifest["manifest"] == MANIFEST_KIND
    assert manifest["bestanden"][0]["pad"] == "bijlage.docx"
    exitplan = next(c for c in manifest["clausules"] if c["id"] == "exitplan")
    current = next(c.clause.versie for c in load_library(lint="skip").clauses if c.clause.id == "exitplan")
    major, minor, _ = current.split(".")
    later = f"{major}.{int(minor) + 1}.0"
    assert exitplan["versie"] == current and exitplan["herkomst"] == "standaard"
    assert len(exitplan["sha256"]) == 64

    newer = _copy_standard(tmp_path / "nieuw")
    _edit(newer / "continuiteit" / "exitplan.yaml", f"versie: {current}", f"versie: {later}")
    code, out, err = run(["bibliotheek", "gebruik", str(tenders)])
    assert code == 0, err
    assert out.startswith("2 aanbesteding(en) gevonden") and "0 daarvan" in out
    assert "exitplan" not in out  # only what differs, unless --alles
    code, out, err = run(["bibliotheek", "gebruik", str(tenders), "--alles"])
    assert "INK-2026-042" in out and "INK-2026-043" in out
    assert re.search(rf"^    exitplan v{re.escape(current)}$", out, flags=re.M)
    code, out, err = run(["bibliotheek", "gebruik", str(tenders), "--bibliotheek", str(newer)])
    assert code == 0, err
    assert re.search(rf"^    exitplan v{re.escape(current)}  <- verouderd, nu v{re.escape(later)}$", out, flags=re.M)
    assert "2 daarvan gebruiken clausules die niet (meer) overeenkomen" in out
    code, out, _ = run(["bibliotheek", "gebruik", str(tenders), "--formaat", "json"])
    assert [u["aanbesteding"] for u in json.loads(out)] == ["INK-2026-042", "INK-2026-043"]


def test_the_manifest_kind_is_the_same_in_the_api_and_the_usage_report() -> None:
    from aanbesteding.manifest import MANIFEST_KIND as written

    assert written == MANIFEST_KIND


def test_removing_a_clause_another_one_refers_to_is_a_library_problem(run: Runner, tmp_path: Path) -> None:
    root = _copy_standard(tmp_path / "bib")
    (root / "keten" / "doorlegging-eisen.yaml").unlink()
    code, _, err = run(["bibliotheek", "controleer", str(root)])
    assert code == 1
    assert "auditrecht.yaml" in err and "verwijzing naar clausule 'doorlegging-eisen'" in err


def test_a_fresh_organisation_copy_is_not_reported_as_changed_text(
    run: Runner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "tenders").mkdir()
    assert (
        run(["genereer", "--laag", "2", "--contracttype", "saas", "--kenmerk", "T-1", "--uitvoer", "tenders/t1.docx"])[
            0
        ]
        == 0
    )
    assert run(["bibliotheek", "nieuw", "org", "exitplan"])[0] == 0
    _, out, err = run(["bibliotheek", "gebruik", "tenders", "--bibliotheek", "org"])
    assert "tekst gewijzigd zonder nieuwe versie" not in out + err
    assert "exitplan" in out and "uit standaard" in out
