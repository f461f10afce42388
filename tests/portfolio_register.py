"""A register of 13 systems and 14 contracts, filled by script into the empty register that
``portfolio init`` writes, with the hand-computed dates for peildatum 2027-01-15."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from openpyxl import load_workbook

D = dt.date
BIA_LAAG1 = {
    "proces": "vitaal",
    "persoonsgegevens": "gevoelig",
    "uitval_24u": "ernstig",
    "uitval_72u": "ernstig",
    "uitval_week": "ernstig",
    "wettelijke_taak": "ja",
    "buiten_eu": "nee",
    "offline": "nee",
}
BIA_LAAG2 = {
    "proces": "primair",
    "persoonsgegevens": "gevoelig",
    "uitval_24u": "beperkt",
    "uitval_72u": "aanzienlijk",
    "uitval_week": "ernstig",
    "wettelijke_taak": "ja",
    "buiten_eu": "nee",
    "offline": "nee",
}

SYSTEMS: list[dict[str, Any]] = [
    {
        "systeem": "Zaaksysteem",
        "laag": 2,
        "eigenaar": "Team Zaken",
        "contracttype": "saas",
        "hosting locatie": "Nederland",
        "laatst bevestigd": D(2026, 10, 1),
        "leverancier": "Acme Software B.V.",
    },
    {
        "systeem": "BRP-koppeling",
        "laag": 1,
        "eigenaar": None,
        "contracttype": "saas",
        "hosting locatie": "Nederland",
        "laatst bevestigd": D(2026, 6, 1),
    },
    {
        "systeem": "Belastingen",
        "eigenaar": "Team Belastingen",
        "contracttype": "saas",
        "hosting locatie": "Duitsland",
        "laatst bevestigd": D(2026, 9, 1),
        **BIA_LAAG1,
    },
    {
        "systeem": "Vergunningen",
        "eigenaar": "Team VTH",
        "contracttype": "saas",
        "hosting locatie": "Verenigde Staten",
        "laatst bevestigd": D(2026, 11, 1),
        **BIA_LAAG2,
    },
    {
        "systeem": "Intranet",
        "laag": 3,
        "eigenaar": "Communicatie",
        "contracttype": "saas",
        "hosting locatie": "Ierland",
        "laatst bevestigd": D(2025, 6, 30),
    },
    {
        "systeem": "Rapportage",
        "laag": 3,
        "eigenaar": "I&A",
        "contracttype": "licentie",
        "hosting locatie": "Nederland",
        "laatst bevestigd": D(2026, 12, 1),
    },
    {
        "systeem": "HR-systeem",
        "laag": 2,
        "eigenaar": "P&O",
        "contracttype": "saas",
        "hosting locatie": "Nederland",
        "laatst bevestigd": D(2026, 8, 15),
        "gepland gebruik tot": D(2031, 12, 31),
    },
    {
        "systeem": "Financiën",
        "laag": 2,
        "eigenaar": "Financiën",
        "contracttype": "saas",
        "hosting locatie": "Nederland",
        "laatst bevestigd": D(2026, 5, 1),
    },
    {
        "systeem": "Parkeren",
        "laag": 3,
        "eigenaar": "Mobiliteit",
        "contracttype": "saas",
        "hosting locatie": "Nederland",
        "laatst bevestigd": D(2026, 7, 1),
    },
    {
        "systeem": "Documentbeheer",
        "laag": 2,
        "eigenaar": "DIV",
        "contracttype": "paas",
        "hosting locatie": "Nederland",
        "laatst bevestigd": D(2026, 4, 1),
    },
    {
        "systeem": "Facilitair",
        "laag": 3,
        "eigenaar": "Facilitair",
        "contracttype": "saas",
        "hosting locatie": "Nederland",
        "laatst bevestigd": D(2026, 3, 1),
    },
    {
        "systeem": "Klantcontact",
        "laag": 2,
        "eigenaar": "KCC",
        "contracttype": "saas",
        "hosting locatie": "Nederland",
        "laatst bevestigd": D(2026, 2, 1),
    },
    {
        "systeem": "Archief e-Depot",
        "laag": 2,
        "eigenaar": "DIV",
        "contracttype": "hosting",
        "hosting locatie": "Nederland",
        "laatst bevestigd": D(2026, 10, 10),
    },
]


def _c(
    name: str,
    systems: str,
    supplier: str,
    end: dt.date,
    renewal: str = "geen",
    period: int | None = None,
    options: int | None = None,
    notice: str | None = None,
    max_end: dt.date | None = None,
    koers: str = "behouden",
    value: float | None = 100000.0,
) -> dict[str, Any]:
    return {
        "contract": name,
        "systemen": systems,
        "leverancier": supplier,
        "ingangsdatum": D(2019, 1, 1),
        "einddatum": end,
        "verlenging": renewal,
        "verlengingsperiode": period,
        "resterende opties": options,
        "opzegtermijn": notice,
        "uiterste einddatum": max_end,
        "koers": koers,
        "waarde": value,
    }


CONTRACTS: list[dict[str, Any]] = [
    _c("ZAAK-2023", "Zaaksysteem", "Acme Software B.V.", D(2025, 12, 31), "stilzwijgend", 12, notice="3 maanden"),
    _c(
        "BRP-2024", "BRP-koppeling", "Burgerzaken Nederland B.V.", D(2027, 6, 30), "stilzwijgend", 12, notice="90 dagen"
    ),
    _c(
        "BEL-2022",
        "Belastingen",
        "Fiscaal Software GmbH",
        D(2028, 6, 30),
        "optie",
        12,
        options=2,
        notice="6 maanden",
        max_end=D(2030, 6, 30),
    ),
    _c("VERG-2021", "Vergunningen", "ACME software bv", D(2024, 12, 31), "optie", 12, options=2, notice="3 maanden"),
    _c("HR-2023", "HR-systeem", "Personeelsdata B.V.", D(2027, 10, 31), "optie", 12, options=0, notice="3 maanden"),
    _c("INTRA-2020", "Intranet", "Cloudia Ltd", D(2022, 3, 31), "stilzwijgend", 12, notice="1 maand"),
    _c("RAP-2026", "Rapportage", "Rapido BV", D(2029, 2, 28), "stilzwijgend", 12, notice="2 maanden"),
    _c("FIN-2024", "Financiën", "Boekhoud B.V.", D(2028, 2, 29), "stilzwijgend", 12, notice="3 maanden"),
    _c("PARK-2019", "Parkeren", "=1+1 Parkeren BV", D(2026, 11, 30)),
    _c(
        "DMS-2025",
        "Documentbeheer",
        "Platformhuis BV",
        D(2027, 4, 30),
        "stilzwijgend",
        12,
        notice="60 dagen",
        koers="vervangen",
    ),
    _c(
        "KCC-2025",
        "Klantcontact",
        "Acme Software B.V.",
        D(2027, 12, 31),
        "stilzwijgend",
        12,
        notice="3 maanden",
        max_end=D(2028, 6, 30),
    ),
    _c("ARCH-2026", "Archief e-Depot", "Datakluis BV", D(2030, 12, 31), "stilzwijgend", 24, notice="6 maanden"),
    _c("ZAAK-ONDERSTEUNING", "Zaaksysteem", "Helpdesk BV", D(2027, 1, 31), "stilzwijgend", 3, notice="4 maanden"),
    _c("FOUT-1", "Zaaksysteem", "Foutief BV", "31-02-2027"),  # type: ignore[arg-type]
]

# Hand computations for peildatum 2027-01-15, lead times 6/18, 4/12, 3/9 months (laag 1/2/3):
# contract: (lopende periode tot, loopt zeker tot, uiterste opzegdag, actie, beslisdatum, termijn)
EXPECTED: dict[str, tuple[dt.date, dt.date, dt.date | None, str, dt.date, str]] = {
    # 2025-12-31 renewed to 2026-12-31 and 2027-12-31; notice: 1 Oct - 31 Dec; 30 Sep - 4 months
    "ZAAK-2023": (
        D(2027, 12, 31),
        D(2027, 12, 31),
        D(2027, 9, 30),
        "verlengingstoets",
        D(2027, 5, 30),
        "binnen 6 maanden",
    ),
    # 90 days before 30 Jun 2027: 30 (June) + 31 (May) + 29 (April) -> 1 Apr; laag 1: 6 months
    "BRP-2024": (D(2027, 6, 30), D(2027, 6, 30), D(2027, 4, 1), "verlengingstoets", D(2026, 10, 1), "binnen 3 maanden"),
    # option date 6 months before 30 Jun 2028: 31 Dec 2027; laag 1 (BIA): 6 months
    "BEL-2022": (
        D(2028, 6, 30),
        D(2028, 6, 30),
        D(2027, 12, 31),
        "verlengingstoets",
        D(2027, 6, 30),
        "binnen 6 maanden",
    ),
    # options to 2025-12-31 and 2026-12-31 used; none left: expired; laag 2 aanbesteden 12 months
    "VERG-2021": (D(2026, 12, 31), D(2026, 12, 31), None, "aanbesteden", D(2025, 12, 31), "verlopen"),
    # no options left: ends 31 Oct 2027; laag 2 aanbesteden: 12 months before the end
    "HR-2023": (D(2027, 10, 31), D(2027, 10, 31), None, "aanbesteden", D(2026, 10, 31), "binnen 3 maanden"),
    # yearly from 2022-03-31: current 2027-03-31; notice 1 month: 28 Feb 2027; laag 3: 3 months
    "INTRA-2020": (
        D(2027, 3, 31),
        D(2027, 3, 31),
        D(2027, 2, 28),
        "verlengingstoets",
        D(2026, 11, 28),
        "binnen 3 maanden",
    ),
    # 2 months before 28 Feb 2029: 31 Dec 2028; laag 3: 3 months -> 30 Sep 2028
    "RAP-2026": (D(2029, 2, 28), D(2029, 2, 28), D(2028, 12, 31), "verlengingstoets", D(2028, 9, 30), "later"),
    # ends on leap day 29 Feb 2028: notice from 1 Dec 2027, so by 30 Nov 2027; laag 2: 4 months
    "FIN-2024": (
        D(2028, 2, 29),
        D(2028, 2, 29),
        D(2027, 11, 30),
        "verlengingstoets",
        D(2027, 7, 30),
        "binnen 12 maanden",
    ),
    # no renewal, ended 30 Nov 2026; laag 3 aanbesteden 9 months: 30 Feb 2026 -> 28 Feb 2026
    "PARK-2019": (D(2026, 11, 30), D(2026, 11, 30), None, "aanbesteden", D(2026, 2, 28), "verlopen"),
    # koers vervangen; 60 days before 30 Apr 2027: 1 Mar 2027; laag 2 aanbesteden: 12 months
    "DMS-2025": (D(2027, 4, 30), D(2027, 4, 30), D(2027, 3, 1), "aanbesteden", D(2026, 3, 1), "binnen 3 maanden"),
    # a renewal to 31 Dec 2028 would pass the uiterste einddatum 30 Jun 2028: tender; 12 months
    "KCC-2025": (D(2027, 12, 31), D(2027, 12, 31), None, "aanbesteden", D(2026, 12, 31), "binnen 3 maanden"),
    # 24-month periods; notice 6 months before 31 Dec 2030; laag 2: 4 months -> 30 Feb -> 28 Feb
    "ARCH-2026": (D(2030, 12, 31), D(2030, 12, 31), D(2030, 6, 30), "verlengingstoets", D(2030, 2, 28), "later"),
    # 3-month periods, 4 months' notice: the notices for 31 Jan (30 Sep 2026) and 30 Apr
    # (31 Dec 2026) have passed, so it runs to 31 Jul 2027; notice 31 Mar 2027; 4 months -> 30 Nov
    "ZAAK-ONDERSTEUNING": (
        D(2027, 1, 31),
        D(2027, 7, 31),
        D(2027, 3, 31),
        "verlengingstoets",
        D(2026, 11, 30),
        "binnen 3 maanden",
    ),
}
EXPECTED_CONFLICTS = {
    ("laag 1 of 2 zonder eigenaar", "BRP-koppeling"),
    ("hosting buiten de EER", "Vergunningen"),
    ("contract eindigt vóór gepland gebruik", "HR-2023"),
    ("gegevens niet bevestigd", "Intranet"),
    ("systeem zonder contract", "Facilitair"),
}


def fill(path: Path, systems: list[dict[str, Any]] = SYSTEMS, contracts: list[dict[str, Any]] = CONTRACTS) -> None:
    """Fill the empty register at ``path`` by heading (text stays text, even '=1+1')."""
    wb = load_workbook(path)
    for sheet, rows in (("Systemen", systems), ("Contracten", contracts)):
        ws = wb[sheet]
        headings = {str(c.value): c.column for c in ws[1] if c.value}
        for r, row in enumerate(rows, start=2):
            for key, value in row.items():
                column = headings[key.replace("_", " ")]
                cell = ws.cell(row=r, column=column, value=value)
                if isinstance(value, str):
                    cell.data_type = "s"
    wb.save(path)
