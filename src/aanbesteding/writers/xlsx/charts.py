"""The Resultaat charts: total score per bidder, and each bidder's sovereignty profile.

Every chart text names Arial, like the cells; without it LibreOffice draws chart texts in its
own default family.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from openpyxl.worksheet.worksheet import Worksheet

from aanbesteding.compose.annex import Annex
from aanbesteding.writers.xlsx.cells import FONT_NAME
from aanbesteding.writers.xlsx.layout import RESULT_FIRST_ROW, SovCells

if TYPE_CHECKING:
    from openpyxl.chart.text import RichText
    from openpyxl.chart.title import Title

TOTAL_TITLE = "Totaalscore (alleen geldige inschrijvingen)"
SUB_TITLE = "Score op het subcriterium (niet-uitgesloten inschrijvingen)"
PROFILE_TITLE = "Soevereiniteitsprofiel: score (%) per doelstelling"
_NS = {
    "xdr": "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing",
    "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
    "c": "http://schemas.openxmlformats.org/drawingml/2006/chart",
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "rel": "http://schemas.openxmlformats.org/package/2006/relationships",
}


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
    paragraph = Paragraph(pPr=ParagraphProperties(defRPr=props), r=[RegularTextRun(rPr=props, t=text)])
    return Title(tx=Text(rich=RichText(p=[paragraph])), overlay=False)


def add_charts(
    ws: Worksheet, sov_ws: Worksheet, row: int, n: int, sov: SovCells, bar: int | None, radar_chart: bool
) -> None:
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
    bars.title = _title(TOTAL_TITLE if header == "Totaal" else SUB_TITLE)
    bars.add_data(Reference(ws, min_col=column, min_row=1, max_row=last), titles_from_data=True)
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
    radar.title = _title(PROFILE_TITLE)
    first, final = sov.objectives
    for column, _ in sov.score_area:
        radar.add_data(Reference(sov_ws, min_col=column, min_row=1, max_row=final), titles_from_data=True)
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


def _part_name(source: str, target: str) -> str:
    """The package part a relationship of ``source`` points to (absolute or relative)."""
    import posixpath

    if target.startswith("/"):
        return target[1:]
    return posixpath.normpath(posixpath.join(posixpath.dirname(source), target))


def alt_texts(annex: Annex) -> dict[str, str]:
    """Alternative text per chart title (WCAG 1.1.1): what the chart shows and where its
    numbers are (library chapter ``matrix``)."""
    return {
        TOTAL_TITLE: annex.text("matrix", "grafiek_totaal"),
        SUB_TITLE: annex.text("matrix", "grafiek_subcriterium"),
        PROFILE_TITLE: annex.text("matrix", "grafiek_profiel"),
    }


def with_alt_text(xlsx: bytes, texts: Mapping[str, str]) -> bytes:
    """``xlsx`` with a title and alternative text on every chart whose title ``texts``
    knows (openpyxl writes only "Chart 1"). Charts are found through each drawing's
    relationships, so the order in which they were added does not matter."""
    import io
    import posixpath
    import zipfile

    from lxml import etree  # type: ignore[import-untyped]

    source = zipfile.ZipFile(io.BytesIO(xlsx))
    parts = {info.filename: source.read(info) for info in source.infolist()}
    for name in [n for n in parts if n.startswith("xl/drawings/drawing") and n.endswith(".xml")]:
        rels_name = posixpath.join(posixpath.dirname(name), "_rels", posixpath.basename(name) + ".rels")
        if rels_name not in parts:
            continue
        targets = {
            rel.get("Id"): _part_name(name, rel.get("Target", ""))
            for rel in etree.fromstring(parts[rels_name]).iterfind("rel:Relationship", _NS)
        }
        drawing = etree.fromstring(parts[name])
        for frame in drawing.iterfind(".//xdr:graphicFrame", _NS):
            chart = frame.find(".//c:chart", _NS)
            props = frame.find("xdr:nvGraphicFramePr/xdr:cNvPr", _NS)
            target = targets.get(chart.get(f"{{{_NS['r']}}}id")) if chart is not None else None
            if props is None or target not in parts:
                continue
            title = "".join(etree.fromstring(parts[target]).xpath("c:chart/c:title//a:t/text()", namespaces=_NS))
            if title in texts:
                props.set("name", title)
                props.set("title", title)
                props.set("descr", texts[title])
        parts[name] = etree.tostring(drawing, xml_declaration=True, encoding="UTF-8", standalone=True)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target_zip:
        for info in source.infolist():
            target_zip.writestr(info, parts[info.filename])
    return out.getvalue()
