"""A house-style template (``--sjabloon``) reduced to what it may contribute: styles, page
layout, headers and footers, the theme and fonts.

The bijlage goes to every bidder, so nothing else of the template may travel with it: its
body text and images, comments, custom and extended properties (author, company, template
name), document variables, mail-merge sources, an attached (possibly remote) template,
macros, ActiveX, embedded objects, customXml, the glossary, thumbnails and every external
relationship. The package is rebuilt from an allow-list: only parts reachable through an
allowed relationship are kept, and an element that pointed at a dropped part goes with it
(a hyperlink keeps its text). A field in a header or footer that fetches content from
elsewhere (INCLUDEPICTURE, INCLUDETEXT, LINK, DDE...) makes the template refused.
"""

from __future__ import annotations

import io
import posixpath
import re
import zipfile
from pathlib import Path

from lxml import etree  # type: ignore[import-untyped]  # python-docx's own XML library

from aanbesteding.errors import DocumentTemplateError

MAX_MEMBERS = 1_000
MAX_UNPACKED = 200_000_000  # bytes, all parts together: a zip bomb is refused, not unpacked

_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
_CT = "http://schemas.openxmlformats.org/package/2006/content-types"
_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_W_ = f"{{{_W}}}"

# Relationship types (the last part of the Type URL) a house style may use, per kind of source.
_ALLOWED = {
    "officeDocument",
    "core-properties",
    "styles",
    "stylesWithEffects",
    "numbering",
    "settings",
    "webSettings",
    "fontTable",
    "theme",
    "header",
    "footer",
    "footnotes",
    "endnotes",
    "image",
    "font",
}
_EXPLICIT = {"image", "header", "footer", "font"}  # kept only while the source refers to them
# Left out on purpose: comments*, people, custom-properties, extended-properties, vbaProject,
# vbaData, keyMapCustomizations, glossaryDocument, customXml, attachedTemplate,
# mailMergeSource, oleObject, package, control, activeXControl*, thumbnail, hyperlink (external).

# Body-level and settings elements that carry the template's content or a link elsewhere.
_SETTINGS_DROPPED = (
    "attachedTemplate",
    "docVars",
    "mailMerge",
    "saveThroughXslt",
    "linkStyles",
    "recipientData",
    "documentProtection",
    "writeProtection",
    "rsids",
)
_COMMENT_MARKS = ("commentRangeStart", "commentRangeEnd", "commentReference")
_REMOTE_FIELD = re.compile(
    r"^\s*(INCLUDEPICTURE|INCLUDETEXT|LINK|DDE|DDEAUTO|IMPORT|DATABASE|"
    r"HYPERLINK|INCLUDE|AUTOTEXT|GLOSSARY|MACROBUTTON)\b",
    re.I,
)
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, remove_blank_text=False)

_CORE = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    b'<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/'
    b'core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://'
    b'purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"/>'
)


def _serialised(root: etree._Element) -> bytes:
    return bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True))


def _kind(rel_type: str) -> str:
    return rel_type.rstrip("/").rsplit("/", 1)[-1]


def _rels_name(part: str) -> str:
    folder, name = posixpath.split(part)
    return posixpath.join(folder, "_rels", f"{name}.rels")


def _target(source: str, target: str) -> str:
    if target.startswith("/"):
        return target.lstrip("/")
    return posixpath.normpath(posixpath.join(posixpath.dirname(source), target))


class _Package:
    def __init__(self, path: Path, data: bytes) -> None:
        self.path = path
        try:
            archive = zipfile.ZipFile(io.BytesIO(data))
        except zipfile.BadZipFile as exc:
            raise DocumentTemplateError(
                f"sjabloon {path} is geen Word-document (.docx); sla het op als .docx ({exc})"
            ) from exc
        infos = archive.infolist()
        if len(infos) > MAX_MEMBERS or sum(i.file_size for i in infos) > MAX_UNPACKED:
            raise DocumentTemplateError(
                f"sjabloon {path} is uitgepakt te groot of bevat te veel "
                "onderdelen; gebruik een gewoon Word-document als huisstijl"
            )
        self.parts = {i.filename: archive.read(i) for i in infos if not i.is_dir()}
        self.kept: dict[str, bytes] = {}
        self.types: set[str] = set()

    def xml(self, name: str) -> etree._Element:
        return etree.fromstring(self.parts[name], _PARSER)

    def walk(self, source: str) -> None:
        """Keep ``source`` (already in ``kept``) and the allowed parts it points at, recursively.

        A relationship to a picture, header, footer or font is kept only while ``source``
        still refers to it (the template's body, and what only the body used, are gone).
        """
        rels_name = _rels_name(source) if source else "_rels/.rels"
        if rels_name not in self.parts:
            return
        rels = self.xml(rels_name)
        used = _references(self.kept[source]) if source.endswith(".xml") else set()
        dropped: set[str] = set()
        for rel in list(rels):
            kind = _kind(rel.get("Type", ""))
            target = _target(source, rel.get("Target", ""))
            if (
                rel.get("TargetMode") == "External"
                or kind not in _ALLOWED
                or target not in self.parts
                or (kind in _EXPLICIT and rel.get("Id") not in used)
            ):
                dropped.add(rel.get("Id", ""))
                rels.remove(rel)
                continue
            if target not in self.kept:
                self.kept[target] = self.parts[target]
                self.walk(target)
        self.kept[rels_name] = _serialised(rels)
        if dropped & used:
            self.kept[source] = _without_references(etree.fromstring(self.kept[source], _PARSER), dropped)


def _references(data: bytes) -> set[str]:
    """Every relationship id a part refers to (any attribute in the relationships namespace)."""
    root = etree.fromstring(data, _PARSER)
    return {value for element in root.iter() for name, value in element.attrib.items() if name.startswith(f"{{{_R}}}")}


def _without_references(root: etree._Element, dropped: set[str]) -> bytes:
    """The part with every element that refers to a dropped relationship removed (a hyperlink
    is unwrapped, keeping its text; a linked picture loses the link, keeps the embedded copy)."""
    for element in list(root.iter()):
        for name, value in list(element.attrib.items()):
            if not name.startswith(f"{{{_R}}}") or value not in dropped:
                continue
            if name == f"{{{_R}}}link" and element.get(f"{{{_R}}}embed"):
                del element.attrib[name]
            elif element.tag == f"{_W_}hyperlink":
                _unwrap(element)
            else:
                _remove(_container(element))
            break
    return _serialised(root)


def _container(element: etree._Element) -> etree._Element:
    """The drawing, picture or object an element belongs to, or the element itself."""
    node: etree._Element | None = element
    while node is not None:
        if node.tag in (f"{_W_}drawing", f"{_W_}pict", f"{_W_}object"):
            return node
        node = node.getparent()
    return element


def _remove(element: etree._Element) -> None:
    parent = element.getparent()
    if parent is not None:
        parent.remove(element)


def _unwrap(element: etree._Element) -> None:
    parent = element.getparent()
    if parent is None:
        return
    index = parent.index(element)
    for child in list(element):
        parent.insert(index, child)
        index += 1
    parent.remove(element)


def _clean_story(data: bytes, path: Path, where: str) -> bytes:
    """A header, footer or note without comments, tracked changes or remote fields."""
    root = etree.fromstring(data, _PARSER)
    for element in list(root.iter(*(f"{_W_}{t}" for t in _COMMENT_MARKS), f"{_W_}del")):
        _remove(element)
    for element in list(root.iter(f"{_W_}ins")):
        _unwrap(element)
    instructions = [e.text or "" for e in root.iter(f"{_W_}instrText")] + [
        e.get(f"{_W_}instr", "") for e in root.iter(f"{_W_}fldSimple")
    ]
    remote = next((i for i in instructions if _REMOTE_FIELD.match(i)), None)
    if remote is not None:
        raise DocumentTemplateError(
            f"sjabloon {path}: {where} bevat het veld {remote.split()[0].upper()}, dat inhoud van "
            "buiten het document haalt; verwijder dat veld uit de huisstijl"
        )
    return _serialised(root)


def _clean_document(data: bytes) -> bytes:
    """The main part with an empty body: only the last section's layout stays."""
    root = etree.fromstring(data, _PARSER)
    body = root.find(f"{_W_}body")
    if body is not None:
        for child in list(body):
            if child.tag != f"{_W_}sectPr":
                body.remove(child)
    return _serialised(root)


def _clean_settings(data: bytes) -> bytes:
    root = etree.fromstring(data, _PARSER)
    for name in _SETTINGS_DROPPED:
        for element in list(root.iter(f"{_W_}{name}")):
            _remove(element)
    return _serialised(root)


def sanitised_template(path: Path, data: bytes) -> bytes:
    """The .docx bytes of house style ``path`` (contents ``data``) reduced to what a house style
    contributes (see the module). Raises DocumentTemplateError (not a package, too large when
    unpacked, a remote field) or lxml's XMLSyntaxError (a damaged part)."""
    package = _Package(path, data)
    if "[Content_Types].xml" not in package.parts:
        raise DocumentTemplateError(f"sjabloon {path} is geen Word-document (.docx); sla het op als .docx")
    main = _main_part(package)
    # The body goes first, so the parts only the body used are no longer referenced.
    package.parts[main] = _clean_document(package.parts[main])
    package.kept[main] = package.parts[main]
    package.walk(main)
    package.walk("")
    for name in list(package.kept):
        kind = _story_kind(package, name)
        if kind is not None:
            package.kept[name] = _clean_story(package.kept[name], path, kind)
        elif name.endswith("/settings.xml"):
            package.kept[name] = _clean_settings(package.kept[name])
    for name in [n for n in package.kept if n.endswith("core.xml") and n.startswith("docProps/")]:
        package.kept[name] = _CORE
    package.kept["[Content_Types].xml"] = _content_types(package)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        target.writestr("[Content_Types].xml", package.kept.pop("[Content_Types].xml"))
        for name in sorted(package.kept):
            target.writestr(name, package.kept[name])
    return out.getvalue()


def _main_part(package: _Package) -> str:
    rels = package.xml("_rels/.rels") if "_rels/.rels" in package.parts else None
    for rel in rels if rels is not None else []:
        if _kind(rel.get("Type", "")) == "officeDocument":
            target = _target("", rel.get("Target", ""))
            if target in package.parts:
                return target
    raise DocumentTemplateError(f"sjabloon {package.path} is geen Word-document (.docx); sla het op als .docx")


def _story_kind(package: _Package, name: str) -> str | None:
    base = posixpath.basename(name)
    for prefix, label in (
        ("header", "een koptekst"),
        ("footer", "een voettekst"),
        ("footnotes", "een voetnoot"),
        ("endnotes", "een eindnoot"),
    ):
        if base.startswith(prefix) and base.endswith(".xml"):
            return label
    return None


def _content_types(package: _Package) -> bytes:
    root = etree.fromstring(package.parts["[Content_Types].xml"], _PARSER)
    for override in list(root.iter(f"{{{_CT}}}Override")):
        if override.get("PartName", "").lstrip("/") not in package.kept:
            root.remove(override)
    return _serialised(root)
