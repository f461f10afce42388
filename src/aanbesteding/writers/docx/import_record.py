"""Write the import record (inleesverslag) for the dossier as a Word document."""

from __future__ import annotations

from aanbesteding.compose.annex import Annex
from aanbesteding.writers.blocks import Block
from aanbesteding.writers.docx.document import DocxWriter
from aanbesteding.writers.docx.frame import blocks, cover, finish, header_footer, properties
from aanbesteding.writers.import_record_content import NOTE, TITLE

MARKING = "Vertrouwelijk – aanbestedingsdossier"


def record_bytes(annex: Annex, content: list[Block]) -> bytes:
    """The record as .docx bytes; the same content always gives the same bytes."""
    writer = DocxWriter.open(None)
    cover(writer, annex, "Aanbestedingsdossier – niet voor inschrijvers", TITLE, NOTE)
    blocks(writer, content)
    header_footer(writer, annex, TITLE, MARKING)
    properties(writer.doc, annex, TITLE, "Aanbestedingsdossier")
    return finish(writer.doc, annex)
