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
import subprocess
import tempfile
import zipfile
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
    stamp = when.strftime("%Y%m%d").encode() + b"000000"
    pdf = _DATE.sub(lambda m: b"/" + m.group(1) + b"(D:" + stamp, pdf)
    body = _CHECKSUM.sub(b"", _ID.sub(b"", pdf))
    digest = hashlib.md5(body, usedforsecurity=False).hexdigest().upper().encode()
    pdf = _CHECKSUM.sub(b"/DocChecksum /" + digest, pdf)
    return _ID.sub(lambda m: b"/ID [ <" + digest + b">\n<" + digest + b"> ]", pdf)


_TOC_PARAGRAPH = re.compile(r'(<w:p><w:pPr><w:pStyle w:val="toc\d"/></w:pPr>)(.*?)(</w:p>)', re.S)
_TEXT = re.compile(r"<w:t(?: [^>]*)?>(.*?)</w:t>", re.S)


def fill_toc_pages(docx: bytes, entries: Sequence[tuple[str, int]], when: dt.date) -> bytes:
    """``docx`` with each cached table-of-contents line followed by a tab and its page.

    Lines are matched in order by text; a line LibreOffice did not report keeps no number.
    Word still refreshes the field on opening; other clients show these pages.
    """
    pages = list(entries)

    def number(match: re.Match[str]) -> str:
        body = match.group(2)
        text = html.unescape("".join(_TEXT.findall(body)))
        while pages and pages[0][0] != text and text in (t for t, _ in pages):
            pages.pop(0)
        if not pages or pages[0][0] != text:
            return match.group(0)
        page = pages.pop(0)[1]
        run = f"<w:r><w:tab/><w:t>{page}</w:t></w:r>"
        end = body.rfind('<w:r><w:fldChar w:fldCharType="end"/></w:r>')
        body = body[:end] + run + body[end:] if end >= 0 else body + run
        return match.group(1) + body + match.group(3)

    source = zipfile.ZipFile(io.BytesIO(docx))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = source.read(info)
            if info.filename == "word/document.xml":
                data = _TOC_PARAGRAPH.sub(number, data.decode("utf-8")).encode("utf-8")
            target.writestr(info, data)
    return normalize_zip(out.getvalue(), when)


def pdf_bytes(annex: Annex, template: Path | None = None) -> bytes:
    """The annex as PDF (through its .docx); raises OutputError without LibreOffice."""
    from aanbesteding.writers.docx.annex import annex_bytes

    return stable_pdf(convert(annex_bytes(annex, template))[0], annex.tender.datum)
