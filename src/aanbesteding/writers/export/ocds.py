"""The annex as an OCDS 1.1 release package (JSON) for e-procurement platforms.

Eisen and bepalingen become ``tender.criteria[].requirementGroups[].requirements[]`` (the
Requirements extension), one criterion per chapter, with the annex's numbers as requirement
ids. The award criteria (Award criteria breakdown extension) sit on the single lot (Lots
extension): the ratio of quality, sovereignty and price in the total score, and each wens with
its weight in points. Output is deterministic: dates follow the document date.
"""

from __future__ import annotations

import json
import re
import unicodedata
from typing import Any

from aanbesteding.compose.annex import Annex, Requirement
from aanbesteding.domain import Kind
from aanbesteding.responses.model import Responses
from aanbesteding.writers.export.ocds_bids import add_bids

EXTENSIONS = (
    "https://raw.githubusercontent.com/open-contracting-extensions/ocds_requirements_extension/"
    "master/extension.json",
    "https://raw.githubusercontent.com/open-contracting-extensions/ocds_lots_extension/"
    "master/extension.json",
    "https://raw.githubusercontent.com/open-contracting-extensions/ocds_awardCriteria_extension/"
    "master/extension.json",
)
# Placeholder prefix: a publisher replaces it with the ocid prefix registered for it.
OCID_PREFIX = "ocds-213czf"


def slug(text: str) -> str:
    """``Gemeente Súdwest-Fryslân`` -> ``gemeente-sudwest-fryslan`` (for ids and file names)."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


def _requirement(req: Requirement) -> dict[str, Any]:
    kind = "Eis" if req.kind is Kind.EIS else "Contractbepaling"
    return {
        "id": req.number,
        "title": f"{req.number} {req.title}",
        "description": f"{kind}. {req.text}\n\nWijze van aantonen: {req.wijze_van_aantonen}",
        "dataType": "boolean",
        "expectedValue": True,
    }


def _criteria(annex: Annex) -> list[dict[str, Any]]:
    criteria = []
    for section in annex.sections:
        groups = []
        for kind, label in ((Kind.EIS, "Eisen: elke eis moet met Ja worden beantwoord."),
                            (Kind.BEPALING, "Contractbepalingen: de Inschrijver aanvaardt ze.")):
            reqs = [_requirement(r) for r in section.requirements if r.kind is kind]
            if reqs:
                groups.append({"id": f"{section.theme.id}-{kind.value}", "description": label,
                               "requirements": reqs})
        if groups:
            criteria.append({"id": section.theme.id, "title": section.theme.titel,
                             "description": section.theme.inleiding, "relatesToTenderer": False,
                             "requirementGroups": groups})
    return criteria


def _award_criteria(annex: Annex) -> dict[str, Any]:
    ratio = annex.ratio
    criteria: list[dict[str, Any]] = [
        {"type": "quality", "name": "Kwaliteit",
         "description": "Aandeel van de kwaliteitswensen in de totaalscore.",
         "numbers": [{"number": ratio.kwaliteit, "weight": "percentageExact"}]},
        {"type": "quality", "name": "Soevereiniteit",
         "description": "Aandeel van de Sovereignty Score (EU Cloud Sovereignty Framework, "
                        f"wegingsprofiel {annex.tender.weging}) in de totaalscore.",
         "numbers": [{"number": ratio.soevereiniteit, "weight": "percentageExact"}]},
        {"type": "price", "name": "Prijs",
         "description": f"Aandeel van de prijs in de totaalscore ({annex.tender.prijsmethode}).",
         "numbers": [{"number": ratio.prijs, "weight": "percentageExact"}]},
    ]
    for req in annex.of_kind(Kind.WENS):
        if req.weight is None:
            continue
        criteria.append({"type": "quality", "name": f"{req.number} {req.title}",
                         "description": req.text,
                         "numbers": [{"number": req.weight, "weight": "pointsExact"}]})
    return {"weightingDescription": "Kwaliteit, soevereiniteit en prijs tellen met de "
                                    "genoemde percentages; binnen kwaliteit telt elke wens met "
                                    "zijn punten.",
            "criteria": criteria}


def ocds_release_package(annex: Annex) -> dict[str, Any]:
    """The annex as an OCDS release package (plain data)."""
    tender = annex.tender
    stamp = f"{tender.datum.isoformat()}T00:00:00Z"
    reference = tender.kenmerk or f"{slug(tender.organisatie_naam)}-{annex.library_hash[:12]}"
    ocid = f"{OCID_PREFIX}-{slug(reference)}"
    return {
        "uri": f"urn:aanbesteding:{slug(reference)}:{slug(tender.versie)}",
        "version": "1.1",
        "publishedDate": stamp,
        "publisher": {"name": tender.organisatie_naam},
        "extensions": list(EXTENSIONS),
        "releases": [{
            "ocid": ocid,
            "id": f"{ocid}-bijlage-soevereiniteit-{slug(tender.versie)}",
            "date": stamp,
            "tag": ["tender"],
            "initiationType": "tender",
            "language": "nl",
            "buyer": {"name": tender.organisatie_naam},
            "tender": {
                "id": reference,
                "title": tender.opdracht_titel,
                "description": f"Eisen, wensen en contractbepalingen voor digitale autonomie en "
                               f"soevereiniteit ({tender.laag.label}).",
                "criteria": _criteria(annex),
                "lots": [{"id": "1", "title": tender.opdracht_titel,
                          "awardCriteria": _award_criteria(annex)}],
            },
        }],
    }


def ocds_bytes(annex: Annex, responses: Responses | None = None) -> bytes:
    """The release package as UTF-8 JSON, indented, keys in a fixed order; with imported
    ``responses`` it carries their bids (see :mod:`aanbesteding.writers.export.ocds_bids`)."""
    package = ocds_release_package(annex)
    add_bids(package, annex, responses)
    return (json.dumps(package, ensure_ascii=False, indent=2) + "\n").encode()
