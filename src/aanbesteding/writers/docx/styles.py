"""Styles the annex needs, created when a (house-style) base document lacks them."""

from __future__ import annotations

from docx.document import Document as DocxDocument
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_TAB_ALIGNMENT, WD_TAB_LEADER
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor
from docx.styles.style import ParagraphStyle

ACCENT = RGBColor(0x15, 0x42, 0x73)
GREY = RGBColor(0x55, 0x55, 0x55)

# Paragraph styles the writer uses; built-in names first, then the annex's own.
PARAGRAPH_STYLES: tuple[str, ...] = (
    "Normal",
    "Title",
    "Subtitle",
    "Heading 1",
    "Heading 2",
    "Heading 3",
    "List Bullet",
    "TOC Heading",
    "toc 1",
    "toc 2",
    "Header",
    "Footer",
    "Clausule Metadata",
    "Clausule Label",
    "Voorblad Kop",
    "Voorblad Opdracht",
    "Voorblad Noot",
    "Na Tabel",
)
COVER_KICKER, COVER_SUBTITLE, COVER_NOTE, AFTER_TABLE = PARAGRAPH_STYLES[-4:]
# Spacing by paragraph style, never by empty paragraphs (a screen reader reads those as
# "leeg"): the own styles below carry the space the layout needs.
_BASED_ON = {COVER_KICKER: "Subtitle", COVER_SUBTITLE: "Subtitle"}
_SPACE_BEFORE_PT = {COVER_KICKER: 110, COVER_NOTE: 14, AFTER_TABLE: 9}
_SPACE_AFTER_PT = {COVER_SUBTITLE: 22}
TABLE_STYLE = "Table Grid"


def _paragraph_style(doc: DocxDocument, name: str) -> ParagraphStyle:
    styles = doc.styles
    try:
        style = styles[name]
    except KeyError:
        style = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = styles[_BASED_ON.get(name, "Normal")]
        _style_defaults(style, name)
    assert isinstance(style, ParagraphStyle)
    return style


def _style_defaults(style: ParagraphStyle, name: str) -> None:
    """Sensible looks for a style the base document did not carry."""
    font = style.font
    fmt = style.paragraph_format
    if name.startswith("Heading") or name in ("Title", "TOC Heading"):
        font.bold = True
        font.color.rgb = ACCENT
        fmt.keep_with_next = True
        level = name[-1]
        outline = OxmlElement("w:outlineLvl")
        if level.isdigit():
            outline.set(qn("w:val"), str(int(level) - 1))
            style.element.get_or_add_pPr().append(outline)
    if name.startswith("toc "):
        fmt.tab_stops.add_tab_stop(Cm(16), WD_TAB_ALIGNMENT.RIGHT, WD_TAB_LEADER.DOTS)
        if name == "toc 2":
            fmt.left_indent = Cm(0.6)
    if name == "Clausule Metadata":
        font.size = Pt(8.5)
        font.color.rgb = GREY
        fmt.space_after = Pt(4)
        fmt.keep_with_next = True
    if name in _SPACE_BEFORE_PT:
        fmt.space_before = Pt(_SPACE_BEFORE_PT[name])
    if name in _SPACE_AFTER_PT:
        fmt.space_after = Pt(_SPACE_AFTER_PT[name])
    if name == "Clausule Label":
        font.bold = True
        fmt.space_before = Pt(6)
        fmt.space_after = Pt(2)
        fmt.keep_with_next = True


def ensure_styles(doc: DocxDocument) -> None:
    """Make sure every style the annex writer uses exists in ``doc``."""
    for name in PARAGRAPH_STYLES:
        _paragraph_style(doc, name)
    try:
        doc.styles[TABLE_STYLE]
    except KeyError:
        style = doc.styles.add_style(TABLE_STYLE, WD_STYLE_TYPE.TABLE)
        borders = OxmlElement("w:tblBorders")
        for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
            element = OxmlElement(f"w:{edge}")
            element.set(qn("w:val"), "single")
            element.set(qn("w:sz"), "4")
            element.set(qn("w:color"), "999999")
            borders.append(element)
        tbl_pr = style.element.get_or_add_tblPr()
        tbl_pr.append(borders)
