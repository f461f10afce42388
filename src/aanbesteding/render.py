"""Sandboxed rendering of clause texts and the Dutch (babel) formatting filters.

Clause texts are untrusted data: they are rendered in a :class:`SandboxedEnvironment` with
:class:`StrictUndefined`, so an unknown name is an error and Python internals are out of reach.
The environment has no globals (no ``range``, ``lipsum``, ``cycler``, ``dict`` ...), only the
filters the clause format documents, and a budget: every render may run at most
:data:`MAX_ITERATIONS` loop steps and produce at most :data:`MAX_OUTPUT` characters; ``*``,
``+``, ``**``, ``%`` and ``~`` are checked so no value grows past that, and ``set``, ``with``,
macros, includes, attribute and item access and calls are refused before anything runs.
"""

from __future__ import annotations

import datetime as dt
import operator
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextvars import ContextVar
from decimal import Decimal
from functools import lru_cache
from typing import Any

from babel.dates import format_date
from babel.numbers import format_currency, format_decimal, format_percent
from jinja2 import StrictUndefined, Template, TemplateSyntaxError, meta, nodes, pass_context
from jinja2.exceptions import SecurityError, UndefinedError
from jinja2.runtime import Context
from jinja2.sandbox import SandboxedEnvironment

from aanbesteding.errors import TemplateError
from aanbesteding.support.text import invalid_character_message

LOCALE = "nl_NL"

# The context key under which composition passes the numbers of the clauses in the annex.
REFERENCES = "__verwijzingen__"
# What a reference renders as where no numbers are known (the lint renders clauses alone).
SAMPLE_REFERENCE = "B-00"

# Names every clause text may use besides its own parameters.
BUILTIN_NAMES: frozenset[str] = frozenset(
    {"laag", "contracttype", "route", "organisatie", "aandeel_kwaliteit", "aandeel_soevereiniteit", "aandeel_prijs"}
)


def bedrag(value: float | int | Decimal) -> str:
    """Format an amount in euros the Dutch way: ``€ 1.250.000,00``."""
    return str(format_currency(value, "EUR", locale=LOCALE))


def getal(value: float | int | Decimal) -> str:
    """Format a number the Dutch way: ``1.250`` or ``2,5``."""
    return str(format_decimal(value, locale=LOCALE))


def procent(value: float | int | Decimal) -> str:
    """Format a whole-number percentage: ``15`` -> ``15%``."""
    return str(format_percent(Decimal(str(value)) / 100, locale=LOCALE, format="#,##0.##%"))


def datum(value: dt.date) -> str:
    """Write a date out in Dutch: ``23 november 2026``."""
    return str(format_date(value, format="long", locale=LOCALE))


@pass_context
def verwijzing(context: Context, clause_id: object) -> str:
    """The number of another clause in this annex (``{{ "exitplan" | verwijzing }}`` -> B-04).

    A clause that is not in this annex is named by its title, with a note saying so.
    Raises SecurityError (reported as a template error) for an unknown clause id.
    """
    references = context.get(REFERENCES)
    if references is None:
        return SAMPLE_REFERENCE
    if not isinstance(references, dict) or clause_id not in references:
        raise UndefinedError(f"verwijzing naar onbekende clausule '{clause_id}'")
    return str(references[clause_id])


# The rendering budget of one clause text. The longest text in the standard library renders
# to about 2,000 characters without a loop; these limits leave ample room and stop a text
# that would hang the tool or fill its memory.
MAX_ITERATIONS = 10_000
MAX_OUTPUT = 100_000
MAX_EXPONENT = 64

# The filters the clause format documents (clauses/README.md); nothing else is available.
FILTERS: dict[str, Callable[..., str]] = {
    "bedrag": bedrag,
    "getal": getal,
    "procent": procent,
    "datum": datum,
    "verwijzing": verwijzing,
}
# Constructs a clause text has no use for; each reaches beyond plain text with names.
_FORBIDDEN_NODES: dict[type[nodes.Node], str] = {
    nodes.Getattr: "attribuut (.naam)",
    nodes.Getitem: "index ([...])",
    nodes.Call: "functieaanroep",
    nodes.Macro: "macro",
    nodes.CallBlock: "call-blok",
    nodes.Include: "include",
    nodes.Import: "import",
    nodes.FromImport: "import",
    nodes.Extends: "extends",
    nodes.Block: "block",
    nodes.FilterBlock: "filter-blok",
    nodes.Assign: "set",
    nodes.AssignBlock: "set",
    nodes.With: "with",
}
_FORBIDDEN_NAMES = frozenset({"self", "loop", "caller", "varargs", "kwargs"})


class BudgetExceeded(Exception):
    """A clause text needs more work or output than :data:`MAX_ITERATIONS`/:data:`MAX_OUTPUT`."""


class _Budget:
    def __init__(self) -> None:
        self.iterations = 0

    def step(self) -> None:
        self.iterations += 1
        if self.iterations > MAX_ITERATIONS:
            raise BudgetExceeded(f"meer dan {MAX_ITERATIONS:,} herhalingen".replace(",", "."))


_budget: ContextVar[_Budget] = ContextVar("aanbesteding_render_budget")


def _counted(iterable: Iterable[Any]) -> Iterator[Any]:
    """Every for loop iterates through this: each step is charged to the render's budget."""
    budget = _budget.get(None) or _Budget()
    for item in iterable:
        budget.step()
        yield item


def _size(value: Any, limit: int = MAX_OUTPUT) -> int:
    """About how many characters ``value`` becomes as text; stops counting past ``limit``."""
    if isinstance(value, str | bytes):
        return len(value)
    if isinstance(value, list | tuple | set | frozenset | dict):
        total = 0
        for item in value.items() if isinstance(value, dict) else value:
            total += 1 + _size(item, limit - total)
            if total > limit:
                break
        return total
    return 1


def _bounded(value: Any) -> Any:
    """Every printed value and every ``~`` joins through this: nothing grows past the budget."""
    if _size(value) > MAX_OUTPUT:
        raise BudgetExceeded(f"een waarde van meer dan {MAX_OUTPUT:,} tekens".replace(",", "."))
    return value


def _checked_binop(op: str, left: Any, right: Any) -> Any:
    """``*``, ``+``, ``**`` and ``%`` with their result size checked before they run."""
    too_big = BudgetExceeded(f"de uitkomst van '{op}' wordt te groot")
    if op == "+":
        if _size(left) + _size(right) > MAX_OUTPUT:
            raise too_big
        return operator.add(left, right)
    if op == "*":
        sequence, count = (left, right) if isinstance(right, int) else (right, left)
        if isinstance(count, int) and not isinstance(sequence, int | float) and _size(sequence) * count > MAX_OUTPUT:
            raise too_big
        return operator.mul(left, right)
    if op == "**":
        if isinstance(right, int | float) and abs(right) > MAX_EXPONENT:
            raise too_big
        if isinstance(left, int) and isinstance(right, int) and left.bit_length() * right > 4096:
            raise too_big
        return operator.pow(left, right)
    if isinstance(left, str) and _format_width(left) > MAX_OUTPUT:
        raise too_big
    return operator.mod(left, right)


def _format_width(pattern: str) -> int:
    """The largest field width or precision in a %-format string (``%99999d`` -> 99999); a
    width taken from the arguments (``%*d``) counts as unlimited."""
    if re.search(r"%[-+ #0]*\d*(?:\.)?\*", pattern):
        return MAX_OUTPUT + 1
    widths = re.findall(r"%[-+ #0]*(\d*)(?:\.(\d+))?", pattern)
    return max((int(number) for pair in widths for number in pair if number), default=0)


class _ClauseEnvironment(SandboxedEnvironment):
    intercepted_binops = frozenset({"*", "+", "**", "%"})

    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        return _checked_binop(operator, left, right)


@lru_cache(maxsize=1)
def environment() -> SandboxedEnvironment:
    """The one Jinja environment for clause texts: no globals, only the documented filters."""
    env = _ClauseEnvironment(
        undefined=StrictUndefined, autoescape=False, keep_trailing_newline=False, trim_blocks=True, lstrip_blocks=True
    )
    env.globals.clear()
    env.filters.clear()
    env.filters.update(FILTERS)
    env.filters["_herhaling"] = _counted
    env.filters["_begrensd"] = _bounded
    return env


@lru_cache(maxsize=4096)
def parse(source: str) -> nodes.Template:
    """Parse a clause text; raise TemplateError with a Dutch message on a syntax error."""
    try:
        return environment().parse(source)
    except TemplateSyntaxError as exc:
        raise TemplateError(f"sjabloonfout op regel {exc.lineno} van de tekst: {exc.message}") from exc


def used_names(source: str) -> set[str]:
    """Names a clause text reads from its context (parameters and built-ins)."""
    return set(meta.find_undeclared_variables(parse(source)))


def _walk(node: nodes.Node) -> Iterator[nodes.Node]:
    yield node
    for child in node.iter_child_nodes():
        yield from _walk(child)


def _forbidden(tree: nodes.Template) -> list[str]:
    found: list[str] = []
    for node in _walk(tree):
        if isinstance(node, nodes.Getattr):
            found.append(f".{node.attr}")
        elif isinstance(node, nodes.Getitem):
            found.append("[...]")
        elif type(node) in _FORBIDDEN_NODES:
            found.append(_FORBIDDEN_NODES[type(node)])
        elif isinstance(node, nodes.Name) and node.name in _FORBIDDEN_NAMES:
            found.append(node.name)
        elif isinstance(node, nodes.Filter) and node.name not in FILTERS:
            found.append(f"filter '{node.name}'")
        elif (
            isinstance(node, nodes.Filter)
            and node.name == "verwijzing"
            and not (isinstance(node.node, nodes.Const) and isinstance(node.node.value, str))
        ):
            found.append("verwijzing zonder vaste clausule-id")
    return found


def unsafe_access(source: str) -> list[str]:
    """Constructs a clause text has no business using.

    Clause texts only need plain names, the documented filters, comparisons and ``if``; any
    attribute or item access, call, macro, include, undocumented filter or special name
    (``self``, ``loop`` ...) is reported.
    """
    return _forbidden(parse(source))


def _message(where: str, text: str) -> str:
    return f"{where}: {text}" if where else text


@lru_cache(maxsize=4096)
def _compiled(source: str) -> Template:
    tree = environment().parse(source)  # a fresh tree: the one parse() caches stays untouched
    found = _forbidden(tree)
    if found:
        raise SecurityError(", ".join(sorted(set(found))))
    for loop in tree.find_all(nodes.For):
        loop.iter = nodes.Filter(loop.iter, "_herhaling", [], [], None, None, lineno=loop.lineno)
    for node in list(_walk(tree)):
        _bound_children(node)
    return environment().from_string(tree)


def _limit(node: nodes.Expr) -> nodes.Expr:
    return nodes.Filter(node, "_begrensd", [], [], None, None, lineno=node.lineno)


def _bound_children(node: nodes.Node) -> None:
    """Wrap every ``~`` join below ``node``, and every value an Output prints, in the size check."""
    for name, value in node.iter_fields():
        if isinstance(value, nodes.Concat):
            setattr(node, name, _limit(value))
        elif isinstance(value, list):
            printed = isinstance(node, nodes.Output)
            setattr(
                node,
                name,
                [
                    _limit(item)
                    if isinstance(item, nodes.Concat)
                    or (printed and isinstance(item, nodes.Expr) and not isinstance(item, nodes.TemplateData))
                    else item
                    for item in value
                ],
            )


def _render_within_budget(template: Template, context: dict[str, Any]) -> str:
    token = _budget.set(_Budget())
    try:
        parts: list[str] = []
        size = 0
        for part in template.generate(context):
            size += len(part)
            if size > MAX_OUTPUT:
                raise BudgetExceeded(f"meer dan {MAX_OUTPUT:,} tekens uitvoer".replace(",", "."))
            parts.append(part)
        return "".join(parts)
    finally:
        _budget.reset(token)


def render(source: str, context: Mapping[str, Any], *, where: str = "tekst") -> str:
    """Render a clause text in the sandbox, within the budget.

    Raises TemplateError naming ``where`` (left out when empty) for a syntax error, an unknown
    name, a forbidden construct, a text over budget, a character that cannot go into a Word
    or Excel file, or any other failure.
    """
    try:
        text = _render_within_budget(_compiled(source), dict(context)).strip()
    except TemplateSyntaxError as exc:
        raise TemplateError(_message(where, f"sjabloonfout op regel {exc.lineno}: {exc.message}")) from exc
    except UndefinedError as exc:
        raise TemplateError(_message(where, f"onbekende naam in de tekst ({exc.message})")) from exc
    except SecurityError as exc:
        raise TemplateError(_message(where, f"de tekst gebruikt niet-toegestane sjabloonconstructies ({exc})")) from exc
    except BudgetExceeded as exc:
        raise TemplateError(
            _message(
                where,
                f"de tekst vraagt te veel werk of tekst ({exc}); "
                f"toegestaan zijn {MAX_ITERATIONS:,} herhalingen en "
                f"{MAX_OUTPUT:,} tekens".replace(",", "."),
            )
        ) from exc
    except Exception as exc:  # any other failure inside untrusted template code
        raise TemplateError(_message(where, f"de tekst kan niet worden verwerkt ({exc})")) from exc
    problem = invalid_character_message(text)
    if problem:
        raise TemplateError(_message(where, f"de verwerkte tekst {problem}"))
    return text
