"""The data model of a library comparison: word-level redlines (:func:`word_diff`), the
changes of one clause or chapter, and the comparison as a whole. Plain data for the
writers; :mod:`aanbesteding.reports.diff` computes it."""

from __future__ import annotations

import difflib
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal

from aanbesteding.assemble.blocks import Bullets, Para, text_blocks
from aanbesteding.library.chapters import LoadedChapter
from aanbesteding.library.loader import LoadedClause
from aanbesteding.reports.readable import plain, readable

Op = Literal["gelijk", "weg", "erbij"]
_TOKENS = re.compile(r"\s+|\w+|[^\w\s]")
SHORT = 3  # an unchanged word this short between two changes is shown as part of them


@dataclass(frozen=True)
class Piece:
    """A run of words that both texts share, or that one of them lacks."""

    op: Op
    text: str


def word_diff(old: str, new: str) -> list[Piece]:
    """The word-level difference of ``old`` and ``new``: equal, deleted and inserted runs."""
    a, b = _TOKENS.findall(old), _TOKENS.findall(new)
    raw: list[tuple[str, str, str]] = []  # (op, deleted text, inserted text)
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            raw.append(("gelijk", "".join(a[i1:i2]), ""))
        else:
            raw.append(("anders", "".join(a[i1:i2]), "".join(b[j1:j2])))
    # A space or a short word like "de" between two changes belongs to the change: "5 dagen"
    # -> "3 Werkdagen" reads as one deletion and one insertion, not four fragments.
    merged: list[tuple[str, str, str]] = []
    for index, (op, gone, added) in enumerate(raw):
        between = (
            op == "gelijk"
            and len(gone.strip()) <= SHORT
            and " " not in gone.strip()
            and 0 < index < len(raw) - 1
            and raw[index + 1][0] == "anders"
            and merged
            and merged[-1][0] == "anders"
        )
        if between:
            merged[-1] = ("anders", merged[-1][1] + gone, merged[-1][2] + gone)
        elif op == "anders" and merged and merged[-1][0] == "anders":
            merged[-1] = ("anders", merged[-1][1] + gone, merged[-1][2] + added)
        else:
            merged.append((op, gone, added))
    pieces: list[Piece] = []
    for op, gone, added in merged:
        if op == "gelijk":
            pieces.append(Piece("gelijk", gone))
            continue
        if gone:
            pieces.append(Piece("weg", gone))
        if added:
            pieces.append(Piece("erbij", added))
    return pieces


@dataclass(frozen=True)
class TextChange:
    """One changed text of a clause (e.g. ``tekst``, ``varianten.kritiek.tekst``)."""

    field: str
    label: str
    pieces: tuple[Piece, ...]


@dataclass(frozen=True)
class MetaChange:
    label: str
    old: str
    new: str


@dataclass(frozen=True)
class ClauseInfo:
    """What the redline shows of one version of a clause (plain data for the writers)."""

    id: str
    titel: str
    versie: str
    status: str
    origin: str
    tekst: str  # reflowed, see flow()

    @classmethod
    def of(cls, item: LoadedClause, titles: Mapping[str, str] | None = None) -> ClauseInfo:
        clause = item.clause
        return cls(
            clause.id,
            clause.titel,
            clause.versie,
            clause.status,
            item.origin,
            flow(plain(readable(clause.tekst, clause.parameters, titles))),
        )

    @classmethod
    def of_chapter(cls, loaded: LoadedChapter) -> ClauseInfo:
        """A library chapter, shown under its path (``hoofdstukken/inleiding``)."""
        chapter = loaded.chapter
        return cls(
            chapter_key(loaded),
            chapter.titel,
            chapter.versie,
            chapter.status,
            loaded.origin,
            "\n\n".join(flow(plain(readable(t, {}))) for t in chapter.teksten.values()),
        )


def chapter_key(loaded: LoadedChapter) -> str:
    return loaded.path.rsplit(".", 1)[0]


@dataclass(frozen=True)
class ClauseChange:
    """A clause present in both libraries whose file differs."""

    old: ClauseInfo
    new: ClauseInfo
    texts: tuple[TextChange, ...]
    meta: tuple[MetaChange, ...]

    @property
    def id(self) -> str:
        return self.new.id

    @property
    def unbumped(self) -> bool:
        """The wording changed but the version number did not."""
        return bool(self.texts) and self.old.versie == self.new.versie


@dataclass(frozen=True)
class LibraryDiff:
    old_label: str
    new_label: str
    added: tuple[ClauseInfo, ...]
    removed: tuple[ClauseInfo, ...]
    changed: tuple[ClauseChange, ...]

    @property
    def unbumped(self) -> tuple[ClauseChange, ...]:
        return tuple(c for c in self.changed if c.unbumped)


def flow(text: str) -> str:
    """Clause text as it reads: paragraphs separated by a blank line, lines of a paragraph
    joined (YAML wraps them anywhere), bullets one per line. Rewrapping is no change."""
    parts: list[str] = []
    for block in text_blocks(text):
        if isinstance(block, Para):
            parts.append(block.text)
        elif isinstance(block, Bullets):
            parts.append("\n".join(f"- {item}" for item in block.items))
    return "\n\n".join(parts)
