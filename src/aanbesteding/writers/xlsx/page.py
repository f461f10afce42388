"""Sheet protection and printing: A4 landscape, repeated titles, readable column pages.

A sheet that fits the page width at 90% or more is scaled to one page wide. A wider sheet (many
bidders, each with a motivering column) is printed at a fixed, readable scale over several pages
across; manual column breaks keep each bidder's columns together and the leading columns (number
and title) repeat on every page, so every printed page can be read on its own.
"""

from __future__ import annotations

from collections.abc import Sequence

from openpyxl.worksheet.page import PageMargins
from openpyxl.worksheet.pagebreak import Break
from openpyxl.worksheet.properties import PageSetupProperties
from openpyxl.worksheet.worksheet import Worksheet

from aanbesteding.writers.xlsx.cells import col

PAGE_PX = 1020.0  # printable width of A4 landscape with 1.27 cm side margins, at 96 dpi
PRINT_SCALE = 90  # percent; Arial 10 prints at 9 pt
DEFAULT_WIDTH = 8.43


def column_px(ws: Worksheet, column: int) -> float:
    """Approximate printed width in pixels (at 100%) of a 1-based column."""
    width = ws.column_dimensions[col(column)].width or DEFAULT_WIDTH
    return float(width) * 7.5 + 5


def column_breaks(
    ws: Worksheet, groups: Sequence[tuple[int, int]], repeat: int, scale: int = PRINT_SCALE, alone: int = 0
) -> list[int]:
    """Columns after which a new page starts, keeping every ``(first, last)`` group whole.

    ``repeat`` leading columns print again on every following page; the first ``alone`` groups
    get a page width of their own (the description of the items, then the bidders).
    """
    budget = PAGE_PX * 100 / scale
    repeated = sum(column_px(ws, c) for c in range(1, repeat + 1))
    breaks: list[int] = []
    used = 0.0
    for index, (first, last) in enumerate(groups):
        size = sum(column_px(ws, c) for c in range(first, last + 1))
        if used and (used + size > budget or index == alone > 0):
            breaks.append(first - 1)
            used = repeated
        used += size
    return breaks


def wrapped_lines(text: str, per_line: int) -> int:
    """Lines ``text`` takes when wrapped at word boundaries in ``per_line`` characters."""
    lines, used = 1, 0
    for word in text.split():
        size = len(word)
        if used and used + 1 + size > per_line:
            lines, used = lines + 1, 0
        used = used + 1 + size if used else size
        lines += (size - 1) // per_line  # a word longer than the column breaks inside
    return lines


def fit_header(ws: Worksheet, row: int = 1, minimum: float = 30.0) -> None:
    """Make header ``row`` tall enough for every wrapped bold header text."""
    lines = 1
    for cell in ws[row]:
        if isinstance(cell.value, str) and cell.column is not None:
            width = ws.column_dimensions[col(int(cell.column))].width or DEFAULT_WIDTH
            lines = max(lines, wrapped_lines(cell.value, max(int(width), 4)))
    ws.row_dimensions[row].height = max(minimum, min(12.0 * lines + 8, 160.0))


def finish_sheet(
    ws: Worksheet,
    *,
    freeze: str | None,
    title_rows: str | None = "1:1",
    groups: Sequence[tuple[int, int]] = (),
    repeat: int = 0,
    alone: int = 0,
    reference_last: bool = False,
) -> None:
    """Protect the sheet (no password), freeze panes and set up landscape A4 printing.

    ``groups`` are the column ranges, left to right, that must print on one page (pass them for
    sheets that can grow wider than a page); ``repeat`` leading columns are repeated on each page
    and the first ``alone`` groups, when the sheet needs more than one page width, get their own.
    With ``reference_last`` the last group (the clause ids, for reference on screen) is left out
    of the print rather than printed on pages of its own.
    """
    ws.protection.sheet = True
    ws.protection.formatColumns = False
    ws.protection.formatRows = False
    if freeze:
        ws.freeze_panes = freeze
    setup = ws.page_setup
    setup.orientation = "landscape"
    setup.paperSize = ws.PAPERSIZE_A4
    ws.page_margins = PageMargins(left=0.5, right=0.5, top=0.6, bottom=0.7, header=0.3, footer=0.3)
    ws.print_options.gridLines = False
    breaks = column_breaks(ws, groups, repeat) if groups else []
    if breaks and alone:
        breaks = column_breaks(ws, groups, repeat, alone=alone)
    if breaks and reference_last and breaks[-1] == groups[-1][0] - 1:
        breaks.pop()
        ws.print_area = f"A1:{col(groups[-1][0] - 1)}{ws.max_row}"
    if not breaks:
        setup.fitToWidth = 1
        setup.fitToHeight = 0
        ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    else:
        setup.scale = PRINT_SCALE
        ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=False)
        for after in breaks:
            ws.col_breaks.append(Break(id=after))
        if repeat:
            ws.print_title_cols = f"A:{col(repeat)}"
    if title_rows:
        ws.print_title_rows = title_rows
        fit_header(ws)
    footer = ws.oddFooter
    if footer is not None:
        footer.left.text = "&A"
        footer.left.font = "Arial,Regular"
        footer.right.text = "Pagina &P van &N"
        footer.right.font = "Arial,Regular"
