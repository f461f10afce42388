"""Write the Word annex (bijlage) for a composed :class:`~aanbesteding.compose.annex.Annex`."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from pathlib import Path

import docx
from docx.document import Document as DocxDocument
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.opc.exceptions import PackageNotFoundError
from docx.oxml.ns import qn
from docx.shared import Cm, Pt
from docx.text.paragraph import Paragraph

from aanbesteding.compose.annex import Annex, Requirement, Section
from aanbesteding.errors import DocumentTemplateError
from aanbesteding.support.output import normalize_zip, write_atomic
from aanbesteding.support.resources import templates_path
from aanbesteding.writers.annex_content import (
    TITLE,
    accountability,
    definitions,
    introduction,
    requirement_meta,
    scoring_table,
)
from aanbesteding.writers.blocks import Block, Bullets, Heading, Para, Table, text_blocks
from aanbesteding.writers.docx.fields import add_simple_field, add_toc, update_fields_on_open
from aanbesteding.writers.docx.styles import TABLE_STYLE, ensure_styles

DEFAULT_TEMPLATE = "basis.docx"


def open_base(template: Path | None) -> DocxDocument:
    """Open the base document (default or house style) with an empty body.

    Raises DocumentTemplateError when the file is missing or is not a Word document.
    """
    path = template or templates_path() / DEFAULT_TEMPLATE
    if not path.is_file():
        raise DocumentTemplateError(f"sjabloon {path} bestaat niet")
    try:
        doc = docx.Document(str(path))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise DocumentTemplateError(
            f"sjabloon {path} is geen Word-document (.docx); sla het op als .docx ({exc})") from exc
    body = doc.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)
    ensure_styles(doc)
    return doc


class _Writer:
    """Stateful helper that appends blocks to a document and remembers its headings."""

    def __init__(self, doc: DocxDocument) -> None:
        self.doc = doc
        self.headings: list[tuple[int, str]] = []
        self._style_ids: dict[str, str] = {}

    def paragraph(self, text: str = "", style: str | None = None) -> Paragraph:
        """Append a paragraph; style ids are resolved once (python-docx looks them up slowly)."""
        paragraph = self.doc.add_paragraph(text)
        if style is not None:
            if style not in self._style_ids:
                self._style_ids[style] = self.doc.styles[style].style_id
            paragraph._p.style = self._style_ids[style]
        return paragraph

    def block(self, block: Block) -> None:
        if isinstance(block, Heading):
            self.paragraph(block.text, f"Heading {block.level}")
            self.headings.append((block.level, block.text))
        elif isinstance(block, Para):
            paragraph = self.paragraph(style=block.style)
            if block.bold_prefix:
                paragraph.add_run(block.bold_prefix).bold = True
            paragraph.add_run(block.text)
        elif isinstance(block, Bullets):
            for item in block.items:
                self.paragraph(item, "List Bullet")
        else:
            self.table(block)

    def blocks(self, blocks: list[Block]) -> None:
        for block in blocks:
            self.block(block)

    def table(self, block: Table) -> None:
        table = self.doc.add_table(rows=1, cols=len(block.headers))
        table.style = self.doc.styles[TABLE_STYLE]
        table.alignment = WD_TABLE_ALIGNMENT.LEFT
        for cell, text in zip(table.rows[0].cells, block.headers, strict=True):
            cell.text = ""
            cell.paragraphs[0].add_run(text).bold = True
        _repeat_header(table.rows[0])
        for row in block.rows:
            cells = table.add_row().cells
            for cell, text in zip(cells, row, strict=True):
                cell.text = text
        if block.widths_cm:
            table.autofit = False
            for column, width in zip(table.columns, block.widths_cm, strict=True):
                column.width = Cm(width)
            for row in table.rows:
                for cell, width in zip(row.cells, block.widths_cm, strict=True):
                    cell.width = Cm(width)
        for row in table.rows:
            for cell in row.cells:
                for paragraph in cell.paragraphs:
                    paragraph.paragraph_format.space_after = Pt(0)
                    for run in paragraph.runs:
                        run.font.size = Pt(8.5)
        self.paragraph()


def _repeat_header(row: object) -> None:
    tr_pr = row._tr.get_or_add_trPr()  # type: ignore[attr-defined]
    element = tr_pr.makeelement(qn("w:tblHeader"), {qn("w:val"): "true"})
    tr_pr.append(element)


def _cover(doc: DocxDocument, annex: Annex) -> None:
    t = annex.tender
    for _ in range(4):
        doc.add_paragraph()
    doc.add_paragraph(TITLE, style="Title")
    doc.add_paragraph(t.opdracht_titel, style="Subtitle")
    doc.add_paragraph()
    rows = t.details()
    table = doc.add_table(rows=0, cols=2)
    table.autofit = False
    table.columns[0].width, table.columns[1].width = Cm(4.5), Cm(11.5)
    for label, value in rows:
        cells = table.add_row().cells
        cells[0].text = ""
        cells[0].paragraphs[0].add_run(label).bold = True
        cells[1].text = value
        cells[0].width, cells[1].width = Cm(4.5), Cm(11.5)
    doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)


def _requirement(writer: _Writer, req: Requirement) -> None:
    writer.block(Heading(2, f"{req.number} {req.title}"))
    writer.block(Para(requirement_meta(req), style="Clausule Metadata"))
    writer.blocks(text_blocks(req.text))
    writer.block(Para("Wijze van aantonen", style="Clausule Label"))
    writer.blocks(text_blocks(req.wijze_van_aantonen))
    if req.weight is not None:
        writer.block(Para(f"Weging: {req.weight} punten. Beoordeling volgens deze "
                          "scoringsleidraad:", style="Clausule Label"))
        writer.block(scoring_table(req))
    elif req.scoring_guidance:
        writer.block(Para("Score per doelstelling volgens deze scoringsleidraad (score 10 is "
                          "100%):", style="Clausule Label"))
        writer.block(scoring_table(req))
    writer.block(Para("Toelichting", style="Clausule Label"))
    writer.blocks(text_blocks(req.toelichting))


def _chapter(writer: _Writer, number: int, section: Section) -> None:
    writer.block(Heading(1, f"{number} {section.theme.titel}"))
    writer.block(Para(section.theme.inleiding.strip()))
    for req in section.requirements:
        _requirement(writer, req)


def _header_footer(doc: DocxDocument, annex: Annex) -> None:
    section = doc.sections[0]
    section.different_first_page_header_footer = True
    t = annex.tender
    header = section.header
    header.is_linked_to_previous = False
    text = " · ".join(x for x in (t.organisatie, t.kenmerk, t.opdracht_titel) if x)
    paragraph = header.paragraphs[0] if header.paragraphs else header.add_paragraph()
    paragraph.text = text
    paragraph.style = doc.styles["Header"]
    footer = section.footer
    footer.is_linked_to_previous = False
    paragraph = footer.paragraphs[0] if footer.paragraphs else footer.add_paragraph()
    paragraph.text = ""
    paragraph.style = doc.styles["Footer"]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    paragraph.add_run(f"{TITLE} · Pagina ")
    add_simple_field(paragraph, "PAGE", "1")
    paragraph.add_run(" van ")
    add_simple_field(paragraph, "NUMPAGES", "1")


def _properties(doc: DocxDocument, annex: Annex) -> None:
    t = annex.tender
    stamp = dt.datetime.combine(t.datum, dt.time())
    props = doc.core_properties
    props.title = TITLE
    props.subject = t.opdracht_titel
    props.author = t.organisatie
    props.last_modified_by = t.organisatie
    props.keywords = ", ".join(("digitale soevereiniteit", "aanbesteding", t.laag.label,
                                t.contracttype, *(x for x in (t.kenmerk,) if x)))
    props.category = "Aanbestedingsbijlage"
    props.comments = f"Samengesteld met aanbesteding {annex.tool_version}; bibliotheek {annex.library_hash[:12]}"
    props.content_status = t.status.capitalize()
    props.version = t.versie
    props.identifier = t.kenmerk or ""
    props.language = "nl-NL"
    props.created = props.modified = props.last_printed = stamp
    props.revision = 1


def annex_document(annex: Annex, template: Path | None = None) -> DocxDocument:
    """Build the annex as a python-docx Document (not yet saved)."""
    doc = open_base(template)
    _cover(doc, annex)
    doc.add_paragraph("Inhoudsopgave", style="TOC Heading")
    toc_placeholder = doc.add_paragraph()
    writer = _Writer(doc)
    writer.blocks(introduction(annex))
    writer.blocks(definitions(annex))
    for number, section in enumerate(annex.sections, start=3):
        _chapter(writer, number, section)
    writer.blocks(accountability(annex))
    add_toc(toc_placeholder, writer.headings)
    _header_footer(doc, annex)
    _properties(doc, annex)
    update_fields_on_open(doc)
    return doc


def annex_bytes(annex: Annex, template: Path | None = None) -> bytes:
    """The annex as .docx bytes; the same annex always gives the same bytes."""
    buffer = io.BytesIO()
    annex_document(annex, template).save(buffer)
    return normalize_zip(buffer.getvalue(), annex.tender.datum)


def write_annex(annex: Annex, path: Path, template: Path | None = None,
                force: bool = False) -> None:
    """Write the annex atomically; raise OutputError if ``path`` exists and not ``force``."""
    write_atomic(path, annex_bytes(annex, template), force=force)
