"""The expensive lint: parse every clause text, render it for every tier and contract type in
the sandbox, and check the defined terms against the rendered wording.

It is a pure function of a clause's bytes, the definitions and the tool version, which is
what :mod:`aanbesteding.library.cache` keys its results on.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from itertools import product
from typing import Protocol

from aanbesteding.domain import Laag
from aanbesteding.errors import Problem, TemplateError
from aanbesteding.library.checks import TEXT_FIELDS, text_fields
from aanbesteding.library.model import Clause, Definition, wording_for
from aanbesteding.render import BUILTIN_NAMES, parse, render, unsafe_access, used_names

# The legal grounds a laag-1 tender can give for seat or control conditions (tender.award.Route);
# a clause text may read them as `route`, so the lint renders it with each.
ROUTES = ("artikel-2.24", "evenredige-beperking")

Loc = tuple[str | int, ...]

SAMPLE_ORGANISATION = "Gemeente Voorbeeld"


class LoadedClauseLike(Protocol):
    @property
    def path(self) -> str: ...
    @property
    def clause(self) -> Clause: ...
    def line_of(self, *loc: str | int) -> int | None: ...


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
            yield (
                loc,
                (
                    "de tekst gebruikt niet-toegestane sjabloonconstructies "
                    f"({', '.join(sorted(set(unsafe)))}); alleen namen, filters en "
                    "vergelijkingen zijn toegestaan"
                ),
            )
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
        for contract_type, route in product(clause.contracttypen, ROUTES):
            context = {
                **params,
                "laag": laag.value,
                "contracttype": contract_type,
                "route": route,
                "organisatie": SAMPLE_ORGANISATION,
                "aandeel_kwaliteit": 40,
                "aandeel_soevereiniteit": 30,
                "aandeel_prijs": 30,
            }
            for name in TEXT_FIELDS:
                if getattr(wording, name) is None:
                    continue
                try:
                    yield render(getattr(wording, name), context, where="")
                except TemplateError as exc:
                    yield (name,), f"{exc} (laag {laag.value}, {contract_type})"
                    return


def _check_definitions(
    clause: Clause, rendered: list[str], definitions: Mapping[str, Definition]
) -> Iterator[tuple[Loc, str]]:
    found = terms_used("\n".join(dict.fromkeys(rendered)), definitions)
    for term in sorted(found - set(clause.begrippen)):
        yield ("begrippen",), f"begrip '{term}' komt in de tekst voor maar staat niet onder begrippen"
    for term in sorted(set(clause.begrippen) & set(definitions) - found):
        yield ("begrippen",), f"begrip '{term}' staat onder begrippen maar komt in geen tekst voor"


# Named standards, certificates and technical specifications. A requirement that names one must
# also accept an equivalent (Aanbestedingswet 2012 art. 2.76, Richtlijn 2014/24/EU art. 42 lid 3
# and art. 44 lid 2).
NAMED_STANDARDS: tuple[tuple[str, str], ...] = (
    ("ISO/IEC", r"\bISO/IEC\b"),
    ("ISO", r"\b(?:NEN-)?(?:EN-)?ISO(?!/IEC)\s*\d{3,5}\b"),
    ("NEN", r"\bNEN(?:-EN)?\s*\d{3,5}\b"),
    ("FIPS 140", r"\bFIPS[\s-]*140\b"),
    ("Haven", r"\bHaven(?:\+|-compli\w*|\s+Compliancy)?(?![\w-])"),
    ("ODF", r"\bODF\b"),
    ("PDF/A", r"\bPDF/A\b"),
    ("API Design Rules", r"\bAPI[\s-]Design[\s-]Rules\b"),
    ("ISAE 3402", r"\bISAE\s*3\d{3}\b"),
    ("SOC 2", r"\bSOC\s*2\b"),
    ("EUCS", r"\bEUCS\b"),
    ("Common Criteria", r"\bCommon Criteria\b"),
)
EQUIVALENCE_ROUTE = re.compile(r"\bgelijkwaardig", re.IGNORECASE)


def requirement_fields(clause: Clause) -> Iterator[tuple[Loc, str]]:
    """The texts that bind a bidder: tekst, wijze_van_aantonen (also per tier) and scoring guidance."""
    for loc, text in text_fields(clause):
        if loc[-1] not in ("toelichting", "verantwoording"):
            yield loc, text
    for score, guidance in (clause.scoringsleidraad or {}).items():
        # a scoring step is read together with the wens it scores
        yield ("scoringsleidraad", score), f"{guidance}\n{clause.tekst}"


def named_standards(text: str) -> list[str]:
    """The named standards, certificates or specifications in ``text``, in the order listed."""
    flat = re.sub(r"\s+", " ", text)
    return [name for name, pattern in NAMED_STANDARDS if re.search(pattern, flat)]


def check_equivalence(clause: Clause) -> Iterator[tuple[Loc, str]]:
    """Flag a binding text that names a standard without an equivalence route ("of gelijkwaardig")."""
    for loc, text in requirement_fields(clause):
        named = named_standards(text)
        if named and not EQUIVALENCE_ROUTE.search(text):
            yield (
                loc,
                (
                    f"de tekst noemt {', '.join(named)} zonder gelijkwaardigheidsroute; voeg "
                    "'of gelijkwaardig' (of 'of een gelijkwaardig(e) ...') toe "
                    "(Aanbestedingswet 2012 art. 2.76)"
                ),
            )


def lint_clause(clause: Clause, definitions: Mapping[str, Definition]) -> list[tuple[Loc, str]]:
    """All lint problems of one clause, as (field location, Dutch message)."""
    problems = list(_check_templates(clause))
    problems.extend(check_equivalence(clause))
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


# A toelichting sentence about other tiers or contract types (why the clause is heavier or
# lighter there) explains the buyer's choice: it belongs in the field verantwoording. The
# pattern is a heuristic (a sentence may name "laag" for bidders), so it only warns.
TIER_SENTENCE = re.compile(
    r"\b(?:laag|lagen)\b|\b(?:bij|voor) een (?:on-premises )?(?:software)?licentie\b|\bcontracttype",
    re.IGNORECASE,
)
_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z(])")


def tier_sentences(clause: Clause) -> Iterator[tuple[Loc, str]]:
    """Warnings: toelichting sentences that speak of a tier or contract type (they reach bidders)."""
    for loc, text in text_fields(clause):
        if loc[-1] != "toelichting":
            continue
        for paragraph in re.split(r"\n\s*\n", re.sub(r"\{%.*?%\}", "", text, flags=re.DOTALL)):
            for sentence in _SENTENCE.split(" ".join(paragraph.split())):
                if TIER_SENTENCE.search(sentence):
                    start = " ".join(sentence.split()[:8])
                    yield (
                        loc,
                        f"de zin '{start} ...' gaat over een laag of contracttype; de toelichting "
                        "staat in de bijlage voor inschrijvers: hoort de zin in het veld "
                        "verantwoording?",
                    )


def library_warnings(clauses: Iterable[LoadedClauseLike]) -> list[Problem]:
    """What ``controleer`` reports without refusing the library: tier sentences in a toelichting."""
    from aanbesteding.support.pydantic_nl import field_path

    return [
        Problem(item.path, item.line_of(*loc), field_path(loc), message)
        for item in clauses
        for loc, message in tier_sentences(item.clause)
    ]
