"""The texts of the bijlage's award chapter, the grid's award instructions and the
verantwoording's award sections: legal-owned wording in one place, as structured data.

Every text is a ``str.format`` template whose placeholders the writers fill; nothing here is
computed. Until the library holds chapter texts (version, status, reviewer), this module is the
single place legal reviews them; moving them is mechanical (one key -> one library text).
"""

from __future__ import annotations

TEXTS: dict[str, str] = {
    # --- bijlage, chapter 3 -------------------------------------------------------------------
    "plaats.kop": "Plaats in het gunningsmodel",
    "plaats.schakel": (
        "De Aanbestedende Dienst gunt de opdracht aan de Inschrijving met de beste "
        "prijs-kwaliteitverhouding (artikel 2.114 Aanbestedingswet 2012), volgens de "
        "gunningscriteria en hun weging in {leidraad}. Deze bijlage werkt daarvan uitsluitend het "
        "subcriterium '{sub}' uit, dat voor {share}% meetelt in de totaalscore. Dit hoofdstuk "
        "bepaalt hoe de score op dat subcriterium wordt berekend, als percentage van 0 tot en "
        "met 100%. De overige criteria, hun weging en de beoordeling van de prijs staan in "
        "{leidraad}; over de criteria en hun weging in de totaalscore gaat {leidraad} voor."),
    "plaats.concept": (
        "Deze bijlage werkt één subcriterium uit binnen het gunningsmodel van de "
        "aanbestedingsleidraad; de leidraad bepaalt de overige criteria, de weging van elk "
        "criterium en de beoordeling van de prijs. Het gunningsmodel van de leidraad is voor "
        "deze bijlage nog niet volledig opgegeven; zij is daarom een concept en kan zo niet "
        "worden gepubliceerd. Nog op te geven:"),
    "plaats.geen_deel": (
        "Deze bijlage bevat geen eigen gunningscriterium: {reason}. Zij bevat alleen eisen en "
        "contractbepalingen, die gelden ongeacht het gunningsmodel van {leidraad}. Wensen in "
        "hoofdstuk 2 worden in het kader van deze bijlage niet gescoord."),
    "uitsluiting.kop": "Uitsluiting",
    "uitsluiting.intro": "De beoordelingscommissie legt een Inschrijving terzijde bij:",
    "uitsluiting.eis": ("een eis (KO) die de Inschrijver met 'nee' beantwoordt, of waaraan volgens "
                        "het bewijs niet wordt voldaan;"),
    "uitsluiting.bepaling": ("een contractbepaling die de Inschrijver niet of onder voorbehoud "
                             "aanvaardt;"),
    "uitsluiting.seal": ("een SEAL-niveau onder het minimum bij een doelstelling waarvoor een "
                         "minimum geldt (tabel hieronder)."),
    "uitsluiting.gevolg": ("Een terzijde gelegde Inschrijving krijgt geen score en geen plaats in "
                           "de rangorde; de beoordeling noemt elk onderdeel waarop zij niet "
                           "voldoet."),
    "opbouw.kop": "Opbouw van de score op {sub}",
    "opbouw.formule": ("Score {sub} = {wensen}% × wensenscore + {sov}% × Soevereiniteitsscore, "
                       "beide als percentage van 0 tot en met 100%."),
    "opbouw.alleen_wensen": "Score {sub} = wensenscore, als percentage van 0 tot en met 100%.",
    "opbouw.alleen_sov": ("Score {sub} = Soevereiniteitsscore, als percentage van 0 tot en met "
                          "100%."),
    "wensen.kop": "De wensen: wensenscore",
    "wensen.methode": (
        "De beoordelingscommissie kent elke wens een score toe op de schaal hieronder, met de "
        "scoringsleidraad bij de wens als maatstaf, en legt de motivering per score vast. "
        "Punten per wens = score / {top} × weging van de wens. Wensenscore = som van de behaalde "
        "punten / som van de wegingen ({total} punten), in procenten. Een wens die niet wordt "
        "beantwoord, krijgt score 0."),
    "sov.kop": "De Soevereiniteitsscore",
    "sov.methode": (
        "De Soevereiniteitsscore is gebaseerd op het EU Cloud Sovereignty Framework: de acht "
        "doelstellingen SOV-1 tot en met SOV-8, de SEAL-niveaus en een gewogen som van "
        "percentages per doelstelling. De volgende keuzes zijn die van de Aanbestedende Dienst, "
        "niet van het framework: de tabel met bewijs per SEAL-niveau, het percentage per niveau "
        "in de tabel hieronder (het niveau maal 25%, voor SOV-1 al 100% bij SEAL-3, zodat "
        "zeggenschap en zetel geen punten opleveren) en het wegingsprofiel '{profile}'."),
    "sov.vaststelling": (
        "De beoordelingscommissie stelt per doelstelling vast welk SEAL-niveau het bewijs van de "
        "Inschrijver draagt, aan de hand van de tabel met bewijs per SEAL-niveau. Het percentage "
        "van de doelstelling volgt uit dat niveau volgens de tabel hieronder; andere percentages "
        "kent de commissie niet toe. Een EU CSF-score die de Inschrijver of een derde heeft "
        "gepubliceerd of die de Inschrijver opgeeft, telt niet: alleen het niveau dat het bewijs "
        "draagt."),
    "sov.formule": ("Soevereiniteitsscore = som over de doelstellingen van (percentage × "
                    "gewicht) / 100, een percentage van 0 tot en met 100%."),
    "totaal.kop": "Totaalscore, afronding en beslisregel",
    "totaal.model": ("Het gunningsmodel van {leidraad}, waarvan dit subcriterium deel uitmaakt, "
                     "luidt: Totaalscore = {formula}. Bij verschil gaat {leidraad} voor."),
    "totaal.geen_model": ("De totaalscore en de rangorde volgen uit het gunningsmodel van "
                          "{leidraad}; deze bijlage levert de score op {sub}."),
    "prijs.gewogen": ("Prijsscore = (Pmax − P) / (Pmax − Pmin), begrensd tussen 0 en 100%. Pmin "
                      "is {pmin} en Pmax is {pmax} (exclusief btw). P is {definition}."),
    "prijs.open": ("Pmin, Pmax en de definitie van de prijs P zijn voor deze bijlage nog niet "
                   "opgegeven; de bijlage is daarom een concept."),
    "prijs.waarde": ("De prijs wordt beoordeeld door gunnen op waarde volgens {leidraad}: "
                     "fictieve inschrijfprijs = P − W × gewogen kwaliteitsscore, met W de waarde "
                     "in euro's van een volledige score die {leidraad} noemt; de laagste "
                     "fictieve inschrijfprijs is de beste."),
    "afronding": ("Elke score (de wensenscore, de Soevereiniteitsscore, de score per "
                  "criterium, de prijsscore en de totaalscore) wordt als percentage op "
                  "{decimals} decimalen afgerond volgens de gewone rekenregels (een 5 wordt naar "
                  "boven afgerond), voordat zij in een volgende stap wordt gebruikt; de "
                  "rangorde volgt de afgeronde {what}."),
    "beslisregel": "Bij een gelijke afgeronde {what} beslist: {rule}.",
    "beslisregel.open": ("De beslisregel bij een gelijke score is nog niet opgegeven; de bijlage "
                         "is daarom een concept."),
    # --- verantwoording -----------------------------------------------------------------------
    "v.gunning.kop": "Gunningsmodel en motivering van de weging",
    "v.veiligheid.kop": "Veiligheidsanalyse en rechtvaardiging (laag 1)",
    "v.veiligheid.tekst": (
        "De eisen aan vestiging, Zeggenschap of onderworpenheid aan Extraterritoriale Wetgeving "
        "({numbers}) vragen een eigen, in het dossier vastgelegde veiligheidsanalyse van de "
        "Aanbestedende Dienst: welk wezenlijk veiligheidsbelang in het geding is en waarom "
        "minder ingrijpende, functionele eisen (locatie, toegang, sleutelbeheer) niet volstaan. "
        "De standaardtekst van de bibliotheek is geen vaststelling van de Aanbestedende Dienst en "
        "wordt niet als zodanig afgedrukt."),
    "v.markt.kop": "Marktconsultatie bij zware knock-outs (laag 2)",
    "v.markt.tekst": (
        "Deze bijlage bevat {count} knock-out-eisen. Leg in het dossier vast welke "
        "marktconsultatie of marktverkenning aantoont dat meerdere aanbieders aan deze eisen "
        "kunnen voldoen, in het bijzonder aan de eisen over beheer, monitoring en sleutelbeheer; "
        "de rechter toetst in kort geding of de eisen proportioneel zijn (Gids Proportionaliteit)."),
    "v.herkomst.kop": "Herkomst van de standaarden",
    # --- grid ---------------------------------------------------------------------------------
    "g.totaal.geen_model": ("Het gunningsmodel van de leidraad is niet opgegeven: de matrix "
                            "berekent de score op het subcriterium; totaal en rangorde volgen "
                            "uit de leidraad."),
    "g.criteria": ("Vul per inschrijver de score op elk ander criterium van de leidraad in "
                   "(0 tot en met 100%), zoals de leidraad die bepaalt, met een motivering."),
    "g.gelijk": "Gelijke stand met {names}: beslis volgens de beslisregel",
}


def text(key: str, **values: object) -> str:
    """The text ``key`` with its placeholders filled."""
    return TEXTS[key].format(**values)
