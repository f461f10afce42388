"""Scoring scales of the wensen and the clause texts they depend on, as bidders read them."""

from __future__ import annotations

import re
from functools import cache

import pytest

from aanbesteding.compose.annex import Annex, Requirement
from aanbesteding.compose.composer import compose_annex
from aanbesteding.domain import Kind, Laag
from aanbesteding.library.loader import load_library
from aanbesteding.tender.model import build_tender

SIX_STEPS = [0, 2, 4, 6, 8, 10]


@cache
def annex(laag: Laag, contract_type: str) -> Annex:
    tender = build_tender(
        {"laag": laag, "contracttype": contract_type, "organisatie": "Gemeente Voorbeeld", "opdracht": "Zaaksysteem"}
    )
    return compose_annex(load_library(), tender)


def requirement(laag: Laag, contract_type: str, clause_id: str) -> Requirement:
    return next(r for r in annex(laag, contract_type).requirements if r.clause_id == clause_id)


def flat(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def test_every_wens_scale_except_the_score_has_all_six_steps() -> None:
    for item in load_library().clauses:
        clause = item.clause
        if clause.scoringsleidraad and clause.id != "csf-soevereiniteitsscore":
            assert sorted(clause.scoringsleidraad) == SIX_STEPS, clause.id


@pytest.mark.parametrize("contract_type", ["saas", "licentie"])
def test_the_kubernetes_wens_asks_and_does_not_oblige(contract_type: str) -> None:
    req = requirement(Laag.GEVOELIG, contract_type, "haven-applicatie")
    assert req.kind is Kind.WENS
    text = flat(req.text)
    assert text.startswith("De Aanbestedende Dienst waardeert het als de Inschrijver aanbiedt")
    assert "biedt hij dat niet aan, dan gelden zij niet" in text
    eis = flat(requirement(Laag.KRITIEK, contract_type, "haven-applicatie").text)
    assert eis.startswith("De Opdrachtnemer levert")


def test_the_kubernetes_steps_six_and_eight_ask_different_evidence() -> None:
    guidance = requirement(Laag.GEVOELIG, "saas", "haven-applicatie").scoring_guidance
    assert "Haven Compliancy Checker" not in guidance[6]
    assert "volledige uitvoer" in guidance[8] and "gesloten lijst" in guidance[8]
    # the equivalent cluster is not merely a certified distribution: it has the closed list of functions
    text = flat(requirement(Laag.GEVOELIG, "saas", "haven-applicatie").text)
    assert "Certified Kubernetes) of een gelijkwaardig conformiteitsbewijs heeft, en dat ten minste biedt" in text


def test_laag_1_destroys_data_carriers_in_the_text_that_the_scale_reads() -> None:
    laag_1 = flat(requirement(Laag.KRITIEK, "saas", "circulaire-hardware").text)
    assert '"gewist of vernietigd" noemt, geldt in deze bijlage alleen zo\'n vernietiging' in laag_1
    laag_2 = flat(requirement(Laag.GEVOELIG, "saas", "circulaire-hardware").text)
    assert "alleen zo'n vernietiging" not in laag_2


@pytest.mark.parametrize("laag", [Laag.KRITIEK, Laag.GEVOELIG, Laag.ONDERSTEUNEND])
def test_design_values_of_a_new_data_centre_count_as_measured(laag: Laag) -> None:
    text = flat(requirement(laag, "saas", "energie-en-waterrapportage").text)
    assert "gelden de ontwerpwaarden van zo'n datacenter als gemeten waarden" in text


@pytest.mark.parametrize("contract_type", ["iaas", "hosting", "saas"])
def test_a_cloud_export_gets_more_time_for_more_data(contract_type: str) -> None:
    text = flat(requirement(Laag.KRITIEK, contract_type, "export-open-formaten").text)
    assert "voor iedere volgende, ook begonnen, 10 TB wordt de termijn met 24 uur verlengd" in text
    light = flat(requirement(Laag.ONDERSTEUNEND, contract_type, "export-open-formaten").text)
    assert "verlengd met 24 uur per volgende, ook begonnen, 10 TB" in light
    assert "TB" not in flat(requirement(Laag.ONDERSTEUNEND, "licentie", "export-open-formaten").text)


def test_structured_data_of_a_saas_export_stays_within_the_base_term() -> None:
    text = flat(requirement(Laag.GEVOELIG, "saas", "export-open-formaten").text)
    assert "Gestructureerde Gegevens en metagegevens zijn ongeacht de omvang binnen 48 uur" in text


def test_a_licence_export_names_no_backups_of_the_supplier_and_no_data_act() -> None:
    req = requirement(Laag.ONDERSTEUNEND, "licentie", "export-open-formaten")
    assert "Back-ups" not in req.text
    assert "De Dataverordening verplicht" not in req.toelichting


def test_an_infrastructure_api_does_not_promise_to_read_the_customers_encrypted_content() -> None:
    text = flat(requirement(Laag.KRITIEK, "iaas", "open-api").text)
    assert "alle Gegevens" not in text
    assert "hoeft niet via een API leesbaar te zijn" in text
    assert "alle Gegevens" in flat(requirement(Laag.KRITIEK, "saas", "open-api").text)


def test_free_open_interfaces_cite_the_second_paragraph_of_article_30() -> None:
    text = flat(requirement(Laag.GEVOELIG, "saas", "overstap-dataverordening").text)
    assert "open interfaces kosteloos beschikbaar voor de Overstap (artikel 30, tweede lid" in text


@pytest.mark.parametrize("contract_type", ["iaas", "hosting"])
def test_the_container_platform_requirement_says_itself_that_it_applies(contract_type: str) -> None:
    text = flat(requirement(Laag.KRITIEK, contract_type, "haven-compliance").text)
    assert "deze eis geldt daarom voor deze opdracht" in text
    assert "geldt alleen als" not in text


@pytest.mark.parametrize("contract_type", ["saas", "licentie"])
def test_laag_3_open_standards_price_a_requested_change_in_advance(contract_type: str) -> None:
    req = requirement(Laag.ONDERSTEUNEND, contract_type, "open-standaarden")
    assert req.kind is Kind.BEPALING
    text = flat(req.text)
    assert "komen partijen de vergoeding vooraf overeen" not in text
    assert "uurtarief voor meerwerk" in text and "ten hoogste 10% van de vergoeding" in text


def test_the_exit_plan_title_promises_no_test_that_laag_3_does_not_have() -> None:
    req = requirement(Laag.ONDERSTEUNEND, "saas", "exitplan")
    assert "getoetst" not in req.title and "toets" not in req.text
