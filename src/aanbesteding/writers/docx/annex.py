"""Write the Word annex (bijlage) for a composed :class:`~aanbesteding.compose.annex.Annex`."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

from docx.document import Document as DocxDocument
from docx.enum.text import WD_ALIGN_PARAGRAPH

from aanbesteding.compose.annex import Annex, Requirement, Section
from aanbesteding.support.output import normalize_zip, write_atomic
from aanbesteding.writers.annex_content import (
    TITLE,
    accountability,
    definitions,
    introduction,
    requirement_meta,
    scoring_table,
)
from aanbesteding.writers.blocks import Block, Bullets, Heading, Para, Table, text_blocks
from aanbesteding.writers.docx.document import DocxWriter
from aanbesteding.writers.docx.fields import add_simple_field, update_fields_on_open
from aanbesteding.writers.docx.ooxml import BOLD, PLAIN
from aanbesteding.writers.docx.styles import TABLE_STYLE
from aanbesteding.writers.docx.tables import TableLook

# Body tables: grid style, left aligned, 8.5 pt, no space after, bold repeated header row.
# The empty lead run in bold cells keeps the bytes the annex has always had.
BODY_TABLE = TableLook(style=TABLE_STYLE, empty_lead_run=True)
# The cover's label/value table: default table style, bold labels, body text size.
COVER_TABLE = TableLook(style=None, align_left=False, font_size_pt=None, zero_spacing=False,
                        bold_first_column=True, empty_lead_run=True)
COVER_WIDTHS_CM = (4.5, 11.5)


def _block(writer: DocxWriter, block: Block) -> None:
    if isinstance(block, Heading):
        writer.heading(block.level, block.text)
    elif isinstance(block, Para):
        parts = [(block.bold_prefix, BOLD)] if block.bold_prefix else []
        writer.rich_paragraph([*parts, (block.text, PLAIN)], block.style)
    elif isinstance(block, Bullets):
        writer.bullets(block.items)
    else:
        _table(writer, block)


def _blocks(writer: DocxWriter, blocks: list[Block]) -> None:
    for block in blocks:
        _block(writer, block)


def _table(writer: DocxWriter, block: Table) -> None:
    writer.table(block.headers, block.rows, block.widths_cm, BODY_TABLE)
    writer.paragraph()


def _cover(writer: DocxWriter, annex: Annex) -> None:
    t = annex.tender
    for _ in range(4):
        writer.paragraph()
    writer.paragraph(TITLE, "Title")
    writer.paragraph(t.opdracht_titel, "Subtitle")
    writer.paragraph()
    writer.table(None, t.details(), COVER_WIDTHS_CM, COVER_TABLE)
    writer.page_break()


def _requirement(writer: DocxWriter, req: Requirement) -> None:
    _block(writer, Heading(2, f"{req.number} {req.title}"))
    _block(writer, Para(requirement_meta(req), style="Clausule Metadata"))
    _blocks(writer, text_blocks(req.text))
    _block(writer, Para("Wijze van aantonen", style="Clausule Label"))
    _blocks(writer, text_blocks(req.wijze_van_aantonen))
    if req.weight is not None:
        _block(writer, Para(f"Weging: {req.weight} punten. Beoordeling volgens deze "
                            "scoringsleidraad:", style="Clausule Label"))
        _block(writer, scoring_table(req))
    elif req.scoring_guidance:
        _block(writer, Para("Score per doelstelling volgens deze scoringsleidraad (score 10 is "
                            "100%):", style="Clausule Label"))
        _block(writer, scoring_table(req))
    _block(writer, Para("Toelichting", style="Clausule Label"))
    _blocks(writer, text_blocks(req.toelichting))


def _chapter(writer: DocxWriter, number: int, section: Section) -> None:
    _block(writer, Heading(1, f"{number} {section.theme.titel}"))
    _block(writer, Para(section.theme.inleiding.strip()))
    for req in section.requirements:
        _requirement(writer, req)


def _header_footer(writer: DocxWriter, annex: Annex) -> None:
    section = writer.doc.sections[0]
    section.different_first_page_header_footer = True
    t = annex.tender
    header = section.header
    header.is_linked_to_previous = False
    text = " · ".join(x for x in (t.organisatie, t.kenmerk, t.opdracht_titel) if x)
    if t.status != "definitief":  # only adopted clauses make a final document (status gate)
        text = f"Concept · {text}"
    paragraph = header.paragraphs[0] if header.paragraphs else header.add_paragraph()
    paragraph.text = text
    paragraph._p.style = writer.styles["Header"]
    footer = section.footer
    footer.is_linked_to_previous = False
    paragraph = footer.paragraphs[0] if footer.paragraphs else footer.add_paragraph()
    paragraph.text = ""
    paragraph._p.style = writer.styles["Footer"]
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
    writer = DocxWriter.open(template)
    _cover(writer, annex)
    writer.paragraph("Inhoudsopgave", "TOC Heading")
    toc_placeholder = writer.paragraph()
    _blocks(writer, introduction(annex))
    _blocks(writer, definitions(annex))
    for number, section in enumerate(annex.sections, start=3):
        _chapter(writer, number, section)
    _blocks(writer, accountability(annex))
    writer.table_of_contents(toc_placeholder)
    _header_footer(writer, annex)
    _properties(writer.doc, annex)
    update_fields_on_open(writer.doc)
    return writer.doc


def annex_bytes(annex: Annex, template: Path | None = None) -> bytes:
    """The annex as .docx bytes; the same annex always gives the same bytes."""
    buffer = io.BytesIO()
    annex_document(annex, template).save(buffer)
    return normalize_zip(buffer.getvalue(), annex.tender.datum)


def write_annex(annex: Annex, path: Path, template: Path | None = None,
                force: bool = False) -> None:
    """Write the annex atomically; raise OutputError if ``path`` exists and not ``force``."""
    write_atomic(path, annex_bytes(annex, template), force=force)
