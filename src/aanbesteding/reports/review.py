"""The library as legal reviews it: clauses per theme, wording per tier with marked
parameters, and the applicability matrix. Format-neutral; the Word review document
(:mod:`aanbesteding.writers.docx.review`) prints it.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from aanbesteding.assemble.blocks import Bullets, Para, text_blocks
from aanbesteding.domain import CONTRACT_TYPE_LABELS, CONTRACT_TYPES, Laag
from aanbesteding.library.chapters import LoadedChapter
from aanbesteding.library.loader import Library, LoadedClause
from aanbesteding.library.model import Parameter, Wording, wording_for
from aanbesteding.library.policy import POLICY_FILE, Policy
from aanbesteding.reports.readable import CLOSE, OPEN, describe_parameter, plain, readable

__all__ = ["describe_parameter", "library_review", "marked_text"]

KIND_LETTERS = {"eis": "E", "wens": "W", "bepaling": "B"}
_MARKED = re.compile(f"{OPEN}(.*?){CLOSE}", re.S)


@dataclass(frozen=True)
class Segment:
    """Literal clause text, or a placeholder or condition label (``placeholder`` True)."""

    text: str
    placeholder: bool = False


def marked_text(
    text: str, parameters: Mapping[str, Parameter], titles: Mapping[str, str] | None = None
) -> list[Segment]:
    """``text`` as readable segments: every value the tool fills in a marked placeholder
    naming the parameter, its default and bounds; every condition a marked label
    (see :func:`aanbesteding.reports.readable.readable`)."""
    return _segments(readable(text, parameters, titles))


def _segments(text: str) -> list[Segment]:
    segments: list[Segment] = []
    position = 0
    for match in _MARKED.finditer(text):
        if match.start() > position:
            segments.append(Segment(text[position : match.start()]))
        segments.append(Segment(match.group(1), placeholder=True))
        position = match.end()
    if position < len(text):
        segments.append(Segment(text[position:]))
    return segments


@dataclass(frozen=True)
class TierWording:
    """One wording of a clause and the tiers (with their kinds) that use it."""

    tiers: tuple[tuple[Laag, str], ...]
    wording: Wording

    @property
    def label(self) -> str:
        return "; ".join(f"laag {laag.value} ({kind})" for laag, kind in self.tiers)


def tier_wordings(item: LoadedClause) -> list[TierWording]:
    """The clause's wordings, tiers with the same wording grouped, in tier order."""
    groups: dict[Wording, list[tuple[Laag, str]]] = {}
    for laag in Laag:
        kind = item.clause.lagen.for_tier(laag)
        if kind is not None:
            groups.setdefault(wording_for(item.clause, laag), []).append((laag, kind))
    return [TierWording(tuple(tiers), wording) for wording, tiers in groups.items()]


def metadata_rows(item: LoadedClause) -> list[tuple[str, str]]:
    """The clause's metadata as (label, value) rows."""
    clause = item.clause
    reviewed = (
        " op ".join(
            x for x in (clause.beoordeeld_door, clause.beoordeeld_op.isoformat() if clause.beoordeeld_op else None) if x
        )
        or "nog niet beoordeeld"
    )
    kinds = ", ".join(f"laag {laag.value}: {clause.lagen.for_tier(laag) or '—'}" for laag in Laag)
    locked = ", ".join(f"laag {laag.value}" for laag in Laag if laag.key in clause.vergrendeld)
    params = "\n".join(f"{describe_parameter(n, p)} – {p.omschrijving}" for n, p in clause.parameters.items())
    return [
        ("Id", clause.id),
        ("Versie", clause.versie),
        ("Status", clause.status),
        ("Eigenaar", clause.eigenaar),
        ("Beoordeeld", reviewed),
        ("Herkomst", f"{item.origin} ({item.path})"),
        ("Bronnen", "\n".join(clause.bronnen)),
        ("SOV-doelstellingen", ", ".join(clause.sov)),
        ("Risico's", ", ".join(clause.risicos)),
        ("Soort per laag", kinds),
        ("Contracttypen", ", ".join(CONTRACT_TYPE_LABELS[c] for c in clause.contracttypen)),
        ("Vergrendeld (niet weg te laten)", locked or "—"),
        ("Parameters", params or "—"),
    ]


TextBlock = tuple[bool, tuple[Segment, ...]]
"""A paragraph of clause text: (is a bullet, its segments)."""


def marked_blocks(
    text: str, parameters: Mapping[str, Parameter], titles: Mapping[str, str] | None = None
) -> tuple[TextBlock, ...]:
    """``text`` as paragraphs and bullets, placeholders and conditions marked (see
    :func:`marked_text`)."""
    blocks: list[TextBlock] = []
    for block in text_blocks(readable(text, parameters, titles)):
        if isinstance(block, Para):
            blocks.append((False, tuple(_segments(block.text))))
        elif isinstance(block, Bullets):
            blocks.extend((True, tuple(_segments(item))) for item in block.items)
    return tuple(blocks)


@dataclass(frozen=True)
class WordingReview:
    """One wording and the tiers that use it, ready to print."""

    tiers: str  # e.g. "laag 1 (eis); laag 2 (eis)"
    tekst: tuple[TextBlock, ...]
    toelichting: tuple[TextBlock, ...]
    wijze_van_aantonen: tuple[TextBlock, ...]
    weging: int | None
    verantwoording: tuple[TextBlock, ...] = ()  # dossier only: why the clause differs per tier


@dataclass(frozen=True)
class ClauseReview:
    id: str
    titel: str
    metadata: tuple[tuple[str, str], ...]
    wordings: tuple[WordingReview, ...]
    scoring: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class ChapterReview:
    """A library chapter (fixed document text): its metadata and its named texts."""

    id: str  # e.g. hoofdstukken/inleiding
    titel: str
    metadata: tuple[tuple[str, str], ...]
    texts: tuple[tuple[str, tuple[TextBlock, ...]], ...]  # (text name, marked blocks)
    versie: str = ""
    status: str = ""

    @property
    def summary(self) -> str:
        """E.g. ``inleiding 1.0.0 (concept)``."""
        return f"{self.id.rsplit('/', 1)[-1]} {self.versie} ({self.status})"


def _reviewed(by: str | None, on: object) -> str:
    return " op ".join(str(x) for x in (by, on) if x) or "nog niet beoordeeld"


def chapter_review(loaded: LoadedChapter) -> ChapterReview:
    chapter = loaded.chapter
    metadata = (
        ("Id", chapter.id),
        ("Versie", chapter.versie),
        ("Status", chapter.status),
        ("Eigenaar", chapter.eigenaar),
        ("Beoordeeld", _reviewed(chapter.beoordeeld_door, chapter.beoordeeld_op)),
        ("Herkomst", f"{loaded.origin} ({loaded.path})"),
        ("Bronnen", "\n".join(chapter.bronnen) or "—"),
    )
    texts = tuple((key, marked_blocks(text, {})) for key, text in chapter.teksten.items())
    return ChapterReview(loaded.path.rsplit(".", 1)[0], chapter.titel, metadata, texts, chapter.versie, chapter.status)


def policy_texts(policy: Policy) -> dict[str, str]:
    """The policy's tables as plain lines, by field (for review and verschil)."""
    texts: dict[str, str] = {}
    for laag, shares in sorted(policy.shares.items()):
        texts[f"verhouding.{laag.key}"] = (
            f"kwaliteit {shares.kwaliteit}%, soevereiniteit {shares.soevereiniteit}%, prijs "
            f"{shares.prijs}%; hoogstens {shares.maximum_soevereiniteit}% soevereiniteit"
        )
    for laag, minima in sorted(policy.seal_minimum.items()):
        texts[f"seal_minimum.{laag.key}"] = ", ".join(
            f"{sov}: {'geen minimum' if level is None else f'SEAL-{level}'}" for sov, level in minima.items()
        )
    for key, profile in policy.weight_profiles.items():
        texts[f"wegingsprofielen.{key}"] = f"{profile.naam}: " + ", ".join(
            f"{sov} {w}%" for sov, w in profile.weging.items()
        )
    for sov, levels in policy.seal_evidence.items():
        for level, text in levels.items():
            texts[f"seal_bewijs.{sov}.{level}"] = text
    return texts


def policy_review(policy: Policy) -> ChapterReview:
    """beleid.yaml (all layers) as legal reviews it: version and status per layer, the tables."""
    metadata: list[tuple[str, str]] = []
    for version in policy.versions:
        metadata += [
            ("Herkomst", f"{version.origin} ({POLICY_FILE})"),
            ("Versie", version.versie or "—"),
            ("Status", version.status or "—"),
            ("Eigenaar", version.eigenaar or "—"),
            ("Beoordeeld", _reviewed(version.beoordeeld_door, version.beoordeeld_op)),
        ]
    texts = tuple((key, marked_blocks(text, {})) for key, text in policy_texts(policy).items())
    top = policy.versions[-1] if policy.versions else None
    return ChapterReview(
        "beleid",
        "Beleid van de bibliotheek (verhouding, SEAL, weging)",
        tuple(metadata),
        texts,
        (top.versie or "") if top else "",
        (top.status or "") if top else "",
    )


@dataclass(frozen=True)
class ThemeReview:
    titel: str
    inleiding: str
    clauses: tuple[ClauseReview, ...]


@dataclass(frozen=True)
class LibraryReview:
    """Everything the review document prints (plain data)."""

    origins: tuple[str, ...]
    content_hash: str
    count: int
    statuses: tuple[tuple[str, int], ...]  # (status, number of clauses), in library order
    matrix_header: tuple[str, ...]
    matrix: tuple[tuple[str, ...], ...]
    themes: tuple[ThemeReview, ...]
    chapters: tuple[ChapterReview, ...] = ()

    @property
    def clause_ids(self) -> tuple[str, ...]:
        return tuple(c.id for t in self.themes for c in t.clauses)


def clause_review(item: LoadedClause, titles: Mapping[str, str] | None = None) -> ClauseReview:
    """One clause for the review document; ``titles`` (id -> title) names referenced clauses."""
    clause = item.clause
    params = clause.parameters
    wordings = tuple(
        WordingReview(
            group.label,
            marked_blocks(group.wording.tekst, params, titles),
            marked_blocks(group.wording.toelichting, params, titles),
            marked_blocks(group.wording.wijze_van_aantonen, params, titles),
            group.wording.weging,
            marked_blocks(group.wording.verantwoording, params, titles) if group.wording.verantwoording else (),
        )
        for group in tier_wordings(item)
    )
    scoring = tuple(
        (str(k), plain(readable(v, params, titles)))
        for k, v in sorted((clause.scoringsleidraad or {}).items(), reverse=True)
    )
    return ClauseReview(clause.id, clause.titel, tuple(metadata_rows(item)), wordings, scoring)


def library_review(library: Library) -> LibraryReview:
    """The review of the whole library: clauses per theme (in library order), the matrix."""
    titles = {c.clause.id: c.clause.titel for c in library.clauses}
    themes = []
    for theme in sorted(library.themes.values(), key=lambda t: t.volgorde):
        items = tuple(clause_review(c, titles) for c in library.clauses if c.theme == theme.id)
        if items:
            themes.append(ThemeReview(theme.titel, theme.inleiding.strip(), items))
    statuses: dict[str, int] = {}
    for item in library.clauses:
        statuses[item.clause.status] = statuses.get(item.clause.status, 0) + 1
    return LibraryReview(
        library.origins,
        library.content_hash,
        len(library.clauses),
        tuple(statuses.items()),
        tuple(applicability_header()),
        tuple(tuple(row) for row in applicability_rows(library)),
        tuple(themes),
        (*(chapter_review(c) for _, c in sorted(library.chapters.items())), policy_review(library.policy)),
    )


MATRIX_TYPES_SHORT = {"saas": "S", "paas": "P", "iaas": "I", "hosting": "H", "licentie": "L"}
MATRIX_LEGEND = (
    "E = eis, W = wens, B = bepaling, - = niet van toepassing. Kolommen per laag "
    "(L1 kritiek, L2 gevoelig, L3 ondersteunend) en contracttype: S = SaaS, P = PaaS, "
    "I = IaaS, H = hosting, L = on-premises licentie."
)


def applicability_header() -> list[str]:
    return ["Clausule", *(f"L{laag.value}\n{MATRIX_TYPES_SHORT[c]}" for laag in Laag for c in CONTRACT_TYPES)]


def applicability_rows(library: Library) -> list[list[str]]:
    """Per clause: E / W / B / - for every tier and contract type."""
    rows = []
    for item in library.clauses:
        clause = item.clause
        cells = [clause.id]
        for laag in Laag:
            kind = clause.lagen.for_tier(laag)
            for contract in CONTRACT_TYPES:
                applies = kind is not None and contract in clause.contracttypen
                cells.append(KIND_LETTERS[kind] if applies and kind else "-")
        rows.append(cells)
    return rows
