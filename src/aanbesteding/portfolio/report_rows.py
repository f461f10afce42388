"""The report's tables as plain rows of text and dates, shared by the Excel and Word writers."""

from __future__ import annotations

import datetime as dt
from collections import Counter

from aanbesteding.domain import Laag
from aanbesteding.portfolio.analysis import ContractView, Portfolio
from aanbesteding.portfolio.dates import Renewal

Cell = str | int | float | dt.date | None

SYSTEM_HEADERS = (
    "Systeem",
    "Laag",
    "Herkomst laag",
    "Eigenaar",
    "Leverancier",
    "Pakket",
    "Contracttype",
    "Hosting",
    "Locatie",
    "Laatst bevestigd",
    "Gepland gebruik tot",
    "Contracten",
    "Redenen (BIA)",
)
CONTRACT_HEADERS = (
    "Termijn",
    "Contract",
    "Systemen",
    "Leverancier",
    "Laag",
    "Verlenging",
    "Lopende periode tot",
    "Loopt zeker tot",
    "Uiterste opzegdag / optiedatum",
    "Actie",
    "Beslistermijn (maanden)",
    "Beslisdatum",
    "Koers",
    "Waarde per jaar",
    "Toelichting",
)
DATE_COLUMNS_CONTRACTS = (6, 7, 8, 11)
DATE_COLUMNS_SYSTEMS = (9, 10)


def renewal_text(view: ContractView) -> str:
    terms = view.contract.terms
    if terms.renewal is Renewal.GEEN:
        return "geen"
    period = f"{terms.period_months} mnd"
    if terms.renewal is Renewal.OPTIE:
        left = view.schedule.options_left
        return f"optie ({period}; {left} over)"
    return f"stilzwijgend ({period}; opzeggen {terms.notice})"


def system_rows(portfolio: Portfolio) -> list[tuple[Cell, ...]]:
    contracts: dict[str, list[str]] = {}
    for c in portfolio.contracts:
        for name in c.contract.systems:
            contracts.setdefault(name.casefold(), []).append(c.contract.name)
    rows: list[tuple[Cell, ...]] = []
    for v in sorted(portfolio.systems, key=lambda v: (v.laag or 9, v.system.name.casefold())):
        s = v.system
        rows.append(
            (
                s.name,
                v.laag.label if v.laag else "onbekend",
                v.source,
                s.owner,
                s.supplier,
                s.package,
                s.contract_type or "",
                s.hosting_provider,
                ", ".join(s.hosting_locations),
                s.confirmed,
                s.planned_until,
                ", ".join(contracts.get(s.name.casefold(), [])),
                "; ".join(v.reasons),
            )
        )
    return rows


def contract_row(c: ContractView) -> tuple[Cell, ...]:
    s = c.schedule
    return (
        c.bucket,
        c.contract.name,
        ", ".join(c.contract.systems),
        c.contract.supplier,
        c.laag.value,
        renewal_text(c),
        s.current_end,
        s.certain_end,
        s.notice_day,
        c.action,
        c.lead_months,
        c.decision,
        c.contract.koers,
        c.contract.value,
        "; ".join(c.notes),
    )


def contract_rows(portfolio: Portfolio) -> list[tuple[Cell, ...]]:
    order = {name: i for i, name in enumerate(portfolio.buckets)}
    views = sorted(portfolio.contracts, key=lambda c: (order[c.bucket], c.decision, c.contract.name.casefold()))
    return [contract_row(c) for c in views]


def tier_counts(portfolio: Portfolio) -> list[tuple[str, int, int, int]]:
    """Per tier (and 'onbekend'): systems, of which from the BIA, of which typed."""
    rows = []
    for laag in (*Laag, None):
        views = [v for v in portfolio.systems if v.laag == laag]
        label = laag.label if laag else "Laag onbekend"
        rows.append(
            (label, len(views), sum(v.source == "BIA" for v in views), sum(v.source == "opgegeven" for v in views))
        )
    return rows


def bucket_counts(portfolio: Portfolio) -> list[tuple[str, int, int, int]]:
    """Per bucket: contracts, of which verlengingstoets, of which aanbesteden."""
    counts = Counter((c.bucket, c.action) for c in portfolio.contracts)
    return [
        (
            b,
            counts[(b, "verlengingstoets")] + counts[(b, "aanbesteden")],
            counts[(b, "verlengingstoets")],
            counts[(b, "aanbesteden")],
        )
        for b in portfolio.buckets
    ]


def conflict_rows(portfolio: Portfolio) -> list[tuple[Cell, ...]]:
    return [(c.kind, c.subject, c.message) for c in portfolio.conflicts]


def issue_rows(portfolio: Portfolio) -> list[tuple[Cell, ...]]:
    return [(i.source, i.sheet, i.row, i.column or "", i.message) for i in portfolio.issues]


METHOD = (
    "Lopende periode: de initiële looptijd eindigt op de einddatum; elke verlenging duurt de "
    "verlengingsperiode en wordt geteld vanaf de dag na de einddatum, zodat maandeinden en "
    "29 februari niet verschuiven. Een verlenging telt alleen als er een optie over is en zij "
    "niet na de uiterste einddatum eindigt. Een optie waarvan de periode al is begonnen, geldt "
    "als gelicht.",
    "Uiterste opzegdag: teruggerekend vanaf het einde van de lopende periode (niet de initiële): "
    "wie op die dag opzegt of de optie licht, houdt de volledige termijn over. Bestaat de dag niet "
    "in de kortere maand, dan telt de vroegere dag, zodat de termijn nooit te kort is. Is de "
    "opzegdag verstreken, dan is de volgende verlenging zeker en telt de opzegdag van de "
    "volgende periode.",
    "Beslisdatum: de laatste dag om te handelen (opzegdag of optiedatum; zonder verlenging de "
    "einddatum) min de beslistermijn van de laag en de actie uit het beleid van de bibliotheek.",
    "Actie: aanbesteden als geen verlenging meer mogelijk is (geen verlenging, opties op, of "
    "de verlenging zou na de uiterste einddatum eindigen) of de koers 'vervangen' is; anders "
    "verlengingstoets. Termijn: de beslisdatum binnen 3, 6 of 12 maanden (tot de horizon) na "
    "de peildatum, of later; een verstreken beslisdatum valt in de eerste termijn; verlopen "
    "contracten apart. Een beslistermijn in het register gaat voor die van het beleid.",
)
