"""The Word annex as PDF through LibreOffice, with the table of contents filled in.

Converting a .docx with ``soffice --convert-to pdf`` leaves a table of contents without page
numbers: LibreOffice does not update indexes on conversion. ``uno_pdf.py`` therefore drives
LibreOffice through UNO (run by the system Python that has python3-uno), updates the index,
exports the PDF and reports the entries with their pages; :func:`fill_toc_pages` writes those
page numbers into the .docx's own table of contents as well.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import html
import io
import json
import os
import re
import shutil
import struct
import subprocess
import tempfile
import zipfile
import zlib
from collections.abc import Sequence
from pathlib import Path

from aanbesteding.compose.annex import Annex
from aanbesteding.errors import OutputError, Ref
from aanbesteding.support.output import normalize_zip

SCRIPT = Path(__file__).with_name("uno_pdf.py")
INSTALL_HINT = ("installeer LibreOffice met UNO-koppeling (Debian/Ubuntu: apt-get install "
                "libreoffice-writer-nogui python3-uno)")
TIMEOUT = 180


def uno_python() -> str | None:
    """A Python that can ``import uno`` (``AANBESTEDING_UNO_PYTHON`` or the system one)."""
    candidates = [os.environ.get("AANBESTEDING_UNO_PYTHON"), "/usr/bin/python3",
                  "/usr/lib/libreoffice/program/python"]
    for candidate in candidates:
        if not candidate or not Path(candidate).exists():
            continue
        probe = subprocess.run([candidate, "-c", "import uno"], capture_output=True, check=False)
        if probe.returncode == 0:
            return candidate
    return None


def pdf_available() -> str | None:
    """None when PDF export works here; otherwise the Dutch reason."""
    if shutil.which("soffice") is None:
        return f"LibreOffice (soffice) is niet gevonden; {INSTALL_HINT}"
    if uno_python() is None:
        return f"de UNO-koppeling van LibreOffice (python3-uno) ontbreekt; {INSTALL_HINT}"
    return None


def convert(docx: bytes) -> tuple[bytes, list[tuple[str, int]]]:
    """PDF bytes of ``docx`` and its table of contents as (text, page) entries.

    Raises OutputError in Dutch when LibreOffice or its UNO bridge is missing or fails.
    """
    reason = pdf_available()
    if reason:
        raise OutputError([f"PDF kan niet worden gemaakt: {reason} of laat ", Ref("pdf"), " weg"])
    python = uno_python()
    assert python is not None
    with tempfile.TemporaryDirectory(prefix="aanbesteding-pdf-") as work:
        source, target = Path(work, "bijlage.docx"), Path(work, "bijlage.pdf")
        source.write_bytes(docx)
        try:
            done = subprocess.run([python, str(SCRIPT), str(source), str(target)],
                                  capture_output=True, text=True, timeout=TIMEOUT, check=False)
        except subprocess.TimeoutExpired:
            raise OutputError(f"PDF kan niet worden gemaakt: LibreOffice antwoordde niet binnen "
                              f"{TIMEOUT} seconden") from None
        if done.returncode != 0 or not target.exists():
            detail = done.stderr.strip().splitlines()[-1:] or [f"exitcode {done.returncode}"]
            raise OutputError(f"PDF kan niet worden gemaakt: LibreOffice meldt: {detail[0]}")
        entries = [(str(text), int(page)) for text, page in
                   (json.loads(line) for line in done.stdout.splitlines() if line.startswith("["))]
        return target.read_bytes(), entries


_DATE = re.compile(rb"/(CreationDate|ModDate)\(D:(\d{14})")
_ID = re.compile(rb"/ID \[ <([0-9A-F]{32})>\s*<([0-9A-F]{32})> \]")
_CHECKSUM = re.compile(rb"/DocChecksum /[0-9A-F]{32}")


def stable_pdf(pdf: bytes, when: dt.date) -> bytes:
    """``pdf`` with its creation time set to ``when`` and its file id derived from its content,
    so the same annex gives the same bytes. Lengths stay equal, so offsets stay valid."""
    pdf = stable_icc(pdf, when)  # changes lengths, so first: it rewrites the offsets
    stamp = when.strftime("%Y%m%d").encode() + b"000000"
    pdf = _DATE.sub(lambda m: b"/" + m.group(1) + b"(D:" + stamp, pdf)
    pdf = stable_xmp(pdf, when)
    body = _CHECKSUM.sub(b"", _ID.sub(b"", pdf))
    digest = hashlib.md5(body, usedforsecurity=False).hexdigest().upper().encode()
    pdf = _CHECKSUM.sub(b"/DocChecksum /" + digest, pdf)
    return _ID.sub(lambda m: b"/ID [ <" + digest + b">\n<" + digest + b"> ]", pdf)


_XMP_DATE = re.compile(rb"<xmp:(CreateDate|ModifyDate|MetadataDate)>"
                       rb"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d")


def stable_xmp(pdf: bytes, when: dt.date) -> bytes:
    """``pdf`` with the dates in its XMP metadata (PDF/A) set to ``when`` at midnight, as in the
    document information dictionary: PDF/A requires the two to agree. Lengths stay equal."""
    stamp = when.strftime("%Y-%m-%d").encode() + b"T00:00:00"
    return _XMP_DATE.sub(lambda m: b"<xmp:" + m.group(1) + b">" + stamp, pdf)


_ICC = re.compile(rb"/N 3/Length (\d+) 0 R/Filter/FlateDecode>>\nstream\n")
_XREF_ENTRY = re.compile(rb"(\d{10}) (\d{5}) n")


def stable_icc(pdf: bytes, when: dt.date) -> bytes:
    """``pdf`` with the creation time in its embedded ICC colour profile (the PDF/A output
    intent, made afresh by LibreOffice on each export) set to ``when`` at midnight.

    The profile is compressed, so its length may change: the stream's length object, the
    cross-reference table and ``startxref`` are updated to match.
    """
    found = _ICC.search(pdf)
    if found is None:
        return pdf
    start = found.end()
    end = pdf.find(b"\nendstream", start)
    try:
        profile = bytearray(zlib.decompress(pdf[start:end]))
    except zlib.error:
        return pdf
    if end < 0 or len(profile) < 36:
        return pdf
    profile[24:36] = struct.pack(">6H", when.year, when.month, when.day, 0, 0, 0)
    packed = zlib.compress(bytes(profile), 6)
    shifts = [(start, len(packed) - (end - start))]
    pdf = pdf[:start] + packed + pdf[end:]
    length = re.compile(rb"\n" + found.group(1) + rb" 0 obj\n(\d+)\nendobj")
    held = length.search(pdf, start + len(packed))
    if held is None:
        return pdf
    number = str(len(packed)).encode()
    shifts.append((held.start(1), len(number) - len(held.group(1))))
    pdf = pdf[:held.start(1)] + number + pdf[held.end(1):]
    xref = pdf.rfind(b"\nxref\n")
    trailer = pdf.find(b"trailer", xref)
    if xref < 0 or trailer < 0:
        return pdf

    def moved(offset: int) -> int:
        return offset + sum(delta for where, delta in shifts if offset > where)

    table = _XREF_ENTRY.sub(lambda m: b"%010d %s n" % (moved(int(m.group(1))), m.group(2)),
                            pdf[xref:trailer])
    tail = re.sub(rb"startxref\n(\d+)", lambda m: b"startxref\n%d" % moved(int(m.group(1))),
                  pdf[trailer:])
    return pdf[:xref] + table + tail


_TOC_PARAGRAPH = re.compile(r'(<w:p><w:pPr><w:pStyle w:val="toc\d"/></w:pPr>)(.*?)(</w:p>)', re.S)
_UPDATE_FIELDS = re.compile(rb"<w:updateFields(?: [^>]*)?/>")
_TEXT = re.compile(r"<w:t(?: [^>]*)?>(.*?)</w:t>", re.S)


def fill_toc_pages(docx: bytes, entries: Sequence[tuple[str, int]], when: dt.date) -> bytes:
    """``docx`` with each cached table-of-contents line followed by a tab and its page.

    Lines are matched in order by text; a line LibreOffice did not report keeps no number.
    The contents is then up to date, so the request to refresh fields on opening (Word's
    "update fields?" prompt) and the field's dirty flag are removed.
    """
    pages = list(entries)
    missing: list[str] = []
    filled: list[int] = []

    def number(match: re.Match[str]) -> str:
        body = match.group(2)
        text = html.unescape("".join(_TEXT.findall(body)))
        while pages and pages[0][0] != text and text in (t for t, _ in pages):
            pages.pop(0)
        if not pages or pages[0][0] != text:
            missing.append(text)
            return match.group(0)
        page = pages.pop(0)[1]
        filled.append(page)
        run = f"<w:r><w:tab/><w:t>{page}</w:t></w:r>"
        end = body.rfind("</w:hyperlink>")  # the page number belongs to the link, as in Word
        if end < 0:
            end = body.rfind('<w:r><w:fldChar w:fldCharType="end"/></w:r>')
        body = body[:end] + run + body[end:] if end >= 0 else body + run
        return match.group(1) + body + match.group(3)

    source = zipfile.ZipFile(io.BytesIO(docx))
    parts = {info.filename: source.read(info) for info in source.infolist()}
    document = _TOC_PARAGRAPH.sub(number, parts["word/document.xml"].decode("utf-8"))
    if filled and not missing:  # filled: Word need not ask to update the fields
        document = document.replace(' w:fldCharType="begin" w:dirty="true"',
                                    ' w:fldCharType="begin"', 1)
        parts["word/settings.xml"] = _UPDATE_FIELDS.sub(b"", parts["word/settings.xml"])
    parts["word/document.xml"] = document.encode("utf-8")
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            target.writestr(info, parts[info.filename])
    return normalize_zip(out.getvalue(), when)


def pdf_bytes(annex: Annex, template: Path | None = None) -> bytes:
    """The annex as PDF (through its .docx); raises OutputError without LibreOffice."""
    from aanbesteding.writers.docx.annex import annex_bytes

    return stable_pdf(convert(annex_bytes(annex, template))[0], annex.tender.datum)


def accountability_pdf_bytes(annex: Annex, template: Path | None = None,
                             files: dict[str, str] | None = None) -> bytes:
    """The verantwoording as PDF (through its .docx); raises OutputError without LibreOffice."""
    from aanbesteding.writers.docx.accountability import accountability_bytes

    return stable_pdf(convert(accountability_bytes(annex, template, files))[0],
                      annex.tender.datum)
