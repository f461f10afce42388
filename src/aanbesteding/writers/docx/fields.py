"""Word fields (TOC, PAGE, NUMPAGES) and the settings that make Word refresh them."""

from __future__ import annotations

from docx.document import Document as DocxDocument
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph

TOC_INSTRUCTION = 'TOC \\o "1-2" \\h \\z \\u'


def _field_char(paragraph: Paragraph, kind: str, dirty: bool = False) -> None:
    run = paragraph.add_run()
    char = OxmlElement("w:fldChar")
    char.set(qn("w:fldCharType"), kind)
    if dirty:
        char.set(qn("w:dirty"), "true")
    run._r.append(char)


def _instruction(paragraph: Paragraph, instruction: str) -> None:
    run = paragraph.add_run()
    text = OxmlElement("w:instrText")
    text.set(qn("xml:space"), "preserve")
    text.text = f" {instruction} "
    run._r.append(text)


def add_simple_field(paragraph: Paragraph, instruction: str, cached: str) -> None:
    """Append a field such as ``PAGE`` with ``cached`` as its last computed result."""
    _field_char(paragraph, "begin")
    _instruction(paragraph, instruction)
    _field_char(paragraph, "separate")
    paragraph.add_run(cached)
    _field_char(paragraph, "end")


def add_toc(placeholder: Paragraph, entries: list[tuple[int, str]]) -> None:
    """Turn ``placeholder`` into a TOC field whose cached result lists ``entries``.

    The cached entries (level, text) make the contents visible in clients that do not
    refresh fields; Word rebuilds them, with page numbers, when the document opens.
    """
    first = placeholder
    first.style = "toc 1"
    _field_char(first, "begin", dirty=True)
    _instruction(first, TOC_INSTRUCTION)
    _field_char(first, "separate")
    if not entries:
        first.add_run("Werk de inhoudsopgave bij (F9).")
        _field_char(first, "end")
        return
    level, text = entries[0]
    first.style = f"toc {min(level, 2)}"
    first.add_run(text)
    last = first
    for level, text in entries[1:]:
        paragraph = Paragraph(OxmlElement("w:p"), first._parent)
        last._p.addnext(paragraph._p)
        paragraph.style = f"toc {min(level, 2)}"
        paragraph.add_run(text)
        last = paragraph
    _field_char(last, "end")


def update_fields_on_open(doc: DocxDocument) -> None:
    """Ask Word to refresh all fields (the TOC's page numbers) when the document opens."""
    settings = doc.settings.element
    element = settings.find(qn("w:updateFields"))
    if element is None:
        element = OxmlElement("w:updateFields")
        # Word validates element order in settings.xml: insert before the first successor.
        successor = next((child for child in settings
                          if child.tag.rpartition("}")[2] in _SETTINGS_AFTER_UPDATE_FIELDS), None)
        if successor is not None:
            successor.addprevious(element)
        else:
            settings.append(element)
    element.set(qn("w:val"), "true")


_SETTINGS_AFTER_UPDATE_FIELDS = frozenset({
    "hdrShapeDefaults", "footnotePr", "endnotePr", "compat", "docVars", "rsids", "mathPr",
    "attachedSchema", "themeFontLang", "clrSchemeMapping", "doNotIncludeSubdocsInStats",
    "doNotAutoCompressPictures", "forceUpgrade", "captions", "readModeInkLockDown",
    "smartTagType", "schemaLibrary", "shapeDefaults", "doNotEmbedSmartTags", "decimalSymbol",
    "listSeparator",
})
