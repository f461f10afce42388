"""Writing output files: deterministic zip packages and atomic, no-clobber writes."""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import io
import os
import tempfile
import zipfile
from collections.abc import Iterable, Mapping
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


def _temporary(path: Path, data: bytes) -> str:
    """Write ``data`` to a hidden temporary file beside ``path``; return its name."""
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as exc:
        raise OutputError(f"{path} kan niet worden geschreven in {path.parent}: "
                          f"{_reason(exc)}") from exc
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, 0o644)
    except OSError as exc:
        _remove(tmp)
        raise OutputError(f"{path} kan niet worden geschreven: {_reason(exc)}") from exc
    return tmp


def _reason(exc: OSError) -> str:
    reasons = {errno.EACCES: "geen schrijfrechten", errno.EPERM: "geen schrijfrechten",
               errno.ENOSPC: "de schijf is vol", errno.EROFS: "alleen-lezen bestandssysteem",
               errno.ENOENT: "de map bestaat niet", errno.EISDIR: "dat is een map"}
    return reasons.get(exc.errno or 0, exc.strerror or type(exc).__name__)


def _remove(path: str | Path) -> None:
    with contextlib.suppress(OSError):
        os.unlink(path)


def write_all(files: Mapping[Path, bytes], force: bool = False) -> None:
    """Write several files as one unit: all of them, or none.

    Every file is first written in full to a temporary file beside its target; only then are
    they moved into place. If placing one fails, the files placed before it are taken back
    (and files that ``force`` replaced are restored), so no half result is left behind.
    Raises OutputError if a file exists and ``force`` is false, or writing fails.
    """
    check_writable(files, force)
    temporaries: dict[Path, str] = {}
    try:
        for path, data in files.items():
            temporaries[path] = _temporary(path, data)
        _place_all(temporaries, force)
    finally:
        for tmp in temporaries.values():
            _remove(tmp)


def _place_all(temporaries: Mapping[Path, str], force: bool) -> None:
    placed: list[tuple[Path, str | None]] = []  # target, backup of what it replaced
    try:
        for path, tmp in temporaries.items():
            backup: str | None = None
            if force and path.exists():
                backup = f"{tmp}.oud"
                os.link(path, backup)
                os.replace(tmp, path)
            else:
                # link() fails if the target appeared meanwhile, so nothing is overwritten.
                os.link(tmp, path)
            placed.append((path, backup))
    except FileExistsError:
        _undo(placed)
        raise OutputError(f"{path} bestaat al; gebruik --force om het te overschrijven") from None
    except OSError as exc:
        _undo(placed)
        raise OutputError(f"{path} kan niet worden geschreven: {_reason(exc)}") from exc
    for _, backup in placed:
        if backup is not None:
            _remove(backup)


def _undo(placed: list[tuple[Path, str | None]]) -> None:
    for path, backup in reversed(placed):
        if backup is not None:
            with contextlib.suppress(OSError):
                os.replace(backup, path)
        else:
            _remove(path)


def write_atomic(path: Path, data: bytes, force: bool = False) -> None:
    """Write one file atomically (see :func:`write_all`)."""
    write_all({path: data}, force=force)
