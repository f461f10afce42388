"""The Toelichting sheet: what the workbook is, how to fill it in, method, weights, provenance."""

from __future__ import annotations

from openpyxl.workbook.defined_name import DefinedName
from openpyxl.workbook.workbook import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from aanbesteding.assemble.award_content import exclusion_rules, subcriterion_formula
from aanbesteding.assemble.award_texts import text
from aanbesteding.compose.annex import Annex
from aanbesteding.domain import SCALE_LABELS
from aanbesteding.render import datum
from aanbesteding.tender.model import DEFAULT_SCALE
from aanbesteding.writers.xlsx.cells import (
    BOLD,
    TITLE_FONT,
    WARNING_FONT,
    WHOLE,
    fit_height,
    mark_fixed,
    mark_input,
    mark_result,
    put_formula,
    put_number,
    put_text,
    widths,
)
from aanbesteding.writers.xlsx.layout import Settings
from aanbesteding.writers.xlsx.page import finish_sheet
from aanbesteding.writers.xlsx.resultaat import total_text

TEXT_WIDTH = 95.0

INTRO = (
    "Deze beoordelingsmatrix hoort bij de bijlage digitale soevereiniteit van deze aanbesteding. "
    "De nummers (E-.., W-.., B-..) en clausules zijn dezelfde als in de Word-bijlage. De "
    "beoordelingscommissie vult per inschrijver de gele invoercellen in en legt bij elk oordeel "
    "de motivering vast; uitsluitingen, scores, totalen en de rangorde worden met formules "
    "berekend."
)
STEPS = (
    (
        "1. Eisen",
        "Kies per eis en bepaling Ja of Nee en leg in de kolom motivering vast waarop "
        "het oordeel berust. Bij een bepaling betekent Ja: aanvaard zonder voorbehoud. Eén Nee "
        "sluit de inschrijving uit; het resultaat noemt elk nummer met Nee. Is de matrix gevuld "
        "met de antwoorden van inschrijvers, dan staat hun verwijzing naar het bewijs in de "
        "motivering, gevolgd door 'Motivering commissie:'; schrijf daarachter het eigen oordeel.",
    ),
    (
        "2. Wensen",
        "Kies per wens een score uit de scoreschaal hieronder, volgens de "
        "scoringsleidraad, en motiveer de score in de kolom ernaast. Punten en kwaliteits"
        "percentage verschijnen zodra alle wensen van een inschrijver zijn gescoord.",
    ),
    (
        "3. Soevereiniteit",
        "Stel per doelstelling SOV-1 t/m SOV-8 het SEAL-niveau (0 tot en met "
        "4) vast dat het bewijs van de inschrijver draagt, volgens de bewijstabel in de bijlage, en "
        "motiveer het. Het percentage van de doelstelling volgt met een formule uit dat niveau "
        "(de tabel in de bijlage); er is geen vrije invoer van percentages. Een score die de "
        "inschrijver zelf publiceert of opgeeft, telt niet. De kolom 'SEAL geclaimd' toont het "
        "niveau dat de inschrijver opgeeft, ter vergelijking. Een SEAL onder het minimum sluit de "
        "inschrijving uit, of de inschrijver dat niveau zelf claimt of de commissie het vaststelt.",
    ),
    (
        "4. Criteria",
        "Alleen als het gunningsmodel van de leidraad is opgegeven: vul per "
        "inschrijver de score op de andere criteria van de leidraad in (0 tot en met 100%), met een "
        "motivering.",
    ),
    (
        "5. Prijs",
        "Vul per inschrijver de inschrijfprijs in. Pmin en Pmax zijn gepubliceerd en "
        "vergrendeld; ze worden na het openen van de inschrijvingen niet meer vastgesteld.",
    ),
    (
        "6. Resultaat",
        "Lees status, scores, totaal en rangorde af. Alleen geldige "
        "inschrijvingen krijgen een rangorde; een uitgesloten inschrijving krijgt geen score en de "
        "status noemt elk onderdeel waarop zij niet voldoet. Bij een gelijke afgeronde totaalscore "
        "beslist eerst het criterium uit de beslisregel; blijft de stand gelijk, dan noemt de "
        "kolom Beslisregel de inschrijvers. Zolang invoer ontbreekt, is de status 'Onvolledig' en "
        "blijven de scores leeg; een lege cel is dus geen 0.",
    ),
)


def _line(ws: Worksheet, row: int, label: str, text: str, *, bold: bool = False) -> int:
    put_text(ws, row, 1, label, font=BOLD if bold else None, wrap=True)
    put_text(ws, row, 3, text, wrap=True)
    fit_height(ws, row, [(text, TEXT_WIDTH)])
    return row + 1


def _heading(ws: Worksheet, row: int, text: str) -> int:
    put_text(ws, row + 1, 1, text, font=BOLD)
    return row + 2


def _tender(ws: Worksheet, row: int, annex: Annex) -> int:
    tender = annex.tender
    row = _heading(ws, row, "Aanbesteding")
    details = [*tender.details(), ("Inschrijvers", ", ".join(tender.inschrijvers))]
    for label, value in details:
        # Only fields with a value; the placeholder organisation name is no value either.
        if value.strip() not in ("", "—") and value != label:
            row = _line(ws, row, label, value)
    return row


def _legend(ws: Worksheet, row: int) -> int:
    row = _heading(ws, row, "Legenda")
    mark_input(put_text(ws, row, 2, "invoer"))
    row = _line(
        ws,
        row,
        "Invoercel",
        "Geel met rand: hier vult de beoordelingscommissie in "
        "(keuzelijst of getal; ongeldige waarden worden geweigerd).",
    )
    mark_fixed(put_text(ws, row, 2, "vastgesteld"))
    row = _line(
        ws,
        row,
        "Vastgestelde waarde",
        "Grijs: gepubliceerd in de bijlage (aandelen, "
        "gewichten, minimum-SEAL) en daarom vergrendeld. Na publicatie verandert de "
        "beoordelingssystematiek niet.",
    )
    mark_result(put_text(ws, row, 2, "uitkomst"))
    row = _line(ws, row, "Uitkomst", "Groen: belangrijke uitkomst, berekend met een formule.")
    put_text(ws, row, 2, "overig")
    return _line(
        ws,
        row,
        "Overige cellen",
        "Beveiligd met bladbeveiliging zonder wachtwoord, "
        "zodat formules niet per ongeluk worden overschreven (Controleren > Blad "
        "beveiligen).",
    )


def _named(wb: Workbook, ws: Worksheet, row: int, label: str, value: int, name: str) -> str:
    put_text(ws, row, 1, label, wrap=True)
    fit_height(ws, row, [(label, 27.0)])
    mark_fixed(put_number(ws, row, 2, value, WHOLE))
    wb.defined_names[name] = DefinedName(name, attr_text=f"Toelichting!$B${row}")
    return name


def _shares(wb: Workbook, ws: Worksheet, row: int, annex: Annex) -> tuple[int, list[str], list[str]]:
    """The published shares: inside the sub-criterion, and the leidraad's criteria weights."""
    award = annex.award
    shares = []
    if award.part:
        row = _line(
            ws,
            row,
            "Subcriterium",
            award.subcriterion
            + (
                f", {award.share}% van de totaalscore"
                if award.share
                else " (aandeel in de totaalscore nog niet opgegeven)"
            ),
        )
        shares.append(
            _named(wb, ws, row, "Aandeel wensen in het subcriterium (%)", award.wensen_share, "Aandeel_wensen")
        )
        shares.append(
            _named(
                wb,
                ws,
                row + 1,
                "Aandeel Soevereiniteitsscore in het subcriterium (%)",
                award.sov_share,
                "Aandeel_soevereiniteitsscore",
            )
        )
        row += 2
    else:
        row = _line(ws, row, "Subcriterium", f"Geen: {award.reason}.")
        shares = ["0", "0"]
    weights: list[str] = []
    if award.gunning and award.gunning.criteria:
        first = row
        for k, c in enumerate(award.gunning.criteria, start=1):
            weights.append(_named(wb, ws, row, f"Weging {c.naam} (%)", c.weging, f"Weging_{k}"))
            row += 1
        put_text(ws, row, 1, "Totaal (%)", font=BOLD)
        put_formula(ws, row, 2, f"=SUM(B{first}:B{row - 1})", WHOLE, font=BOLD)
        put_formula(
            ws,
            row,
            3,
            f'=IF(ABS(B{row}-100)>0.001,"Let op: de wegingen tellen op tot "'
            f'&ROUND(B{row},2)&"% in plaats van 100%.","")',
            font=WARNING_FONT,
        )
        row += 1
    return row, shares, weights


def _scale(wb: Workbook, ws: Worksheet, row: int, annex: Annex) -> tuple[int, str]:
    scale = list(annex.tender.schaal)
    labels = SCALE_LABELS if tuple(scale) == DEFAULT_SCALE else {}
    put_text(ws, row, 1, "Scoreschaal wensen", font=BOLD)
    put_text(ws, row, 3, "Toegestane scores; de punten zijn score / hoogste score x weging.", wrap=True)
    first = row + 1
    for offset, value in enumerate(scale):
        put_number(ws, first + offset, 2, value, WHOLE)
        put_text(ws, first + offset, 3, labels.get(value, ""))
    last = first + len(scale) - 1
    wb.defined_names["Schaal"] = DefinedName("Schaal", attr_text=f"Toelichting!$B${first}:$B${last}")
    return last + 1, "Schaal"


def _method(ws: Worksheet, row: int, annex: Annex) -> int:
    tender, award = annex.tender, annex.award
    if award.part:
        row = _line(ws, row, "Subcriterium", subcriterion_formula(annex))
        if award.wensen_share:
            row = _line(
                ws, row, "Wensenscore", "Wensenscore = som van de punten / som van de wegingen (tabblad Wensen)."
            )
        if award.sov_share:
            row = _line(
                ws,
                row,
                "Soevereiniteitsscore",
                "Soevereiniteitsscore = som over SOV-1 "
                "t/m SOV-8 van percentage x gewicht / 100; het percentage volgt uit het "
                "vastgestelde SEAL-niveau (methode van de Aanbestedende Dienst, "
                "gebaseerd op het EU Cloud Sovereignty Framework). Wegingsprofiel: "
                f"{annex.weight_profile_label}.",
            )
    row = _line(ws, row, "Totaal", total_text(annex))
    if award.has_model and award.gunning and award.gunning.price:
        if tender.prijsmethode == "gewogen-factor":
            row = _line(
                ws,
                row,
                "Prijs (gewogen factor)",
                "Prijsscore = (Pmax - P) / (Pmax - "
                "Pmin), begrensd tot 0 en 1. Pmin en Pmax zijn in de bijlage "
                "gepubliceerd en op tabblad Prijs vergrendeld; zijn ze niet "
                "gepubliceerd, dan is de bijlage een concept.",
            )
        else:
            row = _line(
                ws,
                row,
                "Prijs (gunnen op waarde)",
                "Fictieve inschrijfprijs = "
                "inschrijfprijs - W x gewogen score op de kwaliteitscriteria; "
                "prijsscore = laagste fictieve prijs / eigen fictieve prijs.",
            )
    row = _line(ws, row, "Afronding", text(annex, "afronding"))
    rule = award.gunning.beslisregel if award.gunning else None
    row = _line(ws, row, "Beslisregel", text(annex, "beslisregel") if rule else text(annex, "beslisregel_open"))
    return _line(
        ws,
        row,
        "Uitsluiting",
        " ".join((text(annex, "uitsluiting_intro"), *exclusion_rules(annex), text(annex, "uitsluiting_gevolg"))),
    )


def build_toelichting(wb: Workbook, ws: Worksheet, annex: Annex) -> Settings:
    """Fill the Toelichting sheet; return the settings cells other sheets refer to."""
    widths(ws, {1: 30, 2: 14, 3: TEXT_WIDTH})
    put_text(ws, 1, 1, "Beoordelingsmatrix digitale soevereiniteit", font=TITLE_FONT)
    row = _line(ws, 2, "Bij", f"Bijlage digitale soevereiniteit - {annex.tender.opdracht_titel}")
    row = _line(ws, row + 1, "Wat is dit", INTRO)
    row = _tender(ws, row, annex)
    row = _heading(ws, row, "Zo vult u het in")
    for label, step in STEPS:
        row = _line(ws, row, label, step)
    row = _legend(ws, row)
    row = _heading(ws, row, "Methode en weging")
    row, shares, weights = _shares(wb, ws, row, annex)
    put_text(ws, row, 3, "Aandelen, wegingen, gewichten en minimum-SEAL zijn gepubliceerd in de bijlage.", wrap=True)
    row = _method(ws, row + 1, annex)
    row, scale = _scale(wb, ws, row + 1, annex)
    row = _heading(ws, row, "Herkomst")
    for label, value in (
        ("Bibliotheek-hash", annex.library_hash),
        ("Versie aanbesteding", annex.tool_version),
        ("Gegenereerd op", datum(annex.tender.datum)),
        (
            "Formules",
            "Engelstalige functienamen; Excel en LibreOffice "
            "rekenen ze bij openen opnieuw uit. Het bestand bevat nog geen "
            "uitkomsten: een voorbeeldweergave of een programma dat niet "
            "rekent, toont de uitkomstcellen leeg.",
        ),
    ):
        row = _line(ws, row, label, value)
    finish_sheet(ws, freeze=None, title_rows=None)
    return Settings(
        share_wensen=shares[0],
        share_sovereignty=shares[1],
        scale=scale,
        weights=tuple(weights),
        decimals=annex.award.decimals,
    )
