"""The Wensen sheet: a score per wens per bidder, weighted points and the quality percentage."""

from __future__ import annotations

from openpyxl.worksheet.worksheet import Worksheet

from aanbesteding.compose.annex import Annex, Requirement
from aanbesteding.domain import Kind
from aanbesteding.writers.xlsx.cells import (
    BOLD,
    DECIMAL,
    PERCENT,
    TOP,
    WHOLE,
    area,
    cell_at,
    col,
    finish_sheet,
    fit_height,
    flow,
    header_row,
    list_validation,
    mark_input,
    mark_result,
    put_formula,
    put_number,
    put_text,
    ref,
    widths,
)
from aanbesteding.writers.xlsx.layout import WENSEN, Settings, WensenCells

FIRST = 2
SCORE_COLUMN = 5  # first bidder score column (after ID, Titel, Weging, Scoringsleidraad)


def guidance(req: Requirement) -> str:
    """The scoring guidance as lines ``score: meaning``, highest score first."""
    return "\n".join(f"{score}: {flow(text)}" for score, text in
                     sorted(req.scoring_guidance.items(), reverse=True))


def build_wensen(ws: Worksheet, annex: Annex, settings: Settings) -> WensenCells:
    """Fill the Wensen sheet; return per bidder the quality and open-input cells."""
    bidders = annex.tender.inschrijvers
    wensen = [r for r in annex.of_kind(Kind.WENS) if not r.scored_in_sov_table]
    n = len(bidders)
    points_column = SCORE_COLUMN + n
    clause_column = points_column + n
    header_row(ws, ["ID", "Titel", "Weging", "Scoringsleidraad", *bidders,
                    *(f"{b} punten" for b in bidders), "Clausule"])
    widths(ws, {1: 8, 2: 40, 3: 9, 4: 70, clause_column: 28})
    widths(ws, {SCORE_COLUMN + i: 14 for i in range(2 * n)})
    last = FIRST + len(wensen) - 1
    scale_max = f"MAX({settings.scale})"
    for offset, req in enumerate(wensen):
        row = FIRST + offset
        put_text(ws, row, 1, req.number).alignment = TOP
        put_text(ws, row, 2, req.title, wrap=True)
        put_number(ws, row, 3, req.weight or 0, WHOLE).alignment = TOP
        text = guidance(req) or "Geen scoringsleidraad opgenomen."
        put_text(ws, row, 4, text, wrap=True)
        put_text(ws, row, clause_column, req.clause_id).alignment = TOP
        fit_height(ws, row, [(req.title, 40), (text, 70)])
        for i in range(n):
            score = f"{col(SCORE_COLUMN + i)}{row}"
            mark_input(cell_at(ws, row, SCORE_COLUMN + i))
            put_formula(ws, row, points_column + i,
                        f"=IF(ISNUMBER({score}),{score}/{scale_max}*$C{row},0)", DECIMAL)
    if wensen:
        list_validation(ws, settings.scale,
                        area(SCORE_COLUMN, FIRST, last, last_column=points_column - 1)
                        .replace("$", ""), "Kies een score uit de scoreschaal.")
    else:
        put_text(ws, FIRST, 2, "Deze aanbesteding bevat geen wensen.")

    total_row = max(last, FIRST) + 2
    quality_row, open_row = total_row + 1, total_row + 2
    put_text(ws, total_row, 2, "Totaal punten", font=BOLD)
    put_text(ws, quality_row, 2, "Kwaliteit (%)", font=BOLD)
    put_text(ws, open_row, 2, "Nog in te vullen", font=BOLD)
    if wensen:
        put_formula(ws, total_row, 3, f"=SUM(C{FIRST}:C{last})", WHOLE, font=BOLD)
    else:
        put_number(ws, total_row, 3, 0, WHOLE)
    quality, still_open = [], []
    for i in range(n):
        points = col(points_column + i)
        score = col(SCORE_COLUMN + i)
        if wensen:
            put_formula(ws, total_row, points_column + i, f"=SUM({points}{FIRST}:{points}{last})",
                        DECIMAL, font=BOLD)
            put_formula(ws, open_row, SCORE_COLUMN + i,
                        f"={len(wensen)}-COUNT({score}{FIRST}:{score}{last})", WHOLE)
        else:
            put_number(ws, total_row, points_column + i, 0, DECIMAL)
            put_number(ws, open_row, SCORE_COLUMN + i, 0, WHOLE)
        mark_result(put_formula(ws, quality_row, points_column + i,
                                f"=IF($C${total_row}>0,{points}{total_row}/$C${total_row},0)",
                                PERCENT))
        quality.append(ref(WENSEN, points_column + i, quality_row))
        still_open.append(ref(WENSEN, SCORE_COLUMN + i, open_row))
    finish_sheet(ws, freeze=f"C{FIRST}")
    return WensenCells(quality=quality, open=still_open)
