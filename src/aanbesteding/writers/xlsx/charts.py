"""The Resultaat charts: total score per bidder, and each bidder's sovereignty profile.

Every chart text names Arial, like the cells; without it LibreOffice draws chart texts in its
own default family.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from openpyxl.worksheet.worksheet import Worksheet

from aanbesteding.writers.xlsx.cells import FONT_NAME
from aanbesteding.writers.xlsx.layout import RESULT_FIRST_ROW, SovCells

if TYPE_CHECKING:
    from openpyxl.chart.text import RichText
    from openpyxl.chart.title import Title

def _text(size: float, *, bold: bool = False) -> RichText:
    from openpyxl.chart.text import RichText
    from openpyxl.drawing.text import CharacterProperties, Font, Paragraph, ParagraphProperties

    props = CharacterProperties(latin=Font(typeface=FONT_NAME), sz=int(size * 100), b=bold)
    return RichText(p=[Paragraph(pPr=ParagraphProperties(defRPr=props), endParaRPr=props)])


def _title(text: str) -> Title:
    from openpyxl.chart.text import RichText, Text
    from openpyxl.chart.title import Title
    from openpyxl.drawing.text import (
        CharacterProperties,
        Font,
        Paragraph,
        ParagraphProperties,
        RegularTextRun,
    )

    props = CharacterProperties(latin=Font(typeface=FONT_NAME), sz=1200, b=True)
    paragraph = Paragraph(pPr=ParagraphProperties(defRPr=props),
                          r=[RegularTextRun(rPr=props, t=text)])
    return Title(tx=Text(rich=RichText(p=[paragraph])), overlay=False)


def add_charts(ws: Worksheet, sov_ws: Worksheet, row: int, n: int, sov: SovCells,
               bar: int | None, radar_chart: bool) -> None:
    """Draw the bar chart of column ``bar`` (the total, or the sub-criterion's score) at column A
    and, with ``radar_chart``, the sovereignty profile at column C of ``row``."""
    last = RESULT_FIRST_ROW + n - 1
    if bar is not None:
        _bars(ws, row, last, bar)
    if radar_chart:
        _radar(ws, sov_ws, row, sov)


def _bars(ws: Worksheet, row: int, last: int, column: int) -> None:
    from openpyxl.chart import BarChart, Reference

    bars = BarChart()
    bars.type = "col"
    header = str(ws.cell(row=1, column=column).value)
    bars.title = _title("Totaalscore (alleen geldige inschrijvingen)" if header == "Totaal"
                        else f"{header} (niet-uitgesloten inschrijvingen)")
    bars.add_data(Reference(ws, min_col=column, min_row=1, max_row=last),
                  titles_from_data=True)
    bars.set_categories(Reference(ws, min_col=1, min_row=RESULT_FIRST_ROW, max_row=last))
    bars.y_axis.number_format = "0%"
    bars.y_axis.scaling.min = 0
    bars.y_axis.scaling.max = 1
    bars.x_axis.delete = False
    bars.y_axis.delete = False
    bars.x_axis.txPr = _text(9)
    bars.y_axis.txPr = _text(9)
    bars.legend = None
    bars.height, bars.width = 10, 15
    ws.add_chart(bars, f"A{row}")


def _radar(ws: Worksheet, sov_ws: Worksheet, row: int, sov: SovCells) -> None:
    from openpyxl.chart import RadarChart, Reference

    radar = RadarChart()
    radar.type = "marker"
    radar.title = _title("Soevereiniteitsprofiel: score (%) per doelstelling")
    first, final = sov.objectives
    for column, _ in sov.score_area:
        radar.add_data(Reference(sov_ws, min_col=column, min_row=1, max_row=final),
                       titles_from_data=True)
    radar.set_categories(Reference(sov_ws, min_col=1, min_row=first, max_row=final))
    radar.y_axis.scaling.min = 0
    radar.y_axis.scaling.max = 100
    radar.y_axis.delete = False
    radar.x_axis.txPr = _text(8)
    radar.y_axis.txPr = _text(8)
    if radar.legend is not None:
        radar.legend.position = "b"
        radar.legend.txPr = _text(9)
    radar.height, radar.width = 12, 15
    ws.add_chart(radar, f"C{row}")
