"""A per-clause cache of lint results, so an unchanged clause is linted once, not every load.

The key is a hash of the clause file's bytes, the library's definitions, the tool version and
the lint version; the value is the list of problems found (empty when the clause passed). A
cached failure is replayed as a failure. The cache lives in the user's cache folder
(``$XDG_CACHE_HOME/aanbesteding`` or ``~/.cache/aanbesteding``); ``AANBESTEDING_CACHE=uit``
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
LINT_VERSION = "1"
_OFF = {"uit", "off", "0", "nee", "no", "false"}


def default_cache_dir() -> Path | None:
    """The lint cache folder, or None when the user switched the cache off."""
    setting = os.environ.get(ENV, "").strip()
    if setting.lower() in _OFF:
        return None
    if setting:
        return Path(setting).expanduser()
    base = os.environ.get("XDG_CACHE_HOME", "").strip()
    root = Path(base) if base and Path(base).is_absolute() else Path.home() / ".cache"
    return root / "aanbesteding"


def definitions_digest(definitions: Mapping[str, Definition]) -> str:
    """A hash of the definitions a clause's lint depends on."""
    digest = hashlib.sha256()
    for term in sorted(definitions):
        digest.update(f"{term}\0{definitions[term].definitie}\0".encode())
    return digest.hexdigest()


@dataclass(frozen=True)
class LintCache:
    """Lint results on disk, one small JSON file per key."""

    folder: Path

    @classmethod
    def default(cls) -> LintCache | None:
        folder = default_cache_dir()
        return cls(folder / "lint") if folder is not None else None

    @staticmethod
    def key(clause_bytes: bytes, definitions_hash: str, lint_version: str = LINT_VERSION) -> str:
        digest = hashlib.sha256()
        for part in (__version__.encode(), lint_version.encode(), definitions_hash.encode(),
                     clause_bytes):
            digest.update(len(part).to_bytes(8, "big"))
            digest.update(part)
        return digest.hexdigest()

    def _path(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key[2:]}.json"

    def get(self, key: str) -> Found | None:
        """The cached problems for ``key``, or None when not cached (or unreadable)."""
        try:
            data = json.loads(self._path(key).read_bytes())
            return [(tuple(loc), str(message)) for loc, message in data]
        except (OSError, ValueError, TypeError):
            return None

    def put(self, key: str, problems: Found) -> None:
        """Store the problems for ``key``; failures to write are ignored (it is a cache)."""
        path = self._path(key)
        payload = json.dumps([[list(loc), message] for loc, message in problems],
                             ensure_ascii=False).encode()
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
