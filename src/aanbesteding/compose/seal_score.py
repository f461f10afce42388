"""The buyer's method for the per-objective percentage of the Sovereignty Score.

One table, read by the bijlage (which publishes it) and by the grid (whose formulas apply it),
so the two cannot differ: the percentage of an objective follows from the SEAL level the
committee determines, never from a free entry or a score a provider published itself.
"""

from __future__ import annotations

from aanbesteding.domain import SOVS

# The percentage per SEAL level 0..4: the level × 25%; SOV-1 (Zeggenschap en zetel) reaches 100%
# at SEAL-3 already, so that seat and control earn no points (the buyer's own choice).
DEFAULT_PERCENTAGES: tuple[int, ...] = (0, 25, 50, 75, 100)
SEAL_PERCENTAGES: dict[str, tuple[int, ...]] = {
    sov: (0, 33, 67, 100, 100) if sov == "SOV-1" else DEFAULT_PERCENTAGES for sov in SOVS
}


def seal_percentage(sov: str, level: int) -> int:
    """The percentage (0-100) an objective earns at SEAL ``level``."""
    return SEAL_PERCENTAGES[sov][level]
