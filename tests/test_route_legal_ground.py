"""The laag-1 legal ground of seat and control conditions follows the tender's route."""

from __future__ import annotations

import pytest

from aanbesteding.compose.annex import Annex
from aanbesteding.compose.composer import compose_annex
from aanbesteding.library.loader import load_library
from aanbesteding.tender.model import build_tender

CLAUSES = ("hostingmodel-laag1", "zeggenschap-eu")


def _annex(route: str, contracttype: str = "iaas") -> Annex:
    return compose_annex(load_library(), build_tender({"laag": "1", "contracttype": contracttype, "route": route}))


def _texts(annex: Annex, clause_id: str) -> str:
    req = next(r for r in annex.requirements if r.clause_id == clause_id)
    return " ".join(" ".join((req.text, req.toelichting, req.wijze_van_aantonen)).split())


@pytest.mark.parametrize("clause_id", CLAUSES)
def test_artikel_2_24_states_the_exception_and_a_voluntary_procedure(clause_id: str) -> None:
    text = _texts(_annex("artikel-2.24"), clause_id)
    assert "buiten de aanbestedingsplicht valt" in text
    assert "vrijwillig" in text
    assert "artikel 2.24 van de Aanbestedingswet 2012" in text
    assert "niet in." not in text  # never "roept de uitzondering ... niet in"
    assert "artikel 52 in samenhang met artikel 62 VWEU" not in text


@pytest.mark.parametrize("clause_id", CLAUSES)
def test_evenredige_beperking_states_the_directive_and_public_safety(clause_id: str) -> None:
    text = _texts(_annex("evenredige-beperking"), clause_id)
    assert "Richtlijn 2014/24/EU" in text
    assert "artikel 52 in samenhang met artikel 62 VWEU" in text
    assert "niet in." in text
    assert "buiten de aanbestedingsplicht valt" not in text


def test_the_justification_parameter_itself_names_no_legal_ground() -> None:
    library = load_library()
    for clause in library.clauses:
        parameter = clause.clause.parameters.get("rechtvaardiging")
        if parameter is not None:
            assert "VWEU" not in str(parameter.standaard), clause.clause.id


def test_the_dossier_lists_the_revocation_period_the_annex_publishes() -> None:
    annex = _annex("evenredige-beperking")
    req = next(r for r in annex.requirements if r.clause_id == "klantbeheerde-sleutels")
    hours = req.parameters["intrekking_uren"]
    text = " ".join(req.text.split())
    assert f"uiterlijk {hours} uur na intrekking" in text
    assert "minuten" not in text
