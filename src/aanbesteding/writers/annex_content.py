"""The annex's own prose and tables (introduction, accountability), as format-neutral blocks."""

from __future__ import annotations

from aanbesteding.compose.annex import Annex, Requirement
from aanbesteding.domain import (
    CONTRACT_TYPE_LABELS,
    LAAG_RATIONALE,
    SEAL_NAMES,
    SOV_NAMES,
    SOVS,
    Kind,
)
from aanbesteding.render import datum
from aanbesteding.writers.blocks import Block, Bullets, Heading, Para, Table

TITLE = "Bijlage – Eisen digitale autonomie en soevereiniteit"
SCALE_LABELS = {0: "niet aangeboden", 2: "onvoldoende", 4: "matig", 6: "voldoende", 8: "goed",
                10: "uitstekend"}


def _count(annex: Annex, kind: Kind) -> int:
    return len(annex.of_kind(kind))


def introduction(annex: Annex) -> list[Block]:
    """Chapter 1: purpose, tier, contract type, kinds of requirements, SEAL, general terms."""
    t = annex.tender
    system = f" voor het systeem {t.systeem}" if t.systeem else ""
    eisen, wensen, bepalingen = (_count(annex, k) for k in (Kind.EIS, Kind.WENS, Kind.BEPALING))
    seal_rows = tuple(
        (sov, SOV_NAMES[sov],
         f"SEAL-{level} – {SEAL_NAMES[level]}" if (level := annex.min_seal.get(sov)) is not None
         else "geen minimum")
        for sov in SOVS)
    return [
        Heading(1, "1 Inleiding en leeswijzer"),
        Heading(2, "1.1 Doel en reikwijdte"),
        Para(f"Deze bijlage hoort bij de aanbestedingsstukken van {t.organisatie} voor de "
             f"opdracht '{t.opdracht_titel}'{system}. Zij bevat de eisen, wensen en "
             "contractbepalingen die de digitale autonomie en soevereiniteit van de Aanbestedende "
             "Dienst borgen: wie zeggenschap heeft over de Gegevens en de dienstverlening, onder "
             "welk recht, en hoe de Aanbestedende Dienst kan overstappen of doorwerken als een "
             "leverancier wegvalt."),
        Para(f"De bijlage telt {eisen} eisen, {wensen} wensen en {bepalingen} contractbepalingen. "
             "Elke eis, wens en bepaling heeft een vast nummer (E-, W- of B-) dat ook in de "
             "beoordelingsmatrix wordt gebruikt, en een verwijzing naar de clausule in de "
             "clausulebibliotheek waaruit zij is overgenomen."),
        Heading(2, "1.2 Indeling naar laag en proportionaliteit"),
        Para(f"Het systeem is ingedeeld in {t.laag.label.lower()} van het drielagenmodel. "
             f"{LAAG_RATIONALE[t.laag]}"),
        Para("De zwaarte van de eisen volgt uit deze indeling, in lijn met de Gids "
             "Proportionaliteit. Een clausule die in een lichtere laag als wens geldt, kan in een "
             "zwaardere laag een eis zijn. Clausules die de laag vraagt maar die de Aanbestedende "
             "Dienst niet opneemt, staan met hun motivering in bijlage A (pas toe of leg uit)."),
        Heading(2, "1.3 Contracttype"),
        Para(f"De opdracht betreft: {CONTRACT_TYPE_LABELS[t.contracttype]}. Clausules die bij dit "
             "contracttype niet passen, bijvoorbeeld eisen aan hosting bij een on-premises "
             "licentie, zijn niet opgenomen; bijlage A vermeldt welke dat zijn."),
        Heading(2, "1.4 Eisen, wensen en contractbepalingen"),
        Bullets((
            "Eis (knock-out): de Inschrijving moet aan de eis voldoen. Beantwoordt de Inschrijver "
            "een eis met 'nee', of blijkt uit de bewijsstukken dat niet aan de eis wordt voldaan, "
            "dan wordt de Inschrijving terzijde gelegd.",
            "Wens (gunningscriterium): de Aanbestedende Dienst beoordeelt de wens met de "
            "scoringsleidraad bij de wens. De weging is het maximale aantal punten; de behaalde "
            "punten zijn de score gedeeld door de hoogste score van de schaal, maal de weging.",
            "Contractbepaling: de bepaling wordt onderdeel van de Overeenkomst. Door in te "
            "schrijven aanvaardt de Inschrijver de bepaling zonder voorbehoud.",
        )),
        Heading(2, "1.5 Wijze van aantonen"),
        Para("Bij elke eis, wens en bepaling staat hoe de Inschrijver of Opdrachtnemer aantoont "
             "dat hij voldoet: met welk document, op welk moment en ondertekend door wie. Waar "
             "bewijs bij de Inschrijving wordt gevraagd, kan de Aanbestedende Dienst volstaan met "
             "een eigen verklaring en het bewijs alleen opvragen bij de Inschrijver aan wie zij "
             "voornemens is te gunnen. Een Inschrijver die het bewijs niet binnen de gestelde "
             "termijn levert, voldoet niet aan de eis."),
        Heading(2, "1.6 Minimale SEAL-niveaus"),
        Para("De Aanbestedende Dienst toetst de Inschrijving aan de acht doelstellingen van het "
             "EU Cloud Sovereignty Framework. Per doelstelling geldt voor deze laag het "
             "onderstaande minimale SEAL-niveau. Een Inschrijving die op één doelstelling onder het "
             "minimum blijft, wordt uitgesloten, hoe hoog haar score elders ook is: een goede score "
             "op techniek of operatie mag een tekort op rechtsmacht nooit verhullen."),
        Table(("Doelstelling", "Omschrijving", "Minimaal SEAL-niveau"), seal_rows, (2.4, 7.6, 6.0)),
        Heading(2, "1.7 Verhouding tot algemene inkoopvoorwaarden"),
        Para("Deze bijlage vult de algemene inkoopvoorwaarden aan die op de Overeenkomst van "
             "toepassing zijn, zoals de GIBIT (gemeenten) of de ARBIT (Rijk), en vervangt die niet. "
             "Bij strijd gaat deze bijlage voor, tenzij de algemene voorwaarden de Opdrachtgever "
             "meer bescherming bieden. Algemene voorwaarden van de Inschrijver of Opdrachtnemer "
             "zijn niet van toepassing."),
    ]


def definitions(annex: Annex) -> list[Block]:
    """Chapter 2: only the defined terms the selected clauses use."""
    rows = tuple((d.begrip, d.definitie) for d in annex.definitions)
    return [
        Heading(1, "2 Begrippen"),
        Para("In deze bijlage hebben de onderstaande begrippen, met een hoofdletter geschreven, "
             "de volgende betekenis. Enkelvoud omvat meervoud en omgekeerd."),
        Table(("Begrip", "Betekenis"), rows, (4.0, 12.0)),
    ]


def requirement_meta(req: Requirement) -> str:
    """One line of traceability under a requirement's heading."""
    parts = [req.kind.label, f"clausule {req.clause_id} v{req.version}", ", ".join(req.sov)]
    if req.weight is not None:
        parts.insert(1, f"weging {req.weight} punten")
    elif req.scored_in_sov_table and req.kind is Kind.WENS:
        parts.insert(1, "weegt mee via het aandeel soevereiniteit")
    return " · ".join(parts)


def scoring_table(req: Requirement) -> Table:
    rows = tuple((f"{score} – {SCALE_LABELS.get(score, '')}".rstrip(" –"), text)
                 for score, text in req.scoring_guidance.items())
    return Table(("Score", "Wat de Inschrijving daarvoor biedt"), rows, (3.5, 12.5))


def accountability(annex: Annex) -> list[Block]:
    """Appendix A: traceability, left-out clauses, inputs and library hash."""
    trace = tuple((r.number, r.clause_id, r.version, r.status, ", ".join(r.sov),
                   ", ".join(r.risks), "; ".join(r.sources)) for r in annex.requirements)
    left_out = tuple((e.clause_id, e.title, e.reason) for e in annex.exclusions)
    by_buyer = [e for e in annex.exclusions if e.by_buyer]
    blocks: list[Block] = [
        Heading(1, "Bijlage A – Verantwoording"),
        Para("Deze bijlage legt vast waaruit dit document is samengesteld, zodat het later kan "
             "worden gereproduceerd en getoetst."),
        Heading(2, "A.1 Herleidbaarheid"),
        Table(("Nr.", "Clausule", "Versie", "Status", "SOV", "Risico's", "Bronnen"), trace,
              (1.3, 3.4, 1.3, 1.6, 1.6, 1.8, 5.0)),
        Heading(2, "A.2 Niet opgenomen clausules"),
    ]
    if by_buyer:
        blocks.append(Para(f"De Aanbestedende Dienst heeft {len(by_buyer)} clausule(s) die deze "
                           "laag vraagt bewust niet opgenomen; de motivering staat hieronder "
                           "(pas toe of leg uit)."))
    blocks.append(Table(("Clausule", "Titel", "Reden"), left_out, (3.8, 6.2, 6.0)) if left_out
                  else Para("Alle clausules uit de bibliotheek zijn opgenomen."))
    blocks += [
        Heading(2, "A.3 Invoer"),
        Table(("Gegeven", "Waarde"), tuple(annex.inputs.items()), (5.0, 11.0)),
        Heading(2, "A.4 Clausulebibliotheek"),
        Para(f"Samengesteld met aanbesteding {annex.tool_version} op {datum(annex.tender.datum)}. "
             "Inhoudshash (SHA-256) van de clausulebibliotheek:"),
        Para(annex.library_hash, style="Clausule Metadata"),
        Para("Met dezelfde bibliotheek en dezelfde invoer levert het programma byte voor byte "
             "hetzelfde document op."),
    ]
    return blocks
