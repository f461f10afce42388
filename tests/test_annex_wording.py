"""Wording of the overview, the counts and the dossier's proportionality notes."""

from __future__ import annotations

import pytest

from aanbesteding.assemble.annex_content import introduction, overview
from aanbesteding.assemble.blocks import Para, Table
from aanbesteding.compose.annex import Annex
from aanbesteding.compose.composer import compose_annex
from aanbesteding.library.loader import load_library
from aanbesteding.tender.model import build_tender

CASES = [("1", "iaas"), ("2", "saas"), ("3", "licentie"), ("2", "paas"), ("1", "hosting")]


@pytest.fixture(scope="module", params=CASES, ids=lambda c: f"laag{c[0]}-{c[1]}")
def annex(request: pytest.FixtureRequest) -> Annex:
    laag, contracttype = request.param
    return compose_annex(load_library(), build_tender({"laag": laag, "contracttype": contracttype}))


def test_the_overview_never_cuts_the_wijze_van_aantonen_mid_sentence(annex: Annex) -> None:
    table = next(b for b in overview(annex) if isinstance(b, Table))
    for number, _kind, _title, short, _weight in table.rows:
        assert not short.endswith(("…", ",", ":", " of.", " en.")), (number, short)
        assert short.endswith("."), (number, short)
        assert short[0].isupper(), (number, short)
        assert " toe." not in short and " toe," not in short, (number, short)
        if short.startswith("Zie "):
            assert short == f"Zie de wijze van aantonen bij {number}.", short


def test_counts_use_the_singular_for_one() -> None:
    library = load_library()
    annex = compose_annex(library, build_tender({"laag": "3", "contracttype": "licentie"}))
    counts = next(b.text for b in introduction(annex) if isinstance(b, Para) and b.text.startswith("De bijlage telt"))
    assert " 1 wensen" not in counts and " 1 eisen" not in counts
    wishes = len([r for r in annex.requirements if r.kind.value == "wens"])
    assert (f"{wishes} wens " if wishes == 1 else f"{wishes} wensen ") in counts
