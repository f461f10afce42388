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
            raise InputError(f"parameter '{key}' bestaat niet in de clausulebibliotheek; "
                             "'aanbesteding bibliotheek parameters' toont de beschikbare parameters")
        shapes = {(declared[t][name].type, declared[t][name].eenheid, declared[t][name].minimum,
                   declared[t][name].maximum) for t in found}
        if len(shapes) > 1:
            choices = "\n".join(f"  --param {t}.{name}=WAARDE  ({_bounds(declared[t][name])})"
                                 for t in found)
            raise InputError(f"parameter '{key}' komt voor in {len(found)} clausules met "
                             f"verschillende grenzen; kies de clausule:\n{choices}")
        targets[key] = found
    return targets


def _bounds(param: Parameter) -> str:
    unit = f" {param.eenheid}" if param.eenheid else ""
    low = getal(param.minimum) if param.minimum is not None else "—"
    high = getal(param.maximum) if param.maximum is not None else "—"
    return f"standaard {param.standaard}{unit}, minimaal {low}, maximaal {high}"


def resolve_parameters(library: Library,
                       overrides: Mapping[str, Value]) -> dict[str, dict[str, Value]]:
    """Per clause id, the parameter values to use: defaults with the overrides applied.

    An override is ``naam`` (every clause that declares it, see :func:`parameter_targets`)
    or ``clause-id.naam`` (one clause). Raises InputError for an unknown or ambiguous name,
    a bad type or a value out of bounds.
    """
    resolved = {c.clause.id: {n: p.standaard for n, p in c.clause.parameters.items()}
                for c in library.clauses}
    declared = {c.clause.id: c.clause.parameters for c in library.clauses}
    for key, found in parameter_targets(library, overrides).items():
        name = key.rpartition(".")[2]
        for target in found:
            resolved[target][name] = _convert(key, declared[target][name], overrides[key])
    return resolved
