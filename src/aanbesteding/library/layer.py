"""One source of a library as the loader reads it: every file parsed and validated against
its model, every problem recorded with file, line and field, every byte read kept for the
content hash."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TypeVar

from pydantic import BaseModel, ValidationError

from aanbesteding.errors import Problem
from aanbesteding.library.cache import LibraryCache, stated_by_file
from aanbesteding.library.model import Clause
from aanbesteding.library.sources import Source
from aanbesteding.support.output import os_reason
from aanbesteding.support.pydantic_nl import field_path, translate
from aanbesteding.support.yamlsource import YamlDocument, YamlLoadError, decode, parse_yaml

M = TypeVar("M", bound=BaseModel)


@dataclass
class Layer:
    """Reads one source, recording problems and every byte read."""

    source: Source
    qualify: bool
    problems: list[Problem]
    cache: LibraryCache | None = None
    use_cached_parse: bool = True
    read: list[tuple[str, bytes]] = field(default_factory=list)

    def name(self, rel: str) -> str:
        if not rel:
            return self.source.location
        return f"{self.source.location}/{rel}" if self.qualify else rel

    def add(self, rel: str, line: int | None, fld: str, message: str) -> None:
        self.problems.append(Problem(self.name(rel), line, fld, message))

    def parse(self, rel: str, model: type[M]) -> tuple[M | None, YamlDocument | None, bytes]:
        try:
            data = self.source.read(rel)
        except OSError as exc:
            self.add(rel, None, "(bestand)", f"het bestand kan niet worden gelezen ({os_reason(exc)})")
            return None, None, b""
        self.read.append((rel, data))
        return (*self._parse_bytes(rel, data, model), data)

    def parse_clause(self, rel: str) -> tuple[Clause | None, bytes]:
        """A clause file, from the cache when these exact bytes validated cleanly before."""
        try:
            data = self.source.read(rel)
        except OSError as exc:
            self.add(rel, None, "(bestand)", f"het bestand kan niet worden gelezen ({os_reason(exc)})")
            return None, b""
        self.read.append((rel, data))
        key = LibraryCache.clause_key(data) if self.cache is not None else ""
        cached = self.cache.get_clause(key) if self.cache is not None and self.use_cached_parse else None
        if cached is not None:
            try:
                stored = Clause.model_validate_json(cached)
                if stated_by_file(stored, data):
                    return stored, data
            except ValidationError:
                pass  # an unreadable entry: parse the file again
        before = len(self.problems)
        clause, _ = self._parse_bytes(rel, data, Clause)
        if clause is not None and self.cache is not None and len(self.problems) == before:
            self.cache.put_clause(key, clause.model_dump_json().encode())
        return clause, data

    def _parse_bytes(self, rel: str, data: bytes, model: type[M]) -> tuple[M | None, YamlDocument | None]:
        try:
            doc = parse_yaml(decode(data))
        except YamlLoadError as exc:
            self.add(rel, exc.line, "(bestand)", exc.message)
            return None, None
        for line, key in doc.duplicate_keys:
            self.add(rel, line, key, "dubbele sleutel; elk veld mag maar één keer voorkomen")
        if not isinstance(doc.data, dict):
            self.add(rel, doc.line_of(()), "(bestand)", "het bestand moet een verzameling velden (mapping) bevatten")
            return None, doc
        try:
            return model.model_validate(doc.data), doc
        except ValidationError as exc:
            for loc, message in translate(exc):
                self.add(rel, doc.line_of(loc), field_path(loc), message)
            return None, doc


# Files at the root of a library that are not clauses.
