"""The Prijs sheet: bid prices and the price share, by gewogen factor or gunnen op waarde."""

from __future__ import annotations

from openpyxl.workbook.defined_name import DefinedName
from openpyxl.workbook.workbook import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from aanbesteding.compose.annex import Annex
from aanbesteding.writers.xlsx.cells import (
    BOLD,
    EURO,
    PERCENT,
    WARNING_FONT,
    cell_at,
    header_row,
    mark_fixed,
    mark_input,
    mark_result,
    number_validation,
    put_formula,
    put_number,
    put_text,
    ref,
    widths,
)
from aanbesteding.writers.xlsx.layout import (
    PRICE_COLUMN,
    PRICE_FIRST,
    PRIJS,
    RESULT_STATUS_COLUMN,
    RESULTAAT,
    UITGESLOTEN,
    GridLayout,
    PriceCells,
    Settings,
    SovCells,
    WensenCells,
    result_row,
)
from aanbesteding.writers.xlsx.page import finish_sheet

FIRST = PRICE_FIRST


def _parameter(wb: Workbook, ws: Worksheet, row: int, label: str, name: str,
               published: float | None = None) -> str:
    """A named price parameter: an input, or the value the bijlage published (locked)."""
    put_text(ws, row, 1, label, font=BOLD)
    if published is not None:
        mark_fixed(put_number(ws, row, 2, published, EURO))
    else:
        mark_input(cell_at(ws, row, 2)).number_format = EURO
    wb.defined_names[name] = DefinedName(name, attr_text=f"{PRIJS}!$B${row}")
    number_validation(ws, f"B{row}", 0, None, "Een bedrag in euro's (0 of meer).")
    return name


def _prices(ws: Worksheet, layout: GridLayout, extra: list[str]) -> int:
    header_row(ws, ["Inschrijver", "Inschrijfprijs", *extra])
    widths(ws, {1: 30, 2: 18})
    widths(ws, {3 + k: 18 for k in range(len(extra))})
    for i, name in enumerate(layout.bidders):
        put_text(ws, layout.price_row(i), 1, name)
        mark_input(cell_at(ws, layout.price_row(i), PRICE_COLUMN)).number_format = EURO
    last = layout.price_row(layout.n - 1)
    number_validation(ws, f"B{FIRST}:B{last}", 0, None, "Een bedrag in euro's (0 of meer).")
    return last


def _weighted_factor(wb: Workbook, ws: Worksheet, layout: GridLayout, annex: Annex) -> PriceCells:
    last = _prices(ws, layout, ["Prijsscore"])
    pmin = _parameter(wb, ws, last + 2, "Pmin", "Pmin", annex.tender.pmin)
    pmax = _parameter(wb, ws, last + 3, "Pmax", "Pmax", annex.tender.pmax)

    def check(where: str) -> str:
        return (f'IF(AND(ISNUMBER({pmin}),ISNUMBER({pmax})),IF({pmax}>{pmin},"In orde",'
                f'"Let op: Pmax moet groter zijn dan Pmin."),"Vul Pmin en Pmax in{where}.")')

    here = check("")
    put_formula(ws, last + 4, 1, f'=IF({here}="In orde","",{here})', font=WARNING_FONT)
    share, still_open = [], []
    for row in range(FIRST, last + 1):
        mark_result(put_formula(
            ws, row, 3, f'=IF(AND(ISNUMBER(B{row}),ISNUMBER({pmin}),ISNUMBER({pmax})),'
            f'IF({pmax}>{pmin},MAX(0,MIN(1,({pmax}-B{row})/({pmax}-{pmin}))),""),"")', PERCENT))
        share.append(ref(PRIJS, 3, row))
        still_open.append(f"(3-COUNT({ref(PRIJS, 2, row)},{pmin},{pmax}))")
    return PriceCells(share=share, rank_key=None, rank_area=None, open=still_open,
                      check=check(" op tabblad Prijs"))


def _award_on_value(wb: Workbook, ws: Worksheet, layout: GridLayout, settings: Settings,
                    wensen: WensenCells, sov: SovCells) -> PriceCells:
    last = _prices(ws, layout, ["Kwaliteit", "Soevereiniteit", "Waarde kwaliteit en "
                               "soevereiniteit", "Fictieve inschrijfprijs",
                               "Telt mee voor laagste", "Prijsscore"])
    value = _parameter(wb, ws, last + 2, "Waarde volledige score (€)", "Waarde_volledige_score")
    put_text(ws, last + 3, 1, "W: de waarde in euro's van 100% op kwaliteit en "
             "soevereiniteit samen, verdeeld naar hun aandelen (zie Toelichting).")
    k, s = settings.share_quality, settings.share_sovereignty
    fictitious = f"$F${FIRST}:$F${last}"
    counted = f"$G${FIRST}:$G${last}"

    def check(where: str) -> str:
        return (f'IF(NOT(ISNUMBER({value})),"Vul de waarde van een volledige score in{where}.",'
                f'IF(COUNTIF({PRIJS}!{fictitious},"<=0")>0,"Let op: een fictieve prijs is '
                f'nul of negatief; verlaag de waarde van een volledige score.","In orde"))')

    here = check("")
    put_formula(ws, last + 4, 1, f'=IF({here}="In orde","",{here})', font=WARNING_FONT)
    share, keys, still_open = [], [], []
    for i, row in enumerate(range(FIRST, last + 1)):
        status = ref(RESULTAAT, RESULT_STATUS_COLUMN, result_row(i))
        quality, score = wensen.quality[i], sov.score[i]
        put_formula(ws, row, 3, f'=IF(ISNUMBER({quality}),{quality},"")', PERCENT)
        put_formula(ws, row, 4, f'=IF(ISNUMBER({score}),{score}/100,"")', PERCENT)
        put_formula(ws, row, 5, f"=IF(AND(ISNUMBER({value}),ISNUMBER(C{row}),ISNUMBER(D{row})),"
                    f'IF({k}+{s}>0,{value}*({k}*C{row}+{s}*D{row})/({k}+{s}),0),"")', EURO)
        mark_result(put_formula(
            ws, row, 6, f'=IF(AND(ISNUMBER(B{row}),ISNUMBER(E{row})),B{row}-E{row},"")', EURO))
        put_formula(ws, row, 7, f'=IF(AND(ISNUMBER(F{row}),LEFT({status},{len(UITGESLOTEN)})'
                    f'<>"{UITGESLOTEN}"),F{row},"")', EURO)
        mark_result(put_formula(
            ws, row, 8, f'=IF(AND(ISNUMBER(F{row}),MIN({counted})>0),'
            f'IF(F{row}>0,MIN(1,MIN({counted})/F{row}),""),"")', PERCENT))
        share.append(ref(PRIJS, 8, row))
        keys.append(ref(PRIJS, 6, row))
        still_open.append(f"(2-COUNT({ref(PRIJS, 2, row)},{value}))")
    return PriceCells(share=share, rank_key=keys, rank_area=f"{PRIJS}!{fictitious}",
                      open=still_open, check=check(" op tabblad Prijs"))


def build_prijs(wb: Workbook, ws: Worksheet, layout: GridLayout, annex: Annex,
                settings: Settings, wensen: WensenCells, sov: SovCells) -> PriceCells:
    """Fill the Prijs sheet for the tender's price method; return the price cells."""
    if annex.tender.prijsmethode == "gunnen-op-waarde":
        cells = _award_on_value(wb, ws, layout, settings, wensen, sov)
    else:
        cells = _weighted_factor(wb, ws, layout, annex)
    finish_sheet(ws, freeze=f"B{FIRST}")
    return cells
