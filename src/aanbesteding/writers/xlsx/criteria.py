"""The Criteria sheet: the leidraad's other criteria (not this bijlage's, not the price), with a
score of 0-100% and a motivering per bidder, so the grid can compute the leidraad's total."""

from __future__ import annotations

from openpyxl.worksheet.worksheet import Worksheet

from aanbesteding.assemble.award_texts import text
from aanbesteding.compose.annex import Annex
from aanbesteding.tender.award import Criterium
from aanbesteding.writers.xlsx.cells import (
    BOLD,
    cell_at,
    col,
    header_row,
    mark_input,
    number_validation,
    put_text,
    put_unexplained,
    ref,
    widths,
)
from aanbesteding.writers.xlsx.layout import CRITERIA, CriteriaCells, GridLayout
from aanbesteding.writers.xlsx.page import finish_sheet

PROMPT = "Score 0 tot en met 100 (procent), zoals de leidraad dit criterium beoordeelt."


def build_criteria(ws: Worksheet, annex: Annex, layout: GridLayout, criteria: list[Criterium]) -> CriteriaCells:
    """Fill the Criteria sheet; return per criterion and bidder the score cells."""
    headers = ["Inschrijver"]
    for c in criteria:
        headers += [f"{c.naam} ({c.weging}%) score", f"{c.naam} motivering"]
    header_row(ws, headers)
    widths(ws, {1: 30})
    scores: list[list[str]] = [[] for _ in criteria]
    still_open: list[str] = []
    for i, name in enumerate(layout.bidders):
        row = layout.criteria_row(i)
        put_text(ws, row, 1, name, wrap=True)
        for k in range(len(criteria)):
            mark_input(cell_at(ws, row, layout.criterion_score(k)))
            mark_input(cell_at(ws, row, layout.criterion_motivering(k)), wrap=True)
            widths(ws, {layout.criterion_score(k): 14, layout.criterion_motivering(k): 36})
            scores[k].append(ref(CRITERIA, layout.criterion_score(k), row))
        ws.row_dimensions[row].height = 40
        cells = ",".join(scores[k][i] for k in range(len(criteria)))
        still_open.append(f"({len(criteria)}-COUNT({cells}))")
    first, last = layout.criteria_row(0), layout.criteria_row(layout.n - 1)
    for k in range(len(criteria)):
        number_validation(
            ws, f"{col(layout.criterion_score(k))}{first}:{col(layout.criterion_score(k))}{last}", 0, 100, PROMPT
        )
    summary = last + 2
    put_text(ws, summary, 1, "Zonder motivering", font=BOLD)
    for k in range(len(criteria)):
        score, reason = col(layout.criterion_score(k)), col(layout.criterion_motivering(k))
        put_unexplained(
            ws, summary, layout.criterion_score(k), [f"{score}{first}:{score}{last}"], f"{reason}{first}:{reason}{last}"
        )
    put_text(ws, summary + 2, 1, text(annex, "g_criteria"), wrap=True)
    ws.merge_cells(start_row=summary + 2, start_column=1, end_row=summary + 2, end_column=max(2, len(headers)))
    ws.row_dimensions[summary + 2].height = 30
    finish_sheet(ws, freeze=f"B{first}")
    return CriteriaCells(scores=scores, open=still_open)


def unexplained_total(layout: GridLayout, count: int) -> str:
    """Formula expression: the criteria scores without a motivering, all criteria together."""
    row = layout.criteria_row(layout.n - 1) + 2
    cells = [ref(CRITERIA, layout.criterion_score(k), row) for k in range(count)]
    return "(" + "+".join(cells) + ")" if cells else "0"
