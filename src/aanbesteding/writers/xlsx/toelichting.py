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

# The steps: a short label and the key of its text in the library chapter ``matrix``.
STEPS = (
    ("1. Eisen", "stap_eisen"),
    ("2. Wensen", "stap_wensen"),
    ("3. Soevereiniteit", "stap_soevereiniteit"),
    ("4. Criteria", "stap_criteria"),
    ("5. Prijs", "stap_prijs"),
    ("6. Resultaat", "stap_resultaat"),
)


def _matrix(annex: Annex, key: str) -> str:
    """A text of the grid's instructions from the library chapter ``matrix``."""
    return annex.text("matrix", key)


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
            row = _line(ws, row, "Soevereiniteitsscore", _matrix(annex, "methode_soevereiniteitsscore"))
    row = _line(ws, row, "Totaal", total_text(annex))
    if award.has_model and award.gunning and award.gunning.price:
        if tender.prijsmethode == "gewogen-factor":
            row = _line(ws, row, "Prijs (gewogen factor)", _matrix(annex, "prijs_gewogen_factor"))
        else:
            row = _line(ws, row, "Prijs (gunnen op waarde)", _matrix(annex, "prijs_gunnen_op_waarde"))
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
    row = _line(ws, row + 1, "Wat is dit", _matrix(annex, "wat_is_dit"))
    row = _tender(ws, row, annex)
    row = _heading(ws, row, "Zo vult u het in")
    for label, key in STEPS:
        row = _line(ws, row, label, _matrix(annex, key))
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
        ("Formules", _matrix(annex, "formules")),
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
