"""The composed annex: a plain data model that the writers turn into files.

Writers know nothing of YAML or the library; everything they print is here.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from aanbesteding.compose.award import LIBRARY, AwardModel
from aanbesteding.domain import Kind, Laag
from aanbesteding.library.model import Definition, Theme
from aanbesteding.tender.model import Ratio, Tender


@dataclass(frozen=True)
class Requirement:
    """One numbered requirement (eis, wens or bepaling) as it appears in the annex."""

    number: str  # E-01, W-01, B-01
    kind: Kind
    clause_id: str
    version: str
    status: str
    title: str
    theme_id: str
    text: str
    toelichting: str
    wijze_van_aantonen: str
    weight: int | None
    scoring_guidance: dict[int, str]
    sov: tuple[str, ...]
    risks: tuple[str, ...]
    sources: tuple[str, ...]
    terms: tuple[str, ...]
    parameters: dict[str, str | int | float]  # the values this tier's texts use
    scored_in_sov_table: bool = False  # judged in the grid's Soevereiniteit sheet
    reviewer: str | None = None  # who in legal reviewed the clause, and when (dossier only)
    reviewed_on: str | None = None
    origin: str = ""  # the library (layer) the clause came from, e.g. standaard
    digest: str = ""  # SHA-256 of the clause file
    locked: bool = False  # legal locked it in this tier: it could not be left out
    added_from: int | None = None  # added with --met, in the wording of this tier (number)
    verantwoording: str = ""  # why the clause differs per tier or contract type (dossier only)


@dataclass(frozen=True)
class Exclusion:
    """A library clause that is not in the annex, and why."""

    clause_id: str
    title: str
    version: str
    reason: str
    by_buyer: bool  # True when the buyer left it out (pas toe of leg uit)


@dataclass(frozen=True)
class ChapterText:
    """The texts of one library chapter, rendered for this tender, and where they came from."""

    chapter_id: str
    version: str
    status: str
    origin: str
    digest: str  # SHA-256 of the chapter file
    texts: dict[str, str]
    reviewer: str | None = None
    reviewed_on: str | None = None


@dataclass(frozen=True)
class Section:
    """A chapter of the annex: one theme and its requirements."""

    theme: Theme
    requirements: tuple[Requirement, ...]


@dataclass(frozen=True)
class Annex:
    """Everything needed to write the Word annex and the Excel grid."""

    tender: Tender
    sections: tuple[Section, ...]
    definitions: tuple[Definition, ...]
    exclusions: tuple[Exclusion, ...]
    min_seal: dict[str, int | None]
    library_hash: str
    tool_version: str
    inputs: dict[str, str] = field(default_factory=dict)
    ratio: Ratio = field(default_factory=Ratio)  # shares of quality, sovereignty and price
    max_sovereignty: int = 100  # the highest sovereignty share legal allows in this tier
    weights: dict[str, int] = field(default_factory=dict)  # SOV weights of the chosen profile
    weight_profile_label: str = ""  # its name, e.g. EU Cloud Sovereignty Framework v1.2.1 (...)
    seal_evidence: dict[str, dict[int, str]] = field(default_factory=dict)
    library_origins: tuple[str, ...] = ()
    award: AwardModel = field(
        default_factory=lambda: AwardModel(
            part=True, reason="", gunning=None, wensen_share=50, sov_share=50, split_origin=LIBRARY, cap=100, decimals=2
        )
    )
    chapters: dict[str, ChapterText] = field(default_factory=dict)

    def text(self, chapter: str, key: str) -> str:
        """The rendered text ``key`` of the library chapter ``chapter`` (the loader checked
        that every chapter the writers need is there)."""
        return self.chapters[chapter].texts[key]

    @property
    def seal_minimum_applies(self) -> bool:
        """Whether the annex holds a knock-out judged on minimum SEAL levels."""
        return any(r.scored_in_sov_table and r.kind is Kind.EIS for r in self.requirements)

    @property
    def sovereignty_score_applies(self) -> bool:
        """Whether bidders are scored on the EU CSF Sovereignty Score (a wens in the table)."""
        return any(r.scored_in_sov_table and r.kind is Kind.WENS for r in self.requirements)

    @property
    def laag(self) -> Laag:
        return self.tender.laag

    @property
    def requirements(self) -> tuple[Requirement, ...]:
        return tuple(r for s in self.sections for r in s.requirements)

    def of_kind(self, kind: Kind) -> tuple[Requirement, ...]:
        return tuple(r for r in self.requirements if r.kind is kind)
