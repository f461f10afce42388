"""The Eisen sheet: Ja/Nee and a motivering per eis and bepaling per bidder, and compliance."""

from __future__ import annotations

from openpyxl.worksheet.worksheet import Worksheet

from aanbesteding.compose.annex import Requirement
from aanbesteding.domain import Kind
from aanbesteding.writers.xlsx.cells import (
    BOLD,
    EXCLUDED_FILL,
    TOP,
    WHOLE,
    WRAP,
    cell_at,
    col,
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
    put_unexplained,
    ref,
    still_to_fill,
    widths,
    word_width,
)
from aanbesteding.writers.xlsx.layout import (
    EISEN,
    EISEN_BIDDER,
    EISEN_FIRST,
    EisenCells,
    GridLayout,
    motivering_header,
)
from aanbesteding.writers.xlsx.page import finish_sheet

FIRST = EISEN_FIRST
SOORT = {Kind.EIS: "Eis (KO)", Kind.BEPALING: "Bepaling", Kind.WENS: "Wens"}
TITLE_WIDTH, PROOF_WIDTH, MOTIVERING_WIDTH = 32.0, 80.0, 28.0


def _requirement_row(ws: Worksheet, row: int, req: Requirement, clause_column: int) -> None:
    proof = flow(req.wijze_van_aantonen)
    put_text(ws, row, 1, req.number).alignment = TOP
    put_text(ws, row, 2, req.title, wrap=True)
    put_text(ws, row, 3, SOORT[req.kind], wrap=True)
    put_text(ws, row, 4, ", ".join(req.sov), wrap=True)
    put_text(ws, row, 5, proof, wrap=True)
    put_text(ws, row, clause_column, req.clause_id, wrap=True)
    fit_height(ws, row, [(req.title, TITLE_WIDTH), (proof, PROOF_WIDTH)])


def build_eisen(ws: Worksheet, layout: GridLayout, requirements: list[Requirement]) -> EisenCells:
    """Fill the Eisen sheet with ``requirements`` (in the layout's rows); return per bidder the
    cells Resultaat needs."""
    bidders = layout.bidders
    answer_column = layout.eis_answer
    clause_column = layout.eisen_reference
    per_bidder = [title for name in bidders for title in (name, motivering_header(name))]
    header_row(ws, ["Nr.", "Titel", "Soort", "SOV", "Wijze van aantonen", *per_bidder, "Clausule"])
    widths(ws, {1: 7, 2: TITLE_WIDTH, 3: 9, 4: 9, 5: PROOF_WIDTH, clause_column: 24})
    for i, name in enumerate(bidders):
        widths(ws, {answer_column(i): word_width([name], 8), answer_column(i) + 1: MOTIVERING_WIDTH})
    last = layout.eisen_last
    for req in requirements:
        row = layout.eisen_rows[req.number]
        _requirement_row(ws, row, req, clause_column)
        for i in range(len(bidders)):
            mark_input(cell_at(ws, row, answer_column(i)))
            mark_input(cell_at(ws, row, layout.eis_motivering(i)), wrap=True)
    if not requirements:
        put_text(ws, FIRST, 2, "Deze aanbesteding bevat geen eisen of bepalingen.")
    else:
        for i in range(len(bidders)):
            letter = col(answer_column(i))
            answers = f"{letter}{FIRST}:{letter}{last}"
            list_validation(ws, '"Ja,Nee"', answers, "Kies Ja of Nee.")
            highlight_when(ws, answers, f'{letter}{FIRST}="Nee"', EXCLUDED_FILL)

    summary = max(last, FIRST) + 2
    labels = ("Aantal Nee", "Nee bij", "Nog in te vullen", "Zonder motivering", "Resultaat")
    for offset, label in enumerate(labels):
        put_text(ws, summary + offset, 2, label, font=BOLD)
    failed, failed_list, still_open, unexplained = [], [], [], []
    n_rows, f_row, o_row, m_row, r_row = (summary + k for k in range(5))
    for i in range(len(bidders)):
        column = answer_column(i)
        letter = col(column)
        answers = f"{letter}{FIRST}:{letter}{last}"
        if requirements:
            put_formula(ws, n_rows, column, f'=COUNTIF({answers},"Nee")', WHOLE)
            listed = "&".join(f'IF({letter}{row}="Nee",$A${row}&", ","")' for row in range(FIRST, last + 1))
            put_formula(
                ws, f_row, column, f'=IF({letter}{n_rows}=0,"",LEFT({listed},LEN({listed})-2))'
            ).alignment = WRAP
            put_formula(
                ws, o_row, column, f'={len(requirements)}-COUNTIF({answers},"Ja")-COUNTIF({answers},"Nee")', WHOLE
            )
            reasons = col(layout.eis_motivering(i))
            put_unexplained(ws, m_row, column, [answers], f"{reasons}{FIRST}:{reasons}{last}")
        else:
            put_number(ws, n_rows, column, 0, WHOLE)
            put_number(ws, o_row, column, 0, WHOLE)
            put_number(ws, m_row, column, 0, WHOLE)
        count = f"{letter}{o_row}"
        mark_result(
            put_formula(
                ws,
                r_row,
                column,
                f'=IF({letter}{n_rows}>0,"Voldoet niet: Nee bij "&{letter}{f_row},'
                f'IF({count}>0,"Onvolledig: "&{still_to_fill(count)},"Voldoet"))',
            )
        )
        ws.cell(row=r_row, column=column).alignment = WRAP
        ws.merge_cells(start_row=r_row, start_column=column, end_row=r_row, end_column=column + 1)
        failed.append(ref(EISEN, column, n_rows))
        failed_list.append(ref(EISEN, column, f_row))
        still_open.append(ref(EISEN, column, o_row))
        unexplained.append(ref(EISEN, column, m_row))
    ws.row_dimensions[r_row].height = 30
    groups = [(c, c) for c in range(1, EISEN_BIDDER)]
    groups += [(answer_column(i), layout.eis_motivering(i)) for i in range(len(bidders))]
    finish_sheet(
        ws,
        freeze=f"C{FIRST}",
        groups=[*groups, (clause_column, clause_column)],
        repeat=2,
        alone=EISEN_BIDDER - 1,
        reference_last=True,
    )
    return EisenCells(failed=failed, failed_list=failed_list, open=still_open, unexplained=unexplained)
