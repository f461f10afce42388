"""Write the bijlage for bidders from a composed :class:`~aanbesteding.compose.annex.Annex`."""

from __future__ import annotations

from pathlib import Path

from docx.document import Document as DocxDocument

from aanbesteding.assemble.annex_content import (
    TITLE,
    definitions,
    heading_text,
    introduction,
    overview,
    requirement_meta,
    scoring_table,
)
from aanbesteding.assemble.award_content import award
from aanbesteding.assemble.blocks import Heading, Para, text_blocks
from aanbesteding.compose.annex import Annex, Requirement, Section
from aanbesteding.support.output import write_atomic
from aanbesteding.writers.docx.document import DocxWriter
from aanbesteding.writers.docx.shared import block, blocks, cover, finish, header_footer, properties

FIRST_THEME_CHAPTER = 5
SUBHEADING = 3  # heading level of the parts of an item (not in the table of contents)


def _requirement(writer: DocxWriter, req: Requirement, scale: list[int]) -> None:
    """One eis, wens or bepaling: a heading 2 (listed in the table of contents) and heading-3
    sub-headings ("Wijze van aantonen", "Weging en scoringsleidraad", "Toelichting") that
    screen readers and Word's navigation pane list, but the table of contents (levels 1-2)
    leaves out."""
    block(writer, Heading(2, heading_text(req)))
    block(writer, Para(requirement_meta(req), style="Clausule Metadata"))
    blocks(writer, text_blocks(req.text))
    block(writer, Heading(SUBHEADING, "Wijze van aantonen"))
    blocks(writer, text_blocks(req.wijze_van_aantonen))
    if req.weight is not None:
        block(writer, Heading(SUBHEADING, "Weging en scoringsleidraad"))
        block(
            writer,
            Para(f"Weging: {req.weight} punten. Beoordeling volgens deze scoringsleidraad:"),
            keep_with_next=True,
        )
        block(writer, scoring_table(req, scale))
    elif req.scoring_guidance:
        block(writer, Heading(SUBHEADING, "Scoringsleidraad per doelstelling"))
        block(writer, Para("Score als percentage van de doelstelling (zie hoofdstuk 3):"), keep_with_next=True)
        block(writer, scoring_table(req, ()))
    explanation = text_blocks(req.toelichting)
    if explanation:
        block(writer, Heading(SUBHEADING, "Toelichting"))
        blocks(writer, explanation)


def _chapter(writer: DocxWriter, number: int, section: Section, scale: list[int]) -> None:
    block(writer, Heading(1, f"{number} {section.theme.titel}"))
    block(writer, Para(section.theme.inleiding.strip(), keep_with_next=True))
    for req in section.requirements:
        _requirement(writer, req, scale)


def annex_document(annex: Annex, template: Path | None = None) -> DocxDocument:
    """Build the bijlage as a python-docx Document (not yet saved)."""
    writer = DocxWriter.open(template)
    kicker = annex.tender.aanduiding or "Bijlage bij de aanbestedingsstukken"
    cover(writer, annex, kicker, TITLE)
    writer.paragraph("Inhoudsopgave", "TOC Heading")
    toc_placeholder = writer.paragraph()
    blocks(writer, introduction(annex))
    blocks(writer, overview(annex))
    blocks(writer, award(annex))
    blocks(writer, definitions(annex, FIRST_THEME_CHAPTER - 1))
    scale = list(annex.tender.schaal)
    for number, section in enumerate(annex.sections, start=FIRST_THEME_CHAPTER):
        _chapter(writer, number, section, scale)
    writer.table_of_contents(toc_placeholder)
    header_footer(writer, annex, annex.tender.aanduiding or TITLE)
    properties(writer.doc, annex, TITLE, "Aanbestedingsbijlage")
    return writer.doc


def annex_bytes(annex: Annex, template: Path | None = None) -> bytes:
    """The bijlage as .docx bytes; the same annex always gives the same bytes."""
    return finish(annex_document(annex, template), annex)


def annex_pdf(annex: Annex, template: Path | None, docx: bytes) -> dict[str, bytes]:
    """The bijlage as PDF (LibreOffice renders ``docx``, its .docx), and that .docx with the
    table of contents' page numbers from the render. Raises OutputError without LibreOffice
    and its UNO bridge."""
    from aanbesteding.writers.export.pdf import convert, fill_toc_pages, stable_pdf

    pdf, pages = convert(docx)
    return {"pdf": stable_pdf(pdf, annex.tender.datum), "docx": fill_toc_pages(docx, pages, annex.tender.datum)}


def write_annex(annex: Annex, path: Path, template: Path | None = None, force: bool = False) -> None:
    """Write the bijlage atomically; raise OutputError if ``path`` exists and not ``force``."""
    write_atomic(path, annex_bytes(annex, template), force=force)
