"""The fixed Dutch texts of the inschrijversformulier: instructions, prompts and labels."""

from __future__ import annotations

from aanbesteding.responses.form_spec import (
    LONG_TEXT,
    PRICE_DECIMALS,
    REFERENCE_TEXT,
    SHORT_TEXT,
)

TITLE = "Inschrijversformulier digitale soevereiniteit"

INTRO = (
    "Met dit formulier beantwoordt de Inschrijver de eisen, wensen en contractbepalingen van de "
    "bijlage digitale soevereiniteit. Nummers, titels en teksten zijn die van de bijlage; bij "
    "een verschil gaat de bijlage voor. De Aanbestedende Dienst leest het formulier "
    "machinaal in: wijzig de indeling, de teksten en de tabbladen niet, en lever het in als "
    "Excel-bestand (.xlsx)."
)

STEPS = (
    (
        "1. Inschrijver",
        "Vul de naam, het KvK-nummer, de contactpersoon en de datum in, en "
        "laat de tekenbevoegde het ondertekeningsblok invullen. Lever naast dit bestand een "
        "ondertekend exemplaar (PDF) in als de aanbestedingsstukken dat vragen.",
    ),
    (
        "2. Eisen",
        "Beantwoord elke eis met Ja of Nee. Een Nee betekent dat de Inschrijving niet "
        "aan de eis voldoet en terzijde wordt gelegd. Vermeld bij Ja in welk document en op welke "
        "pagina van uw Inschrijving het bewijs staat (zie de wijze van aantonen).",
    ),
    (
        "3. Contractbepalingen",
        "Door in te schrijven aanvaardt de Inschrijver elke "
        "contractbepaling zonder voorbehoud. Bevestig dit per bepaling met Ja. Nee is een "
        "voorbehoud: de Inschrijving voldoet dan niet.",
    ),
    (
        "4. Wensen",
        "Beschrijf per wens wat u aanbiedt en waar het bewijs staat. De "
        "beoordelingscommissie kent de score toe volgens de scoringsleidraad in de bijlage; u geeft "
        "zelf geen score. Een wens die niet wordt beantwoord, krijgt score 0.",
    ),
    (
        "5. SEAL",
        "Geef per doelstelling het SEAL-niveau dat u claimt (0 tot en met 4) en vermeld "
        "voor elk geclaimd niveau, en elk lager niveau, waar het bewijs staat. De "
        "beoordelingscommissie stelt vast welk niveau het bewijs draagt. Een claim onder het "
        "minimum leidt ertoe dat de Inschrijving terzijde wordt gelegd.",
    ),
    (
        "6. Prijs",
        "Vul de inschrijfprijs P in zoals de aanbestedingsstukken die bepalen, in "
        f"euro's exclusief btw, als getal met hoogstens {PRICE_DECIMALS} decimalen (bijvoorbeeld "
        "125000,50). Een bedrag met meer decimalen wordt niet afgerond maar geweigerd; vul geen "
        "tekst, valutateken of formule in.",
    ),
)

LEGEND = (
    (
        "Geel",
        "Invoercel: alleen deze cellen zijn te wijzigen. Keuzelijsten, getallen, datums en "
        "tekstlengtes worden bij invoer gecontroleerd.",
    ),
    (
        "Oranje",
        "Verplichte invoer die nog ontbreekt. Een onvolledig formulier is na de "
        "sluitingstermijn in de regel niet meer te herstellen; controleer daarom dat geen oranje "
        "cel overblijft.",
    ),
    (
        "Overig",
        "Vaste tekst uit de bijlage, beveiligd tegen wijziging. Een gewijzigde tekst of "
        "een formulier van een andere aanbesteding wordt bij het inlezen herkend en geweigerd.",
    ),
)

SIGNATURE = (
    "Ondertekening: de tekenbevoegde verklaart dat dit formulier naar waarheid is "
    "ingevuld en dat de Inschrijver de contractbepalingen van de bijlage zonder "
    "voorbehoud aanvaardt."
)
SIGNATURE_LINE = "Handtekening:"

# Prompts and error messages of the data validations (at most 255 characters each).
ANSWER = "Kies Ja of Nee. Nee betekent: voldoet niet aan de eis."
ACCEPTANCE = "Kies Ja (aanvaard zonder voorbehoud) of Nee (voorbehoud: voldoet niet)."
OFFER = f"Beschrijf uw aanbod (hoogstens {LONG_TEXT} tekens)."
DOCUMENT = f"Naam van het document in uw Inschrijving (hoogstens {SHORT_TEXT} tekens)."
PAGE = "Pagina of paragraaf, bijvoorbeeld 12 of 4.2 (hoogstens 30 tekens)."
REMARK = f"Opmerking (hoogstens {LONG_TEXT} tekens); geen voorbehoud."
CLAIM = "Kies het SEAL-niveau dat u claimt: 0, 1, 2, 3 of 4."
LEVEL_EVIDENCE = f"Document en pagina van het bewijs voor dit niveau (hoogstens {REFERENCE_TEXT} tekens)."
PRICE = f"Bedrag in euro's exclusief btw, 0 of meer, hoogstens {PRICE_DECIMALS} decimalen."
KVK = "Het KvK-nummer: precies 8 cijfers."
DATE = "Een datum, bijvoorbeeld 15-03-2027."
TEXT = "Tekst van hoogstens {limit} tekens."

ITEM_HEADERS = (
    "Nr.",
    "Soort",
    "Titel",
    "Tekst uit de bijlage",
    "Wijze van aantonen",
    "Antwoord (Ja/Nee)",
    "Aanbod (alleen wensen)",
    "Bewijs: document",
    "Bewijs: pagina",
    "Opmerking",
)
SEAL_HEADERS = (
    "Doelstelling",
    "Minimum SEAL",
    "Geclaimd SEAL-niveau",
    "Bewijs SEAL-1",
    "Bewijs SEAL-2",
    "Bewijs SEAL-3",
    "Bewijs SEAL-4",
)
KIND_LABELS = {"eis": "Eis (KO)", "bepaling": "Bepaling", "wens": "Wens"}
SEAL_ROW_NOTE = "Beantwoord op het tabblad SEAL."
