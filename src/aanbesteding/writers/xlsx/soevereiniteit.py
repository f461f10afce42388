"""The Soevereiniteit sheet: EU CSF weights, minimum SEAL, and per bidder SEAL, score, motivering.

The score follows the EU CSF method: per objective a percentage 0-100, weighted by the published
weights into the Soevereiniteitsscore. Weights and minima are published in the annex, so they are
locked. A bidder's entries that all look like a 0-10 scale, or like fractions, get a warning.
"""

from __future__ import annotations

from openpyxl.styles import Alignment
from openpyxl.worksheet.pagebreak import Break
from openpyxl.worksheet.worksheet import Worksheet

from aanbesteding.compose.annex import Annex
from aanbesteding.domain import SEAL_NAMES, SOV_NAMES, SOVS
from aanbesteding.writers.xlsx.cells import (
    BOLD,
    EXCLUDED_FILL,
    TOP,
    WARN_FILL,
    WARNING_FONT,
    WHOLE,
    cell_at,
    col,
    header_row,
    highlight_when,
    mark_fixed,
    mark_input,
    mark_result,
    number_validation,
    put_formula,
    put_number,
    put_text,
    put_unexplained,
    ref,
    widths,
    word_width,
)
from aanbesteding.writers.xlsx.layout import (
    SOEVEREINITEIT,
    SOV_SCORE_MAX,
    SOV_SCORE_UNIT,
    SovCells,
    motivering_header,
)
from aanbesteding.writers.xlsx.page import finish_sheet

FIRST = 2
LAST = FIRST + len(SOVS) - 1
TOTAL_ROW = LAST + 1
WARNING_ROW = TOTAL_ROW + 1
FLAGS = WARNING_ROW + 2  # one "ja / nee / nog in te vullen" row per objective
SUMMARY = FLAGS + len(SOVS)
BIDDER_COLUMN = 4
PER_BIDDER = 3  # SEAL, score, motivering
SUMMARY_ALIGNMENT = Alignment(wrap_text=True, vertical="top", horizontal="left")
BELOW = "nee"
EMPTY = "nog in te vullen"
LABELS = ("Alle minima gehaald", "Onder minimum bij", "Totale SEAL (laagste)",
          "Soevereiniteitsscore (%)", "Nog in te vullen", "Controle schaal score",
          "Zonder motivering")
SCORE_PROMPT = (f"De {SOV_SCORE_UNIT} (EU CSF-methode). Neem een gepubliceerde EU CSF-score "
                "over zoals die is, bijvoorbeeld 94 voor 94%.")
TEN_SCALE = ("Let op: alle scores zijn 10 of lager. Is een schaal 0-10 gebruikt? Vul de score "
             "in procenten in (0 tot en met 100).")
FRACTION = ("Let op: een score ligt tussen 0 en 1. Vul procenten in (94 voor 94%), geen "
            "fractie.")


def seal_column(bidder: int) -> int:
    """Column of bidder ``bidder``'s (0-based) SEAL levels; score and motivering follow it."""
    return BIDDER_COLUMN + PER_BIDDER * bidder


def scale_check(scores: str) -> str:
    """Formula (no =) giving a warning when the entered scores look like 0-10 or fractions.

    0-10: every entered score is 10 or less while at least one is above 1 (a genuine EU CSF
    profile with every objective at 10% or less is rare; all zeros and ones are left alone).
    Fraction: a score strictly between 0 and 1, as Excel stores "94%" typed into a number cell.
    """
    return (f'IF(COUNT({scores})=0,"",IF(AND(MAX({scores})<=10,MAX({scores})>1),'
            f'"{TEN_SCALE}",IF(COUNTIFS({scores},">0",{scores},"<1")>0,"{FRACTION}",'
            '"In orde")))')


def _objectives(ws: Worksheet, annex: Annex) -> None:
    weights = annex.weights
    for offset, sov in enumerate(SOVS):
        row = FIRST + offset
        put_text(ws, row, 1, f"{sov} {SOV_NAMES[sov]}", wrap=True)
        mark_fixed(put_number(ws, row, 2, weights[sov], WHOLE))
        mark_fixed(put_number(ws, row, 3, annex.min_seal.get(sov), WHOLE))
    put_text(ws, TOTAL_ROW, 1, "Totaal gewicht (%)", font=BOLD)
    put_formula(ws, TOTAL_ROW, 2, f"=SUM(B{FIRST}:B{LAST})", WHOLE, font=BOLD)
    highlight_when(ws, f"B{TOTAL_ROW}", f"ABS(B{TOTAL_ROW}-100)>0.001", EXCLUDED_FILL)
    put_formula(ws, WARNING_ROW, 1, f'=IF(ABS(B{TOTAL_ROW}-100)>0.001,"Let op: de gewichten '
                f'tellen op tot "&ROUND(B{TOTAL_ROW},2)&"% in plaats van 100%.","")',
                font=WARNING_FONT)


def _bidder(ws: Worksheet, i: int) -> list[str]:
    first = seal_column(i)
    seal, score = col(first), col(first + 1)
    for row in range(FIRST, LAST + 1):
        mark_input(cell_at(ws, row, first))
        mark_input(cell_at(ws, row, first + 1))
        mark_input(cell_at(ws, row, first + 2), wrap=True)
        flag = FLAGS + row - FIRST
        put_formula(ws, flag, first, f'=IF(NOT(ISNUMBER({seal}{row})),"{EMPTY}",'
                    f'IF(AND(ISNUMBER($C{row}),{seal}{row}<$C{row}),"{BELOW}","ja"))')
    number_validation(ws, f"{seal}{FIRST}:{seal}{LAST}", 0, 4, "SEAL-niveau 0 tot en met 4.",
                      whole=True)
    scores = f"{score}{FIRST}:{score}{LAST}"
    number_validation(ws, scores, 0, SOV_SCORE_MAX, SCORE_PROMPT)
    flags = f"{seal}{FLAGS}:{seal}{SUMMARY - 1}"
    listed = "&".join(f'IF({seal}{FLAGS + k}="{BELOW}","{sov}, ","")' for k, sov in enumerate(SOVS))
    entered = f"COUNT({seal}{FIRST}:{seal}{LAST})+COUNT({scores})"
    formulas = (
        f'=IF(COUNTIF({flags},"{BELOW}")>0,"Nee",IF(COUNTIF({flags},"{EMPTY}")>0,'
        '"Nog in te vullen","Ja"))',
        f'=IF(COUNTIF({flags},"{BELOW}")=0,"",LEFT({listed},LEN({listed})-2))',
        f'=IF(COUNT({seal}{FIRST}:{seal}{LAST})<{len(SOVS)},"",MIN({seal}{FIRST}:{seal}{LAST}))',
        f'=IF(COUNT({scores})<{len(SOVS)},"",SUMPRODUCT($B${FIRST}:$B${LAST},{scores})/100)',
        f"={2 * len(SOVS)}-({entered})",
        f"={scale_check(scores)}",
        "",  # Zonder motivering, below
    )
    rows = range(SUMMARY, SUMMARY + len(formulas))
    reasons = col(first + 2)
    for row, formula in zip(rows, formulas, strict=True):
        if not formula:
            cell = put_unexplained(ws, row, first, [f"{seal}{FIRST}:{seal}{LAST}", scores],
                                   f"{reasons}{FIRST}:{reasons}{LAST}")
            cell.alignment = SUMMARY_ALIGNMENT
            continue
        cell = put_formula(ws, row, first, formula, "0.0" if row == SUMMARY + 3 else None)
        cell.alignment = SUMMARY_ALIGNMENT
        if row < SUMMARY + 4:
            mark_result(cell)
    for row in range(FLAGS, SUMMARY + len(formulas)):
        ws.merge_cells(start_row=row, start_column=first, end_row=row, end_column=first + 2)
    check = f"${seal}${SUMMARY + 5}"
    highlight_when(ws, f"{seal}{SUMMARY}", f'{seal}{SUMMARY}="Nee"', EXCLUDED_FILL)
    highlight_when(ws, scores, f'LEFT({check},7)="Let op:"', WARN_FILL, WARNING_FONT)
    highlight_when(ws, check.replace("$", ""), f'LEFT({check},7)="Let op:"', WARN_FILL,
                   WARNING_FONT)
    return [ref(SOEVEREINITEIT, first, row) for row in rows]


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
        put_text(ws, row + offset, seal_column(len(annex.tender.inschrijvers)), req.clause_id)


def build_soevereiniteit(ws: Worksheet, annex: Annex) -> SovCells:
    """Fill the Soevereiniteit sheet; return per bidder the result cells and the weight total."""
    bidders = annex.tender.inschrijvers
    headers = ["Doelstelling", "Gewicht (%)", "Minimum SEAL"]
    for name in bidders:
        headers += [f"{name} SEAL", f"{name} score (%)", motivering_header(name)]
    header_row(ws, headers)
    widths(ws, {1: 44, 2: 9, 3: 9, seal_column(len(bidders)): 24})
    for i, name in enumerate(bidders):
        widths(ws, {seal_column(i): word_width([name], 8), seal_column(i) + 1: word_width([name], 9),
                    seal_column(i) + 2: 24})
    for row in range(FIRST, LAST + 1):
        ws.row_dimensions[row].height = 24  # room for a two-line motivering
    _objectives(ws, annex)
    put_text(ws, FLAGS - 1, 1, "Per inschrijver", font=BOLD)
    for offset, sov in enumerate(SOVS):
        put_text(ws, FLAGS + offset, 1, f"{sov}: minimum-SEAL gehaald?")
    for offset, label in enumerate(LABELS):
        put_text(ws, SUMMARY + offset, 1, label, font=BOLD).alignment = TOP
    results = [_bidder(ws, i) for i in range(len(bidders))]
    ws.row_dimensions[SUMMARY + 5].height = 27
    legend = SUMMARY + len(LABELS) + 1
    ws.row_breaks.append(Break(id=legend - 1))  # the table fills a page; the legend follows
    put_text(ws, legend, 1, "SEAL-niveaus", font=BOLD)
    for level, name in SEAL_NAMES.items():
        put_text(ws, legend + 1 + level, 1, f"{level} {name}")
    put_text(ws, legend + 7, 1, "Minimum SEAL leeg = geen minimum voor die doelstelling.")
    _covered(ws, annex, legend + 9)
    groups = [(1, 1), (2, 2), (3, 3)]
    groups += [(seal_column(i), seal_column(i) + 2) for i in range(len(bidders))]
    clause = seal_column(len(bidders))
    finish_sheet(ws, freeze=f"B{FIRST}", groups=[*groups, (clause, clause)], repeat=3,
                 reference_last=True)
    return SovCells(
        minima_met=[r[0] for r in results], below_minimum=[r[1] for r in results],
        overall_seal=[r[2] for r in results], score=[r[3] for r in results],
        open=[r[4] for r in results], scale_check=[r[5] for r in results],
        unexplained=[r[6] for r in results],
        weight_total=ref(SOEVEREINITEIT, 2, TOTAL_ROW),
        score_area=[(seal_column(i) + 1, FIRST) for i in range(len(bidders))],
        objectives=(FIRST, LAST))
