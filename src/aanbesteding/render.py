"""Sandboxed rendering of clause texts and the Dutch (babel) formatting filters.

Clause texts are untrusted data: they are rendered in a :class:`SandboxedEnvironment` with
:class:`StrictUndefined`, so an unknown name is an error and Python internals are out of reach.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping
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

LOCALE = "nl_NL"

# The context key under which composition passes the numbers of the clauses in the annex.
REFERENCES = "__verwijzingen__"
# What a reference renders as where no numbers are known (the lint renders clauses alone).
SAMPLE_REFERENCE = "B-00"

# Names every clause text may use besides its own parameters.
BUILTIN_NAMES: frozenset[str] = frozenset({"laag", "contracttype", "organisatie",
                                          "aandeel_kwaliteit", "aandeel_soevereiniteit",
                                          "aandeel_prijs"})


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


@lru_cache(maxsize=1)
def environment() -> SandboxedEnvironment:
    """The one Jinja environment for clause texts, with every filter registered here."""
    env = SandboxedEnvironment(undefined=StrictUndefined, autoescape=False,
                               keep_trailing_newline=False, trim_blocks=True,
                               lstrip_blocks=True)
    env.filters.update({"bedrag": bedrag, "getal": getal, "procent": procent, "datum": datum,
                        "verwijzing": verwijzing})
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


def unsafe_access(source: str) -> list[str]:
    """Attribute or item accesses a clause text has no business making.

    Clause texts only need plain names, filters and comparisons; any attribute starting with
    an underscore, and any attribute access or call at all, is reported.
    """
    found: list[str] = []
    for node in _walk(parse(source)):
        if isinstance(node, nodes.Getattr):
            found.append(f".{node.attr}")
        elif isinstance(node, nodes.Getitem):
            found.append("[...]")
        elif isinstance(node, nodes.Call):
            found.append("functieaanroep")
        elif (isinstance(node, nodes.Filter) and node.name == "verwijzing"
              and not (isinstance(node.node, nodes.Const) and isinstance(node.node.value, str))):
            found.append("verwijzing zonder vaste clausule-id")
    return found


@lru_cache(maxsize=4096)
def _compiled(source: str) -> Template:
    return environment().from_string(source)


def render(source: str, context: Mapping[str, Any], *, where: str = "tekst") -> str:
    """Render a clause text in the sandbox; raise TemplateError naming ``where`` on failure."""
    try:
        return _compiled(source).render(dict(context)).strip()
    except TemplateSyntaxError as exc:
        raise TemplateError(f"{where}: sjabloonfout op regel {exc.lineno}: {exc.message}") from exc
    except UndefinedError as exc:
        raise TemplateError(f"{where}: onbekende naam in de tekst ({exc.message})") from exc
    except SecurityError as exc:
        raise TemplateError(f"{where}: de tekst probeert buiten de sandbox te komen ({exc})") from exc
    except Exception as exc:  # any other failure inside untrusted template code
        raise TemplateError(f"{where}: de tekst kan niet worden verwerkt ({exc})") from exc
