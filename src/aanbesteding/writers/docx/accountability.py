"""Write the verantwoording for the dossier (never sent to bidders)."""

from __future__ import annotations

from pathlib import Path

from aanbesteding.assemble.accountability_content import NOTE, TITLE, accountability
from aanbesteding.compose.annex import Annex
from aanbesteding.writers.docx.document import DocxWriter
from aanbesteding.writers.docx.shared import blocks, cover, finish, header_footer, properties

MARKING = "Vertrouwelijk – aanbestedingsdossier"


def accountability_bytes(annex: Annex, template: Path | None = None, files: dict[str, str] | None = None) -> bytes:
    """The verantwoording as .docx bytes, recording the ``files`` made with it (name ->
    SHA-256); the same input always gives the same bytes."""
    writer = DocxWriter.open(template)
    cover(writer, annex, "Aanbestedingsdossier – niet voor inschrijvers", TITLE, NOTE)
    writer.paragraph("Inhoudsopgave", "TOC Heading")
    toc_placeholder = writer.paragraph()
    blocks(writer, accountability(annex, files))
    writer.table_of_contents(toc_placeholder)
    header_footer(writer, annex, TITLE, MARKING)
    properties(
        writer.doc,
        annex,
        TITLE,
        "Aanbestedingsdossier",
        f"Samengesteld met aanbesteding {annex.tool_version}; bibliotheek {annex.library_hash[:12]}",
    )
    return finish(writer.doc, annex)


def accountability_pdf(annex: Annex, template: Path | None, record: bytes) -> dict[str, bytes]:
    """The verantwoording as PDF (LibreOffice renders ``record``, its .docx), and that .docx
    with the table of contents' page numbers from the render. Raises OutputError without
    LibreOffice and its UNO bridge."""
    from aanbesteding.writers.export.pdf import convert, fill_toc_pages, stable_pdf

    pdf, pages = convert(record)
    return {
        "verantwoording-pdf": stable_pdf(pdf, annex.tender.datum),
        "verantwoording": fill_toc_pages(record, pages, annex.tender.datum),
    }
