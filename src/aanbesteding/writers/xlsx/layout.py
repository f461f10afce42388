"""Where things live in the grid: sheet names and the cells one sheet reads from another."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from aanbesteding.compose.annex import Annex

TOELICHTING = "Toelichting"
EISEN = "Eisen"
WENSEN = "Wensen"
SOEVEREINITEIT = "Soevereiniteit"
PRIJS = "Prijs"
RESULTAAT = "Resultaat"
SHEETS = (TOELICHTING, EISEN, WENSEN, SOEVEREINITEIT, PRIJS, RESULTAAT)

# Resultaat has one row per bidder from row 2 on; Prijs reads the status column from it.
RESULT_FIRST_ROW = 2
RESULT_STATUS_COLUMN = 2

# The unit of the sovereignty score, in the words the annex uses for it (EU CSF method).
SOV_SCORE_UNIT = "score per doelstelling in procenten, 0 tot en met 100%"
SOV_SCORE_MAX = 100

MOTIVERING = "motivering"


def motivering_header(bidder: str) -> str:
    """Header of a bidder's motivering column, e.g. ``Alfa motivering``."""
    return f"{bidder} {MOTIVERING}"


def published_shares(annex: Annex) -> tuple[int, int, int]:
    """The published shares of kwaliteit, soevereiniteit and prijs in whole percentages.

    The one place the grid reads them, so a move of the field in the annex is a one-line change.
    """
    ratio = annex.ratio
    return ratio.kwaliteit, ratio.soevereiniteit, ratio.prijs


# Status texts the formulas produce and compare against.
GELDIG = "Geldig"
UITGESLOTEN = "Uitgesloten"


def result_row(bidder: int) -> int:
    """Row of bidder ``bidder`` (0-based) on the Resultaat sheet."""
    return RESULT_FIRST_ROW + bidder


@dataclass(frozen=True)
class Settings:
    """Cells on the Toelichting sheet that other sheets use (defined names)."""

    share_quality: str  # whole percentages
    share_sovereignty: str
    share_price: str
    scale: str  # the score scale range, used by the Wensen dropdowns


@dataclass(frozen=True)
class EisenCells:
    """Per bidder: number of "Nee", first failed requirement, inputs still open, answers
    without a motivering."""

    failed: list[str]
    first_failed: list[str]
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
    """Per bidder: all minima met (Ja/Nee/Nog in te vullen), objectives below minimum, overall
    SEAL, Soevereiniteitsscore (0..100, blank until complete), inputs still open, the scale
    check text; plus the weight check."""

    minima_met: list[str]
    below_minimum: list[str]
    overall_seal: list[str]
    score: list[str]
    open: list[str]
    scale_check: list[str]
    unexplained: list[str]
    weight_total: str
    score_area: list[tuple[int, int]]  # (column, first row) of each bidder's score column
    objectives: tuple[int, int]  # first and last row of the objectives


@dataclass(frozen=True)
class PriceCells:
    """Per bidder: price share 0..1, a rank key (lower is better) and open inputs (formula
    expressions); plus the parameter check expression."""

    share: list[str]
    rank_key: list[str] | None  # set for gunnen-op-waarde: rank on the fictitious price
    rank_area: str | None  # the range holding all rank keys
    open: list[str]
    check: str  # formula (without =) giving "In orde" or a warning
