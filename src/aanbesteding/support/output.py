"""Writing output files: deterministic zip packages and atomic, no-clobber writes that
survive a crash (the next run recognises and completes a half-written set).

Every file this module creates beside a target is created exclusively (``O_EXCL`` and
``O_NOFOLLOW``, through :func:`tempfile.mkstemp`), so a name planted in advance, a symbolic
link included, is never written through. Runs of this tool that write into the same folder
take turns (a lock on the folder while they check and place), and a target that exists
when a run places its files is replaced only with ``force`` or when it is the exact file a
crashed run left there: of two runs to the same target one wins, the other writes nothing.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import glob
import hashlib
import io
import os
import sys
import tempfile
import zipfile
from collections.abc import Iterable, Mapping
from pathlib import Path

from aanbesteding.errors import OutputError, Ref
from aanbesteding.support.files import (
    MAX_OUTPUT,
    InputFileProblem,
    check_output_names,
    read_regular,
)
from aanbesteding.support.locks import folder_locks


def normalize_zip(data: bytes, when: dt.date) -> bytes:
    """Rewrite a zip package (docx/xlsx) with every member stamped ``when`` at 00:00.

    Member order and contents are kept; only the timestamps and metadata that vary between
    runs are fixed, so the same input gives the same bytes.
    """
    stamp = (max(when.year, 1980), when.month, when.day, 0, 0, 0)
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            member = zipfile.ZipInfo(info.filename, date_time=stamp)
            member.compress_type = zipfile.ZIP_DEFLATED
            member.external_attr = 0o600 << 16
            member.create_system = 0
            dst.writestr(member, src.read(info.filename))
    return out.getvalue()


def check_writable(paths: Iterable[Path], force: bool) -> None:
    """Raise OutputError if a name cannot be a file name, a path exists and ``force`` is not
    set, or its folder is missing.

    A file left by a run of this tool that crashed half-way (see :func:`write_all`) counts as
    not existing: the rerun completes the set without ``--force``.
    """
    paths = list(paths)
    check_output_names(paths)
    for path in paths:
        _check_one(path, force)


def _check_one(path: Path, force: bool) -> bool:
    """Whether ``path`` exists and may be replaced; OutputError when it may not be written."""
    if path.is_dir():
        raise OutputError(f"{path} is een map, geen bestand")
    if not path.parent.is_dir():
        if not _creatable(path.parent):
            raise OutputError(f"de map {path.parent} kan niet worden aangemaakt: een deel van het pad is een bestand")
        return False
    if not os.path.lexists(path):
        return False
    if not force and not _left_by_crashed_run(path):
        raise OutputError(exists_message(path))
    return True


def exists_message(path: Path) -> list[str | Ref]:
    """Refusing to overwrite ``path``: force, or keep it and write beside it (the fields as
    :class:`Ref`, so the CLI says --force and --uitvoer)."""
    number = 2
    while (other := path.with_name(f"{path.stem}-{number}{path.suffix}")).exists():
        number += 1
    return [
        f"{path} bestaat al; gebruik ",
        Ref("force"),
        " om het te overschrijven, of bewaar het en schrijf ernaast met een andere naam of map (bijv. ",
        Ref("uitvoer"),
        f" {other})",
    ]


def _creatable(folder: Path) -> bool:
    """Whether the missing ``folder`` can be made: its nearest existing ancestor is a folder."""
    for ancestor in folder.parents:
        if ancestor.exists():
            return ancestor.is_dir()
    return True


# Names beside a target ``bijlage.docx`` (PID: the process that wrote them):
#   .bijlage.docx.PID.XXXX.tmp      the new content, written in full before anything is placed
#   .bijlage.docx.PID.XXXX.tmp.oud  with --force: the old file, until the whole set is placed
#   .bijlage.docx.PID.XXXX.onvolledig  journal: sha256 of the new content, while the set is placed
# A crash (kill -9, power loss) leaves these behind; the next run removes those of processes
# that no longer run, and a journal tells it which target files the crashed run had placed.
_JOURNAL = "onvolledig"


def _prefix(path: Path) -> str:
    return f".{path.name}."


def _owner(path: Path, leftover: Path) -> int | None:
    """The process id in the name of a leftover file beside ``path``, or None."""
    head = leftover.name[len(_prefix(path)) :].split(".", 1)[0]
    return int(head) if head.isascii() and head.isdigit() else None


def _leftovers(path: Path) -> list[tuple[Path, int]]:
    """Temporaries, backups and journals beside ``path`` from processes that no longer run."""
    try:
        candidates = list(path.parent.glob(f"{glob.escape(_prefix(path))}*"))
    except OSError:
        return []
    found = []
    for leftover in candidates:
        pid = _owner(path, leftover)
        if pid is not None and leftover.name.endswith((".tmp", ".tmp.oud", f".{_JOURNAL}")) and not _running(pid):
            found.append((leftover, pid))
    return sorted(found)


def _running(pid: int) -> bool:
    """Whether process ``pid`` still runs (so its temporaries are not ours to remove)."""
    if pid == os.getpid():
        return True
    if sys.platform == "win32":
        return _running_windows(pid)
    try:
        os.kill(pid, 0)  # signal 0 only checks; on POSIX it never touches the process
    except ProcessLookupError:
        return False
    except OSError:
        return True  # exists, but belongs to someone else
    return True


def _running_windows(pid: int) -> bool:
    # os.kill on Windows terminates the process whatever the signal; ask the kernel instead.
    import ctypes

    kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined]
    handle = kernel32.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
    if not handle:
        return False
    try:
        code = ctypes.c_ulong()
        kernel32.GetExitCodeProcess(handle, ctypes.byref(code))
        return bool(code.value == 259)  # STILL_ACTIVE
    finally:
        kernel32.CloseHandle(handle)


def _left_by_crashed_run(path: Path) -> bool:
    """Whether ``path`` holds exactly what a crashed run of this tool placed there.

    Neither the journal nor the target is read through a symbolic link, and only a regular
    file is read: a link or a device planted under either name is not ours.
    """
    journals = [leftover for leftover, _ in _leftovers(path) if leftover.name.endswith(_JOURNAL)]
    if not journals:
        return False
    try:
        digest = hashlib.sha256(read_regular(path, MAX_OUTPUT, follow=False)).hexdigest()
    except OSError:
        return False
    for journal in journals:
        try:
            if read_regular(journal, 100, follow=False).decode("ascii").strip() == digest:
                return True
        except (OSError, UnicodeDecodeError):
            continue
    return False


def clean_leftovers(paths: Iterable[Path]) -> list[Path]:
    """Remove temporaries, backups and journals of crashed runs beside ``paths``; return them."""
    removed = []
    for path in paths:
        for leftover, _ in _leftovers(path):
            _remove(leftover)
            removed.append(leftover)
    return removed


def _temporary(path: Path, data: bytes, suffix: str = ".tmp") -> str:
    """Write ``data`` to a new hidden file beside ``path`` (created exclusively, never through
    a link); return its name."""
    try:
        fd, tmp = tempfile.mkstemp(prefix=f"{_prefix(path)}{os.getpid()}.", suffix=suffix, dir=path.parent)
    except OSError as exc:
        raise OutputError(f"{path} kan niet worden geschreven in {path.parent}: {os_reason(exc)}") from exc
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
            if hasattr(os, "fchmod"):
                os.fchmod(handle.fileno(), 0o644)
        if not hasattr(os, "fchmod"):
            os.chmod(tmp, 0o644)
    except OSError as exc:
        _remove(tmp)
        raise OutputError(f"{path} kan niet worden geschreven: {os_reason(exc)}") from exc
    return tmp


def os_reason(exc: OSError) -> str:
    """Why an operating-system call failed, in Dutch (the OS's own text may be English)."""
    reasons = {
        errno.EACCES: "geen schrijfrechten",
        errno.EPERM: "geen schrijfrechten",
        errno.ENOSPC: "de schijf is vol",
        errno.EROFS: "alleen-lezen bestandssysteem",
        errno.ENOENT: "bestaat niet",
        errno.EISDIR: "dat is een map",
        errno.ENOTDIR: "een deel van het pad is geen map",
        getattr(errno, "EDQUOT", -1): "de schijfruimte (quotum) is op",
        errno.ENAMETOOLONG: "de naam is te lang",
    }
    if isinstance(exc, InputFileProblem):
        return exc.reason
    return reasons.get(exc.errno or 0, f"systeemfout {exc.errno or type(exc).__name__}")


def _remove(path: str | Path) -> None:
    with contextlib.suppress(OSError):
        os.unlink(path)


def write_all(files: Mapping[Path, bytes], force: bool = False) -> None:
    """Write several files as one unit: all of them, or none.

    Every file is first written in full to a temporary file beside its target; only then are
    they moved into place, while a journal beside each target records what is being placed.
    If placing one fails, the files placed before it are taken back (and files that ``force``
    replaced are restored), so no half result is left behind. After a crash (kill -9, power
    loss) the next run recognises the files the crashed run placed and replaces them without
    ``force``, and removes its temporaries. Checking and placing happen under a lock on the
    folder, so a concurrent run of this tool to the same target either finishes first (and
    this run refuses) or waits. Raises OutputError if a file exists and ``force`` is false, a
    file is open in another program (Windows), the folder stays locked, or writing fails.
    """
    check_writable(files, force)
    for folder in {path.parent for path in files}:
        try:
            folder.mkdir(parents=True, exist_ok=True)  # --uitvoer map/x.docx makes its folder
        except OSError as exc:
            raise OutputError(f"de map {folder} kan niet worden aangemaakt ({os_reason(exc)})") from exc
    with folder_locks({path.parent for path in files}):
        replaceable = {path for path in files if _check_one(path, force)}
        clean_leftovers(files)
        temporaries: dict[Path, str] = {}
        journals: list[str] = []
        try:
            for path, data in files.items():
                temporaries[path] = _temporary(path, data)
            for path, data in files.items():
                digest = (hashlib.sha256(data).hexdigest() + "\n").encode("ascii")
                journals.append(_temporary(path, digest, suffix=f".{_JOURNAL}"))
            _place_all(temporaries, replaceable)
        finally:
            for tmp in temporaries.values():
                _remove(tmp)
            for journal in journals:
                _remove(journal)


def _link(source: str | Path, target: str | Path) -> None:
    """Give ``source`` the name ``target`` without ever overwriting an existing ``target``."""
    try:
        if os.link in os.supports_follow_symlinks:  # link a symlink itself, not its target
            os.link(source, target, follow_symlinks=False)  # fails if the target exists
        else:  # Windows: hard links to links are not a thing there
            os.link(source, target)
    except FileExistsError:
        raise
    except OSError as exc:
        # FAT/exFAT sticks and some network shares have no hard links: rename instead (on
        # Windows rename refuses an existing target too; on POSIX the check narrows the race).
        if (
            exc.errno not in (errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EXDEV)
            and getattr(exc, "winerror", None) is None
        ):
            raise
        if os.path.lexists(target):
            raise FileExistsError(errno.EEXIST, "bestaat al", str(target)) from exc
        os.rename(source, target)


def _place_all(temporaries: Mapping[Path, str], replaceable: set[Path]) -> None:
    """Give each temporary its target's name; only a target in ``replaceable`` (checked under
    the lock: ``force``, or a crashed run's file) is replaced, any other is never touched."""
    placed: list[tuple[Path, str | None]] = []  # target, backup of what it replaced
    for path, tmp in temporaries.items():
        backup: str | None = None
        try:
            if path in replaceable and os.path.lexists(path):
                backup = f"{tmp}.oud"
                _link(path, backup)
                os.replace(tmp, path)
            else:
                _link(tmp, path)  # fails if the target appeared meanwhile
            placed.append((path, backup))
        except BaseException as exc:  # Ctrl-C half-way takes the set back too
            if backup is not None and os.path.lexists(backup):
                # The target keeps (or gets back) its old content; the backup goes.
                _undo([(path, backup)] if not path.exists() else [])
                _remove(backup)
            _undo(placed)
            if not isinstance(exc, OSError):
                raise
            raise _placing_error(path, exc) from (None if isinstance(exc, FileExistsError) else exc)
    for _, backup in placed:
        if backup is not None:
            _remove(backup)


def _placing_error(path: Path, exc: OSError) -> OutputError:
    if isinstance(exc, FileExistsError):
        return OutputError(exists_message(path))
    if isinstance(exc, PermissionError):
        return OutputError(
            f"{path} kan niet worden vervangen: het bestand is geopend in een ander programma "
            "(bijvoorbeeld Word of Excel) of staat op alleen-lezen. Sluit het bestand en "
            "probeer het opnieuw; er is niets gewijzigd."
        )
    return OutputError(f"{path} kan niet worden geschreven: {os_reason(exc)}")


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
