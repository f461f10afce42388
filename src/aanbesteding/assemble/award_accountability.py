"""The verantwoording's award sections: the leidraad's model and the motivation of the weights,
the laag-1 security analysis and justification, the market consultation behind heavy
knock-outs, and where every default came from (library, organisation beleid.yaml, officer).

What a judge in kort geding asks for; the bijlage never shows it.
"""

from __future__ import annotations

from aanbesteding.assemble.award_content import subcriterion_formula, total_formula
from aanbesteding.assemble.award_texts import text
from aanbesteding.assemble.blocks import Block, Heading, Para, Table
from aanbesteding.compose.annex import Annex
from aanbesteding.compose.award import LIBRARY, OFFICER
from aanbesteding.domain import Kind
from aanbesteding.render import bedrag
from aanbesteding.tender.award import ROUTE_LABELS
from aanbesteding.tender.model import DEFAULT_SCALE

OPEN = "nog niet opgegeven"
TO_GIVE = "in te vullen door de inkoper"
MINIMA_ASKED = (
    "beleid.yaml (seal_minimum) voor deze laag; in te vullen door de inkoper: het besluit van de "
    "Aanbestedende Dienst dat de minima overneemt (datum en kenmerk) of de motivering van een afwijking"
)
HEAVY_KNOCK_OUTS = 15  # from this many eisen, the dossier should show a market consultation


def _model(annex: Annex) -> tuple[tuple[str, str, str], ...]:
    award, t = annex.award, annex.tender
    g = award.gunning
    rows = [("Leidraad", g.leidraad if g and g.leidraad else OPEN, OFFICER)]
    if award.part:
        share = f"{award.share}% van de totaalscore" if award.share else OPEN
        rows += [
            (
                "Subcriterium",
                f"{award.subcriterion}, {share} (maximum in deze laag: {award.cap}%)",
                f"{OFFICER}; maximum: beleid.yaml ({award.rules_origin})",
            ),
            ("Opbouw subcriterium", subcriterion_formula(annex), award.split_origin),
        ]
    else:
        rows.append(
            (
                "Subcriterium",
                f"geen: {award.reason}",
                f"beleid.yaml ({award.rules_origin}), regel minimum_punten_wensen",
            )
        )
    rows.append(
        ("Gunningsmodel leidraad", f"Totaalscore = {total_formula(award)}" if award.has_model else OPEN, OFFICER)
    )
    rows.append(("Beslisregel", g.beslisregel if g and g.beslisregel else OPEN, OFFICER))
    rows.append(("Afronding", f"{award.decimals} decimalen in procenten", f"beleid.yaml ({award.rules_origin})"))
    if g and g.price:
        rows.append(("Prijsmethode", t.prijsmethode, OFFICER if "prijsmethode" in t.model_fields_set else LIBRARY))
        if t.prijsmethode == "gewogen-factor":
            bounds = (
                f"Pmin {bedrag(t.pmin)}, Pmax {bedrag(t.pmax)}" if t.pmin is not None and t.pmax is not None else OPEN
            )
            rows.append(("Pmin en Pmax", bounds, OFFICER))
            rows.append(("Prijs P", g.prijsdefinitie or OPEN, OFFICER))
    return tuple((part, value, TO_GIVE if value == OPEN else origin) for part, value, origin in rows)


def _defaults(annex: Annex) -> tuple[tuple[str, str, str], ...]:
    t = annex.tender
    given = t.model_fields_set
    scale = "-".join(str(s) for s in t.schaal)
    evidence = ", ".join(annex.library_origins) or "standaard"
    return (
        (
            ("Minimale SEAL-niveaus", "per doelstelling, zie 1.1", MINIMA_ASKED)
            if annex.seal_minimum_applies
            else ("Minimale SEAL-niveaus", "geen in deze bijlage", "beleid.yaml (seal_minimum)")
        ),
        ("Bewijs per SEAL-niveau", "tabel in de bijlage", f"beleid.yaml ({evidence})"),
        (
            "Percentage per SEAL-niveau",
            "niveau × 25%, SOV-1 100% vanaf SEAL-3",
            "methode van het programma (keuze van de Aanbestedende Dienst)",
        ),
        ("Wegingsprofiel", t.weging, OFFICER if "weging" in given else LIBRARY),
        ("Scoreschaal wensen", scale, OFFICER if tuple(t.schaal) != DEFAULT_SCALE else LIBRARY),
    )


def award_sections(annex: Annex, number: str) -> list[Block]:
    """The award part of chapter 1 of the verantwoording, numbered from ``number`` (e.g. 1.2)."""
    major, minor = number.split(".")
    nr = iter(f"{major}.{k}" for k in range(int(minor), int(minor) + 10))
    award = annex.award
    g = award.gunning
    motivation = g.motivering if g and g.motivering else text(annex, "v_motivering_open")
    blocks: list[Block] = [
        Heading(2, f"{next(nr)} {text(annex, 'v_gunning_kop')}"),
        Table(("Onderdeel", "Keuze", "Herkomst"), _model(annex), (3.4, 7.6, 5.0)),
        Para(f"Motivering van de weging: {motivation}"),
    ]
    if award.missing:
        blocks.append(
            Para("Nog niet opgegeven, zodat de documenten een concept zijn: " + "; ".join(award.missing) + ".")
        )
    justified = list(award.justification_open)
    if annex.tender.laag.key == "kritiek" or justified or annex.tender.veiligheidsanalyse:
        t = annex.tender
        route = ROUTE_LABELS[t.route] if t.route else OPEN
        blocks += [
            Heading(2, f"{next(nr)} {text(annex, 'v_veiligheid_kop')}"),
            Para(text(annex, "v_veiligheid_tekst")),
            Table(
                ("Onderdeel", "Waarde"),
                (
                    ("Veiligheidsanalyse", t.veiligheidsanalyse or OPEN),
                    ("Route", route),
                    (
                        "Rechtvaardiging in de bijlage",
                        "nog niet vastgesteld (concept) bij " + ", ".join(justified)
                        if justified
                        else "opgegeven door de inkoper",
                    ),
                ),
                (5.0, 11.0),
            ),
        ]
    knock_outs = len(annex.of_kind(Kind.EIS))
    if annex.tender.laag.key == "gevoelig" and knock_outs >= HEAVY_KNOCK_OUTS:
        blocks += [
            Heading(2, f"{next(nr)} {text(annex, 'v_markt_kop')}"),
            Para(text(annex, "v_markt_tekst")),
            Para(f"Marktconsultatie: {annex.tender.marktconsultatie or OPEN}."),
        ]
    blocks += [
        Heading(2, f"{next(nr)} {text(annex, 'v_herkomst_kop')}"),
        Para(
            "Per standaard: de waarde en waar zij vandaan komt (de standaard van de "
            "clausulebibliotheek, het beleid.yaml van de organisatie, of de inkoper)."
        ),
        Table(("Onderdeel", "Waarde", "Herkomst"), _defaults(annex), (3.8, 6.2, 6.0)),
    ]
    return blocks
