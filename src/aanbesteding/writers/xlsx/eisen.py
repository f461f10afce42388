"""The Eisen sheet: Ja/Nee per eis and bepaling per bidder, and whether each bid complies."""

from __future__ import annotations

from openpyxl.worksheet.worksheet import Worksheet

from aanbesteding.compose.annex import Annex, Requirement
from aanbesteding.domain import Kind
from aanbesteding.writers.xlsx.cells import (
    BOLD,
    EXCLUDED_FILL,
    TOP,
    WHOLE,
    WRAP,
    area,
    cell_at,
    col,
    finish_sheet,
    fit_height,
    flow,
    header_row,
    highlight_when,
    list_validation,
    mark_input,
    mark_result,
    put_formula,
    put_number,
    put_text,
    ref,
    widths,
)
from aanbesteding.writers.xlsx.layout import EISEN, EisenCells

FIRST = 2  # first requirement row
BIDDER_COLUMN = 6  # first bidder column (after ID, Titel, Soort, SOV, Wijze van aantonen)
SOORT = {Kind.EIS: "Eis", Kind.BEPALING: "Bepaling", Kind.WENS: "Wens"}


def _requirement_row(ws: Worksheet, row: int, req: Requirement, clause_column: int) -> None:
    proof = flow(req.wijze_van_aantonen)
    put_text(ws, row, 1, req.number).alignment = TOP
    put_text(ws, row, 2, req.title, wrap=True)
    put_text(ws, row, 3, SOORT[req.kind]).alignment = TOP
    put_text(ws, row, 4, ", ".join(req.sov), wrap=True)
    put_text(ws, row, 5, proof, wrap=True)
    put_text(ws, row, clause_column, req.clause_id).alignment = TOP
    fit_height(ws, row, [(req.title, 40), (proof, 60)])


def build_eisen(ws: Worksheet, annex: Annex) -> EisenCells:
    """Fill the Eisen sheet; return per bidder the cells Resultaat needs."""
    bidders = annex.tender.inschrijvers
    requirements = [r for r in annex.of_kind(Kind.EIS) + annex.of_kind(Kind.BEPALING)
                    if not r.scored_in_sov_table]
    clause_column = BIDDER_COLUMN + len(bidders)
    header_row(ws, ["ID", "Titel", "Soort", "SOV", "Wijze van aantonen", *bidders, "Clausule"])
    widths(ws, {1: 8, 2: 40, 3: 10, 4: 10, 5: 60, clause_column: 28})
    widths(ws, {BIDDER_COLUMN + i: 16 for i in range(len(bidders))})
    last = FIRST + len(requirements) - 1
    for offset, req in enumerate(requirements):
        _requirement_row(ws, FIRST + offset, req, clause_column)
        for i in range(len(bidders)):
            mark_input(cell_at(ws, FIRST + offset, BIDDER_COLUMN + i))
    if not requirements:
        put_text(ws, FIRST, 2, "Deze aanbesteding bevat geen eisen of bepalingen.")
    else:
        inputs = area(BIDDER_COLUMN, FIRST, last, last_column=clause_column - 1)
        list_validation(ws, '"Ja,Nee"', inputs.replace("$", ""), "Kies Ja of Nee.")
        highlight_when(ws, inputs, f'{col(BIDDER_COLUMN)}{FIRST}="Nee"', EXCLUDED_FILL)

    summary = max(last, FIRST) + 2
    labels = ("Aantal Nee", "Eerste Nee", "Nog in te vullen", "Resultaat")
    for offset, label in enumerate(labels):
        put_text(ws, summary + offset, 2, label, font=BOLD)
    failed, first_failed, still_open = [], [], []
    n_rows, f_row, o_row, r_row = summary, summary + 1, summary + 2, summary + 3
    for i in range(len(bidders)):
        column = BIDDER_COLUMN + i
        letter = col(column)
        answers = f"{letter}{FIRST}:{letter}{last}"
        if requirements:
            put_formula(ws, n_rows, column, f'=COUNTIF({answers},"Nee")', WHOLE)
            put_formula(ws, f_row, column, f'=IF({letter}{n_rows}=0,"",INDEX($A${FIRST}:$A${last},'
                        f'MATCH("Nee",{answers},0))&IF({letter}{n_rows}>1," (en nog "'
                        f'&({letter}{n_rows}-1)&")",""))')
            put_formula(ws, o_row, column, f'={len(requirements)}-COUNTIF({answers},"Ja")'
                        f'-COUNTIF({answers},"Nee")', WHOLE)
        else:
            put_number(ws, n_rows, column, 0, WHOLE)
            put_number(ws, o_row, column, 0, WHOLE)
        mark_result(put_formula(
            ws, r_row, column, f'=IF({letter}{n_rows}>0,"Voldoet niet: "&{letter}{f_row},'
            f'IF({letter}{o_row}>0,"Nog "&{letter}{o_row}&" open","Voldoet"))'))
        ws.cell(row=r_row, column=column).alignment = WRAP
        failed.append(ref(EISEN, column, n_rows))
        first_failed.append(ref(EISEN, column, f_row))
        still_open.append(ref(EISEN, column, o_row))
    finish_sheet(ws, freeze=f"C{FIRST}")
    return EisenCells(failed=failed, first_failed=first_failed, open=still_open)
