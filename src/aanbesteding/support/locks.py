"""A lock on an output folder, so runs of this tool that write there take turns.

POSIX: ``flock`` on the folder itself (no lock file is left behind; the kernel drops the
lock when a process dies, even by ``kill -9``). Where folders cannot be locked (Windows,
some network shares) there is no lock; placing a file then still never overwrites a target
that exists (a hard link or a rename that refuses an existing name).
"""

from __future__ import annotations

import contextlib
import errno
import os
import time
from collections.abc import Iterable, Iterator
from pathlib import Path

from aanbesteding.errors import OutputError

WAIT = 120.0  # seconds: longer than any run holds the lock (it writes files it has in memory)
_POLL = 0.05


def _lock(folder: Path, wait: float) -> int | None:
    """An open descriptor of ``folder`` holding its exclusive lock, or None without locking."""
    try:
        import fcntl
    except ImportError:  # Windows
        return None
    try:
        fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0) | os.O_CLOEXEC)
    except OSError:
        return None  # the folder check that follows names the problem
    deadline = time.monotonic() + wait
    while True:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return fd
        except BlockingIOError:
            if time.monotonic() > deadline:
                os.close(fd)
                raise OutputError(
                    f"de map {folder} wordt al meer dan {int(wait)} seconden beschreven door een "
                    "andere run van aanbesteding; wacht tot die klaar is en probeer het opnieuw"
                ) from None
            time.sleep(_POLL)
        except OSError as exc:
            os.close(fd)
            if exc.errno in (errno.ENOLCK, errno.EOPNOTSUPP, errno.ENOTSUP, errno.EBADF, errno.EINVAL):
                return None  # a file system without locks: no-clobber placing still holds
            raise OutputError(f"de map {folder} kan niet worden vergrendeld (fout {exc.errno})") from exc


@contextlib.contextmanager
def folder_locks(folders: Iterable[Path], wait: float | None = None) -> Iterator[None]:
    """Hold the lock of every folder (taken in a fixed order, so two runs cannot deadlock);
    OutputError when one stays locked longer than ``wait`` seconds (default :data:`WAIT`)."""
    held: list[int] = []
    try:
        for folder in sorted({Path(os.path.abspath(f)) for f in folders}):
            fd = _lock(folder, WAIT if wait is None else wait)
            if fd is not None:
                held.append(fd)
        yield
    finally:
        for fd in reversed(held):
            os.close(fd)  # closing the descriptor releases its lock
