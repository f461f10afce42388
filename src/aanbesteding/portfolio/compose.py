"""What the library says for a contract: the composed annex for its tier and contract type
(the questions for a renewal), whether those clauses bind data to the EER, and a ready
tender profile for a new tender. Everything goes through the public core."""

from __future__ import annotations

import datetime as dt
import re
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from aanbesteding.domain import Kind, Laag
from aanbesteding.portfolio.analysis import ContractView

if TYPE_CHECKING:
    from aanbesteding.compose.annex import Annex
    from aanbesteding.library.loader import Library


class Composer:
    """Composes annexes for (laag, contracttype) once each, from one loaded library."""

    def __init__(self, library: Library) -> None:
        self.library = library
        self._annex = cache(self._compose)

    def _compose(self, laag: Laag, contract_type: str, organisation: str, datum: dt.date) -> Annex:
        from aanbesteding.api import build_tender
        from aanbesteding.compose.composer import compose_annex

        tender = build_tender(
            {"laag": laag.value, "contracttype": contract_type, "organisatie": organisation, "datum": datum},
            source="portfolio",
        )
        return compose_annex(self.library, tender)

    def annex(self, laag: Laag, contract_type: str, organisation: str, datum: dt.date) -> Annex:
        return self._annex(laag, contract_type, organisation, datum)

    def requires_eer(self, laag: Laag, contract_type: str) -> bool:
        """Whether a tender for this tier and type holds an EER clause as eis or bepaling."""
        annex = self.annex(laag, contract_type, "de Aanbestedende Dienst", dt.date(2026, 1, 1))
        bound = set(self.library.policy.eer_clauses)
        return any(r.clause_id in bound and r.kind in (Kind.EIS, Kind.BEPALING) for r in annex.requirements)


def renewal_annex(composer: Composer, view: ContractView, organisation: str, peildatum: dt.date) -> Annex | None:
    """The annex whose requirements become the renewal questions (None: no contract type)."""
    if view.contract_type is None:
        return None
    return composer.annex(view.laag, view.contract_type, organisation, peildatum)


def _line(text: str) -> str:
    """User text on one comment line: a line break would end the comment."""
    return " ".join(text.split())


_DATE_LINE = re.compile(r"^# datum: \d{4}-\d{2}-\d{2}$", re.MULTILINE)


def tender_profile(view: ContractView, organisation: str, register: str, peildatum: dt.date) -> str | None:
    """A commented tender profile that ``genereer`` accepts, for a contract to tender anew
    (None without a contract type). Raises InputError if the profile would not validate."""
    from aanbesteding.tender.classification import classify, motivation
    from aanbesteding.tender.profile import check_template, profile_template

    if view.contract_type is None:
        return None
    systems = ", ".join(v.system.name for v in view.systems) or view.contract.name
    reasons: list[str] = []
    for system in view.systems:
        if system.source == "BIA" and system.laag == view.laag:
            reasons = motivation(classify(system.system.answers))
            break
    if not reasons:
        reasons = [
            f"{view.laag.label}: zoals vastgelegd in het portfolioregister {register} "
            f"(peildatum {peildatum.isoformat()})."
        ]
    values: dict[str, object] = {
        "laag": view.laag.value,
        "contracttype": view.contract_type,
        "organisatie": organisation,
        "systeem": systems[:200],
        "opdracht": f"Vervanging {view.contract.name}"[:200],
        "laagmotivering": reasons,
    }
    supplier = f" ({_line(view.contract.supplier)})" if view.contract.supplier else ""
    head = [
        f"# Aanbesteding ter vervanging van contract {_line(view.contract.name)}{supplier}",
        f"# Uit portfolioregister {_line(register)}, peildatum {peildatum.isoformat()}.",
        f"# Laatste dag om te handelen: {view.schedule.act_by.isoformat()}; beslisdatum: {view.decision.isoformat()}.",
        "",
    ]
    text = "\n".join(head) + profile_template(values)
    text = _DATE_LINE.sub("# datum: JJJJ-MM-DD (standaard de dag van genereren)", text)
    check_template(text, Path(f"profiel-{view.contract.name}.yaml"))
    return text if text.endswith("\n") else text + "\n"
