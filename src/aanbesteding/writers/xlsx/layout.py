"""Where things live in the grid: sheet names and the cells one sheet reads from another."""

from __future__ import annotations

from dataclasses import dataclass

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
    """Per bidder: number of "Nee", first failed requirement, inputs still open."""

    failed: list[str]
    first_failed: list[str]
    open: list[str]


@dataclass(frozen=True)
class WensenCells:
    """Per bidder: quality as a fraction 0..1, inputs still open."""

    quality: list[str]
    open: list[str]


@dataclass(frozen=True)
class SovCells:
    """Per bidder: all minima met (Ja/Nee/Nog open), objectives below minimum, overall SEAL,
    Sovereignty Score (0..100), inputs still open; plus the weight check."""

    minima_met: list[str]
    below_minimum: list[str]
    overall_seal: list[str]
    score: list[str]
    open: list[str]
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
