"""A per-clause cache, so an unchanged clause is parsed and linted once, not on every load.

Lint results are keyed by a hash of the clause file's bytes, the library's definitions, the
tool version and the lint version; the value is the list of problems found (empty when the
clause passed). A cached failure is replayed as a failure. A clause file that parsed and
validated without problems is also stored as validated JSON, keyed by its bytes and the tool
version, so the next load skips the YAML parser. The cache lives in the user's cache folder
(the platform's cache folder, see :func:`default_cache_dir`); ``AANBESTEDING_CACHE=uit``
switches it off and ``AANBESTEDING_CACHE=/een/map`` moves it.

The cache only saves time: a missing, unreadable or corrupt entry means "lint again", and a
cache folder that cannot be written is silently left alone.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from aanbesteding import __version__
from aanbesteding.library.model import Definition

Loc = tuple[str | int, ...]
Found = list[tuple[Loc, str]]

ENV = "AANBESTEDING_CACHE"
# Bump when a check in lint.py is added or changed, so results of the old lint are not reused.
LINT_VERSION = "2"
_OFF = {"uit", "off", "0", "nee", "no", "false"}


def default_cache_dir() -> Path | None:
    """The lint cache folder, or None when the user switched the cache off.

    Without ``AANBESTEDING_CACHE`` it is the platform's own cache folder (platformdirs):
    ``~/.cache/aanbesteding`` (or ``$XDG_CACHE_HOME``) on Linux, ``%LOCALAPPDATA%\\aanbesteding\\
    Cache`` on Windows, ``~/Library/Caches/aanbesteding`` on macOS.
    """
    setting = os.environ.get(ENV, "").strip()
    if setting.lower() in _OFF:
        return None
    if setting:
        return Path(setting).expanduser()
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("aanbesteding", appauthor=False))


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
    version, so an edited file or a new version of the tool always misses.
    """

    folder: Path

    @classmethod
    def default(cls) -> LibraryCache | None:
        folder = default_cache_dir()
        return cls(folder) if folder is not None else None

    @staticmethod
    def lint_key(clause_bytes: bytes, definitions_hash: str, lint_version: str = LINT_VERSION) -> str:
        return _key(b"lint", __version__.encode(), lint_version.encode(), definitions_hash.encode(),
                    clause_bytes)

    @staticmethod
    def clause_key(clause_bytes: bytes) -> str:
        return _key(b"clausule", __version__.encode(), clause_bytes)

    def _path(self, kind: str, key: str) -> Path:
        return self.folder / kind / key[:2] / f"{key[2:]}.json"

    def _read(self, kind: str, key: str) -> bytes | None:
        try:
            return self._path(kind, key).read_bytes()
        except OSError:
            return None

    def _write(self, kind: str, key: str, payload: bytes) -> None:
        """Store one entry atomically; failures to write are ignored (it is a cache)."""
        path = self._path(kind, key)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=".tmp-", dir=path.parent)
            try:
                with os.fdopen(fd, "wb") as handle:
                    handle.write(payload)
                os.replace(tmp, path)
            except OSError:
                Path(tmp).unlink(missing_ok=True)
        except OSError:
            return

    def get_lint(self, key: str) -> Found | None:
        """The cached lint problems for ``key``, or None when not cached (or unreadable)."""
        raw = self._read("lint", key)
        if raw is None:
            return None
        try:
            return [(tuple(loc), str(message)) for loc, message in json.loads(raw)]
        except (ValueError, TypeError):
            return None

    def put_lint(self, key: str, problems: Found) -> None:
        self._write("lint", key, json.dumps([[list(loc), message] for loc, message in problems],
                                            ensure_ascii=False).encode())

    def get_clause(self, key: str) -> bytes | None:
        """The validated clause stored for ``key`` (JSON), or None."""
        return self._read("clausules", key)

    def put_clause(self, key: str, clause_json: bytes) -> None:
        self._write("clausules", key, clause_json)
