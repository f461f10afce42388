"""The Resultaat sheet: status, shares, total and rank per bidder, checks and charts."""

from __future__ import annotations

from openpyxl.worksheet.pagebreak import Break
from openpyxl.worksheet.worksheet import Worksheet

from aanbesteding.compose.annex import Annex
from aanbesteding.writers.xlsx.cells import (
    BOLD,
    EXCLUDED_FILL,
    PERCENT,
    RESULT_FILL,
    TOP,
    WARNING_FONT,
    WRAP,
    area,
    header_row,
    highlight_when,
    mark_result,
    put_formula,
    put_text,
    still_to_fill,
    widths,
)
from aanbesteding.writers.xlsx.charts import add_charts
from aanbesteding.writers.xlsx.layout import (
    GELDIG,
    RESULT_FIRST_ROW,
    UITGESLOTEN,
    EisenCells,
    PriceCells,
    Settings,
    SovCells,
    WensenCells,
    result_row,
)
from aanbesteding.writers.xlsx.page import finish_sheet

HEADERS = ["Inschrijver", "Status", "Kwaliteit", "Soevereiniteit", "Prijs", "Totaal",
           "Rangorde", "SEAL (laagste)"]


def _where(parts: list[tuple[str, str]]) -> str:
    """Formula fragment naming the sheets with open inputs: "op de tabbladen Eisen en Prijs"."""
    listed = "&".join(f'IF({count}>0,", {name}","")' for count, name in parts)
    many = "+".join(f"({count}>0)" for count, _ in parts)
    names = f"MID({listed},3,200)"
    return (f'IF({many}=1," op tabblad "&{names}," op de tabbladen "&'
            f'SUBSTITUTE({names},", "," en ",MAX(1,{many}-1)))')


def _status(i: int, eisen: EisenCells, wensen: WensenCells, sov: SovCells,
            price: PriceCells) -> str:
    failed = f"({eisen.failed[i]}>0)"
    below = f'({sov.minima_met[i]}="Nee")'
    parts = [(eisen.open[i], "Eisen"), (wensen.open[i], "Wensen"),
             (sov.open[i], "Soevereiniteit"), (price.open[i], "Prijs")]
    still_open = "(" + "+".join(count for count, _ in parts) + ")"
    return (f'=IF(OR({failed},{below}),"{UITGESLOTEN}: "&IF({failed},"voldoet niet aan "'
            f'&{eisen.first_failed[i]},"")&IF(AND({failed},{below}),"; ","")&IF({below},'
            f'"SEAL onder minimum bij "&{sov.below_minimum[i]},""),IF({still_open}>0,'
            f'"Onvolledig: "&{still_to_fill(still_open)}&{_where(parts)},"{GELDIG}"))')


def _reasons_check(eisen: EisenCells, wensen: WensenCells, sov: SovCells) -> str:
    """Formula counting the judgements entered without a motivering, and where they are."""
    parts = [("(" + "+".join(cells.unexplained) + ")", name) for cells, name in
             ((eisen, "Eisen"), (wensen, "Wensen"), (sov, "Soevereiniteit"))]
    total = "(" + "+".join(count for count, _ in parts) + ")"
    return (f'=IF({total}=0,"In orde","Let op: "&{total}&IF({total}=1," beoordeling",'
            f'" beoordelingen")&" zonder motivering"&{_where(parts)}&".")')


def _checks(ws: Worksheet, row: int, annex: Annex, settings: Settings, eisen: EisenCells,
            wensen: WensenCells, sov: SovCells, price: PriceCells) -> int:
    k, s, p = settings.share_quality, settings.share_sovereignty, settings.share_price
    put_text(ws, row, 1, "Controles", font=BOLD)
    checks = (
        ("Gewichten soevereiniteit", f'=IF(ABS({sov.weight_total}-100)>0.001,"Let op: de '
         f'gewichten tellen op tot "&ROUND({sov.weight_total},2)&"% in plaats van 100%.",'
         '"In orde")'),
        ("Verhouding", f'=IF(ABS({k}+{s}+{p}-100)>0.001,"Let op: kwaliteit, soevereiniteit en '
         f'prijs tellen op tot "&ROUND({k}+{s}+{p},2)&"% in plaats van 100%.","In orde")'),
        ("Prijsparameters", f"={price.check}"),
        ("Motivering", _reasons_check(eisen, wensen, sov)),
    )
    for offset, (label, formula) in enumerate(checks, start=1):
        put_text(ws, row + offset, 1, label).alignment = TOP
        cell = put_formula(ws, row + offset, 2, formula)
        ws.row_dimensions[row + offset].height = 27  # a warning takes two lines
        cell.alignment = WRAP
        highlight_when(ws, cell.coordinate, f'LEFT({cell.coordinate},7)="Let op:"',
                       EXCLUDED_FILL, WARNING_FONT)
    row += len(checks) + 1
    put_text(ws, row, 1, "Berekening totaal")
    if annex.tender.prijsmethode == "gunnen-op-waarde":
        cell = put_text(ws, row, 2, "Gunnen op waarde: totaal = prijsscore op basis van de "
                        "fictieve inschrijfprijs; de laagste fictieve prijs krijgt rangorde 1.")
    else:
        cell = put_formula(ws, row, 2, f'="Totaal = "&{k}&"% x kwaliteit + "&{s}&"% x '
                           f'soevereiniteit + "&{p}&"% x prijs"')
    cell.alignment = WRAP
    return row + 2


def build_resultaat(ws: Worksheet, sov_ws: Worksheet, annex: Annex, settings: Settings,
                    eisen: EisenCells, wensen: WensenCells, sov: SovCells,
                    price: PriceCells) -> None:
    """Fill the Resultaat sheet: one row per bidder, checks, and the charts."""
    bidders = annex.tender.inschrijvers
    k, s, p = settings.share_quality, settings.share_sovereignty, settings.share_price
    header_row(ws, HEADERS, height=30.0)
    widths(ws, {1: 30, 2: 60, 3: 13, 4: 14, 5: 13, 6: 13, 7: 11, 8: 14})
    last = result_row(len(bidders) - 1)
    statuses = area(2, RESULT_FIRST_ROW, last)
    for i, name in enumerate(bidders):
        row = result_row(i)
        put_text(ws, row, 1, name, wrap=True)
        put_formula(ws, row, 2, _status(i, eisen, wensen, sov, price)).alignment = WRAP
        ws.row_dimensions[row].height = 27
        quality, score, share = wensen.quality[i], sov.score[i], price.share[i]
        put_formula(ws, row, 3, f'=IF(ISNUMBER({quality}),{quality},"")', PERCENT)
        put_formula(ws, row, 4, f'=IF(ISNUMBER({score}),{score}/100,"")', PERCENT)
        put_formula(ws, row, 5, f'=IF(ISNUMBER({share}),{share},"")', PERCENT)
        valid = f'AND(B{row}="{GELDIG}",ISNUMBER(C{row}),ISNUMBER(D{row}),ISNUMBER(E{row}))'
        if price.rank_key is None or price.rank_area is None:
            total = f"({k}*C{row}+{s}*D{row}+{p}*E{row})/100"
            keys, key, better = area(6, RESULT_FIRST_ROW, last), f"F{row}", ">"
        else:
            # Gunnen op waarde ranks on the fictitious price itself: lowest first.
            total = f"E{row}"
            keys, key, better = price.rank_area, price.rank_key[i], "<"
        mark_result(put_formula(ws, row, 6, f'=IF({valid},{total},"")', PERCENT))
        mark_result(put_formula(
            ws, row, 7, f'=IF(AND(B{row}="{GELDIG}",ISNUMBER(F{row})),SUMPRODUCT(({statuses}='
            f'"{GELDIG}")*ISNUMBER({keys})*({keys}{better}{key}))+1,"")', "0"))
        seal = sov.overall_seal[i]
        put_formula(ws, row, 8, f'=IF(ISNUMBER({seal}),{seal},"")', "0")
        for column in range(3, 9):
            ws.cell(row=row, column=column).alignment = TOP
    highlight_when(ws, statuses, f'LEFT(B{RESULT_FIRST_ROW},{len(UITGESLOTEN)})="{UITGESLOTEN}"',
                   EXCLUDED_FILL)
    highlight_when(ws, statuses, f'B{RESULT_FIRST_ROW}="{GELDIG}"', RESULT_FILL)
    row = _checks(ws, last + 2, annex, settings, eisen, wensen, sov, price)
    # The charts start a page of their own, so no page break or title row runs through them.
    ws.row_breaks.append(Break(id=row - 1))
    put_text(ws, row, 1, "Grafieken: totaalscore en soevereiniteitsprofiel", font=BOLD)
    add_charts(ws, sov_ws, row + 1, len(bidders), sov)
    finish_sheet(ws, freeze=f"B{RESULT_FIRST_ROW}", title_rows=None)
