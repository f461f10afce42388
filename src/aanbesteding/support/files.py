"""What the tool accepts as a file: inputs that are regular files of a stated size, output
names that every file system and the manifest can hold.

An input is checked by name before a byte is read: a device (``/dev/zero``), a FIFO or a
socket would block or never end, and a file larger than its limit would fill the memory.
Every refusal is an :class:`OSError` subclass with a Dutch reason, so callers that already
turn ``OSError`` into a message (with :func:`aanbesteding.support.output.os_reason`) name the
file and the reason without extra code.
"""

from __future__ import annotations

import errno
import os
import stat
import unicodedata
from pathlib import Path

from aanbesteding.errors import OutputError
from aanbesteding.support.text import terminal_safe

# Limits, in bytes, for each kind of input (the largest real ones are far smaller).
MAX_YAML = 5_000_000  # a profile, an answers file, a clause file (the largest clause is a few KB)
MAX_MANIFEST = 5_000_000  # a manifest beside the documents (a few KB)
MAX_TEMPLATE = 50_000_000  # a Word base document (--sjabloon), images included
MAX_OUTPUT = 512_000_000  # a file of ours beside a target, read back to recognise it

# Longest file name most file systems allow (ext4, NTFS, APFS: 255 bytes or UTF-16 units).
NAME_MAX = 255
# What the files beside a target add to its name, at most: ".NAME.PID.XXXXXXXX.onvolledig"
# (the journal; the temporary ".tmp" and its backup ".tmp.oud" are shorter).
TEMPORARY_EXTRA = len(".") + len(".4194304.") + 8 + len(".onvolledig")


class InputFileProblem(OSError):
    """An input that is not a regular file or is larger than its limit; ``reason`` is Dutch."""

    def __init__(self, reason: str, path: Path | str) -> None:
        super().__init__(errno.EINVAL, reason, str(path))
        self.reason = reason

    def __reduce__(self) -> tuple[object, ...]:
        return (type(self), (self.reason, self.filename))


def _kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "een map"
    if stat.S_ISFIFO(mode):
        return "een pijp (FIFO)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "een apparaat"
    if stat.S_ISSOCK(mode):
        return "een socket"
    return "geen gewoon bestand"


def _size(size: int) -> str:
    return f"{size / 1_000_000:.1f} MB".replace(".", ",")


def read_regular(path: Path | str, limit: int, *, follow: bool = True) -> bytes:
    """The bytes of ``path`` if it is a regular file of at most ``limit`` bytes.

    The file is opened without blocking (a FIFO does not wait for a writer) and checked on
    the open handle, so what is read is what was checked. ``follow=False`` refuses a
    symbolic link at ``path`` itself. Raises InputFileProblem (not a regular file, too
    large) or another OSError (missing, no permission).
    """
    flags = (
        os.O_RDONLY
        | getattr(os, "O_NONBLOCK", 0)
        | getattr(os, "O_BINARY", 0)
        | getattr(os, "O_CLOEXEC", 0)
        | (0 if follow else getattr(os, "O_NOFOLLOW", 0))
    )
    try:
        fd = os.open(path, flags)
    except OSError as exc:
        if exc.errno == errno.ELOOP and not follow:
            raise InputFileProblem("dit is een snelkoppeling (symbolische link)", path) from exc
        if exc.errno == errno.ENXIO:  # a socket, or a FIFO on some systems
            raise InputFileProblem("dit is geen gewoon bestand", path) from exc
        raise
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise InputFileProblem(f"dit is {_kind(info.st_mode)}, geen gewoon bestand", path)
        if info.st_size > limit:
            raise InputFileProblem(
                f"het bestand is te groot ({_size(info.st_size)}; het maximum is {_size(limit)})", path
            )
        chunks: list[bytes] = []
        total = 0
        while True:  # a file that grows while it is read stops at the limit too
            chunk = os.read(fd, min(1 << 20, limit + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
            if total > limit:
                raise InputFileProblem(f"het bestand is te groot (meer dan {_size(limit)})", path)
        return b"".join(chunks)
    finally:
        os.close(fd)


def check_regular(path: Path, limit: int) -> None:
    """Raise InputFileProblem unless ``path`` is a regular file of at most ``limit`` bytes
    (for files a library opens by name itself, such as a .docx)."""
    info = path.stat()
    if not stat.S_ISREG(info.st_mode):
        raise InputFileProblem(f"dit is {_kind(info.st_mode)}, geen gewoon bestand", path)
    if info.st_size > limit:
        raise InputFileProblem(f"het bestand is te groot ({_size(info.st_size)}; het maximum is {_size(limit)})", path)


def _name_max(folder: Path) -> int:
    try:
        return min(NAME_MAX, os.pathconf(folder, "PC_NAME_MAX"))
    except (OSError, ValueError, AttributeError):  # Windows has no pathconf; a missing folder
        return NAME_MAX


def output_name_problem(path: Path) -> str | None:
    """Why ``path`` cannot be an output file name (Dutch), or None when it can."""
    name = path.name
    if not name or name in (".", ".."):
        return "de bestandsnaam is leeg"
    if name.startswith(".") and "." not in name[1:]:
        return f"'{name}' heeft alleen een extensie, geen naam"
    try:
        encoded = name.encode("utf-8")
    except UnicodeEncodeError:
        return "de bestandsnaam bevat bytes die geen geldige UTF-8-tekst zijn; kies een andere naam"
    if any(unicodedata.category(c) == "Cc" for c in name):
        return "de bestandsnaam bevat een stuurteken (zoals een regeleinde); kies een andere naam"
    limit = _name_max(path.parent) - TEMPORARY_EXTRA
    if len(encoded) > limit or len(name.encode("utf-16-le")) // 2 > limit:
        return (
            f"de bestandsnaam {name} is te lang ({len(encoded)} bytes; het maximum is {limit}, "
            "de toevoeging voor elk formaat meegeteld); kies een kortere naam"
        )
    return None


def check_output_names(paths: list[Path]) -> None:
    """Raise OutputError for the first path that cannot be an output file name."""
    for path in paths:
        problem = output_name_problem(path)
        if problem:
            raise OutputError(f"{shown(path)}: {problem}")


def shown(path: Path | str) -> str:
    """``path`` for a message: bytes that are not UTF-8 and control characters escaped."""
    text = terminal_safe(str(path))
    return text.replace("\n", "\\n").replace("\t", "\\t") or "(leeg)"
