"""The bijlage's chapter on assessment and award, as format-neutral blocks.

The bijlage works out one (sub)criterion of the aanbestedingsleidraad's award model and says so
in a schakelbepaling; it prints a total formula only when the officer gave the leidraad's full
model, and then exactly that model. It publishes what a bidder needs to predict its score
(Richtlijn 2014/24/EU art. 67 lid 5): what excludes, the knock-outs and minimum SEAL levels with
their evidence, the scale of the wensen, the percentage per SEAL level and the weights, the
rounding rule and the beslisregel. The grid (:mod:`aanbesteding.writers.xlsx`) computes exactly
this; the texts are in :mod:`aanbesteding.writers.award_texts`.
"""

from __future__ import annotations

from collections.abc import Callable

from aanbesteding.compose.annex import Annex
from aanbesteding.compose.award import AwardModel
from aanbesteding.compose.seal_score import SEAL_PERCENTAGES
from aanbesteding.domain import SOV_NAMES, SOVS, WEIGHT_PROFILE_LABELS, Kind
from aanbesteding.render import bedrag
from aanbesteding.writers.annex_content import evidence_table, scale_label, seal_tables
from aanbesteding.writers.award_texts import text
from aanbesteding.writers.blocks import Block, Bullets, Heading, Para, Table

CHAPTER = 3


def leidraad(award: AwardModel) -> str:
    """Where the leidraad sets the award criteria, or the generic name."""
    if award.gunning and award.gunning.leidraad:
        return award.gunning.leidraad
    return "de aanbestedingsleidraad"


def total_formula(award: AwardModel) -> str:
    """The leidraad's model as one line: ``30% × K1 Functionaliteit + ... + 40% × prijsscore``."""
    assert award.gunning is not None
    return " + ".join(f"{c.weging}% × " + ("prijsscore" if c.prijs else f"score {c.naam}")
                      for c in award.gunning.criteria)


def _place(annex: Annex, nr: str) -> list[Block]:
    award = annex.award
    blocks: list[Block] = [Heading(2, f"{nr} {text('plaats.kop')}")]
    if not award.part:
        return [*blocks, Para(text("plaats.geen_deel", reason=award.reason,
                                   leidraad=leidraad(award)))]
    g = award.gunning
    if g and g.leidraad and g.subcriterium and award.share:
        blocks.append(Para(text("plaats.schakel", leidraad=g.leidraad, sub=g.subcriterium,
                                share=award.share)))
    if award.missing:
        blocks += [Para(text("plaats.concept")), Bullets(award.missing)]
    return blocks


def _exclusion(annex: Annex, nr: str) -> list[Block]:
    rules = exclusion_rules(annex)
    blocks: list[Block] = [Heading(2, f"{nr} {text('uitsluiting.kop')}"),
                           Para(text("uitsluiting.intro")), Bullets(rules),
                           Para(text("uitsluiting.gevolg"))]
    if annex.seal_minimum_applies:
        blocks += seal_tables(annex)
    return blocks


def exclusion_rules(annex: Annex) -> tuple[str, ...]:
    """What excludes a bid, in the words the bijlage and the grid both print."""
    rules = [text("uitsluiting.eis")]
    if annex.of_kind(Kind.BEPALING):
        rules.append(text("uitsluiting.bepaling"))
    if annex.seal_minimum_applies:
        rules.append(text("uitsluiting.seal"))
    last = rules[-1].rstrip(";")
    return (*rules[:-1], last if last.endswith(".") else f"{last}.")


def subcriterion_formula(award: AwardModel) -> str:
    """How the sub-criterion's score is built from the wensen and the Sovereignty Score."""
    sub = award.subcriterion
    if award.sov_share == 0:
        return text("opbouw.alleen_wensen", sub=sub)
    if award.wensen_share == 0:
        return text("opbouw.alleen_sov", sub=sub)
    return text("opbouw.formule", sub=sub, wensen=award.wensen_share, sov=award.sov_share)


def _build_up(annex: Annex, nr: str) -> list[Block]:
    award = annex.award
    return [Heading(2, f"{nr} {text('opbouw.kop', sub=award.subcriterion)}"),
            Para(subcriterion_formula(award))]


def _wensen(annex: Annex, nr: str) -> list[Block]:
    scale = tuple(annex.tender.schaal)
    total = sum(r.weight or 0 for r in annex.of_kind(Kind.WENS) if not r.scored_in_sov_table)
    rows = tuple((scale_label(step, scale),) for step in sorted(scale, reverse=True))
    return [
        Heading(2, f"{nr} {text('wensen.kop')}"),
        Para(text("wensen.methode", top=max(scale), total=total)),
        Table(("Score",), rows, (6.0,)),
    ]


def _sovereignty(annex: Annex, nr: str) -> list[Block]:
    profile = WEIGHT_PROFILE_LABELS.get(annex.tender.weging, annex.tender.weging)
    weights = tuple((sov, SOV_NAMES[sov], f"{annex.weights.get(sov, 0)}%") for sov in SOVS)
    steps = tuple((sov, *(f"{p}%" for p in SEAL_PERCENTAGES[sov])) for sov in SOVS)
    return [
        Heading(2, f"{nr} {text('sov.kop')}"),
        Para(text("sov.methode", profile=profile)),
        Para(text("sov.vaststelling")),
        Table(("Doelstelling", "SEAL-0", "SEAL-1", "SEAL-2", "SEAL-3", "SEAL-4"), steps,
              (4.0, 2.4, 2.4, 2.4, 2.4, 2.4)),
        Bullets((text("sov.formule"),)),
        *([] if annex.seal_minimum_applies else evidence_table(annex)),
        Table(("Doelstelling", "Omschrijving", "Gewicht"), weights, (2.4, 10.6, 3.0)),
    ]


def _price(annex: Annex) -> list[Block]:
    award, t = annex.award, annex.tender
    if not (award.gunning and award.gunning.price):
        return []
    if t.prijsmethode == "gunnen-op-waarde":
        return [Para(text("prijs.waarde", leidraad=leidraad(award)))]
    definition = award.gunning.prijsdefinitie
    if t.pmin is None or t.pmax is None or definition is None:
        return [Para(text("prijs.open"))]
    return [Para(text("prijs.gewogen", pmin=bedrag(t.pmin), pmax=bedrag(t.pmax),
                      definition=definition.rstrip(".")))]


def _total(annex: Annex, nr: str) -> list[Block]:
    award = annex.award
    what = "totaalscore" if award.has_model or not award.part else \
        f"score op {award.subcriterion}"
    blocks: list[Block] = [Heading(2, f"{nr} {text('totaal.kop')}")]
    if award.has_model:
        blocks.append(Para(text("totaal.model", leidraad=leidraad(award),
                                formula=total_formula(award))))
        blocks += _price(annex)
    elif award.part:
        blocks.append(Para(text("totaal.geen_model", leidraad=leidraad(award),
                                sub=award.subcriterion)))
    blocks.append(Para(text("afronding", decimals=award.decimals, what=what)))
    if award.gunning and award.gunning.beslisregel:
        blocks.append(Para(text("beslisregel", what=what,
                                rule=award.gunning.beslisregel.rstrip("."))))
    else:
        blocks.append(Para(text("beslisregel.open")))
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
