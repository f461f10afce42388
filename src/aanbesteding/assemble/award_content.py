"""The bijlage's chapter on assessment and award, as format-neutral blocks.

The bijlage works out one (sub)criterion of the aanbestedingsleidraad's award model and says so
in a schakelbepaling; it prints a total formula only when the officer gave the leidraad's full
model, and then exactly that model. It publishes what a bidder needs to predict its score
(Richtlijn 2014/24/EU art. 67 lid 5): what excludes, the knock-outs and minimum SEAL levels with
their evidence, the scale of the wensen, the percentage per SEAL level and the weights, the
rounding rule and the beslisregel. The grid (:mod:`aanbesteding.writers.xlsx`) computes exactly
this; the texts are in :mod:`aanbesteding.assemble.award_texts`.
"""

from __future__ import annotations

from collections.abc import Callable

from aanbesteding.assemble.annex_content import evidence_table, scale_label, seal_tables
from aanbesteding.assemble.award_texts import text
from aanbesteding.assemble.blocks import Block, Bullets, Heading, Para, Table
from aanbesteding.assemble.seal_delivered_content import delivered_table, difference_table
from aanbesteding.compose.annex import Annex
from aanbesteding.compose.award import AwardModel
from aanbesteding.compose.seal_score import SEAL_PERCENTAGES
from aanbesteding.domain import SOV_NAMES, SOVS, Kind

CHAPTER = 3


def leidraad(award: AwardModel) -> str:
    """Where the leidraad sets the award criteria, or the generic name."""
    if award.gunning and award.gunning.leidraad:
        return award.gunning.leidraad
    return "de aanbestedingsleidraad"


def total_formula(award: AwardModel) -> str:
    """The leidraad's model as one line: ``30% × K1 Functionaliteit + ... + 40% × prijsscore``."""
    return award.total_formula()


def _place(annex: Annex, nr: str) -> list[Block]:
    award = annex.award
    blocks: list[Block] = [Heading(2, f"{nr} {text(annex, 'plaats_kop')}")]
    if not award.part:
        return [*blocks, Para(text(annex, "plaats_geen_deel"))]
    g = award.gunning
    if g and g.leidraad and g.subcriterium and award.share:
        blocks.append(Para(text(annex, "plaats_schakel")))
    blocks.append(Para(text(annex, "plaats_voorrang")))
    if award.missing:
        blocks += [Para(text(annex, "plaats_concept")), Bullets(award.missing)]
    return blocks


def _exclusion(annex: Annex, nr: str) -> list[Block]:
    rules = exclusion_rules(annex)
    blocks: list[Block] = [
        Heading(2, f"{nr} {text(annex, 'uitsluiting_kop')}"),
        Para(text(annex, "uitsluiting_intro")),
        Bullets(rules),
        Para(text(annex, "uitsluiting_gevolg")),
    ]
    if annex.seal_minimum_applies:
        blocks += [*seal_tables(annex), *delivered_table(annex)]
    return blocks


def exclusion_rules(annex: Annex) -> tuple[str, ...]:
    """What excludes a bid, in the words the bijlage and the grid both print."""
    rules = [text(annex, "uitsluiting_eis")]
    if annex.of_kind(Kind.BEPALING):
        rules.append(text(annex, "uitsluiting_bepaling"))
    if annex.seal_minimum_applies:
        rules.append(text(annex, "uitsluiting_seal"))
    last = rules[-1].rstrip(";")
    return (*rules[:-1], last if last.endswith(".") else f"{last}.")


def subcriterion_formula(annex: Annex) -> str:
    """How the sub-criterion's score is built from the wensen and the Sovereignty Score."""
    award = annex.award
    if award.sov_share == 0:
        return text(annex, "opbouw_alleen_wensen")
    if award.wensen_share == 0:
        return text(annex, "opbouw_alleen_sov")
    return text(annex, "opbouw_formule")


def _build_up(annex: Annex, nr: str) -> list[Block]:
    return [Heading(2, f"{nr} {text(annex, 'opbouw_kop')}"), Para(subcriterion_formula(annex))]


def _wensen(annex: Annex, nr: str) -> list[Block]:
    scale = tuple(annex.tender.schaal)
    rows = tuple((scale_label(step, scale),) for step in sorted(scale, reverse=True))
    return [
        Heading(2, f"{nr} {text(annex, 'wensen_kop')}"),
        Para(text(annex, "wensen_methode")),
        Table(("Score",), rows, (6.0,)),
    ]


def _sovereignty(annex: Annex, nr: str) -> list[Block]:
    weights = tuple((sov, SOV_NAMES[sov], f"{annex.weights.get(sov, 0)}%") for sov in SOVS)
    steps = tuple((sov, *(f"{p}%" for p in SEAL_PERCENTAGES[sov])) for sov in SOVS)
    return [
        Heading(2, f"{nr} {text(annex, 'sov_kop')}"),
        Para(text(annex, "sov_methode")),
        Para(text(annex, "sov_vaststelling")),
        Table(
            ("Doelstelling", "SEAL-0", "SEAL-1", "SEAL-2", "SEAL-3", "SEAL-4"), steps, (4.0, 2.4, 2.4, 2.4, 2.4, 2.4)
        ),
        Bullets((text(annex, "sov_formule"),)),
        *([] if annex.seal_minimum_applies else [*evidence_table(annex), *delivered_table(annex)]),
        Para(text(annex, "sov_gewichten"), keep_with_next=True),
        Table(("Doelstelling", "Omschrijving", "Gewicht"), weights, (2.4, 10.6, 3.0)),
        *difference_table(annex),
    ]


def _price(annex: Annex) -> list[Block]:
    award, t = annex.award, annex.tender
    if not (award.gunning and award.gunning.price):
        return []
    if t.prijsmethode == "gunnen-op-waarde":
        return [Para(text(annex, "prijs_waarde"))]
    definition = award.gunning.prijsdefinitie
    if t.pmin is None or t.pmax is None or definition is None:
        return [Para(text(annex, "prijs_open"))]
    return [Para(text(annex, "prijs_gewogen"))]


def _total(annex: Annex, nr: str) -> list[Block]:
    award = annex.award
    blocks: list[Block] = [Heading(2, f"{nr} {text(annex, 'totaal_kop')}")]
    if award.has_model:
        blocks.append(Para(text(annex, "totaal_model")))
        blocks += _price(annex)
    elif award.part:
        blocks.append(Para(text(annex, "totaal_geen_model")))
    blocks.append(Para(text(annex, "afronding")))
    if award.gunning and award.gunning.beslisregel:
        blocks.append(Para(text(annex, "beslisregel")))
    else:
        blocks.append(Para(text(annex, "beslisregel_open")))
    return blocks


def award(annex: Annex) -> list[Block]:
    """Chapter 3: how bids are assessed and where that sits in the leidraad's award model."""
    parts: list[Callable[[Annex, str], list[Block]]] = [_place, _exclusion]
    model = annex.award
    if model.part:
        parts.append(_build_up)
        if model.wensen_share:
            parts.append(_wensen)
        if model.sov_share:
            parts.append(_sovereignty)
    if model.part or model.has_model:
        parts.append(_total)
    blocks: list[Block] = [Heading(1, f"{CHAPTER} Beoordeling en gunning")]
    for index, build in enumerate(parts, start=1):
        blocks += build(annex, f"{CHAPTER}.{index}")
    return blocks
