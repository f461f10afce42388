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


def _duplicates(root: yaml.Node | None) -> list[tuple[int, str]]:
    """Keys that occur twice in one mapping. Each node is visited once, so an alias that
    points at a node already seen (the 'billion laughs' pattern) costs nothing extra."""
    found: list[tuple[int, str]] = []
    seen_nodes: set[int] = set()
    stack = [root] if root is not None else []
    while stack:
        node = stack.pop()
        if id(node) in seen_nodes:
            continue
        seen_nodes.add(id(node))
        if isinstance(node, yaml.MappingNode):
            keys: set[str] = set()
            for key, value in node.value:
                name = str(key.value)
                if name in keys:
                    found.append((key.start_mark.line + 1, name))
                keys.add(name)
                stack.append(value)
        elif isinstance(node, yaml.SequenceNode):
            stack.extend(node.value)
    return sorted(found)


def decode(data: bytes) -> str:
    """UTF-8 text of a YAML file; raise YamlLoadError when it is not UTF-8."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise YamlLoadError(None, f"het bestand is geen geldige UTF-8-tekst ({exc.reason})") from exc


def load_yaml(path: Path) -> YamlDocument:
    """Load one YAML file safely; raise YamlLoadError for unreadable or invalid files."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise YamlLoadError(None, f"het bestand kan niet worden gelezen ({exc.strerror})") from exc
    return parse_yaml(decode(data))


def parse_yaml(text: str) -> YamlDocument:
    """Parse one YAML document safely; raise YamlLoadError for invalid YAML."""
    loader = _SafeLoader(text)
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        problem = exc.problem or exc.context or "onbekende fout"
        raise YamlLoadError(line, f"ongeldige YAML: {problem}") from exc
    except yaml.YAMLError as exc:
        raise YamlLoadError(None, f"ongeldige YAML: {exc}") from exc
    finally:
        loader.dispose()
    return YamlDocument(data=data, text=text, duplicate_keys=tuple(_duplicates(node)))
