"""The award texts: legal-owned wording in the library chapter ``gunning``
(``clauses/hoofdstukken/gunning.yaml``), rendered with the tender's award values when the annex
is composed. This module only reads them, flattened to one paragraph."""

from __future__ import annotations

from aanbesteding.compose.annex import Annex
from aanbesteding.writers.annex_content import flat

CHAPTER = "gunning"


def text(annex: Annex, key: str) -> str:
    """The award text ``key`` (e.g. ``plaats_schakel``) of this annex, as one paragraph."""
    return flat(annex.text(CHAPTER, key))
