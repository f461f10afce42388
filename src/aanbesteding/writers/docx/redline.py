"""The redline for legal: what changed between two versions of the clause library.

Deleted words are struck through in red, inserted words underlined in blue: direct
character formatting, which Word and LibreOffice show and print the same everywhere.
"""

from __future__ import annotations

import datetime as dt

from aanbesteding.render import datum
from aanbesteding.reports.diff import ClauseChange, ClauseInfo, LibraryDiff, Piece
from aanbesteding.writers.docx.document import DocxWriter, Part
from aanbesteding.writers.docx.library_docs import LABELS, TABLE, finish
from aanbesteding.writers.docx.ooxml import BOLD, PLAIN, RunFormat

DELETED = RunFormat(strike=True, colour="C00000")
INSERTED = RunFormat(underline=True, colour="1F4E9E")
WARNING = RunFormat(bold=True, colour="C00000")
_FORMATS = {"gelijk": PLAIN, "weg": DELETED, "erbij": INSERTED}


def redline_parts(pieces: tuple[Piece, ...] | list[Piece]) -> list[Part]:
    """The runs of a redlined text: equal text plain, deletions struck, insertions underlined."""
    return [(piece.text, _FORMATS[piece.op]) for piece in pieces if piece.text]


def _changed(writer: DocxWriter, change: ClauseChange) -> None:
    clause = change.new
    writer.heading(3, f"{clause.id} – {clause.titel}")
    writer.paragraph(
        f"Versie {change.old.versie} → {clause.versie} · status {clause.status} · herkomst {clause.origin}",
        "Clausule Metadata",
    )
    if change.unbumped:
        writer.rich_paragraph(
            [
                ("Let op: ", WARNING),
                (
                    f"de tekst is gewijzigd, maar het versienummer ({clause.versie}) niet. Verhoog de "
                    "versie, zodat aanbestedingen die de oude tekst gebruikten herkenbaar blijven.",
                    PLAIN,
                ),
            ]
        )
    if change.meta:
        writer.table(
            ("Gegeven", "Was", "Wordt"), [(m.label, m.old, m.new) for m in change.meta], (3.5, 6.25, 6.25), LABELS
        )
    for text in change.texts:
        writer.paragraph(text.label, "Clausule Label")
        for paragraph in _split_paragraphs(redline_parts(text.pieces)):
            writer.rich_paragraph(paragraph)


def _split_paragraphs(parts: list[Part]) -> list[list[Part]]:
    """Split runs at blank lines, so a multi-paragraph clause keeps its paragraphs."""
    paragraphs: list[list[Part]] = [[]]
    for text, fmt in parts:
        chunks = text.split("\n\n")
        for index, chunk in enumerate(chunks):
            if index:
                paragraphs.append([])
            if chunk:
                paragraphs[-1].append((chunk, fmt))
    return [p for p in paragraphs if p] or [[]]


def _clause_list(writer: DocxWriter, items: tuple[ClauseInfo, ...]) -> None:
    writer.table(
        ("Clausule", "Titel", "Versie", "Status", "Herkomst"),
        [(i.id, i.titel, i.versie, i.status, i.origin) for i in items],
        (4.2, 6.6, 1.5, 1.8, 1.9),
        TABLE,
    )


def redline_bytes(diff: LibraryDiff, date: dt.date) -> bytes:
    """The redline document as .docx bytes; the same two libraries give the same bytes."""
    writer = DocxWriter.open()
    writer.paragraph("Wijzigingen in de clausulebibliotheek", "Title")
    writer.table(
        None,
        [
            ("Datum", datum(date)),
            ("Oude versie", diff.old_label),
            ("Nieuwe versie", diff.new_label),
            ("Nieuwe clausules", str(len(diff.added))),
            ("Verwijderde clausules", str(len(diff.removed))),
            ("Gewijzigde clausules", str(len(diff.changed))),
            ("Tekst gewijzigd zonder nieuwe versie", str(len(diff.unbumped))),
        ],
        (7.0, 9.0),
        LABELS,
    )
    writer.rich_paragraph(
        [
            ("Leeswijzer: ", BOLD),
            ("verwijderde woorden", DELETED),
            (" zijn rood doorgehaald, ", PLAIN),
            ("toegevoegde woorden", INSERTED),
            (" blauw onderstreept.", PLAIN),
        ]
    )
    writer.heading(1, "Gewijzigde clausules")
    if not diff.changed:
        writer.paragraph("Geen clausule is gewijzigd.")
    for change in diff.changed:
        _changed(writer, change)
    writer.heading(1, "Nieuwe clausules")
    if diff.added:
        _clause_list(writer, diff.added)
        for item in diff.added:
            writer.heading(3, f"{item.id} – {item.titel}")
            for paragraph in _split_paragraphs([(item.tekst, INSERTED)]):
                writer.rich_paragraph(paragraph)
    else:
        writer.paragraph("Geen clausule is toegevoegd.")
    writer.heading(1, "Verwijderde clausules")
    if diff.removed:
        _clause_list(writer, diff.removed)
    else:
        writer.paragraph("Geen clausule is verwijderd.")
    return finish(writer, "Wijzigingen in de clausulebibliotheek", "Redline clausulebibliotheek", date)
