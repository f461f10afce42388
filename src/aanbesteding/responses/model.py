"""The responses contract: what bidders answered, per bidder and per numbered item.

A front end turns a bidder's form into a :class:`BidderResponse`; the grid writer places every
answer in the input cells its layout computes for that bidder (never in the committee's own
judgement cells: a SEAL level claimed by the bidder is shown next to the level the committee
determines, not in its place). Plain frozen data: no I/O, no openpyxl, no library.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal


@dataclass(frozen=True)
class ItemAnswer:
    """A bidder's answer on one numbered item of the bijlage (E-01, W-02, B-03)."""

    number: str
    answer: str | None = None  # eis: "Ja"/"Nee"; bepaling: "Ja" (accepted) or "Nee"; wens: None
    offer: str = ""  # wens: what the bidder offers (the committee scores it)
    evidence: str = ""  # where in the bid the evidence is: document and page
    remark: str = ""


@dataclass(frozen=True)
class SealClaim:
    """The SEAL level a bidder claims for one EU CSF objective, with its evidence reference."""

    objective: str  # SOV-1 .. SOV-8
    level: int  # 0..4, claimed; the committee determines the level it accepts
    evidence: str = ""


@dataclass(frozen=True)
class BidderResponse:
    """Everything one bidder answered on its form, and where the form came from."""

    bidder: str  # as named in the grid (the tender's inschrijvers)
    kvk: str = ""
    contact: str = ""
    signed_on: dt.date | None = None
    items: tuple[ItemAnswer, ...] = ()
    seal: tuple[SealClaim, ...] = ()
    price: Decimal | None = None  # the price P as the leidraad's model defines it
    source_name: str = ""  # file name of the form the answers were read from
    source_sha256: str = ""  # SHA-256 of that file's bytes
    signatory: str = ""  # who signed the form: name, function, place (optional, added later)

    def item(self, number: str) -> ItemAnswer | None:
        """The answer on item ``number``, or None when the bidder gave none."""
        return next((a for a in self.items if a.number == number), None)

    def claim(self, objective: str) -> SealClaim | None:
        """The SEAL claim for ``objective``, or None."""
        return next((c for c in self.seal if c.objective == objective), None)


@dataclass(frozen=True)
class Responses:
    """The answers of the bidders whose forms were imported, in the grid's bidder order."""

    bidders: tuple[BidderResponse, ...] = field(default_factory=tuple)

    def for_bidder(self, name: str) -> BidderResponse | None:
        """The response of the bidder named ``name`` (exact name as in the grid), or None."""
        return next((b for b in self.bidders if b.bidder == name), None)
