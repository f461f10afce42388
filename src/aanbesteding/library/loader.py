"""Load a clause library: sources -> validated, checked, layered :class:`Library`.

Every load runs the cheap checks (YAML, schema, ids, themes, parameters, definitions). The
expensive lint (:mod:`aanbesteding.library.lint`) runs for clauses the lint cache has not
seen pass; ``lint="full"`` runs it for every clause, as ``bibliotheek controleer`` does.

Several sources can be layered: the first is the base (usually the standard library), each
later one may add themes, definitions and clauses, and replaces a clause with the same id.
Every clause remembers the source it came from.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Literal, TypeVar

from pydantic import BaseModel

from aanbesteding.errors import LibraryError, Problem
from aanbesteding.library.cache import LibraryCache, definitions_digest
from aanbesteding.library.chapters import (
    CHAPTER_NAMES,
    Chapter,
    LoadedChapter,
    is_chapter_file,
    layer_problems,
    lint_chapter,
)
from aanbesteding.library.checks import check_clause, check_references, check_texts
from aanbesteding.library.completeness import gaps
from aanbesteding.library.layer import Layer
from aanbesteding.library.model import Clause, Definition, DefinitionFile, Theme, ThemeFile
from aanbesteding.library.policy import POLICY_FILE, Policy, PolicyFile
from aanbesteding.library.sources import FolderSource, Source, open_source
from aanbesteding.support.pydantic_nl import field_path
from aanbesteding.support.yamlsource import YamlDocument, YamlLoadError, decode, parse_yaml

THEMES_FILE = "themas.yaml"
DEFINITIONS_FILE = "begrippen.yaml"
CLAUSE_SUFFIXES = (".yaml", ".yml")

LintMode = Literal["cached", "full", "skip"]
M = TypeVar("M", bound=BaseModel)


@dataclass(frozen=True)
class LoadedClause:
    """A validated clause with where it came from."""

    clause: Clause
    path: str  # relative to its source, e.g. keten/subverwerkers.yaml
    theme: str
    origin: str  # label of the source (layer) it came from
    digest: str  # SHA-256 of the file's bytes
    text: str = field(repr=False, compare=False)

    @cached_property
    def document(self) -> YamlDocument | None:
        """The parsed file, for line numbers; parsed again only when a message needs one."""
        try:
            return parse_yaml(self.text)
        except YamlLoadError:
            return None

    def line_of(self, *loc: str | int) -> int | None:
        return self.document.line_of(loc) if self.document is not None else None


@dataclass(frozen=True)
class Library:
    """A loaded clause library, clauses ordered by theme, then ``volgorde``, then id."""

    location: str
    origins: tuple[str, ...]
    themes: dict[str, Theme]
    definitions: dict[str, Definition]
    clauses: tuple[LoadedClause, ...]
    content_hash: str
    policy: Policy = field(default_factory=Policy)
    chapters: dict[str, LoadedChapter] = field(default_factory=dict)

    def by_id(self) -> dict[str, LoadedClause]:
        return {c.clause.id: c for c in self.clauses}


# Files at the root of a library that are not clauses.
ROOT_FILES = frozenset({THEMES_FILE, DEFINITIONS_FILE, POLICY_FILE})


def _is_clause_file(rel: str) -> bool:
    """A YAML file that can only be a clause: in a theme folder, or at the root of a library
    (where an organisation copies one) unless it is one of the library's own files."""
    parts = rel.split("/")
    if any(part.startswith(".") for part in parts) or not rel.endswith(CLAUSE_SUFFIXES) or is_chapter_file(rel):
        return False
    return len(parts) == 2 or (len(parts) == 1 and rel not in ROOT_FILES)


def _is_misplaced(rel: str) -> bool:
    """A YAML file in a folder inside a theme folder: never read, so always reported."""
    parts = rel.split("/")
    return len(parts) > 2 and rel.endswith(CLAUSE_SUFFIXES) and not any(part.startswith(".") for part in parts)


def _content_hash(layers: Sequence[Layer]) -> str:
    """SHA-256 over every file the loader read (relative path and bytes), in path order.

    With one source this is the hash of that folder's library files; each further layer
    is marked, so moving a file between layers changes the hash.
    """
    digest = hashlib.sha256()
    for index, layer in enumerate(layers):
        if index:
            digest.update(f"\0laag {index}\0".encode())
        for rel, data in sorted(layer.read, key=lambda item: item[0]):
            digest.update(rel.encode())
            digest.update(b"\0")
            digest.update(data)
            digest.update(b"\0")
    return digest.hexdigest()


class _Assembly:
    """The state of one load: merged themes, definitions and clauses across layers."""

    def __init__(self, sources: Sequence[Source], cache: LibraryCache | None) -> None:
        self.problems: list[Problem] = []
        self.layers = [Layer(s, len(sources) > 1, self.problems, cache) for s in sources]
        self.themes: dict[str, Theme] = {}
        self.definitions: dict[str, Definition] = {}
        self.policy = Policy()
        self.clauses: dict[str, tuple[LoadedClause, Layer, bytes]] = {}
        self.chapters: dict[str, tuple[LoadedChapter, Layer, bytes]] = {}
        self.complete = True

    def read_layer(self, index: int, layer: Layer) -> None:
        source = self.layers[index].source
        if not source.exists():
            hint = (
                f"; begin een organisatiebibliotheek met 'aanbesteding bibliotheek nieuw {source.location}'"
                if index > 0 and isinstance(source, FolderSource)
                else ""
            )
            layer.add("", None, "(map)", f"de map van de clausulebibliotheek bestaat niet of is leeg{hint}")
            self.complete = False
            return
        files = source.files()
        for rel, model in ((THEMES_FILE, ThemeFile), (DEFINITIONS_FILE, DefinitionFile)):
            if index > 0 and rel not in files:
                continue  # a layer on top may leave the base's themes and definitions alone
            parsed, doc, _ = layer.parse(rel, model)
            if parsed is None:
                self.complete = False
            elif isinstance(parsed, ThemeFile):
                self.themes.update({t.id: t for t in parsed.themas})
            elif isinstance(parsed, DefinitionFile):
                self.definitions.update({d.begrip: d for d in parsed.begrippen})
            for loc, message in check_texts(parsed) if parsed is not None else ():
                layer.add(rel, doc.line_of(loc) if doc else None, field_path(loc), message)
        if POLICY_FILE in files:
            policy, policy_doc, data = layer.parse(POLICY_FILE, PolicyFile)
            if policy is None:
                self.complete = False
            else:
                self.policy = self.policy.merged(
                    policy,
                    layer.source.label,
                    hashlib.sha256(data).hexdigest(),
                    f"{POLICY_FILE} in {layer.source.location}",
                )
                for loc, message in check_texts(policy):
                    layer.add(POLICY_FILE, policy_doc.line_of(loc) if policy_doc else None, field_path(loc), message)
        for rel in (f for f in files if is_chapter_file(f)):
            self._read_chapter(layer, rel)
        seen: dict[str, str] = {}
        earlier = {clause_id: entry[0].theme for clause_id, entry in self.clauses.items()}
        for rel in files:
            if _is_clause_file(rel):
                self._read_clause(layer, rel, seen, earlier)
            elif _is_misplaced(rel):
                layer.add(
                    rel,
                    None,
                    "(bestand)",
                    "dit bestand wordt niet gelezen: een clausule staat in "
                    "<thema>/<id>.yaml of in de hoofdmap van de bibliotheek",
                )

    def _read_chapter(self, layer: Layer, rel: str) -> None:
        chapter, doc, data = layer.parse(rel, Chapter)
        if chapter is None:
            return

        def line(*loc: str | int) -> int | None:
            return doc.line_of(loc) if doc is not None else None

        stem = rel.rsplit("/", 1)[1].rsplit(".", 1)[0]
        if chapter.id != stem:
            layer.add(rel, line("id"), "id", f"id '{chapter.id}' moet gelijk zijn aan de bestandsnaam '{stem}'")
            return
        below = self.chapters.get(chapter.id)
        problems = [*check_texts(chapter), *layer_problems(chapter, below[0].chapter if below else None)]
        for loc, message in problems:
            layer.add(rel, line(*loc), field_path(loc), message)
        self.chapters[chapter.id] = (
            LoadedChapter(chapter, rel, layer.source.label, hashlib.sha256(data).hexdigest()),
            layer,
            data,
        )

    def _read_clause(self, layer: Layer, rel: str, seen: dict[str, str], earlier: dict[str, str]) -> None:
        clause, data = layer.parse_clause(rel)
        if clause is None:
            return
        folder, _, name = rel.rpartition("/")
        theme = folder or earlier.get(clause.id)
        if theme is None:
            layer.add(
                rel,
                None,
                "(bestand)",
                f"clausule '{clause.id}' staat in de hoofdmap van de bibliotheek, maar er "
                "is geen standaardclausule met dat id waarvan zij het thema kan overnemen; "
                f"zet haar in een themamap (<thema>/{name}), bijv. "
                f"{next(iter(sorted(self.themes)), 'zeggenschap')}/{name}",
            )
            return
        item = LoadedClause(clause, rel, theme, layer.source.label, hashlib.sha256(data).hexdigest(), decode(data))
        stem = name.rsplit(".", 1)[0]
        if clause.id != stem:
            layer.add(rel, item.line_of("id"), "id", f"id '{clause.id}' moet gelijk zijn aan de bestandsnaam '{stem}'")
        if clause.id in seen:
            layer.add(rel, item.line_of("id"), "id", f"id '{clause.id}' komt al voor in {layer.name(seen[clause.id])}")
            return
        seen[clause.id] = rel
        self.clauses[clause.id] = (item, layer, data)


def _lint(assembly: _Assembly, mode: LintMode, cache: LibraryCache | None) -> None:
    if mode == "skip":
        return
    for loaded, layer, data in assembly.chapters.values():
        key = LibraryCache.lint_key(data, "hoofdstuk:" + ",".join(CHAPTER_NAMES))
        found = cache.get_lint(key) if cache is not None and mode == "cached" else None
        if found is None:
            found = list(lint_chapter(loaded.chapter))  # jinja2 only when not cached
            if cache is not None:
                cache.put_lint(key, found)
        for loc, message in found:
            layer.add(loaded.path, None, field_path(loc), message)
    defs_hash = definitions_digest(assembly.definitions)
    for item, layer, data in assembly.clauses.values():
        key = LibraryCache.lint_key(data, defs_hash)
        found = cache.get_lint(key) if cache is not None and mode == "cached" else None
        if found is None:
            from aanbesteding.library.lint import lint_clause  # jinja2 only when linting

            found = lint_clause(item.clause, assembly.definitions)
            if cache is not None:
                cache.put_lint(key, found)
        for loc, message in found:
            layer.add(item.path, item.line_of(*loc), field_path(loc), message)


def load_library_with_problems(
    *sources: Source | str | Path | None,
    lint: LintMode = "cached",
    cache: LibraryCache | Literal["default"] | None = "default",
) -> tuple[Library | None, list[Problem]]:
    """Load and check the library made of ``sources`` (base first; none: the standard
    library). Returns the library (None when it has problems) and every problem found.

    Raises SourceError when a source names a git revision that cannot be read.
    """
    opened = [open_source(s) if s is None or isinstance(s, str | Path) else s for s in sources] or [open_source(None)]
    if cache == "default":
        cache = LibraryCache.default()
    assembly = _Assembly(opened, cache)
    for layer in assembly.layers:
        layer.use_cached_parse = lint != "full"  # controleer parses and lints every file
    for index, layer in enumerate(assembly.layers):
        assembly.read_layer(index, layer)
    if not assembly.complete:
        return None, assembly.problems
    if not assembly.clauses and not assembly.problems:
        assembly.layers[0].add("", None, "(map)", "de bibliotheek bevat geen clausules (<thema>/<id>.yaml)")
    for item, layer, _ in assembly.clauses.values():
        if item.theme not in assembly.themes:
            layer.add(item.path, None, "(map)", f"de map '{item.theme}' is geen thema uit {THEMES_FILE}")
            continue
        for loc, message in [
            *check_clause(item.clause, assembly.definitions),
            *check_references(item.clause, assembly.clauses),
        ]:
            layer.add(item.path, item.line_of(*loc), field_path(loc), message)
    chapters = {key: loaded for key, (loaded, _, _) in assembly.chapters.items()}
    if lint != "skip":  # verschil reads an old revision as it was, without what is new since
        for problem in gaps(assembly.policy, chapters, assembly.layers[0].name):
            assembly.problems.append(problem)
    _lint(assembly, lint, cache)
    if assembly.problems:
        return None, sorted(assembly.problems, key=_problem_order(assembly))
    themes = assembly.themes
    ordered = sorted(
        (c for c, _, _ in assembly.clauses.values()),
        key=lambda c: (themes[c.theme].volgorde, c.clause.volgorde, c.clause.id),
    )
    library = Library(
        " + ".join(s.location for s in opened),
        tuple(s.label for s in opened),
        dict(themes),
        dict(assembly.definitions),
        tuple(ordered),
        _content_hash(assembly.layers),
        assembly.policy,
        chapters,
    )
    return library, []


def _problem_order(assembly: _Assembly) -> Callable[[Problem], int]:
    """Problems grouped per file, in file order, each file's problems in the order found."""
    files: dict[str, int] = {}
    for problem in assembly.problems:
        files.setdefault(problem.file, len(files))
    return lambda p: files[p.file]


def load_library(
    *sources: Source | str | Path | None,
    lint: LintMode = "cached",
    cache: LibraryCache | Literal["default"] | None = "default",
) -> Library:
    """Load and check a clause library; raise LibraryError listing every problem."""
    library, problems = load_library_with_problems(*sources, lint=lint, cache=cache)
    if library is None:
        raise LibraryError(problems)
    return library
