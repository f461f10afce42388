"""Semantic checks on validated clauses: templates, parameters, definitions, wensen."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from pathlib import Path

from aanbesteding.domain import CONTRACT_TYPES, Laag
from aanbesteding.errors import TemplateError
from aanbesteding.library.loader import LoadedClause
from aanbesteding.library.model import Clause, Definition, Parameter, wording_for
from aanbesteding.render import BUILTIN_NAMES, parse, render, unsafe_access, used_names
from aanbesteding.support.pydantic_nl import field_path

Report = Callable[[Path, int | None, str, str], None]
Loc = tuple[str | int, ...]

SCALE_STEPS = frozenset({0, 2, 4, 6, 8, 10})
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


def _check_parameter(name: str, param: Parameter) -> Iterator[tuple[Loc, str]]:
    loc: Loc = ("parameters", name, "standaard")
    value = param.standaard
    numeric = param.type in ("geheel-getal", "decimaal")
    if param.type == "geheel-getal" and (isinstance(value, bool) or not isinstance(value, int)):
        yield loc, f"standaardwaarde {value!r} is geen geheel getal"
        return
    if param.type == "decimaal" and not isinstance(value, int | float):
        yield loc, f"standaardwaarde {value!r} is geen getal"
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
                    yield render(getattr(wording, name), context, where=name)
                except TemplateError as exc:
                    yield (name,), f"{exc} (laag {laag.value}, {contract_type})"
                    return


def _check_wens(clause: Clause) -> Iterator[tuple[Loc, str]]:
    wens_tiers = [laag for laag in Laag if clause.lagen.for_tier(laag) == "wens"]
    if clause.beoordeling == "soevereiniteitstabel":
        # Such a wens weighs in through the sovereignty share of the total, not with points.
        if clause.weging is not None or any(
                (v := clause.varianten.for_tier(laag)) is not None and v.weging is not None
                for laag in Laag):
            yield ("weging",), ("een clausule die in de tabel Soevereiniteit wordt beoordeeld, "
                                "heeft geen weging in punten")
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
    for name, values in (("sov", clause.sov), ("risicos", clause.risicos),
                         ("contracttypen", clause.contracttypen), ("begrippen", clause.begrippen)):
        if len(set(values)) != len(values):
            yield (name,), "bevat een waarde meer dan eens"
    unknown = set(clause.contracttypen) - set(CONTRACT_TYPES)
    if unknown:
        yield ("contracttypen",), f"onbekende contracttypen {sorted(unknown)}"


def _check_definitions(clause: Clause, rendered: list[str],
                       definitions: Mapping[str, Definition]) -> Iterator[tuple[Loc, str]]:
    for index, term in enumerate(clause.begrippen):
        if term not in definitions:
            yield ("begrippen", index), f"begrip '{term}' staat niet in begrippen.yaml"
    found = terms_used("\n".join(dict.fromkeys(rendered)), definitions)
    for term in sorted(found - set(clause.begrippen)):
        yield ("begrippen",), f"begrip '{term}' komt in de tekst voor maar staat niet onder begrippen"
    for term in sorted(set(clause.begrippen) & set(definitions) - found):
        yield ("begrippen",), f"begrip '{term}' staat onder begrippen maar komt in geen tekst voor"


def check_clause(item: LoadedClause, definitions: Mapping[str, Definition]) -> list[tuple[Loc, str]]:
    """All problems of one clause, as (field location, Dutch message)."""
    clause = item.clause
    problems: list[tuple[Loc, str]] = [*_check_structure(clause), *_check_wens(clause)]
    for name, param in clause.parameters.items():
        problems.extend(_check_parameter(name, param))
    template_problems = list(_check_templates(clause))
    problems.extend(template_problems)
    if template_problems:
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


def check_clauses(clauses: Iterable[LoadedClause], definitions: Mapping[str, Definition],
                  report: Report) -> None:
    """Run every clause check and report each problem with file, line and field."""
    for item in clauses:
        for loc, message in check_clause(item, definitions):
            report(item.path, item.line_of(*loc), field_path(loc), message)
