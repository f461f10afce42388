"""The review document for legal: the whole clause library, per theme, with room for remarks."""

from __future__ import annotations

import datetime as dt

from aanbesteding.render import datum
from aanbesteding.reports.review import (
    MATRIX_LEGEND,
    ChapterReview,
    ClauseReview,
    LibraryReview,
    TextBlock,
)
from aanbesteding.writers.docx.document import DocxWriter, Part
from aanbesteding.writers.docx.library_docs import LABELS, TABLE, finish
from aanbesteding.writers.docx.ooxml import BOLD, PLAIN, RunFormat

PLACEHOLDER = RunFormat(bold=True, colour="1F4E9E")
MATRIX_WIDTHS_CM = (4.45, *([0.77] * 15))


def _texts(writer: DocxWriter, label: str, blocks: tuple[TextBlock, ...]) -> None:
    writer.paragraph(label, "Clausule Label")
    for bullet, segments in blocks:
        parts: list[Part] = [(s.text, PLACEHOLDER if s.placeholder else PLAIN) for s in segments]
        writer.rich_paragraph(parts, "List Bullet" if bullet else None)


def _verdict(writer: DocxWriter) -> None:
    writer.paragraph("Beoordeling", "Clausule Label")
    writer.table(
        None,
        [("Opmerkingen", "\n\n\n"), ("Akkoord (ja / nee, met wijziging)", ""), ("Naam en datum", "")],
        (4.5, 11.5),
        LABELS,
    )


def _clause(writer: DocxWriter, clause: ClauseReview) -> None:
    writer.heading(3, f"{clause.id} – {clause.titel}")
    writer.table(None, clause.metadata, (4.5, 11.5), LABELS)
    for wording in clause.wordings:
        suffix = f" – {wording.tiers}"
        _texts(writer, f"Tekst{suffix}", wording.tekst)
        _texts(writer, f"Toelichting{suffix}", wording.toelichting)
        if wording.verantwoording:
            _texts(writer, f"Verantwoording (alleen dossier){suffix}", wording.verantwoording)
        _texts(writer, f"Wijze van aantonen{suffix}", wording.wijze_van_aantonen)
        if wording.weging is not None:
            writer.paragraph(f"Weging: {wording.weging} punten", "Clausule Metadata")
    if clause.scoring:
        writer.paragraph("Scoringsleidraad", "Clausule Label")
        writer.table(("Score", "Wat de Inschrijving daarvoor biedt"), clause.scoring, (2.0, 14.0), TABLE)
    _verdict(writer)


def _chapter(writer: DocxWriter, chapter: ChapterReview) -> None:
    writer.heading(3, f"{chapter.id} – {chapter.titel}")
    writer.table(None, chapter.metadata, (4.5, 11.5), LABELS)
    for name, blocks in chapter.texts:
        _texts(writer, f"Tekst {name}", blocks)
    _verdict(writer)


def review_bytes(review: LibraryReview, date: dt.date) -> bytes:
    """The review document as .docx bytes; the same library gives the same bytes."""
    writer = DocxWriter.open()
    writer.paragraph("Clausulebibliotheek – beoordelingsdocument", "Title")
    writer.table(
        None,
        [
            ("Datum", datum(date)),
            ("Bibliotheek", " + ".join(review.origins)),
            ("Clausules", str(review.count)),
            *([("Vaste teksten", ", ".join(c.summary for c in review.chapters))] if review.chapters else []),
            ("Per status", ", ".join(f"{s} {n}" for s, n in review.statuses)),
            ("Inhoudshash (SHA-256)", review.content_hash),
        ],
        (4.5, 11.5),
        LABELS,
    )
    writer.rich_paragraph(
        [
            ("Leeswijzer. ", BOLD),
            (
                "Per thema staat elke clausule met haar gegevens en haar tekst per laag. Waarden die "
                "de inkoper invult, staan als ",
                PLAIN,
            ),
            ("[parameter: standaard (grenzen)]", PLACEHOLDER),
            ("; tekst die alleen onder een voorwaarde geldt, staat als ", PLAIN),
            ("[Alleen bij licentie: …]", PLACEHOLDER),
            (" (of met die voorwaarde vóór de alinea), en een verwijzing naar een andere clausule staat als ", PLAIN),
            ("[verwijzing naar ‘titel’]", PLACEHOLDER),
            (
                "; in de bijlage wordt dat het nummer van die clausule. Lagen met dezelfde tekst staan "
                "samen. Noteer uw opmerkingen in het vak Beoordeling. Vastgesteld wordt een clausule "
                "met 'aanbesteding bibliotheek vaststellen ID --door NAAM --op DATUM --bibliotheek "
                "MAP' (dat vult status, beoordeeld_door en beoordeeld_op in de "
                "organisatiebibliotheek).",
                PLAIN,
            ),
        ]
    )
    writer.heading(1, "Toepasselijkheid")
    writer.paragraph(MATRIX_LEGEND)
    writer.table(review.matrix_header, review.matrix, MATRIX_WIDTHS_CM, TABLE)
    for theme in review.themes:
        writer.page_break()
        writer.heading(1, theme.titel)
        writer.paragraph(theme.inleiding)
        for clause in theme.clauses:
            _clause(writer, clause)
    if review.chapters:
        writer.page_break()
        writer.heading(1, "Vaste teksten en beleid")
        writer.paragraph(
            "De hoofdstukken hieronder staan in de map hoofdstukken/ van de "
            "bibliotheek, het beleid in beleid.yaml. Het programma zet de teksten op "
            "hun plaats in de documenten; waarden uit de aanbesteding staan "
            "gemarkeerd."
        )
        for chapter in review.chapters:
            _chapter(writer, chapter)
    return finish(writer, "Clausulebibliotheek – beoordelingsdocument", "Beoordeling clausules", date)
