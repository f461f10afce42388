"""The bijlage defines only the terms its texts use (and the terms those definitions use)."""

from __future__ import annotations

import datetime as dt

from aanbesteding.compose.composer import compose_annex
from aanbesteding.compose.definitions import used_definitions
from aanbesteding.library.loader import load_library
from aanbesteding.library.model import Definition
from aanbesteding.tender.model import build_tender


def _defs(*pairs: tuple[str, str]) -> dict[str, Definition]:
    return {b: Definition(begrip=b, definitie=d) for b, d in pairs}


def test_a_declared_term_that_no_text_uses_is_not_defined() -> None:
    defs = _defs(("Dienst", "De dienst."), ("Publieke Cloud", "Een cloud."))
    got = used_definitions(defs, {"Dienst", "Publieke Cloud"}, ["De Opdrachtnemer levert de Dienst."])
    assert [d.begrip for d in got] == ["Dienst"]


def test_a_term_used_only_in_another_definition_is_defined_and_plurals_count() -> None:
    defs = _defs(("Subverwerker", "Een partij die Gegevens verwerkt."), ("Gegevens", "Alle gegevens."))
    got = used_definitions(defs, {"Subverwerker"}, ["De lijst van Subverwerkers."])
    assert [d.begrip for d in got] == ["Gegevens", "Subverwerker"]


def test_an_undeclared_term_in_a_text_is_not_added_by_the_text_alone() -> None:
    defs = _defs(("Dienst", "De dienst."), ("Exitplan", "Een plan."))
    got = used_definitions(defs, {"Dienst"}, ["De Dienst en het Exitplan."])
    assert [d.begrip for d in got] == ["Dienst"]


def test_every_printed_definition_is_used_in_a_real_bijlage() -> None:
    tender = build_tender({"laag": "3", "contracttype": "licentie", "datum": dt.date(2026, 11, 23)})
    annex = compose_annex(load_library(), tender)
    texts = " ".join(
        t
        for s in annex.sections
        for r in s.requirements
        for t in (r.title, r.text, r.toelichting, r.wijze_van_aantonen, *r.scoring_guidance.values())
    ) + " ".join(c for ch in annex.chapters.values() for c in ch.texts.values())
    terms = [d.begrip for d in annex.definitions]
    assert "Publieke Cloud" not in terms
    for d in annex.definitions:
        assert d.begrip in texts or any(d.begrip in o.definitie for o in annex.definitions), d.begrip
