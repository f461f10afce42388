"""Load and validate a clause library: files -> typed, checked :class:`Library`."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from pydantic import BaseModel, ValidationError

from aanbesteding.errors import LibraryError, Problem
from aanbesteding.library.model import Clause, Definition, DefinitionFile, Theme, ThemeFile
from aanbesteding.support.pydantic_nl import field_path, translate
from aanbesteding.support.resources import standard_library_path
from aanbesteding.support.yamlsource import YamlDocument, YamlLoadError, load_yaml

THEMES_FILE = "themas.yaml"
DEFINITIONS_FILE = "begrippen.yaml"

M = TypeVar("M", bound=BaseModel)


@dataclass(frozen=True)
class LoadedClause:
    """A validated clause with where it came from."""

    clause: Clause
    path: Path
    theme: str
    document: YamlDocument = field(repr=False, compare=False)

    def line_of(self, *loc: str | int) -> int | None:
        return self.document.line_of(loc)


@dataclass(frozen=True)
class Library:
    """A loaded clause library, clauses ordered by theme, then ``volgorde``, then id."""

    root: Path
    themes: dict[str, Theme]
    definitions: dict[str, Definition]
    clauses: tuple[LoadedClause, ...]
    content_hash: str

    def by_id(self) -> dict[str, LoadedClause]:
        return {c.clause.id: c for c in self.clauses}


@dataclass
class _Loader:
    root: Path
    problems: list[Problem] = field(default_factory=list)

    def rel(self, path: Path) -> str:
        try:
            return path.relative_to(self.root).as_posix()
        except ValueError:
            return str(path)

    def add(self, path: Path, line: int | None, fld: str, message: str) -> None:
        self.problems.append(Problem(self.rel(path), line, fld, message))

    def parse(self, path: Path, model: type[M]) -> tuple[M | None, YamlDocument | None]:
        try:
            doc = load_yaml(path)
        except YamlLoadError as exc:
            self.add(path, exc.line, "(bestand)", exc.message)
            return None, None
        for line, key in doc.duplicate_keys:
            self.add(path, line, key, "dubbele sleutel; elk veld mag maar één keer voorkomen")
        if not isinstance(doc.data, dict):
            self.add(path, doc.line_of(()), "(bestand)",
                     "het bestand moet een verzameling velden (mapping) bevatten")
            return None, doc
        try:
            return model.model_validate(doc.data), doc
        except ValidationError as exc:
            for loc, message in translate(exc):
                self.add(path, doc.line_of(loc), field_path(loc), message)
            return None, doc


def content_hash(root: Path) -> str:
    """SHA-256 over every YAML file of the library (relative path and bytes), in path order."""
    digest = hashlib.sha256()
    for path in sorted(root.rglob("*.yaml"), key=lambda p: p.relative_to(root).as_posix()):
        digest.update(path.relative_to(root).as_posix().encode())
        digest.update(b"\0")
        digest.update(path.read_bytes())
        digest.update(b"\0")
    return digest.hexdigest()


def _load_clauses(loader: _Loader, themes: dict[str, Theme]) -> list[LoadedClause]:
    loaded: list[LoadedClause] = []
    first_seen: dict[str, Path] = {}
    root = loader.root
    for path in sorted(root.glob("*/*.y*ml"), key=lambda p: p.relative_to(root).as_posix()):
        if path.suffix not in (".yaml", ".yml"):
            continue
        clause, doc = loader.parse(path, Clause)
        theme = path.parent.name
        if themes and theme not in themes:
            loader.add(path, None, "(map)",
                       f"de map '{theme}' is geen thema uit {THEMES_FILE}")
        if clause is None or doc is None:
            continue
        if clause.id != path.stem:
            loader.add(path, doc.line_of(("id",)), "id",
                       f"id '{clause.id}' moet gelijk zijn aan de bestandsnaam '{path.stem}'")
        if clause.id in first_seen:
            loader.add(path, doc.line_of(("id",)), "id",
                       f"id '{clause.id}' komt al voor in {loader.rel(first_seen[clause.id])}")
            continue
        first_seen[clause.id] = path
        loaded.append(LoadedClause(clause, path, theme, doc))
    return loaded


def load_library_with_problems(root: Path | None = None) -> tuple[Library | None, list[Problem]]:
    """Load the library at ``root`` (default: the standard library) and run every check.

    Returns the library (None if it could not be assembled) and all problems found.
    """
    from aanbesteding.library.lint import check_clauses

    root = (root or standard_library_path()).resolve()
    loader = _Loader(root)
    if not root.is_dir():
        loader.add(root, None, "(map)", "de map van de clausulebibliotheek bestaat niet")
        return None, loader.problems
    theme_file, _ = loader.parse(root / THEMES_FILE, ThemeFile)
    definition_file, _ = loader.parse(root / DEFINITIONS_FILE, DefinitionFile)
    themes = {t.id: t for t in theme_file.themas} if theme_file else {}
    definitions = {d.begrip: d for d in definition_file.begrippen} if definition_file else {}
    clauses = _load_clauses(loader, themes)
    if not clauses and not loader.problems:
        loader.add(root, None, "(map)", "de bibliotheek bevat geen clausules (<thema>/<id>.yaml)")
    if definition_file is not None:
        check_clauses(clauses, definitions, loader.add)
    if loader.problems or theme_file is None or definition_file is None:
        return None, loader.problems
    ordered = sorted(clauses, key=lambda c: (themes[c.theme].volgorde, c.clause.volgorde,
                                             c.clause.id))
    library = Library(root, themes, definitions, tuple(ordered), content_hash(root))
    return library, []


def load_library(root: Path | None = None) -> Library:
    """Load and validate a clause library; raise LibraryError listing every problem."""
    library, problems = load_library_with_problems(root)
    if library is None:
        raise LibraryError(problems)
    return library
