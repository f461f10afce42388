"""Library policy in one place: which clauses a tender may leave out, and the status gate.

Legal adopts clauses (status ``vastgesteld``); a document may only be final (``definitief``)
when every clause in it is adopted. A retired clause (``vervallen``) is never used. The CLI
and the writers ask here; they decide nothing themselves.
"""

from __future__ import annotations

from collections.abc import Iterable

from aanbesteding.compose.annex import Annex, Exclusion
from aanbesteding.domain import CONTRACT_TYPE_LABELS
from aanbesteding.errors import InputError, PolicyError
from aanbesteding.library.loader import LoadedClause
from aanbesteding.tender.model import Tender

ADOPTED = "vastgesteld"
RETIRED = "vervallen"
FINAL = "definitief"


def exclusion(item: LoadedClause, tender: Tender) -> Exclusion | None:
    """Why ``item`` stays out of this tender's annex, or None when it goes in."""
    clause = item.clause
    reason: str | None = None
    by_buyer = False
    if clause.lagen.for_tier(tender.laag) is None:
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


def check_exclusions(tender: Tender, known: Iterable[str]) -> None:
    """Every clause the tender leaves out must exist. Raises InputError naming the others."""
    unknown = sorted(set(tender.uitsluiten) - set(known))
    if unknown:
        raise InputError(f"uitsluiten: onbekende clausule(s) {', '.join(unknown)}; "
                         "'aanbesteding bibliotheek overzicht' toont de clausules")


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
        listed = "\n".join(f"  {number} {clause_id} (status {status})"
                           for number, clause_id, status in pending)
        raise PolicyError(
            "een definitief document kan alleen uit vastgestelde clausules bestaan; "
            f"{len(pending)} clausule(s) zijn nog niet vastgesteld:\n{listed}\n"
            "Laat de juridische afdeling ze vaststellen, of genereer met --status concept.")
    if not pending:
        return []
    return [f"{len(pending)} van de {len(annex.requirements)} clausules zijn nog niet vastgesteld "
            "door de juridische afdeling (status concept of in-review); het document is daarom "
            "een concept. Zie bijlage A van het document."]
