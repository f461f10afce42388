"""Tables as one XML string per table: the look (style, widths, font size, spacing, header
shading and repeat) is worked out once per table and per row shape, never per cell."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from docx.shared import Cm

from aanbesteding.writers.docx.ooxml import RunFormat, attr, ppr_xml, text_xml
from aanbesteding.writers.docx.styles import TABLE_STYLE

# python-docx's defaults for a new table (kept so tables look the same as before).
_TBL_W = '<w:tblW w:type="auto" w:w="0"/>'
_TBL_LOOK = (
    '<w:tblLook w:firstColumn="1" w:firstRow="1" w:lastColumn="0" w:lastRow="0" '
    'w:noHBand="0" w:noVBand="1" w:val="04A0"/>'
)
# A table without header row (label/value, such as the cover): the first row is data, so
# converters (pandoc) and screen readers must not take it for column headers.
_TBL_LOOK_NO_HEADER = (
    '<w:tblLook w:firstColumn="1" w:firstRow="0" w:lastColumn="0" '
    'w:lastRow="0" w:noHBand="0" w:noVBand="1" w:val="0480"/>'
)


@dataclass(frozen=True)
class TableLook:
    """How a table looks; applied to the whole table.

    ``style`` is a table style name (None: the document's default table style).
    ``font_size_pt`` and ``zero_spacing`` (no space after paragraphs) apply to every cell.
    ``header_fill`` (``RRGGBB``) shades the header row; ``repeat_header`` repeats it on every
    page. ``bold_first_column`` makes the first cell of each body row bold (label/value tables).
    ``cant_split`` keeps every row on one page; ``keep_together`` the whole table (for short
    tables such as a scoring guidance, so no row is left alone on the next page).
    ``empty_lead_run`` puts an empty run before the bold run of a bold cell: what python-docx's
    ``cell.text = ""`` left behind; the annex keeps it so its bytes do not change.
    """

    style: str | None = TABLE_STYLE
    align_left: bool = True
    font_size_pt: float | None = 8.5
    zero_spacing: bool = True
    header_bold: bool = True
    header_fill: str | None = None
    repeat_header: bool = True
    bold_first_column: bool = False
    empty_lead_run: bool = False
    cant_split: bool = False
    keep_together: bool = False

    def __post_init__(self) -> None:
        if self.header_fill is not None:
            RunFormat(colour=self.header_fill)  # raises ValueError unless RRGGBB


def twips_cm(width_cm: float) -> int:
    """A width in cm as twentieths of a point, rounded as python-docx rounds it."""
    twips: int = Cm(width_cm).twips
    return twips


class _Shape:
    """The XML around the run content of each cell, for one kind of row."""

    def __init__(
        self, look: TableLook, widths: Sequence[int], bold: Sequence[bool], header: bool, keep: bool = False
    ) -> None:
        plain = RunFormat(size_pt=look.font_size_pt)
        strong = RunFormat(bold=True, size_pt=look.font_size_pt)
        ppr = ppr_xml(
            None, ("<w:keepNext/>" if keep else "") + ('<w:spacing w:after="0"/>' if look.zero_spacing else "")
        )
        fill = (
            f'<w:shd w:val="clear" w:color="auto" w:fill="{attr(look.header_fill)}"/>'
            if header and look.header_fill
            else ""
        )
        lead = f"<w:r>{plain.rpr_xml()}</w:r>" if look.empty_lead_run else ""
        self.open: list[str] = []
        self.close: list[str] = []
        for width, is_bold in zip(widths, bold, strict=True):
            run = f"{lead}<w:r>{strong.rpr_xml()}" if is_bold else f"<w:r>{plain.rpr_xml()}"
            self.open.append(f'<w:tc><w:tcPr><w:tcW w:type="dxa" w:w="{width}"/>{fill}</w:tcPr><w:p>{ppr}{run}')
            self.close.append("</w:r></w:p></w:tc>")
        props = ("<w:cantSplit/>" if look.cant_split else "") + (
            '<w:tblHeader w:val="true"/>' if header and look.repeat_header else ""
        )
        tr_pr = f"<w:trPr>{props}</w:trPr>" if props else ""
        self.start = f"<w:tr>{tr_pr}"

    def row(self, texts: Sequence[str]) -> str:
        if len(texts) != len(self.open):
            raise ValueError(f"rij met {len(texts)} cellen in een tabel met {len(self.open)} kolommen")
        cells = (f"{o}{text_xml(t)}{c}" for o, t, c in zip(self.open, texts, self.close, strict=True))
        return f"{self.start}{''.join(cells)}</w:tr>"


def table_xml(
    headers: Sequence[str] | None,
    rows: Sequence[Sequence[str]],
    widths_twips: Sequence[int],
    look: TableLook,
    style_id: str | None,
    fixed: bool,
) -> str:
    """A whole ``w:tbl`` (without namespace declaration); ``fixed`` turns autofit off."""
    props = [f'<w:tblStyle w:val="{attr(style_id)}"/>' if style_id is not None else "", _TBL_W]
    if look.align_left:
        props.append('<w:jc w:val="left"/>')
    if fixed:
        props.append('<w:tblLayout w:type="fixed"/>')
    props.append(_TBL_LOOK if headers is not None else _TBL_LOOK_NO_HEADER)
    grid = "".join(f'<w:gridCol w:w="{w}"/>' for w in widths_twips)
    parts = [f"<w:tbl><w:tblPr>{''.join(props)}</w:tblPr><w:tblGrid>{grid}</w:tblGrid>"]
    columns = len(widths_twips)
    keep = look.keep_together
    if headers is not None:
        header = _Shape(look, widths_twips, [look.header_bold] * columns, header=True, keep=keep and bool(rows))
        parts.append(header.row(headers))
    bold = [look.bold_first_column] + [False] * (columns - 1)
    body = _Shape(look, widths_twips, bold, header=False, keep=keep)
    last = _Shape(look, widths_twips, bold, header=False) if keep else body
    parts.extend((body if index < len(rows) - 1 else last).row(row) for index, row in enumerate(rows))
    parts.append("</w:tbl>")
    return "".join(parts)
