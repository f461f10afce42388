"""Writing output files: deterministic zip packages and atomic, no-clobber writes."""

from __future__ import annotations

import datetime as dt
import io
import os
import tempfile
import zipfile
from collections.abc import Iterable
from pathlib import Path

from aanbesteding.errors import OutputError


def normalize_zip(data: bytes, when: dt.date) -> bytes:
    """Rewrite a zip package (docx/xlsx) with every member stamped ``when`` at 00:00.

    Member order and contents are kept; only the timestamps and metadata that vary between
    runs are fixed, so the same input gives the same bytes.
    """
    stamp = (max(when.year, 1980), when.month, when.day, 0, 0, 0)
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, \
            zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            member = zipfile.ZipInfo(info.filename, date_time=stamp)
            member.compress_type = zipfile.ZIP_DEFLATED
            member.external_attr = 0o600 << 16
            member.create_system = 0
            dst.writestr(member, src.read(info.filename))
    return out.getvalue()


def check_writable(paths: Iterable[Path], force: bool) -> None:
    """Raise OutputError if any path exists and ``force`` is not set, or its folder is missing."""
    for path in paths:
        if path.exists() and not force:
            raise OutputError(f"{path} bestaat al; gebruik --force om het te overschrijven")
        if path.exists() and path.is_dir():
            raise OutputError(f"{path} is een map, geen bestand")
        if not path.parent.is_dir():
            raise OutputError(f"de map {path.parent} bestaat niet")


def write_atomic(path: Path, data: bytes, force: bool = False) -> None:
    """Write ``data`` to ``path`` via a temporary file and rename, so no half file remains.

    Raises OutputError if the file exists and ``force`` is false, or writing fails.
    """
    check_writable([path], force)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, 0o644)
        if force:
            os.replace(tmp, path)
        else:
            # link() fails if the target appeared meanwhile, so nothing is overwritten.
            os.link(tmp, path)
            os.unlink(tmp)
    except FileExistsError:
        os.unlink(tmp)
        raise OutputError(f"{path} bestaat al; gebruik --force om het te overschrijven") from None
    except OSError as exc:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise OutputError(f"{path} kan niet worden geschreven: {exc.strerror}") from exc
