"""Where a clause library is read from: a folder, or a folder at a git revision.

A source only lists and reads files; what the bytes mean is the loader's business. Every
byte the loader reads passes through :meth:`Source.read`, so the library hash covers exactly
what was loaded. A repository may be someone else's: git runs so that nothing in it can
start a program (see :mod:`aanbesteding.library.git`), and every git failure is Dutch.
"""

from __future__ import annotations

import os
import subprocess
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from aanbesteding.errors import SourceError
from aanbesteding.library.git import git_problem, run_git
from aanbesteding.support.files import MAX_YAML, InputFileProblem, read_regular
from aanbesteding.support.output import os_reason
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
        """The file's bytes; a device, a FIFO or a file over the limit is refused (OSError)."""
        return read_regular(self.root / rel, MAX_YAML)


@dataclass
class GitSource:
    """A library folder as it was at a git revision (``REV:pad``), read without a checkout."""

    repo: Path
    revision: str
    subdir: str
    _blobs: dict[str, str] | None = field(default=None, repr=False)
    _contents: dict[str, bytes] = field(default_factory=dict, repr=False)
    _too_big: dict[str, int] = field(default_factory=dict, repr=False)

    @property
    def label(self) -> str:
        return f"{self.revision}:{self.subdir}" if self.subdir else f"{self.revision}:"

    @property
    def location(self) -> str:
        return f"{self.label} in {self.repo}"

    def _git(self, *args: str, data: bytes | None = None) -> bytes:
        try:
            result = run_git(self.repo, *args, data=data, timeout=120)
        except subprocess.TimeoutExpired:
            raise SourceError(f"{self.label}: git antwoordde niet binnen 120 seconden") from None
        except OSError as exc:
            raise SourceError(f"{self.label}: git kan niet worden gestart ({os_reason(exc)})") from None
        if result.returncode != 0:
            raise SourceError(f"{self.label}: {git_problem(result.stderr, self.revision)}")
        return result.stdout

    def _tree(self) -> dict[str, str]:
        if self._blobs is None:
            prefix = f"{self.subdir.strip('/')}/" if self.subdir.strip("/") else ""
            pathspec = ["--", prefix] if prefix else []
            listing = self._git("ls-tree", "-r", "-z", "--full-tree", self._object(), *pathspec)
            blobs: dict[str, str] = {}
            for entry in listing.split(b"\0"):
                meta, _, name = entry.partition(b"\t")
                fields = meta.split(b" ")
                if len(fields) != 3 or fields[1] != b"blob":
                    continue  # a submodule (commit) or an empty record
                path = self._path_name(name)
                if path.startswith(prefix):
                    blobs[path[len(prefix) :]] = fields[2].decode("ascii")
            self._blobs = blobs
            self._load_all()
        return self._blobs

    def _object(self) -> str:
        """The revision as git's argument; one that starts like an option is refused."""
        if self.revision.startswith("-") or "\0" in self.revision:
            raise SourceError(f"{self.label}: '{self.revision}' is geen git-revisie")
        return self.revision

    def _path_name(self, name: bytes) -> str:
        try:
            return name.decode("utf-8")
        except UnicodeDecodeError:
            shown = name.decode("utf-8", "backslashreplace")
            raise SourceError(
                f"{self.label}: de bestandsnaam {shown} in de repository is geen "
                "geldige UTF-8-tekst; geef het bestand een andere naam"
            ) from None

    def _load_all(self) -> None:
        """Read every blob within the size limit in one ``git cat-file --batch`` call, after one
        ``--batch-check`` call for the sizes (a huge file is never read into memory)."""
        assert self._blobs is not None
        order = sorted(self._blobs)
        if not order:
            return
        request = "".join(f"{self._blobs[p]}\n" for p in order).encode()
        sizes = self._git("cat-file", "--batch-check", data=request).splitlines()
        wanted = []
        for path, line in zip(order, [*sizes, *[b""] * len(order)], strict=False):
            header = line.split(b" ")
            if len(header) != 3 or not header[2].isdigit():
                raise SourceError(
                    f"{self.label}: {self.subdir + '/' if self.subdir else ''}{path} ontbreekt "
                    "in de repository (een onvolledige kloon: het bestand is nooit opgehaald); "
                    "haal de repository volledig op, of vergelijk met een map"
                )
            if int(header[2]) > MAX_YAML:
                self._too_big[path] = int(header[2])
            else:
                wanted.append(path)
        if not wanted:
            return
        output = self._git("cat-file", "--batch", data="".join(f"{self._blobs[p]}\n" for p in wanted).encode())
        pos = 0
        for path in wanted:
            header_end = output.index(b"\n", pos)
            size = int(output[pos:header_end].split(b" ")[2])
            start = header_end + 1
            self._contents[path] = output[start : start + size]
            pos = start + size + 1

    def exists(self) -> bool:
        """Whether the folder has files at that revision; SourceError when git cannot tell."""
        return bool(self._tree())

    def files(self) -> list[str]:
        return sorted(self._tree())

    def read(self, rel: str) -> bytes:
        """The file's bytes at the revision; InputFileProblem (an OSError) when it is larger
        than a library file may be."""
        self._tree()
        if rel in self._too_big:
            raise InputFileProblem(
                f"het bestand is te groot ({self._too_big[rel]:,} bytes; het maximum is {MAX_YAML:,})".replace(
                    ",", "."
                ),
                rel,
            )
        if rel not in self._contents:
            raise FileNotFoundError(rel)
        return self._contents[rel]


def standard_source() -> FolderSource:
    """The standard clause library shipped with the tool."""
    return FolderSource(standard_library_path().resolve(), STANDARD_LABEL)


def _git_toplevel(start: Path) -> Path | None:
    try:
        result = run_git(start, "rev-parse", "--show-toplevel", timeout=30)
    except (OSError, subprocess.TimeoutExpired):
        return None
    if result.returncode != 0:
        return None
    return Path(os.fsdecode(result.stdout.strip()))


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
        raise SourceError(
            f"{spec}: is geen map, en {base} ligt niet in een git-repository. Een "
            "revisie (REVISIE:map) werkt alleen in de map van een git-kloon van "
            "de bibliotheek: ga daar eerst heen (cd), of vergelijk twee mappen"
        )
    # Paths after the colon are relative to the current folder, as in 'git show REV:./pad'.
    rel = (base / subdir).resolve()
    try:
        subdir = rel.relative_to(repo.resolve()).as_posix()
    except ValueError:
        raise SourceError(f"{spec}: {subdir} ligt buiten de repository {repo}") from None
    return GitSource(repo, revision, "" if subdir == "." else subdir)
