"""What the bijlage and the verantwoording share: cover, header and footer, properties, blocks."""

from __future__ import annotations

import datetime as dt
import io

from docx.document import Document as DocxDocument
from docx.enum.text import WD_ALIGN_PARAGRAPH

from aanbesteding.assemble.blocks import Block, Bullets, Heading, Para, Table
from aanbesteding.compose.annex import Annex
from aanbesteding.support.output import normalize_zip
from aanbesteding.writers.docx.document import DocxWriter
from aanbesteding.writers.docx.fields import add_simple_field, update_fields_on_open
from aanbesteding.writers.docx.ooxml import BOLD, PLAIN
from aanbesteding.writers.docx.package import clean_package
from aanbesteding.writers.docx.styles import COVER_KICKER, COVER_NOTE, COVER_SUBTITLE, TABLE_STYLE
from aanbesteding.writers.docx.tables import TableLook

HEADER_FILL = "D9E2F3"
# Body tables: grid style, 8.5 pt, shaded header row repeated on every page, rows kept whole.
BODY_TABLE = TableLook(style=TABLE_STYLE, header_fill=HEADER_FILL, cant_split=True)
# Short tables stay on one page with the paragraph that introduces them.
SHORT_TABLE = TableLook(style=TABLE_STYLE, header_fill=HEADER_FILL, cant_split=True, keep_together=True)
SHORT_ROWS = 12
# The cover's label/value table: no borders, bold labels, body text size.
COVER_TABLE = TableLook(
    style=None, align_left=True, font_size_pt=None, zero_spacing=False, bold_first_column=True, cant_split=True
)
COVER_WIDTHS_CM = (4.5, 11.5)


def block(writer: DocxWriter, item: Block, keep_with_next: bool = False) -> None:
    """Write one format-neutral block; ``keep_with_next`` keeps a paragraph with the next."""
    if isinstance(item, Heading):
        writer.heading(item.level, item.text)
    elif isinstance(item, Para):
        parts = [(item.bold_prefix, BOLD)] if item.bold_prefix else []
        writer.rich_paragraph([*parts, (item.text, PLAIN)], item.style, keep_with_next or item.keep_with_next)
    elif isinstance(item, Bullets):
        writer.bullets(item.items)
    elif isinstance(item, Table):
        look = SHORT_TABLE if len(item.rows) <= SHORT_ROWS else BODY_TABLE
        writer.table(item.headers, item.rows, item.widths_cm, look)


def blocks(writer: DocxWriter, items: list[Block]) -> None:
    """Write blocks; a paragraph that introduces a table stays on its page."""
    for item, following in zip(items, [*items[1:], None], strict=True):
        block(writer, item, keep_with_next=isinstance(following, Table))


def cover(writer: DocxWriter, annex: Annex, kicker: str, title: str, note: str | None = None) -> None:
    """Title page: a kicker line, the title, the assignment, only the details that exist,
    and an optional note under them."""
    t = annex.tender
    writer.paragraph(kicker, COVER_KICKER)
    writer.paragraph(title, "Title")
    writer.paragraph(t.opdracht_titel, COVER_SUBTITLE)
    writer.table(None, t.details(), COVER_WIDTHS_CM, COVER_TABLE)
    if note:
        writer.paragraph(note, COVER_NOTE)
    writer.new_page()


def header_footer(writer: DocxWriter, annex: Annex, title: str, marking: str | None = None) -> None:
    """Header with buyer, reference, assignment, a marking and (for a concept) the status;
    footer with the title and page numbers."""
    section = writer.doc.sections[0]
    section.different_first_page_header_footer = True
    t = annex.tender
    header = section.header
    header.is_linked_to_previous = False
    status = "Concept" if t.status == "concept" else None
    text = " · ".join(x for x in (marking, t.organisatie, t.kenmerk, t.opdracht_titel, status) if x)
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


def _fit(text: str, limit: int = 255) -> str:
    """``text`` within the length Word allows a document property (255 characters)."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


def properties(doc: DocxDocument, annex: Annex, title: str, category: str, comments: str = "") -> None:
    t = annex.tender
    stamp = dt.datetime.combine(t.datum, dt.time())
    props = doc.core_properties
    props.title = title
    props.subject = t.opdracht_titel
    props.author = t.organisatie or ""
    props.last_modified_by = t.organisatie or ""
    keywords = ", ".join(
        ("digitale soevereiniteit", "aanbesteding", t.laag.label, t.contracttype, *(x for x in (t.kenmerk,) if x))
    )
    props.keywords = _fit(keywords)  # a 200-character kenmerk would pass Word's 255
    props.category = category
    props.comments = _fit(comments)
    props.content_status = t.status.capitalize()
    props.version = t.versie
    props.identifier = t.kenmerk or ""
    props.language = "nl-NL"
    props.created = props.modified = props.last_printed = stamp
    props.revision = 1


def finish(doc: DocxDocument, annex: Annex) -> bytes:
    """Ask Word to refresh fields on opening (the table of contents has no page numbers yet;
    ``--pdf`` fills them and lifts the request) and return deterministic .docx bytes."""
    update_fields_on_open(doc)
    clean_package(doc)
    buffer = io.BytesIO()
    doc.save(buffer)
    return normalize_zip(buffer.getvalue(), annex.tender.datum)
