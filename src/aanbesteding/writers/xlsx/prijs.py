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
    result_row,
)
from aanbesteding.writers.xlsx.page import finish_sheet

FIRST = PRICE_FIRST


def _parameter(wb: Workbook, ws: Worksheet, row: int, label: str, name: str, published: float | None = None) -> str:
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
        return (
            f'IF(AND(ISNUMBER({pmin}),ISNUMBER({pmax})),IF({pmax}>{pmin},"In orde",'
            f'"Let op: Pmax moet groter zijn dan Pmin."),"Let op: Pmin en Pmax zijn niet '
            f"gepubliceerd{where}; publiceer ze vóór de inschrijving en maak de matrix "
            'opnieuw.")'
        )

    here = check("")
    put_formula(ws, last + 4, 1, f'=IF({here}="In orde","",{here})', font=WARNING_FONT)
    share, still_open = [], []
    for row in range(FIRST, last + 1):
        mark_result(
            put_formula(
                ws,
                row,
                3,
                f"=IF(AND(ISNUMBER(B{row}),ISNUMBER({pmin}),ISNUMBER({pmax})),"
                f'IF({pmax}>{pmin},MAX(0,MIN(1,({pmax}-B{row})/({pmax}-{pmin}))),""),"")',
                PERCENT,
            )
        )
        share.append(ref(PRIJS, 3, row))
        still_open.append(f"(3-COUNT({ref(PRIJS, 2, row)},{pmin},{pmax}))")
    return PriceCells(share=share, rank_key=None, rank_area=None, open=still_open, check=check(" op tabblad Prijs"))


def _award_on_value(wb: Workbook, ws: Worksheet, layout: GridLayout, quality: list[str]) -> PriceCells:
    last = _prices(
        ws,
        layout,
        [
            "Gewogen kwaliteitsscore",
            "Waarde kwaliteit",
            "Fictieve inschrijfprijs",
            "Telt mee voor laagste",
            "Prijsscore",
        ],
    )
    value = _parameter(wb, ws, last + 2, "Waarde volledige score (€)", "Waarde_volledige_score")
    put_text(
        ws,
        last + 3,
        1,
        "W: de waarde in euro's van een volledige score op de "
        "kwaliteitscriteria samen, zoals de leidraad die noemt (zie Toelichting).",
    )
    fictitious = f"$E${FIRST}:$E${last}"
    counted = f"$F${FIRST}:$F${last}"

    def check(where: str) -> str:
        return (
            f'IF(NOT(ISNUMBER({value})),"Vul de waarde van een volledige score in{where}.",'
            f'IF(COUNTIF({PRIJS}!{fictitious},"<=0")>0,"Let op: een fictieve prijs is '
            f'nul of negatief; verlaag de waarde van een volledige score.","In orde"))'
        )

    here = check("")
    put_formula(ws, last + 4, 1, f'=IF({here}="In orde","",{here})', font=WARNING_FONT)
    share, keys, still_open = [], [], []
    for i, row in enumerate(range(FIRST, last + 1)):
        status = ref(RESULTAAT, RESULT_STATUS_COLUMN, result_row(i))
        put_formula(ws, row, 3, f'=IFERROR(IF(ISNUMBER({quality[i]}),{quality[i]},""),"")', PERCENT)
        put_formula(ws, row, 4, f'=IF(AND(ISNUMBER({value}),ISNUMBER(C{row})),{value}*C{row},"")', EURO)
        mark_result(put_formula(ws, row, 5, f'=IF(AND(ISNUMBER(B{row}),ISNUMBER(D{row})),B{row}-D{row},"")', EURO))
        put_formula(
            ws, row, 6, f'=IF(AND(ISNUMBER(E{row}),LEFT({status},{len(UITGESLOTEN)})<>"{UITGESLOTEN}"),E{row},"")', EURO
        )
        mark_result(
            put_formula(
                ws,
                row,
                7,
                f'=IF(AND(ISNUMBER(E{row}),MIN({counted})>0),IF(E{row}>0,MIN(1,MIN({counted})/E{row}),""),"")',
                PERCENT,
            )
        )
        share.append(ref(PRIJS, 7, row))
        keys.append(ref(PRIJS, 5, row))
        still_open.append(f"(2-COUNT({ref(PRIJS, 2, row)},{value}))")
    return PriceCells(
        share=share, rank_key=keys, rank_area=f"{PRIJS}!{fictitious}", open=still_open, check=check(" op tabblad Prijs")
    )


def build_prijs(wb: Workbook, ws: Worksheet, layout: GridLayout, annex: Annex, quality: list[str]) -> PriceCells:
    """Fill the Prijs sheet for the tender's price method; return the price cells.

    ``quality`` is per bidder the weighted score on the leidraad's other criteria (0..1), which
    gunnen op waarde turns into a fictitious price.
    """
    if annex.tender.prijsmethode == "gunnen-op-waarde":
        cells = _award_on_value(wb, ws, layout, quality)
    else:
        cells = _weighted_factor(wb, ws, layout, annex)
    finish_sheet(ws, freeze=f"B{FIRST}")
    return cells
