"""Run by LibreOffice's Python (``/usr/bin/python3`` with python3-uno), never imported.

Usage: uno_pdf.py IN.docx OUT.pdf [START_TIMEOUT]

Starts a private headless LibreOffice, opens IN.docx, updates every index (the table of
contents) twice so its page numbers are final, exports OUT.pdf and prints the table of
contents as JSON lines ``[text, page]`` on stdout. Exit 3: LibreOffice did not start or
answer within START_TIMEOUT seconds; exit 4: the document could not be converted. LibreOffice
runs in this process's group; the caller ends the group afterwards, so no soffice.bin outlives
a bridge that gave up.
"""

import contextlib
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from typing import Any

import uno  # type: ignore[import-not-found]
from com.sun.star.beans import PropertyValue  # type: ignore[import-not-found]
from com.sun.star.connection import NoConnectException  # type: ignore[import-not-found]


def _prop(name: str, value: object) -> object:
    prop = PropertyValue()
    prop.Name = name
    prop.Value = value
    return prop


def _connect(pipe: str, proc: "subprocess.Popen[bytes]", seconds: float) -> Any:
    """The component context of the LibreOffice started as ``proc``, waiting at most
    ``seconds`` for it to accept; exit 3 when it does not (the caller ends its process group)."""
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline and proc.poll() is None:
        try:
            return resolver.resolve(f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext")
        except NoConnectException:
            time.sleep(0.1)
    sys.stderr.write("LibreOffice reageert niet\n")
    sys.exit(3)


# PDF export filter options (writer_pdf_Export FilterData): a tagged PDF/A-2b that is also
# marked PDF/UA, with the document title shown, the bookmarks panel open on every level.
# Not ExportBookmarksToPDFDestination: it exports LibreOffice's own random reference marks as
# named destinations, so the same document would not give the same bytes.
PDF_OPTIONS = (
    ("SelectPdfVersion", 2),  # PDF/A-2b: fonts embedded, XMP metadata, no transparency issues
    ("UseTaggedPDF", True),  # structure tree: H1/H2, P, L/LI, Table/TR/TH/TD, TOC
    ("PDFUACompliance", True),  # PDF/UA-1 identification and checks (alt text, headings)
    ("ExportBookmarks", True),  # headings as outline (bookmarks)
    ("OpenBookmarkLevels", 2),  # chapters and items open; the sub-headings folded under them
    ("InitialView", 1),  # open with the bookmarks panel (PageMode /UseOutlines)
    ("DisplayPDFDocumentTitle", True),  # window title = document title, not the file name
    ("ExportNotes", False),
    ("UseLosslessCompression", True),
)
_CORE = "docProps/core.xml"
_KEYWORDS = "{http://schemas.openxmlformats.org/package/2006/metadata/core-properties}keywords"


def _export_options() -> tuple[object, ...]:
    """``storeToURL`` arguments for the tagged PDF/A export."""
    data = tuple(_prop(name, value) for name, value in PDF_OPTIONS)
    return (
        _prop("FilterName", "writer_pdf_Export"),
        _prop("FilterData", uno.Any("[]com.sun.star.beans.PropertyValue", data)),
    )


def _keep_keywords(doc: Any, source: str) -> None:
    """Give the document its keywords as the .docx lists them (comma separated).

    LibreOffice's Word import splits ``cp:keywords`` at every space, so the PDF would say
    "digitale, soevereiniteit, …"; set the phrases again before the export.
    """
    import xml.etree.ElementTree as ET
    import zipfile

    try:
        with zipfile.ZipFile(source) as package:
            root = ET.fromstring(package.read(_CORE))
    except (KeyError, OSError, zipfile.BadZipFile, ET.ParseError):
        return
    element = root.find(_KEYWORDS)
    if element is None or not (element.text or "").strip():
        return
    phrases = tuple(p.strip() for p in (element.text or "").split(",") if p.strip())
    doc.getDocumentProperties().Keywords = uno.Any("[]string", phrases)


def main() -> None:
    # The caller ends this process group with SIGTERM when it stops waiting: clean up first.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(5))
    source, target = (os.path.abspath(a) for a in sys.argv[1:3])
    start_timeout = float(sys.argv[3]) if len(sys.argv) > 3 else 120.0
    profile = tempfile.mkdtemp(prefix="aanbesteding-lo-")
    pipe = f"aanbesteding-{os.getpid()}"
    soffice = shutil.which("soffice") or "soffice"
    proc = subprocess.Popen(
        [
            soffice,
            "--headless",
            "--invisible",
            "--norestore",
            "--nologo",
            "--nodefault",
            "--nolockcheck",
            f"-env:UserInstallation={uno.systemPathToFileUrl(profile)}",
            f"--accept=pipe,name={pipe};urp;StarOffice.ComponentContext",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    done = False
    try:
        ctx = _connect(pipe, proc, start_timeout)
        desktop = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
        doc = desktop.loadComponentFromURL(uno.systemPathToFileUrl(source), "_blank", 0, (_prop("Hidden", True),))
        if doc is None:
            sys.stderr.write("het document kan niet worden geopend\n")
            sys.exit(4)
        indexes = doc.getDocumentIndexes()
        for _ in range(2):  # the second pass settles page numbers moved by the first
            for i in range(indexes.getCount()):
                indexes.getByIndex(i).update()
            doc.getTextFields().refresh()
        _keep_keywords(doc, source)
        uno.invoke(doc, "storeToURL", (uno.systemPathToFileUrl(target), _export_options()))
        for i in range(indexes.getCount()):
            for line in indexes.getByIndex(i).getAnchor().getString().splitlines():
                text, _, page = line.rpartition("\t")
                if text and page.strip().isdigit():
                    print(json.dumps([text, int(page)], ensure_ascii=False))
        doc.close(True)
        with contextlib.suppress(Exception):  # the bridge drops while LibreOffice quits
            desktop.terminate()
        done = True
    finally:
        if not done:  # gave up, failed or was told to stop: no waiting for a LibreOffice that hangs
            proc.kill()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
        shutil.rmtree(profile, ignore_errors=True)


if __name__ == "__main__":
    main()
