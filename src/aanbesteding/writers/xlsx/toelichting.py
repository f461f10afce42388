"""The Toelichting sheet: what the workbook is, how to fill it in, method, weights, provenance."""

from __future__ import annotations

from openpyxl.workbook.defined_name import DefinedName
from openpyxl.workbook.workbook import Workbook
from openpyxl.worksheet.worksheet import Worksheet

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
from aanbesteding.writers.xlsx.layout import Settings, published_shares
from aanbesteding.writers.xlsx.page import finish_sheet

TEXT_WIDTH = 95.0

INTRO = (
    "Deze beoordelingsmatrix hoort bij de bijlage digitale soevereiniteit van deze aanbesteding. "
    "De nummers (E-.., W-.., B-..) en clausules zijn dezelfde als in de Word-bijlage. De "
    "beoordelingscommissie vult per inschrijver de gele invoercellen in en legt bij elk oordeel "
    "de motivering vast; uitsluitingen, scores, totalen en de rangorde worden met formules "
    "berekend.")
STEPS = (
    ("1. Eisen", "Kies per eis en bepaling Ja of Nee en leg in de kolom motivering vast waarop "
     "het oordeel berust. Bij een bepaling betekent Ja: aanvaard zonder voorbehoud. Eén Nee "
     "sluit de inschrijving uit; het resultaat noemt de eerste eis waarop de inschrijving niet "
     "voldoet."),
    ("2. Wensen", "Kies per wens een score uit de scoreschaal hieronder, volgens de "
     "scoringsleidraad, en motiveer de score in de kolom ernaast. Punten en kwaliteits"
     "percentage verschijnen zodra alle wensen van een inschrijver zijn gescoord."),
    ("3. Soevereiniteit", "Stel per doelstelling SOV-1 t/m SOV-8 het SEAL-niveau (0 tot en met "
     "4) vast dat het bewijs van de inschrijver draagt, volgens de bewijstabel in de bijlage, en "
     "motiveer het. Het percentage van de doelstelling volgt met een formule uit dat niveau "
     "(de tabel in de bijlage); er is geen vrije invoer van percentages. Een score die de "
     "inschrijver zelf publiceert of opgeeft, telt niet. De kolom 'SEAL geclaimd' toont het "
     "niveau dat de inschrijver opgeeft, ter vergelijking. Een SEAL onder het minimum sluit de "
     "inschrijving uit."),
    ("4. Prijs", "Vul per inschrijver de inschrijfprijs in en de parameters van de prijsmethode."),
    ("5. Resultaat", "Lees status, deelscores, totaal en rangorde af. Alleen geldige "
     "inschrijvingen krijgen een rangorde. Zolang invoer ontbreekt, is de status 'Onvolledig' "
     "en blijven de deelscores leeg; een lege cel is dus geen 0."),
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
    row = _line(ws, row, "Invoercel", "Geel met rand: hier vult de beoordelingscommissie in "
                "(keuzelijst of getal; ongeldige waarden worden geweigerd).")
    mark_fixed(put_text(ws, row, 2, "vastgesteld"))
    row = _line(ws, row, "Vastgestelde waarde", "Grijs: gepubliceerd in de bijlage (aandelen, "
                "gewichten, minimum-SEAL) en daarom vergrendeld. Na publicatie verandert de "
                "beoordelingssystematiek niet.")
    mark_result(put_text(ws, row, 2, "uitkomst"))
    row = _line(ws, row, "Uitkomst", "Groen: belangrijke uitkomst, berekend met een formule.")
    put_text(ws, row, 2, "overig")
    return _line(ws, row, "Overige cellen", "Beveiligd met bladbeveiliging zonder wachtwoord, "
                 "zodat formules niet per ongeluk worden overschreven (Controleren > Blad "
                 "beveiligen).")


def _ratio(wb: Workbook, ws: Worksheet, row: int, annex: Annex) -> tuple[int, list[str]]:
    quality, sovereignty, price = published_shares(annex)
    names = []
    first = row
    for label, value, name in (("Aandeel kwaliteit (%)", quality, "Aandeel_kwaliteit"),
                               ("Aandeel soevereiniteit (%)", sovereignty,
                                "Aandeel_soevereiniteit"),
                               ("Aandeel prijs (%)", price, "Aandeel_prijs")):
        put_text(ws, row, 1, label)
        mark_fixed(put_number(ws, row, 2, value, WHOLE))
        wb.defined_names[name] = DefinedName(name, attr_text=f"Toelichting!$B${row}")
        names.append(name)
        row += 1
    put_text(ws, row, 1, "Totaal (%)", font=BOLD)
    put_formula(ws, row, 2, f"=SUM(B{first}:B{row - 1})", WHOLE, font=BOLD)
    put_formula(ws, row, 3, f'=IF(ABS(B{row}-100)>0.001,"Let op: de verhouding telt op tot "'
                f'&ROUND(B{row},2)&"% in plaats van 100%.","")', font=WARNING_FONT)
    return row + 1, names


def _scale(wb: Workbook, ws: Worksheet, row: int, annex: Annex) -> tuple[int, str]:
    scale = list(annex.tender.schaal)
    labels = SCALE_LABELS if tuple(scale) == DEFAULT_SCALE else {}
    put_text(ws, row, 1, "Scoreschaal wensen", font=BOLD)
    put_text(ws, row, 3, "Toegestane scores; de punten zijn score / hoogste score x weging.",
             wrap=True)
    first = row + 1
    for offset, value in enumerate(scale):
        put_number(ws, first + offset, 2, value, WHOLE)
        put_text(ws, first + offset, 3, labels.get(value, ""))
    last = first + len(scale) - 1
    wb.defined_names["Schaal"] = DefinedName("Schaal",
                                             attr_text=f"Toelichting!$B${first}:$B${last}")
    return last + 1, "Schaal"


def _method(ws: Worksheet, row: int, annex: Annex) -> int:
    tender = annex.tender
    row = _line(ws, row, "Kwaliteit", "Kwaliteit = som van de punten / som van de wegingen "
                "(tabblad Wensen).")
    row = _line(ws, row, "Soevereiniteit", "Soevereiniteitsscore = som over SOV-1 t/m SOV-8 "
                "van percentage x gewicht / 100; het percentage volgt uit het vastgestelde "
                "SEAL-niveau (methode van de Aanbestedende Dienst, gebaseerd op het EU Cloud "
                "Sovereignty Framework). "
                "Wegingsprofiel: "
                f"{annex.weight_profile_label}. Het minimum-SEAL "
                "per doelstelling komt uit de laag; een leeg minimum betekent: geen minimum. "
                "Het totale SEAL-niveau van een inschrijving is het laagste niveau.")
    if tender.prijsmethode == "gewogen-factor":
        row = _line(ws, row, "Prijs (gewogen factor)", "Prijsscore = (Pmax - P) / (Pmax - Pmin), "
                    "begrensd tot 0 en 1. Pmin en Pmax stelt de Aanbestedende Dienst vast op "
                    "het tabblad Prijs.")
        row = _line(ws, row, "Totaal", "Totaal = aandeel kwaliteit x kwaliteit + aandeel "
                    "soevereiniteit x Soevereiniteitsscore + aandeel prijs x prijsscore. De hoogste "
                    "totaalscore krijgt rangorde 1.")
    else:
        row = _line(ws, row, "Prijs (gunnen op waarde)", "Fictieve inschrijfprijs = "
                    "inschrijfprijs - W x (aandeel kwaliteit x kwaliteit + aandeel "
                    "soevereiniteit x Soevereiniteitsscore) / (aandeel kwaliteit + aandeel "
                    "soevereiniteit), met W de waarde in euro's van een volledige score op "
                    "tabblad Prijs. Prijsscore = laagste fictieve prijs van de niet-uitgesloten "
                    "inschrijvingen / eigen fictieve prijs; de laagste krijgt dus 1.")
        row = _line(ws, row, "Totaal", "Bij gunnen op waarde zitten kwaliteit en soevereiniteit "
                    "al in de fictieve prijs; het totaal is de prijsscore en de laagste fictieve "
                    "prijs krijgt rangorde 1. Het aandeel prijs wordt niet gebruikt. Houd W lager "
                    "dan de laagste inschrijfprijs, zodat fictieve prijzen positief blijven.")
    return _line(ws, row, "Uitsluiting", "Uitgesloten is een inschrijving met een Nee op een "
                 "eis of bepaling, of met een SEAL onder het minimum bij een doelstelling. De "
                 "status noemt de reden. Uitgesloten inschrijvingen krijgen geen rangorde.")


def build_toelichting(wb: Workbook, ws: Worksheet, annex: Annex) -> Settings:
    """Fill the Toelichting sheet; return the settings cells other sheets refer to."""
    widths(ws, {1: 30, 2: 14, 3: TEXT_WIDTH})
    put_text(ws, 1, 1, "Beoordelingsmatrix digitale soevereiniteit", font=TITLE_FONT)
    row = _line(ws, 2, "Bij", f"Bijlage digitale soevereiniteit - {annex.tender.opdracht_titel}")
    row = _line(ws, row + 1, "Wat is dit", INTRO)
    row = _tender(ws, row, annex)
    row = _heading(ws, row, "Zo vult u het in")
    for label, text in STEPS:
        row = _line(ws, row, label, text)
    row = _legend(ws, row)
    row = _heading(ws, row, "Methode en weging")
    row, names = _ratio(wb, ws, row, annex)
    put_text(ws, row, 3, "Aandelen, gewichten en minimum-SEAL zijn gepubliceerd in de bijlage.",
             wrap=True)
    row = _method(ws, row + 1, annex)
    row, scale = _scale(wb, ws, row + 1, annex)
    row = _heading(ws, row, "Herkomst")
    for label, value in (("Bibliotheek-hash", annex.library_hash),
                         ("Versie aanbesteding", annex.tool_version),
                         ("Gegenereerd op", datum(annex.tender.datum)),
                         ("Formules", "Engelstalige functienamen; Excel en LibreOffice "
                          "rekenen ze bij openen opnieuw uit. Het bestand bevat nog geen "
                          "uitkomsten: een voorbeeldweergave of een programma dat niet "
                          "rekent, toont de uitkomstcellen leeg.")):
        row = _line(ws, row, label, value)
    finish_sheet(ws, freeze=None, title_rows=None)
    return Settings(share_quality=names[0], share_sovereignty=names[1], share_price=names[2],
                    scale=scale)
