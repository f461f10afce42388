"""The closed list of SEAL evidence that counts as delivered: parts delivered by a wens, the
NIS2 mapping, and the rule that a minimum never turns a wens into a knock-out."""

from __future__ import annotations

import re
from functools import cache

from aanbesteding.compose.annex import Annex
from aanbesteding.compose.composer import compose_annex
from aanbesteding.compose.seal_delivered import effects, listed
from aanbesteding.library.loader import load_library
from aanbesteding.tender.model import build_tender


@cache
def annex(laag: str, contracttype: str) -> Annex:
    return compose_annex(load_library(), build_tender({"laag": laag, "contracttype": contracttype}))


def numbers(a: Annex) -> dict[str, str]:
    return {r.clause_id: r.number for r in a.requirements}


def parts(a: Annex) -> set[tuple[str, int, str]]:
    return {(r.sov, r.level, r.part) for r in listed(numbers(a))}


def test_the_assurance_part_of_sov5_is_delivered_only_where_the_nis2_clause_is_a_wens() -> None:
    l3 = annex("3", "saas")
    assert numbers(l3)["nis2-ketencompliance"].startswith("W-")
    assert ("SOV-5", 3, "assurance") in parts(l3)
    l1 = annex("1", "iaas")
    assert numbers(l1)["nis2-ketencompliance"].startswith("E-")
    assert ("SOV-5", 3, "assurance") not in parts(l1)


def test_the_nis2_mapping_of_sov7_level_2_counts_once_in_every_tier() -> None:
    for laag, contracttype in (("1", "iaas"), ("2", "saas"), ("3", "saas")):
        assert ("SOV-7", 2, "nis2") in parts(annex(laag, contracttype)), laag


def test_the_laag_2_minimum_on_sov5_tests_only_the_list_of_critical_suppliers() -> None:
    l2 = annex("2", "saas")
    assert numbers(l2)["integriteit-updates"].startswith("W-")  # signing updates is a wens in laag 2
    assert ("SOV-5", 2, "updates") in parts(l2)
    sov5 = next(e for e in effects(numbers(l2), l2.min_seal, l2.weights) if e.sov == "SOV-5")
    assert sov5.floor == 2 and sov5.floor_by_minimum
    intro = re.sub(r"\s+", " ", l2.text("gunning", "geleverd_intro"))
    assert "alleen als de Inschrijving die wens aanbiedt" not in intro
    assert "nooit een wens tot knock-out" in intro


def test_every_minimum_rung_offers_a_dated_commitment_for_evidence_that_cannot_exist_yet() -> None:
    evidence = load_library().policy.seal_evidence
    sov4 = evidence["SOV-4"][4]
    assert "Stukken waaruit blijkt" not in sov4
    assert "uiterlijk op de datum van ingebruikname" in sov4 and "nog niet bestaat" in sov4
    sov5 = evidence["SOV-5"][3]
    assert "als er geen rapport is dat dat leveranciersbeheer omvat" in sov5
    assert "ondertekend" not in evidence["SOV-5"][2].split(".")[0]
