"""The Soevereiniteit sheet: EU CSF weights, minimum SEAL, and per bidder SEAL and score."""

from __future__ import annotations

from openpyxl.worksheet.worksheet import Worksheet

from aanbesteding.compose.annex import Annex
from aanbesteding.domain import SEAL_NAMES, SOV_NAMES, SOVS, WEIGHT_PROFILES
from aanbesteding.writers.xlsx.cells import (
    BOLD,
    EXCLUDED_FILL,
    WARNING_FONT,
    WHOLE,
    WRAP,
    cell_at,
    col,
    finish_sheet,
    header_row,
    highlight_when,
    mark_input,
    mark_result,
    number_validation,
    put_formula,
    put_number,
    put_text,
    ref,
    widths,
)
from aanbesteding.writers.xlsx.layout import SOEVEREINITEIT, SovCells

FIRST = 2
LAST = FIRST + len(SOVS) - 1
TOTAL_ROW = LAST + 1
WARNING_ROW = TOTAL_ROW + 1
FLAGS = WARNING_ROW + 2  # one "ok / onder minimum / open" row per objective
SUMMARY = FLAGS + len(SOVS)
BIDDER_COLUMN = 4
BELOW = "onder minimum"


def _objectives(ws: Worksheet, annex: Annex) -> None:
    weights = WEIGHT_PROFILES[annex.tender.weging]
    for offset, sov in enumerate(SOVS):
        row = FIRST + offset
        put_text(ws, row, 1, f"{sov} {SOV_NAMES[sov]}")
        mark_input(put_number(ws, row, 2, weights[sov], WHOLE))
        mark_input(put_number(ws, row, 3, annex.min_seal.get(sov), WHOLE))
    number_validation(ws, f"B{FIRST}:B{LAST}", 0, 100, "Gewicht in procenten (0-100).")
    number_validation(ws, f"C{FIRST}:C{LAST}", 0, 4,
                      "Minimum SEAL 0-4; leeg laten voor geen minimum.", whole=True)
    put_text(ws, TOTAL_ROW, 1, "Totaal gewicht (%)", font=BOLD)
    put_formula(ws, TOTAL_ROW, 2, f"=SUM(B{FIRST}:B{LAST})", WHOLE, font=BOLD)
    highlight_when(ws, f"B{TOTAL_ROW}", f"ABS(B{TOTAL_ROW}-100)>0.001", EXCLUDED_FILL)
    put_formula(ws, WARNING_ROW, 1, f'=IF(ABS(B{TOTAL_ROW}-100)>0.001,"Let op: de gewichten '
                f'tellen op tot "&ROUND(B{TOTAL_ROW},2)&"% in plaats van 100%.","")',
                font=WARNING_FONT)


def _bidder(ws: Worksheet, i: int) -> list[str]:
    seal_column = BIDDER_COLUMN + 2 * i
    seal, score = col(seal_column), col(seal_column + 1)
    for row in range(FIRST, LAST + 1):
        mark_input(cell_at(ws, row, seal_column))
        mark_input(cell_at(ws, row, seal_column + 1))
        flag = FLAGS + row - FIRST
        put_formula(ws, flag, seal_column, f'=IF(NOT(ISNUMBER({seal}{row})),"open",'
                    f'IF(AND(ISNUMBER($C{row}),{seal}{row}<$C{row}),"{BELOW}","ok"))')
    number_validation(ws, f"{seal}{FIRST}:{seal}{LAST}", 0, 4, "SEAL-niveau 0-4.", whole=True)
    number_validation(ws, f"{score}{FIRST}:{score}{LAST}", 0, 100, "Score in procenten (0-100).")
    flags = f"{seal}{FLAGS}:{seal}{SUMMARY - 1}"
    listed = "&".join(f'IF({seal}{FLAGS + k}="{BELOW}","{sov}, ","")' for k, sov in enumerate(SOVS))
    rows = range(SUMMARY, SUMMARY + 5)
    formulas = (
        f'=IF(COUNTIF({flags},"{BELOW}")>0,"Nee",IF(COUNTIF({flags},"open")>0,"Nog open","Ja"))',
        f'=IF(COUNTIF({flags},"{BELOW}")=0,"",LEFT({listed},LEN({listed})-2))',
        f"=IF(COUNT({seal}{FIRST}:{seal}{LAST})=0,\"\",MIN({seal}{FIRST}:{seal}{LAST}))",
        f"=SUMPRODUCT($B${FIRST}:$B${LAST},{score}{FIRST}:{score}{LAST})/100",
        f"={2 * len(SOVS)}-COUNT({seal}{FIRST}:{seal}{LAST})-COUNT({score}{FIRST}:{score}{LAST})",
    )
    for row, formula in zip(rows, formulas, strict=True):
        cell = put_formula(ws, row, seal_column, formula, "0.0" if row == SUMMARY + 3 else None)
        cell.alignment = WRAP
        if row != SUMMARY + 4:
            mark_result(cell)
    for row in range(FLAGS, SUMMARY + 5):
        ws.merge_cells(start_row=row, start_column=seal_column, end_row=row,
                       end_column=seal_column + 1)
    highlight_when(ws, f"{seal}{SUMMARY}", f'{seal}{SUMMARY}="Nee"', EXCLUDED_FILL)
    return [ref(SOEVEREINITEIT, seal_column, row) for row in rows]


def _covered(ws: Worksheet, annex: Annex, row: int) -> None:
    """List the annex requirements this sheet judges, so every number has its place."""
    covered = [r for r in annex.requirements if r.scored_in_sov_table]
    if not covered:
        return
    put_text(ws, row, 1, "Eisen en wensen uit de bijlage die op dit tabblad worden beoordeeld",
             font=BOLD)
    for offset, req in enumerate(covered, start=1):
        put_text(ws, row + offset, 1, req.number)
        put_text(ws, row + offset, 2, req.title)
        put_text(ws, row + offset, BIDDER_COLUMN + 2 * len(annex.tender.inschrijvers),
                 req.clause_id)


def build_soevereiniteit(ws: Worksheet, annex: Annex) -> SovCells:
    """Fill the Soevereiniteit sheet; return per bidder the result cells and the weight total."""
    bidders = annex.tender.inschrijvers
    headers = ["Doelstelling", "Gewicht", "Minimum SEAL"]
    for name in bidders:
        headers += [f"{name} SEAL", f"{name} score (%)"]
    header_row(ws, headers)
    widths(ws, {1: 46, 2: 10, 3: 10})
    widths(ws, {BIDDER_COLUMN + k: 13 for k in range(2 * len(bidders))})
    _objectives(ws, annex)
    put_text(ws, FLAGS - 1, 1, "Per inschrijver", font=BOLD)
    for offset, sov in enumerate(SOVS):
        put_text(ws, FLAGS + offset, 1, f"{sov}: minimum gehaald?")
    labels = ("Alle minima gehaald", "Onder minimum bij", "Totale SEAL (laagste)",
              "Sovereignty Score (%)", "Nog in te vullen")
    for offset, label in enumerate(labels):
        put_text(ws, SUMMARY + offset, 1, label, font=BOLD)
    results = [_bidder(ws, i) for i in range(len(bidders))]
    legend = SUMMARY + len(labels) + 1
    put_text(ws, legend, 1, "SEAL-niveaus", font=BOLD)
    for level, name in SEAL_NAMES.items():
        put_text(ws, legend + 1 + level, 1, f"{level} {name}")
    put_text(ws, legend + 7, 1, "Minimum SEAL leeg = geen minimum voor die doelstelling.")
    _covered(ws, annex, legend + 9)
    finish_sheet(ws, freeze=f"B{FIRST}")
    return SovCells(
        minima_met=[r[0] for r in results], below_minimum=[r[1] for r in results],
        overall_seal=[r[2] for r in results], score=[r[3] for r in results],
        open=[r[4] for r in results], weight_total=ref(SOEVEREINITEIT, 2, TOTAL_ROW),
        score_area=[(BIDDER_COLUMN + 2 * i + 1, FIRST) for i in range(len(bidders))],
        objectives=(FIRST, LAST))
