"""--pdf writes an accessible, archivable PDF: tagged PDF/A-2b with title, language, bookmarks.

Read back with poppler (pdfinfo) and pikepdf (structure tree, catalog, XMP), as an archive
checker or a screen reader would.
"""

from __future__ import annotations

import re
import subprocess
import zipfile
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from aanbesteding.cli.main import main
from tests.libreoffice import soffice

pikepdf = pytest.importorskip("pikepdf")


@pytest.fixture(scope="module")
def bijlage(tmp_path_factory: pytest.TempPathFactory) -> Path:
    soffice()
    from aanbesteding.writers.export.pdf import pdf_available

    if pdf_available():
        pytest.skip(str(pdf_available()))
    out = tmp_path_factory.mktemp("pdf") / "bijlage.docx"
    assert (
        main(
            [
                "genereer",
                "--laag",
                "1",
                "--contracttype",
                "iaas",
                "--organisatie",
                "Gemeente Voorbeeld",
                "--opdracht",
                "Infrastructuur",
                "--kenmerk",
                "INK-1",
                "--datum",
                "2026-12-07",
                "--pdf",
                "--geen-matrix",
                "--geen-verantwoording",
                "--uitvoer",
                str(out),
            ]
        )
        == 0
    )
    return out


def pdfinfo(pdf: Path, *args: str) -> str:
    return subprocess.run(["pdfinfo", *args, str(pdf)], capture_output=True, text=True, check=True, timeout=60).stdout


def structure(pdf: Any) -> Counter[str]:
    """How often each structure type (after the role map) occurs in the structure tree."""
    root = pdf.Root.StructTreeRoot
    roles = {str(k): str(v) for k, v in root.get("/RoleMap", {}).items()}
    counts: Counter[str] = Counter()
    stack = [root.K]
    while stack:
        node = stack.pop()
        if isinstance(node, pikepdf.Array):
            stack.extend(node)
        elif isinstance(node, pikepdf.Dictionary):
            kind = node.get("/S")
            if kind is not None:
                name = roles.get(str(kind), str(kind))
                counts[name.removeprefix("/")] += 1
            if "/K" in node:
                stack.append(node.K)
    return counts


def test_pdfinfo_says_tagged_with_title_and_keywords_intact(bijlage: Path) -> None:
    info = pdfinfo(bijlage.with_suffix(".pdf"))
    assert re.search(r"^Tagged:\s+yes$", info, re.M), info
    assert re.search(r"^Title:\s+Eisen digitale autonomie en soevereiniteit$", info, re.M)
    keywords = re.search(r"^Keywords:\s+(.*)$", info, re.M)
    assert keywords and "digitale soevereiniteit, aanbesteding" in keywords.group(1), info
    assert re.search(r"^Metadata Stream:\s+yes$", info, re.M)


def test_the_xmp_declares_pdf_a_2b_and_pdf_ua_with_the_document_date(bijlage: Path) -> None:
    xmp = pdfinfo(bijlage.with_suffix(".pdf"), "-meta")
    assert "<pdfaid:part>2</pdfaid:part>" in xmp
    assert "<pdfaid:conformance>B</pdfaid:conformance>" in xmp
    assert "<pdfuaid:part>1</pdfuaid:part>" in xmp
    # PDF/A: the XMP dates agree with the document information (stamped with --datum).
    assert "<xmp:CreateDate>2026-12-07T00:00:00" in xmp


def test_catalog_has_language_title_display_and_opens_with_bookmarks(bijlage: Path) -> None:
    with pikepdf.open(bijlage.with_suffix(".pdf")) as pdf:
        assert pdf.check_pdf_syntax() == []  # offsets still right after the stable rewrite
        assert str(pdf.Root.Lang) == "nl-NL"
        assert pdf.Root.PageMode == pikepdf.Name.UseOutlines
        assert bool(pdf.Root.MarkInfo.Marked)
        assert bool(pdf.Root.ViewerPreferences.DisplayDocTitle)
        with pdf.open_outline() as outline:
            titles = [item.title for item in outline.root]
            chapter = outline.root[4]
            item = chapter.children[0]
            sub = [c.title for c in item.children]
            open_chapter, folded_item = not chapter.is_closed, item.is_closed
        assert titles[:4] == ["1 Inleiding en leeswijzer", "2 Overzicht", "3 Beoordeling en gunning", "4 Begrippen"]
        # Chapters open on their items; each item's sub-headings are folded under it.
        assert open_chapter and folded_item and "Wijze van aantonen" in sub, sub


def test_structure_tree_has_headings_tables_and_lists(bijlage: Path) -> None:
    with pikepdf.open(bijlage.with_suffix(".pdf")) as pdf:
        counts = structure(pdf)
    assert counts["H1"] >= 12 and counts["H2"] >= 40, counts
    # The sub-headings (Wijze van aantonen, Toelichting, Weging…) are headings too.
    assert counts["H3"] >= 2 * counts["H2"] - 20, counts
    assert counts["Table"] >= 10 and counts["TH"] >= counts["Table"], counts
    assert counts["TR"] > counts["Table"] and counts["TD"] > counts["TR"], counts
    assert counts["L"] > 0 and counts["LI"] >= counts["L"], counts


def test_the_docx_with_a_filled_toc_does_not_ask_to_update_fields(bijlage: Path) -> None:
    with zipfile.ZipFile(bijlage) as package:
        settings = package.read("word/settings.xml").decode()
        body = package.read("word/document.xml").decode()
    assert "updateFields" not in settings
    assert 'w:dirty="true"' not in body
    assert re.search(
        r'<w:hyperlink w:anchor="_Toc\d+"[^>]*><w:r><w:t>2 Overzicht</w:t></w:r>'
        r"<w:r><w:tab/><w:t>\d+</w:t></w:r></w:hyperlink>",
        body,
    )


def test_the_verantwoording_is_a_tagged_pdf_too_and_its_toc_has_pages(tmp_path: Path) -> None:
    soffice()
    out = tmp_path / "b.docx"
    assert (
        main(
            [
                "genereer",
                "--laag",
                "2",
                "--contracttype",
                "saas",
                "--kenmerk",
                "INK-2",
                "--datum",
                "2026-12-07",
                "--pdf",
                "--geen-matrix",
                "--uitvoer",
                str(out),
            ]
        )
        == 0
    )
    record = tmp_path / "b-verantwoording.pdf"
    info = pdfinfo(record)
    assert re.search(r"^Tagged:\s+yes$", info, re.M)
    assert "<pdfaid:part>2</pdfaid:part>" in pdfinfo(record, "-meta")
    with pikepdf.open(record) as pdf:
        counts = structure(pdf)
    assert counts["H1"] >= 4 and counts["Table"] >= 5, counts
    with zipfile.ZipFile(tmp_path / "b-verantwoording.docx") as package:
        body = package.read("word/document.xml").decode()
        settings = package.read("word/settings.xml").decode()
    pages = re.findall(
        r'<w:pStyle w:val="toc1"/></w:pPr><w:hyperlink [^>]*><w:r><w:t>[^<]+</w:t>'
        r"</w:r><w:r><w:tab/><w:t>(\d+)</w:t>",
        body,
    )
    assert len(pages) >= 3 and pages == sorted(pages, key=int), pages
    assert "updateFields" not in settings
    manifest = (tmp_path / "b.manifest.json").read_text("utf-8")
    assert "b-verantwoording.pdf" in manifest
