"""Safe YAML loading that remembers where every key was, for ``bestand:regel`` messages."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

import yaml

Loc = tuple[str | int, ...]

# libyaml's safe loader when PyYAML was built with it; same results, several times faster.
_SafeLoader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class YamlLoadError(Exception):
    """A file that is not valid YAML; ``line`` is 1-based when known."""

    def __init__(self, line: int | None, message: str) -> None:
        super().__init__(message)
        self.line = line
        self.message = message


@dataclass(frozen=True)
class YamlDocument:
    """Parsed YAML data, its duplicate keys, and the text it came from.

    The node tree (for line numbers) is composed again only when a message needs a line:
    keeping thousands of node trees alive makes loading a large library several times
    slower (the garbage collector keeps walking them).
    """

    data: Any
    text: str = field(repr=False)
    duplicate_keys: tuple[tuple[int, str], ...]

    @cached_property
    def node(self) -> yaml.Node | None:
        loader = _SafeLoader(self.text)
        try:
            return loader.get_single_node()
        except yaml.YAMLError:
            return None
        finally:
            loader.dispose()

    def line_of(self, loc: Loc) -> int | None:
        """1-based line of the deepest node on ``loc`` that exists in the file."""
        node: yaml.Node | None = self.node
        line = node.start_mark.line + 1 if node is not None else None
        for part in loc:
            if isinstance(node, yaml.MappingNode):
                match = next(((k, v) for k, v in node.value if str(k.value) == str(part)), None)
                if match is None:
                    return line
                line = match[0].start_mark.line + 1
                node = match[1]
            elif isinstance(node, yaml.SequenceNode) and isinstance(part, int):
                if part >= len(node.value):
                    return line
                node = node.value[part]
                line = node.start_mark.line + 1
            else:
                return line
        return line


MAX_TEXT = 5_000_000  # characters; the largest clause file is a few KB, a profile less


class _Loader(_SafeLoader):  # type: ignore[misc,valid-type]
    """The safe loader, noting keys that occur twice in one mapping while it constructs.

    Anchors and aliases (``&naam`` / ``*naam``) are refused: clause files and profiles have no
    use for them, and a few nested aliases under 1 KB expand to millions of values that every
    later step (validation, checks) would walk. A value the constructor cannot make (a date
    such as 2026-02-30, an integer of thousands of digits) is reported with its line.
    """

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self.duplicates: list[tuple[int, str]] = []

    def construct_object(self, node: yaml.Node, deep: bool = False) -> Any:
        if node in self.constructed_objects:
            raise yaml.constructor.ConstructorError(
                None,
                None,
                "ankers en verwijzingen (&naam, *naam) zijn niet toegestaan; schrijf de waarde voluit",
                node.start_mark,
            )
        try:
            return super().construct_object(node, deep)
        except (ValueError, OverflowError) as exc:
            raise yaml.constructor.ConstructorError(None, None, _unconstructable(node), node.start_mark) from exc

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        keys: set[str] = set()
        for key_node, _ in node.value:
            name = str(key_node.value)
            if name in keys:
                self.duplicates.append((key_node.start_mark.line + 1, name))
            keys.add(name)
        return super().construct_mapping(node, deep)  # type: ignore[no-any-return]


def _unconstructable(node: yaml.Node) -> str:
    from aanbesteding.support.text import shorten

    if node.tag.endswith(":timestamp"):
        return f"{shorten(node.value)} is geen bestaande datum (JJJJ-MM-DD)"
    if node.tag.endswith(":int"):
        return "het getal heeft te veel cijfers"
    return f"de waarde {shorten(node.value)} kan niet worden gelezen"


_PROBLEMS = {
    "did not find expected node content": "hier ontbreekt een waarde, of een teken hoort er niet",
    "mapping values are not allowed in this context": (
        "een dubbele punt op een plek waar geen veldnaam kan staan; zet de tekst tussen aanhalingstekens"
    ),
    "found character that cannot start any token": (
        "een teken dat hier niet mag (bijvoorbeeld een tab, of @ of ` aan het begin van een waarde)"
    ),
    "could not find expected ':'": "na een veldnaam ontbreekt de dubbele punt",
    "found unexpected end of stream": ("het bestand houdt onverwacht op (een aanhalingsteken niet gesloten?)"),
    "did not find expected key": "de inspringing klopt niet",
    "did not find expected '-' indicator": "de inspringing van de lijst klopt niet",
    "found undefined alias": "onbekende verwijzing (*naam)",
    "exceeded maximum nesting depth": "de lijsten en velden zijn te diep in elkaar genest",
}


def _dutch_problem(problem: str) -> str:
    """libyaml's most common English problem texts in Dutch; others unchanged."""
    for english, dutch in _PROBLEMS.items():
        if problem.startswith(english):
            return dutch
    return problem


def decode(data: bytes) -> str:
    """UTF-8 text of a YAML file; raise YamlLoadError when it is not UTF-8."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise YamlLoadError(None, f"het bestand is geen geldige UTF-8-tekst ({exc.reason})") from exc


def load_yaml(path: Path) -> YamlDocument:
    """Load one YAML file safely; raise YamlLoadError for unreadable or invalid files."""
    from aanbesteding.support.files import MAX_YAML, InputFileProblem, read_regular
    from aanbesteding.support.output import os_reason

    try:
        data = read_regular(path, MAX_YAML)  # not a device, FIFO or huge file: refused unread
    except InputFileProblem as exc:
        raise YamlLoadError(None, exc.reason) from exc
    except OSError as exc:
        raise YamlLoadError(None, f"het bestand kan niet worden gelezen ({os_reason(exc)})") from exc
    return parse_yaml(decode(data))


def parse_yaml(text: str) -> YamlDocument:
    """Parse one YAML document safely; raise YamlLoadError for invalid YAML, anchors and aliases,
    values that cannot be constructed, and texts over :data:`MAX_TEXT` characters."""
    if len(text) > MAX_TEXT:
        raise YamlLoadError(
            None, f"het bestand is te groot ({len(text):,} tekens; het maximum is {MAX_TEXT:,})".replace(",", ".")
        )
    loader = _Loader(text)
    try:
        data = loader.get_single_data()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        problem = exc.problem or exc.context or "onbekende fout"
        raise YamlLoadError(line, f"ongeldige YAML: {_dutch_problem(problem)}") from exc
    except yaml.YAMLError as exc:
        raise YamlLoadError(None, f"ongeldige YAML: {exc}") from exc
    finally:
        loader.dispose()
    return YamlDocument(data=data, text=text, duplicate_keys=tuple(sorted(loader.duplicates)))


def key_line(path: Path, key: str) -> int | None:
    """The 1-based line where top-level ``key`` of YAML file ``path`` is written, if found."""
    import re

    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return None
    pattern = re.compile(rf"^['\"]?{re.escape(key)}['\"]?\s*:")
    return next((n for n, line in enumerate(lines, 1) if pattern.match(line)), None)
