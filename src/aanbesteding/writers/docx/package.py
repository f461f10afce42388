"""Package hygiene for every .docx the tool writes: valid, Dutch settings and honest properties.

A base document (python-docx's default template, or a house style saved by Word) carries
leftovers that do not describe the generated file: a blank thumbnail, a bibliography part,
"Microsoft Macintosh Word" as application, en-US as theme language with "." as decimal
separator, and ``<w:zoom w:val="bestFit"/>`` without the ``w:percent`` that ECMA-376 requires.
:func:`clean_package` fixes them all, just before saving.
"""

from __future__ import annotations

from docx.document import Document as DocxDocument
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement

LANGUAGE = "nl-NL"
ZOOM_PERCENT = "100"
# docProps/app.xml: what wrote the file, nothing inherited from the base document.
APP_XML = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" '
    'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
    "<Application>aanbesteding</Application><DocSecurity>0</DocSecurity>"
    "<ScaleCrop>false</ScaleCrop><LinksUpToDate>false</LinksUpToDate>"
    "<SharedDoc>false</SharedDoc><HyperlinksChanged>false</HyperlinksChanged>"
    "</Properties>"
)
_DROPPED_PACKAGE_RELS = frozenset({RT.THUMBNAIL})
_DROPPED_DOCUMENT_RELS = frozenset({RT.CUSTOM_XML})
# Settings children in schema order that come after w:zoom (for inserting one).
_ZOOM_SUCCESSORS = frozenset(
    {
        "removePersonalInformation",
        "removeDateAndTime",
        "doNotDisplayPageBoundaries",
        "displayBackgroundShape",
        "printPostScriptOverText",
        "printFractionalCharacterWidth",
        "printFormsData",
        "embedTrueTypeFonts",
        "embedSystemFonts",
        "saveSubsetFonts",
        "saveFormsData",
        "mirrorMargins",
        "alignBordersAndEdges",
        "bordersDoNotSurroundHeader",
        "bordersDoNotSurroundFooter",
        "gutterAtTop",
        "hideSpellingErrors",
        "hideGrammaticalErrors",
        "activeWritingStyle",
        "proofState",
        "formsDesign",
        "attachedTemplate",
        "linkStyles",
        "stylePaneFormatFilter",
        "stylePaneSortMethod",
        "documentType",
        "mailMerge",
        "revisionView",
        "trackRevisions",
        "doNotTrackMoves",
        "doNotTrackFormatting",
        "documentProtection",
        "autoFormatOverride",
        "styleLockTheme",
        "styleLockQFSet",
        "defaultTabStop",
    }
)


def _child(settings: BaseOxmlElement, name: str) -> BaseOxmlElement | None:
    found: BaseOxmlElement | None = settings.find(qn(f"w:{name}"))
    return found


def _fix_settings(settings: BaseOxmlElement) -> None:
    zoom = _child(settings, "zoom")
    if zoom is None:
        zoom = OxmlElement("w:zoom")
        successor = next((c for c in settings if c.tag.rpartition("}")[2] in _ZOOM_SUCCESSORS), None)
        if successor is not None:
            successor.addprevious(zoom)
        else:
            settings.insert(0, zoom)
    zoom.set(qn("w:percent"), ZOOM_PERCENT)  # required by ECMA-376 (CT_Zoom)
    preview = _child(settings, "savePreviewPicture")
    if preview is not None:  # no thumbnail: do not ask Word to store one
        settings.remove(preview)
    lang = _child(settings, "themeFontLang")
    if lang is not None:
        lang.set(qn("w:val"), LANGUAGE)
        for name in ("w:eastAsia", "w:bidi"):
            lang.attrib.pop(qn(name), None)
    for name, value in (("decimalSymbol", ","), ("listSeparator", ";")):
        element = _child(settings, name)
        if element is not None:
            element.set(qn("w:val"), value)


def _drop_relationships(rels: dict[str, object], types: frozenset[str]) -> None:
    for r_id in [r_id for r_id, rel in rels.items() if getattr(rel, "reltype", None) in types]:
        del rels[r_id]


def clean_package(doc: DocxDocument) -> None:
    """Make ``doc`` describe itself: see the module docstring. Call just before saving."""
    _fix_settings(doc.settings.element)
    package = doc.part.package
    _drop_relationships(package.rels, _DROPPED_PACKAGE_RELS)
    _drop_relationships(doc.part.rels, _DROPPED_DOCUMENT_RELS)
    for rel in package.rels.values():
        if rel.reltype == RT.EXTENDED_PROPERTIES and not rel.is_external:
            rel.target_part._blob = APP_XML.encode("utf-8")
