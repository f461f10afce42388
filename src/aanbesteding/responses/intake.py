"""Receiving a file from a bidder: refuse by name what is not a regular file, too large, or no
spreadsheet package, before any spreadsheet library parses it."""

from __future__ import annotations

import io
import stat
import zipfile
from pathlib import Path

from aanbesteding.support.output import os_reason

MAX_FORM_BYTES = 5_000_000  # a filled form is some 60 kB; far more is not a form
MAX_UNPACKED_BYTES = 50_000_000  # what the package may unpack to (zip bombs)


def package_refusal(data: bytes) -> str | None:
    """Why ``data`` cannot be an .xlsx package, or None."""
    if not zipfile.is_zipfile(io.BytesIO(data)):
        return "is geen Excel-bestand (.xlsx)"
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            if sum(i.file_size for i in package.infolist()) > MAX_UNPACKED_BYTES:
                return "is uitgepakt te groot voor een inschrijversformulier"
    except (zipfile.BadZipFile, OSError, ValueError):
        return "is geen leesbaar Excel-bestand (.xlsx)"
    return None


def read_bytes(
    path: Path, limit: int = MAX_FORM_BYTES, what: str = "een inschrijversformulier"
) -> tuple[bytes | None, str | None]:
    """The bytes of ``path``, or why it is refused: not a regular file, larger than ``limit``
    (too large for ``what``), unreadable."""
    try:
        info = path.stat()
    except OSError as exc:
        return None, f"kan niet worden gelezen ({os_reason(exc)})"
    if not stat.S_ISREG(info.st_mode):
        return None, "is geen gewoon bestand"
    if info.st_size > limit:
        return None, (f"is te groot voor {what} ({info.st_size:,} bytes; hoogstens {limit:,})").replace(",", ".")
    try:
        with path.open("rb") as handle:
            data = handle.read(limit + 1)
    except OSError as exc:
        return None, f"kan niet worden gelezen ({os_reason(exc)})"
    if len(data) > limit:
        return None, f"is te groot voor {what}"
    return data, None
