"""The Soevereiniteit sheet: EU CSF weights, minimum SEAL, and per bidder the SEAL level it claims,
the SEAL level the committee determines, the percentage that level earns, and a motivering.

The percentage per objective is a formula of the determined SEAL level (the published table in
:mod:`aanbesteding.compose.seal_score`); there is no free percentage entry. Weights, minima and
the percentage table are published in the annex, so they are locked.
"""

from __future__ import annotations

from openpyxl.styles import Alignment
from openpyxl.worksheet.pagebreak import Break
from openpyxl.worksheet.worksheet import Worksheet

from aanbesteding.compose.annex import Annex
from aanbesteding.compose.seal_score import SEAL_PERCENTAGES
from aanbesteding.domain import SOV_NAMES, SOVS
from aanbesteding.writers.xlsx.cells import (
    BOLD,
    EXCLUDED_FILL,
    TOP,
    WARNING_FONT,
    WHOLE,
    WRAP,
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
    SOV_BIDDER,
    SOV_FIRST,
    GridLayout,
    SovCells,
    motivering_header,
)
from aanbesteding.writers.xlsx.page import finish_sheet

FIRST = SOV_FIRST
LAST = FIRST + len(SOVS) - 1
TOTAL_ROW = LAST + 1
WARNING_ROW = TOTAL_ROW + 1
FLAGS = WARNING_ROW + 2  # one "ja / nee / nog in te vullen" row per objective
SUMMARY = FLAGS + len(SOVS)
SUMMARY_ALIGNMENT = Alignment(wrap_text=True, vertical="top", horizontal="left")
BELOW = "nee"
EMPTY = "nog in te vullen"
LABELS = (
    "Alle minima gehaald",
    "Onder minimum bij",
    "SEAL (laagste, doelstellingen met minimum)",
    "Soevereiniteitsscore (%)",
    "Nog in te vullen",
    "Zonder motivering",
)
CLAIM_PROMPT = (
    "Het SEAL-niveau dat de inschrijver zelf opgeeft (ter informatie). De commissie "
    "stelt in de kolom ernaast het niveau vast dat het bewijs draagt."
)
SEAL_PROMPT = (
    "Het SEAL-niveau (0 tot en met 4) dat het bewijs van de inschrijver draagt, "
    "volgens de bewijstabel in de bijlage. Het percentage volgt met een formule."
)


def percentage_formula(sov: str, seal: str) -> str:
    """Formula (no =) for the percentage an objective earns at the SEAL level in cell ``seal``."""
    steps = ",".join(str(p) for p in SEAL_PERCENTAGES[sov])
    return f'IF(ISNUMBER({seal}),CHOOSE({seal}+1,{steps}),"")'


def _objectives(ws: Worksheet, annex: Annex) -> None:
    weights = annex.weights
    for offset, sov in enumerate(SOVS):
        row = FIRST + offset
        put_text(ws, row, 1, f"{sov} {SOV_NAMES[sov]}", wrap=True)
        mark_fixed(put_number(ws, row, 2, weights[sov], WHOLE))
        mark_fixed(put_number(ws, row, 3, annex.min_seal.get(sov), WHOLE))
        steps = " / ".join(f"{p}%" for p in SEAL_PERCENTAGES[sov])
        mark_fixed(put_text(ws, row, 4, steps)).alignment = WRAP
    put_text(ws, TOTAL_ROW, 1, "Totaal gewicht (%)", font=BOLD)
    put_formula(ws, TOTAL_ROW, 2, f"=SUM(B{FIRST}:B{LAST})", WHOLE, font=BOLD)
    highlight_when(ws, f"B{TOTAL_ROW}", f"ABS(B{TOTAL_ROW}-100)>0.001", EXCLUDED_FILL)
    put_formula(
        ws,
        WARNING_ROW,
        1,
        f'=IF(ABS(B{TOTAL_ROW}-100)>0.001,"Let op: de gewichten '
        f'tellen op tot "&ROUND(B{TOTAL_ROW},2)&"% in plaats van 100%.","")',
        font=WARNING_FONT,
    )


def _bidder(ws: Worksheet, layout: GridLayout, annex: Annex, i: int, needed: bool) -> list[str]:
    first = layout.seal_claimed(i)
    claimed, seal = col(first), col(layout.seal(i))
    percent = col(layout.seal_percentage(i))
    for offset, sov in enumerate(SOVS):
        row = FIRST + offset
        mark_input(cell_at(ws, row, layout.seal_claimed(i)))
        mark_input(cell_at(ws, row, layout.seal(i)))
        put_formula(
            ws, row, layout.seal_percentage(i), f"={percentage_formula(sov, f'{seal}{row}')}", WHOLE
        ).alignment = TOP
        mark_input(cell_at(ws, row, layout.seal_motivering(i)), wrap=True)
        flag = FLAGS + offset
        # Only the level the committee determines excludes; the claim is the bidder's statement,
        # shown next to it (an obvious slip may be corrected, art. 2.55 Aw; the bijlage says so).
        put_formula(
            ws,
            flag,
            first,
            f'=IF(NOT(ISNUMBER({seal}{row})),"{EMPTY}",IF(AND(ISNUMBER($C{row}),{seal}{row}<$C{row}),"{BELOW}","ja"))',
        )
    number_validation(ws, f"{claimed}{FIRST}:{claimed}{LAST}", 0, 4, CLAIM_PROMPT, whole=True)
    number_validation(ws, f"{seal}{FIRST}:{seal}{LAST}", 0, 4, SEAL_PROMPT, whole=True)
    seals = f"{seal}{FIRST}:{seal}{LAST}"
    percents = f"{percent}{FIRST}:{percent}{LAST}"
    flags = f"{claimed}{FLAGS}:{claimed}{SUMMARY - 1}"
    listed = "&".join(f'IF({claimed}{FLAGS + k}="{BELOW}","{sov}, ","")' for k, sov in enumerate(SOVS))
    with_minimum = [f"{seal}{FIRST + k}" for k, sov in enumerate(SOVS) if annex.min_seal.get(sov) is not None]
    lowest = (
        f'=IF(COUNT({",".join(with_minimum)})<{len(with_minimum)},"",MIN({",".join(with_minimum)}))'
        if with_minimum
        else '=""'
    )
    formulas = (
        f'=IF(COUNTIF({flags},"{BELOW}")>0,"Nee",IF(COUNTIF({flags},"{EMPTY}")>0,"Nog in te vullen","Ja"))',
        f'=IF(COUNTIF({flags},"{BELOW}")=0,"",LEFT({listed},LEN({listed})-2))',
        lowest,
        f'=IF(COUNT({percents})<{len(SOVS)},"",SUMPRODUCT($B${FIRST}:$B${LAST},{percents})/100)',
        f"={len(SOVS)}-COUNT({seals})" if needed else "=0",
        "",  # Zonder motivering, below
    )
    rows = range(SUMMARY, SUMMARY + len(formulas))
    reasons = col(layout.seal_motivering(i))
    for row, formula in zip(rows, formulas, strict=True):
        if not formula:
            cell = put_unexplained(ws, row, first, [seals], f"{reasons}{FIRST}:{reasons}{LAST}")
            cell.alignment = SUMMARY_ALIGNMENT
            continue
        cell = put_formula(ws, row, first, formula, "0.0" if row == SUMMARY + 3 else None)
        cell.alignment = SUMMARY_ALIGNMENT
        if row < SUMMARY + 4:
            mark_result(cell)
    for row in range(FLAGS, SUMMARY + len(formulas)):
        ws.merge_cells(start_row=row, start_column=first, end_row=row, end_column=layout.seal_motivering(i))
    highlight_when(ws, f"{claimed}{SUMMARY}", f'{claimed}{SUMMARY}="Nee"', EXCLUDED_FILL)
    return [ref(SOEVEREINITEIT, first, row) for row in rows]


def _covered(ws: Worksheet, annex: Annex, row: int, column: int) -> None:
    """List the annex requirements this sheet judges, so every number has its place."""
    covered = [r for r in annex.requirements if r.scored_in_sov_table]
    if not covered:
        return
    put_text(ws, row, 1, "Eisen en wensen uit de bijlage die op dit tabblad worden beoordeeld", font=BOLD)
    for offset, req in enumerate(covered, start=1):
        put_text(ws, row + offset, 1, req.number)
        put_text(ws, row + offset, 2, req.title)
        put_text(ws, row + offset, column, req.clause_id)


def build_soevereiniteit(ws: Worksheet, layout: GridLayout, annex: Annex, needed: bool = True) -> SovCells:
    """Fill the Soevereiniteit sheet; return per bidder the result cells and the weight total.

    Without ``needed`` (no SEAL minimum and no Sovereignty Score in the annex) the SEAL inputs
    are optional: they never keep a bid 'Onvolledig'.
    """
    bidders = layout.bidders
    headers = ["Doelstelling", "Gewicht (%)", "Minimum SEAL", "Percentage bij SEAL 0/1/2/3/4"]
    for name in bidders:
        headers += [f"{name} SEAL geclaimd", f"{name} SEAL", f"{name} score (%)", motivering_header(name)]
    header_row(ws, headers)
    widths(ws, {1: 44, 2: 9, 3: 9, 4: 17, layout.sov_reference: 24})
    for i, name in enumerate(bidders):
        widths(
            ws,
            {
                layout.seal_claimed(i): word_width([name], 9),
                layout.seal(i): word_width([name], 8),
                layout.seal_percentage(i): word_width([name], 9),
                layout.seal_motivering(i): 24,
            },
        )
    for row in range(FIRST, LAST + 1):
        ws.row_dimensions[row].height = 24  # room for a two-line motivering
    _objectives(ws, annex)
    put_text(ws, FLAGS - 1, 1, "Per inschrijver", font=BOLD)
    for offset, sov in enumerate(SOVS):
        put_text(ws, FLAGS + offset, 1, f"{sov}: minimum-SEAL gehaald?")
    for offset, label in enumerate(LABELS):
        put_text(ws, SUMMARY + offset, 1, label, font=BOLD).alignment = TOP
    results = [_bidder(ws, layout, annex, i, needed) for i in range(len(bidders))]
    legend = SUMMARY + len(LABELS) + 1
    ws.row_breaks.append(Break(id=legend - 1))  # the table fills a page; the legend follows
    put_text(ws, legend, 1, "SEAL-niveaus", font=BOLD)
    # The levels are those of the bijlage's own evidence table, not the framework's names for them.
    put_text(ws, legend + 1, 1, "0 tot en met 4: de niveaus van de tabel met bewijs per SEAL-niveau in de bijlage.")
    put_text(ws, legend + 7, 1, "Minimum SEAL leeg = geen minimum voor die doelstelling.")
    _covered(ws, annex, legend + 9, layout.sov_reference)
    groups = [(c, c) for c in range(1, SOV_BIDDER)]
    groups += [(layout.seal_claimed(i), layout.seal_motivering(i)) for i in range(len(bidders))]
    clause = layout.sov_reference
    finish_sheet(ws, freeze=f"B{FIRST}", groups=[*groups, (clause, clause)], repeat=3, reference_last=True)
    return SovCells(
        minima_met=[r[0] for r in results],
        below_minimum=[r[1] for r in results],
        overall_seal=[r[2] for r in results],
        score=[r[3] for r in results],
        open=[r[4] for r in results],
        unexplained=[r[5] for r in results],
        weight_total=ref(SOEVEREINITEIT, 2, TOTAL_ROW),
        score_area=[(layout.seal_percentage(i), FIRST) for i in range(len(bidders))],
        objectives=(FIRST, LAST),
    )
