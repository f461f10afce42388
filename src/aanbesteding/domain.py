"""Fixed domain vocabulary: tiers, contract types, requirement kinds, SOV objectives, risks.

Everything here comes from the domain brief and changes only with the law or the framework,
not per tender. Labels are Dutch because they end up in documents.
"""

from __future__ import annotations

import datetime as dt
from enum import IntEnum, StrEnum
from typing import Literal

Soort = Literal["eis", "wens", "bepaling"]
Status = Literal["concept", "in-review", "vastgesteld", "vervallen"]
ContractType = Literal["saas", "paas", "iaas", "hosting", "licentie"]
Sov = Literal["SOV-1", "SOV-2", "SOV-3", "SOV-4", "SOV-5", "SOV-6", "SOV-7", "SOV-8"]
Risico = Literal["R1", "R2", "R3", "R4", "R5", "R6", "R7", "R8", "R9", "R10", "R11"]

# The dates a document may carry (every date option and field checks this one range): a zip
# package cannot hold a date before 1980 or after 2107, and a tender date far outside
# this range is a typing error.
FIRST_DATE = dt.date(2000, 1, 1)
LAST_DATE = dt.date(2099, 12, 31)


def date_problem(value: dt.date) -> str | None:
    """None when ``value`` may be a document date; otherwise the Dutch reason."""
    if FIRST_DATE <= value <= LAST_DATE:
        return None
    return (
        f"{value.isoformat()} ligt buiten het toegestane bereik; de datum moet tussen "
        f"{FIRST_DATE.isoformat()} en {LAST_DATE.isoformat()} liggen"
    )


SOORTEN: tuple[Soort, ...] = ("eis", "wens", "bepaling")
CONTRACT_TYPES: tuple[ContractType, ...] = ("saas", "paas", "iaas", "hosting", "licentie")
SOVS: tuple[Sov, ...] = ("SOV-1", "SOV-2", "SOV-3", "SOV-4", "SOV-5", "SOV-6", "SOV-7", "SOV-8")


class Laag(IntEnum):
    """The three tiers of the drielagenmodel; the value is the tier number."""

    KRITIEK = 1
    GEVOELIG = 2
    ONDERSTEUNEND = 3

    @property
    def key(self) -> str:
        """The key used in clause files: ``kritiek``, ``gevoelig`` or ``ondersteunend``."""
        return self.name.lower()

    @property
    def naam(self) -> str:
        return self.name.capitalize()

    @property
    def label(self) -> str:
        """E.g. ``Laag 1 – Kritiek``."""
        return f"Laag {self.value} – {self.naam}"

    @classmethod
    def parse(cls, value: str | int) -> Laag:
        """Accept 1/2/3 or kritiek/gevoelig/ondersteunend; raise ValueError otherwise."""
        text = str(value).strip().lower()
        for laag in cls:
            if text in (str(laag.value), laag.key, f"laag {laag.value}", f"laag{laag.value}"):
                return laag
        raise ValueError(value)


class Kind(StrEnum):
    """Requirement kind with its number prefix and Dutch label."""

    EIS = "eis"
    WENS = "wens"
    BEPALING = "bepaling"

    @property
    def prefix(self) -> str:
        return {"eis": "E", "wens": "W", "bepaling": "B"}[self.value]

    @property
    def label(self) -> str:
        return {"eis": "Eis (knock-out)", "wens": "Wens (gunningscriterium)", "bepaling": "Contractbepaling"}[
            self.value
        ]


CONTRACT_TYPE_LABELS: dict[str, str] = {
    "saas": "Software as a Service (SaaS)",
    "paas": "Platform as a Service (PaaS)",
    "iaas": "Infrastructure as a Service (IaaS)",
    "hosting": "Beheerde hosting, housing of colocatie",
    "licentie": "On-premises softwarelicentie met onderhoud",
}

SOV_NAMES: dict[str, str] = {
    "SOV-1": "Strategische soevereiniteit",
    "SOV-2": "Juridische en rechtsgebonden soevereiniteit",
    "SOV-3": "Data- en AI-soevereiniteit",
    "SOV-4": "Operationele soevereiniteit",
    "SOV-5": "Soevereiniteit van de toeleveringsketen",
    "SOV-6": "Technologische soevereiniteit",
    "SOV-7": "Beveiligings- en compliancesoevereiniteit",
    "SOV-8": "Ecologische duurzaamheid",
}

RISK_NAMES: dict[str, str] = {
    "R1": "Strategische afhankelijkheid",
    "R2": "Vendor lock-in",
    "R3": "Verandering in eigendomsstructuur",
    "R4": "Juridische non-compliance",
    "R5": "Onzekerheid over rechtspositie",
    "R6": "Ongeautoriseerde toegang tot en misbruik van data",
    "R7": "Beheer van cryptografische sleutels en toegangspaden",
    "R8": "Ontzegging, beëindiging of opschorting van dienst",
    "R9": "Verlies van controle op integriteit van patches en updates",
    "R10": "Kwetsbaarheden in de digitale toeleveringsketen",
    "R11": "Concentratierisico",
}

# The default scale for wensen and what each score means.
SCALE_LABELS: dict[int, str] = {
    0: "niet aangeboden",
    2: "onvoldoende",
    4: "matig",
    6: "voldoende",
    8: "goed",
    10: "uitstekend",
}

SEAL_NAMES: dict[int, str] = {
    0: "Geen soevereiniteit",
    1: "Jurisdictionele soevereiniteit",
    2: "Data-soevereiniteit",
    3: "Digitale veerkracht",
    4: "Volledige digitale soevereiniteit",
}

# The EU Cloud Sovereignty Framework weight profiles a tender can choose. Their names and
# weights are legal's: ``wegingsprofielen`` in the library's beleid.yaml.
WeightProfileKey = Literal["eu-csf-2025", "eu-csf-2026"]
WEIGHT_PROFILE_KEYS: tuple[WeightProfileKey, ...] = ("eu-csf-2025", "eu-csf-2026")
# The minimum SEAL per tier and objective is legal's too: ``seal_minimum`` in beleid.yaml.
