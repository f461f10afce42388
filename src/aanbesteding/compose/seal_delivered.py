"""Which rungs of the SEAL evidence table count as delivered for every bidder, and what follows.

A rung whose fact a knock-out, a contract clause or a wens of the same annex already establishes
counts as delivered for every bid that is not excluded: otherwise the same fact would count twice,
and a bidder who did not file the evidence again would lose points on a fact already settled.
The list is closed (this table and nothing else) and printed in chapter 3 of the bijlage, next to
the evidence table; the statements about which objectives make no or little difference are
computed from the same data and the published minima, never written by hand, so they cannot be
wrong for a tier or contract type.

A part can be limited to annexes where its clause is a wens (``only_as="W-"``): where the same
clause is a knock-out with a narrower subject than the rung, the rung still has to be shown, but
where a wens already weighs the fact under quality, counting it again in the score would be double.
"""

from __future__ import annotations

from dataclasses import dataclass

from aanbesteding.compose.seal_score import seal_percentage
from aanbesteding.domain import SOVS


@dataclass(frozen=True)
class Delivered:
    """One rung (or one part of a rung) that counts as delivered when all ``clauses`` are in."""

    sov: str
    level: int
    what: str
    clauses: tuple[str, ...]
    part: str = ""  # empty: the whole rung; else the name of the part (see PARTS)
    only_as: str = ""  # empty: always; else only where every clause's number has this prefix ("W-")


# Rungs made of parts that different clauses deliver: (objective, level) -> the parts, in order.
PARTS: dict[tuple[str, int], tuple[str, ...]] = {
    ("SOV-4", 4): ("beheerdocumentatie", "broncode"),
    ("SOV-5", 2): ("toeleveranciers", "updates"),
    ("SOV-5", 3): ("assurance", "vervanging"),
    ("SOV-6", 4): ("open-bron", "twee-aanbieders"),
    ("SOV-7", 2): ("verklaring", "nis2", "melding"),
    ("SOV-8", 4): ("verificatie", "recycling"),
}
PART_NAMES: dict[str, str] = {
    "beheerdocumentatie": "de beheer- of inrichtingsdocumentatie met de toezegging van haar oplevering",
    "broncode": "de broncode of het Broncodedepot",
    "toeleveranciers": "de lijst van Kritieke Toeleveranciers met hun rol",
    "updates": "de beschrijving van bouw en verspreiding van updates",
    "open-bron": "de open-bronlicentie of de overdracht van de broncode",
    "twee-aanbieders": (
        "het draaien op infrastructuur van ten minste twee aanbieders (bij infrastructuur of hosting: "
        "de verplaatsbaarheid van de omgeving)"
    ),
    "assurance": "het Assurancerapport over het leveranciersbeheer voor de Kritieke Toeleveranciers",
    "vervanging": "de regeling voor de vervanging van een Kritieke Toeleverancier",
    "verklaring": "de verklaring van toepasselijkheid voor de Dienst voor zover zij de maatregelen van de BIO2 afdekt",
    "nis2": "de koppeling van de maatregelen van NIS2 artikel 21 lid 2 aan beheersmaatregelen voor de Dienst",
    "melding": "de meldprocedure voor beveiligingsincidenten",
    "verificatie": "het onafhankelijk geverifieerde rapport over koolstof- en watergebruik",
    "recycling": "het beleid voor hergebruik en recycling van hardware",
}

ENERGY = ("energie-en-waterrapportage",)
DELIVERED: tuple[Delivered, ...] = (
    Delivered(
        "SOV-1",
        3,
        "de toezegging over de continuïteit van de Kritieke Functies",
        ("geen-opschorting-buitenlandse-last",),
    ),
    Delivered("SOV-2", 1, "de aanvaarding van Nederlands recht en de Nederlandse rechter", ("toepasselijk-recht",)),
    Delivered("SOV-2", 2, "de opgave van wetgeving van staten buiten de EER", ("transparantie-rechtsmacht",)),
    Delivered(
        "SOV-2",
        3,
        "de maatregelen tegen verstrekking zonder medewerking van de Opdrachtgever en de procedure voor "
        "verzoeken van autoriteiten",
        ("verzoeken-buitenlandse-autoriteiten", "opslag-eer", "klantbeheerde-sleutels", "toegang-na-goedkeuring"),
    ),
    Delivered("SOV-3", 1, "de locaties van opslag en verwerking in de EER", ("opslag-eer",)),
    Delivered(
        "SOV-3",
        2,
        "het sleutelbeheer met Klantbeheerde Sleutels en de verwijdering van Gegevens",
        ("klantbeheerde-sleutels", "verwijdering-einde-overeenkomst"),
    ),
    Delivered(
        "SOV-3", 3, "opslag en back-up in de EER en de vastlegging van toegang", ("opslag-eer", "toegangslogging")
    ),
    Delivered(
        "SOV-3",
        4,
        "toegang alleen na goedkeuring per geval en AI-functies alleen met toestemming",
        ("toegang-na-goedkeuring", "ai-functies-uit-standaard"),
    ),
    Delivered("SOV-4", 1, "het Exitplan", ("exitplan",)),
    Delivered("SOV-4", 2, "de locaties van beheer en ondersteuning", ("beheer-vanuit-eu",)),
    Delivered(
        "SOV-4",
        3,
        "beheer en ondersteuning vanuit de EER met uitvaloefening",
        ("beheer-vanuit-eu", "uitvaloefeningen"),
    ),
    Delivered("SOV-4", 4, PART_NAMES["broncode"], ("broncodedepot",), part="broncode"),
    Delivered("SOV-5", 1, "de lijst van Subverwerkers", ("subverwerkerslijst",)),
    Delivered("SOV-5", 2, PART_NAMES["updates"], ("integriteit-updates",), part="updates"),
    Delivered("SOV-5", 3, PART_NAMES["assurance"], ("nis2-ketencompliance",), part="assurance", only_as="W-"),
    Delivered("SOV-6", 1, "de interfaces voor raadplegen en export", ("open-api",)),
    Delivered("SOV-6", 2, "de gedocumenteerde API's volgens open standaarden", ("open-api",)),
    Delivered("SOV-6", 3, "de architectuur op open standaarden", ("architectuurdocumentatie", "open-standaarden")),
    Delivered("SOV-6", 4, PART_NAMES["open-bron"], ("open-source",), part="open-bron"),
    Delivered("SOV-6", 4, PART_NAMES["twee-aanbieders"], ("haven-applicatie",), part="twee-aanbieders"),
    Delivered("SOV-7", 2, PART_NAMES["nis2"], ("nis2-ketencompliance",), part="nis2"),
    Delivered("SOV-7", 2, PART_NAMES["melding"], ("incidentmelding",), part="melding"),
    Delivered(
        "SOV-7",
        3,
        "beveiligingsmonitoring vanuit de EER, inzage in logbestanden en verifieerbare updates",
        ("soc-onder-eu-jurisdictie", "toegangslogging", "integriteit-updates"),
    ),
    Delivered("SOV-8", 1, "de opgave van het energiegebruik", ENERGY),
    Delivered("SOV-8", 2, "de energie-efficiëntie en het aandeel hernieuwbare energie", ENERGY),
    Delivered("SOV-8", 3, "het rapport over koolstof- en watergebruik", ENERGY),
    Delivered("SOV-8", 4, PART_NAMES["verificatie"], ENERGY, part="verificatie"),
    Delivered("SOV-8", 4, PART_NAMES["recycling"], ("circulaire-hardware",), part="recycling"),
)


@dataclass(frozen=True)
class Listed:
    """A delivered rung as the bijlage prints it: with the numbers of the annex's parts."""

    sov: str
    level: int
    what: str
    numbers: tuple[str, ...]  # E-.., W-.., B-..
    part: str


@dataclass(frozen=True)
class Effect:
    """What the list and the minimum mean for one objective, for every bid not excluded."""

    sov: str
    weight: int
    floor: int  # every such bid reaches at least this level
    floor_by_minimum: bool  # the floor comes from the published minimum, not from the list
    given: tuple[int, ...]  # whole rungs above the floor that count as delivered
    open_parts: tuple[tuple[int, tuple[str, ...]], ...]  # rungs above the floor delivered in part:
    # the level and the parts of it that still make a difference

    @property
    def least(self) -> int:
        """The percentage every bid not excluded earns on this objective at least."""
        return seal_percentage(self.sov, self.floor)

    @property
    def top(self) -> int:
        """The lowest level that earns 100% (SEAL-3 for SOV-1, else SEAL-4)."""
        return min(level for level in range(5) if seal_percentage(self.sov, level) == 100)

    @property
    def distinguishing(self) -> float:
        """The share of the Sovereignty Score this objective can still make differ, in points."""
        return self.weight * (100 - self.least) / 100


def listed(numbers: dict[str, str]) -> tuple[Listed, ...]:
    """The delivered rungs whose clauses are all in this annex (``numbers``: clause id -> nr)."""
    return tuple(
        Listed(d.sov, d.level, d.what, tuple(numbers[c] for c in d.clauses), d.part)
        for d in DELIVERED
        if all(c in numbers and numbers[c].startswith(d.only_as) for c in d.clauses)
    )


def _whole(rungs: tuple[Listed, ...], sov: str, level: int) -> bool:
    parts = PARTS.get((sov, level))
    got = {r.part for r in rungs if r.sov == sov and r.level == level}
    return bool(got) and ("" in got or (parts is not None and set(parts) <= got))


def effects(numbers: dict[str, str], minima: dict[str, int | None], weights: dict[str, int]) -> tuple[Effect, ...]:
    """Per objective: the level every bid not excluded reaches, and what still makes a difference."""
    rungs = listed(numbers)
    out: list[Effect] = []
    for sov in SOVS:
        floor = 0
        while floor < 4 and _whole(rungs, sov, floor + 1):
            floor += 1
        minimum = minima.get(sov) or 0
        by_minimum = minimum > floor
        floor = max(floor, minimum)
        given = tuple(level for level in range(floor + 1, 5) if _whole(rungs, sov, level))
        open_parts: list[tuple[int, tuple[str, ...]]] = []
        for level in range(floor + 1, 5):
            got = {r.part for r in rungs if r.sov == sov and r.level == level and r.part}
            if got and level not in given:
                open_parts.append((level, tuple(p for p in PARTS.get((sov, level), ()) if p not in got)))
        out.append(Effect(sov, weights.get(sov, 0), floor, by_minimum, given, tuple(open_parts)))
    return tuple(out)
