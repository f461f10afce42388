"""Parameter overrides from the officer (``--param NAAM=WAARDE``), checked against the library."""

from __future__ import annotations

import math
import re
from collections.abc import Mapping

from aanbesteding.errors import InputError, Ref
from aanbesteding.library.loader import Library
from aanbesteding.library.model import Parameter
from aanbesteding.render import getal
from aanbesteding.support.text import invalid_character_message, shorten

Value = str | int | float

# Plain decimal notation with ASCII digits only: no exponent, no '_' separators, no
# full-width or other Unicode digits (int() and float() accept all of those), no nan/inf.
_INTEGER = re.compile(r"[+-]?[0-9]{1,15}")
_DECIMAL = re.compile(r"[+-]?[0-9]{1,15}(?:[.,][0-9]{1,6})?")
MAX_TEXT = 1_000
_LIMIT = 10**15  # larger numbers have no place in a contract clause


def _text(name: str, raw: Value) -> str:
    text = str(raw).strip()
    if not text:
        raise InputError(f"parameter '{name}': de waarde mag niet leeg zijn")
    problem = invalid_character_message(text)
    if problem:
        raise InputError(f"parameter '{name}': de waarde {problem}")
    if len(text) > MAX_TEXT:
        raise InputError(
            f"parameter '{name}': de waarde is {len(text):,} tekens lang; het maximum is {MAX_TEXT:,}".replace(",", ".")
        )
    return text


def _number(name: str, param: Parameter, raw: object) -> int | float:
    """``raw`` (option text or a profile's YAML value) as the parameter's number type."""
    whole = param.type == "geheel-getal"
    kind = "geheel getal" if whole else "getal"
    wrong = InputError(
        f"parameter '{name}': {shorten(raw)} is geen {kind}"
        + (" (schrijf cijfers, bijv. 30)" if whole else " (schrijf bijv. 2,5)")
    )
    if isinstance(raw, bool):  # YAML true/false, which Python counts as 1/0
        raise wrong
    if isinstance(raw, int):
        value: int | float = raw
    elif isinstance(raw, float):
        if not math.isfinite(raw) or (whole and not raw.is_integer()):
            raise wrong
        value = int(raw) if whole else raw
    else:
        text = str(raw).strip()
        if not (_INTEGER if whole else _DECIMAL).fullmatch(text):
            raise wrong
        value = int(text) if whole else float(text.replace(",", "."))
    if abs(value) >= _LIMIT:
        raise InputError(f"parameter '{name}': {shorten(raw)} is te groot")
    return value


def _convert(name: str, param: Parameter, raw: Value) -> Value:
    if param.type == "tekst":
        return _text(name, raw)
    value = _number(name, param, raw)
    unit = f" {param.eenheid}" if param.eenheid else ""
    if param.minimum is not None and value < param.minimum:
        raise InputError(
            f"parameter '{name}': {getal(value)}{unit} ligt onder het minimum van {getal(param.minimum)}{unit}"
        )
    if param.maximum is not None and value > param.maximum:
        raise InputError(
            f"parameter '{name}': {getal(value)}{unit} ligt boven het maximum van {getal(param.maximum)}{unit}"
        )
    return value


def parameter_targets(library: Library, overrides: Mapping[str, Value]) -> dict[str, list[str]]:
    """Per override key, the ids of the clauses it changes.

    ``clause-id.naam`` names one clause; a bare ``naam`` every clause that declares it, but
    only when they all share type, unit and bounds: otherwise the value would be checked
    against bounds the officer did not see, so the name is ambiguous and InputError lists the
    ``CLAUSULE.NAAM`` choices. Raises InputError for an unknown clause or name.
    """
    declared = {c.clause.id: c.clause.parameters for c in library.clauses}
    targets: dict[str, list[str]] = {}
    for key in overrides:
        clause_id, _, name = key.rpartition(".")
        if clause_id and clause_id not in declared:
            raise InputError(f"parameter '{key}': onbekende clausule '{clause_id}'")
        found = [clause_id] if clause_id else [cid for cid, ps in declared.items() if name in ps]
        if not found or any(name not in declared[t] for t in found):
            raise InputError(
                f"parameter '{key}' bestaat niet in de clausulebibliotheek; "
                "'aanbesteding bibliotheek parameters' toont de beschikbare parameters"
            )
        shapes = {
            (declared[t][name].type, declared[t][name].eenheid, declared[t][name].minimum, declared[t][name].maximum)
            for t in found
        }
        if len(shapes) > 1:
            choices: list[str | Ref] = []
            for t in found:
                choices += ["\n  ", Ref("parameters"), f" {t}.{name}=WAARDE  ({_bounds(declared[t][name])})"]
            raise InputError(
                [
                    f"parameter '{key}' komt voor in {len(found)} clausules met "
                    "verschillende grenzen; kies de clausule:",
                    *choices,
                ]
            )
        targets[key] = found
    return targets


def _bounds(param: Parameter) -> str:
    unit = f" {param.eenheid}" if param.eenheid else ""
    low = getal(param.minimum) if param.minimum is not None else "—"
    high = getal(param.maximum) if param.maximum is not None else "—"
    return f"standaard {param.standaard}{unit}, minimaal {low}, maximaal {high}"


def resolve_parameters(library: Library, overrides: Mapping[str, Value]) -> dict[str, dict[str, Value]]:
    """Per clause id, the parameter values to use: defaults with the overrides applied.

    An override is ``naam`` (every clause that declares it, see :func:`parameter_targets`)
    or ``clause-id.naam`` (one clause). Raises InputError for an unknown or ambiguous name,
    a bad type or a value out of bounds.
    """
    resolved = {c.clause.id: {n: p.standaard for n, p in c.clause.parameters.items()} for c in library.clauses}
    declared = {c.clause.id: c.clause.parameters for c in library.clauses}
    for key, found in parameter_targets(library, overrides).items():
        name = key.rpartition(".")[2]
        for target in found:
            resolved[target][name] = _convert(key, declared[target][name], overrides[key])
    return resolved
