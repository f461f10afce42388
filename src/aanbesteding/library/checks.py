"""Cheap checks run on every load: structure, parameters, wensen, declared definitions.

They read the validated model only; nothing is parsed or rendered here (that is the lint's
job, :mod:`aanbesteding.library.lint`).
"""

from __future__ import annotations

import math
import re
from collections.abc import Collection, Iterator, Mapping

from pydantic import BaseModel

from aanbesteding.domain import CONTRACT_TYPES, Laag
from aanbesteding.library.model import Clause, Definition, Parameter, wording_for
from aanbesteding.support.text import invalid_character_message, shorten

Loc = tuple[str | int, ...]

SCALE_STEPS = frozenset({0, 2, 4, 6, 8, 10})
# The longest text in the standard library is under 2,000 characters; a text field this long
# is a paste gone wrong, and would make a clause run over pages in the annex.
MAX_TEXT = 20_000
MAX_NUMBER = 10**15


def _strings(value: object, loc: Loc) -> Iterator[tuple[Loc, str]]:
    if isinstance(value, str):
        yield loc, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _strings(key, loc)
            yield from _strings(item, (*loc, key))
    elif isinstance(value, list | tuple):
        for index, item in enumerate(value):
            yield from _strings(item, (*loc, index))


# In the model's JSON (UTF-8 bytes), a control character is an escape (\u000b, \b, \f); the
# bidirectional controls and non-characters stay as their UTF-8 bytes. A JSON without any of
# these needs no walk: the fast path for almost every clause.
_SUSPECT_ESCAPES = (b"\\u00", b"\\b", b"\\f", b"\\ud")
_SUSPECT_CHARACTERS = re.compile(b"\xe2\x80[\xaa-\xae]|\xe2\x81[\xa6-\xa9]|\xef\xbf[\xbe\xbf]")


def check_texts(model: BaseModel) -> Iterator[tuple[Loc, str]]:
    """Characters a Word or Excel file cannot hold, and texts far too long, in any field of a
    clause, the themes or the definitions."""
    try:
        dumped: bytes | None = model.__pydantic_serializer__.to_json(model)
    except ValueError:  # e.g. a lone surrogate; the walk below names it
        dumped = None
    if (
        dumped is not None
        and len(dumped) <= MAX_TEXT
        and not any(escape in dumped for escape in _SUSPECT_ESCAPES)
        and not _SUSPECT_CHARACTERS.search(dumped)
    ):
        return
    for loc, text in _strings(model.model_dump(mode="json"), ()):
        problem = invalid_character_message(text)
        if problem:
            yield loc, problem
        elif len(text) > MAX_TEXT:
            yield loc, (f"de tekst is {len(text):,} tekens lang; het maximum is {MAX_TEXT:,}".replace(",", "."))


def _check_parameter(name: str, param: Parameter) -> Iterator[tuple[Loc, str]]:
    loc: Loc = ("parameters", name, "standaard")
    value = param.standaard
    numeric = param.type in ("geheel-getal", "decimaal")
    if param.type == "geheel-getal" and (isinstance(value, bool) or not isinstance(value, int)):
        yield loc, f"standaardwaarde {value!r} is geen geheel getal"
        return
    if param.type == "decimaal" and (isinstance(value, bool) or not isinstance(value, int | float)):
        yield loc, f"standaardwaarde {shorten(value)} is geen getal"
        return
    for field, number in (("standaard", value), ("minimum", param.minimum), ("maximum", param.maximum)):
        if isinstance(number, int | float) and (not math.isfinite(number) or abs(number) >= MAX_NUMBER):
            yield (
                ("parameters", name, field),
                (f"{shorten(number)} is geen bruikbaar getal (eindig en kleiner dan 10^15)"),
            )
            return
    if param.type == "tekst" and not isinstance(value, str):
        yield loc, f"standaardwaarde {value!r} is geen tekst"
        return
    if not numeric and (param.minimum is not None or param.maximum is not None):
        yield ("parameters", name, "type"), "minimum en maximum gelden alleen voor getallen"
        return
    if param.minimum is not None and param.maximum is not None and param.minimum > param.maximum:
        yield ("parameters", name, "minimum"), "minimum is groter dan maximum"
    if numeric and isinstance(value, int | float):
        if param.minimum is not None and value < param.minimum:
            yield loc, f"standaardwaarde {value} ligt onder het minimum {param.minimum:g}"
        if param.maximum is not None and value > param.maximum:
            yield loc, f"standaardwaarde {value} ligt boven het maximum {param.maximum:g}"


def _check_wens(clause: Clause) -> Iterator[tuple[Loc, str]]:
    wens_tiers = [laag for laag in Laag if clause.lagen.for_tier(laag) == "wens"]
    if clause.beoordeling == "soevereiniteitstabel":
        # Such a wens weighs in through the sovereignty share of the total, not with points.
        if clause.weging is not None or any(
            (v := clause.varianten.for_tier(laag)) is not None and v.weging is not None for laag in Laag
        ):
            yield (
                ("weging",),
                ("een clausule die in de tabel Soevereiniteit wordt beoordeeld, heeft geen weging in punten"),
            )
        if wens_tiers and not clause.scoringsleidraad:
            yield ("scoringsleidraad",), "een wens heeft een scoringsleidraad nodig"
        return
    for laag in wens_tiers:
        if wording_for(clause, laag).weging is None:
            yield ("weging",), f"de clausule is een wens in laag {laag.value} maar heeft geen weging"
    if wens_tiers and not clause.scoringsleidraad:
        yield ("scoringsleidraad",), "een wens heeft een scoringsleidraad nodig"
    if not wens_tiers and (clause.weging is not None or clause.scoringsleidraad):
        yield ("weging",), "weging of scoringsleidraad opgegeven, maar de clausule is in geen laag een wens"
    if clause.scoringsleidraad:
        wrong = sorted(set(clause.scoringsleidraad) - SCALE_STEPS)
        if wrong:
            yield ("scoringsleidraad",), (f"scores {wrong} horen niet bij de schaal 0-2-4-6-8-10")


def _check_structure(clause: Clause) -> Iterator[tuple[Loc, str]]:
    if all(clause.lagen.for_tier(laag) is None for laag in Laag):
        yield ("lagen",), "de clausule is in geen enkele laag van toepassing"
    for laag in Laag:
        if clause.varianten.for_tier(laag) is not None and clause.lagen.for_tier(laag) is None:
            yield ("varianten", laag.key), f"variant voor laag {laag.value}, maar de clausule geldt daar niet"
    for name, values in (
        ("sov", clause.sov),
        ("risicos", clause.risicos),
        ("contracttypen", clause.contracttypen),
        ("begrippen", clause.begrippen),
    ):
        if len(set(values)) != len(values):
            yield (name,), "bevat een waarde meer dan eens"
    for laag in Laag:
        if laag.key in clause.vergrendeld and clause.lagen.for_tier(laag) is None:
            yield ("vergrendeld",), f"vergrendeld in laag {laag.value}, maar de clausule geldt daar niet"
    if len(set(clause.vergrendeld)) != len(clause.vergrendeld):
        yield ("vergrendeld",), "bevat een waarde meer dan eens"
    unknown = set(clause.contracttypen) - set(CONTRACT_TYPES)
    if unknown:
        yield ("contracttypen",), f"onbekende contracttypen {sorted(unknown)}"


TEXT_FIELDS = ("tekst", "toelichting", "verantwoording", "wijze_van_aantonen")


def text_fields(clause: Clause) -> Iterator[tuple[Loc, str]]:
    """Every template text of a clause with its field location."""
    for name in TEXT_FIELDS:
        value = getattr(clause, name)
        if value is not None:
            yield (name,), value
    for laag in Laag:
        variant = clause.varianten.for_tier(laag)
        if variant is None:
            continue
        for name in TEXT_FIELDS:
            value = getattr(variant, name)
            if value is not None:
                yield ("varianten", laag.key, name), value


# Starts with the literal R so the regex engine can skip ahead (a leading \b makes it try every
# position: 40 times slower over a library); the word boundary before R is checked by hand.
RISK_CODE = re.compile(r"R(?:1[01]|[1-9])\b")


def risk_codes(text: str) -> list[str]:
    """The risk codes (R1 to R11) a text names, in order, once each."""

    def standalone(start: int) -> bool:  # not preceded by a letter, digit or underscore
        before = text[start - 1 : start]
        return not (before.isalnum() or before == "_")

    return list(dict.fromkeys(m.group() for m in RISK_CODE.finditer(text) if standalone(m.start())))


BIDDER_FIELDS = ("tekst", "toelichting", "wijze_van_aantonen")


def check_risk_codes(clause: Clause) -> Iterator[tuple[Loc, str]]:
    """No risk code (R1 to R11) in a text bidders see: the ``risicos`` field records them, and
    the verantwoording shows them from there."""
    texts: list[tuple[Loc, str]] = [(("titel",), clause.titel)]
    texts.extend((loc, text) for loc, text in text_fields(clause) if loc[-1] in BIDDER_FIELDS)
    texts.extend((("scoringsleidraad", k), v) for k, v in (clause.scoringsleidraad or {}).items())
    for loc, text in texts:
        codes = risk_codes(text)
        if codes:
            yield (
                loc,
                f"de tekst noemt risicocode {', '.join(codes)}; inschrijvers zien deze tekst en de "
                "codes zijn intern: laat ze weg (het veld risicos legt ze vast en de verantwoording "
                "toont ze)",
            )


REFERENCE = re.compile(r"""["']([^"']*)["']\s*\|\s*verwijzing\b""")


def check_references(clause: Clause, known: Collection[str]) -> Iterator[tuple[Loc, str]]:
    """Every ``{{ "id" | verwijzing }}`` names a clause of the library."""
    for loc, text in text_fields(clause):
        for target in REFERENCE.findall(text):
            if target not in known:
                yield loc, f"verwijzing naar clausule '{target}', die niet in de bibliotheek staat"
            elif target == clause.id:
                yield loc, "een clausule verwijst naar zichzelf"


def _check_review(clause: Clause) -> Iterator[tuple[Loc, str]]:
    """An adopted clause names who reviewed it and when (legal's sign-off)."""
    if clause.status != "vastgesteld":
        return
    if not (clause.beoordeeld_door or "").strip():
        yield ("beoordeeld_door",), ("een vastgestelde clausule moet vermelden wie haar beoordeelde (beoordeeld_door)")
    if clause.beoordeeld_op is None:
        yield (
            ("beoordeeld_op",),
            ("een vastgestelde clausule moet de datum van de beoordeling vermelden (beoordeeld_op)"),
        )


def _check_declared_terms(clause: Clause, definitions: Mapping[str, Definition]) -> Iterator[tuple[Loc, str]]:
    for index, term in enumerate(clause.begrippen):
        if term not in definitions:
            yield ("begrippen", index), f"begrip '{term}' staat niet in begrippen.yaml"


def check_clause(clause: Clause, definitions: Mapping[str, Definition]) -> list[tuple[Loc, str]]:
    """The cheap problems of one clause, as (field location, Dutch message)."""
    problems: list[tuple[Loc, str]] = [
        *check_texts(clause),
        *_check_structure(clause),
        *_check_wens(clause),
        *_check_review(clause),
        *check_risk_codes(clause),
    ]
    for name, param in clause.parameters.items():
        problems.extend(_check_parameter(name, param))
    problems.extend(_check_declared_terms(clause, definitions))
    return problems
