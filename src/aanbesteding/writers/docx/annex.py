"""Write the bijlage for bidders from a composed :class:`~aanbesteding.compose.annex.Annex`."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from docx.document import Document as DocxDocument

from aanbesteding.assemble.annex_content import (
    TITLE,
    definitions,
    heading_text,
    introduction,
    overview,
    public_text,
    requirement_meta,
    scoring_table,
    split_tier_notes,
)
from aanbesteding.assemble.award_content import award
from aanbesteding.assemble.blocks import Heading, Para, text_blocks
from aanbesteding.compose.annex import Annex, Requirement, Section
from aanbesteding.support.output import write_atomic
from aanbesteding.writers.docx.document import DocxWriter
from aanbesteding.writers.docx.shared import block, blocks, cover, finish, header_footer, properties

FIRST_THEME_CHAPTER = 5


def _requirement(writer: DocxWriter, req: Requirement, scale: list[int]) -> None:
    block(writer, Heading(2, heading_text(req)))
    block(writer, Para(requirement_meta(req), style="Clausule Metadata"))
    blocks(writer, text_blocks(public_text(req.text)))
    block(writer, Para("Wijze van aantonen", style="Clausule Label"))
    blocks(writer, text_blocks(public_text(req.wijze_van_aantonen)))
    if req.weight is not None:
        block(writer, Para(f"Weging: {req.weight} punten. Beoordeling volgens deze "
                           "scoringsleidraad:", style="Clausule Label"))
        block(writer, scoring_table(req, scale))
    elif req.scoring_guidance:
        block(writer, Para("Scoringsleidraad per doelstelling (percentage van de doelstelling, zie "
                           "hoofdstuk 3):", style="Clausule Label"))
        block(writer, scoring_table(req, ()))
    explanation, _ = split_tier_notes(req.toelichting)
    if explanation:
        block(writer, Para("Toelichting", style="Clausule Label"))
        blocks(writer, explanation)


def _chapter(writer: DocxWriter, number: int, section: Section, scale: list[int]) -> None:
    block(writer, Heading(1, f"{number} {section.theme.titel}"))
    block(writer, Para(section.theme.inleiding.strip(), keep_with_next=True))
    for req in section.requirements:
        _requirement(writer, req, scale)


def annex_document(annex: Annex, template: Path | None = None,
                   toc_pages: Sequence[tuple[str, int]] = ()) -> DocxDocument:
    """Build the bijlage as a python-docx Document (not yet saved); ``toc_pages`` (heading
    text, page) from a render of the same document give the table of contents its pages."""
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
    writer.table_of_contents(toc_placeholder, pages=toc_pages)
    header_footer(writer, annex, annex.tender.aanduiding or TITLE)
    properties(writer.doc, annex, TITLE, "Aanbestedingsbijlage")
    return writer.doc


def annex_bytes(annex: Annex, template: Path | None = None,
                toc_pages: Sequence[tuple[str, int]] = ()) -> bytes:
    """The bijlage as .docx bytes; the same annex always gives the same bytes."""
    return finish(annex_document(annex, template, toc_pages), annex)


def annex_pdf(annex: Annex, template: Path | None, docx: bytes) -> dict[str, bytes]:
    """The bijlage as PDF (LibreOffice renders ``docx``, its .docx), and the .docx again
    with the table of contents' page numbers from that render (a second render of the same
    blocks, so the pages fit). Raises OutputError without LibreOffice and its UNO bridge."""
    from aanbesteding.writers.export.pdf import convert, stable_pdf

    pdf, pages = convert(docx)
    return {"pdf": stable_pdf(pdf, annex.tender.datum),
            "docx": annex_bytes(annex, template, pages)}


def write_annex(annex: Annex, path: Path, template: Path | None = None,
                force: bool = False) -> None:
    """Write the bijlage atomically; raise OutputError if ``path`` exists and not ``force``."""
    write_atomic(path, annex_bytes(annex, template), force=force)
