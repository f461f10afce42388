"""The answer sheets of the inschrijversformulier: Vragenlijst, SEAL and Prijs.

Only the cells a bidder answers are unlocked; each is typed and validated. Missing required input
turns orange by conditional formatting (no formula computes anything in the bidder's copy).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

from openpyxl.cell.cell import Cell
from openpyxl.styles import Protection
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from aanbesteding.compose.annex import Annex
from aanbesteding.responses.form_spec import (
    COL_ANSWER,
    COL_CLAIM,
    COL_DOCUMENT,
    COL_KIND,
    COL_LEVEL_EVIDENCE,
    COL_MINIMUM,
    COL_NUMBER,
    COL_OBJECTIVE,
    COL_OFFER,
    COL_PAGE,
    COL_PROOF,
    COL_REMARK,
    COL_TEXT,
    COL_TITLE,
    FIRST_ITEM,
    FIRST_OBJECTIVE,
    LONG_TEXT,
    PRICE_COLUMN,
    PRICE_DECIMALS,
    PRICE_MAX,
    PRICE_ROW,
    REFERENCE_TEXT,
    SEAL_LEVELS,
    SHORT_TEXT,
    FormLayout,
)
from aanbesteding.writers.xlsx import form_text as txt
from aanbesteding.writers.xlsx.cells import (
    BOLD,
    EURO,
    FIXED_FILL,
    TITLE_FONT,
    TOP,
    WARN_FILL,
    cell_at,
    col,
    fit_height,
    header_row,
    highlight_when,
    mark_input,
    put_text,
    widths,
)

WIDTHS: dict[int, float] = {
    COL_NUMBER: 7,
    COL_KIND: 10,
    COL_TITLE: 24,
    COL_TEXT: 95,
    COL_PROOF: 60,
    COL_ANSWER: 10,
    COL_OFFER: 34,
    COL_DOCUMENT: 22,
    COL_PAGE: 9,
    COL_REMARK: 26,
}


ValidationKind = Literal["list", "date", "textLength", "custom"]
Operator = Literal["between", "lessThanOrEqual"]


def validation(
    ws: Worksheet,
    cells: Sequence[str],
    kind: ValidationKind,
    message: str,
    *,
    operator: Operator | None = None,
    formula1: str | None = None,
    formula2: str | None = None,
) -> None:
    """One data validation over ``cells`` that refuses invalid input with ``message``."""
    if not cells:
        return
    rule = DataValidation(
        type=kind,
        operator=operator,
        formula1=formula1,
        formula2=formula2,
        allow_blank=True,
        showErrorMessage=True,
        showInputMessage=True,
        errorTitle="Ongeldige invoer",
        error=message,
        promptTitle="Invoer",
        prompt=message,
    )
    for cell in cells:
        rule.add(cell)
    ws.add_data_validation(rule)


def text_limit(ws: Worksheet, cells: Sequence[str], limit: int, message: str) -> None:
    validation(ws, cells, "textLength", message, operator="lessThanOrEqual", formula1=str(limit))


def input_cell(ws: Worksheet, row: int, column: int, *, wrap: bool = True, text: bool = True) -> Cell:
    """An unlocked, yellow input cell; ``text`` keeps what is typed as text (no number)."""
    cell = mark_input(cell_at(ws, row, column), wrap=wrap)
    if text:
        cell.number_format = "@"
    return cell


def missing(ws: Worksheet, cells: Sequence[str], condition: str) -> None:
    """Turn ``cells`` orange while ``condition`` (relative to the first cell) holds."""
    for cell in cells:
        highlight_when(ws, cell, condition.format(cell=cell), WARN_FILL)


def _locked_note(ws: Worksheet, row: int, column: int, text: str) -> None:
    cell = put_text(ws, row, column, text, wrap=True)
    cell.fill = FIXED_FILL
    cell.protection = Protection(locked=True)


def build_vragenlijst(ws: Worksheet, layout: FormLayout) -> None:
    """One row per numbered item, in the bijlage's order, with the inputs its kind needs."""
    header_row(ws, txt.ITEM_HEADERS, row=FIRST_ITEM - 1)
    put_text(ws, 1, 1, "Vragenlijst: eisen, wensen en contractbepalingen", font=TITLE_FONT)
    widths(ws, WIDTHS)
    answers: list[str] = []
    acceptances: list[str] = []
    offers: list[str] = []
    documents: list[str] = []
    pages: list[str] = []
    remarks: list[str] = []
    for item in layout.items:
        row = item.row
        put_text(ws, row, COL_NUMBER, item.number).alignment = TOP
        put_text(ws, row, COL_KIND, txt.KIND_LABELS[item.kind.value], wrap=True)
        put_text(ws, row, COL_TITLE, item.title, wrap=True)
        put_text(ws, row, COL_TEXT, item.text, wrap=True)
        put_text(ws, row, COL_PROOF, item.proof, wrap=True)
        fit_height(ws, row, [(item.text, WIDTHS[COL_TEXT]), (item.proof, WIDTHS[COL_PROOF])])
        ref = {c: f"{col(c)}{row}" for c in (COL_ANSWER, COL_OFFER, COL_DOCUMENT, COL_PAGE, COL_REMARK)}
        if item.role == "seal":
            _locked_note(ws, row, COL_ANSWER, txt.SEAL_ROW_NOTE)
            ws.merge_cells(start_row=row, start_column=COL_ANSWER, end_row=row, end_column=COL_REMARK)
            continue
        if item.role == "offer":
            input_cell(ws, row, COL_OFFER)
            offers.append(ref[COL_OFFER])
        else:
            input_cell(ws, row, COL_ANSWER, wrap=False)
            (answers if item.role == "answer" else acceptances).append(ref[COL_ANSWER])
        for column, bucket in ((COL_DOCUMENT, documents), (COL_PAGE, pages), (COL_REMARK, remarks)):
            input_cell(ws, row, column)
            bucket.append(ref[column])
    validation(ws, answers, "list", txt.ANSWER, formula1='"Ja,Nee"')
    validation(ws, acceptances, "list", txt.ACCEPTANCE, formula1='"Ja,Nee"')
    text_limit(ws, offers, LONG_TEXT, txt.OFFER)
    text_limit(ws, documents, SHORT_TEXT, txt.DOCUMENT)
    text_limit(ws, pages, 30, txt.PAGE)
    text_limit(ws, remarks, LONG_TEXT, txt.REMARK)
    missing(ws, answers + acceptances, "LEN(TRIM({cell}))=0")
    answer, document = col(COL_ANSWER), col(COL_DOCUMENT)
    for item in layout.items:
        if item.role == "answer":  # an eis answered Ja needs the place of its evidence
            highlight_when(
                ws,
                f"{document}{item.row}",
                f'AND(${answer}${item.row}="Ja",LEN(TRIM({document}{item.row}))=0)',
                WARN_FILL,
            )


def build_seal(ws: Worksheet, annex: Annex, layout: FormLayout) -> None:
    """The SEAL self-assessment: claimed level and evidence per level, per objective."""
    put_text(ws, 1, 1, "SEAL-zelfbeoordeling per doelstelling (EU Cloud Sovereignty Framework)", font=TITLE_FONT)
    header_row(ws, txt.SEAL_HEADERS, row=FIRST_OBJECTIVE - 1)
    widths(
        ws,
        {
            COL_OBJECTIVE: 40,
            COL_MINIMUM: 14,
            COL_CLAIM: 14,
            **{COL_LEVEL_EVIDENCE + k: 28 for k in range(len(SEAL_LEVELS))},
        },
    )
    claims: list[str] = []
    evidence: list[str] = []
    for objective in layout.objectives:
        row = objective.row
        put_text(ws, row, COL_OBJECTIVE, f"{objective.objective} {objective.name}", wrap=True)
        floor = "geen" if objective.minimum is None else f"SEAL-{objective.minimum}"
        put_text(ws, row, COL_MINIMUM, floor).fill = FIXED_FILL
        claim = input_cell(ws, row, COL_CLAIM, wrap=False, text=False)
        claim.number_format = "0"
        claims.append(claim.coordinate)
        for offset, level in enumerate(SEAL_LEVELS):
            cell = input_cell(ws, row, COL_LEVEL_EVIDENCE + offset)
            evidence.append(cell.coordinate)
            highlight_when(
                ws,
                cell.coordinate,
                f"AND(ISNUMBER(${col(COL_CLAIM)}{row}),${col(COL_CLAIM)}{row}>={level},LEN(TRIM({cell.coordinate}))=0)",
                WARN_FILL,
            )
        ws.row_dimensions[row].height = 30
    validation(ws, claims, "list", txt.CLAIM, formula1='"0,1,2,3,4"')
    text_limit(ws, evidence, REFERENCE_TEXT, txt.LEVEL_EVIDENCE)
    missing(ws, claims, "LEN(TRIM({cell}))=0")
    row = layout.objectives[-1].row + 2
    put_text(ws, row, 1, "Bewijs per SEAL-niveau (uit de bijlage)", font=BOLD)
    row += 1
    for objective in layout.objectives:
        for level, text in sorted(annex.seal_evidence.get(objective.objective, {}).items()):
            put_text(ws, row, COL_OBJECTIVE, f"{objective.objective} SEAL-{level}", wrap=True)
            put_text(ws, row, COL_MINIMUM, text, wrap=True)
            ws.merge_cells(
                start_row=row,
                start_column=COL_MINIMUM,
                end_row=row,
                end_column=COL_LEVEL_EVIDENCE + len(SEAL_LEVELS) - 1,
            )
            fit_height(ws, row, [(text, 120.0)])
            row += 1


def build_prijs(ws: Worksheet, annex: Annex) -> None:
    """The price P with its decimals rule, validated as a number with at most two decimals."""
    put_text(ws, 1, 1, "Inschrijfprijs", font=TITLE_FONT)
    widths(ws, {1: 30, 2: 4, 3: 22, 4: 70})
    rule = txt.text(annex, "stap_prijs")
    put_text(ws, 2, 1, rule, wrap=True)
    ws.merge_cells(start_row=2, start_column=1, end_row=2, end_column=4)
    fit_height(ws, 2, [(rule, 126.0)])
    method = "gunnen op waarde" if annex.tender.prijsmethode == "gunnen-op-waarde" else "gewogen factor"
    put_text(ws, PRICE_ROW, 1, "Inschrijfprijs P (€, exclusief btw)", font=BOLD)
    price = input_cell(ws, PRICE_ROW, PRICE_COLUMN, wrap=False, text=False)
    price.number_format = EURO
    put_text(ws, PRICE_ROW, 4, f"Beoordeling volgens de bijlage ({method}).", wrap=True)
    where = price.coordinate
    validation(
        ws,
        [where],
        "custom",
        txt.PRICE,
        formula1=f"AND(ISNUMBER({where}),{where}>=0,{where}<={PRICE_MAX},ROUND({where},{PRICE_DECIMALS})={where})",
    )
    missing(ws, [where], "LEN(TRIM({cell}))=0")
