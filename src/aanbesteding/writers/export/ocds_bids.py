"""Bids for the OCDS export, from imported inschrijversformulieren (Bids extension, with
``requirementResponses`` from the Requirements extension).

What is published when:

- ``genereer --json`` writes the tender release: the eisen and bepalingen as criteria and the
  award criteria. It names no bidder and may be published with the tender.
- ``importeer --json`` adds ``bids.details`` (one bid per imported form, status ``pending``: the
  committee has not judged yet), the bidders as ``parties`` with role ``tenderer`` and their
  KvK number, and per eis and bepaling the bidder's own Ja/Nee as a boolean
  ``requirementResponse`` to the requirement with the same number. Bidders' names are
  confidential until the award (Aanbestedingswet 2012 art. 2.57): publish this file only after
  the award decision is final. Prices, offers on wensen, remarks, evidence references and SEAL
  claims are business information and are never in it.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

from aanbesteding.compose.annex import Annex
from aanbesteding.domain import Kind
from aanbesteding.responses.model import BidderResponse, Responses

# Pinned like the other extensions (see EXTENSIONS in ocds.py): the schema this output follows.
BIDS_EXTENSION = (
    "https://raw.githubusercontent.com/open-contracting-extensions/ocds_bid_extension/"
    "018e0a92aa0e0918ab0e4be138195f120e858c99/extension.json"
)
KVK_SCHEME = "NL-KVK"  # as the buyer's identifier in ocds.py (org-id.guide)


def _party_id(index: int, response: BidderResponse) -> str:
    return f"{KVK_SCHEME}-{response.kvk}" if response.kvk else f"inschrijver-{index}"


def _party(index: int, response: BidderResponse) -> dict[str, Any]:
    party: dict[str, Any] = {"id": _party_id(index, response), "name": response.bidder}
    if response.kvk:
        party["identifier"] = {"scheme": KVK_SCHEME, "id": response.kvk, "legalName": response.bidder}
    party["roles"] = ["tenderer"]
    return party


def _bid(index: int, response: BidderResponse, answered: set[str], date: str) -> dict[str, Any]:
    answers = [a for a in response.items if a.number in answered and a.answer in ("Ja", "Nee")]
    bid: dict[str, Any] = {
        "id": f"inschrijving-{index}",
        "date": date,
        "status": "pending",
        "tenderers": [{"id": _party_id(index, response), "name": response.bidder}],
        "relatedLots": ["1"],
    }
    if answers:
        bid["requirementResponses"] = [
            {"id": f"inschrijving-{index}-{a.number}", "requirement": {"id": a.number}, "value": a.answer == "Ja"}
            for a in answers
        ]
    return bid


def add_bids(package: dict[str, Any], annex: Annex, responses: Responses | None) -> None:
    """Add the bids of ``responses`` to the release package (nothing without responses)."""
    if responses is None or not responses.bidders:
        return
    release = package["releases"][0]
    answered = {
        r.number for r in annex.requirements if r.kind in (Kind.EIS, Kind.BEPALING) and not r.scored_in_sov_table
    }
    order = {name: i for i, name in enumerate(annex.tender.inschrijvers, start=1)}
    bidders = sorted(responses.bidders, key=lambda b: order.get(b.bidder, len(order) + 1))
    release["tag"] = ["tenderUpdate"]
    release["parties"] = [*release.get("parties", []), *(_party(order[b.bidder], b) for b in bidders)]
    release["bids"] = {
        "statistics": [{"id": "1", "measure": "bids", "value": len(bidders)}],
        "details": [_bid(order[b.bidder], b, answered, release["date"]) for b in bidders],
    }
    # A release with bids is a new release: its id (and the package uri) change with them.
    digest = hashlib.sha256(
        json.dumps(release["bids"], ensure_ascii=False, sort_keys=True).encode("utf-8")
    ).hexdigest()[:12]
    old = release["id"]
    release["id"] = f"{old}-inschrijvingen-{digest}"
    package["uri"] = str(package.get("uri", "")).replace(old, release["id"])
    package["extensions"] = [*package["extensions"], BIDS_EXTENSION]
