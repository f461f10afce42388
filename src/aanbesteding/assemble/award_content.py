"""The bijlage's chapter on assessment and award, as format-neutral blocks.

It publishes everything a bidder needs to predict its score (Richtlijn 2014/24/EU art. 67
lid 5): the shares, the knock-outs and minimum SEAL levels with their evidence, the scale of
the wensen, the Sovereignty Score method with the weights of the chosen profile, and the
price formula. The grid (:mod:`aanbesteding.writers.xlsx`) computes exactly this.
"""

from __future__ import annotations

from aanbesteding.assemble.annex_content import evidence_table, scale_label, seal_tables
from aanbesteding.assemble.blocks import Block, Bullets, Heading, Para, Table
from aanbesteding.compose.annex import Annex
from aanbesteding.domain import SOV_NAMES, SOVS
from aanbesteding.render import bedrag

CHAPTER = 3
_PARTS = ("verhouding", "eisen", "kwaliteit", "soevereiniteit", "prijs", "eindscore")


def _numbers(annex: Annex) -> dict[str, str]:
    """Paragraph numbers; the sovereignty paragraph exists only with a sovereignty share."""
    parts = [p for p in _PARTS if p != "soevereiniteit" or annex.ratio.soevereiniteit]
    return {part: f"{CHAPTER}.{index}" for index, part in enumerate(parts, start=1)}


def _shares(annex: Annex, nr: dict[str, str]) -> list[Block]:
    ratio = annex.ratio
    rows = [("Kwaliteit", f"{ratio.kwaliteit}%", "De wensen, volgens de scoringsleidraad bij elke "
             f"wens (paragraaf {nr['kwaliteit']}).")]
    if ratio.soevereiniteit:
        rows.append(("Soevereiniteit", f"{ratio.soevereiniteit}%", "De Soevereiniteitsscore "
                     f"volgens het EU Cloud Sovereignty Framework (paragraaf {nr['soevereiniteit']})."))
    rows.append(("Prijs", f"{ratio.prijs}%", f"De inschrijfprijs (paragraaf {nr['prijs']})."))
    return [
        Heading(2, f"{nr['verhouding']} Gunningscriterium en verhouding"),
        Para("De Aanbestedende Dienst gunt de opdracht aan de Inschrijving met de beste "
             "prijs-kwaliteitverhouding (artikel 2.114 Aanbestedingswet 2012). Alleen Inschrijvingen "
             "die aan alle eisen voldoen, worden beoordeeld. De eindscore is de gewogen som van de "
             "onderdelen hieronder, elk uitgedrukt als een percentage van 0 tot en met 100%."),
        Table(("Onderdeel", "Aandeel", "Hoe het wordt beoordeeld"), tuple(rows), (3.2, 2.0, 10.8)),
    ]


def _knock_outs(annex: Annex, nr: dict[str, str]) -> list[Block]:
    blocks: list[Block] = [
        Heading(2, f"{nr['eisen']} Eisen en minimale SEAL-niveaus"),
        Para("Een Inschrijving die niet aan een eis voldoet, wordt terzijde gelegd en niet verder "
             "beoordeeld. De eisen zijn in het overzicht van hoofdstuk 2 gemarkeerd met KO."),
    ]
    if annex.seal_minimum_applies:
        blocks += seal_tables(annex)
    return blocks


def _quality(annex: Annex, nr: dict[str, str]) -> list[Block]:
    scale = tuple(annex.tender.schaal)
    top = max(scale)
    rows = tuple((scale_label(step, scale),) for step in sorted(scale, reverse=True))
    return [
        Heading(2, f"{nr['kwaliteit']} Kwaliteit: de wensen"),
        Para("De beoordelingscommissie kent elke wens een score toe op de schaal hieronder, met de "
             "scoringsleidraad bij de wens als maatstaf, en legt de motivering per score vast. "
             "Punten per wens = score / " f"{top} × weging van de wens. Kwaliteitsscore = som van de "
             "behaalde punten / som van de wegingen, in procenten. Een wens die niet wordt "
             "beantwoord, krijgt score 0."),
        Table(("Score",), rows, (6.0,)),
    ]


def _sovereignty(annex: Annex, nr: dict[str, str]) -> list[Block]:
    if not annex.ratio.soevereiniteit:
        return []
    profile = annex.weight_profile_label or annex.tender.weging
    rows = tuple((sov, SOV_NAMES[sov], f"{annex.weights.get(sov, 0)}%") for sov in SOVS)
    return [
        Heading(2, f"{nr['soevereiniteit']} Soevereiniteit: de Soevereiniteitsscore"),
        Para("De Soevereiniteitsscore volgt de methode van het EU Cloud Sovereignty Framework. De "
             "beoordelingscommissie stelt per doelstelling vast welk SEAL-niveau het bewijs van de "
             "Inschrijver draagt, aan de hand van de tabel met bewijs per SEAL-niveau. Het "
             "percentage van de doelstelling is dat niveau maal 25%: SEAL-0 is 0%, SEAL-1 25%, "
             "SEAL-2 50%, SEAL-3 75% en SEAL-4 100%. Voor SOV-1 telt SEAL-3 al voor 100% (SEAL-1 "
             "33%, SEAL-2 67%), zodat Zeggenschap en zetel geen punten opleveren. Een feit dat ook een "
             "wens onder kwaliteit is, weegt alleen in die wens. Heeft de Inschrijver "
             "EU CSF-scores gepubliceerd, dan mag hij die opgeven; de commissie kent het percentage "
             "toe van het niveau dat zijn bewijs draagt."),
        Bullets((
            "Soevereiniteitsscore = som over de doelstellingen van (percentage van de doelstelling "
            "× gewicht) / 100, dus ook een percentage van 0 tot en met 100%.",
            "De scores zijn percentages, geen cijfers op een schaal van 0 tot 10: een score van 8 "
            "betekent 8%, niet 80%.",
        )),
        *([] if annex.seal_minimum_applies else evidence_table(annex)),
        Para(f"De gewichten zijn die van het profiel '{profile}':"),
        Table(("Doelstelling", "Omschrijving", "Gewicht"), rows, (2.4, 10.6, 3.0)),
    ]


def _price(annex: Annex, nr: dict[str, str]) -> list[Block]:
    ratio = annex.ratio
    heading = Heading(2, f"{nr['prijs']} Prijs")
    if annex.tender.prijsmethode == "gunnen-op-waarde":
        share = ratio.kwaliteit + ratio.soevereiniteit
        return [
            heading,
            Para("De prijs wordt beoordeeld door gunnen op waarde. De Aanbestedende Dienst maakt de "
                 "waarde W in euro's van een volledige score op kwaliteit en soevereiniteit samen "
                 "vóór de inschrijving bekend in de aanbestedingsstukken."),
            Bullets((
                f"Fictieve inschrijfprijs = P − W × ({ratio.kwaliteit} × kwaliteitsscore + "
                f"{ratio.soevereiniteit} × Soevereiniteitsscore) / {share}, waarin P de "
                "inschrijfprijs is.",
                "Prijsscore = laagste fictieve inschrijfprijs van de geldige Inschrijvingen / eigen "
                "fictieve inschrijfprijs (hoogstens 100%).",
            )),
        ]
    t = annex.tender
    if t.pmin is not None and t.pmax is not None:
        bounds = f"Pmin is {bedrag(t.pmin)} en Pmax is {bedrag(t.pmax)} (exclusief btw)."
    else:
        bounds = ("De Aanbestedende Dienst maakt Pmin en Pmax vóór de inschrijving bekend in de "
                  "aanbestedingsstukken.")
    return [
        heading,
        Para(f"De prijs wordt beoordeeld met de gewogen-factormethode. {bounds} De "
             "aanbestedingsstukken bepalen welke prijs P is (bijvoorbeeld de totale prijs over de "
             "looptijd, exclusief btw)."),
        Bullets((
            "Prijsscore = (Pmax − P) / (Pmax − Pmin), begrensd tussen 0 en 100%, waarin P de "
            "inschrijfprijs is.",
            "Pmin is de prijs waarbij en waaronder de volle prijsscore wordt toegekend; Pmax de "
            "prijs waarbij en waarboven de prijsscore nul is.",
        )),
    ]


def _total(annex: Annex, nr: dict[str, str]) -> list[Block]:
    ratio = annex.ratio
    parts = [f"{ratio.kwaliteit}% × kwaliteitsscore"]
    if ratio.soevereiniteit:
        parts.append(f"{ratio.soevereiniteit}% × Soevereiniteitsscore")
    parts.append(f"{ratio.prijs}% × prijsscore")
    return [
        Heading(2, f"{nr['eindscore']} Eindscore en rangorde"),
        Para(f"Eindscore = {' + '.join(parts)}. De Inschrijving met de hoogste eindscore is de "
             "economisch meest voordelige. Alleen Inschrijvingen die aan alle eisen en minimale "
             "SEAL-niveaus voldoen, krijgen een eindscore en een plaats in de rangorde."),
    ]


def award(annex: Annex) -> list[Block]:
    """Chapter 3: how bids are assessed and the contract awarded."""
    nr = _numbers(annex)
    return [
        Heading(1, f"{CHAPTER} Beoordeling en gunning"),
        *_shares(annex, nr), *_knock_outs(annex, nr), *_quality(annex, nr),
        *_sovereignty(annex, nr), *_price(annex, nr), *_total(annex, nr),
    ]
