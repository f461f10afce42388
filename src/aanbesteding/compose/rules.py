"""Library policy in one place: which clauses a tender may leave out, and the status gate.

Legal adopts clauses (status ``vastgesteld``); a document may only be final (``definitief``)
when every clause in it is adopted. A retired clause (``vervallen``) is never used. The CLI
and the writers ask here; they decide nothing themselves.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from aanbesteding.compose.annex import Annex, Exclusion
from aanbesteding.domain import CONTRACT_TYPE_LABELS, Laag
from aanbesteding.errors import InputError, PolicyError, Ref
from aanbesteding.library.loader import LoadedClause
from aanbesteding.library.policy import Policy
from aanbesteding.tender.model import Ratio, Tender

ADOPTED = "vastgesteld"
RETIRED = "vervallen"
FINAL = "definitief"
MIN_REASON_CHARS = 20
MIN_REASON_WORDS = 3
_WORD = re.compile(r"[^\W\d_]{2,}")


def exclusion(item: LoadedClause, tender: Tender) -> Exclusion | None:
    """Why ``item`` stays out of this tender's annex, or None when it goes in."""
    clause = item.clause
    reason: str | None = None
    by_buyer = False
    if clause.lagen.for_tier(tender.laag) is None and clause.id not in tender.met:
        reason = f"niet van toepassing in {tender.laag.label.lower()}"
    elif tender.contracttype not in clause.contracttypen:
        reason = f"niet van toepassing op contracttype {CONTRACT_TYPE_LABELS[tender.contracttype]}"
    elif clause.status == RETIRED:
        reason = "de clausule is vervallen"
    elif clause.id in tender.uitsluiten:
        reason = f"weggelaten door de Aanbestedende Dienst: {tender.uitsluiten[clause.id]}"
        by_buyer = True
    if reason is None:
        return None
    return Exclusion(clause.id, clause.titel, clause.versie, reason, by_buyer)


def resolve_ratio(tender: Tender, policy: Policy) -> tuple[Ratio, int]:
    """The shares of quality, sovereignty and price for this tender, and the tier's maximum
    for sovereignty: the tender's own shares, or the library's default for the tier.

    Raises PolicyError when the tender asks for more sovereignty than legal allows in its tier.
    """
    tier = policy.shares_for(tender.laag)
    ratio = tender.verhouding or Ratio(kwaliteit=tier.kwaliteit, soevereiniteit=tier.soevereiniteit, prijs=tier.prijs)
    if ratio.soevereiniteit > tier.maximum_soevereiniteit:
        raise PolicyError(
            [
                f"een aandeel soevereiniteit van {ratio.soevereiniteit}% is te hoog voor "
                f"{tender.laag.label.lower()}; de juridische afdeling staat in deze laag hoogstens "
                f"{tier.maximum_soevereiniteit}% toe (gelezen uit {policy.share_source(tender.laag)}; "
                "een organisatie kan dat maximum wijzigen met een beleid.yaml in haar eigen "
                "bibliotheek, ",
                Ref("bibliotheek"),
                " MAP). Kies "
                f"bijvoorbeeld kwaliteit={ratio.kwaliteit + ratio.soevereiniteit - tier.maximum_soevereiniteit},"
                f"soevereiniteit={tier.maximum_soevereiniteit},prijs={ratio.prijs}.",
            ],
            field="verhouding",
        )
    return ratio, tier.maximum_soevereiniteit


def fit_ratio(ratio: Ratio, tender: Tender, scores_sovereignty: bool) -> Ratio:
    """Without a Sovereignty Score in the annex there is nothing to give a sovereignty share
    to: the tier's default share moves to quality; a share the officer chose is refused.

    Raises PolicyError for an explicit sovereignty share in an annex that does not score it.
    """
    if scores_sovereignty or not ratio.soevereiniteit:
        return ratio
    if tender.verhouding is not None:
        raise PolicyError(
            f"soevereiniteit {ratio.soevereiniteit}%, maar deze bijlage bevat geen "
            "Soevereiniteitsscore om dat aandeel aan toe te kennen (de clausule daarvoor geldt niet "
            "voor deze laag of dit contracttype, of is weggelaten). Geef soevereiniteit=0.",
            field="verhouding",
        )
    return Ratio(kwaliteit=ratio.kwaliteit + ratio.soevereiniteit, soevereiniteit=0, prijs=ratio.prijs)


def locked(item: LoadedClause, laag: Laag) -> bool:
    """Whether legal has locked the clause in this tier (it may not be left out)."""
    return laag.key in item.clause.vergrendeld


def reason_problem(reason: str) -> str | None:
    """Why ``reason`` is not an acceptable motivation for leaving a clause out, or None."""
    words = _WORD.findall(reason)
    if len(reason.strip()) < MIN_REASON_CHARS or len(words) < MIN_REASON_WORDS:
        return (
            f"minstens {MIN_REASON_WORDS} woorden en {MIN_REASON_CHARS} tekens die uitleggen "
            "waarom de clausule hier niet past"
        )
    return None


def check_exclusions(tender: Tender, known: Iterable[str] | Mapping[str, LoadedClause]) -> None:
    """Check what the tender leaves out and adds against the library.

    Raises InputError for unknown clause ids, a reason that is no real sentence, or a
    ``met`` clause that cannot be added; PolicyError when a clause legal locked in this
    tier is left out.
    """
    items = known if isinstance(known, Mapping) else {}
    ids = set(known)
    unknown = sorted((set(tender.uitsluiten) | set(tender.met)) - ids)
    if unknown:
        raise InputError(
            f"uitsluiten/met: onbekende clausule(s) {', '.join(unknown)}; "
            "'aanbesteding bibliotheek overzicht' toont de clausules"
        )
    for clause_id, reason in sorted(tender.uitsluiten.items()):
        problem = reason_problem(reason)
        if problem is not None:
            raise InputError(
                f"de motivering '{reason}' is geen volledige zin; schrijf {problem} "
                "(pas toe of leg uit); de motivering komt in de verantwoording",
                field="uitsluiten",
                subject=clause_id,
            )
    locked_out = [
        i
        for c, i in sorted(items.items())
        if c in tender.uitsluiten and locked(i, tender.laag) and tender.contracttype in i.clause.contracttypen
    ]
    if locked_out:
        names = ", ".join(i.clause.id for i in locked_out)
        raise PolicyError(
            f"de juridische afdeling heeft deze clausule(s) vergrendeld in "
            f"{tender.laag.label.lower()}; ze mogen niet worden weggelaten. Over een uitzondering "
            "beslist de juridische afdeling (veld 'vergrendeld' in de clausule).",
            field="uitsluiten",
            subject=names,
        )
    both = sorted(set(tender.met) & set(tender.uitsluiten))
    if both:
        raise InputError([Ref("met"), " en ", Ref("uitsluiten"), f" noemen dezelfde clausule(s): {', '.join(both)}"])
    for clause_id in tender.met:
        item = items.get(clause_id)
        if item is None:
            continue
        clause = item.clause
        if clause.lagen.for_tier(tender.laag) is not None:
            raise InputError(
                [
                    f"de clausule hoort al bij {tender.laag.label.lower()}; ",
                    Ref("met"),
                    " is voor clausules die deze laag standaard weglaat",
                ],
                field="met",
                subject=clause_id,
            )
        if clause.status == RETIRED:
            raise InputError("de clausule is vervallen", field="met", subject=clause_id)
        if tender.contracttype not in clause.contracttypen:
            raise InputError(
                f"de clausule geldt niet voor contracttype {CONTRACT_TYPE_LABELS[tender.contracttype]}",
                field="met",
                subject=clause_id,
            )


def nearest_tier(item: LoadedClause, laag: Laag) -> Laag:
    """The tier closest to ``laag`` in which the clause applies; on a tie the more critical.

    Raises ValueError when the clause applies in no tier (the cheap checks prevent that).
    """
    tiers = [t for t in Laag if item.clause.lagen.for_tier(t) is not None]
    if not tiers:
        raise ValueError(item.clause.id)
    return min(tiers, key=lambda t: (abs(t.value - laag.value), t.value))


def unadopted(annex: Annex) -> list[tuple[str, str, str]]:
    """(number, clause id, status) of every requirement whose clause legal has not adopted."""
    return [(r.number, r.clause_id, r.status) for r in annex.requirements if r.status != ADOPTED]


def status_gate(annex: Annex) -> list[str]:
    """Check the document status against the statuses of the clauses in the annex.

    A final document from clauses that are not all adopted raises PolicyError listing
    them; otherwise the warnings for the user are returned (empty when all is adopted).
    """
    pending = unadopted(annex)
    if annex.tender.status == FINAL and pending:
        listed = "\n".join(f"  {number} {clause_id} (status {status})" for number, clause_id, status in pending)
        raise PolicyError(
            [
                "een definitief document kan alleen uit vastgestelde clausules bestaan; "
                f"{len(pending)} clausule(s) zijn nog niet vastgesteld:\n{listed}\n"
                "Laat de juridische afdeling ze vaststellen in de organisatiebibliotheek: 'aanbesteding "
                "bibliotheek vaststellen alle --door NAAM --op JJJJ-MM-DD --bibliotheek MAP' (MAP: "
                "de map van ",
                Ref("bibliotheek"),
                ", of een nieuwe), of genereer met ",
                Ref("status"),
                " concept.",
            ]
        )
    award = award_gate(annex)
    if not pending:
        return award
    return [
        f"{len(pending)} van de {len(annex.requirements)} clausules zijn nog niet vastgesteld "
        "door de juridische afdeling (status concept of in-review); het document is daarom "
        "een concept. De verantwoording noemt per onderdeel de status.",
        *award,
    ]


def award_gate(annex: Annex) -> list[str]:
    """Check the award inputs a final document needs (the leidraad's model, the beslisregel,
    Pmin/Pmax and P, the laag-1 justification).

    Raises PolicyError listing what is missing for a final document; otherwise returns the
    warning for a concept (empty when nothing is missing).
    """
    missing = annex.award.missing
    if not missing:
        return []
    listed = "\n".join(f"  - {item}" for item in missing)
    if annex.tender.status == FINAL:
        raise PolicyError(
            "een definitief document vraagt een volledig gunningsmodel en, in laag "
            f"1, een eigen rechtvaardiging; nog niet opgegeven:\n{listed}\n"
            "Vul ze aan in het profiel, of genereer met status concept.",
            field="gunning",
        )
    return [f"het document is een concept: nog niet opgegeven:\n{listed}"]
