"""The register's columns: heading, meaning, allowed values and the names other tools use.

One definition serves the empty register (headings, comments, validation lists) and the
reader (headings matched by name, with aliases, so a contract register or a GEMMA
Softwarecatalogus export can be read as it is).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Literal

from aanbesteding.domain import CONTRACT_TYPES
from aanbesteding.tender.classification import QUESTIONS

Kind = Literal["tekst", "datum", "geheel", "bedrag", "keuze", "termijn", "lijst"]
SYSTEMS_SHEET = "Systemen"
CONTRACTS_SHEET = "Contracten"
RENEWALS = ("geen", "stilzwijgend", "optie")
KOERSEN = ("behouden", "vervangen", "onbekend")
LAGEN = ("1", "2", "3")


@dataclass(frozen=True)
class Column:
    """One column of a register sheet."""

    key: str  # field name in the model
    heading: str  # the heading the empty register writes
    help: str  # the comment on the heading
    kind: Kind = "tekst"
    choices: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()
    required: bool = False
    width: float = 16.0


SYSTEM_COLUMNS: tuple[Column, ...] = (
    Column(
        "systeem",
        "systeem",
        "Naam van het systeem; uniek in het register. Contracten verwijzen "
        "ernaar. Ontbreekt de kolom, dan geldt de pakketnaam.",
        required=True,
        width=22,
        aliases=("naam", "applicatie", "systeemnaam", "naam systeem"),
    ),
    Column(
        "omschrijving", "omschrijving", "Waarvoor het systeem dient.", width=30, aliases=("beschrijving", "toelichting")
    ),
    Column(
        "eigenaar",
        "eigenaar",
        "Wie binnen de organisatie eigenaar is (proces- of systeemeigenaar). Verplicht voor laag 1 en 2.",
        width=18,
        aliases=("systeemeigenaar", "proceseigenaar", "applicatie-eigenaar", "applicatiebeheerder"),
    ),
    Column(
        "leverancier",
        "leverancier",
        "De leverancier van het pakket of de dienst.",
        width=18,
        aliases=("aanbieder", "leverancier naam", "naam leverancier", "supplier", "vendor"),
    ),
    Column(
        "pakket",
        "pakket",
        "Pakket of product, zoals in de GEMMA Softwarecatalogus.",
        width=18,
        aliases=("pakketnaam", "naam pakket", "product", "softwarepakket"),
    ),
    Column(
        "contracttype",
        "contracttype",
        "Wat wordt afgenomen: " + ", ".join(CONTRACT_TYPES) + ".",
        kind="keuze",
        choices=CONTRACT_TYPES,
        aliases=("type contract", "afnamevorm", "soort dienst"),
    ),
    Column(
        "hosting_aanbieder",
        "hosting aanbieder",
        "Wie het systeem host (leverancier, cloudaanbieder of eigen datacenter).",
        width=18,
        aliases=("hostingpartij", "hosting", "hoster"),
    ),
    Column(
        "hosting_locatie",
        "hosting locatie",
        "Land of landen waar gegevens staan en verwerkt "
        "worden (bijv. Nederland; Duitsland, Ierland), of 'buiten de EER'.",
        kind="lijst",
        width=18,
        aliases=("locatie", "hostinglocatie", "datacenter", "land", "hosting land", "locatie hosting"),
    ),
    Column(
        "laag",
        "laag",
        "Laag 1, 2 of 3 zoals vastgesteld. Leeg laten als de BIA-kolommen "
        "rechts zijn ingevuld: dan leidt het rapport de laag daaruit af.",
        kind="keuze",
        choices=LAGEN,
        width=8,
        aliases=("classificatie", "drielagenmodel"),
    ),
    *(
        Column(
            q.key,
            q.key.replace("_", " "),
            f"BIA: {q.text} Keuzes: {', '.join(q.answers)}.",
            kind="keuze",
            choices=tuple(q.answers),
            width=14,
        )
        for q in QUESTIONS
    ),
    Column(
        "laatst_bevestigd",
        "laatst bevestigd",
        "Datum (JJJJ-MM-DD) waarop de eigenaar deze gegevens laatst heeft bevestigd.",
        kind="datum",
        width=14,
        aliases=("bevestigd op", "laatst gecontroleerd", "gecontroleerd op", "peildatum gegevens"),
    ),
    Column(
        "gepland_gebruik_tot",
        "gepland gebruik tot",
        "Tot wanneer het systeem naar verwachting in gebruik blijft (JJJJ-MM-DD); leeg: onbepaald.",
        kind="datum",
        width=14,
        aliases=("in gebruik tot", "einde gebruik", "uitfasering", "gebruik tot"),
    ),
)

CONTRACT_COLUMNS: tuple[Column, ...] = (
    Column(
        "contract",
        "contract",
        "Naam of kenmerk van het contract; uniek in het register.",
        required=True,
        width=20,
        aliases=("contractnummer", "kenmerk", "contractnaam", "naam contract"),
    ),
    Column(
        "systemen",
        "systemen",
        "Systeem of systemen (gescheiden door ; of ,) uit het blad Systemen die onder dit contract vallen.",
        kind="lijst",
        width=20,
        aliases=("systeem", "systeem(en)", "applicaties", "applicatie"),
    ),
    Column(
        "leverancier",
        "leverancier",
        "De contractpartij.",
        width=18,
        aliases=("contractpartij", "opdrachtnemer", "aanbieder", "leverancier naam"),
    ),
    Column(
        "ingangsdatum",
        "ingangsdatum",
        "Eerste dag van het contract (JJJJ-MM-DD).",
        kind="datum",
        width=13,
        aliases=("startdatum", "begindatum", "aanvang"),
    ),
    Column(
        "einddatum",
        "einddatum",
        "Laatste dag van de initiële looptijd (JJJJ-MM-DD), zonder verlengingen.",
        kind="datum",
        required=True,
        width=13,
        aliases=("einde initiele looptijd", "einddatum initiele looptijd", "einde looptijd", "einde contract"),
    ),
    Column(
        "verlenging",
        "verlenging",
        "geen, stilzwijgend (verlengt vanzelf tenzij opgezegd) of optie (de organisatie moet de optie lichten).",
        kind="keuze",
        choices=RENEWALS,
        width=13,
        aliases=("verlengingstype", "type verlenging", "verlengingsvorm"),
    ),
    Column(
        "verlengingsperiode",
        "verlengingsperiode",
        "Lengte van één verlenging in maanden.",
        kind="geheel",
        width=12,
        aliases=("verlengingstermijn", "verlengingsperiode maanden", "periode"),
    ),
    Column(
        "resterende_opties",
        "resterende opties",
        "Bij verlenging 'optie': het aantal opties dat na de einddatum nog gelicht kan worden.",
        kind="geheel",
        width=11,
        aliases=("opties", "aantal opties", "verlengingsopties", "resterende verlengingen"),
    ),
    Column(
        "uiterste_einddatum",
        "uiterste einddatum",
        "De datum waarna geen verlenging meer mag (maximale looptijd volgens de aanbesteding); leeg: geen grens.",
        kind="datum",
        width=13,
        aliases=("maximale einddatum", "einde maximale looptijd", "uiterste looptijd"),
    ),
    Column(
        "opzegtermijn",
        "opzegtermijn",
        "Opzegtermijn of termijn om een optie te lichten: '3 "
        "maanden' of '90 dagen'; een getal zonder eenheid telt als maanden.",
        kind="termijn",
        width=13,
        aliases=("opzegging", "opzeggingstermijn", "termijn opzegging"),
    ),
    Column(
        "waarde",
        "waarde",
        "Contractwaarde per jaar in euro's (excl. btw).",
        kind="bedrag",
        width=13,
        aliases=("contractwaarde", "bedrag", "jaarwaarde", "waarde per jaar"),
    ),
    Column(
        "koers",
        "koers",
        "Voornemen: behouden, vervangen of onbekend.",
        kind="keuze",
        choices=KOERSEN,
        width=11,
        aliases=("voornemen", "strategie", "koers na einde"),
    ),
    Column(
        "beslistermijn",
        "beslistermijn",
        "Alleen als dit contract een eigen termijn nodig heeft: "
        "hoeveel maanden vóór de opzegdag (of einddatum) beslist moet worden. Leeg: de termijn "
        "uit het beleid voor de laag en de actie.",
        kind="geheel",
        width=12,
        aliases=("signaleringstermijn", "alarmtermijn", "beslistermijn maanden"),
    ),
)


def normalize(heading: str) -> str:
    """``Uiterste Einddatum (JJJJ-MM-DD)`` -> ``uiterste einddatum``: accents, case, notes in
    brackets, underscores and punctuation do not matter."""
    text = unicodedata.normalize("NFKD", heading).encode("ascii", "ignore").decode().lower()
    text = re.sub(r"\((?:[^)]*(?:jjjj|maanden|dagen|euro|excl)[^)]*)\)", " ", text)
    text = re.sub(r"[_\-/:.]+", " ", text)
    return re.sub(r"\s+", " ", text).strip()


def lookup(columns: tuple[Column, ...]) -> dict[str, Column]:
    """Every accepted heading (normalized) -> its column."""
    names: dict[str, Column] = {}
    for column in columns:
        for name in (column.key, column.heading, *column.aliases):
            names.setdefault(normalize(name), column)
    return names
