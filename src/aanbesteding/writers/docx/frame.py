"""What the bijlage and the verantwoording share: cover, header and footer, properties, blocks."""

from __future__ import annotations

import datetime as dt
import io

from docx.document import Document as DocxDocument
from docx.enum.text import WD_ALIGN_PARAGRAPH

from aanbesteding.compose.annex import Annex
from aanbesteding.support.output import normalize_zip
from aanbesteding.writers.blocks import Block, Bullets, Heading, Para, Table
from aanbesteding.writers.docx.document import DocxWriter
from aanbesteding.writers.docx.fields import add_simple_field, update_fields_on_open
from aanbesteding.writers.docx.ooxml import BOLD, PLAIN
from aanbesteding.writers.docx.styles import TABLE_STYLE
from aanbesteding.writers.docx.tables import TableLook

HEADER_FILL = "D9E2F3"
# Body tables: grid style, 8.5 pt, shaded header row repeated on every page, rows kept whole.
BODY_TABLE = TableLook(style=TABLE_STYLE, header_fill=HEADER_FILL, cant_split=True)
# The cover's label/value table: no borders, bold labels, body text size.
COVER_TABLE = TableLook(style=None, align_left=True, font_size_pt=None, zero_spacing=False,
                        bold_first_column=True, cant_split=True)
COVER_WIDTHS_CM = (4.5, 11.5)


def block(writer: DocxWriter, item: Block) -> None:
    """Write one format-neutral block."""
    if isinstance(item, Heading):
        writer.heading(item.level, item.text)
    elif isinstance(item, Para):
        parts = [(item.bold_prefix, BOLD)] if item.bold_prefix else []
        writer.rich_paragraph([*parts, (item.text, PLAIN)], item.style)
    elif isinstance(item, Bullets):
        writer.bullets(item.items)
    elif isinstance(item, Table):
        writer.table(item.headers, item.rows, item.widths_cm, BODY_TABLE)
        writer.paragraph()


def blocks(writer: DocxWriter, items: list[Block]) -> None:
    for item in items:
        block(writer, item)


def cover(writer: DocxWriter, annex: Annex, kicker: str, title: str) -> None:
    """Title page: a kicker line, the title, the assignment, and only the details that exist."""
    t = annex.tender
    for _ in range(3):
        writer.paragraph()
    writer.paragraph(kicker, "Subtitle")
    writer.paragraph(title, "Title")
    writer.paragraph(t.opdracht_titel, "Subtitle")
    writer.paragraph()
    writer.table(None, t.details(), COVER_WIDTHS_CM, COVER_TABLE)
    writer.page_break()


def header_footer(writer: DocxWriter, annex: Annex, title: str) -> None:
    """Header with buyer, reference, assignment and (for a concept) the status; page numbers."""
    section = writer.doc.sections[0]
    section.different_first_page_header_footer = True
    t = annex.tender
    header = section.header
    header.is_linked_to_previous = False
    status = "Concept" if t.status == "concept" else None
    text = " · ".join(x for x in (t.organisatie, t.kenmerk, t.opdracht_titel, status) if x)
    paragraph = header.paragraphs[0] if header.paragraphs else header.add_paragraph()
    paragraph.text = text
    paragraph._p.style = writer.styles["Header"]
    footer = section.footer
    footer.is_linked_to_previous = False
    paragraph = footer.paragraphs[0] if footer.paragraphs else footer.add_paragraph()
    paragraph.text = ""
    paragraph._p.style = writer.styles["Footer"]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    paragraph.add_run(f"{title} · Pagina ")
    add_simple_field(paragraph, "PAGE", "1")
    paragraph.add_run(" van ")
    add_simple_field(paragraph, "NUMPAGES", "1")


def properties(doc: DocxDocument, annex: Annex, title: str, category: str,
               comments: str = "") -> None:
    t = annex.tender
    stamp = dt.datetime.combine(t.datum, dt.time())
    props = doc.core_properties
    props.title = title
    props.subject = t.opdracht_titel
    props.author = t.organisatie or ""
    props.last_modified_by = t.organisatie or ""
    props.keywords = ", ".join(("digitale soevereiniteit", "aanbesteding", t.laag.label,
                                t.contracttype, *(x for x in (t.kenmerk,) if x)))
    props.category = category
    props.comments = comments
    props.content_status = t.status.capitalize()
    props.version = t.versie
    props.identifier = t.kenmerk or ""
    props.language = "nl-NL"
    props.created = props.modified = props.last_printed = stamp
    props.revision = 1


def finish(doc: DocxDocument, annex: Annex) -> bytes:
    """Ask Word to refresh fields on opening and return deterministic .docx bytes."""
    update_fields_on_open(doc)
    buffer = io.BytesIO()
    doc.save(buffer)
    return normalize_zip(buffer.getvalue(), annex.tender.datum)
