"""Where things live in the grid: sheet names, the :class:`GridLayout` of every input cell, and
the cells one sheet reads from another.

The layout is computed once from the annex and used by every sheet and by the pre-fill of
bidders' responses; an importer or a test reads it (or the workbook's defined names) instead of
counting rows and columns.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from aanbesteding.domain import SOVS, Kind
from aanbesteding.writers.xlsx.cells import area

if TYPE_CHECKING:
    from aanbesteding.compose.annex import Annex, Requirement

TOELICHTING = "Toelichting"
EISEN = "Eisen"
WENSEN = "Wensen"
SOEVEREINITEIT = "Soevereiniteit"
PRIJS = "Prijs"
RESULTAAT = "Resultaat"
CRITERIA = "Criteria"  # the leidraad's other criteria, when its model is given
SHEETS = (TOELICHTING, EISEN, WENSEN, SOEVEREINITEIT, PRIJS, RESULTAAT)

# Resultaat has one row per bidder from row 2 on; Prijs reads the status column from it.
RESULT_FIRST_ROW = 2
RESULT_STATUS_COLUMN = 2

MOTIVERING = "motivering"


def motivering_header(bidder: str) -> str:
    """Header of a bidder's motivering column, e.g. ``Alfa motivering``."""
    return f"{bidder} {MOTIVERING}"


# Status texts the formulas produce and compare against.
GELDIG = "Geldig"
UITGESLOTEN = "Uitgesloten"


def result_row(bidder: int) -> int:
    """Row of bidder ``bidder`` (0-based) on the Resultaat sheet."""
    return RESULT_FIRST_ROW + bidder


@dataclass(frozen=True)
class Settings:
    """Cells on the Toelichting sheet that other sheets use (defined names)."""

    share_wensen: str  # whole percentages inside the sub-criterion
    share_sovereignty: str
    scale: str  # the score scale range, used by the Wensen dropdowns
    weights: tuple[str, ...]  # the leidraad's criteria weights (%), in its order; empty if none
    decimals: int  # scores in percent are rounded to this many decimals


@dataclass(frozen=True)
class EisenCells:
    """Per bidder: number of "Nee", every failed number (listed), inputs still open, answers
    without a motivering."""

    failed: list[str]
    failed_list: list[str]
    open: list[str]
    unexplained: list[str]


@dataclass(frozen=True)
class WensenCells:
    """Per bidder: quality as a fraction 0..1 (blank until complete), inputs still open, scores
    without a motivering."""

    quality: list[str]
    open: list[str]
    unexplained: list[str]


@dataclass(frozen=True)
class SovCells:
    """Per bidder: all minima met (Ja/Nee/Nog in te vullen), objectives below minimum, the lowest
    SEAL over the objectives with a minimum, Soevereiniteitsscore (0..100, blank until
    complete), inputs still open; plus the weight check."""

    minima_met: list[str]
    below_minimum: list[str]
    overall_seal: list[str]
    score: list[str]
    open: list[str]
    unexplained: list[str]
    weight_total: str
    score_area: list[tuple[int, int]]  # (column, first row) of each bidder's score column
    objectives: tuple[int, int]  # first and last row of the objectives


@dataclass(frozen=True)
class CriteriaCells:
    """Per criterion (the leidraad's others, in order) and bidder: the score cell (0..100), and
    per bidder the open inputs."""

    scores: list[list[str]]
    open: list[str]


@dataclass(frozen=True)
class ResultPlan:
    """The Resultaat sheet's columns, known before the sheets that read them are built."""

    wensen: int | None  # the wensenscore
    sov: int | None  # the Soevereiniteitsscore
    sub: int | None  # the bijlage's sub-criterion score
    criteria: dict[str, int]  # the leidraad's criterion name -> its score column (sub included)
    price: int | None
    total: int | None
    rank: int | None
    tie: int | None  # the beslisregel column
    seal: int | None  # SEAL (laagste)

    @property
    def last(self) -> int:
        return max(
            c
            for c in (
                2,
                self.wensen,
                self.sov,
                self.sub,
                self.price,
                self.total,
                self.rank,
                self.tie,
                self.seal,
                *self.criteria.values(),
            )
            if c is not None
        )


@dataclass(frozen=True)
class PriceCells:
    """Per bidder: price share 0..1, a rank key (lower is better) and open inputs (formula
    expressions); plus the parameter check expression."""

    share: list[str]
    rank_key: list[str] | None  # set for gunnen-op-waarde: rank on the fictitious price
    rank_area: str | None  # the range holding all rank keys
    open: list[str]
    check: str  # formula (without =) giving "In orde" or a warning


# --- the layout of the input cells --------------------------------------------------------------

EISEN_FIRST = 2  # first eis/bepaling row on Eisen
EISEN_BIDDER = 6  # first bidder column (after Nr., Titel, Soort, SOV, Wijze van aantonen)
EISEN_PER_BIDDER = 2  # Ja/Nee, motivering
WENSEN_FIRST = 2
WENSEN_BIDDER = 5  # after Nr., Titel, Weging, Scoringsleidraad
WENSEN_PER_BIDDER = 3  # score, motivering, weighted points
SOV_FIRST = 2
SOV_BIDDER = 5  # after Doelstelling, Gewicht, Minimum SEAL, Percentage per SEAL-niveau
SOV_PER_BIDDER = 4  # SEAL claimed by the bidder, SEAL the committee determines, %, motivering
PRICE_FIRST = 2
PRICE_COLUMN = 2
CRITERIA_FIRST = 2  # first bidder row on the Criteria sheet (other criteria of the leidraad)
CRITERIA_PER_CRITERION = 2  # score 0-100 and motivering, per criterion


def eisen_items(annex: Annex) -> list[Requirement]:
    """The eisen and bepalingen judged Ja/Nee on the Eisen sheet, in annex order."""
    return [r for r in annex.of_kind(Kind.EIS) + annex.of_kind(Kind.BEPALING) if not r.scored_in_sov_table]


def wensen_items(annex: Annex) -> list[Requirement]:
    """The wensen scored on the Wensen sheet, in annex order."""
    return [r for r in annex.of_kind(Kind.WENS) if not r.scored_in_sov_table]


@dataclass(frozen=True)
class GridLayout:
    """Every input cell of the grid: rows per number, columns per bidder, defined names.

    Columns and rows are 1-based, bidders 0-based in the tender's order. Build it with
    :meth:`from_annex`; the grid writer and :func:`prefill` use the same instance.
    """

    bidders: tuple[str, ...]
    eisen_rows: dict[str, int]  # E-01/B-01 -> row on Eisen
    bepalingen: frozenset[str]  # the numbers on Eisen that are bepalingen
    wensen_rows: dict[str, int]  # W-01 -> row on Wensen
    sov_items: frozenset[str] = frozenset()  # numbers judged through the SEAL table
    sov_rows: dict[str, int] = field(default_factory=lambda: {sov: SOV_FIRST + k for k, sov in enumerate(SOVS)})
    criteria: tuple[str, ...] = ()  # the leidraad's other criteria scored on Criteria

    @classmethod
    def from_annex(cls, annex: Annex, criteria: tuple[str, ...] | None = None) -> GridLayout:
        """The layout of ``annex``'s grid; ``criteria`` (the leidraad's other criteria scored
        on the Criteria sheet) default to those of the annex's award model."""
        if criteria is None:
            g = annex.award.gunning
            criteria = tuple(c.naam for c in g.others()) if g and annex.award.has_model else ()
        eisen = eisen_items(annex)
        return cls(
            bidders=tuple(annex.tender.inschrijvers),
            eisen_rows={r.number: EISEN_FIRST + k for k, r in enumerate(eisen)},
            bepalingen=frozenset(r.number for r in eisen if r.kind is Kind.BEPALING),
            wensen_rows={r.number: WENSEN_FIRST + k for k, r in enumerate(wensen_items(annex))},
            sov_items=frozenset(r.number for r in annex.requirements if r.scored_in_sov_table),
            criteria=criteria,
        )

    @property
    def n(self) -> int:
        return len(self.bidders)

    # Eisen: Ja/Nee and motivering per bidder
    @property
    def eisen_last(self) -> int:
        return EISEN_FIRST + len(self.eisen_rows) - 1

    def eis_answer(self, bidder: int) -> int:
        return EISEN_BIDDER + EISEN_PER_BIDDER * bidder

    def eis_motivering(self, bidder: int) -> int:
        return self.eis_answer(bidder) + 1

    @property
    def eisen_reference(self) -> int:
        """Column of the clause ids, after the last bidder."""
        return self.eis_answer(self.n)

    # Wensen: score, motivering and points per bidder
    @property
    def wensen_last(self) -> int:
        return WENSEN_FIRST + len(self.wensen_rows) - 1

    def wens_score(self, bidder: int) -> int:
        return WENSEN_BIDDER + WENSEN_PER_BIDDER * bidder

    def wens_motivering(self, bidder: int) -> int:
        return self.wens_score(bidder) + 1

    def wens_points(self, bidder: int) -> int:
        return self.wens_score(bidder) + 2

    @property
    def wensen_reference(self) -> int:
        return self.wens_score(self.n)

    # Soevereiniteit: claimed SEAL, determined SEAL, percentage and motivering per bidder
    @property
    def sov_last(self) -> int:
        return SOV_FIRST + len(SOVS) - 1

    def seal_claimed(self, bidder: int) -> int:
        return SOV_BIDDER + SOV_PER_BIDDER * bidder

    def seal(self, bidder: int) -> int:
        return self.seal_claimed(bidder) + 1

    def seal_percentage(self, bidder: int) -> int:
        return self.seal_claimed(bidder) + 2

    def seal_motivering(self, bidder: int) -> int:
        return self.seal_claimed(bidder) + 3

    @property
    def sov_reference(self) -> int:
        return self.seal_claimed(self.n)

    # Prijs: one row per bidder
    def price_row(self, bidder: int) -> int:
        return PRICE_FIRST + bidder

    # Criteria: one row per bidder, a score and a motivering column per other criterion
    def criterion_score(self, criterion: int) -> int:
        return 2 + CRITERIA_PER_CRITERION * criterion

    def criterion_motivering(self, criterion: int) -> int:
        return self.criterion_score(criterion) + 1

    def criteria_row(self, bidder: int) -> int:
        return CRITERIA_FIRST + bidder

    def names(self) -> dict[str, str]:
        """Defined names of every input range, e.g. ``Eisen_antwoord_1`` (bidder 1) ->
        ``Eisen!$F$2:$F$30``; ranges that are empty in this grid have no name."""
        names: dict[str, str] = {}
        for i in range(self.n):
            k = i + 1
            if self.eisen_rows:
                first, last = EISEN_FIRST, self.eisen_last
                names[f"Eisen_antwoord_{k}"] = area(self.eis_answer(i), first, last, sheet=EISEN)
                names[f"Eisen_motivering_{k}"] = area(self.eis_motivering(i), first, last, sheet=EISEN)
            if self.wensen_rows:
                first, last = WENSEN_FIRST, self.wensen_last
                names[f"Wensen_score_{k}"] = area(self.wens_score(i), first, last, sheet=WENSEN)
                names[f"Wensen_motivering_{k}"] = area(self.wens_motivering(i), first, last, sheet=WENSEN)
            first, last = SOV_FIRST, self.sov_last
            names[f"SEAL_geclaimd_{k}"] = area(self.seal_claimed(i), first, last, sheet=SOEVEREINITEIT)
            names[f"SEAL_vastgesteld_{k}"] = area(self.seal(i), first, last, sheet=SOEVEREINITEIT)
            names[f"SEAL_motivering_{k}"] = area(self.seal_motivering(i), first, last, sheet=SOEVEREINITEIT)
            names[f"Prijs_inschrijving_{k}"] = area(PRICE_COLUMN, self.price_row(i), self.price_row(i), sheet=PRIJS)
            for c in range(len(self.criteria)):
                row = self.criteria_row(i)
                names[f"Criterium_{c + 1}_score_{k}"] = area(self.criterion_score(c), row, row, sheet=CRITERIA)
                names[f"Criterium_{c + 1}_motivering_{k}"] = area(
                    self.criterion_motivering(c), row, row, sheet=CRITERIA
                )
        return names
