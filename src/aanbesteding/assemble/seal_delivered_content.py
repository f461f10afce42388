"""Chapter 3's closed list of evidence that counts as delivered, and what it means for the score.

Both tables come from :mod:`aanbesteding.compose.seal_delivered` and the annex's own numbers and
minima, so the bijlage cannot say an objective differs where it does not (or the reverse).
"""

from __future__ import annotations

from aanbesteding.assemble.award_texts import text
from aanbesteding.assemble.blocks import Block, Para, Table
from aanbesteding.compose.annex import Annex
from aanbesteding.compose.seal_delivered import PART_NAMES, Effect, effects, listed


def _numbers(annex: Annex) -> dict[str, str]:
    return {r.clause_id: r.number for r in annex.requirements}


def _minima(annex: Annex) -> dict[str, int | None]:
    return annex.min_seal if annex.seal_minimum_applies else {}


def delivered_table(annex: Annex) -> list[Block]:
    """The closed list: per rung (or part of a rung) the annex parts that establish it."""
    rows = tuple(
        (r.sov, f"SEAL-{r.level}" + (" (deel)" if r.part else ""), r.what, ", ".join(dict.fromkeys(r.numbers)))
        for r in listed(_numbers(annex))
    )
    if not rows:
        return [Para(text(annex, "geleverd_geen"))]
    return [
        Para(text(annex, "geleverd_intro"), keep_with_next=True),
        Table(("Doelstelling", "Niveau", "Geldt als geleverd", "Onderdeel"), rows, (2.4, 2.0, 7.6, 4.0)),
    ]


def _points(value: float) -> str:
    return f"{value:.2f}".rstrip("0").rstrip(".").replace(".", ",")


def _levels(levels: list[int]) -> str:
    if len(levels) == 1:
        return f"niveau {levels[0]}"
    if len(levels) > 2 and levels == list(range(levels[0], levels[-1] + 1)):
        return f"niveau {levels[0]} tot en met {levels[-1]}"
    return "niveau " + ", ".join(map(str, levels[:-1])) + f" en {levels[-1]}"


def _difference(effect: Effect) -> str:
    if effect.least == 100:
        return "geen: iedere Inschrijving 100%"
    levels = [level for level in range(effect.floor + 1, effect.top + 1) if level not in effect.given]
    said = _levels(levels)
    if effect.given:
        said += f" ({_levels([g for g in effect.given if g <= effect.top])} geldt als geleverd)"
    for level, parts in effect.open_parts:
        if level <= effect.top:
            said += f"; van niveau {level} alleen nog {' en '.join(PART_NAMES[p] for p in parts)}"
    return said


def _source(effect: Effect) -> str:
    if effect.floor == 0:
        return "0%"
    why = "minimum" if effect.floor_by_minimum else "lijst"
    return f"{effect.least}% (SEAL-{effect.floor}, {why})"


def difference_table(annex: Annex) -> list[Block]:
    """Per objective: what every bid not excluded earns at least, and what still differs."""
    found = effects(_numbers(annex), _minima(annex), annex.weights)
    rows = tuple((e.sov, f"{e.weight}%", _source(e), _difference(e), _points(e.distinguishing)) for e in found)
    total = ("Samen", f"{sum(e.weight for e in found)}%", "", "", _points(sum(e.distinguishing for e in found)))
    return [
        Para(text(annex, "verschil_intro"), keep_with_next=True),
        Table(
            ("Doelstelling", "Gewicht", "Ten minste", "Verschil alleen op", "Ruimte"),
            (*rows, total),
            (2.4, 1.8, 3.8, 5.8, 2.2),
        ),
        Para(text(annex, "verschil_slot")),
    ]
