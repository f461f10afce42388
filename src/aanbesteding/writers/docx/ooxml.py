"""WordprocessingML as strings: runs, paragraphs, text escaping; parsed with python-docx's parser.

Building a fragment as a string and parsing it once (``docx.oxml.parse_xml``) is several times
faster than python-docx's element-by-element API, and gives the same elements: the parser
attaches python-docx's element classes, and lxml drops the fragment's own ``xmlns:w``
declaration when the element moves into the document (where ``w`` is already declared).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from xml.sax.saxutils import escape

from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.shared import Pt

W_NS = nsdecls("w")

# Characters XML 1.0 does not allow (control characters other than tab/newline/carriage return,
# lone surrogates, U+FFFE/U+FFFF). lxml refuses them; we drop them.
_ILLEGAL = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
# Tab becomes <w:tab/>, each newline or carriage return a <w:br/> (as python-docx does).
_BREAKS = re.compile("([\t\r\n])")
_HEX_COLOUR = re.compile("[0-9A-Fa-f]{6}")
_ATTR_ENTITIES = {'"': "&quot;"}
_ROOT_TAG = re.compile(r"^<[\w:]+")


def clean_text(text: str) -> str:
    """``text`` without the characters XML 1.0 cannot carry."""
    return _ILLEGAL.sub("", text)


def escape_text(text: str) -> str:
    """``text`` cleaned and escaped for use as element content."""
    return escape(clean_text(text))


def attr(value: str) -> str:
    """``value`` escaped for use inside a double-quoted attribute."""
    return escape(clean_text(value), _ATTR_ENTITIES)


def half_points(size_pt: float) -> int:
    """A font size as Word's ``w:sz`` value, rounded as python-docx rounds it."""
    return int(Pt(size_pt).pt * 2)


@dataclass(frozen=True)
class RunFormat:
    """Direct character formatting of a run; ``colour`` is ``RRGGBB``."""

    bold: bool = False
    italic: bool = False
    strike: bool = False
    underline: bool = False
    colour: str | None = None
    size_pt: float | None = None

    def __post_init__(self) -> None:
        if self.colour is not None and not _HEX_COLOUR.fullmatch(self.colour):
            raise ValueError(f"kleur {self.colour!r} is geen RRGGBB-waarde")

    def rpr_xml(self) -> str:
        """The ``w:rPr`` element (in schema order), or '' without formatting."""
        parts = []
        if self.bold:
            parts.append("<w:b/>")
        if self.italic:
            parts.append("<w:i/>")
        if self.strike:
            parts.append("<w:strike/>")
        if self.colour is not None:
            parts.append(f'<w:color w:val="{self.colour.upper()}"/>')
        if self.size_pt is not None:
            parts.append(f'<w:sz w:val="{half_points(self.size_pt)}"/>')
        if self.underline:
            parts.append('<w:u w:val="single"/>')
        return f"<w:rPr>{''.join(parts)}</w:rPr>" if parts else ""


PLAIN = RunFormat()
BOLD = RunFormat(bold=True)


def _pieces(text: str) -> Iterator[str]:
    for piece in _BREAKS.split(clean_text(text)):
        if piece:
            yield piece


def text_xml(text: str, tag: str = "w:t") -> str:
    """Run content for ``text``: ``w:t`` (or ``w:delText``) chunks, ``w:tab``, ``w:br``."""
    parts = []
    for piece in _pieces(text):
        if piece == "\t":
            parts.append("<w:tab/>")
        elif piece in "\r\n":
            parts.append("<w:br/>")
        elif len(piece.strip()) < len(piece):
            parts.append(f'<{tag} xml:space="preserve">{escape(piece)}</{tag}>')
        else:
            parts.append(f"<{tag}>{escape(piece)}</{tag}>")
    return "".join(parts)


def run_xml(text: str, fmt: RunFormat = PLAIN, *, deleted: bool = False) -> str:
    """One ``w:r``; ``deleted`` writes the text as ``w:delText`` (inside a ``w:del``)."""
    return f"<w:r>{fmt.rpr_xml()}{text_xml(text, 'w:delText' if deleted else 'w:t')}</w:r>"


def ppr_xml(style_id: str | None, extra: str = "") -> str:
    """A ``w:pPr`` with the paragraph style (by id) and ``extra`` properties, or ''."""
    style = f'<w:pStyle w:val="{attr(style_id)}"/>' if style_id is not None else ""
    return f"<w:pPr>{style}{extra}</w:pPr>" if style or extra else ""


def paragraph_xml(inner: str = "", style_id: str | None = None, extra: str = "") -> str:
    """One ``w:p`` (without namespace declaration) around the runs ``inner``; ``extra`` holds
    paragraph properties after the style, e.g. ``<w:keepNext/>``."""
    return f"<w:p>{ppr_xml(style_id, extra)}{inner}</w:p>"


def parse(fragment: str) -> BaseOxmlElement:
    """Parse one element given without namespace declaration, e.g. ``<w:p>…</w:p>``."""
    return parse_xml(_ROOT_TAG.sub(rf"\g<0> {W_NS}", fragment, count=1))


def parse_children(fragments: str) -> list[BaseOxmlElement]:
    """Parse a sequence of sibling elements (e.g. runs or paragraphs) in one go."""
    return list(parse(f"<w:body>{fragments}</w:body>"))
