"""Composition: tier and contract type select, order, number and render the right clauses."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from aanbesteding.compose.annex import Annex
from aanbesteding.compose.composer import compose_annex
from aanbesteding.domain import Kind
from aanbesteding.errors import InputError
from aanbesteding.library.loader import Library, load_library
from aanbesteding.tender.model import build_tender
from tests.conftest import LibraryFactory, clause_data

WHITEPAPER_EXAMPLES = (
    "opslag-eer",  # EEA storage
    "subverwerkerslijst",  # sub-processor list
    "export-open-formaten",  # exit in open formats
    "verzoeken-buitenlandse-autoriteiten",  # notification of foreign authority requests
    "zeggenschapswijziging",  # change of control
    "nis2-ketencompliance",  # NIS2 chain compliance
)
HOSTING_CLAUSES = (
    "hostingmodel-laag1",
    "opslag-eer",
    "klantbeheerde-sleutels",
    "datacentra-spreiding",
    "herkomst-hardware",
    "overstap-dataverordening",
)


@pytest.fixture(scope="module")
def library() -> Library:
    return load_library()


def annex_for(library: Library, laag: str, contracttype: str, **extra: object) -> Annex:
    tender = build_tender({"laag": laag, "contracttype": contracttype, "datum": dt.date(2026, 11, 23), **extra})
    return compose_annex(library, tender)


def ids(annex: Annex) -> dict[str, Kind]:
    return {r.clause_id: r.kind for r in annex.requirements}


def test_laag_1_demands_the_private_hosting_model_and_offline_resilience(library: Library) -> None:
    selected = ids(annex_for(library, "1", "saas"))
    assert selected["hostingmodel-laag1"] is Kind.EIS
    assert selected["offline-bestendigheid"] is Kind.EIS


def test_laag_3_has_neither_the_hosting_model_nor_offline_resilience(library: Library) -> None:
    annex = annex_for(library, "3", "saas")
    assert "hostingmodel-laag1" not in ids(annex)
    assert "offline-bestendigheid" not in ids(annex)
    reasons = {e.clause_id: e.reason for e in annex.exclusions}
    assert reasons["hostingmodel-laag1"] == "niet van toepassing in laag 3 – ondersteunend"


def test_laag_2_saas_demands_customer_managed_keys(library: Library) -> None:
    assert ids(annex_for(library, "gevoelig", "saas"))["klantbeheerde-sleutels"] is Kind.EIS


@pytest.mark.parametrize("laag", ["1", "2", "3"])
def test_the_six_whitepaper_examples_are_in_every_saas_tier(library: Library, laag: str) -> None:
    selected = ids(annex_for(library, laag, "saas"))
    missing = [c for c in WHITEPAPER_EXAMPLES if c not in selected]
    assert not missing


@pytest.mark.parametrize("laag", ["1", "2", "3"])
def test_a_licence_annex_has_no_hosting_clauses_but_forbids_a_kill_switch(library: Library, laag: str) -> None:
    annex = annex_for(library, laag, "licentie")
    selected = ids(annex)
    assert not set(HOSTING_CLAUSES) & set(selected)
    assert selected["geen-killswitch"] is Kind.EIS
    assert "telemetrie-eer" in selected


def test_the_kill_switch_clause_is_only_for_licences(library: Library) -> None:
    assert "geen-killswitch" not in ids(annex_for(library, "1", "saas"))


def test_requirements_are_numbered_per_kind_in_theme_order(library: Library) -> None:
    annex = annex_for(library, "2", "saas")
    for kind in Kind:
        numbers = [r.number for r in annex.of_kind(kind)]
        assert numbers == [f"{kind.prefix}-{i:02d}" for i in range(1, len(numbers) + 1)]
    theme_order = [s.theme.volgorde for s in annex.sections]
    assert theme_order == sorted(theme_order)


def test_every_wens_carries_its_weight_and_guidance(library: Library) -> None:
    for laag in ("1", "2", "3"):
        for wens in annex_for(library, laag, "saas").of_kind(Kind.WENS):
            assert wens.scoring_guidance
            if wens.scored_in_sov_table:
                assert wens.weight is None  # weighs in through the sovereignty share
            else:
                assert wens.weight and wens.weight > 0


def test_the_sovereignty_score_wens_leaves_its_weight_to_the_award_chapter(library: Library) -> None:
    annex = annex_for(library, "1", "saas", verhouding={"kwaliteit": 50, "soevereiniteit": 35, "prijs": 15})
    (score,) = [r for r in annex.requirements if r.clause_id == "csf-soevereiniteitsscore"]
    assert score.scored_in_sov_table and score.kind is Kind.WENS
    text = " ".join(score.text.split())
    # One place states the weights (the award chapter); the clause never a share of its own.
    assert "35%" not in text and "kwaliteit (50%)" not in text
    assert "staat uitsluitend in het hoofdstuk over beoordeling en gunning" in text
    numbers = {r.clause_id: r.number for r in annex.requirements}
    # a SEAL rung that a knock-out eis already requires counts as delivered (no fact counts twice),
    # listed once, in chapter 3; the suitability requirement on security delivers no SOV-7 rung
    from aanbesteding.assemble.award_content import award
    from aanbesteding.assemble.blocks import Table

    rows = [row for b in award(annex) if isinstance(b, Table) for row in b.rows]
    assert ("SOV-3", "SEAL-1", "de locaties van opslag en verwerking in de EER", numbers["opslag-eer"]) in rows
    assert not any(row[:2] == ("SOV-7", "SEAL-1") for row in rows)
    assert "SOV-3 niveau 1" not in text


def test_only_definitions_used_by_selected_clauses_are_listed(library: Library) -> None:
    annex = annex_for(library, "3", "licentie")
    declared = {t for r in annex.requirements for t in r.terms}
    # defined: what the clauses declare and the bijlage's texts use (and the terms those use)
    for d in annex.definitions:
        assert d.begrip in declared or any(d.begrip in o.definitie for o in annex.definitions), d.begrip
    used = {d.begrip for d in annex.definitions}
    assert len(used) < len(library.definitions)
    listed = [d.begrip for d in annex.definitions]
    assert listed == sorted(listed, key=str.lower)


def test_texts_are_rendered_without_template_syntax(library: Library) -> None:
    for requirement in annex_for(library, "1", "paas").requirements:
        for text in (requirement.text, requirement.toelichting, requirement.wijze_van_aantonen):
            assert "{{" not in text and "{%" not in text


def test_a_parameter_override_changes_the_text(make_library: LibraryFactory) -> None:
    root = make_library({"keten/voorbeeld-clausule.yaml": clause_data()})
    library = load_library(root)
    annex = annex_for(library, "1", "saas", parameters={"termijn_dagen": "45"})
    assert "45 dagen vooraf" in annex.requirements[0].text
    qualified = annex_for(library, "1", "saas", parameters={"voorbeeld-clausule.termijn_dagen": "60"})
    assert "60 dagen vooraf" in qualified.requirements[0].text


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("5", "parameter 'termijn_dagen': 5 dagen ligt onder het minimum van 10 dagen"),
        ("500", "parameter 'termijn_dagen': 500 dagen ligt boven het maximum van 90 dagen"),
        ("dertig", "parameter 'termijn_dagen': 'dertig' is geen geheel getal"),
    ],
)
def test_a_bad_parameter_override_is_refused(make_library: LibraryFactory, value: str, message: str) -> None:
    library = load_library(make_library({"keten/voorbeeld-clausule.yaml": clause_data()}))
    with pytest.raises(InputError, match=message):
        annex_for(library, "1", "saas", parameters={"termijn_dagen": value})


def test_an_unknown_parameter_is_refused(library: Library) -> None:
    with pytest.raises(InputError, match="parameter 'bestaat_niet' bestaat niet"):
        annex_for(library, "1", "saas", parameters={"bestaat_niet": "1"})


def test_a_buyer_exclusion_needs_a_known_clause_and_is_accounted_for(library: Library) -> None:
    annex = annex_for(library, "2", "saas", uitsluiten={"open-source": "Geen open-source-alternatief op de markt."})
    assert "open-source" not in ids(annex)
    (exclusion,) = [e for e in annex.exclusions if e.by_buyer]
    assert exclusion.reason.endswith("Geen open-source-alternatief op de markt.")
    with pytest.raises(InputError, match="onbekende clausule"):
        annex_for(library, "2", "saas", uitsluiten={"bestaat-niet": "reden"})


def test_a_vervallen_clause_is_left_out(make_library: LibraryFactory) -> None:
    root: Path = make_library({"keten/voorbeeld-clausule.yaml": clause_data(status="vervallen")})
    annex = annex_for(load_library(root), "1", "saas")
    assert not annex.requirements
    assert annex.exclusions[0].reason == "de clausule is vervallen"
