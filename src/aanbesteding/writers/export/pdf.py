"""The Word annex as PDF through LibreOffice, with the table of contents filled in.

Converting a .docx with ``soffice --convert-to pdf`` leaves a table of contents without page
numbers: LibreOffice does not update indexes on conversion. ``uno_pdf.py`` therefore drives
LibreOffice through UNO (run by the system Python that has python3-uno), updates the index,
exports the PDF and reports the entries with their pages; :func:`fill_toc_pages` writes those
page numbers into the .docx's own table of contents as well.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import html
import io
import json
import os
import re
import shutil
import signal
import struct
import subprocess
import tempfile
import zipfile
import zlib
from collections.abc import Sequence
from pathlib import Path

from aanbesteding.compose.annex import Annex
from aanbesteding.errors import OutputError, Ref
from aanbesteding.support.output import normalize_zip, os_reason

SCRIPT = Path(__file__).with_name("uno_pdf.py")
INSTALL_HINT = (
    "installeer LibreOffice met UNO-koppeling (Debian/Ubuntu: apt-get install "
    "libreoffice-writer-nogui python3-uno) of laat --pdf weg"
)
UNO_PYTHON_ENV = "AANBESTEDING_UNO_PYTHON"
# Seconds. A cold start (new profile) took 2-3.5 s on 2 busy cores (load 6-9) with a warm disk
# cache; reviewers saw more than 30 s with a cold one. START_TIMEOUT leaves room for both;
# TIMEOUT covers start, index updates and export of the largest annex (about 40 s under load).
START_TIMEOUT = 120
TIMEOUT = 300
PROBE_TIMEOUT = 15  # "python -c 'import uno'" answers in well under a second
_GRACE = 5  # after SIGTERM, before SIGKILL
SLOW_HINT = (
    "probeer het opnieuw als de computer minder druk is, sluit andere programma's die "
    "LibreOffice gebruiken, of laat --pdf weg en maak de PDF later"
)


def _probe(candidate: str) -> str | None:
    """None when ``candidate`` is a Python that can ``import uno``; otherwise why not (Dutch)."""
    try:
        proc = subprocess.Popen(
            [candidate, "-c", "import uno"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            stdin=subprocess.DEVNULL,
            text=True,
            start_new_session=True,
        )
    except OSError as exc:
        return f"kan niet worden gestart ({os_reason(exc)})"
    try:
        code = proc.wait(timeout=PROBE_TIMEOUT)
    except subprocess.TimeoutExpired:
        _end_group(proc)
        return f"antwoordt niet binnen {PROBE_TIMEOUT} seconden"
    return None if code == 0 else "kan de UNO-koppeling (import uno) niet laden"


def _find_uno_python() -> tuple[str | None, str | None]:
    """A Python that can ``import uno``, or None with the reason when the user named one."""
    chosen = os.environ.get(UNO_PYTHON_ENV)
    if chosen:
        problem = _probe(chosen) if Path(chosen).exists() else "bestaat niet"
        if problem:
            return None, f"{UNO_PYTHON_ENV}={chosen}: dit programma {problem}"
        return chosen, None
    for candidate in ("/usr/bin/python3", "/usr/lib/libreoffice/program/python"):
        if Path(candidate).exists() and _probe(candidate) is None:
            return candidate, None
    return None, None


def uno_python() -> str | None:
    """A Python that can ``import uno`` (``AANBESTEDING_UNO_PYTHON`` or the system one)."""
    return _find_uno_python()[0]


def pdf_available() -> str | None:
    """None when PDF export works here; otherwise the Dutch reason."""
    if shutil.which("soffice") is None:
        return f"LibreOffice (soffice) is niet gevonden; {INSTALL_HINT}"
    python, problem = _find_uno_python()
    if problem:
        return problem
    if python is None:
        return f"de UNO-koppeling van LibreOffice (python3-uno) ontbreekt; {INSTALL_HINT}"
    return None


def _end_group(proc: subprocess.Popen[str]) -> None:
    """End ``proc`` and every process in its group (it was started in a session of its own,
    POSIX), politely first: LibreOffice's soffice.bin is in that group too."""
    if os.name != "posix":
        proc.kill()
        return
    for sig, wait in ((signal.SIGTERM, _GRACE), (signal.SIGKILL, 0)):
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(proc.pid, sig)
        with contextlib.suppress(subprocess.TimeoutExpired):
            proc.wait(timeout=wait or None)
        if not _group_alive(proc.pid):
            return


def _group_alive(pgid: int) -> bool:
    try:
        os.killpg(pgid, 0)
    except (ProcessLookupError, PermissionError):
        return False
    return True


def run_bridge(python: str, *args: str) -> subprocess.CompletedProcess[str]:
    """Run ``uno_pdf.py ARGS`` with ``python``; LibreOffice and everything it started is ended
    afterwards, whatever happened. Raises OutputError when it did not finish in time."""
    proc = subprocess.Popen(
        [python, str(SCRIPT), *args, str(START_TIMEOUT)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        stdin=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        out, err = proc.communicate(timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        _end_group(proc)
        proc.communicate()
        raise OutputError(
            f"PDF kan niet worden gemaakt: LibreOffice was na {TIMEOUT} seconden niet klaar; {SLOW_HINT}"
        ) from None
    finally:
        if proc.returncode is None or (os.name == "posix" and _group_alive(proc.pid)):
            _end_group(proc)  # a soffice.bin left behind by a bridge that gave up
    if proc.returncode == 3:
        raise OutputError(
            f"PDF kan niet worden gemaakt: LibreOffice startte niet binnen {START_TIMEOUT} seconden; {SLOW_HINT}"
        )
    return subprocess.CompletedProcess(proc.args, proc.returncode, out, err)


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
        done = run_bridge(python, str(source), str(target))
        if done.returncode != 0 or not target.exists():
            detail = done.stderr.strip().splitlines()[-1:] or [f"exitcode {done.returncode}"]
            raise OutputError(f"PDF kan niet worden gemaakt: LibreOffice meldt: {detail[0]}")
        entries = [
            (str(text), int(page))
            for text, page in (json.loads(line) for line in done.stdout.splitlines() if line.startswith("["))
        ]
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


_XMP_DATE = re.compile(
    rb"<xmp:(CreateDate|ModifyDate|MetadataDate)>"
    rb"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d"
)


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
    pdf = pdf[: held.start(1)] + number + pdf[held.end(1) :]
    xref = pdf.rfind(b"\nxref\n")
    trailer = pdf.find(b"trailer", xref)
    if xref < 0 or trailer < 0:
        return pdf

    def moved(offset: int) -> int:
        return offset + sum(delta for where, delta in shifts if offset > where)

    table = _XREF_ENTRY.sub(lambda m: b"%010d %s n" % (moved(int(m.group(1))), m.group(2)), pdf[xref:trailer])
    tail = re.sub(rb"startxref\n(\d+)", lambda m: b"startxref\n%d" % moved(int(m.group(1))), pdf[trailer:])
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
        document = document.replace(' w:fldCharType="begin" w:dirty="true"', ' w:fldCharType="begin"', 1)
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


def accountability_pdf_bytes(annex: Annex, template: Path | None = None, files: dict[str, str] | None = None) -> bytes:
    """The verantwoording as PDF (through its .docx); raises OutputError without LibreOffice."""
    from aanbesteding.writers.docx.accountability import accountability_bytes

    return stable_pdf(convert(accountability_bytes(annex, template, files))[0], annex.tender.datum)
