"""The bijlage's own prose and tables, as format-neutral blocks: what bidders may see.

Nothing internal goes here (clause ids, versions, statuses, risk codes, library hashes,
reasons for leaving clauses out, bidder names): that is the verantwoording's
(:mod:`aanbesteding.assemble.accountability_content`). Clause texts are printed as the library
holds them: a clause's risk codes live in its field ``risicos`` and its reasons per tier in its
field ``verantwoording``, which ``bibliotheek controleer`` keeps out of the texts bidders see.
"""

from __future__ import annotations

import re

from aanbesteding.assemble.blocks import Block, Bullets, Heading, Para, Table, text_blocks
from aanbesteding.compose.annex import Annex, Requirement
from aanbesteding.domain import (
    SCALE_LABELS,
    SOV_NAMES,
    SOVS,
    Kind,
)

TITLE = "Eisen digitale autonomie en soevereiniteit"
KO = "KO"
SHORT_EVIDENCE = 120  # characters of the wijze van aantonen in the overview table


def kind_label(req: Requirement) -> str:
    return {Kind.EIS: "KO-eis", Kind.WENS: "Wens", Kind.BEPALING: "Bepaling"}[req.kind]


def heading_text(req: Requirement) -> str:
    """``E-01 (KO) Titel`` for an eis: the knock-out status is visible in the heading."""
    mark = f" ({KO})" if req.kind is Kind.EIS else ""
    return f"{req.number}{mark} {req.title}"


def flat(text: str) -> str:
    """A library text as one paragraph: its lines joined as in :func:`text_blocks`."""
    return " ".join(line.strip() for line in text.splitlines() if line.strip())


def introduction(annex: Annex) -> list[Block]:
    """Chapter 1: purpose, tier, contract type, kinds of requirements, general terms (the
    texts are the library chapter ``inleiding``; the tier description is chapter ``lagen``)."""

    def text(key: str) -> str:
        return flat(annex.text("inleiding", key))

    rationale = flat(annex.text("lagen", annex.tender.laag.key))
    return [
        Heading(1, f"1 {text('titel')}"),
        Heading(2, f"1.1 {text('doel_kop')}"),
        Para(text("doel")),
        Para(text("omvang")),
        Heading(2, f"1.2 {text('indeling_kop')}"),
        Para(f"{text('indeling')} {rationale}"),
        Para(text("proportionaliteit")),
        Heading(2, f"1.3 {text('contracttype_kop')}"),
        Para(text("contracttype")),
        Heading(2, f"1.4 {text('soorten_kop')}"),
        *text_blocks(annex.text("inleiding", "soorten")),
        Heading(2, f"1.5 {text('aantonen_kop')}"),
        Para(text("aantonen")),
        Heading(2, f"1.6 {text('voorwaarden_kop')}"),
        Para(text("voorwaarden")),
    ]


_DELIVERS = re.compile(
    r"^De Inschrijver (?:voegt|levert) (?:bij|met) zijn Inschrijving(?: het "
    r"volgende)?(?:,[^:]*)?:?(?: |$)",
    re.IGNORECASE,
)
_ACCEPTS = re.compile(
    r"^De Inschrijver (?:aanvaardt deze (?:bepaling|clausule)|verklaart in zijn "
    r"Inschrijving, ondertekend door een tekenbevoegde, dat hij deze "
    r"(?:bepaling|clausule) zonder voorbehoud aanvaardt)"
)
_DECLARES_ESPD = re.compile(
    r"^De Inschrijver verklaart in het Uniform Europees "
    r"Aanbestedingsdocument"
)
# Where the name of the first document ends: a comma, a bracket or a subordinate clause.
_NOUN_END = re.compile(
    r"[,:;]| \(|(?<!tot en) met | dat | waarin | waaruit | waarmee | waarbij | die "
    r"| toe\b| bij\b"
)
_DANGLING = re.compile(r" (?:of|en|tot|van|voor|aan)$")


def _short(text: str, number: str, limit: int = SHORT_EVIDENCE) -> str:
    """The wijze van aantonen in one fixed, grammatical short form for the overview table:
    the first document asked with the inschrijving, a signed acceptance, a statement in the
    UEA, the first sentence when it is short, or else a reference to the item. Never a
    sentence cut in the middle."""
    blocks = text_blocks(text)
    first = blocks[0] if blocks else None
    sentence = first.text if isinstance(first, Para) else re.sub(r"\s+", " ", text).strip()
    sentence = re.split(r"(?<=[.;])\s", sentence, maxsplit=1)[0]
    if _ACCEPTS.match(sentence):
        return "Ondertekende verklaring van aanvaarding bij de inschrijving."
    if _DECLARES_ESPD.match(sentence):
        return "Verklaring in het UEA; bewijsstukken op verzoek."
    delivered = _DELIVERS.match(sentence)
    if delivered:
        rest = sentence[delivered.end() :]
        if not rest.strip():  # the documents follow as a list
            items = next((b.items for b in blocks if isinstance(b, Bullets)), ())
            rest = items[0] if items else ""
        noun = _NOUN_END.split(rest, maxsplit=1)[0].strip().rstrip(".;:")
        if 0 < len(noun) <= limit and " " in noun and not _DANGLING.search(noun):
            return f"Stukken bij de inschrijving, waaronder {noun}."
    if len(sentence) <= limit and not sentence.endswith(":"):
        return sentence
    return f"Zie de wijze van aantonen bij {number}."


def weight_text(req: Requirement) -> str:
    if req.kind is Kind.EIS:
        return KO
    if req.weight is not None:
        return f"{req.weight} punten"
    if req.scored_in_sov_table:
        return "zie hoofdstuk 3"
    return "–"


def overview(annex: Annex) -> list[Block]:
    """Chapter 2: the Programma van Eisen at a glance, one row per item."""
    rows = tuple(
        (r.number, kind_label(r), r.title, _short(r.wijze_van_aantonen, r.number), weight_text(r))
        for r in annex.requirements
    )
    return [
        Heading(1, f"2 {flat(annex.text('bijlage', 'overzicht_titel'))}"),
        Para(flat(annex.text("bijlage", "overzicht"))),
        Table(("Nr.", "Soort", "Titel", "Wijze van aantonen (kort)", "Weging"), rows, (1.4, 1.9, 5.0, 5.9, 1.8)),
    ]


def definitions(annex: Annex, number: int) -> list[Block]:
    """The defined terms the selected clauses use."""
    rows = tuple((d.begrip, d.definitie) for d in annex.definitions)
    return [
        Heading(1, f"{number} {flat(annex.text('bijlage', 'begrippen_titel'))}"),
        Para(flat(annex.text("bijlage", "begrippen"))),
        Table(("Begrip", "Betekenis"), rows, (4.2, 11.8)),
    ]


def requirement_meta(req: Requirement) -> str:
    """One line under a requirement's heading: its kind, its weight, its objectives."""
    parts = [req.kind.label]
    if req.weight is not None:
        parts.append(f"weging {req.weight} punten")
    elif req.scored_in_sov_table and req.kind is Kind.WENS:
        parts.append("weegt mee via de Soevereiniteitsscore (hoofdstuk 3)")
    parts.append(", ".join(req.sov))
    return " · ".join(parts)


def scale_label(score: int, scale: tuple[int, ...] | list[int]) -> str:
    labels = SCALE_LABELS if tuple(scale) == tuple(SCALE_LABELS) else {}
    return f"{score} – {labels[score]}" if score in labels else str(score)


def scoring_table(req: Requirement, scale: tuple[int, ...] | list[int]) -> Table:
    """The scoring guidance of a wens; for the Sovereignty Score its keys are the percentages
    per objective, the unit the grid takes."""
    if req.scored_in_sov_table:
        rows = tuple((f"{score}%", text) for score, text in req.scoring_guidance.items())
        return Table(("Score per doelstelling", "Wat de Inschrijving daarvoor biedt"), rows, (3.5, 12.5))
    rows = tuple((scale_label(score, scale), text) for score, text in req.scoring_guidance.items())
    return Table(("Score", "Wat de Inschrijving daarvoor biedt"), rows, (3.5, 12.5))


def _up_to(level: int) -> str:
    return {0: "geen bewijs", 1: "niveau 1", 2: "niveau 1 en 2"}.get(level, f"niveau 1 tot en met {level}")


def seal_tables(annex: Annex) -> list[Block]:
    """Minimum SEAL per objective, and the evidence that establishes each level."""
    minimum = tuple(
        (
            sov,
            SOV_NAMES[sov],
            f"SEAL-{level} ({_up_to(level)} van de tabel hieronder)"
            if (level := annex.min_seal.get(sov)) is not None
            else "geen minimum",
        )
        for sov in SOVS
    )
    blocks: list[Block] = [
        Para(flat(annex.text("bijlage", "seal_minimum"))),
        Table(("Doelstelling", "Omschrijving", "Minimaal SEAL-niveau"), minimum, (2.4, 7.6, 6.0)),
    ]
    return [*blocks, *evidence_table(annex)]


def evidence_table(annex: Annex) -> list[Block]:
    """The evidence that establishes each SEAL level, per objective (from beleid.yaml)."""
    evidence = tuple(
        (f"{sov} {SOV_NAMES[sov]}" if level == min(levels) else sov, f"SEAL-{level}", text)
        for sov in SOVS
        if (levels := annex.seal_evidence.get(sov))
        for level, text in levels.items()
    )
    if not evidence:
        return []
    return [
        Para(flat(annex.text("bijlage", "seal_bewijs"))),
        Table(("Doelstelling", "Niveau", "Bewijs"), evidence, (4.4, 1.6, 10.0)),
    ]
