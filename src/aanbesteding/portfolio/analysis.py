"""Register + peildatum + policy -> the portfolio: tiers, contract dates, actions, conflicts.

Pure: the caller passes in which (laag, contracttype) pairs bind data to the EER (composed from
the library elsewhere), so this module needs neither the library nor a clock.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Literal

from aanbesteding.domain import Laag
from aanbesteding.errors import InputError
from aanbesteding.library.policy import LeadTimes
from aanbesteding.portfolio import locations
from aanbesteding.portfolio.dates import (
    Renewal,
    Schedule,
    add_months,
    decision_date,
    latest_end,
    schedule,
)
from aanbesteding.portfolio.model import Contract, Issue, Register, System
from aanbesteding.tender.classification import QUESTIONS, classify

Action = Literal["verlengingstoets", "aanbesteden"]
TierSource = Literal["BIA", "opgegeven", "onbekend"]
STALE_MONTHS = 12
DAY = "%d-%m-%Y"  # dates in notes and conflicts, as in the report's tables
EXPIRED = "verlopen"
LATER = "later"


@dataclass(frozen=True)
class SystemView:
    system: System
    laag: Laag | None
    source: TierSource
    reasons: tuple[str, ...]  # the BIA reasons, when the tier came from them
    advice: Laag | None  # the BIA advice, also when a typed tier overrides it


@dataclass(frozen=True)
class ContractView:
    contract: Contract
    schedule: Schedule
    laag: Laag  # the tier whose lead times apply (the strictest of its systems)
    contract_type: str | None
    action: Action
    lead_months: int
    decision: dt.date
    bucket: str
    notes: tuple[str, ...]
    systems: tuple[SystemView, ...]


@dataclass(frozen=True)
class Conflict:
    kind: str  # short Dutch label, e.g. "laag 1 of 2 zonder eigenaar"
    subject: str  # the system or contract it is about
    message: str


@dataclass(frozen=True)
class Portfolio:
    """Everything the report writers print."""

    register: Register
    peildatum: dt.date
    horizon: int
    buckets: tuple[str, ...]
    systems: tuple[SystemView, ...]
    contracts: tuple[ContractView, ...]
    conflicts: tuple[Conflict, ...]
    lead_times: dict[Laag, LeadTimes]

    @property
    def issues(self) -> tuple[Issue, ...]:
        return self.register.issues

    @property
    def organisation(self) -> str:
        return self.register.organisation


def bucket_names(horizon: int) -> tuple[str, ...]:
    """``verlopen``, ``binnen 3 maanden``, ..., ``binnen <horizon> maanden``, ``later``."""
    limits = sorted({m for m in (3, 6, 12) if m < horizon} | {horizon})
    return (EXPIRED, *(f"binnen {m} {'maand' if m == 1 else 'maanden'}" for m in limits), LATER)


def _tier(system: System, issues: list[Issue], source: str) -> SystemView:
    advice: Laag | None = None
    reasons: tuple[str, ...] = ()
    if system.answers:
        try:
            result = classify(system.answers)
            advice, reasons = result.laag, result.reasons
        except InputError as exc:
            missing = [q.key.replace("_", " ") for q in QUESTIONS if q.key not in system.answers]
            issues.append(
                Issue(
                    source,
                    "Systemen",
                    system.row,
                    ", ".join(missing[:3]) or None,
                    f"BIA-antwoorden onvolledig, geen laag afgeleid ({exc})",
                )
            )
    for location in locations.unknown(system.hosting_locations):
        issues.append(
            Issue(
                source,
                "Systemen",
                system.row,
                "hosting locatie",
                f"'{location}' is geen bekend land; schrijf een land (bijv. Nederland) of "
                "'buiten de EER'; de EER-toets is voor deze locatie niet gedaan",
            )
        )
    if system.laag is not None:
        return SystemView(system, system.laag, "opgegeven", (), advice)
    if advice is not None:
        return SystemView(system, advice, "BIA", reasons, advice)
    return SystemView(system, None, "onbekend", (), None)


def _bucket(view_decision: dt.date, expired: bool, peildatum: dt.date, names: tuple[str, ...]) -> str:
    if expired:
        return EXPIRED
    for name in names[1:-1]:
        months = int(name.split()[1])
        if view_decision <= add_months(peildatum, months):
            return name
    return LATER


def _contract(
    contract: Contract,
    systems: Mapping[str, SystemView],
    peildatum: dt.date,
    lead_times: Mapping[Laag, LeadTimes],
    names: tuple[str, ...],
) -> ContractView:
    views = tuple(systems[s.casefold()] for s in contract.systems if s.casefold() in systems)
    tiers = [v.laag for v in views if v.laag is not None]
    laag = min(tiers) if tiers else Laag.KRITIEK
    types = [v.system.contract_type for v in sorted(views, key=lambda v: v.laag or 9) if v.system.contract_type]
    sched = schedule(contract.terms, peildatum)
    notes: list[str] = []
    if contract.lead_months is not None:
        notes.append(f"eigen beslistermijn van {contract.lead_months} maanden (register)")
    if not tiers:
        notes.append("laag onbekend: de termijnen van laag 1 zijn aangehouden")
    replace = contract.koers == "vervangen"
    action: Action = "aanbesteden" if sched.expired or not sched.renewable or replace else "verlengingstoets"
    lead = getattr(lead_times[laag], action) if contract.lead_months is None else contract.lead_months
    decision = decision_date(sched.act_by, lead)
    if sched.expired:
        notes.append(f"verlopen op {sched.current_end.strftime(DAY)} ({sched.stop})")
    elif sched.stop is not None:
        notes.append(f"eindigt op {sched.certain_end.strftime(DAY)}: {sched.stop}")
    if sched.renewals_certain > sched.renewals_before:
        kind = "optie" if contract.terms.renewal is Renewal.OPTIE else "verlenging"
        notes.append(
            f"de termijn voor de lopende periode is verstreken; {kind} tot {sched.certain_end.strftime(DAY)} aangenomen"
        )
    if sched.renewals_before and contract.terms.renewal is Renewal.OPTIE:
        notes.append(
            f"aangenomen dat {sched.renewals_before} optie(s) zijn gelicht; werk de einddatum en resterende opties bij"
        )
    if not sched.expired and decision < peildatum:
        notes.append(f"beslisdatum {decision.strftime(DAY)} is al verstreken: direct handelen")
    if not types:
        notes.append("contracttype onbekend (blad Systemen): geen vragenlijst of profiel")
    if replace and sched.renewable:
        notes.append("koers vervangen: niet verlengen en tijdig opzeggen")
    return ContractView(
        contract,
        sched,
        laag,
        types[0] if types else None,
        action,
        lead,
        decision,
        _bucket(decision, sched.expired, peildatum, names),
        tuple(notes),
        views,
    )


def _conflicts(
    systems: tuple[SystemView, ...],
    contracts: tuple[ContractView, ...],
    peildatum: dt.date,
    requires_eer: Callable[[Laag, str], bool],
    register: Register,
) -> list[Conflict]:
    found: list[Conflict] = []
    covered = {name.casefold() for c in contracts for name in c.contract.systems}
    stale = add_months(peildatum, -STALE_MONTHS)
    for view in systems:
        s, name = view.system, view.system.name
        if view.laag in (Laag.KRITIEK, Laag.GEVOELIG) and not s.owner:
            found.append(
                Conflict(
                    "laag 1 of 2 zonder eigenaar",
                    name,
                    f"{view.laag.label if view.laag else ''}: geen eigenaar vastgelegd",
                )
            )
        outside = locations.outside_eer(s.hosting_locations)
        if outside and view.laag is not None and s.contract_type and requires_eer(view.laag, s.contract_type):
            found.append(
                Conflict(
                    "hosting buiten de EER",
                    name,
                    f"gehost in {', '.join(outside)}; de eisen voor {view.laag.label} "
                    f"en {s.contract_type} vragen opslag en verwerking binnen de EER",
                )
            )
        if s.confirmed is None or s.confirmed < stale:
            when = f"laatst op {s.confirmed.strftime(DAY)}" if s.confirmed else "nooit"
            found.append(
                Conflict(
                    "gegevens niet bevestigd",
                    name,
                    f"gegevens {when} bevestigd; langer dan {STALE_MONTHS} maanden geleden"
                    if s.confirmed
                    else "gegevens nooit bevestigd",
                )
            )
        if name.casefold() not in covered:
            found.append(Conflict("systeem zonder contract", name, "geen contract in het register"))
        if view.source == "opgegeven" and view.advice is not None and view.advice != view.laag:
            found.append(
                Conflict(
                    "laag wijkt af van BIA",
                    name,
                    f"opgegeven {view.laag.label if view.laag else ''}, BIA-advies "
                    f"{view.advice.label}; leg de reden vast",
                )
            )
        if view.laag is None:
            found.append(Conflict("laag onbekend", name, "geen laag en geen volledige BIA-antwoorden"))
    known = {v.system.name.casefold() for v in systems}
    for c in contracts:
        last = latest_end(c.contract.terms)
        for view in c.systems:
            planned = view.system.planned_until
            if planned is not None and last is not None and last < planned:
                found.append(
                    Conflict(
                        "contract eindigt vóór gepland gebruik",
                        c.contract.name,
                        f"uiterlijk tot {last.strftime(DAY)}, terwijl {view.system.name} "
                        f"gepland in gebruik is tot {planned.strftime(DAY)}",
                    )
                )
        for name in c.contract.systems:
            if name.casefold() not in known:
                found.append(
                    Conflict(
                        "onbekend systeem", c.contract.name, f"het systeem '{name}' staat niet in het blad Systemen"
                    )
                )
    return found


def analyse(
    register: Register,
    peildatum: dt.date,
    horizon: int,
    lead_times: Mapping[Laag, LeadTimes],
    requires_eer: Callable[[Laag, str], bool],
) -> Portfolio:
    """The portfolio on ``peildatum``; ``horizon`` months is the last bucket before 'later'."""
    if not 1 <= horizon <= 120:
        raise InputError("kies een aantal maanden van 1 tot en met 120", field="horizon", subject=str(horizon))
    issues = list(register.issues)
    systems = tuple(_tier(s, issues, register.source) for s in register.systems)
    by_name = {v.system.name.casefold(): v for v in systems}
    names = bucket_names(horizon)
    contracts = tuple(
        sorted(
            (_contract(c, by_name, peildatum, lead_times, names) for c in register.contracts),
            key=lambda c: (c.decision, c.contract.name.casefold()),
        )
    )
    conflicts = _conflicts(systems, contracts, peildatum, requires_eer, register)
    full = Register(register.source, register.organisation, register.systems, register.contracts, tuple(issues))
    return Portfolio(full, peildatum, horizon, names, systems, contracts, tuple(conflicts), dict(lead_times))
