"""The review document for legal: the whole clause library, per theme, with room for remarks."""

from __future__ import annotations

from aanbesteding.library.loader import Library, LoadedClause
from aanbesteding.library.model import Parameter
from aanbesteding.reports.review import (
    MATRIX_LEGEND,
    applicability_header,
    applicability_rows,
    by_theme,
    marked_text,
    metadata_rows,
    tier_wordings,
)
from aanbesteding.writers.blocks import Bullets, Para, text_blocks
from aanbesteding.writers.docx.document import DocxWriter, Part
from aanbesteding.writers.docx.library_docs import LABELS, TABLE, finish
from aanbesteding.writers.docx.ooxml import BOLD, PLAIN, RunFormat

PLACEHOLDER = RunFormat(bold=True, colour="1F4E9E")
MATRIX_WIDTHS_CM = (4.45, *([0.77] * 15))


def _marked(text: str, parameters: dict[str, Parameter]) -> list[Part]:
    return [(s.text, PLACEHOLDER if s.placeholder else PLAIN) for s in marked_text(text, parameters)]


def _texts(writer: DocxWriter, label: str, text: str, parameters: dict[str, Parameter]) -> None:
    writer.paragraph(label, "Clausule Label")
    for block in text_blocks(text):
        if isinstance(block, Para):
            writer.rich_paragraph(_marked(block.text, parameters))
        elif isinstance(block, Bullets):
            for item in block.items:
                writer.rich_paragraph(_marked(item, parameters), "List Bullet")


def _clause(writer: DocxWriter, item: LoadedClause) -> None:
    clause = item.clause
    writer.heading(3, f"{clause.id} – {clause.titel}")
    writer.table(None, metadata_rows(item), (4.5, 11.5), LABELS)
    for group in tier_wordings(item):
        suffix = f" – {group.label}"
        _texts(writer, f"Tekst{suffix}", group.wording.tekst, clause.parameters)
        _texts(writer, f"Toelichting{suffix}", group.wording.toelichting, clause.parameters)
        _texts(writer, f"Wijze van aantonen{suffix}", group.wording.wijze_van_aantonen,
               clause.parameters)
        if group.wording.weging is not None:
            writer.paragraph(f"Weging: {group.wording.weging} punten", "Clausule Metadata")
    if clause.scoringsleidraad:
        writer.paragraph("Scoringsleidraad", "Clausule Label")
        writer.table(("Score", "Wat de Inschrijving daarvoor biedt"),
                     [(str(k), v) for k, v in sorted(clause.scoringsleidraad.items(), reverse=True)],
                     (2.0, 14.0), TABLE)
    writer.paragraph("Beoordeling", "Clausule Label")
    writer.table(None, [("Opmerkingen", "\n\n\n"), ("Akkoord (ja / nee, met wijziging)", ""),
                        ("Naam en datum", "")], (4.5, 11.5), LABELS)


def review_bytes(library: Library) -> bytes:
    """The review document as .docx bytes; the same library gives the same bytes."""
    writer = DocxWriter.open()
    writer.paragraph("Clausulebibliotheek – beoordelingsdocument", "Title")
    writer.table(None, [("Bibliotheek", " + ".join(library.origins)),
                        ("Clausules", str(len(library.clauses))),
                        ("Inhoudshash (SHA-256)", library.content_hash)], (4.5, 11.5), LABELS)
    writer.rich_paragraph([
        ("Leeswijzer. ", BOLD),
        ("Per thema staat elke clausule met haar gegevens en haar tekst per laag. Waarden die "
         "de inkoper invult, staan als ", PLAIN), ("[parameter: standaard (grenzen)]", PLACEHOLDER),
        ("; lagen met dezelfde tekst staan samen. Noteer uw opmerkingen in het vak Beoordeling. "
         "Een clausule wordt vastgesteld door in het clausulebestand status: vastgesteld, "
         "beoordeeld_door en beoordeeld_op in te vullen.", PLAIN)])
    writer.heading(1, "Toepasselijkheid")
    writer.paragraph(MATRIX_LEGEND)
    writer.table(applicability_header(), applicability_rows(library), MATRIX_WIDTHS_CM, TABLE)
    for group in by_theme(library):
        writer.page_break()
        writer.heading(1, group.theme.titel)
        writer.paragraph(group.theme.inleiding.strip())
        for item in group.clauses:
            _clause(writer, item)
    return finish(writer, "Clausulebibliotheek – beoordelingsdocument", "Beoordeling clausules")
