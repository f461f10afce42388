"""The register as data: systems, contracts, and the problems found while reading it."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from aanbesteding.domain import Laag
from aanbesteding.portfolio.dates import Terms


@dataclass(frozen=True)
class Issue:
    """A cell or row the reader could not use, located by sheet, row and column."""

    source: str
    sheet: str
    row: int | None
    column: str | None
    message: str

    def __str__(self) -> str:
        where = [self.source, self.sheet]
        if self.row is not None:
            where.append(f"rij {self.row}")
        if self.column:
            where.append(f"kolom {self.column}")
        return f"{', '.join(where)}: {self.message}"


@dataclass(frozen=True)
class System:
    """One row of the sheet Systemen."""

    name: str
    row: int
    description: str = ""
    owner: str = ""
    supplier: str = ""
    package: str = ""
    contract_type: str | None = None
    hosting_provider: str = ""
    hosting_locations: tuple[str, ...] = ()
    laag: Laag | None = None  # as typed in the register
    answers: dict[str, str] = field(default_factory=dict)  # BIA answers given
    confirmed: dt.date | None = None
    planned_until: dt.date | None = None


@dataclass(frozen=True)
class Contract:
    """One row of the sheet Contracten."""

    name: str
    row: int
    terms: Terms
    systems: tuple[str, ...] = ()
    supplier: str = ""
    start: dt.date | None = None
    value: float | None = None
    koers: str = "onbekend"
    lead_months: int | None = None  # this contract's own lead time, over the policy's


@dataclass(frozen=True)
class Register:
    """A register as read: the rows that could be used and the problems with the others."""

    source: str  # the file name (or names), for messages and the report
    organisation: str  # whose register: the file stem unless the register names it
    systems: tuple[System, ...]
    contracts: tuple[Contract, ...]
    issues: tuple[Issue, ...]
