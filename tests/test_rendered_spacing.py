"""No two sentences run together in a rendered text: a template tag at the end of a line must
not eat the space between them (``beperken.Een``)."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from aanbesteding.compose.composer import compose_annex
from aanbesteding.library.loader import Library, load_library
from aanbesteding.tender.model import build_tender

RUN_ON = re.compile(r"[a-z)][.;:,][A-Z][a-z]")
TYPES = ("saas", "paas", "iaas", "hosting", "licentie")


@pytest.fixture(scope="module")
def library() -> Library:
    return load_library()


@pytest.mark.parametrize("laag", ["1", "2", "3"])
@pytest.mark.parametrize("contracttype", TYPES)
def test_no_sentences_run_together(library: Library, laag: str, contracttype: str) -> None:
    annex = compose_annex(
        library, build_tender({"laag": laag, "contracttype": contracttype, "datum": dt.date(2026, 11, 23)})
    )
    found = []
    for section in annex.sections:
        for r in section.requirements:
            for name in ("text", "toelichting", "wijze_van_aantonen", "verantwoording"):
                text = " ".join(getattr(r, name).split())
                found += [f"{r.clause_id}.{name}: {text[m.start() - 20 : m.end() + 10]}" for m in RUN_ON.finditer(text)]
    for chapter_id, chapter in annex.chapters.items():
        for key, value in chapter.texts.items():
            text = " ".join(value.split())
            found += [f"{chapter_id}.{key}: {text[m.start() - 20 : m.end() + 10]}" for m in RUN_ON.finditer(text)]
    assert not found
