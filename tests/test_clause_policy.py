"""Library-wide legal policy: equivalence routes, proportionate laag 3, EER instead of EU."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import pytest

from aanbesteding.assemble.blocks import Bullets, Table
from aanbesteding.cli.main import main
from aanbesteding.compose.annex import Annex
from aanbesteding.compose.composer import compose_annex
from aanbesteding.domain import CONTRACT_TYPES, Kind, Laag
from aanbesteding.library.lint import check_equivalence, named_standards
from aanbesteding.library.loader import load_library
from aanbesteding.library.model import Clause, Variant
from aanbesteding.tender.model import build_tender
from tests.conftest import LibraryFactory, clause_data

COMBINATIONS = [(laag, ct) for laag in Laag for ct in CONTRACT_TYPES]


@cache
def annex(laag: Laag, contract_type: str) -> Annex:
    tender = build_tender(
        {"laag": laag, "contracttype": contract_type, "organisatie": "Gemeente Voorbeeld", "opdracht": "Zaaksysteem"}
    )
    return compose_annex(load_library(), tender)


# --- "of gelijkwaardig" ---------------------------------------------------------------------------


def test_every_tier_and_contract_type_combination_is_covered() -> None:
    assert len(COMBINATIONS) == 15


def test_controleer_flags_a_clause_naming_a_standard_without_an_equivalence_route(
    make_library: LibraryFactory, capsys: pytest.CaptureFixture[str]
) -> None:
    text = (
        "De Opdrachtnemer beschikt over een certificaat volgens ISO/IEC 27001 en meldt elke "
        "nieuwe Subverwerker {{ termijn_dagen }} dagen vooraf."
    )
    root = make_library({"keten/voorbeeld-clausule.yaml": clause_data(tekst=text)})
    assert main(["bibliotheek", "controleer", str(root)]) == 1
    err = capsys.readouterr().err
    assert "keten/voorbeeld-clausule.yaml:" in err
    assert "tekst: de tekst noemt ISO/IEC zonder gelijkwaardigheidsroute" in err
    assert "of gelijkwaardig" in err


def test_controleer_accepts_the_same_clause_once_it_offers_an_equivalent(
    make_library: LibraryFactory, capsys: pytest.CaptureFixture[str]
) -> None:
    text = (
        "De Opdrachtnemer beschikt over een certificaat volgens ISO/IEC 27001, of een "
        "gelijkwaardig certificaat, en meldt elke nieuwe Subverwerker {{ termijn_dagen }} "
        "dagen vooraf."
    )
    root = make_library({"keten/voorbeeld-clausule.yaml": clause_data(tekst=text)})
    assert main(["bibliotheek", "controleer", str(root)]) == 0, capsys.readouterr().err


def test_the_equivalence_lint_reads_wijze_van_aantonen_and_scoring_guidance_too() -> None:
    clause = Clause.model_validate(
        clause_data(
            wijze_van_aantonen="Het FIPS 140-3-certificaat van de module.",
            scoringsleidraad={0: "Niets.", 10: "Een SOC 2-rapport type II."},
        )
    )
    flagged = {loc for loc, _ in check_equivalence(clause)}
    assert flagged == {("wijze_van_aantonen",), ("scoringsleidraad", 10)}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("volgens ISO 27001", ["ISO"]),
        ("een NEN 7510-certificaat", ["NEN"]),
        ("export in ODF en PDF/A", ["ODF", "PDF/A"]),
        ("een ISAE 3402 type II-rapport", ["ISAE 3402"]),
        ("de REST API Design Rules", ["API Design Rules"]),
        ("een EUCS-certificaat", ["EUCS"]),
        ("de Haven Compliancy Checker", ["Haven"]),
        ("de haven van Rotterdam", []),
        ("een SOC onder Europese rechtsmacht", []),
    ],
)
def test_named_standards_are_recognised_by_name_not_by_ordinary_words(text: str, expected: list[str]) -> None:
    assert named_standards(text) == expected


# --- proportionality -------------------------------------------------------------------------------


@pytest.mark.parametrize("contract_type", CONTRACT_TYPES)
def test_laag_3_has_at_most_60_percent_of_the_items_of_laag_1(contract_type: str) -> None:
    heavy = len(annex(Laag.KRITIEK, contract_type).requirements)
    light = len(annex(Laag.ONDERSTEUNEND, contract_type).requirements)
    assert light <= 0.6 * heavy, f"{contract_type}: laag 3 {light} items, laag 1 {heavy}"


@pytest.mark.parametrize("contract_type", CONTRACT_TYPES)
def test_laag_3_has_at_most_six_knock_out_eisen(contract_type: str) -> None:
    eisen = [r.clause_id for r in annex(Laag.ONDERSTEUNEND, contract_type).of_kind(Kind.EIS)]
    assert len(eisen) <= 6, eisen


@pytest.mark.parametrize("contract_type", CONTRACT_TYPES)
def test_laag_2_asks_fewer_knock_outs_on_jurisdiction_than_laag_1(contract_type: str) -> None:
    def jurisdiction_eisen(laag: Laag) -> int:
        return sum(1 for r in annex(laag, contract_type).of_kind(Kind.EIS) if {"SOV-1", "SOV-2"} & set(r.sov))

    assert jurisdiction_eisen(Laag.GEVOELIG) < jurisdiction_eisen(Laag.KRITIEK)


# --- equal treatment: the EER, and seat tests only in laag 1 ---------------------------------------

EU_TIE = re.compile(
    r"(?:zetel|hoofdkantoor|hoofdvestiging|gevestigd|vestiging|woonplaats|woont|wonen|"
    r"medewerkers?|personeel|onderdaan|nationaliteit|vanuit|vanaf locaties)"
    r"[^.;:]{0,60}?(?:Europese Unie|\bEU\b|lidstaat)",
    re.IGNORECASE,
)


@pytest.mark.parametrize(
    ("laag", "contract_type"), [(laag, ct) for laag, ct in COMBINATIONS if laag is not Laag.KRITIEK]
)
def test_no_knock_out_in_laag_2_or_3_ties_seat_residence_or_staff_to_the_eu(laag: Laag, contract_type: str) -> None:
    for req in annex(laag, contract_type).of_kind(Kind.EIS):
        text = re.sub(r"\s+", " ", req.text)
        match = EU_TIE.search(text)
        assert match is None, f"{req.clause_id}: '{match.group(0) if match else ''}'"


@pytest.mark.parametrize(
    ("laag", "contract_type"), [(laag, ct) for laag, ct in COMBINATIONS if laag is not Laag.KRITIEK]
)
def test_no_knock_out_outside_laag_1_tests_who_owns_or_controls_the_bidder(laag: Laag, contract_type: str) -> None:
    ids = {r.clause_id for r in annex(laag, contract_type).of_kind(Kind.EIS)}
    assert not ids & {"zeggenschap-eu", "hostingmodel-laag1"}


def test_the_seat_and_control_condition_of_laag_1_is_a_performance_condition_with_one_legal_ground() -> None:
    req = next(r for r in annex(Laag.KRITIEK, "saas").requirements if r.clause_id == "zeggenschap-eu")
    # art. 58 Rl. 2014/24 has no ground for an ownership test at the bid: a contract condition
    # (art. 70) that the contractor meets from the start date, breach leads to termination
    text, toelichting = (re.sub(r"\s+", " ", t) for t in (req.text, req.toelichting))
    assert req.kind is Kind.BEPALING
    assert "artikel 70" in text and "ingangsdatum" in text
    assert "ontbinden" in text and "geen stukken" in text
    assert "EER" in text and "Europese Unie" not in text
    for citation in ("346", "Richtlijn 2014/24/EU", "C-652/22", "artikel III, tweede lid, onder a"):
        assert citation in toelichting
    assert "vrijwillig" not in toelichting  # one ground, not a conditional one


# --- licentie and the EU CSF -----------------------------------------------------------------------


@pytest.mark.parametrize("laag", list(Laag))
def test_licentie_carries_no_seal_knock_out_and_no_cloud_only_criterion(laag: Laag) -> None:
    result = annex(laag, "licentie")
    assert not [r.clause_id for r in result.requirements if r.scored_in_sov_table]
    ids = {r.clause_id for r in result.requirements}
    assert not ids & {"csf-minimum-seal", "csf-soevereiniteitsscore", "beheer-vanuit-eu"}


@pytest.mark.parametrize("laag", list(Laag))
def test_a_licentie_annex_and_grid_set_no_minimum_seal(laag: Laag) -> None:
    assert set(annex(laag, "licentie").min_seal.values()) == {None}


def test_a_cloud_annex_keeps_the_minimum_seal_its_knock_out_publishes() -> None:
    result = annex(Laag.GEVOELIG, "saas")
    assert any(r.clause_id == "csf-minimum-seal" and r.kind is Kind.EIS for r in result.requirements)
    assert result.min_seal["SOV-5"] == 2 and result.min_seal["SOV-1"] is None


@pytest.mark.parametrize("contract_type", CONTRACT_TYPES)
def test_laag_3_sets_no_minimum_seal_because_its_eisen_already_test_those_facts(contract_type: str) -> None:
    result = annex(Laag.ONDERSTEUNEND, contract_type)
    assert set(result.min_seal.values()) == {None}
    assert "csf-minimum-seal" not in {r.clause_id for r in result.requirements}


def knock_outs(result: Annex) -> int:
    """Eisen plus minimum-SEAL thresholds; the minimum-SEAL eis itself is not counted twice."""
    eisen = [r.clause_id for r in result.of_kind(Kind.EIS)]
    thresholds = sum(1 for level in result.min_seal.values() if level)
    return len(eisen) - ("csf-minimum-seal" in eisen) + thresholds


@pytest.mark.parametrize("contract_type", CONTRACT_TYPES)
def test_laag_3_has_at_most_six_knock_outs_counting_seal_thresholds(contract_type: str) -> None:
    assert knock_outs(annex(Laag.ONDERSTEUNEND, contract_type)) <= 6


@pytest.mark.parametrize("laag", list(Laag))
def test_a_minimum_seal_is_lower_than_the_knock_outs_of_the_previous_reading(laag: Laag) -> None:
    """The fourth legal reading counted 34/24/7 knock-out tests for iaas; thresholds that repeat
    an eis are gone, so every tier asks fewer."""
    before = {Laag.KRITIEK: 34, Laag.GEVOELIG: 24, Laag.ONDERSTEUNEND: 7}[laag]
    assert knock_outs(annex(laag, "iaas")) < before


def test_no_seal_rung_asks_for_origin() -> None:
    evidence = load_library().policy.seal_evidence
    origin = re.compile(
        r"herkomst|niet onderworpen zijn aan|afhankelijk is van leveranciers buiten"
        r"|vestigingsstaat van de organisaties|ligt in de EER",
        re.IGNORECASE,
    )
    for sov, levels in evidence.items():
        for level, text in levels.items():
            assert not origin.search(text), f"{sov} niveau {level}: {text[:80]}"
    assert "infrastructuur of hosting" in evidence["SOV-4"][4]
    assert "Kritieke Toeleverancier" in evidence["SOV-5"][2]


def _chapter_3(laag: Laag, contract_type: str) -> str:
    from aanbesteding.assemble.award_content import award

    parts: list[str] = []
    for block in award(annex(laag, contract_type)):
        if isinstance(block, Table):
            parts += [" | ".join(row) for row in block.rows]
        elif hasattr(block, "text"):
            parts.append(str(block.text))
        elif isinstance(block, Bullets):
            parts += list(block.items)
    return re.sub(r"\s+", " ", "\n".join(parts))


def test_chapter_3_holds_the_one_closed_list_of_evidence_counted_as_delivered() -> None:
    text = _chapter_3(Laag.GEVOELIG, "saas")
    assert "Ander bewijs geldt nooit als geleverd" in text and "als, en alleen als" in text
    req = next(r for r in annex(Laag.GEVOELIG, "saas").requirements if r.clause_id == "csf-soevereiniteitsscore")
    wens = re.sub(r"\s+", " ", req.text)
    assert "uitsluitend in de gesloten lijst" in wens and "SOV-3 niveau 1" not in wens


def test_the_statements_on_what_makes_no_difference_follow_from_the_data() -> None:
    numbers = {r.clause_id: r.number for r in annex(Laag.KRITIEK, "saas").requirements}
    text = _chapter_3(Laag.KRITIEK, "saas")
    assert f"de broncode of het Broncodedepot | {numbers['broncodedepot']}" in text
    # l1: the SOV-4 minimum of SEAL-4 gives every bid not excluded 100% on SOV-4.
    assert "SOV-4 | 15% | 100% (SEAL-4, minimum)" in text
    # l3 has no minima, so the chapter never speaks of a minimum table there.
    assert "minimum)" not in _chapter_3(Laag.ONDERSTEUNEND, "saas")
    # SOV-7 is not delivered by the suitability requirement on information security (Lianakis).
    l2 = _chapter_3(Laag.GEVOELIG, "saas")
    assert "SOV-7 | SEAL-1 |" not in l2


@pytest.mark.parametrize("contract_type", ["saas", "paas", "iaas", "hosting"])
def test_no_laag_2_knock_out_requires_a_key_store_outside_the_providers_group(contract_type: str) -> None:
    for req in annex(Laag.GEVOELIG, contract_type).of_kind(Kind.EIS):
        text = re.sub(r"\s+", " ", req.text)
        assert "niet tot het concern van de Opdrachtnemer behoort" not in text, req.clause_id
    wensen = {r.clause_id for r in annex(Laag.GEVOELIG, contract_type).of_kind(Kind.WENS)}
    assert "sleutels-buiten-concern" in wensen


@pytest.mark.parametrize("contract_type", CONTRACT_TYPES)
def test_no_laag_3_knock_out_names_ipv6_dnssec_or_the_api_design_rules(contract_type: str) -> None:
    for req in annex(Laag.ONDERSTEUNEND, contract_type).of_kind(Kind.EIS):
        for name in ("IPv6", "DNSSEC", "API Design Rules"):
            assert name not in req.text, (req.clause_id, name)


@pytest.mark.parametrize(("laag", "contract_type"), COMBINATIONS)
def test_no_wens_scores_a_certificate(laag: Laag, contract_type: str) -> None:
    for req in annex(laag, contract_type).of_kind(Kind.WENS):
        for score, guidance in req.scoring_guidance.items():
            assert "certificaat volgens ISO" not in guidance, (req.clause_id, score)


def variants(clause: Clause) -> list[Variant]:
    return [v for v in (clause.varianten.for_tier(laag) for laag in Laag) if v is not None]


def test_the_library_names_the_topics_of_the_fourth_reading() -> None:
    corpus = " ".join(
        re.sub(
            r"\s+",
            " ",
            " ".join(
                [
                    c.clause.tekst,
                    c.clause.toelichting,
                    c.clause.wijze_van_aantonen,
                    *(v.tekst or "" for v in variants(c.clause)),
                    *c.clause.bronnen,
                ]
            ),
        )
        for c in load_library().clauses
    )
    for topic in (
        "Archiefwet",
        "MDTO",
        "2024/2847",
        "2.163c",
        "269/2014",
        "765/2006",
        "2.57",
        "artikel 63",
        "artikel 29",
        "artikel 30",
        "gescreend",
        "eenzijdig",
        "autoriteit binnen de EER",
        "restrisico",
        "onderhoud of ondersteuning op afstand",
    ):
        assert topic in corpus, topic


def test_the_laag_1_justification_is_a_reasoned_analysis_not_a_stated_conclusion() -> None:
    for clause in (
        "hostingmodel-laag1",
        "zeggenschap-eu",
        "soc-onder-eu-jurisdictie",
        "geen-extraterritoriale-wetgeving",
    ):
        item = next(c for c in load_library().clauses if c.clause.id == clause)
        default = str(item.clause.parameters["rechtvaardiging"].standaard)
        assert "beveiligingsanalyse" in default and "functionele eisen" in default, clause
        assert "heeft vastgesteld dat wezenlijke veiligheidsbelangen" not in default, clause


@pytest.mark.parametrize(("laag", "contract_type"), COMBINATIONS)
def test_no_wens_under_kwaliteit_scores_sov_1_or_sov_2_facts_again(laag: Laag, contract_type: str) -> None:
    twice = [
        r.clause_id
        for r in annex(laag, contract_type).of_kind(Kind.WENS)
        if not r.scored_in_sov_table and {"SOV-1", "SOV-2"} & set(r.sov)
    ]
    assert twice == []


def test_the_sovereignty_score_is_a_part_of_the_sub_criterion_not_a_share_of_the_total() -> None:
    req = next(r for r in annex(Laag.ONDERSTEUNEND, "saas").requirements if r.clause_id == "csf-soevereiniteitsscore")
    text = re.sub(r"\s+", " ", req.text)
    assert "0% tot en met 100%" in text
    assert "onderdeel van de score op het subcriterium" in text
    # The weights live only in the award chapter: no share of the whole tender in the clause.
    assert "totaalscore van de Inschrijving weegt, staat uitsluitend" in text
    assert "naast kwaliteit" not in text and "prijs (" not in text
    assert "SOV-1" in text and "SOV-2" in text and "twee keer" in text


# --- change log ------------------------------------------------------------------------------------


def test_every_clause_in_the_change_log_carries_the_version_the_log_names() -> None:
    log = (Path(__file__).parent.parent / "clauses" / "WIJZIGINGEN.md").read_text(encoding="utf-8")
    versions = {c.clause.id: c.clause.versie for c in load_library().clauses}
    rows = re.findall(r"^\| `([a-z0-9-]+)` \| [^|]*→ ([0-9.]+) \|", log, re.M)
    assert len(rows) >= 30
    latest = dict(rows)  # a later round's row for the same clause supersedes an earlier one
    for clause_id, version in latest.items():
        assert versions.get(clause_id) == version, clause_id
