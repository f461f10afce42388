"""Write the import record (inleesverslag) for the dossier as a Word document."""

from __future__ import annotations

from aanbesteding.assemble.blocks import Block
from aanbesteding.assemble.import_record_content import TITLE, note
from aanbesteding.compose.annex import Annex
from aanbesteding.writers.docx.document import DocxWriter
from aanbesteding.writers.docx.shared import blocks, cover, finish, header_footer, properties

MARKING = "Vertrouwelijk – aanbestedingsdossier"


def record_bytes(annex: Annex, content: list[Block]) -> bytes:
    """The record as .docx bytes; the same content always gives the same bytes."""
    writer = DocxWriter.open(None)
    cover(writer, annex, "Aanbestedingsdossier – niet voor inschrijvers", TITLE, note(annex))
    blocks(writer, content)
    header_footer(writer, annex, TITLE, MARKING)
    properties(writer.doc, annex, TITLE, "Aanbestedingsdossier")
    return finish(writer.doc, annex)
