"""A JSON export shaped like the GEMMA Softwarecatalogus objects where they map cleanly:
per system a ``gebruik`` (an organisation's use of a package of a supplier, with hosting)
and per contract a ``contract`` with the term and renewal data the catalogue lacks. Fields
without a clean counterpart are grouped under ``aanbesteding``."""

from __future__ import annotations

import json
from typing import Any

from aanbesteding import __version__
from aanbesteding.portfolio.analysis import ContractView, Portfolio, SystemView


def _date(value: object) -> str | None:
    return value.isoformat() if hasattr(value, "isoformat") else None


def _usage(v: SystemView, organisation: str, suppliers: dict[str, str]) -> dict[str, Any]:
    s = v.system
    supplier = s.supplier or suppliers.get(s.name.casefold(), "")
    return {
        "organisatie": {"naam": organisation},
        "pakket": {"naam": s.package or s.name, "leverancier": {"naam": supplier or None}},
        "naam": s.name,
        "omschrijving": s.description or None,
        "hosting": {"aanbieder": s.hosting_provider or None, "locaties": list(s.hosting_locations)},
        "aanbesteding": {
            "laag": v.laag.value if v.laag else None,
            "herkomstLaag": v.source,
            "contracttype": s.contract_type,
            "eigenaar": s.owner or None,
            "laatstBevestigd": _date(s.confirmed),
            "geplandGebruikTot": _date(s.planned_until),
        },
    }


def _contract(c: ContractView) -> dict[str, Any]:
    t, s = c.contract.terms, c.schedule
    return {
        "naam": c.contract.name,
        "leverancier": {"naam": c.contract.supplier or None},
        "gebruiken": list(c.contract.systems),
        "ingangsdatum": _date(c.contract.start),
        "einddatum": t.end.isoformat(),
        "verlenging": {
            "soort": t.renewal.value,
            "periodeMaanden": t.period_months,
            "resterendeOpties": t.options,
            "opzegtermijn": ({"aantal": t.notice.amount, "eenheid": t.notice.unit.value} if t.notice else None),
        },
        "uitersteEinddatum": _date(t.max_end),
        "waardePerJaar": c.contract.value,
        "aanbesteding": {
            "koers": c.contract.koers,
            "laag": c.laag.value,
            "lopendePeriodeTot": s.current_end.isoformat(),
            "looptZekerTot": s.certain_end.isoformat(),
            "uitersteOpzegdag": _date(s.notice_day),
            "verlopen": s.expired,
            "actie": c.action,
            "beslisdatum": c.decision.isoformat(),
            "termijn": c.bucket,
            "toelichting": list(c.notes),
        },
    }


def export_bytes(p: Portfolio) -> bytes:
    """The export as UTF-8 JSON; a system without a supplier takes that of its first contract."""
    suppliers: dict[str, str] = {}
    for c in p.contracts:
        for name in c.contract.systems:
            if c.contract.supplier:
                suppliers.setdefault(name.casefold(), c.contract.supplier)
    data = {
        "bron": f"aanbesteding {__version__} portfolio",
        "register": p.register.source,
        "peildatum": p.peildatum.isoformat(),
        "organisatie": {"naam": p.organisation},
        "gebruiken": [
            _usage(v, p.organisation, suppliers) for v in sorted(p.systems, key=lambda v: v.system.name.casefold())
        ],
        "contracten": [_contract(c) for c in p.contracts],
    }
    return (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
