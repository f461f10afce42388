"""The Word annex: structure read back with python-docx, bytes, house style, a real client."""

from __future__ import annotations

import datetime as dt
import io
import re
import subprocess
import zipfile
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from docx.shared import Pt

from aanbesteding.compose.annex import Annex
from aanbesteding.compose.composer import compose_annex
from aanbesteding.errors import DocumentTemplateError, OutputError
from aanbesteding.library.loader import Library, load_library
from aanbesteding.tender.model import build_tender
from aanbesteding.writers.docx.accountability import accountability_bytes
from aanbesteding.writers.docx.annex import annex_bytes, write_annex
from tests.libreoffice import convert, pdf_text

TENDER = {
    "laag": "2",
    "contracttype": "saas",
    "datum": dt.date(2026, 11, 23),
    "organisatie": "Gemeente Voorbeeld",
    "kenmerk": "INK-2026-042",
    "opdracht": "Zaaksysteem",
    "systeem": "Zaakregistratie",
}


@pytest.fixture(scope="module")
def library() -> Library:
    return load_library()


@pytest.fixture(scope="module")
def annex(library: Library) -> Annex:
    return compose_annex(library, build_tender(TENDER))


@pytest.fixture(scope="module")
def document(annex: Annex) -> docx.document.Document:
    return docx.Document(io.BytesIO(annex_bytes(annex)))


def paragraphs_with_style(document: docx.document.Document, style: str) -> list[str]:
    return [p.text for p in document.paragraphs if p.style is not None and p.style.name == style]


def xml_of(data: bytes, member: str) -> str:
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        return package.read(member).decode("utf-8")


def test_the_cover_names_tender_and_writes_the_date_out(document: docx.document.Document) -> None:
    cover = document.tables[0]
    values = {row.cells[0].text: row.cells[1].text for row in cover.rows}
    assert values["Aanbestedende Dienst"] == "Gemeente Voorbeeld"
    assert values["Kenmerk"] == "INK-2026-042"
    assert values["Systeem"] == "Zaakregistratie"
    assert values["Datum"] == "23 november 2026"
    assert values["Status"] == "Concept"
    assert paragraphs_with_style(document, "Title") == ["Eisen digitale autonomie en soevereiniteit"]
    assert paragraphs_with_style(document, "Voorblad Kop") == ["Bijlage bij de aanbestedingsstukken"]
    assert paragraphs_with_style(document, "Voorblad Opdracht") == ["Zaaksysteem"]


def test_chapters_follow_the_prescribed_order(document: docx.document.Document, annex: Annex) -> None:
    chapters = paragraphs_with_style(document, "Heading 1")
    expected = ["1 Inleiding en leeswijzer", "2 Overzicht", "3 Beoordeling en gunning", "4 Begrippen"]
    expected += [f"{n} {s.theme.titel}" for n, s in enumerate(annex.sections, start=5)]
    assert chapters == expected


def test_every_requirement_has_a_numbered_heading_and_its_parts(document: docx.document.Document, annex: Annex) -> None:
    headings = paragraphs_with_style(document, "Heading 2")
    for requirement in annex.requirements:
        mark = " (KO)" if requirement.kind.value == "eis" else ""
        assert f"{requirement.number}{mark} {requirement.title}" in headings
    labels = paragraphs_with_style(document, "Heading 3")  # sub-headings: outline level 3
    assert labels.count("Wijze van aantonen") == len(annex.requirements)
    assert not paragraphs_with_style(document, "Clausule Label")
    assert labels.count("Toelichting") == len(annex.requirements)
    meta = paragraphs_with_style(document, "Clausule Metadata")
    assert len(meta) == len(annex.requirements)
    assert not any(r.clause_id in line for r in annex.requirements for line in meta)


def test_the_contents_is_a_toc_field_that_updates_on_open(annex: Annex) -> None:
    data = annex_bytes(annex)
    body = xml_of(data, "word/document.xml")
    assert re.search(r'<w:instrText[^>]*> TOC \\o "1-2" \\h \\z \\u </w:instrText>', body)
    assert 'w:fldCharType="begin" w:dirty="true"' in body
    assert '<w:updateFields w:val="true"/>' in xml_of(data, "word/settings.xml")


def test_the_toc_lists_the_chapters_for_clients_that_do_not_refresh(document: docx.document.Document) -> None:
    toc = paragraphs_with_style(document, "toc 1")
    assert toc[:4] == ["1 Inleiding en leeswijzer", "2 Overzicht", "3 Beoordeling en gunning", "4 Begrippen"]


def test_the_seal_table_shows_the_minimum_for_the_tier(document: docx.document.Document) -> None:
    table = next(t for t in document.tables if t.rows[0].cells[0].text == "Doelstelling")
    rows = {r.cells[0].text: r.cells[2].text for r in table.rows[1:]}
    assert rows["SOV-5"] == "SEAL-2 (niveau 1 en 2 van de tabel hieronder)"
    assert rows["SOV-2"] == "geen minimum" and rows["SOV-8"] == "geen minimum"


def test_body_tables_repeat_their_header_in_small_print_at_fixed_widths(document: docx.document.Document) -> None:
    cover, *body = document.tables
    assert [round(c.width.cm, 1) for c in cover.rows[0].cells if c.width is not None] == [4.5, 11.5]
    seal = next(t for t in body if t.rows[0].cells[0].text == "Doelstelling")
    assert [round(c.width.cm, 1) for c in seal.rows[1].cells if c.width is not None] == [2.4, 7.6, 6.0]
    for table in body:
        assert table.rows[0]._tr.trPr is not None
        assert table.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None
        runs = [r for row in table.rows for c in row.cells for p in c.paragraphs for r in p.runs]
        assert runs and all(r.font.size == Pt(8.5) for r in runs)


def test_only_used_definitions_are_listed(document: docx.document.Document, annex: Annex) -> None:
    table = next(t for t in document.tables if t.rows[0].cells[0].text == "Begrip")
    listed = [r.cells[0].text for r in table.rows[1:]]
    assert listed == [d.begrip for d in annex.definitions]
    used = {t for r in annex.requirements for t in r.terms}
    assert set(listed) == used


def test_the_verantwoording_traces_every_requirement(annex: Annex) -> None:
    document = docx.Document(io.BytesIO(accountability_bytes(annex)))
    trace = next(t for t in document.tables if t.rows[0].cells[0].text == "Nr.")
    assert [r.cells[0].text for r in trace.rows[1:]] == [r.number for r in annex.requirements]
    assert [r.cells[1].text for r in trace.rows[1:]] == [r.clause_id for r in annex.requirements]
    assert [r.cells[2].text for r in trace.rows[1:]] == [r.version for r in annex.requirements]
    left_out = next(t for t in document.tables if t.rows[0].cells[0].text == "Clausule")
    assert {r.cells[0].text for r in left_out.rows[1:]} == {e.clause_id for e in annex.exclusions}
    assert annex.library_hash in [p.text for p in document.paragraphs]


def test_header_footer_and_page_fields(annex: Annex, document: docx.document.Document) -> None:
    section = document.sections[0]
    assert section.different_first_page_header_footer
    assert "Gemeente Voorbeeld" in section.header.paragraphs[0].text
    assert "INK-2026-042" in section.header.paragraphs[0].text
    footer = section.footer._element.xml
    assert "> PAGE <" in footer and "> NUMPAGES <" in footer
    assert "Pagina" in section.footer.paragraphs[0].text


def test_document_properties_are_set_from_the_tender(document: docx.document.Document) -> None:
    props = document.core_properties
    assert props.title == "Eisen digitale autonomie en soevereiniteit"
    assert props.subject == "Zaaksysteem"
    assert props.author == "Gemeente Voorbeeld"
    assert "digitale soevereiniteit" in props.keywords
    assert props.created == dt.datetime(2026, 11, 23, tzinfo=dt.UTC)
    assert props.modified == dt.datetime(2026, 11, 23, tzinfo=dt.UTC)


def test_the_same_input_gives_the_same_bytes(library: Library) -> None:
    first = annex_bytes(compose_annex(library, build_tender(TENDER)))
    second = annex_bytes(compose_annex(library, build_tender(TENDER)))
    assert first == second
    with zipfile.ZipFile(io.BytesIO(first)) as package:
        assert {info.date_time for info in package.infolist()} == {(2026, 11, 23, 0, 0, 0)}


def test_an_existing_annex_is_not_overwritten_without_force(annex: Annex, tmp_path: Path) -> None:
    target = tmp_path / "bijlage.docx"
    target.write_bytes(b"bestaand")
    with pytest.raises(OutputError, match="bestaat al; gebruik force"):
        write_annex(annex, target)
    assert target.read_bytes() == b"bestaand"
    write_annex(annex, target, force=True)
    assert target.read_bytes() == annex_bytes(annex)
    assert [p.name for p in tmp_path.iterdir()] == ["bijlage.docx"]


def test_a_house_style_document_supplies_the_styles(annex: Annex, tmp_path: Path) -> None:
    house = docx.Document()
    house.styles["Normal"].font.name = "Courier New"
    house.styles["Normal"].font.size = Pt(12)
    house.add_paragraph("Oude inhoud die moet verdwijnen")
    path = tmp_path / "huisstijl.docx"
    house.save(str(path))
    result = docx.Document(io.BytesIO(annex_bytes(annex, path)))
    assert result.styles["Normal"].font.name == "Courier New"
    assert result.styles["Normal"].font.size == Pt(12)
    assert "Oude inhoud die moet verdwijnen" not in [p.text for p in result.paragraphs]
    assert "Clausule Label" in [s.name for s in result.styles]


def test_a_template_that_is_not_a_word_document_is_refused(annex: Annex, tmp_path: Path) -> None:
    fake = tmp_path / "huisstijl.docx"
    fake.write_text("geen Word", encoding="utf-8")
    with pytest.raises(DocumentTemplateError, match="is geen Word-document"):
        annex_bytes(annex, fake)
    with pytest.raises(DocumentTemplateError, match="bestaat niet"):
        annex_bytes(annex, tmp_path / "ontbreekt.docx")


@pytest.mark.libreoffice
def test_libreoffice_renders_cover_contents_chapters_and_page_numbers(annex: Annex, tmp_path: Path) -> None:
    source = tmp_path / "bijlage.docx"
    write_annex(annex, source)
    pdf = convert(source, "pdf", tmp_path / "pdf")
    text = pdf_text(pdf)
    pages = text.split("\f")
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True)
    page_count = int(re.search(r"Pages:\s+(\d+)", info.stdout).group(1))  # type: ignore[union-attr]
    assert page_count >= 10
    assert "Eisen digitale autonomie en soevereiniteit" in pages[0]
    assert "23 november 2026" in pages[0]
    assert "Pagina" not in pages[0]  # the cover has no footer
    assert "Inhoudsopgave" in pages[1]
    assert "1 Inleiding en leeswijzer" in pages[1]
    assert f"Pagina 2 van {page_count}" in pages[1]
    assert f"Pagina {page_count} van {page_count}" in pages[page_count - 1]
    flat = " ".join(text.split())
    for section in annex.sections:
        assert section.theme.titel in flat
    for requirement in annex.requirements:
        assert requirement.number in flat
    assert "3 Beoordeling en gunning" in flat
    assert annex.library_hash not in flat
