"""Where a clause library is read from: a folder, or a folder at a git revision.

A source only lists and reads files; what the bytes mean is the loader's business. Every
byte the loader reads passes through :meth:`Source.read`, so the library hash covers exactly
what was loaded.
"""

from __future__ import annotations

import re
import subprocess
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from aanbesteding.errors import SourceError
from aanbesteding.support.resources import standard_library_path

STANDARD_LABEL = "standaard"


class Source(Protocol):
    """A read-only tree of library files, addressed by relative POSIX paths."""

    @property
    def label(self) -> str:
        """Short name shown as a clause's origin (e.g. ``standaard``, ``v1.2:clauses``)."""
        ...

    @property
    def location(self) -> str:
        """Where the files are, for messages."""
        ...

    def exists(self) -> bool: ...

    def files(self) -> list[str]:
        """Every file below the root, as sorted relative POSIX paths."""
        ...

    def read(self, rel: str) -> bytes:
        """The bytes of one file; raise OSError when it cannot be read."""
        ...


@dataclass(frozen=True)
class FolderSource:
    """A library in a folder on disk."""

    root: Path
    label: str = ""

    @property
    def location(self) -> str:
        return str(self.root)

    def exists(self) -> bool:
        return self.root.is_dir()

    def files(self) -> list[str]:
        found = [p.relative_to(self.root).as_posix() for p in self.root.rglob("*") if p.is_file()]
        return sorted(found)

    def read(self, rel: str) -> bytes:
        return (self.root / rel).read_bytes()


@dataclass
class GitSource:
    """A library folder as it was at a git revision (``REV:pad``), read without a checkout."""

    repo: Path
    revision: str
    subdir: str
    _blobs: dict[str, str] | None = field(default=None, repr=False)
    _contents: dict[str, bytes] = field(default_factory=dict, repr=False)

    @property
    def label(self) -> str:
        return f"{self.revision}:{self.subdir}" if self.subdir else f"{self.revision}:"

    @property
    def location(self) -> str:
        return f"{self.label} in {self.repo}"

    def _git(self, *args: str, data: bytes | None = None) -> bytes:
        try:
            result = subprocess.run(["git", "-C", str(self.repo), *args], input=data,
                                    capture_output=True, check=False, timeout=120)
        except (OSError, subprocess.TimeoutExpired) as exc:
            raise SourceError(f"{self.label}: git kan niet worden uitgevoerd ({exc})") from exc
        if result.returncode != 0:
            message = result.stderr.decode("utf-8", "replace").strip().splitlines()
            raise SourceError(f"{self.label}: {git_message(message[-1] if message else '')}")
        return result.stdout

    def _tree(self) -> dict[str, str]:
        if self._blobs is None:
            prefix = f"{self.subdir.strip('/')}/" if self.subdir.strip("/") else ""
            pathspec = ["--", prefix] if prefix else []
            listing = self._git("ls-tree", "-r", "-z", "--full-tree", self.revision, *pathspec)
            blobs: dict[str, str] = {}
            for entry in listing.split(b"\0"):
                if not entry:
                    continue
                meta, _, name = entry.partition(b"\t")
                kind, sha = meta.split(b" ")[1:3]
                path = name.decode("utf-8")
                if kind == b"blob" and path.startswith(prefix):
                    blobs[path[len(prefix):]] = sha.decode()
            self._blobs = blobs
            self._load_all()
        return self._blobs

    def _load_all(self) -> None:
        """Read every blob in one ``git cat-file --batch`` call."""
        assert self._blobs is not None
        order = sorted(self._blobs)
        if not order:
            return
        output = self._git("cat-file", "--batch",
                           data="".join(f"{self._blobs[p]}\n" for p in order).encode())
        pos = 0
        for path in order:
            header_end = output.index(b"\n", pos)
            size = int(output[pos:header_end].split(b" ")[2])
            start = header_end + 1
            self._contents[path] = output[start:start + size]
            pos = start + size + 1

    def exists(self) -> bool:
        """Whether the folder has files at that revision; SourceError when git cannot tell."""
        return bool(self._tree())

    def files(self) -> list[str]:
        return sorted(self._tree())

    def read(self, rel: str) -> bytes:
        self._tree()
        if rel not in self._contents:
            raise FileNotFoundError(rel)
        return self._contents[rel]


def git_message(line: str) -> str:
    """git's (English) complaint about a revision, in Dutch with what to do next."""
    text = re.sub(r"^(fatal|error): ", "", line.strip())
    if re.search(r"not a valid object name|unknown revision|bad revision|invalid object name|"
                 r"not a tree object|ambiguous argument", text, re.IGNORECASE):
        return ("git kent deze revisie niet; 'git tag' toont de versies (tags) en 'git log "
                "--oneline' de commits die er zijn, bijv. HEAD~1:clauses")
    return f"git kan de revisie niet lezen (git meldt: {text or 'een onbekende fout'})"


def standard_source() -> FolderSource:
    """The standard clause library shipped with the tool."""
    return FolderSource(standard_library_path().resolve(), STANDARD_LABEL)


def _git_toplevel(start: Path) -> Path | None:
    try:
        result = subprocess.run(["git", "-C", str(start), "rev-parse", "--show-toplevel"],
                                capture_output=True, text=True, check=False, timeout=30)
    except (OSError, subprocess.TimeoutExpired):
        return None
    return Path(result.stdout.strip()) if result.returncode == 0 else None


def open_source(spec: str | Path | None, *, cwd: Path | None = None) -> Source:
    """A folder path, ``REV:pad`` (a folder at a git revision of the repository around the
    current folder), or None for the standard library.

    Raises SourceError when the spec names neither.
    """
    if spec is None:
        return standard_source()
    if isinstance(spec, Path):
        return FolderSource(spec.resolve(), spec.name or str(spec))
    path = Path(spec)
    if path.is_dir() or ":" not in spec:
        return FolderSource(path.resolve(), spec)
    revision, _, subdir = spec.partition(":")
    if not revision:
        raise SourceError(f"{spec}: geef een git-revisie vóór de dubbele punt, bijv. HEAD~1:clauses")
    base = (cwd or Path.cwd()).resolve()
    repo = _git_toplevel(base)
    if repo is None:
        raise SourceError(f"{spec}: is geen map, en {base} ligt niet in een git-repository. Een "
                          "revisie (REVISIE:map) werkt alleen in de map van een git-kloon van "
                          "de bibliotheek: ga daar eerst heen (cd), of vergelijk twee mappen")
    # Paths after the colon are relative to the current folder, as in 'git show REV:./pad'.
    rel = (base / subdir).resolve()
    try:
        subdir = rel.relative_to(repo.resolve()).as_posix()
    except ValueError:
        raise SourceError(f"{spec}: {subdir} ligt buiten de repository {repo}") from None
    return GitSource(repo, revision, "" if subdir == "." else subdir)
