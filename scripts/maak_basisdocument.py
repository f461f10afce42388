"""Build templates/basis.docx, the Word base document that carries the annex's styles.

Run from the repository root: ``python scripts/maak_basisdocument.py``. The result is
committed; organisations pass their own house-style document with ``--sjabloon``.
"""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

from docx import Document
from docx.enum.text import WD_TAB_ALIGNMENT, WD_TAB_LEADER
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

from aanbesteding.support.output import normalize_zip
from aanbesteding.writers.docx.styles import ACCENT, GREY, ensure_styles

FONT = "Arial"


def _one_font_family(doc: Document) -> None:
    """Every style and the document defaults in FONT: no theme fonts (Calibri, Cambria) that
    LibreOffice would replace with another family."""
    styles = doc.styles.element
    for rfonts in styles.iter(qn("w:rFonts")):
        for theme in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
            rfonts.attrib.pop(qn(theme), None)
        for attr in ("w:ascii", "w:hAnsi", "w:cs"):
            rfonts.set(qn(attr), FONT)
    # Bullets as the '•' of FONT itself, not a Symbol-font glyph (LibreOffice: OpenSymbol).
    numbering = doc.part.numbering_part.element
    for lvl in numbering.iter(qn("w:lvl")):
        fmt = lvl.find(qn("w:numFmt"))
        if fmt is None or fmt.get(qn("w:val")) != "bullet":
            continue
        lvl.find(qn("w:lvlText")).set(qn("w:val"), "•")
        for rfonts in lvl.iter(qn("w:rFonts")):
            for attr in ("w:ascii", "w:hAnsi", "w:cs"):
                rfonts.set(qn(attr), FONT)
    rpr = styles.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    if rpr.find(qn("w:rFonts")) is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
        for attr in ("w:ascii", "w:hAnsi", "w:cs"):
            fonts.set(qn(attr), FONT)


def build() -> bytes:
    doc = Document()
    body = doc.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)
    section = doc.sections[0]
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    section.left_margin = section.right_margin = Cm(2.5)
    section.top_margin, section.bottom_margin = Cm(2.5), Cm(2.2)
    section.header_distance = section.footer_distance = Cm(1.2)

    # Document defaults: Dutch language, Arial.
    rpr_default = doc.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault"))
    rpr = rpr_default.find(qn("w:rPr"))
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        rpr.append(lang)
    lang.set(qn("w:val"), "nl-NL")
    lang.set(qn("w:eastAsia"), "nl-NL")

    ensure_styles(doc)
    normal = doc.styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(10)
    normal.paragraph_format.space_after = Pt(6)
    normal.paragraph_format.line_spacing = 1.15
    for name, size, before in (("Heading 1", 16, 18), ("Heading 2", 12.5, 14), ("Heading 3", 11, 10)):
        style = doc.styles[name]
        style.font.name = FONT
        style.font.size = Pt(size)
        style.font.color.rgb = ACCENT
        style.font.bold = True
        style.paragraph_format.space_before = Pt(before)
        style.paragraph_format.space_after = Pt(6)
        style.paragraph_format.keep_with_next = True
    _one_font_family(doc)
    title = doc.styles["Title"]
    title.font.name = FONT
    title.font.size = Pt(24)
    title.font.color.rgb = ACCENT
    subtitle = doc.styles["Subtitle"]
    subtitle.font.name = FONT
    subtitle.font.size = Pt(14)
    subtitle.font.color.rgb = GREY
    subtitle.font.italic = False
    toc_heading = doc.styles["TOC Heading"]
    toc_heading.font.name = FONT
    toc_heading.font.size = Pt(16)
    toc_heading.font.color.rgb = ACCENT
    for name in ("toc 1", "toc 2"):
        style = doc.styles[name]
        style.font.name = FONT
        style.paragraph_format.space_after = Pt(2)
        stops = style.paragraph_format.tab_stops
        if not len(stops):
            stops.add_tab_stop(Cm(16), WD_TAB_ALIGNMENT.RIGHT, WD_TAB_LEADER.DOTS)
    doc.styles["toc 1"].font.bold = True
    doc.styles["Clausule Metadata"].paragraph_format.keep_with_next = True
    for name in ("Header", "Footer"):
        doc.styles[name].font.size = Pt(8)
        doc.styles[name].font.color.rgb = RGBColor(0x55, 0x55, 0x55)

    props = doc.core_properties
    props.title = "Basisdocument bijlage digitale soevereiniteit"
    props.author = "aanbesteding"
    props.last_modified_by = "aanbesteding"
    stamp = dt.datetime(2026, 1, 1)
    props.created = props.modified = props.last_printed = stamp
    props.revision = 1
    buffer = io.BytesIO()
    doc.save(buffer)
    return normalize_zip(buffer.getvalue(), stamp.date())


if __name__ == "__main__":
    target = Path(__file__).resolve().parent.parent / "templates" / "basis.docx"
    target.write_bytes(build())
    print(f"geschreven: {target}")
