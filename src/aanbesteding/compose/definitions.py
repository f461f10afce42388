"""Which defined terms a bijlage prints: the ones its texts use.

A clause lists the terms it may use (``begrippen``); the bijlage defines only those that a
printed text actually uses, and the terms those definitions use in turn. A definition that
nothing in the bijlage mentions would promise a rule the bijlage does not contain.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from aanbesteding.compose.annex import ChapterText, Section
from aanbesteding.library.model import Definition


def printed_texts(sections: Iterable[Section], chapters: Mapping[str, ChapterText]) -> list[str]:
    """Every text of the bijlage that can use a defined term (not the dossier-only texts)."""
    texts: list[str] = []
    for section in sections:
        texts += (section.theme.titel, section.theme.inleiding)
        for r in section.requirements:
            texts += (r.title, r.text, r.toelichting, r.wijze_van_aantonen, *r.scoring_guidance.values())
    for chapter_id, chapter in chapters.items():
        if chapter_id != "dossier":
            texts += chapter.texts.values()
    return texts


def used_definitions(
    definitions: Mapping[str, Definition], declared: Iterable[str], texts: Iterable[str]
) -> tuple[Definition, ...]:
    """The definitions of the declared terms that ``texts`` use, closed over the terms those
    definitions use, in alphabetical order. A term is used when its name occurs in a text as
    written (``Subverwerkers`` uses ``Subverwerker``)."""
    haystack = "\n".join(texts)
    used = {term for term in declared if term in definitions and term in haystack}
    frontier = list(used)
    while frontier:
        text = definitions[frontier.pop()].definitie
        for term in definitions:
            if term not in used and term in text:
                used.add(term)
                frontier.append(term)
    return tuple(sorted((definitions[t] for t in used), key=lambda d: d.begrip.lower()))
