"""The annex as an OCDS 1.1 release package (JSON) for e-procurement platforms.

Each chapter with eisen or bepalingen is one ``tender.criteria[]`` entry (Requirements
extension) with ONE requirement group holding all of them, in the annex's order: in OCDS the
groups of a criterion are alternatives and the requirements of a group must all be met, and
the annex says every eis must be met and every bepaling accepted. The award criteria (Award
criteria breakdown extension) sit on the single lot (Lots extension); they come from
:func:`_award_criteria` alone.

The ocid is the publisher's prefix and the tender's kenmerk, so it stays the same for the same
tender (also when a clause changes) and differs between tenders; without a kenmerk there is
no export. The release id carries a digest of the content, so a corrected release gets a new
id. Output is deterministic: dates follow the document date.
"""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from typing import Any

from aanbesteding.compose.annex import Annex, Requirement
from aanbesteding.domain import Kind
from aanbesteding.errors import InputError, Ref
from aanbesteding.responses.model import Responses
from aanbesteding.tender.model import Tender
from aanbesteding.writers.export.ocds_bids import add_bids

# Versioned extension URLs: the exact schemas the tests validate against (tests/data/ocds).
# The submission terms extension defines SubmissionTerms, which the lots extension refers to.
_RAW = "https://raw.githubusercontent.com/open-contracting-extensions"
EXTENSIONS = (
    f"{_RAW}/ocds_requirements_extension/b4f5ba94/extension.json",
    f"{_RAW}/ocds_lots_extension/8d3b52eb/extension.json",
    f"{_RAW}/ocds_submissionTerms_extension/14edfeaf4bd39b25f169d83491a6a56a06431a0e/extension.json",
    f"{_RAW}/ocds_awardCriteria_extension/9391240f/extension.json",
)
# The prefix the OCDS documentation uses in its examples: fine for a concept, never published.
EXAMPLE_PREFIX = "ocds-213czf"
# Organisation identifier schemes (org-id.guide): Dutch OIN and Chamber of Commerce number.
OIN_SCHEME = "NL-OIN"
KVK_SCHEME = "NL-KVK"
GROUP_DESCRIPTION = (
    "Aan alle eisen in dit criterium moet worden voldaan en alle "
    "contractbepalingen moeten worden aanvaard; een Inschrijving die één ervan "
    "niet nakomt, voldoet niet aan dit criterium."
)


def slug(text: str) -> str:
    """``Gemeente Súdwest-Fryslân`` -> ``gemeente-sudwest-fryslan`` (for ids and file names)."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


def ocid_of(tender: Tender) -> str:
    """The ocid: the publisher's prefix and the tender's kenmerk (stable, one per tender).

    Raises InputError without a usable kenmerk, and for a definitive document that still has
    the documentation's example prefix.
    """
    if tender.kenmerk is None:
        raise InputError(
            [
                "de OCDS-export heeft een ",
                Ref("kenmerk"),
                " nodig (het kenmerk "
                "of zaaknummer van de aanbesteding); daarvan wordt de ocid gemaakt, die "
                "voor deze aanbesteding altijd dezelfde moet zijn en voor elke andere "
                "aanbesteding anders",
            ],
            field="json",
        )
    reference = slug(tender.kenmerk)
    if not reference:
        raise InputError(
            ["voor de OCDS-export (", Ref("json"), ") moet het kenmerk letters of cijfers (a-z, 0-9) bevatten"],
            field="kenmerk",
            subject=f"'{tender.kenmerk}'",
        )
    prefix = tender.ocid_prefix or EXAMPLE_PREFIX
    if tender.status == "definitief" and prefix == EXAMPLE_PREFIX:
        raise InputError(
            [
                Ref("json"),
                " met ",
                Ref("status"),
                f" definitief: {EXAMPLE_PREFIX} is het voorbeeld uit de OCDS-documentatie; geef met ",
                Ref("ocid_prefix"),
                " (of ocid_prefix in het profiel) de OCDS-prefix die uw organisatie is toegekend",
            ]
        )
    return f"{prefix}-{reference}"


def _requirement(req: Requirement) -> dict[str, Any]:
    kind = "Eis (knock-out)" if req.kind is Kind.EIS else "Contractbepaling (te aanvaarden)"
    return {
        "id": req.number,
        "title": f"{req.number} {req.title}",
        "description": f"{kind}. {req.text}\n\nWijze van aantonen: {req.wijze_van_aantonen}",
        "dataType": "boolean",
        "expectedValue": True,
    }


def _criteria(annex: Annex) -> list[dict[str, Any]]:
    """One criterion per chapter, with one group that holds every eis and bepaling of it."""
    criteria = []
    for section in annex.sections:
        reqs = [_requirement(r) for r in section.requirements if r.kind in (Kind.EIS, Kind.BEPALING)]
        if reqs:
            criteria.append(
                {
                    "id": section.theme.id,
                    "title": section.theme.titel,
                    "description": section.theme.inleiding.strip(),
                    "requirementGroups": [
                        {"id": f"{section.theme.id}-alle", "description": GROUP_DESCRIPTION, "requirements": reqs}
                    ],
                }
            )
    return criteria


def _buyer(tender: Tender) -> dict[str, Any]:
    """The buyer as an OCDS party: name, roles and the identifiers that were given."""
    ids = [(scheme, value) for scheme, value in ((OIN_SCHEME, tender.oin), (KVK_SCHEME, tender.kvk)) if value]
    party: dict[str, Any] = {
        "id": f"{ids[0][0]}-{ids[0][1]}" if ids else slug(tender.organisatie_naam) or "koper",
        "name": tender.organisatie_naam,
    }
    if ids:
        party["identifier"] = {"scheme": ids[0][0], "id": ids[0][1], "legalName": tender.organisatie_naam}
    if len(ids) > 1:
        party["additionalIdentifiers"] = [{"scheme": s, "id": v} for s, v in ids[1:]]
    party["roles"] = ["buyer", "procuringEntity"]
    return party


def _publisher(party: dict[str, Any]) -> dict[str, Any]:
    publisher: dict[str, Any] = {"name": party["name"]}
    if "identifier" in party:
        publisher["scheme"] = party["identifier"]["scheme"]
        publisher["uid"] = party["identifier"]["id"]
    return publisher


def _award_criteria(annex: Annex) -> dict[str, Any]:
    """The award criteria exactly as the bijlage publishes them: the leidraad's model when it is
    given, this bijlage's sub-criterion with its share and how it is built, each wens with its
    points inside it; no criterion the bijlage does not have (never a 0% one)."""
    award = annex.award
    g = award.gunning
    leidraad = g.leidraad if g and g.leidraad else "de aanbestedingsleidraad"
    wensen = [r for r in annex.of_kind(Kind.WENS) if r.weight is not None and not r.scored_in_sov_table]
    build = (
        f"Uitgewerkt in de bijlage digitale soevereiniteit: {award.wensen_share}% "
        f"wensenscore + {award.sov_share}% Soevereiniteitsscore (gebaseerd op het EU Cloud "
        f"Sovereignty Framework, wegingsprofiel {annex.tender.weging})."
    )
    criteria: list[dict[str, Any]] = []
    if g is not None and g.criteria:
        for c in g.criteria:
            own = award.part and c.naam == g.subcriterium
            criteria.append(
                {
                    "type": "price" if c.prijs else "quality",
                    "name": c.naam,
                    "description": build
                    if own
                    else f"Criterium uit {leidraad}" + (f" ({annex.tender.prijsmethode})." if c.prijs else "."),
                    "numbers": [{"number": c.weging, "weight": "percentageExact"}],
                }
            )
    elif award.part:
        item: dict[str, Any] = {"type": "quality", "name": award.subcriterion, "description": build}
        if award.share:
            item["numbers"] = [{"number": award.share, "weight": "percentageExact"}]
        criteria.append(item)
    if award.part:
        for req in wensen:
            criteria.append(
                {
                    "type": "quality",
                    "name": f"{req.number} {req.title}",
                    "description": f"Wens binnen {award.subcriterion}: {req.text}",
                    "numbers": [{"number": req.weight, "weight": "pointsExact"}],
                }
            )
    if not award.part:
        description = (
            f"Deze bijlage heeft geen eigen gunningscriterium ({award.reason}); zij "
            f"bevat alleen eisen en contractbepalingen. Het gunningsmodel staat in "
            f"{leidraad}."
        )
    else:
        description = (
            f"{award.subcriterion} telt voor "
            + (f"{award.share}%" if award.share else "het in de leidraad genoemde percentage")
            + f" in de totaalscore volgens {leidraad}; binnen dat subcriterium telt "
            "elke wens met zijn punten."
        )
    result: dict[str, Any] = {"weightingDescription": description}
    if criteria:
        result["criteria"] = criteria
    return result


def ocds_release_package(annex: Annex) -> dict[str, Any]:
    """The annex as an OCDS release package (plain data); raises InputError (see
    :func:`ocid_of`)."""
    tender = annex.tender
    ocid = ocid_of(tender)
    stamp = f"{tender.datum.isoformat()}T00:00:00Z"
    party = _buyer(tender)
    release: dict[str, Any] = {
        "ocid": ocid,
        "date": stamp,
        "tag": ["tender"],
        "initiationType": "tender",
        "language": "nl",
        "parties": [party],
        "buyer": {"id": party["id"], "name": party["name"]},
        "tender": {
            "id": tender.kenmerk,
            "title": tender.opdracht_titel,
            "description": f"Eisen, wensen en contractbepalingen voor digitale autonomie en "
            f"soevereiniteit ({tender.laag.label}).",
            "procuringEntity": {"id": party["id"], "name": party["name"]},
            "criteria": _criteria(annex),
            "lots": [{"id": "1", "title": tender.opdracht_titel, "awardCriteria": _award_criteria(annex)}],
        },
    }
    # The id changes with the content: a corrected release never repeats an earlier id.
    digest = hashlib.sha256(json.dumps(release, ensure_ascii=False, sort_keys=True).encode("utf-8")).hexdigest()[:12]
    release = {
        "ocid": ocid,
        "id": f"{ocid}-{slug(tender.versie) or 'versie'}-{digest}",
        **{k: v for k, v in release.items() if k != "ocid"},
    }
    return {
        "uri": f"urn:ocid:{ocid}:{release['id']}",
        "version": "1.1",
        "publishedDate": stamp,
        "publisher": _publisher(party),
        "extensions": list(EXTENSIONS),
        "releases": [release],
    }


def ocds_bytes(annex: Annex, responses: Responses | None = None) -> bytes:
    """The release package as UTF-8 JSON, indented, keys in a fixed order; with imported
    ``responses`` it carries their bids (see :mod:`aanbesteding.writers.export.ocds_bids`)."""
    package = ocds_release_package(annex)
    add_bids(package, annex, responses)
    return (json.dumps(package, ensure_ascii=False, indent=2) + "\n").encode()
