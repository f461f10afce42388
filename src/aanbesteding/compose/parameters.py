"""Parameter overrides from the officer (``--param NAAM=WAARDE``), checked against the library."""

from __future__ import annotations

import math
import operator
import re
from collections.abc import Callable, Mapping
from functools import lru_cache
from typing import Any

from jinja2 import meta, nodes

from aanbesteding.errors import InputError, Ref
from aanbesteding.library.loader import Library
from aanbesteding.library.model import Parameter
from aanbesteding.render import getal, parse
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


_UNKNOWN = object()
_COMPARE: dict[str, Callable[[Any, Any], bool]] = {
    "eq": operator.eq,
    "ne": operator.ne,
    "lt": operator.lt,
    "gt": operator.gt,
    "lteq": operator.le,
    "gteq": operator.ge,
    "in": lambda a, b: a in b,
    "notin": lambda a, b: a not in b,
}


def _evaluate(node: nodes.Node, values: Mapping[str, Any]) -> Any:
    """The value of an ``{% if %}`` test from ``values``, or _UNKNOWN if it needs more."""
    try:
        if isinstance(node, nodes.Const):
            return node.value
        if isinstance(node, nodes.Name):
            return values.get(node.name, _UNKNOWN)
        if isinstance(node, nodes.List | nodes.Tuple):
            items = [_evaluate(item, values) for item in node.items]
            return _UNKNOWN if _UNKNOWN in items else items
        if isinstance(node, nodes.Not):
            value = _evaluate(node.node, values)
            return value if value is _UNKNOWN else not value
        if isinstance(node, nodes.And | nodes.Or):
            left, right = _evaluate(node.left, values), _evaluate(node.right, values)
            if _UNKNOWN in (left, right):
                return _UNKNOWN
            return (left and right) if isinstance(node, nodes.And) else (left or right)
        if isinstance(node, nodes.Compare):
            left = _evaluate(node.expr, values)
            for op in node.ops:
                right = _evaluate(op.expr, values)
                if _UNKNOWN in (left, right) or op.op not in _COMPARE:
                    return _UNKNOWN
                if not _COMPARE[op.op](left, right):
                    return False
                left = right
            return True
    except TypeError:  # e.g. 1 < "a": leave it to the renderer
        return _UNKNOWN
    return _UNKNOWN


def _reachable_names(node: nodes.Node, values: Mapping[str, Any], found: set[str]) -> None:
    """Add to ``found`` the names ``node`` reads, skipping the ``{% if %}`` branches that
    ``values`` rule out (a decided test's own names count: they choose the text)."""
    if isinstance(node, nodes.If):
        for branch in [node, *node.elif_]:
            taken = _evaluate(branch.test, values)
            if taken is _UNKNOWN:  # undecided: every remaining branch may apply
                for child in node.iter_child_nodes():
                    _reachable_names(child, values, found)
                return
            found.update(n.name for n in branch.test.find_all(nodes.Name))
            if taken:
                for child in branch.body:
                    _reachable_names(child, values, found)
                return
        for child in node.else_:
            _reachable_names(child, values, found)
        return
    if isinstance(node, nodes.Name) and node.ctx == "load":
        found.add(node.name)
    for child in node.iter_child_nodes():
        _reachable_names(child, values, found)


@lru_cache(maxsize=4096)
def _tested(source: str) -> tuple[frozenset[str], tuple[str, ...]]:
    """The names a text reads (jinja2's meta API) and the names its ``{% if %}`` tests read."""
    tree = parse(source)
    tests = {n.name for node in tree.find_all(nodes.If) for n in node.test.find_all(nodes.Name)}
    return frozenset(meta.find_undeclared_variables(tree)), tuple(sorted(tests))


@lru_cache(maxsize=4096)
def _names_used(source: str, decisive: tuple[tuple[str, Any], ...]) -> frozenset[str]:
    found: set[str] = set()
    _reachable_names(parse(source), dict(decisive), found)
    return frozenset(found) & _tested(source)[0]


def names_used(source: str, values: Mapping[str, Any]) -> set[str]:
    """The names a clause text reads when rendered with ``values``: the template's names
    (as jinja2's meta API finds them) in the ``{% if %}`` branches it takes for this tier,
    contract type and parameter values. Raises TemplateError for a template that does not parse."""
    decisive = tuple((name, values[name]) for name in _tested(source)[1] if name in values)
    try:
        return set(_names_used(source, decisive))
    except TypeError:  # an unhashable value: work it out without the cache
        return set(_names_used.__wrapped__(source, decisive))
