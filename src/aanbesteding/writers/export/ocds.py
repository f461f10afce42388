"""The annex as an OCDS 1.1 release package (JSON) for e-procurement platforms.

Eisen and bepalingen become ``tender.criteria[].requirementGroups[].requirements[]`` (the
Requirements extension), one criterion per chapter, with the annex's numbers as requirement
ids. The award criteria (Award criteria breakdown extension) sit on the single lot (Lots
extension): the leidraad's criteria or this bijlage's sub-criterion with its share, and each wens with
its weight in points. Output is deterministic: dates follow the document date.
"""

from __future__ import annotations

import json
import re
import unicodedata
from typing import Any

from aanbesteding.compose.annex import Annex, Requirement
from aanbesteding.domain import Kind

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
    """The award criteria exactly as the bijlage publishes them: the leidraad's model when it is
    given, this bijlage's sub-criterion with its share and how it is built, each wens with its
    points inside it; no criterion the bijlage does not have (never a 0% one)."""
    award = annex.award
    g = award.gunning
    leidraad = g.leidraad if g and g.leidraad else "de aanbestedingsleidraad"
    wensen = [r for r in annex.of_kind(Kind.WENS) if r.weight is not None
              and not r.scored_in_sov_table]
    build = (f"Uitgewerkt in de bijlage digitale soevereiniteit: {award.wensen_share}% "
             f"wensenscore + {award.sov_share}% Soevereiniteitsscore (gebaseerd op het EU Cloud "
             f"Sovereignty Framework, wegingsprofiel {annex.tender.weging}).")
    criteria: list[dict[str, Any]] = []
    if g is not None and g.criteria:
        for c in g.criteria:
            own = award.part and c.naam == g.subcriterium
            criteria.append({
                "type": "price" if c.prijs else "quality", "name": c.naam,
                "description": build if own else f"Criterium uit {leidraad}"
                + (f" ({annex.tender.prijsmethode})." if c.prijs else "."),
                "numbers": [{"number": c.weging, "weight": "percentageExact"}]})
    elif award.part:
        item: dict[str, Any] = {"type": "quality", "name": award.subcriterion, "description": build}
        if award.share:
            item["numbers"] = [{"number": award.share, "weight": "percentageExact"}]
        criteria.append(item)
    if award.part:
        for req in wensen:
            criteria.append({"type": "quality", "name": f"{req.number} {req.title}",
                             "description": f"Wens binnen {award.subcriterion}: {req.text}",
                             "numbers": [{"number": req.weight, "weight": "pointsExact"}]})
    if not award.part:
        description = (f"Deze bijlage heeft geen eigen gunningscriterium ({award.reason}); zij "
                       f"bevat alleen eisen en contractbepalingen. Het gunningsmodel staat in "
                       f"{leidraad}.")
    else:
        description = (f"{award.subcriterion} telt voor "
                       + (f"{award.share}%" if award.share else "het in de leidraad genoemde "
                          "percentage")
                       + f" in de totaalscore volgens {leidraad}; binnen dat subcriterium telt "
                       "elke wens met zijn punten.")
    result: dict[str, Any] = {"weightingDescription": description}
    if criteria:
        result["criteria"] = criteria
    return result


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


def ocds_bytes(annex: Annex) -> bytes:
    """The release package as UTF-8 JSON, indented, keys in a fixed order."""
    return (json.dumps(ocds_release_package(annex), ensure_ascii=False, indent=2) + "\n").encode()
