"""Cell helpers shared by every sheet: safe text, inputs, validation, styles.

Every text cell goes through :func:`put_text`, so user data (bidder names, clause texts) can
never turn into a formula; every formula goes through :func:`put_formula`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Literal

from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE, Cell
from openpyxl.formatting.rule import Rule
from openpyxl.styles import Alignment, Border, Font, PatternFill, Protection, Side
from openpyxl.styles.differential import DifferentialStyle
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

FONT_NAME = "Arial"  # the Word template's family; LibreOffice substitutes Liberation Sans
FONT_SIZE = 10
INPUT_FILL = PatternFill("solid", fgColor="FFF2CC")
FIXED_FILL = PatternFill("solid", fgColor="EDEDED")
WARN_FILL = PatternFill("solid", fgColor="FFC000")
RESULT_FILL = PatternFill("solid", fgColor="E2EFDA")
HEADER_FILL = PatternFill("solid", fgColor="1F3864")
EXCLUDED_FILL = PatternFill("solid", fgColor="F8CBAD")
BASE_FONT = Font(name=FONT_NAME, size=FONT_SIZE)
HEADER_FONT = Font(name=FONT_NAME, size=FONT_SIZE, bold=True, color="FFFFFF")
BOLD = Font(name=FONT_NAME, size=FONT_SIZE, bold=True)
TITLE_FONT = Font(name=FONT_NAME, size=14, bold=True)
WARNING_FONT = Font(name=FONT_NAME, size=FONT_SIZE, bold=True, color="C00000")
_THIN = Side(style="thin", color="BF9000")
INPUT_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
WRAP = Alignment(wrap_text=True, vertical="top")
TOP = Alignment(vertical="top")

PERCENT = "0.0%"
EURO = '"€" #,##0.00'
DECIMAL = "#,##0.00"
WHOLE = "0"
LINE_HEIGHT = 11.5  # points per line of Arial 10 as LibreOffice sets it
MAX_TEXT = 32_767  # Excel's limit for one cell
# A motivering pre-filled from a bidder's response ends with this; until the committee writes its
# own motivering after it, the grid counts the motivering as missing.
PROMPT_END = "Motivering commissie:"


def col(index: int) -> str:
    """Column letter for a 1-based column index."""
    return get_column_letter(index)


def ref(sheet: str, column: int, row: int) -> str:
    """Absolute reference to a cell on another sheet, e.g. ``Eisen!$F$12``."""
    return f"{sheet}!${col(column)}${row}"


def area(column: int, first: int, last: int, *, sheet: str | None = None, last_column: int | None = None) -> str:
    """Absolute range such as ``$F$2:$F$9`` (optionally sheet-qualified)."""
    end = last_column or column
    text = f"${col(column)}${first}:${col(end)}${last}"
    return f"{sheet}!{text}" if sheet else text


def cell_at(ws: Worksheet, row: int, column: int) -> Cell:
    """The cell at ``row``/``column``; raise ValueError if it is hidden inside a merged range."""
    cell = ws.cell(row=row, column=column)
    if not isinstance(cell, Cell):
        raise ValueError(f"cel {cell.coordinate} valt in een samengevoegd bereik")
    return cell


def clean(text: str) -> str:
    """Text without the control characters XML cannot hold, cut to Excel's cell limit."""
    return ILLEGAL_CHARACTERS_RE.sub("", text)[:MAX_TEXT]


def flow(text: str) -> str:
    """Clause text with its hard line wraps joined, keeping paragraphs and list items.

    Clause files wrap lines at a fixed width; in a narrow cell that gives ragged lines.
    """
    joined = re.sub(r"(?<!\n)\n(?![\n-])", " ", text.strip())
    return re.sub(r" {2,}", " ", joined)


def put_text(ws: Worksheet, row: int, column: int, text: str, *, font: Font | None = None, wrap: bool = False) -> Cell:
    """Write ``text`` as a literal string, even when it starts with ``=``, ``+``, ``-`` or ``@``."""
    cell = cell_at(ws, row, column)
    cell.value = clean(text)
    # openpyxl marks a str starting with "=" as a formula; force the string type back.
    cell.data_type = "s"
    cell.font = font or BASE_FONT
    if wrap:
        cell.alignment = WRAP
    return cell


def put_number(ws: Worksheet, row: int, column: int, value: float | None, number_format: str | None = None) -> Cell:
    """Write a number (or leave the cell empty for ``None``)."""
    cell = cell_at(ws, row, column)
    cell.value = value
    cell.font = BASE_FONT
    if number_format:
        cell.number_format = number_format
    return cell


def put_formula(
    ws: Worksheet, row: int, column: int, formula: str, number_format: str | None = None, *, font: Font | None = None
) -> Cell:
    """Write a formula built by this package (never from user text); raise ValueError otherwise."""
    if not formula.startswith("="):
        raise ValueError(f"geen formule: {formula!r}")
    cell = cell_at(ws, row, column)
    cell.value = formula
    cell.data_type = "f"
    if number_format:
        cell.number_format = number_format
    cell.font = font or BASE_FONT
    return cell


def quote(text: str) -> str:
    """A string literal for use inside a formula (our own Dutch text, never user data)."""
    return '"' + text.replace('"', '""') + '"'


def mark_input(cell: Cell, *, wrap: bool = False) -> Cell:
    """Unlock a cell and give it the input look explained in the Toelichting legend."""
    cell.protection = Protection(locked=False)
    cell.alignment = WRAP if wrap else TOP
    cell.font = BASE_FONT
    cell.fill = INPUT_FILL
    cell.border = INPUT_BORDER
    return cell


def mark_fixed(cell: Cell) -> Cell:
    """Give a published value (weight, minimum, share) the locked look explained in the legend."""
    cell.fill = FIXED_FILL
    cell.alignment = TOP
    return cell


def mark_result(cell: Cell) -> Cell:
    """Give a key result the result look explained in the legend."""
    cell.fill = RESULT_FILL
    cell.font = BOLD
    return cell


def header_row(ws: Worksheet, headers: Sequence[str], row: int = 1, height: float = 40.0) -> None:
    """Write a header row as text, styled, wrapped; tall enough for bidder names."""
    ws.row_dimensions[row].height = height
    for index, title in enumerate(headers, start=1):
        cell = put_text(ws, row, index, title, font=HEADER_FONT)
        cell.fill = HEADER_FILL
        cell.alignment = Alignment(wrap_text=True, vertical="center")


def list_validation(ws: Worksheet, source: str, cells: str, message: str) -> None:
    """Dropdown on ``cells`` with the values in ``source`` (a quoted list or a name)."""
    if not cells:
        return
    rule = DataValidation(
        type="list",
        formula1=source,
        allow_blank=True,
        showErrorMessage=True,
        showInputMessage=True,
        errorTitle="Ongeldige invoer",
        error=message,
        promptTitle="Invoer",
        prompt=message,
    )
    rule.add(cells)
    ws.add_data_validation(rule)


def number_validation(
    ws: Worksheet, cells: str, low: float, high: float | None, message: str, *, whole: bool = False
) -> None:
    """Restrict ``cells`` to numbers between ``low`` and ``high`` (no upper bound if None)."""
    if not cells:
        return
    kind: Literal["whole", "decimal"] = "whole" if whole else "decimal"
    if high is None:
        rule = DataValidation(type=kind, operator="greaterThanOrEqual", formula1=str(low))
    else:
        rule = DataValidation(type=kind, operator="between", formula1=str(low), formula2=str(high))
    rule.allow_blank = True
    rule.showErrorMessage = True
    rule.showInputMessage = True
    rule.errorTitle = "Ongeldige invoer"
    rule.error = message
    rule.promptTitle = "Invoer"
    rule.prompt = message
    rule.add(cells)
    ws.add_data_validation(rule)


def highlight_when(ws: Worksheet, cells: str, formula: str, fill: PatternFill, font: Font | None = None) -> None:
    """Conditional format: ``fill`` on ``cells`` where ``formula`` (no leading =) is true."""
    style = DifferentialStyle(fill=fill, font=font)
    ws.conditional_formatting.add(cells, Rule(type="expression", formula=[formula], dxf=style))


def widths(ws: Worksheet, sizes: dict[int, float]) -> None:
    """Set column widths by 1-based index."""
    for index, size in sizes.items():
        ws.column_dimensions[col(index)].width = size


def fit_height(ws: Worksheet, row: int, texts: Sequence[tuple[str, float]]) -> None:
    """Set a row's height so wrapped ``(text, column width)`` pairs show in full.

    Neither Excel nor LibreOffice sizes rows on open for generated files, so estimate it.
    """
    lines = 1
    for text, width in texts:
        per_line = max(int(width * 1.1), 10)
        count = sum(max(1, -(-len(part) // per_line)) for part in text.split("\n"))
        lines = max(lines, count)
    ws.row_dimensions[row].height = min(LINE_HEIGHT * lines + 6, 409.0)


def still_to_fill(count: str) -> str:
    """Formula fragment: ``"nog 1 invoerveld in te vullen"`` or ``"nog 56 invoervelden ..."``.

    ``count`` is a formula expression (no leading =) built by this package.
    """
    return f'"nog "&{count}&IF({count}=1," invoerveld"," invoervelden")&" in te vullen"'


def put_unexplained(
    ws: Worksheet, row: int, column: int, inputs: Sequence[str], motivering: str, prompt_end: str = PROMPT_END
) -> Cell:
    """Count the items with any of ``inputs`` filled in but no motivering: the ``motivering``
    cell is empty or still ends with ``prompt_end`` (a prompt pre-filled from a response).

    The ranges are same-sized columns such as ``F2:F30``; the count goes to ``row``/``column``.
    """
    filled = "+".join(f'({area}<>"")' for area in inputs)
    missing = f'((({motivering}="")+(RIGHT(TRIM({motivering}),{len(prompt_end)})={quote(prompt_end)}))>0)'
    return put_formula(ws, row, column, f"=SUMPRODUCT((({filled})>0)*{missing})", WHOLE)


def word_width(texts: Sequence[str], minimum: float, maximum: float = 16.0) -> float:
    """A column width that fits the longest word of ``texts`` (a bidder name in a header)."""
    longest = max((len(word) for text in texts for word in text.split()), default=0)
    return max(minimum, min(maximum, longest + 2.0))
