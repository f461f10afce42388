"""What assistive technology and other clients read in the .docx and .xlsx: real headings,
links in the contents, no blank paragraphs, chart alternative text, honest properties."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from aanbesteding.cli.main import main

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {"w": W}


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("toegankelijk") / "bijlage.docx"
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
                "--kenmerk",
                "INK-1",
                "--datum",
                "2026-12-07",
                "--uitvoer",
                str(out),
            ]
        )
        == 0
    )
    return out


def documents(generated: Path) -> list[Path]:
    return [generated, generated.with_name("bijlage-verantwoording.docx")]


def body(path: Path) -> etree._Element:
    with zipfile.ZipFile(path) as package:
        return etree.fromstring(package.read("word/document.xml"))


def part(path: Path, name: str) -> str:
    with zipfile.ZipFile(path) as package:
        return package.read(name).decode("utf-8")


def test_no_empty_paragraphs_are_used_for_spacing(generated: Path) -> None:
    for path in documents(generated):
        paragraphs = body(path).findall(".//w:body/w:p", NS)
        blank = [
            p
            for p in paragraphs
            if not "".join(p.itertext()).strip() and p.find(".//w:br", NS) is None and p.find(".//w:sectPr", NS) is None
        ]
        assert not blank, f"{path.name}: {len(blank)} lege alinea's"


def test_sub_headings_are_headings_that_the_toc_leaves_out(generated: Path) -> None:
    root = body(generated)
    styles = {}
    for p in root.iter(f"{{{W}}}p"):
        style = p.find("w:pPr/w:pStyle", NS)
        text = "".join(p.itertext())
        if style is not None and text in ("Wijze van aantonen", "Toelichting", "Weging en scoringsleidraad"):
            styles.setdefault(text, set()).add(style.get(f"{{{W}}}val"))
    assert styles == {
        "Wijze van aantonen": {"Heading3"},
        "Toelichting": {"Heading3"},
        "Weging en scoringsleidraad": {"Heading3"},
    }
    instruction = "".join(t.text or "" for t in root.iter(f"{{{W}}}instrText"))
    assert '\\o "1-2"' in instruction  # heading 3 is not listed in the table of contents
    xml = part(generated, "word/styles.xml")
    heading3 = re.search(r'<w:style [^>]*w:styleId="Heading3".*?</w:style>', xml, re.S)
    assert heading3 and '<w:outlineLvl w:val="2"/>' in heading3.group(0)


def test_toc_entries_are_hyperlinks_to_bookmarks_on_the_headings(generated: Path) -> None:
    for path in documents(generated):
        root = body(path)
        links = [h.get(f"{{{W}}}anchor") for h in root.iter(f"{{{W}}}hyperlink")]
        marks = {b.get(f"{{{W}}}name"): b.getparent() for b in root.iter(f"{{{W}}}bookmarkStart")}
        assert links and set(links) <= set(marks), path.name
        for anchor in links:
            style = marks[anchor].find("w:pPr/w:pStyle", NS)
            assert style is not None and style.get(f"{{{W}}}val") in ("Heading1", "Heading2")


def test_the_cover_table_has_no_header_row(generated: Path) -> None:
    first = body(generated).find(".//w:tbl", NS)
    assert first is not None
    look = first.find("w:tblPr/w:tblLook", NS)
    assert look is not None and look.get(f"{{{W}}}firstRow") == "0"
    assert first.find(".//w:tblHeader", NS) is None


def test_package_properties_describe_the_file_not_the_template(generated: Path) -> None:
    for path in documents(generated):
        with zipfile.ZipFile(path) as package:
            names = package.namelist()
        assert not any("thumbnail" in n or n.startswith("customXml/") for n in names), names
        app = part(path, "docProps/app.xml")
        assert "<Application>aanbesteding</Application>" in app
        assert "Macintosh" not in app and "Normal.dotm" not in app
        settings = part(path, "word/settings.xml")
        assert '<w:themeFontLang w:val="nl-NL"/>' in settings
        assert '<w:decimalSymbol w:val=","/>' in settings
        assert '<w:listSeparator w:val=";"/>' in settings
        assert "savePreviewPicture" not in settings


def test_the_charts_have_alternative_text(generated: Path) -> None:
    grid = generated.with_suffix(".xlsx")
    with zipfile.ZipFile(grid) as package:
        drawings = [n for n in package.namelist() if n.startswith("xl/drawings/drawing") and n.endswith(".xml")]
        frames = [
            element
            for name in drawings
            for element in etree.fromstring(package.read(name)).iter(
                "{http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing}cNvPr"
            )
        ]
    assert len(frames) == 2
    for frame in frames:
        assert len(frame.get("descr", "")) > 60 and frame.get("title"), etree.tostring(frame)
        assert not frame.get("name", "").startswith("Chart ")


def test_word_stops_asking_to_update_only_when_every_toc_line_has_its_page(generated: Path) -> None:
    import datetime as dt

    from aanbesteding.writers.export.pdf import fill_toc_pages

    data = generated.read_bytes()
    when = dt.date(2026, 12, 7)
    toc = [
        t
        for p in body(generated).iter(f"{{{W}}}p")
        for style in p.findall("w:pPr/w:pStyle", NS)
        if style.get(f"{{{W}}}val") in ("toc1", "toc2")
        for t in ["".join(x.text or "" for x in p.iter(f"{{{W}}}t"))]
    ]
    everything = fill_toc_pages(data, [(text, n + 3) for n, text in enumerate(toc)], when)
    partly = fill_toc_pages(data, [(text, n + 3) for n, text in enumerate(toc[:-1])], when)
    nothing = fill_toc_pages(data, [("Bestaat niet", 3)], when)

    def asks(docx: bytes) -> bool:
        with zipfile.ZipFile(io.BytesIO(docx)) as package:
            return "updateFields" in package.read("word/settings.xml").decode()

    assert asks(data) and not asks(everything) and asks(partly) and asks(nothing)
