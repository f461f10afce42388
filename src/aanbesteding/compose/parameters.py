"""Parameter overrides from the officer (``--param NAAM=WAARDE``), checked against the library."""

from __future__ import annotations

from collections.abc import Mapping

from aanbesteding.errors import InputError
from aanbesteding.library.loader import Library
from aanbesteding.library.model import Parameter
from aanbesteding.render import getal

Value = str | int | float


def _convert(name: str, param: Parameter, raw: Value) -> Value:
    if param.type == "tekst":
        if not str(raw).strip():
            raise InputError(f"parameter '{name}': de waarde mag niet leeg zijn")
        return str(raw).strip()
    text = str(raw).strip().replace(",", ".")
    try:
        value: int | float = int(text) if param.type == "geheel-getal" else float(text)
    except (TypeError, ValueError):
        kind = "geheel getal" if param.type == "geheel-getal" else "getal"
        raise InputError(f"parameter '{name}': '{raw}' is geen {kind}") from None
    unit = f" {param.eenheid}" if param.eenheid else ""
    if param.minimum is not None and value < param.minimum:
        raise InputError(f"parameter '{name}': {getal(value)}{unit} ligt onder het minimum "
                         f"van {getal(param.minimum)}{unit}")
    if param.maximum is not None and value > param.maximum:
        raise InputError(f"parameter '{name}': {getal(value)}{unit} ligt boven het maximum "
                         f"van {getal(param.maximum)}{unit}")
    return value


def resolve_parameters(library: Library,
                       overrides: Mapping[str, Value]) -> dict[str, dict[str, Value]]:
    """Per clause id, the parameter values to use: defaults with the overrides applied.

    An override is ``naam`` (every clause that declares it) or ``clause-id.naam`` (one
    clause). Raises InputError for an unknown name, a bad type or a value out of bounds.
    """
    resolved = {c.clause.id: {n: p.standaard for n, p in c.clause.parameters.items()}
                for c in library.clauses}
    declared = {c.clause.id: c.clause.parameters for c in library.clauses}
    for key, raw in overrides.items():
        clause_id, _, name = key.rpartition(".")
        targets = [clause_id] if clause_id else [cid for cid, ps in declared.items() if name in ps]
        if clause_id and clause_id not in declared:
            raise InputError(f"parameter '{key}': onbekende clausule '{clause_id}'")
        if not targets or any(name not in declared[t] for t in targets):
            raise InputError(f"parameter '{key}' bestaat niet in de clausulebibliotheek; "
                             "'aanbesteding bibliotheek parameters' toont de beschikbare parameters")
        for target in targets:
            resolved[target][name] = _convert(key, declared[target][name], raw)
    return resolved
