"""Word fields (TOC, PAGE, NUMPAGES) and the settings that make Word refresh them."""

from __future__ import annotations

from collections.abc import Sequence

from docx.document import Document as DocxDocument
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph

from aanbesteding.writers.docx.ooxml import (
    attr,
    escape_text,
    paragraph_xml,
    parse_children,
    run_xml,
)

TOC_INSTRUCTION = 'TOC \\o "1-2" \\h \\z \\u'
TOC_EMPTY = "Werk de inhoudsopgave bij (F9)."


def _field_char(kind: str, dirty: bool = False) -> str:
    flag = ' w:dirty="true"' if dirty else ""
    return f'<w:r><w:fldChar w:fldCharType="{kind}"{flag}/></w:r>'


def _instruction(instruction: str) -> str:
    return f'<w:r><w:instrText xml:space="preserve"> {escape_text(instruction)} </w:instrText></w:r>'


def simple_field_xml(instruction: str, cached: str) -> str:
    """Runs of a field such as ``PAGE`` with ``cached`` as its last computed result."""
    return (
        _field_char("begin")
        + _instruction(instruction)
        + _field_char("separate")
        + run_xml(cached)
        + _field_char("end")
    )


def _append_runs(paragraph: Paragraph, runs: str) -> None:
    paragraph._p.extend(parse_children(runs))


def add_simple_field(paragraph: Paragraph, instruction: str, cached: str) -> None:
    """Append a field such as ``PAGE`` with ``cached`` as its last computed result."""
    _append_runs(paragraph, simple_field_xml(instruction, cached))


def toc_link_xml(text: str, anchor: str | None) -> str:
    """A TOC entry's runs: a hyperlink to the heading's bookmark ``anchor`` (as Word writes
    them with ``\\h``), or a plain run without anchor."""
    if anchor is None:
        return run_xml(text)
    return f'<w:hyperlink w:anchor="{attr(anchor)}" w:history="1">{run_xml(text)}</w:hyperlink>'


def add_toc(placeholder: Paragraph, entries: Sequence[tuple[int, str, str | None]], style_ids: Sequence[str]) -> None:
    """Turn ``placeholder`` into a TOC field whose cached result lists ``entries``.

    The cached entries (level, text, bookmark) make the contents visible, as internal links,
    in clients that do not refresh fields; Word rebuilds them when asked (F9).
    ``style_ids`` are the paragraph style ids of the TOC levels (``toc1``, ``toc2``, …);
    deeper entries take the last one.
    """
    begin = _field_char("begin", dirty=True) + _instruction(TOC_INSTRUCTION) + _field_char("separate")
    if not entries:
        placeholder._p.style = style_ids[0]
        _append_runs(placeholder, begin + run_xml(TOC_EMPTY) + _field_char("end"))
        return
    styles = [style_ids[max(1, min(level, len(style_ids))) - 1] for level, _, _ in entries]
    runs = [toc_link_xml(text, anchor) for _, text, anchor in entries]
    runs[0] = begin + runs[0]
    runs[-1] += _field_char("end")
    placeholder._p.style = styles[0]
    _append_runs(placeholder, runs[0])
    last = placeholder._p
    for p in parse_children("".join(paragraph_xml(r, s) for r, s in zip(runs[1:], styles[1:], strict=True))):
        last.addnext(p)
        last = p


def update_fields_on_open(doc: DocxDocument) -> None:
    """Ask Word to refresh all fields (the TOC's page numbers) when the document opens."""
    settings = doc.settings.element
    element = settings.find(qn("w:updateFields"))
    if element is None:
        element = OxmlElement("w:updateFields")
        # Word validates element order in settings.xml: insert before the first successor.
        successor = next(
            (child for child in settings if child.tag.rpartition("}")[2] in _SETTINGS_AFTER_UPDATE_FIELDS), None
        )
        if successor is not None:
            successor.addprevious(element)
        else:
            settings.append(element)
    element.set(qn("w:val"), "true")


_SETTINGS_AFTER_UPDATE_FIELDS = frozenset(
    {
        "hdrShapeDefaults",
        "footnotePr",
        "endnotePr",
        "compat",
        "docVars",
        "rsids",
        "mathPr",
        "attachedSchema",
        "themeFontLang",
        "clrSchemeMapping",
        "doNotIncludeSubdocsInStats",
        "doNotAutoCompressPictures",
        "forceUpgrade",
        "captions",
        "readModeInkLockDown",
        "smartTagType",
        "schemaLibrary",
        "shapeDefaults",
        "doNotEmbedSmartTags",
        "decimalSymbol",
        "listSeparator",
    }
)
