"""A reusable, fast Word writer on top of python-docx (annex now; review and redline later).

python-docx stays in charge of the package (parts, styles, sections, properties, saving);
the body is written as WordprocessingML strings parsed once per paragraph or table, and
style names are resolved to style ids once per document.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from collections.abc import Sequence
from pathlib import Path
from typing import cast

import docx
from docx.document import Document as DocxDocument
from docx.opc.exceptions import PackageNotFoundError
from docx.oxml.ns import qn
from docx.oxml.table import CT_Tbl
from docx.oxml.text.paragraph import CT_P
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.shared import Emu
from docx.table import Table
from docx.text.paragraph import Paragraph

from aanbesteding.errors import DocumentTemplateError
from aanbesteding.support.files import MAX_TEMPLATE, read_regular
from aanbesteding.support.output import os_reason
from aanbesteding.support.resources import templates_path
from aanbesteding.writers.docx.fields import add_toc
from aanbesteding.writers.docx.ooxml import (
    PLAIN,
    RunFormat,
    paragraph_xml,
    parse,
    parse_children,
    run_xml,
)
from aanbesteding.writers.docx.revisions import deleted_xml, inserted_xml
from aanbesteding.writers.docx.styles import AFTER_TABLE, ensure_styles
from aanbesteding.writers.docx.tables import TableLook, table_xml, twips_cm
from aanbesteding.writers.docx.template import sanitised_template

DEFAULT_TEMPLATE = "basis.docx"
TOC_STYLES = ("toc 1", "toc 2")
TOC_LEVELS = 2  # headings 1-2 are listed (TOC \\o "1-2"); heading 3 is a sub-heading only
DEFAULT_LOOK = TableLook()

Part = tuple[str, RunFormat]
"""A piece of a paragraph: text and its character formatting."""


def open_base(template: Path | None) -> DocxDocument:
    """Open the base document (default or house style) with an empty body.

    Raises DocumentTemplateError when the file is missing or is not a Word document.
    """
    path = template or templates_path() / DEFAULT_TEMPLATE
    if not path.exists():
        raise DocumentTemplateError(f"sjabloon {path} bestaat niet")
    try:
        if template is None:
            doc = docx.Document(str(path))
        else:  # someone's house style: only styles, layout, headers and footers come along
            data = read_regular(path, MAX_TEMPLATE)
            doc = docx.Document(io.BytesIO(sanitised_template(path, data)))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise DocumentTemplateError(
            f"sjabloon {path} is geen Word-document (.docx); sla het op als .docx ({exc})"
        ) from exc
    except SyntaxError as exc:  # lxml's XMLSyntaxError: a damaged part inside the package
        raise DocumentTemplateError(
            f"sjabloon {path} is beschadigd: een onderdeel is geen geldige XML (regel {exc.lineno}); "
            "open het in Word en sla het opnieuw op als .docx"
        ) from exc
    except OSError as exc:
        raise DocumentTemplateError(f"sjabloon {path} kan niet worden gelezen ({os_reason(exc)})") from exc
    body = doc.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)
    ensure_styles(doc)
    return doc


class StyleMap:
    """Style name -> style id, each name looked up once (python-docx searches every time)."""

    def __init__(self, doc: DocxDocument) -> None:
        self._doc = doc
        self._ids: dict[str, str] = {}

    def __getitem__(self, name: str) -> str:
        """The id of the style called ``name`` (UI names such as "Heading 1" work too).

        Raises KeyError when the document has no such style.
        """
        try:
            return self._ids[name]
        except KeyError:
            style_id: str = self._doc.styles[name].style_id
            self._ids[name] = style_id
            return style_id


class DocxWriter:
    """Appends paragraphs, headings, tables and tracked changes to a document's body.

    It remembers the headings it wrote, for :meth:`table_of_contents`.
    """

    def __init__(self, doc: DocxDocument) -> None:
        self.doc = doc
        self.styles = StyleMap(doc)
        self.headings: list[tuple[int, str, str | None]] = []  # level, text, bookmark
        self._body = doc.element.body
        self._end = self._body.find(qn("w:sectPr"))  # body content goes before the sectPr
        self._block_width: int | None = None
        self._revision = 0
        self._after_table = False  # the last body element is a table
        self._break_before = False  # the next paragraph starts a new page

    @classmethod
    def open(cls, template: Path | None = None) -> DocxWriter:
        """A writer on the base document (see :func:`open_base`)."""
        return cls(open_base(template))

    # -- body elements -------------------------------------------------------------------

    def _append(self, element: BaseOxmlElement) -> None:
        self._after_table = element.tag == qn("w:tbl")
        if self._end is not None:
            self._end.addprevious(element)
        else:
            self._body.append(element)

    def _style_id(self, style: str | None) -> str | None:
        return None if style is None else self.styles[style]

    def paragraph_xml(self, inner: str = "", style: str | None = None, keep_with_next: bool = False) -> Paragraph:
        """Append a paragraph whose content is the XML ``inner`` (runs, ``w:ins``, ``w:del``…).

        A body-text paragraph right after a table takes the style "Na Tabel" (space before),
        so no empty paragraph is needed to separate them.
        """
        extra = "<w:keepNext/>" if keep_with_next else ""
        if self._break_before:
            extra += "<w:pageBreakBefore/>"
            self._break_before = False
        if style is None and self._after_table:
            style = AFTER_TABLE
        p = cast(CT_P, parse(paragraph_xml(inner, self._style_id(style), extra)))
        self._append(p)
        return Paragraph(p, self.doc)

    def paragraph(self, text: str = "", style: str | None = None) -> Paragraph:
        """Append a paragraph with ``text`` as one plain run (no run when ``text`` is empty)."""
        return self.paragraph_xml(run_xml(text) if text else "", style)

    def rich_paragraph(
        self, parts: Sequence[Part], style: str | None = None, keep_with_next: bool = False
    ) -> Paragraph:
        """Append a paragraph with one run per (text, format) part."""
        return self.paragraph_xml("".join(run_xml(text, fmt) for text, fmt in parts), style, keep_with_next)

    def add_run(self, paragraph: Paragraph, text: str, fmt: RunFormat = PLAIN) -> None:
        """Append a run to ``paragraph``."""
        paragraph._p.append(parse(run_xml(text, fmt)))

    def heading(self, level: int, text: str, style: str | None = None) -> Paragraph:
        """Append a heading (style "Heading <level>" unless given) and remember it.

        A heading the table of contents lists gets a ``_Toc`` bookmark, the target of its
        entry's internal link.
        """
        if level > TOC_LEVELS:
            return self.paragraph(text, style or f"Heading {level}")
        anchor = f"_Toc{len(self.headings) + 1:09d}"
        mark = self._next_revision()  # bookmark ids share one sequence with revisions
        inner = (
            f'<w:bookmarkStart w:id="{mark}" w:name="{anchor}"/>'
            f'{run_xml(text) if text else ""}<w:bookmarkEnd w:id="{mark}"/>'
        )
        paragraph = self.paragraph_xml(inner, style or f"Heading {level}")
        self.headings.append((level, text, anchor))
        return paragraph

    def bullets(self, items: Sequence[str], style: str = "List Bullet") -> None:
        """Append one paragraph per item in the bullet style."""
        style_id = self.styles[style]
        xml = "".join(paragraph_xml(run_xml(item) if item else "", style_id) for item in items)
        for p in parse_children(xml):
            self._append(p)

    def page_break(self) -> None:
        """Append a paragraph holding a page break."""
        self.paragraph_xml('<w:r><w:br w:type="page"/></w:r>')

    def new_page(self) -> None:
        """Start the next paragraph on a new page (``w:pageBreakBefore``: no empty paragraph)."""
        self._break_before = True

    def table_of_contents(self, placeholder: Paragraph, styles: Sequence[str] = TOC_STYLES) -> None:
        """Fill ``placeholder`` with a TOC field listing the headings written so far."""
        add_toc(placeholder, self.headings, [self.styles[name] for name in styles])

    # -- tables --------------------------------------------------------------------------

    def block_width(self) -> int:
        """Width between the margins of the last section, in EMU (as python-docx computes it)."""
        if self._block_width is None:
            self._block_width = int(self.doc._block_width)
        return self._block_width

    def table(
        self,
        headers: Sequence[str] | None,
        rows: Sequence[Sequence[str]],
        widths_cm: Sequence[float] | None = None,
        look: TableLook = DEFAULT_LOOK,
    ) -> Table:
        """Append a table: a header row (None: none) and body rows of plain text.

        With ``widths_cm`` the columns get those widths and autofit is off; without, the
        columns share the block width equally. The whole table is parsed in one go.
        """
        if widths_cm:
            widths = [twips_cm(width) for width in widths_cm]
        else:
            columns = len(headers) if headers is not None else len(rows[0]) if rows else 0
            widths = [Emu(self.block_width() // max(columns, 1)).twips] * columns
        if not widths:
            raise ValueError("een tabel heeft minstens één kolom nodig")
        style_id = None if look.style is None else self.styles[look.style]
        if self._after_table:  # Word joins adjacent tables into one: keep them apart
            self.paragraph_xml("", AFTER_TABLE)
        tbl = cast(CT_Tbl, parse(table_xml(headers, rows, widths, look, style_id, fixed=bool(widths_cm))))
        self._append(tbl)
        return Table(tbl, self.doc)

    # -- tracked changes -----------------------------------------------------------------

    def _next_revision(self) -> int:
        self._revision += 1
        return self._revision

    def insertion(self, text: str, author: str, date: dt.datetime | dt.date, fmt: RunFormat = PLAIN) -> str:
        """XML of an inserted run (tracked change) with a fresh revision id."""
        return inserted_xml(text, rev_id=self._next_revision(), author=author, date=date, fmt=fmt)

    def deletion(self, text: str, author: str, date: dt.datetime | dt.date, fmt: RunFormat = PLAIN) -> str:
        """XML of a deleted run (tracked change, ``w:delText``) with a fresh revision id."""
        return deleted_xml(text, rev_id=self._next_revision(), author=author, date=date, fmt=fmt)
