"""Composition: tier + contract type + tender -> :class:`~aanbesteding.compose.annex.Annex`."""

from __future__ import annotations

from dataclasses import dataclass

from aanbesteding import __version__
from aanbesteding.compose.annex import Annex, ChapterText, Exclusion, Requirement, Section
from aanbesteding.compose.award import (
    JUSTIFICATION,
    JUSTIFICATION_OPEN,
    AwardModel,
    resolve_award,
)
from aanbesteding.compose.definitions import printed_texts, used_definitions
from aanbesteding.compose.parameters import names_used, resolve_parameters
from aanbesteding.compose.rules import (
    check_exclusions,
    exclusion,
    fit_ratio,
    locked,
    nearest_tier,
    resolve_ratio,
)
from aanbesteding.domain import CONTRACT_TYPE_LABELS, Kind, Laag
from aanbesteding.library.chapters import render_chapter
from aanbesteding.library.completeness import check_complete
from aanbesteding.library.loader import Library, LoadedClause
from aanbesteding.library.model import Theme, wording_for
from aanbesteding.render import REFERENCES, bedrag, render
from aanbesteding.responses.form_spec import PRICE_DECIMALS
from aanbesteding.tender.model import Ratio, Tender

SUSTAINABILITY_THEME = "duurzaamheid"  # the theme whose wensen the award chapter names apart


def dutch_list(items: list[str]) -> str:
    """``['W-02', 'W-03', 'W-04']`` -> ``W-02, W-03 en W-04``."""
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} en {items[-1]}" if items else ""


@dataclass(frozen=True)
class _Context:
    """What every clause text of one tender is rendered with."""

    tender: Tender
    ratio: Ratio
    references: dict[str, str]  # clause id -> "B-03", or its title when not in the annex


def _wording_tier(item: LoadedClause, laag: Laag) -> tuple[bool, Laag, Kind]:
    """Whether the clause was added with --met, the tier whose wording it takes, and its kind."""
    added = item.clause.lagen.for_tier(laag) is None  # only --met brings such a clause in
    source_tier = nearest_tier(item, laag) if added else laag
    return added, source_tier, Kind(item.clause.lagen.for_tier(source_tier) or "eis")


def _requirement(item: LoadedClause, ctx: _Context, number: str, params: dict[str, str | int | float]) -> Requirement:
    clause = item.clause
    tender = ctx.tender
    laag: Laag = tender.laag
    added, source_tier, kind = _wording_tier(item, laag)
    wording = wording_for(clause, source_tier)
    context = {
        **params,
        "laag": laag.value,
        "contracttype": tender.contracttype,
        "route": tender.route or "",  # the legal ground of seat/control conditions (laag 1)
        "organisatie": tender.organisatie_naam,
        "aandeel_kwaliteit": ctx.ratio.kwaliteit,
        "aandeel_soevereiniteit": ctx.ratio.soevereiniteit,
        "aandeel_prijs": ctx.ratio.prijs,
        REFERENCES: ctx.references,
    }
    in_sov_table = clause.beoordeling == "soevereiniteitstabel"
    where = f"clausule {clause.id}"
    scoring = dict(sorted((clause.scoringsleidraad or {}).items(), reverse=True)) if kind is Kind.WENS else {}
    texts = {
        name: render(source, context, where=f"{where}, {name}")
        for name, source in (
            ("tekst", wording.tekst),
            ("toelichting", wording.toelichting),
            ("wijze_van_aantonen", wording.wijze_van_aantonen),
            ("verantwoording", wording.verantwoording or ""),
        )
    }
    # the parameters this tier's texts use (scoring guidance is plain text, not a template)
    templates = (wording.tekst, wording.toelichting, wording.wijze_van_aantonen, wording.verantwoording or "")
    used = set().union(*(names_used(t, context) for t in templates))
    return Requirement(
        number=number,
        kind=kind,
        clause_id=clause.id,
        version=clause.versie,
        status=clause.status,
        title=clause.titel,
        theme_id=item.theme,
        text=texts["tekst"],
        toelichting=texts["toelichting"],
        wijze_van_aantonen=texts["wijze_van_aantonen"],
        verantwoording=texts["verantwoording"],
        weight=wording.weging if kind is Kind.WENS and not in_sov_table else None,
        scored_in_sov_table=in_sov_table,
        scoring_guidance=scoring,
        sov=tuple(clause.sov),
        risks=tuple(clause.risicos),
        sources=tuple(clause.bronnen),
        terms=tuple(clause.begrippen),
        parameters={name: value for name, value in params.items() if name in used},
        reviewer=clause.beoordeeld_door,
        reviewed_on=clause.beoordeeld_op.isoformat() if clause.beoordeeld_op else None,
        origin=item.origin,
        digest=item.digest,
        locked=locked(item, laag),
        added_from=source_tier.value if added else None,
    )


def compose_annex(library: Library, tender: Tender) -> Annex:
    """Select, order, number and render the clauses for this tender.

    Clauses are numbered first and rendered second, so a clause text can refer to another
    by its number (the ``verwijzing`` filter). Raises InputError for unknown clause ids in
    ``uitsluiten`` or bad parameter overrides, PolicyError for shares the tier does not allow,
    and TemplateError if a clause text cannot be rendered.
    """
    check_complete(library.policy, library.chapters)
    check_exclusions(tender, library.by_id())
    ratio, max_sovereignty = resolve_ratio(tender, library.policy)
    parameters = resolve_parameters(library, tender.parameters)
    counters = dict.fromkeys(Kind, 0)
    chosen: list[tuple[Theme, list[tuple[LoadedClause, str]]]] = []
    exclusions: list[Exclusion] = []
    for theme in sorted(library.themes.values(), key=lambda t: t.volgorde):
        items: list[tuple[LoadedClause, str]] = []
        for item in (c for c in library.clauses if c.theme == theme.id):
            excluded = exclusion(item, tender)
            if excluded is not None:
                exclusions.append(excluded)
                continue
            kind = _wording_tier(item, tender.laag)[2]
            counters[kind] += 1
            items.append((item, f"{kind.prefix}-{counters[kind]:02d}"))
        if items:
            chosen.append((theme, items))
    scores_sovereignty = any(
        item.clause.beoordeling == "soevereiniteitstabel" and _wording_tier(item, tender.laag)[2] is Kind.WENS
        for _, items in chosen
        for item, _ in items
    )
    ratio = fit_ratio(ratio, tender, scores_sovereignty)
    open_justification = _open_justification(tender, parameters)
    references = {
        item.clause.id: f"'{item.clause.titel}' (geen onderdeel van deze bijlage)" for item in library.clauses
    }
    references.update({item.clause.id: number for _, items in chosen for item, number in items})
    ctx = _Context(tender, ratio, references)
    sections = tuple(
        Section(theme, tuple(_requirement(item, ctx, number, parameters[item.clause.id]) for item, number in items))
        for theme, items in chosen
    )
    # A minimum SEAL only binds where the annex holds the knock-out that publishes it.
    seal_eis = any(r.scored_in_sov_table and r.kind is Kind.EIS for s in sections for r in s.requirements)
    requirements = [r for s in sections for r in s.requirements]
    # A justification counts only where the wording of this tier prints it.
    printed = [
        r
        for r in requirements
        if JUSTIFICATION in r.parameters
        and any(str(r.parameters[JUSTIFICATION]) in text for text in (r.text, r.toelichting))
    ]
    award = resolve_award(
        tender,
        library.policy,
        [(r.kind, r.weight, r.scored_in_sov_table) for r in requirements],
        tuple(r.number for r in printed if r.clause_id in open_justification),
        bool(printed),
        library.chapters["gunning"].chapter.teksten["reden_te_weinig_wensen"],
    )
    if not award.part:
        sections, dropped = _without_wensen(sections, award.reason)
        exclusions += dropped
    chapters = _chapters(library, tender, ratio, sections, award)
    texts = printed_texts(sections, chapters)
    if award.part or seal_eis:  # the SEAL evidence table is printed
        texts += (text for levels in library.policy.seal_evidence.values() for text in levels.values())
    declared = {t for s in sections for r in s.requirements for t in r.terms}
    definitions = used_definitions(library.definitions, declared, texts)
    minima = library.policy.seal_minimum[tender.laag]  # the loader checked they are there
    profile = library.policy.weight_profiles[tender.weging]
    return Annex(
        tender=tender,
        sections=sections,
        definitions=definitions,
        exclusions=tuple(exclusions),
        min_seal=dict(minima) if seal_eis else dict.fromkeys(minima),
        library_hash=library.content_hash,
        tool_version=__version__,
        inputs={**_inputs(tender, ratio), **_provenance(library, sections)},
        ratio=ratio,
        max_sovereignty=max_sovereignty,
        weights={str(sov): weight for sov, weight in profile.weging.items()},
        weight_profile_label=profile.naam,
        seal_evidence={sov: dict(levels) for sov, levels in library.policy.seal_evidence.items()},
        library_origins=library.origins,
        award=award,
        chapters=chapters,
    )


def _without_wensen(sections: tuple[Section, ...], reason: str) -> tuple[tuple[Section, ...], list[Exclusion]]:
    """A bijlage without an award part holds eisen and bepalingen only: its wensen go to the
    left-out clauses, with the reason (legal's rule ``minimum_punten_wensen``)."""
    dropped = [
        Exclusion(r.clause_id, r.title, r.version, f"geen eigen gunningscriterium in deze bijlage: {reason}", False)
        for s in sections
        for r in s.requirements
        if r.kind is Kind.WENS
    ]
    kept = tuple(Section(s.theme, tuple(r for r in s.requirements if r.kind is not Kind.WENS)) for s in sections)
    return tuple(s for s in kept if s.requirements), dropped


def _open_justification(tender: Tender, parameters: dict[str, dict[str, str | int | float]]) -> set[str]:
    """Replace the library's default laag-1 justification, which the officer did not give, by a
    visible open item (it must never read as the buyer's own finding); return those clauses."""
    open_ids = set()
    for clause_id, values in parameters.items():
        given = JUSTIFICATION in tender.parameters or f"{clause_id}.{JUSTIFICATION}" in tender.parameters
        if JUSTIFICATION in values and not given:
            values[JUSTIFICATION] = JUSTIFICATION_OPEN
            open_ids.add(clause_id)
    return open_ids


def _award_context(
    tender: Tender, award: AwardModel, sections: tuple[Section, ...], profile_label: str, minimum_wens_points: int
) -> dict[str, object]:
    g = award.gunning
    wensen = [r for s in sections for r in s.requirements if r.kind is Kind.WENS and not r.scored_in_sov_table]
    green = [r for r in wensen if r.theme_id == SUSTAINABILITY_THEME]
    return {
        "gunningsdeel": award.part,
        "leidraad": g.leidraad if g and g.leidraad else "de aanbestedingsleidraad",
        "subcriterium": award.subcriterion,
        "aandeel_subcriterium": award.share or "",
        "reden_geen_gunningsdeel": award.reason,
        "punten_wensen_bibliotheek": award.wens_points,
        "minimum_punten_wensen": minimum_wens_points,
        "aandeel_wensen": award.wensen_share,
        "aandeel_soevereiniteitsscore": award.sov_share,
        "hoogste_score": max(tender.schaal),
        "punten_wensen": sum(r.weight or 0 for r in wensen),
        "punten_duurzaamheid": sum(r.weight or 0 for r in green),
        "wensen_duurzaamheid": dutch_list([r.number for r in green]),
        "wegingsprofiel": profile_label,
        "formule_totaal": award.total_formula(),
        "pmin": bedrag(tender.pmin) if tender.pmin is not None else "",
        "pmax": bedrag(tender.pmax) if tender.pmax is not None else "",
        "prijsdefinitie": (g.prijsdefinitie or "").rstrip(".") if g else "",
        "afronding_decimalen": award.decimals,
        "afronding_over": award.ranked_on,
        "beslisregel": (g.beslisregel or "").rstrip(".") if g else "",
        "nummers_rechtvaardiging": ", ".join(award.justification_open) or "geen open rechtvaardiging",
    }


def compose_chapters(
    library: Library, tender: Tender, ratio: Ratio, sections: tuple[Section, ...], award: AwardModel
) -> dict[str, ChapterText]:
    """Every library chapter rendered with the tender's values (see ``CHAPTER_NAMES``)."""
    return _chapters(library, tender, ratio, sections, award)


def _chapters(
    library: Library, tender: Tender, ratio: Ratio, sections: tuple[Section, ...], award: AwardModel
) -> dict[str, ChapterText]:
    """Every library chapter rendered with the tender's values (see ``CHAPTER_NAMES``)."""
    kinds = [r.kind for s in sections for r in s.requirements]
    context: dict[str, object] = {
        "organisatie": tender.organisatie_naam,
        "opdracht": tender.opdracht_titel,
        "systeem": tender.systeem or "",
        "laag": tender.laag.value,
        "laag_label": tender.laag.label.lower(),
        "contracttype": tender.contracttype,
        "contracttype_label": CONTRACT_TYPE_LABELS[tender.contracttype],
        "aantal_eisen": kinds.count(Kind.EIS),
        "aantal_wensen": kinds.count(Kind.WENS),
        "aantal_bepalingen": kinds.count(Kind.BEPALING),
        "aandeel_kwaliteit": ratio.kwaliteit,
        "aandeel_soevereiniteit": ratio.soevereiniteit,
        "aandeel_prijs": ratio.prijs,
        "prijs_decimalen": PRICE_DECIMALS,
        **_award_context(
            tender,
            award,
            sections,
            library.policy.weight_profiles[tender.weging].naam,
            library.policy.award.minimum_punten_wensen,
        ),
    }
    chapters = {}
    for chapter_id, loaded in sorted(library.chapters.items()):
        chapter = loaded.chapter
        chapters[chapter_id] = ChapterText(
            chapter_id,
            chapter.versie,
            chapter.status,
            loaded.origin,
            loaded.digest,
            render_chapter(loaded, context),
            chapter.beoordeeld_door,
            chapter.beoordeeld_op.isoformat() if chapter.beoordeeld_op else None,
        )
    return chapters


def _inputs(tender: Tender, ratio: Ratio) -> dict[str, str]:
    """The generation inputs, as the verantwoording records them."""
    inputs = dict(tender.details())
    if tender.aanduiding:
        inputs["Aanduiding"] = tender.aanduiding
    inputs["Wegingsprofiel EU CSF"] = tender.weging
    if tender.verhouding:
        inputs["Verhouding"] = (
            f"kwaliteit {ratio.kwaliteit}%, soevereiniteit {ratio.soevereiniteit}% (verdeling binnen het subcriterium)"
        )
    inputs["Prijsmethode"] = tender.prijsmethode
    if tender.pmin is not None:
        inputs["Pmin"] = f"{tender.pmin:.2f}"
    if tender.pmax is not None:
        inputs["Pmax"] = f"{tender.pmax:.2f}"
    g = tender.gunning
    if g is not None:
        for key in ("leidraad", "subcriterium", "weging", "beslisregel", "prijsdefinitie", "motivering"):
            value = getattr(g, key)
            if value is not None:
                inputs[f"Gunning {key}"] = str(value)
        if g.criteria:
            inputs["Gunning criteria"] = "; ".join(
                f"{c.naam} {c.weging}%" + (" (prijs)" if c.prijs else "") for c in g.criteria
            )
    for key in ("veiligheidsanalyse", "route", "marktconsultatie"):
        value = getattr(tender, key)
        if value is not None:
            inputs[key.capitalize()] = str(value)
    inputs["Scoreschaal wensen"] = "-".join(str(step) for step in tender.schaal)
    inputs["Inschrijvers (matrix)"] = ", ".join(tender.inschrijvers)
    for name, value in sorted(tender.parameters.items()):
        inputs[f"Parameter {name}"] = str(value)
    for clause_id, reason in sorted(tender.uitsluiten.items()):
        inputs[f"Uitgesloten {clause_id}"] = reason
    if tender.laagmotivering:
        inputs["Motivering laag"] = " ".join(tender.laagmotivering)
    return inputs


def _provenance(library: Library, sections: tuple[Section, ...]) -> dict[str, str]:
    """Where the clauses came from and what ``--met`` added, as rows for the appendix.

    With only the standard library nothing is added, so such documents stay as they were.
    """
    rows: dict[str, str] = {}
    requirements = [r for s in sections for r in s.requirements]
    if len(library.origins) > 1:
        rows["Bibliotheken (lagen)"] = " + ".join(library.origins)
        base = library.origins[0]
        for origin in library.origins[1:]:
            own = [f"{r.number} {r.clause_id}" for r in requirements if r.origin == origin]
            rows[f"Clausules uit {origin}"] = ", ".join(own) or "geen"
        rows["Overige clausules uit"] = base
    for r in requirements:
        if r.added_from is not None:
            rows[f"Toegevoegd {r.clause_id}"] = (
                f"{r.number}, toegevoegd door de Aanbestedende Dienst (deze laag laat de "
                f"clausule standaard weg), in de formulering van laag {r.added_from}"
            )
    return rows
