"""The expensive lint: parse every clause text, render it for every tier and contract type in
the sandbox, and check the defined terms against the rendered wording.

It is a pure function of a clause's bytes, the definitions and the tool version, which is
what :mod:`aanbesteding.library.cache` keys its results on.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping

from aanbesteding.domain import Laag
from aanbesteding.errors import TemplateError
from aanbesteding.library.model import Clause, Definition, wording_for
from aanbesteding.render import BUILTIN_NAMES, parse, render, unsafe_access, used_names

Loc = tuple[str | int, ...]

SAMPLE_ORGANISATION = "Gemeente Voorbeeld"


def text_fields(clause: Clause) -> Iterator[tuple[Loc, str]]:
    """Every template text of a clause with its field location."""
    for name in ("tekst", "toelichting", "wijze_van_aantonen"):
        yield (name,), getattr(clause, name)
    for laag in Laag:
        variant = clause.varianten.for_tier(laag)
        if variant is None:
            continue
        for name in ("tekst", "toelichting", "wijze_van_aantonen"):
            value = getattr(variant, name)
            if value is not None:
                yield ("varianten", laag.key, name), value


def _plural_forms(term: str) -> list[str]:
    head, _, last = term.rpartition(" ")
    prefix = f"{head} " if head else ""
    forms = {last, last + "en", last + "s", last + "n"}
    shortened = re.sub(r"([aeou])\1([^aeiou])$", r"\1\2", last)
    if shortened != last:
        forms.add(shortened + "en")
    return sorted((prefix + f for f in forms), key=len, reverse=True)


def terms_used(text: str, terms: Iterable[str]) -> set[str]:
    """Defined terms that occur in ``text`` as whole words (longest terms first)."""
    remaining = re.sub(r"\s+", " ", text)
    found: set[str] = set()
    for term in sorted(terms, key=len, reverse=True):
        pattern = "|".join(re.escape(f) for f in _plural_forms(term))
        regex = re.compile(rf"(?<![\w-])(?:{pattern})(?![\w-])")
        if regex.search(remaining):
            found.add(term)
            remaining = regex.sub("\0", remaining)
    return found


def _check_templates(clause: Clause) -> Iterator[tuple[Loc, str]]:
    used: set[str] = set()
    for loc, source in text_fields(clause):
        try:
            parse(source)
        except TemplateError as exc:
            yield loc, str(exc)
            continue
        unsafe = unsafe_access(source)
        if unsafe:
            yield loc, ("de tekst gebruikt niet-toegestane sjabloonconstructies "
                        f"({', '.join(sorted(set(unsafe)))}); alleen namen, filters en "
                        "vergelijkingen zijn toegestaan")
            continue
        names = used_names(source)
        used |= names
        for name in sorted(names - set(clause.parameters) - BUILTIN_NAMES):
            yield loc, f"de tekst gebruikt '{name}', maar dat is geen gedeclareerde parameter"
    for name in sorted(set(clause.parameters) - used):
        yield ("parameters", name), "parameter is gedeclareerd maar wordt in geen tekst gebruikt"


def _render_all(clause: Clause) -> Iterator[tuple[Loc, str] | str]:
    """Render every applicable tier x contract type; yield problems or rendered texts."""
    params = {name: p.standaard for name, p in clause.parameters.items()}
    for laag in Laag:
        if clause.lagen.for_tier(laag) is None:
            continue
        wording = wording_for(clause, laag)
        for contract_type in clause.contracttypen:
            context = {**params, "laag": laag.value, "contracttype": contract_type,
                       "organisatie": SAMPLE_ORGANISATION, "aandeel_kwaliteit": 40,
                       "aandeel_soevereiniteit": 30, "aandeel_prijs": 30}
            for name in ("tekst", "toelichting", "wijze_van_aantonen"):
                try:
                    yield render(getattr(wording, name), context, where="")
                except TemplateError as exc:
                    yield (name,), f"{exc} (laag {laag.value}, {contract_type})"
                    return


def _check_definitions(clause: Clause, rendered: list[str],
                       definitions: Mapping[str, Definition]) -> Iterator[tuple[Loc, str]]:
    found = terms_used("\n".join(dict.fromkeys(rendered)), definitions)
    for term in sorted(found - set(clause.begrippen)):
        yield ("begrippen",), f"begrip '{term}' komt in de tekst voor maar staat niet onder begrippen"
    for term in sorted(set(clause.begrippen) & set(definitions) - found):
        yield ("begrippen",), f"begrip '{term}' staat onder begrippen maar komt in geen tekst voor"


def lint_clause(clause: Clause, definitions: Mapping[str, Definition]) -> list[tuple[Loc, str]]:
    """All lint problems of one clause, as (field location, Dutch message)."""
    problems = list(_check_templates(clause))
    if problems:
        return problems
    rendered: list[str] = []
    for result in _render_all(clause):
        if isinstance(result, str):
            rendered.append(result)
        else:
            problems.append(result)
    if rendered:
        problems.extend(_check_definitions(clause, rendered, definitions))
    return problems
