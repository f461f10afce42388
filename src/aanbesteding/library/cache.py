"""A per-clause cache, so an unchanged clause is parsed and linted once, not on every load.

Lint results are keyed by a hash of the clause file's bytes, the library's definitions, the
tool version and the lint version; the value is the list of problems found (empty when the
clause passed). A cached failure is replayed as a failure. A clause file that parsed and
validated without problems is also stored as validated JSON, keyed by its bytes and the tool
version, so the next load skips the YAML parser. The cache lives in the user's cache folder
(the platform's cache folder, see :func:`default_cache_dir`); ``AANBESTEDING_CACHE=uit``
switches it off and ``AANBESTEDING_CACHE=/een/map`` moves it.

The cache is a speed-up, never a source of truth. Every entry carries a keyed MAC
(HMAC-SHA256) over its kind, its key (which holds the hash of the clause file's exact bytes)
and its content, made with a secret of this user that is kept outside the cache folder (in
the user's configuration folder, readable by the user only). An entry someone else wrote or
edited, in a shared or planted cache folder, does not verify and is ignored and rebuilt.

The cache only saves time: a missing, unreadable, forged or corrupt entry means "parse and
lint again", and a cache folder that cannot be found (no HOME, a user without a passwd
entry) or written (read-only) means no cache, never an error.
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import json
import os
import re
import stat
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from aanbesteding import __version__
from aanbesteding.library.model import Clause, Definition
from aanbesteding.support.files import read_regular

Loc = tuple[str | int, ...]
Found = list[tuple[Loc, str]]

ENV = "AANBESTEDING_CACHE"
# Bump when a check in lint.py is added or changed, so results of the old lint are not reused.
LINT_VERSION = "2"
_OFF = {"uit", "off", "0", "nee", "no", "false"}
MAX_ENTRY = 5_000_000  # bytes; a clause's JSON is a few KB
_MAC = hashlib.sha256().digest_size
SECRET_NAME = "cache-sleutel"


def default_cache_dir() -> Path | None:
    """The lint cache folder, or None when the user switched the cache off or there is none.

    Without ``AANBESTEDING_CACHE`` it is the platform's own cache folder (platformdirs):
    ``~/.cache/aanbesteding`` (or ``$XDG_CACHE_HOME``) on Linux, ``%LOCALAPPDATA%\\aanbesteding\\
    Cache`` on Windows, ``~/Library/Caches/aanbesteding`` on macOS. None, too, when that
    folder cannot be determined (no HOME and a user unknown to the system, as in some
    containers): the tool then works without a cache.
    """
    setting = os.environ.get(ENV, "").strip()
    if setting.lower() in _OFF:
        return None
    try:
        if setting:
            return Path(setting).expanduser()
        from platformdirs import user_cache_dir

        return _absolute(user_cache_dir("aanbesteding", appauthor=False))
    except (RuntimeError, KeyError, OSError):  # no home folder to expand "~" in
        return None


def _absolute(folder: str) -> Path | None:
    path = Path(folder)
    return path if path.is_absolute() else None  # "~/.cache" left unexpanded: no home


def secret_path() -> Path | None:
    """Where this user's cache secret is kept: the configuration folder, not the cache."""
    try:
        from platformdirs import user_config_dir

        folder = _absolute(user_config_dir("aanbesteding", appauthor=False))
    except (RuntimeError, KeyError, OSError):
        return None
    return folder / SECRET_NAME if folder is not None else None


def _private(fd: int) -> bool:
    """Whether an open secret file is this user's own, not a link, and readable by no one else."""
    info = os.fstat(fd)
    if not stat.S_ISREG(info.st_mode):
        return False
    if hasattr(os, "getuid"):
        return info.st_uid == os.getuid() and not info.st_mode & 0o077
    return True  # Windows: the profile folder is the user's own


def _read_secret(path: Path) -> bytes | None:
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags)
    except OSError:
        return None
    try:
        secret = os.read(fd, 64) if _private(fd) else b""
    except OSError:
        return None
    finally:
        os.close(fd)
    return secret if len(secret) == 32 else None


def load_secret(path: Path | None = None) -> bytes | None:
    """This user's cache secret, made on first use; None when it cannot be kept safely."""
    path = path or secret_path()
    if path is None:
        return None
    secret = _read_secret(path)
    if secret is not None:
        return secret
    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        fd, tmp = tempfile.mkstemp(prefix=".sleutel-", dir=path.parent)  # 0600, O_EXCL
        try:
            os.write(fd, os.urandom(32))
            os.fsync(fd)
        finally:
            os.close(fd)
        try:
            os.link(tmp, path)  # never replaces a secret another process made meanwhile
        except FileExistsError:
            pass
        finally:
            os.unlink(tmp)
    except OSError:
        return None
    return _read_secret(path)


def definitions_digest(definitions: Mapping[str, Definition]) -> str:
    """A hash of the definitions a clause's lint depends on."""
    digest = hashlib.sha256()
    for term in sorted(definitions):
        digest.update(f"{term}\0{definitions[term].definitie}\0".encode())
    return digest.hexdigest()


def _key(*parts: bytes) -> str:
    digest = hashlib.sha256()
    for part in parts:
        digest.update(len(part).to_bytes(8, "big"))
        digest.update(part)
    return digest.hexdigest()


@dataclass(frozen=True)
class LibraryCache:
    """The library's cache folder: lint results, and each clause file's validated content.

    One small file per key. Both are keyed by the clause file's exact bytes and the tool
    version, so an edited file or a new version of the tool always misses; every entry is
    sealed with this user's ``secret``, so an entry the tool did not write is never used.
    """

    folder: Path
    secret: bytes = field(default=b"", repr=False)

    @classmethod
    def default(cls) -> LibraryCache | None:
        """The user's cache, or None when it is switched off or cannot be used safely."""
        folder = default_cache_dir()
        if folder is None:
            return None
        secret = load_secret()
        return cls(folder, secret) if secret is not None else None

    @staticmethod
    def lint_key(clause_bytes: bytes, definitions_hash: str, lint_version: str = LINT_VERSION) -> str:
        return _key(b"lint", __version__.encode(), lint_version.encode(), definitions_hash.encode(), clause_bytes)

    @staticmethod
    def clause_key(clause_bytes: bytes) -> str:
        return _key(b"clausule", __version__.encode(), clause_bytes)

    def _path(self, kind: str, key: str) -> Path:
        return self.folder / kind / key[:2] / f"{key[2:]}.json"

    def _seal(self, kind: str, key: str, payload: bytes) -> bytes:
        return hmac.new(self.secret, _key(kind.encode(), key.encode(), payload).encode(), hashlib.sha256).digest()

    def _read(self, kind: str, key: str) -> bytes | None:
        """The entry's content if it is sealed with this user's secret for this very key."""
        if len(self.secret) < 16:
            return None
        try:
            raw = read_regular(self._path(kind, key), MAX_ENTRY + _MAC, follow=False)
        except OSError:
            return None
        seal, payload = raw[:_MAC], raw[_MAC:]
        return payload if hmac.compare_digest(seal, self._seal(kind, key, payload)) else None

    def _write(self, kind: str, key: str, payload: bytes) -> None:
        """Store one entry atomically; failures to write are ignored (it is a cache)."""
        if len(self.secret) < 16:
            return
        path = self._path(kind, key)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=".tmp-", dir=path.parent)
            try:
                with os.fdopen(fd, "wb") as handle:
                    handle.write(self._seal(kind, key, payload) + payload)
                os.replace(tmp, path)
            except OSError:
                with contextlib.suppress(OSError):
                    os.unlink(tmp)
        except OSError:
            return

    def get_lint(self, key: str) -> Found | None:
        """The cached lint problems for ``key``, or None when not cached (or unusable)."""
        raw = self._read("lint", key)
        if raw is None:
            return None
        try:
            return [(tuple(loc), str(message)) for loc, message in json.loads(raw)]
        except (ValueError, TypeError, RecursionError):
            return None

    def put_lint(self, key: str, problems: Found) -> None:
        self._write(
            "lint", key, json.dumps([[list(loc), message] for loc, message in problems], ensure_ascii=False).encode()
        )

    def get_clause(self, key: str) -> bytes | None:
        """The validated clause stored for ``key`` (JSON), or None."""
        return self._read("clausules", key)

    def put_clause(self, key: str, clause_json: bytes) -> None:
        self._write("clausules", key, clause_json)


_TOP_SCALAR = re.compile(r"^(id|versie|status)[ \t]*:[ \t]*(['\"]?)([^'\"#\r\n]*?)\2[ \t]*(?:#.*)?\r?$", re.M)


def stated_by_file(clause: Clause, data: bytes) -> bool:
    """Whether a cached clause has the id, version and status its file's own bytes state.

    A cheap second check beside the cache's seal: what the status gate and the manifest
    depend on is read from the clause file itself (a plain top-level line; a value written
    another way is left to the seal).
    """
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    stated = {m.group(1): m.group(3).strip() for m in _TOP_SCALAR.finditer(text)}
    return all(
        stated.get(name, value) == value
        for name, value in (("id", clause.id), ("versie", clause.versie), ("status", clause.status))
    )
