"""Composition: tier + contract type + tender -> :class:`~aanbesteding.compose.annex.Annex`."""

from __future__ import annotations

from aanbesteding import __version__
from aanbesteding.compose.annex import Annex, Exclusion, Requirement, Section
from aanbesteding.compose.parameters import resolve_parameters
from aanbesteding.compose.policy import check_exclusions, exclusion
from aanbesteding.domain import MIN_SEAL, Kind, Laag
from aanbesteding.library.loader import Library, LoadedClause
from aanbesteding.library.model import wording_for
from aanbesteding.render import render
from aanbesteding.tender.model import Tender


def _requirement(item: LoadedClause, tender: Tender, number: str,
                 params: dict[str, str | int | float]) -> Requirement:
    clause = item.clause
    laag: Laag = tender.laag
    kind = Kind(clause.lagen.for_tier(laag) or "eis")
    wording = wording_for(clause, laag)
    ratio = tender.verhouding
    context = {**params, "laag": laag.value, "contracttype": tender.contracttype,
               "organisatie": tender.organisatie, "aandeel_kwaliteit": ratio.kwaliteit,
               "aandeel_soevereiniteit": ratio.soevereiniteit, "aandeel_prijs": ratio.prijs}
    in_sov_table = clause.beoordeling == "soevereiniteitstabel"
    where = f"clausule {clause.id}"
    return Requirement(
        number=number, kind=kind, clause_id=clause.id, version=clause.versie,
        status=clause.status, title=clause.titel, theme_id=item.theme,
        text=render(wording.tekst, context, where=f"{where}, tekst"),
        toelichting=render(wording.toelichting, context, where=f"{where}, toelichting"),
        wijze_van_aantonen=render(wording.wijze_van_aantonen, context,
                                  where=f"{where}, wijze_van_aantonen"),
        weight=wording.weging if kind is Kind.WENS and not in_sov_table else None,
        scored_in_sov_table=in_sov_table,
        scoring_guidance=dict(sorted((clause.scoringsleidraad or {}).items(), reverse=True))
        if kind is Kind.WENS else {},
        sov=tuple(clause.sov), risks=tuple(clause.risicos), sources=tuple(clause.bronnen),
        terms=tuple(clause.begrippen), parameters=params,
    )


def compose_annex(library: Library, tender: Tender) -> Annex:
    """Select, order, number and render the clauses for this tender.

    Raises InputError for unknown clause ids in ``uitsluiten`` or bad parameter overrides,
    and TemplateError if a clause text cannot be rendered.
    """
    check_exclusions(tender, library.by_id())
    parameters = resolve_parameters(library, tender.parameters)
    counters = dict.fromkeys(Kind, 0)
    sections: list[Section] = []
    exclusions: list[Exclusion] = []
    for theme in sorted(library.themes.values(), key=lambda t: t.volgorde):
        requirements: list[Requirement] = []
        for item in (c for c in library.clauses if c.theme == theme.id):
            excluded = exclusion(item, tender)
            if excluded is not None:
                exclusions.append(excluded)
                continue
            kind = Kind(item.clause.lagen.for_tier(tender.laag) or "eis")
            counters[kind] += 1
            number = f"{kind.prefix}-{counters[kind]:02d}"
            requirements.append(_requirement(item, tender, number, parameters[item.clause.id]))
        if requirements:
            sections.append(Section(theme, tuple(requirements)))
    used_terms = {t for s in sections for r in s.requirements for t in r.terms}
    definitions = tuple(sorted((d for d in library.definitions.values() if d.begrip in used_terms),
                               key=lambda d: d.begrip.lower()))
    # A minimum SEAL only binds where the annex holds the knock-out that publishes it.
    seal_eis = any(r.scored_in_sov_table and r.kind is Kind.EIS
                   for s in sections for r in s.requirements)
    return Annex(
        tender=tender, sections=tuple(sections), definitions=definitions,
        exclusions=tuple(exclusions),
        min_seal=dict(MIN_SEAL[tender.laag]) if seal_eis else dict.fromkeys(MIN_SEAL[tender.laag]),
        library_hash=library.content_hash, tool_version=__version__,
        inputs=_inputs(tender),
    )


def _inputs(tender: Tender) -> dict[str, str]:
    """The generation inputs, as printed in the accountability appendix."""
    inputs = dict(tender.details())
    ratio = tender.verhouding
    inputs["Wegingsprofiel EU CSF"] = tender.weging
    inputs["Verhouding"] = (f"kwaliteit {ratio.kwaliteit}%, soevereiniteit {ratio.soevereiniteit}%, "
                            f"prijs {ratio.prijs}%")
    inputs["Prijsmethode"] = tender.prijsmethode
    inputs["Scoreschaal wensen"] = "-".join(str(step) for step in tender.schaal)
    inputs["Inschrijvers (matrix)"] = ", ".join(tender.inschrijvers)
    for name, value in sorted(tender.parameters.items()):
        inputs[f"Parameter {name}"] = str(value)
    for clause_id, reason in sorted(tender.uitsluiten.items()):
        inputs[f"Uitgesloten {clause_id}"] = reason
    return inputs
