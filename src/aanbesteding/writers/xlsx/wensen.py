"""The Wensen sheet: a score and a motivering per wens per bidder, weighted points and quality.

Points, totals and the quality percentage stay blank until a bidder's scores are complete, so an
unfinished assessment never reads as a score of 0.
"""

from __future__ import annotations

from openpyxl.worksheet.worksheet import Worksheet

from aanbesteding.compose.annex import Requirement
from aanbesteding.writers.xlsx.cells import (
    BOLD,
    DECIMAL,
    PERCENT,
    TOP,
    WHOLE,
    cell_at,
    col,
    fit_height,
    flow,
    header_row,
    list_validation,
    mark_input,
    mark_result,
    put_formula,
    put_number,
    put_text,
    put_unexplained,
    ref,
    widths,
    word_width,
)
from aanbesteding.writers.xlsx.layout import (
    WENSEN,
    WENSEN_BIDDER,
    WENSEN_FIRST,
    GridLayout,
    Settings,
    WensenCells,
    motivering_header,
)
from aanbesteding.writers.xlsx.page import finish_sheet

FIRST = WENSEN_FIRST
TITLE_WIDTH, GUIDANCE_WIDTH = 32.0, 85.0


def guidance(req: Requirement) -> str:
    """The scoring guidance as lines ``score: meaning``, highest score first."""
    return "\n".join(f"{score}: {flow(text)}" for score, text in sorted(req.scoring_guidance.items(), reverse=True))


def build_wensen(ws: Worksheet, layout: GridLayout, wensen: list[Requirement], settings: Settings) -> WensenCells:
    """Fill the Wensen sheet with ``wensen`` (in the layout's rows); return per bidder the
    quality and open-input cells."""
    bidders = layout.bidders
    score_column, points_column = layout.wens_score, layout.wens_points
    n = len(bidders)
    clause_column = layout.wensen_reference
    per_bidder = [title for name in bidders for title in (name, motivering_header(name), f"{name} punten")]
    header_row(ws, ["Nr.", "Titel", "Weging", "Scoringsleidraad", *per_bidder, "Clausule"])
    widths(ws, {1: 7, 2: TITLE_WIDTH, 3: 8, 4: GUIDANCE_WIDTH, clause_column: 24})
    for i, name in enumerate(bidders):
        widths(
            ws,
            {score_column(i): word_width([name], 8), score_column(i) + 1: 28, points_column(i): word_width([name], 9)},
        )
    last = layout.wensen_last
    scale_max = f"MAX({settings.scale})"
    for req in wensen:
        row = layout.wensen_rows[req.number]
        put_text(ws, row, 1, req.number).alignment = TOP
        put_text(ws, row, 2, req.title, wrap=True)
        put_number(ws, row, 3, req.weight or 0, WHOLE).alignment = TOP
        text = guidance(req) or "Geen scoringsleidraad opgenomen."
        put_text(ws, row, 4, text, wrap=True)
        put_text(ws, row, clause_column, req.clause_id, wrap=True)
        fit_height(ws, row, [(req.title, TITLE_WIDTH), (text, GUIDANCE_WIDTH)])
        for i in range(n):
            score = f"{col(score_column(i))}{row}"
            mark_input(cell_at(ws, row, score_column(i)))
            mark_input(cell_at(ws, row, layout.wens_motivering(i)), wrap=True)
            put_formula(
                ws, row, points_column(i), f'=IF(ISNUMBER({score}),{score}/{scale_max}*$C{row},"")', DECIMAL
            ).alignment = TOP
    if wensen:
        for i in range(n):
            letter = col(score_column(i))
            list_validation(
                ws,
                settings.scale,
                f"{letter}{FIRST}:{letter}{last}",
                "Kies een score uit de scoreschaal (tabblad Toelichting).",
            )
    else:
        put_text(ws, FIRST, 2, "Deze aanbesteding bevat geen wensen.")

    total_row = max(last, FIRST) + 2
    quality_row, open_row, reason_row = total_row + 1, total_row + 2, total_row + 3
    put_text(ws, total_row, 2, "Totaal punten", font=BOLD)
    put_text(ws, quality_row, 2, "Kwaliteit (%)", font=BOLD)
    put_text(ws, open_row, 2, "Nog in te vullen", font=BOLD)
    put_text(ws, reason_row, 2, "Zonder motivering", font=BOLD)
    if wensen:
        put_formula(ws, total_row, 3, f"=SUM(C{FIRST}:C{last})", WHOLE, font=BOLD)
    else:
        put_number(ws, total_row, 3, 0, WHOLE)
    quality, still_open, unexplained = [], [], []
    for i in range(n):
        points = col(points_column(i))
        score = col(score_column(i))
        pending = f"{score}{open_row}"
        if wensen:
            put_formula(
                ws,
                total_row,
                points_column(i),
                f'=IF({pending}>0,"",SUM({points}{FIRST}:{points}{last}))',
                DECIMAL,
                font=BOLD,
            )
            put_formula(ws, open_row, score_column(i), f"={len(wensen)}-COUNT({score}{FIRST}:{score}{last})", WHOLE)
            reasons = col(layout.wens_motivering(i))
            put_unexplained(
                ws, reason_row, score_column(i), [f"{score}{FIRST}:{score}{last}"], f"{reasons}{FIRST}:{reasons}{last}"
            )
        else:
            put_number(ws, total_row, points_column(i), 0, DECIMAL)
            put_number(ws, open_row, score_column(i), 0, WHOLE)
            put_number(ws, reason_row, score_column(i), 0, WHOLE)
        total = f"{points}{total_row}"
        mark_result(
            put_formula(
                ws,
                quality_row,
                points_column(i),
                f'=IF(NOT(ISNUMBER({total})),"",IF($C${total_row}>0,{total}/$C${total_row},0))',
                PERCENT,
            )
        )
        quality.append(ref(WENSEN, points_column(i), quality_row))
        still_open.append(ref(WENSEN, score_column(i), open_row))
        unexplained.append(ref(WENSEN, score_column(i), reason_row))
    groups = [(c, c) for c in range(1, WENSEN_BIDDER)]
    groups += [(score_column(i), points_column(i)) for i in range(n)]
    groups += [(clause_column, clause_column)]
    finish_sheet(ws, freeze=f"C{FIRST}", groups=groups, repeat=2, alone=WENSEN_BIDDER - 1, reference_last=True)
    return WensenCells(quality=quality, open=still_open, unexplained=unexplained)
