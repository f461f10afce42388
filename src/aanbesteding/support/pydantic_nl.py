"""Dutch messages for pydantic validation errors, located by field path."""

from __future__ import annotations

from collections.abc import Iterator

from pydantic import ValidationError
from pydantic_core import ErrorDetails

from aanbesteding.support.text import shorten

_MESSAGES: dict[str, str] = {
    "missing": "verplicht veld ontbreekt",
    "extra_forbidden": "onbekend veld (controleer de spelling; zie clauses/README.md)",
    "string_type": "moet tekst zijn",
    "int_type": "moet een geheel getal zijn",
    "int_parsing": "moet een geheel getal zijn",
    "int_from_float": "moet een geheel getal zijn",
    "float_type": "moet een getal zijn",
    "float_parsing": "moet een getal zijn",
    "list_type": "moet een lijst zijn",
    "dict_type": "moet een verzameling velden (mapping) zijn",
    "model_type": "moet een verzameling velden (mapping) zijn",
    "model_attributes_type": "moet een verzameling velden (mapping) zijn",
    "date_type": "moet een datum zijn (JJJJ-MM-DD)",
    "datetime_type": "moet een datum zijn (JJJJ-MM-DD)",
    "date_from_datetime_inexact": "moet een datum zonder tijdstip zijn (JJJJ-MM-DD)",
    "string_unicode": "moet geldige tekst (UTF-8) zijn",
    "int_parsing_size": "het getal is te groot",
    "finite_number": "moet een eindig getal zijn",
    "bool_type": "moet ja of nee (true/false) zijn",
    "bool_parsing": "moet ja of nee (true/false) zijn",
}


def _message(error: ErrorDetails) -> str:
    kind = error["type"]
    ctx = error.get("ctx", {})
    value = error.get("input")
    if kind == "literal_error":
        expected = str(ctx.get("expected", "")).replace(" or ", " of ")
        return f"ongeldige waarde {shorten(value)}; toegestaan: {expected}"
    if kind == "string_pattern_mismatch":
        return f"ongeldige waarde {shorten(value)}: voldoet niet aan het patroon {ctx.get('pattern')}"
    if kind == "string_too_short" or (kind == "too_short" and ctx.get("min_length", 1) <= 1):
        return "mag niet leeg zijn"
    if kind == "too_short":
        return f"moet minstens {ctx.get('min_length')} waarden hebben"
    if kind == "string_too_long":
        return f"mag hoogstens {ctx.get('max_length')} tekens lang zijn (gegeven: {len(str(value)):,} tekens)".replace(
            ",", "."
        )
    if kind == "too_long":
        return f"mag hoogstens {ctx.get('max_length')} waarden hebben"
    if kind in ("date_parsing", "date_from_datetime_parsing"):
        return f"{shorten(value)} is geen geldige datum (schrijf JJJJ-MM-DD, bijv. 2026-03-31)"
    if kind in ("greater_than_equal", "greater_than"):
        return f"moet minstens {ctx.get('ge', ctx.get('gt'))} zijn (gegeven: {shorten(value)})"
    if kind in ("less_than_equal", "less_than"):
        return f"mag hoogstens {ctx.get('le', ctx.get('lt'))} zijn (gegeven: {shorten(value)})"
    if kind == "value_error":
        return str(ctx.get("error", error["msg"]))
    if kind in _MESSAGES:
        return _MESSAGES[kind]
    return f"ongeldige waarde {shorten(value)}"


def field_path(loc: tuple[str | int, ...]) -> str:
    """``('lagen', 'kritiek')`` -> ``lagen.kritiek``; list positions as ``[0]``."""
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or "(bestand)"


def _clean_loc(loc: tuple[str | int, ...]) -> tuple[str | int, ...]:
    # Union members add their type name ('int', 'str', 'function-after[...]') to the path.
    skip = {"int", "float", "str", "constrained-str", "none", "bool"}
    return tuple(p for p in loc if not (isinstance(p, str) and (p in skip or "[" in p)))


def translate(exc: ValidationError) -> Iterator[tuple[tuple[str | int, ...], str]]:
    """Yield (location, Dutch message) per error, one per location."""
    seen: set[tuple[str | int, ...]] = set()
    for error in exc.errors():
        loc = _clean_loc(tuple(error["loc"]))
        if loc in seen:
            continue
        seen.add(loc)
        yield loc, _message(error)
