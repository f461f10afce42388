"""The reusable Word writer: tables, text escaping, run formatting, tracked changes, style ids."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from collections.abc import Iterator

import docx
import pytest
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.oxml.ns import qn
from docx.shared import Pt, RGBColor
from docx.styles.styles import Styles
from lxml import etree

from aanbesteding.writers.docx.document import DocxWriter
from aanbesteding.writers.docx.ooxml import BOLD, RunFormat, clean_text, run_xml
from aanbesteding.writers.docx.revisions import revision_date
from aanbesteding.writers.docx.tables import TableLook

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {"w": W}
DATE = dt.datetime(2026, 11, 23, 10, 30)


@pytest.fixture
def writer() -> DocxWriter:
    return DocxWriter.open()


def saved(writer: DocxWriter) -> bytes:
    buffer = io.BytesIO()
    writer.doc.save(buffer)
    return buffer.getvalue()


def reopened(writer: DocxWriter) -> docx.document.Document:
    return docx.Document(io.BytesIO(saved(writer)))


def body_xml(writer: DocxWriter) -> etree._Element:
    with zipfile.ZipFile(io.BytesIO(saved(writer))) as package:
        return etree.fromstring(package.read("word/document.xml"))


def cells(table: docx.table.Table) -> Iterator[docx.table._Cell]:
    for row in table.rows:
        yield from row.cells


def test_a_table_has_its_widths_font_size_spacing_and_repeated_header(writer: DocxWriter) -> None:
    writer.table(("Nr.", "Omschrijving"), [("1", "een"), ("2", "twee"), ("3", "")], (2.5, 13.5))
    table = reopened(writer).tables[0]
    assert len(table.rows) == 4
    assert table.style is not None and table.style.name == "Table Grid"
    assert table.alignment == WD_TABLE_ALIGNMENT.LEFT
    assert table.autofit is False
    widths = [column.width for column in table.columns]
    assert [round(w.cm, 2) for w in widths if w is not None] == [2.5, 13.5]
    for row in table.rows:
        assert [round(c.width.cm, 2) for c in row.cells if c.width is not None] == [2.5, 13.5]
    for cell in cells(table):
        for paragraph in cell.paragraphs:
            assert paragraph.paragraph_format.space_after == Pt(0)
            assert paragraph.runs and all(run.font.size == Pt(8.5) for run in paragraph.runs)
    header, *body = table.rows
    assert header._tr.trPr is not None
    assert header._tr.trPr.find(qn("w:tblHeader")).get(qn("w:val")) == "true"
    assert all(row._tr.trPr is None for row in body)
    assert [c.text for c in header.cells] == ["Nr.", "Omschrijving"]
    assert all(run.bold for c in header.cells for run in c.paragraphs[0].runs if run.text)
    assert not any(run.bold for row in body for c in row.cells for run in c.paragraphs[0].runs)
    assert [[c.text for c in row.cells] for row in body] == [["1", "een"], ["2", "twee"], ["3", ""]]


def test_a_table_look_shades_the_header_and_can_drop_size_spacing_and_repeat(writer: DocxWriter) -> None:
    look = TableLook(
        style=None,
        align_left=False,
        font_size_pt=None,
        zero_spacing=False,
        header_fill="D9E2F3",
        repeat_header=False,
        bold_first_column=True,
    )
    writer.table(("Gegeven", "Waarde"), [("Kenmerk", "K-1")], (5.0, 11.0), look)
    table = reopened(writer).tables[0]
    header, row = table.rows
    fills = [c._tc.tcPr.find(qn("w:shd")).get(qn("w:fill")) for c in header.cells]
    assert fills == ["D9E2F3", "D9E2F3"]
    assert row.cells[0]._tc.tcPr.find(qn("w:shd")) is None
    assert header._tr.trPr is None
    assert table.alignment is None
    runs = [run for c in cells(table) for run in c.paragraphs[0].runs]
    assert all(run.font.size is None for run in runs)
    assert all(c.paragraphs[0].paragraph_format.space_after is None for c in cells(table))
    assert [run.bold for run in row.cells[0].paragraphs[0].runs] == [True]
    assert [run.bold for run in row.cells[1].paragraphs[0].runs] == [None]


def test_without_widths_the_columns_share_the_block_width(writer: DocxWriter) -> None:
    writer.table(("A", "B", "C"), [("1", "2", "3")])
    document = reopened(writer)
    table = document.tables[0]
    section = document.sections[-1]
    assert section.page_width is not None and section.left_margin is not None
    assert section.right_margin is not None
    block = section.page_width - section.left_margin - section.right_margin
    assert table.autofit is True
    for column in table.columns:
        assert column.width is not None and abs(column.width - block / 3) < 635  # one twip


def test_a_row_of_the_wrong_length_is_refused(writer: DocxWriter) -> None:
    with pytest.raises(ValueError, match="2 cellen in een tabel met 3 kolommen"):
        writer.table(("A", "B", "C"), [("1", "2")], (1.0, 1.0, 1.0))


TRICKY = "a < b && c > d \"q\" 'x' ]]> <w:t>"


def test_xml_special_and_control_characters_survive_or_are_dropped(writer: DocxWriter) -> None:
    writer.paragraph(TRICKY)
    writer.paragraph("bel\x07 nul\x00 esc\x1b ff\x0c surrogaat\ud800 ok\U0001f600")
    writer.paragraph(" spaties rondom ", "Heading 1")
    writer.paragraph("kolom\tkolom\nregel")
    writer.table((TRICKY, "x\x01y"), [("\x0b", "  rand  ")], (4.0, 4.0))
    document = reopened(writer)
    texts = [p.text for p in document.paragraphs]
    assert texts[:4] == [TRICKY, "bel nul esc ff surrogaat ok\U0001f600", " spaties rondom ", "kolom\tkolom\nregel"]
    table = document.tables[0]
    assert [c.text for c in table.rows[0].cells] == [TRICKY, "xy"]
    assert [c.text for c in table.rows[1].cells] == ["", "  rand  "]


def test_clean_text_keeps_tab_newline_and_carriage_return() -> None:
    assert clean_text("a\tb\nc\rd\x00e\ufffef") == "a\tb\nc\rdef"


def test_runs_carry_bold_italic_colour_strike_underline_and_size(writer: DocxWriter) -> None:
    fmt = RunFormat(bold=True, italic=True, strike=True, underline=True, colour="c00000", size_pt=9)
    paragraph = writer.rich_paragraph([("Let op: ", fmt), ("gewoon", RunFormat())])
    writer.add_run(paragraph, " vet", BOLD)
    runs = reopened(writer).paragraphs[0].runs
    assert [r.text for r in runs] == ["Let op: ", "gewoon", " vet"]
    first = runs[0]
    assert first.bold and first.italic and first.font.strike and first.underline
    assert first.font.color.rgb == RGBColor(0xC0, 0x00, 0x00)
    assert first.font.size == Pt(9)
    assert not runs[1].bold and runs[1]._r.rPr is None
    assert runs[2].bold


def test_a_colour_must_be_rrggbb() -> None:
    with pytest.raises(ValueError, match="geen RRGGBB"):
        RunFormat(colour="red")
    with pytest.raises(ValueError, match="geen RRGGBB"):
        TableLook(header_fill="#D9E2F3")


def test_tracked_changes_are_ins_and_del_runs_with_author_date_and_del_text(writer: DocxWriter) -> None:
    writer.paragraph_xml(
        run_xml("De termijn is ")
        + writer.deletion("dertig", "Jurist & Co", DATE)
        + writer.insertion("veertig", "Jurist & Co", DATE, BOLD)
        + run_xml(" dagen.")
    )
    writer.paragraph_xml(writer.deletion(" met spatie ", "Inkoper", dt.date(2026, 11, 24)))
    body = body_xml(writer)
    deletions = body.findall(".//w:del", NS)
    insertions = body.findall(".//w:ins", NS)
    assert len(deletions) == 2 and len(insertions) == 1
    first = deletions[0]
    assert first.get(f"{{{W}}}author") == "Jurist & Co"
    assert first.get(f"{{{W}}}date") == "2026-11-23T10:30:00Z"
    assert [t.text for t in first.findall("w:r/w:delText", NS)] == ["dertig"]
    assert first.find(".//w:t", NS) is None
    assert [t.text for t in insertions[0].findall("w:r/w:t", NS)] == ["veertig"]
    assert insertions[0].find("w:r/w:rPr/w:b", NS) is not None
    ids = [e.get(f"{{{W}}}id") for e in (first, insertions[0], deletions[1])]
    assert ids == ["1", "2", "3"]
    spaced = deletions[1].find("w:r/w:delText", NS)
    assert spaced is not None and spaced.text == " met spatie "
    assert spaced.get("{http://www.w3.org/XML/1998/namespace}space") == "preserve"
    assert deletions[1].get(f"{{{W}}}date") == "2026-11-24T00:00:00Z"
    paragraphs = reopened(writer).paragraphs  # python-docx reads w:t, not w:delText or w:ins
    assert paragraphs[0].text == "De termijn is  dagen."


def test_revision_dates_are_utc() -> None:
    amsterdam = dt.timezone(dt.timedelta(hours=1))
    assert revision_date(dt.datetime(2026, 11, 23, 10, 0, tzinfo=amsterdam)) == "2026-11-23T09:00:00Z"


def test_style_names_are_resolved_to_ids_once(writer: DocxWriter, monkeypatch: pytest.MonkeyPatch) -> None:
    lookups: list[str] = []
    original = Styles.__getitem__

    def counting(self: Styles, key: str) -> object:
        lookups.append(key)
        return original(self, key)

    monkeypatch.setattr(Styles, "__getitem__", counting)
    assert writer.styles["Heading 1"] == "Heading1"
    assert writer.styles["Clausule Label"] == "ClausuleLabel"
    placeholder = writer.paragraph()
    for number in range(20):
        writer.heading(1, f"Hoofdstuk {number}")
        writer.heading(2, f"Paragraaf {number}")
        writer.paragraph("tekst", "Clausule Label")
        writer.table(("A",), [("b",)], (3.0,))
    writer.table_of_contents(placeholder)
    assert sorted(lookups) == ["Clausule Label", "Heading 1", "Heading 2", "Table Grid", "toc 1", "toc 2"]


def test_paragraphs_and_toc_entries_use_the_documents_own_style_ids() -> None:
    writer = DocxWriter.open()
    ids = {"Heading 1": "Kop1", "toc 1": "Inhopg1", "toc 2": "Inhopg2"}
    for name, new_id in ids.items():
        writer.doc.styles[name].style_id = new_id
    placeholder = writer.paragraph()
    writer.heading(1, "Inleiding")
    writer.heading(2, "Doel")
    writer.heading(3, "Detail")
    writer.table_of_contents(placeholder)
    body = body_xml(writer)
    styles = [p.get(f"{{{W}}}val") for p in body.findall("w:body/w:p/w:pPr/w:pStyle", NS)]
    # Heading 3 is a sub-heading: in the navigation pane, not in the table of contents.
    assert styles == ["Inhopg1", "Inhopg2", "Kop1", "Heading2", "Heading3"]
    document = docx.Document(io.BytesIO(saved(writer)))
    names = [p.style.name for p in document.paragraphs if p.style is not None]
    assert names[:3] == ["toc 1", "toc 2", "Heading 1"]
    assert [p.text for p in document.paragraphs[:2]] == ["Inleiding", "Doel"]


def test_toc_entries_are_internal_links_to_bookmarks_on_their_headings() -> None:
    writer = DocxWriter.open()
    placeholder = writer.paragraph()
    writer.heading(1, "Inleiding")
    writer.heading(2, "Doel")
    writer.heading(3, "Detail")
    writer.table_of_contents(placeholder)
    body = body_xml(writer)
    anchors = [h.get(f"{{{W}}}anchor") for h in body.iter(f"{{{W}}}hyperlink")]
    marks = {b.get(f"{{{W}}}name"): b.getparent() for b in body.iter(f"{{{W}}}bookmarkStart")}
    assert len(anchors) == 2 and set(anchors) == set(marks)
    texts = ["".join(marks[a].itertext()) for a in anchors]
    assert texts == ["Inleiding", "Doel"]
    ids = [b.get(f"{{{W}}}id") for b in body.iter(f"{{{W}}}bookmarkStart")]
    assert ids == [e.get(f"{{{W}}}id") for e in body.iter(f"{{{W}}}bookmarkEnd")]
    assert len(set(ids)) == 2


def test_an_empty_toc_asks_for_an_update() -> None:
    writer = DocxWriter.open()
    placeholder = writer.paragraph()
    writer.table_of_contents(placeholder)
    assert "Werk de inhoudsopgave bij (F9)." in reopened(writer).paragraphs[0].text


def test_page_break_and_bullets(writer: DocxWriter) -> None:
    writer.page_break()
    writer.bullets(("een", "twee"))
    body = body_xml(writer)
    assert body.find("w:body/w:p/w:r/w:br", NS).get(f"{{{W}}}type") == "page"
    document = reopened(writer)
    bullets = [p.text for p in document.paragraphs if p.style is not None and p.style.name == "List Bullet"]
    assert bullets == ["een", "twee"]


def test_body_content_goes_before_the_section_properties(writer: DocxWriter) -> None:
    writer.paragraph("eerst")
    writer.table(("A",), [("b",)], (3.0,))
    writer.paragraph("laatst")
    body = body_xml(writer).find("w:body", NS)
    assert body is not None
    assert [etree.QName(child).localname for child in body] == ["p", "tbl", "p", "sectPr"]
